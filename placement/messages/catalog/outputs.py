"""Codes of the outputs: where a report may be written, in which format; pins' outcomes."""

from __future__ import annotations

from placement.messages.registry import Kind, Severity, define

define(
    "output-is-input",
    Kind.PROBLEM,
    Severity.ERROR,
    summary="-o names one of the command's input files or folders.",
    summary_zh="-o 指向了本命令的某个输入文件或文件夹。",
    en="refusing to overwrite an input ({path}); choose another -o path",
    zh="拒绝覆盖输入文件（{path}）；请换一个 -o 路径",
    example={"path": "data/roster.csv"},
    fix="Write the output beside the inputs under a new name.",
    fix_zh="用新的文件名把输出写在输入旁边。",
)
define(
    "output-folder-missing",
    Kind.PROBLEM,
    Severity.ERROR,
    summary="The folder -o writes into does not exist.",
    summary_zh="-o 要写入的文件夹不存在。",
    en="folder {folder} does not exist",
    zh="文件夹 {folder} 不存在",
    example={"folder": "out/2026"},
    fix="Create the folder first, or give a path in an existing folder.",
    fix_zh="先建好该文件夹，或给出已有文件夹中的路径。",
)
define(
    "output-needs-folder",
    Kind.PROBLEM,
    Severity.ERROR,
    summary="CSV output is several tables: -o must name a folder.",
    summary_zh="CSV 输出包含多张表：-o 必须指向一个文件夹。",
    en="--format csv writes one file per table ({tables}) into a folder: "
    "give -o FOLDER (a new or existing folder, not {path})",
    zh="--format csv 把每张表（{tables}）各写成一个文件放进文件夹：请用 -o 指定文件夹"
    "（新建或已有的文件夹，而不是 {path}）",
    example={"tables": "transfers.csv, flags.csv", "path": "plan.csv"},
    fix="placement plan roster.csv --format csv -o plan-csv/",
    fix_zh="placement plan roster.csv --format csv -o plan-csv/",
)
define(
    "output-needs-file",
    Kind.PROBLEM,
    Severity.ERROR,
    summary="A binary format (XLSX) is written to a file, not to the terminal.",
    summary_zh="二进制格式（XLSX）只能写入文件，不能输出到终端。",
    en="--format {format} writes a file: give -o FILE{suffix}",
    zh="--format {format} 输出的是文件：请用 -o 指定文件（FILE{suffix}）",
    example={"format": "xlsx", "suffix": ".xlsx"},
    fix="placement plan roster.csv --format xlsx -o plan.xlsx",
    fix_zh="placement plan roster.csv --format xlsx -o plan.xlsx",
)
define(
    "output-is-folder",
    Kind.PROBLEM,
    Severity.ERROR,
    summary="-o names an existing folder but the format writes one file.",
    summary_zh="-o 指向已有文件夹，但该格式只写一个文件。",
    en="{path} is a folder; --format {format} writes one file: give -o FILE",
    zh="{path} 是文件夹；--format {format} 只写一个文件：请用 -o 指定文件",
    example={"path": "out", "format": "json"},
    fix="Name a file inside the folder, e.g. out/plan.json.",
    fix_zh="指定文件夹中的一个文件，例如 out/plan.json。",
)
define(
    "output-format-unknown",
    Kind.PROBLEM,
    Severity.ERROR,
    summary="The format cannot be told from the -o suffix.",
    summary_zh="无法从 -o 的扩展名判断输出格式。",
    en="cannot tell the format from the name {path}: give --format ({formats})",
    zh="无法从文件名 {path} 判断输出格式：请用 --format 指定（{formats}）",
    example={"path": "plan.out", "formats": "table, json, md"},
    fix="Add --format, or end the -o path in .json, .md, .html, .xlsx or .txt.",
    fix_zh="加上 --format，或让 -o 路径以 .json、.md、.html、.xlsx 或 .txt 结尾。",
)
define(
    "output-format-not-offered",
    Kind.PROBLEM,
    Severity.ERROR,
    summary="The -o suffix asks for a format this command does not write.",
    summary_zh="-o 的扩展名所指的格式本命令不提供。",
    en="placement {command} does not write {format} (asked by the name {path}); "
    "it writes {formats}",
    zh="`placement {command}` 不输出 {format}（由文件名 {path} 推断）；可用格式：{formats}",
    example={"command": "check", "format": "html", "path": "check.html", "formats": "json, md"},
    fix="Choose one of the formats offered, with --format or the -o suffix.",
    fix_zh="用 --format 或 -o 的扩展名选择本命令提供的格式。",
)
define(
    "output-suffix-mismatch",
    Kind.PROBLEM,
    Severity.ERROR,
    summary="--format and the -o suffix name different formats.",
    summary_zh="--format 与 -o 的扩展名所指的格式不同。",
    en="--format {format} but the name {path} ends in {suffix}, the suffix of {other}: "
    "make them agree",
    zh="--format 为 {format}，但文件名 {path} 的扩展名 {suffix} 对应 {other}：请使两者一致",
    example={"format": "json", "path": "plan.md", "suffix": ".md", "other": "md"},
    fix="Drop --format (the suffix decides) or rename the -o path.",
    fix_zh="去掉 --format（由扩展名决定），或改用匹配的 -o 路径。",
)
define(
    "apply-output-suffix",
    Kind.PROBLEM,
    Severity.ERROR,
    summary="apply writes the roster in the roster's own format; -o names another.",
    summary_zh="apply 按原名册的格式写出名册；-o 的扩展名却指向另一种格式。",
    en="the roster is {format}, so the roster after the plan is {format} too: "
    "give -o a name ending in {suffixes} (not {path})",
    zh="原名册为 {format} 格式，调整后的名册也是 {format}：-o 的文件名请以 {suffixes} 结尾"
    "（而不是 {path}）",
    example={"format": "xlsx", "suffixes": ".xlsx", "path": "roster-after.csv"},
    fix="Keep the roster's suffix: roster.xlsx → roster-after.xlsx.",
    fix_zh="保持原名册的扩展名：roster.xlsx → roster-after.xlsx。",
)
define(
    "pin-stays",
    Kind.NOTE,
    Severity.INFO,
    summary="The outcome of a pin: the officer stays in their unit.",
    summary_zh="人工决定的结果：该民警留在原单位。",
    en="stays",
    zh="留在原单位",
    example={},
)
define(
    "pin-moved",
    Kind.NOTE,
    Severity.INFO,
    summary="The outcome of a pin: the officer moves to the unit the pin names.",
    summary_zh="人工决定的结果：该民警调往指定单位。",
    en="moved to {unit}",
    zh="调往 {unit}",
    example={"unit": "PCS-HF"},
)

define(
    "workbook-unrewritable",
    Kind.NOTE,
    Severity.ERROR,
    summary="openpyxl could not open the roster workbook to write the applied roster into it.",
    summary_zh="openpyxl 无法打开花名册工作簿以写入执行后的花名册。",
    en="cannot rewrite the workbook: {detail}",
    zh="无法改写该工作簿：{detail}",
    example={"detail": "zipfile.BadZipFile: File is not a zip file"},
)
define(
    "roster-changed",
    Kind.PROBLEM,
    Severity.ERROR,
    summary="The roster's header row is not the one read when apply began.",
    summary_zh="花名册的表头行与 apply 开始时读到的不同。",
    en="the header row of sheet {sheet} is not the one read; was the file changed during apply?",
    zh="工作表 {sheet} 的表头行与读取时不同；文件是否在 `apply` 期间被改动？",
    example={"sheet": "花名冊"},
    fix="Run apply again on the file as it is now.",
    fix_zh="请对文件的当前版本重新运行 apply。",
)
