"""Codes of reading and writing files: YAML, units, pins, plans, outputs, and the hints."""

from __future__ import annotations

from placement.messages.registry import Kind, Severity, define, group

P, N, E = Kind.PROBLEM, Kind.NOTE, Severity.ERROR

# --- hints ----------------------------------------------------------------------------
define(
    "did-you-mean",
    N,
    Severity.INFO,
    summary="A hint: the known names that look like the one given.",
    summary_zh="提示：与所给名称相近的已知名称。",
    en="did you mean {names:or}?",
    zh="是否应为 {names:or}？",
    example={"names": ["所長", "副所長"]},
)
define(
    "known-terms",
    N,
    Severity.INFO,
    summary="A hint: the terms a vocabulary knows.",
    summary_zh="提示：词表中的已知词条。",
    en="known terms: {terms:list}",
    zh="已知词条：{terms:vals}",
    example={"terms": ["chief_section", "deputy_section", "staff"]},
)
define(
    "use-eq-or-in",
    N,
    Severity.INFO,
    summary="A hint: compare a single-valued field with eq or in.",
    summary_zh="提示：单值字段请用 eq 或 in 比较。",
    en="use eq or in",
    zh="请使用 `eq` 或 `in`",
)
define(
    "use-contains",
    N,
    Severity.INFO,
    summary="A hint: test a list field with contains.",
    summary_zh="提示：列表字段请用 contains。",
    en="use contains",
    zh="请使用 `contains`",
)

# --- YAML ----------------------------------------------------------------------------
define(
    "yaml-too-large",
    P,
    E,
    summary="A YAML file above the size limit.",
    summary_zh="YAML 文件超过大小上限。",
    en="file is larger than {mib} MiB",
    zh="文件大于 {mib} MiB",
    example={"mib": 20},
    fix="Split the file or remove what it does not need.",
    fix_zh="拆分文件或删去不需要的内容。",
)
define(
    "yaml-binary",
    P,
    E,
    summary="A file given as YAML holds NUL bytes.",
    summary_zh="作为 YAML 的文件含有 NUL 字节。",
    en="file is binary (contains NUL bytes), not YAML",
    zh="文件是二进制文件（含 NUL 字节），不是 YAML",
    fix="Give the YAML text file.",
    fix_zh="请给出 YAML 文本文件。",
)
define(
    "yaml-encoding",
    P,
    E,
    summary="A YAML file that is not UTF-8 text.",
    summary_zh="YAML 文件不是 UTF-8 文本。",
    en="not UTF-8 text (byte {byte})",
    zh="不是 UTF-8 文本（第 {byte} 字节）",
    example={"byte": 3},
    fix="Save the file as UTF-8.",
    fix_zh="请把文件另存为 UTF-8。",
)
define(
    "yaml-parser",
    P,
    E,
    summary="The YAML parser's own message (PyYAML / libyaml).",
    summary_zh="YAML 解析器报告的语法错误（PyYAML / libyaml）。",
    en="{detail:yaml}{tabs:tabs}",
    zh="{detail:yaml}{tabs:tabs}",
    example={
        "detail": "while scanning for the next token found character that cannot start any token",
        "tabs": True,
    },
    fix="Correct the YAML at the position given.",
    fix_zh="请修改所示位置的 YAML。",
)
define(
    "yaml-second-document",
    P,
    E,
    summary="A YAML file with more than one document.",
    summary_zh="YAML 文件含有多个文档。",
    en="expected a single document, found another (---)",
    zh="只应有一个文档，却又发现一个（---）",
    fix="Keep one document per file.",
    fix_zh="每个文件只保留一个文档。",
)
define(
    "yaml-alias",
    P,
    E,
    summary="YAML aliases are refused.",
    summary_zh="不接受 YAML 别名。",
    en="aliases (*name) are not allowed",
    zh="不允许使用别名（*name）",
    fix="Write the value out where it is used.",
    fix_zh="请在使用处直接写出取值。",
)
define(
    "yaml-too-deep",
    P,
    E,
    summary="YAML nesting above the limit.",
    summary_zh="YAML 嵌套层数超过上限。",
    en="nesting deeper than {levels} levels",
    zh="嵌套超过 {levels} 层",
    example={"levels": 40},
)
define(
    "key-not-scalar",
    P,
    E,
    summary="A YAML key that is not a plain scalar, or a merge key.",
    summary_zh="YAML 的键不是普通标量，或使用了合并键。",
    en="mapping keys must be plain scalars",
    zh="映射的键必须是普通标量",
)
define(
    "yaml-merge-key",
    P,
    E,
    summary="YAML merge keys (<<) are refused.",
    summary_zh="不接受 YAML 合并键（<<）。",
    en="merge keys (<<) are not allowed",
    zh="不允许使用合并键（<<）",
)
define(
    "yaml-tag",
    P,
    E,
    summary="A YAML tag other than the standard ones.",
    summary_zh="使用了标准标签以外的 YAML 标签。",
    en="tag {tag} is not allowed",
    zh="不允许使用标签 {tag}",
    example={"tag": "tag:yaml.org,2002:python/object/apply:os.system"},
)
define(
    "yaml-value",
    P,
    E,
    summary="A YAML scalar its type cannot read (a date out of range).",
    summary_zh="YAML 标量无法按其类型读取（如超出范围的日期）。",
    en="cannot read {value}: {detail:yaml}",
    zh="无法读取 {value}：{detail:yaml}",
    example={"value": "'2026-13-01'", "detail": "month must be in 1..12"},
)
define(
    "duplicate-key",
    P,
    E,
    summary="A key given twice in one YAML mapping.",
    summary_zh="同一 YAML 映射中的键出现两次。",
    en="key '{key}' appears twice (first at line {first})",
    zh="键 '{key}' 出现两次（第一次在第 {first} 行）",
    example={"key": "id", "first": 2},
)

# --- files ----------------------------------------------------------------------------
define(
    "cannot-read",
    N,
    E,
    summary="The operating system could not read a file.",
    summary_zh="操作系统无法读取文件。",
    en="cannot read: {error:os}",
    zh="无法读取：{error:os}",
    example={"error": "Permission denied"},
)
define(
    "units-unreadable",
    P,
    E,
    summary="The units file cannot be read.",
    summary_zh="无法读取单位文件。",
    en="cannot read units file: {error:os}",
    zh="无法读取单位文件：{error:os}",
    example={"error": "No such file or directory"},
)
define(
    "pins-unreadable",
    P,
    E,
    summary="The pins file cannot be read.",
    summary_zh="无法读取人工决定文件。",
    en="cannot read: {error:os}",
    zh="无法读取：{error:os}",
    example={"error": "Permission denied"},
)
define(
    "rules-unreadable",
    P,
    E,
    summary="A rule file cannot be read.",
    summary_zh="无法读取规则文件。",
    en="cannot read: {error:os}",
    zh="无法读取：{error:os}",
    example={"error": "Permission denied"},
)
define(
    "plan-unreadable",
    P,
    E,
    summary="The plan file cannot be read.",
    summary_zh="无法读取方案文件。",
    en="cannot read: {error:os}",
    zh="无法读取：{error:os}",
    example={"error": "Permission denied"},
)
define(
    "plan-not-json",
    P,
    E,
    summary="A plan file that is not JSON.",
    summary_zh="方案文件不是 JSON。",
    en="not a plan JSON document: {detail:json}",
    zh="不是方案 JSON 文档：{detail:json}",
    example={"detail": "Expecting value: line 1 column 1 (char 0)"},
)
define(
    "no-transfers",
    P,
    E,
    summary="A JSON file that is not a plan document.",
    summary_zh="JSON 文件不是方案文档。",
    en="not a plan document (no transfers list)",
    zh="不是方案文档（没有 `transfers` 列表）",
)
define(
    "plan-other-roster",
    P,
    E,
    summary="The plan was made from another roster.",
    summary_zh="方案由另一份花名册生成。",
    en="the plan was made from a different roster (sha256 differs); use --force to apply it anyway",
    zh="该方案由另一份花名册生成（sha256 不同）；如仍要应用，请加 --force",
    fix="Plan the roster again, or give --force.",
    fix_zh="请重新生成方案，或加 --force。",
)
define(
    "output-not-folder",
    P,
    E,
    summary="CSV output needs a folder.",
    summary_zh="CSV 输出需要文件夹。",
    en="with --format csv, -o names a folder",
    zh="使用 --format csv 时，-o 应指定文件夹",
)
define(
    "output-missing",
    P,
    E,
    summary="XLSX output needs -o FILE.",
    summary_zh="XLSX 输出需要 -o 文件。",
    en="--format xlsx needs -o FILE",
    zh="--format xlsx 需要用 -o 指定文件",
)

# --- problem codes that several sentences share ------------------------------------------
group("yaml-syntax", "YAML the safe reader refuses.", "安全读取器不接受的 YAML。", "yaml-parser")
group("yaml-key", "A YAML key of a kind that is refused.", "不接受的 YAML 键。", "key-not-scalar")
group("plan-invalid", "A file that is not a plan document.", "不是方案文档的文件。", "no-transfers")
