"""Command, option and group help in Chinese (shown when LANG starts with zh)."""

from __future__ import annotations

# --- help ------------------------------------------------------------------------------

HELP_ZH = {
    "codes": "列出问题与方案例外的代码：类别、严重程度、说明、示例消息和处理办法。退出码为 0；"
    "未知的 CODE 退出码为 2，并给出相近的代码。\n\n示例：placement codes unknown-field",
    "main": "把调整政策（YAML 规则）和花名册变成可供审议的调动方案。\n\n示例：placement plan data/roster.csv",
    "validate": "不需要花名册，检查规则文件（及单位文件）。\n\n全部有效时不输出任何内容，退出码为 0；"
    "否则每个问题输出一行，格式为 `文件:行:列: 代码: 说明`，退出码为 1。\n\n"
    "示例：placement validate rules/ --units data/units.yaml",
    "check": "按规则检查花名册现状：违规、标记、未达成的目标和例外。\n\n"
    "无可报告内容时退出码为 0，有则为 1，输入有误为 2。\n\n"
    "示例：placement check data/roster.csv --format json",
    "plan": "按规则生成调动方案，为每位需调动的民警安排具体单位。\n\n"
    "示例：placement plan data/roster.csv --format json -o plan.json",
    "apply": "写出执行方案后的 ROSTER：行和列不变，按方案更新被调整民警的单位和职务。\n\n"
    "示例：placement apply plan.json data/roster.csv -o roster-after.csv",
    "explain": "逐条显示规则对某位民警的判定：是否适用、每项条件及其取值、豁免、最终决定，"
    "以及方案把他（她）调往何处；并逐项显示各选配办法：是否符合条件、综合排名、是否任职。\n\n"
    "用 `--post 单位:职务` 改为说明某一领导职务：职数与调前调后在任人员、适用的选配办法、"
    "按综合排名列出的符合条件人选（任职者及其他人未任的原因），以及因数据缺失资格不明的人选。\n\n"
    "示例：placement explain data/roster.csv J0042",
    "test": "运行规则文件中的全部 `tests:` 用例（一位民警，以及规则应作出的处理）。\n\n"
    "示例：placement test rules/ --coverage --min-coverage 100",
    "schema": "输出规则文件或方案文档的 JSON Schema。\n\n"
    "示例：placement schema rules > placement-rules.schema.json",
    "diff": "显示政策调整的影响：新增、取消或改派的调动，新出现或消失的例外，以及概要数据的变化。\n\n"
    "示例：placement diff plan-2026.json plan-2027.json --format md",
}

SHORT_ZH = {
    "validate": "检查规则文件和单位文件（用于 CI）。",
    "check": "列出花名册中的违规、标记和例外。",
    "plan": "为花名册生成调动方案。",
    "apply": "写出执行方案后的花名册。",
    "explain": "说明规则为何这样处理某位民警。",
    "test": "运行规则文件自带的测试。",
    "schema": "输出规则文件或方案的 JSON Schema。",
    "diff": "比较两个方案。",
    "codes": "列出问题与例外代码。",
}

OPTION_ZH = {
    "rules": "规则文件夹或文件 [rules/]。",
    "units": "单位文件 [data/units.yaml]。",
    "as_of": "计算年龄的基准日期（YYYY-MM-DD）。",
    "sheet": "要读取的工作表：名称或从 1 起数的序号 [当前可见的活动工作表，或表头含名册字段的那一个]。",
    "pin_file": "人工决定（YAML）。",
    "fmt": "输出格式（默认：按 -o 的后缀；不带 -o 时为 table）。",
    "output": "写到此处：一个文件；csv 格式时为文件夹（每张表一个文件）。",
    "force": "应用由另一份花名册生成的方案。",
    "lang": "人类可读文本的语言：en 或 zh（默认：环境变量 LANG 以 zh 开头时为 zh，否则为 en）。"
    "--help 只看 LANG：帮助在读取选项之前输出，不受 --lang 影响。",
    "coverage": "显示测试覆盖了哪些规则（适用与不适用两方面）。",
    "min_coverage": "覆盖率低于此百分比时判为失败。",
    "verbose": "每个测试用例输出一行。",
    "strict": "警告也判为失败。",
    ("apply", "output"): "新花名册。",
    ("plan", "fmt"): "输出格式（默认：按 -o 的后缀；不带 -o 时为 table）。",
    ("diff", "fmt"): "输出格式。",
    ("validate", "fmt"): "输出格式：text、json 或 github（GitHub 注释）。",
    ("explain", "fmt"): "输出格式。",
    ("explain", "post_spec"): "改为说明一个领导职务：单位编号或全称、冒号、职务或其别名。",
    ("explain", "limit"): "列出的人选人数。",
    ("explain", "show_all"): "列出全部人选。",
    ("check", "output"): "写到此处：一个文件；csv 格式时为文件夹（每张表一个文件）。",
}

TEXT_ZH = {
    "Show this message and exit.": "显示此帮助并退出。",
    "Show the version and exit.": "显示版本并退出。",
    "required": "必填",
}


def option_help(command: str, name: str, english: str) -> str:
    """The Chinese help of an option (by command and parameter name), else of its English text."""
    return OPTION_ZH.get((command, name)) or OPTION_ZH.get(name) or TEXT_ZH.get(english) or english
