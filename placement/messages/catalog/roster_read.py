"""Codes of reading a roster as real exports come: the sheet, the header, Excel's value habits."""

from __future__ import annotations

from placement.messages.registry import Kind, Severity, define

define(
    "roster-sheet-missing",
    Kind.PROBLEM,
    Severity.ERROR,
    summary="--sheet names no sheet of the workbook.",
    summary_zh="--sheet 指定的工作表不存在。",
    en="no sheet '{sheet}' in the workbook (sheets: {sheets:items})",
    zh="工作簿中没有工作表“{sheet}”（现有：{sheets:items}）",
    example={
        "sheet": "2025",
        "sheets": [
            ("sheet-listed", {"n": 1, "name": "填表說明"}),
            ("sheet-listed", {"n": 2, "name": "花名冊"}),
        ],
    },
    fix="Give a sheet name or its position counted from 1.",
    fix_zh="给出工作表名称，或从 1 起数的序号。",
)
define(
    "roster-sheet-several",
    Kind.PROBLEM,
    Severity.ERROR,
    summary="Several visible sheets hold a roster and none of them is the active one.",
    summary_zh="多个可见工作表都像名册，且都不是当前活动工作表。",
    en="several sheets hold a roster ({sheets:list}); choose one with --sheet",
    zh="多个工作表都像名册（{sheets:list}）；请用 --sheet 指定",
    example={"sheets": ["城區", "郊區"]},
    fix="Give --sheet NAME, or make the roster the active sheet.",
    fix_zh="给出 --sheet 名称，或把名册设为活动工作表。",
)
define(
    "roster-sheet-hidden",
    Kind.PROBLEM,
    Severity.ERROR,
    summary="The only sheet with a roster header is hidden; hidden sheets are never read unasked.",
    summary_zh="唯一有名册表头的工作表是隐藏的；隐藏工作表不会被默认读取。",
    en="the roster is on hidden sheet '{sheet}'; give --sheet '{sheet}' to read it "
    "(sheets: {sheets:items})",
    zh="名册在隐藏工作表“{sheet}”上；如要读取请给出 --sheet '{sheet}'（现有：{sheets:items}）",
    example={
        "sheet": "2024",
        "sheets": [
            ("sheet-listed-hidden", {"n": 1, "name": "2024"}),
            ("sheet-listed", {"n": 2, "name": "說明"}),
        ],
    },
    fix="Unhide the sheet or give --sheet.",
    fix_zh="取消隐藏该工作表，或给出 --sheet。",
)
define(
    "roster-sheet-none",
    Kind.PROBLEM,
    Severity.ERROR,
    summary="No visible sheet has a header naming roster fields.",
    summary_zh="没有可见工作表的表头含名册字段。",
    en="no visible sheet has a roster header (sheets: {sheets:items}); choose one with --sheet",
    zh="没有可见工作表带名册表头（现有：{sheets:items}）；请用 --sheet 指定",
    example={
        "sheets": [
            ("sheet-listed", {"n": 1, "name": "填表說明"}),
            ("sheet-listed", {"n": 2, "name": "統計"}),
        ]
    },
    fix="Check the file, or give --sheet.",
    fix_zh="检查文件，或给出 --sheet。",
)
define(
    "roster-sheet-text",
    Kind.PROBLEM,
    Severity.ERROR,
    summary="--sheet was given for a CSV or text roster, which has no sheets.",
    summary_zh="对 CSV 或文本名册给出了 --sheet，而它没有工作表。",
    en="--sheet {sheet} is for workbooks; {file} is a text file",
    zh="--sheet {sheet} 只用于工作簿；{file} 是文本文件",
    example={"sheet": "2", "file": "roster.csv"},
    fix="Leave out --sheet.",
    fix_zh="去掉 --sheet。",
)
define(
    "header-near-miss",
    Kind.PROBLEM,
    Severity.ERROR,
    summary="A required column is missing and a header looks like it.",
    summary_zh="缺少必需列，而有一个表头与之相近。",
    en="header '{header}' looks like {field:field} ({alias}) but is not one of its names; "
    "rename it",
    zh="表头“{header}”像是 {field:field}（{alias}），但不是它的名称；请改名",
    example={"header": "出生時間", "field": "birth_date", "alias": "出生日期"},
    fix="Rename the header to one of the field's names (placement schema lists them).",
    fix_zh="把表头改为该字段的名称之一。",
)
define(
    "ambiguous_value",
    Kind.EXCEPTION,
    Severity.WARNING,
    summary="A value that could mean two things; the row is planned with the field unknown.",
    summary_zh="取值可有两种理解；该行照常参与方案，此字段按未知处理。",
    en="row {row}: {field:field} '{value}' could be {first} or {second}; write it as {example}",
    zh="第 {row} 行：{field:field}“{value}”可理解为 {first} 或 {second}；请写成 {example}",
    example={
        "row": 5,
        "field": "birth_date",
        "value": "1985.1",
        "first": "1985-01",
        "second": "1985-10",
        "example": "1985-10",
    },
    fix="Write the date in full (YYYY-MM or YYYY-MM-DD), or format the column as text.",
    fix_zh="把日期写完整（YYYY-MM 或 YYYY-MM-DD），或把该列设为文本格式。",
)
define(
    "lost_digits",
    Kind.EXCEPTION,
    Severity.WARNING,
    summary="An ID number Excel turned into a number: its last digits are lost; planned with "
    "id_number unknown.",
    summary_zh="身份证号被表格软件转成了数字，末几位已丢失；按身份证号未知参与方案。",
    en="row {row}: {field:field} '{value}' was turned into a number by Excel and its last digits "
    "are lost; format the column as text and type the numbers again",
    zh="第 {row} 行：{field:field}“{value}”被表格软件转成了数字，末几位已丢失；"
    "请把该列设为文本格式后重新录入",
    example={"row": 5, "field": "id_number", "value": "1.40105E+17"},
    fix="Format the ID column as text (or prefix an apostrophe) and enter the numbers again.",
    fix_zh="把身份证号列设为文本格式（或前加单引号）后重新录入。",
)
define(
    "sheet-empty",
    Kind.NOTE,
    Severity.ERROR,
    summary="The sheet chosen holds no cells.",
    summary_zh="所选工作表没有内容。",
    en="sheet '{sheet}' is empty",
    zh="工作表“{sheet}”为空",
    example={"sheet": "花名冊"},
)
define(
    "roster-format-unwritable",
    Kind.PROBLEM,
    Severity.ERROR,
    summary="apply cannot write the roster back in its old workbook format.",
    summary_zh="apply 无法按旧工作簿格式写回名册。",
    en="apply writes CSV or XLSX rosters; save this {format} workbook as XLSX and apply to that",
    zh="只能写回 csv 或 xlsx 名册；请把这个 {format} 工作簿另存为 xlsx 后再执行",
    example={"format": "XLS"},
    fix="Save the workbook as XLSX (the plan's sha256 then differs: plan again, or --force).",
    fix_zh="把工作簿另存为 XLSX（其 sha256 随之改变：重新生成方案，或用 --force）。",
)

define(
    "sheet-listed",
    Kind.NOTE,
    Severity.INFO,
    summary="A visible sheet in a list of a workbook's sheets: its number from 1 and its name.",
    summary_zh="工作簿工作表清单中的一个可见工作表：从 1 起的序号和名称。",
    en="{n} {name}",
    zh="{n} {name}",
    example={"n": 2, "name": "花名冊"},
)
define(
    "sheet-listed-hidden",
    Kind.NOTE,
    Severity.INFO,
    summary="A hidden sheet in a list of a workbook's sheets.",
    summary_zh="工作簿工作表清单中的一个隐藏工作表。",
    en="{n} {name} (hidden)",
    zh="{n} {name}（隐藏）",
    example={"n": 1, "name": "2025年花名冊"},
)
