"""Codes of the roster: the file, its header, and the rows that become exceptions."""

from __future__ import annotations

from placement.messages.registry import Kind, Severity, define, group

P, X, N, E = Kind.PROBLEM, Kind.EXCEPTION, Kind.NOTE, Severity.ERROR

# --- the file -------------------------------------------------------------------------
define(
    "roster-too-large",
    P,
    E,
    summary="A roster file above the size limit.",
    summary_zh="花名册文件超过大小上限。",
    en="the file is larger than {size}",
    zh="文件大于 {size}",
    example={"size": "2 GiB"},
)
define(
    "roster-missing",
    P,
    E,
    summary="No roster file at the path given.",
    summary_zh="所给路径下没有花名册文件。",
    en="no such file",
    zh="文件不存在",
)
define(
    "roster-encoding",
    P,
    E,
    summary="A roster whose text encoding cannot be read.",
    summary_zh="无法识别花名册的文本编码。",
    en="{detail:msg}",
    zh="{detail:msg}",
    example={"detail": ("not-utf8-gb18030", {"offset": 61})},
)
define(
    "utf16-undecodable",
    N,
    E,
    summary="Bytes that are not UTF-16.",
    summary_zh="不是 UTF-16 的字节。",
    en="cannot decode as UTF-16 (byte {byte})",
    zh="无法按 UTF-16 解码（第 {byte} 字节）",
    example={"byte": 12},
)
define(
    "not-utf8-gb18030",
    N,
    E,
    summary="Bytes that are neither UTF-8 nor GB18030.",
    summary_zh="既不是 UTF-8 也不是 GB18030 的字节。",
    en="the text is neither UTF-8 nor GB18030 (bad byte at offset {offset})",
    zh="文本既不是 UTF-8 也不是 GB18030（偏移 {offset} 处的字节无效）",
    example={"offset": 61},
)
define(
    "roster-binary",
    P,
    E,
    summary="A roster file holding NUL bytes.",
    summary_zh="花名册文件含有 NUL 字节。",
    en="the file is binary (contains NUL bytes); save it as CSV or XLSX",
    zh="该文件是二进制文件（含 NUL 字节）；请另存为 CSV 或 XLSX",
    fix="Save the roster as CSV or XLSX.",
    fix_zh="请把花名册另存为 CSV 或 XLSX。",
)
define(
    "file-empty",
    N,
    E,
    summary="An empty file.",
    summary_zh="空文件。",
    en="the file is empty",
    zh="文件为空",
)
define(
    "no-sheets",
    N,
    E,
    summary="A workbook without sheets.",
    summary_zh="没有工作表的工作簿。",
    en="the workbook has no sheets",
    zh="工作簿中没有工作表",
)
define(
    "first-sheet-empty",
    N,
    E,
    summary="A workbook whose first sheet is empty.",
    summary_zh="第一个工作表为空的工作簿。",
    en="the first sheet is empty",
    zh="第一个工作表为空",
)
define(
    "not-csv",
    N,
    E,
    summary="Text the CSV reader refuses (its message).",
    summary_zh="CSV 读取器不接受的文本（其原文）。",
    en="not a readable CSV file: {detail}",
    zh="不是可读取的 CSV 文件：{detail:library}",
    example={"detail": "bad quote"},
)
define(
    "not-xlsx",
    N,
    E,
    summary="A file the XLSX reader refuses (its message).",
    summary_zh="XLSX 读取器不接受的文件（其原文）。",
    en="not a readable XLSX workbook ({detail})",
    zh="不是可读取的 XLSX 工作簿（{detail:library}）",
    example={"detail": "CalamineError: Cannot detect file format"},
)
define(
    "roster-folder",
    N,
    E,
    summary="A folder given as the roster.",
    summary_zh="把文件夹当作花名册。",
    en="is a folder, not a roster file",
    zh="这是文件夹，不是花名册文件",
)
group(
    "roster-unreadable", "A roster file that cannot be read.", "无法读取的花名册文件。", "not-csv"
)
group("roster-empty", "A roster without data.", "没有数据的花名册。", "file-empty")

# --- the header -----------------------------------------------------------------------
define(
    "header-twice",
    N,
    E,
    summary="A header given twice.",
    summary_zh="表头出现两次。",
    en="header '{header}' appears twice (columns {first} and {second})",
    zh="表头 '{header}' 出现两次（第 {first} 列和第 {second} 列）",
    example={"header": "name", "first": 2, "second": 7},
)
define(
    "columns-same-field",
    N,
    E,
    summary="Two columns that both give one field.",
    summary_zh="两列对应同一字段。",
    en="columns {first} '{a}' and {second} '{b}' both give {field}",
    zh="第 {first} 列 '{a}' 与第 {second} 列 '{b}' 都对应{field:field}",
    example={"first": 2, "a": "姓名", "second": 3, "b": "name", "field": "name"},
)
group(
    "duplicate-header", "The header names a field twice.", "表头两次给出同一字段。", "header-twice"
)
define(
    "missing-column",
    P,
    E,
    summary="A required column is missing.",
    summary_zh="缺少必需的列。",
    en="required column missing: {columns:columns}; is this a roster?",
    zh="缺少必需的列：{columns:columns}；这是花名册吗？",
    example={"columns": [["officer_id", "警號/警号"], ["name", "姓名"]]},
    fix="Add the column, or name it as one of its aliases.",
    fix_zh="请补上该列，或使用其别名作为表头。",
)

# --- rows (plan exceptions) -------------------------------------------------------------
define(
    "invalid_row",
    X,
    E,
    summary="A roster row with a value that cannot be read; it is not planned.",
    summary_zh="花名册中有无法读取的取值的行；该行不参与规划。",
    en="row {row}: {detail:msg}",
    zh="第 {row} 行：{detail:msg}",
    example={"row": 5, "detail": ("not-a-date", {"field": "birth_date", "value": "1985-13-01"})},
    fix="Correct the cell and run again.",
    fix_zh="请改正该单元格后重新运行。",
)
define(
    "unknown_unit",
    X,
    E,
    summary="A roster row naming a unit not in the units file.",
    summary_zh="花名册中的行含有单位文件中没有的单位。",
    en="row {row}: {detail:msg}",
    zh="第 {row} 行：{detail:msg}",
    example={"row": 5, "detail": ("unit-not-in-file", {"unit": "不存在派出所"})},
    fix="Correct the unit or add it to the units file.",
    fix_zh="请改正单位，或把它加入单位文件。",
)
define(
    "duplicate_id",
    X,
    E,
    summary="An officer_id that an earlier row already has.",
    summary_zh="警号已在前面的行中出现。",
    en="row {row}: officer_id '{value}' appears on an earlier row",
    zh="第 {row} 行：警号 '{value}' 已在前面的行中出现",
    example={"row": 9, "value": "J0001"},
)
define(
    "data_conflict",
    X,
    E,
    summary="Two cells of a row that contradict each other.",
    summary_zh="同一行的两个单元格互相矛盾。",
    en="row {row}: id_number's birth date does not agree with birth_date",
    zh="第 {row} 行：身份证号中的出生日期与出生日期一栏不一致",
    example={"row": 4},
)
define(
    "cell-empty",
    N,
    E,
    summary="A required cell left empty.",
    summary_zh="必填单元格为空。",
    en="{field} is empty",
    zh="{field:field}为空",
    example={"field": "birth_date"},
)
define(
    "wishes-unknown-unit",
    N,
    E,
    summary="Wishes naming a unit not in the units file.",
    summary_zh="个人意愿含有单位文件中没有的单位。",
    en="wishes '{value}' name a unit not in the units file",
    zh="个人意愿 '{value}' 含有单位文件中没有的单位",
    example={"value": "PCS-HF;NOPE"},
)
define(
    "bad-resident-id",
    N,
    E,
    summary="An id_number that is not a valid resident ID.",
    summary_zh="身份证号不是有效的居民身份证号码。",
    en="id_number '{value}' is not a valid resident ID",
    zh="身份证号 '{value}' 不是有效的居民身份证号码",
    example={"value": "12345"},
)
define(
    "born-after-as-of",
    N,
    E,
    summary="A birth date after the as-of date.",
    summary_zh="出生日期晚于基准日期。",
    en="birth_date '{value}' is after the as-of date {as_of}",
    zh="出生日期 '{value}' 晚于基准日期 {as_of}",
    example={"value": "2099-01-01", "as_of": "2026-10-01"},
)
define(
    "ragged-row",
    N,
    E,
    summary="A row with more cells than the header.",
    summary_zh="该行单元格比表头多。",
    en="row has {cells} cells, the header has {header}",
    zh="该行有 {cells} 个单元格，表头有 {header} 个",
    example={"cells": 9, "header": 7},
)
define(
    "not-a-date",
    N,
    E,
    summary="A cell that is not a date.",
    summary_zh="单元格不是日期。",
    en="{field} '{value}' is not a date",
    zh="{field:field} '{value}' 不是日期",
    example={"field": "birth_date", "value": "85-3-2"},
)
define(
    "not-yes-no",
    N,
    E,
    summary="A cell that is not yes/no.",
    summary_zh="单元格不是“是/否”。",
    en="{field} '{value}' is not yes/no",
    zh="{field:field} '{value}' 不是“是/否”",
    example={"field": "special_post", "value": "maybe"},
)
define(
    "not-a-count",
    N,
    E,
    summary="A cell that is not a number ≥ 0.",
    summary_zh="单元格不是大于等于 0 的数字。",
    en="{field} '{value}' is not a number ≥ 0",
    zh="{field:field} '{value}' 不是大于等于 0 的数字",
    example={"field": "grassroots_years", "value": "-1"},
)
define(
    "not-in-vocabulary",
    N,
    E,
    summary="A cell not in the vocabulary.",
    summary_zh="单元格不在词表中。",
    en="{field} '{value}' is not in the vocabulary ({hint:msg})",
    zh="{field:field} '{value}' 不在词表中（{hint:msg}）",
    example={"field": "post", "value": "所長長", "hint": ("did-you-mean", {"names": ["所長"]})},
)
define(
    "not-a-sex",
    N,
    E,
    summary="A sex cell that is not M/F.",
    summary_zh="性别不是男/女。",
    en="sex '{value}' is not M/F (男/女)",
    zh="性别 '{value}' 不是 男/女（M/F）",
    example={"value": "X"},
)
define(
    "not-an-appraisal",
    N,
    E,
    summary="An appraisal that is not one of the four grades.",
    summary_zh="年度考核不是四个等次之一。",
    en="appraisal '{value}' is not excellent/competent/basically_competent/incompetent",
    zh="年度考核 '{value}' 不是 优秀/称职/基本称职/不称职 之一",
    example={"value": "good"},
)
define(
    "not-an-enum-value",
    N,
    E,
    summary="A cell outside a declared field's values.",
    summary_zh="单元格不在所声明字段的取值之中。",
    en="{field} '{value}' is not one of {values:slashed}",
    zh="{field:field} '{value}' 不是 {values:slashed} 之一",
    example={
        "field": "education",
        "value": "phd",
        "values": ["secondary", "college", "bachelor", "master"],
    },
)
