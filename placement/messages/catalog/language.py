"""Codes of the rule language: combining rule files, missing defaults, `explain`'s tree."""

from __future__ import annotations

from placement.messages.registry import Kind, Severity, define
from placement.messages.render import CONVERTERS

# What a name names, for `{x:namekind}` slots: the namespaces of SPEC §1.4.
_NAME_KINDS = {
    "constant": ("constant", "常量"),
    "field": ("field", "字段"),
    "post": ("post term", "职务词条"),
    "rank": ("rank term", "职级词条"),
    "rule": ("rule id", "规则编号"),
    "target": ("target id", "目标编号"),
    "policy": ("appointment policy id", "任职政策编号"),
    "unit_merge": ("transfers made by a unit merge alone", "仅因单位撤并而产生的调动"),
    "pin": ("the committee's pinned decisions", "党委人工确定的安排（--pin）"),
}
_BUILT_IN = {"built-in": ("the built-in vocabulary", "内置词表")}
CONVERTERS["en"]["place"] = lambda v: _BUILT_IN.get(str(v), (str(v), str(v)))[0]
CONVERTERS["zh"]["place"] = lambda v: _BUILT_IN.get(str(v), (str(v), str(v)))[1]
CONVERTERS["en"]["namekind"] = lambda v: _NAME_KINDS.get(str(v), (str(v), str(v)))[0]
CONVERTERS["zh"]["namekind"] = lambda v: _NAME_KINDS.get(str(v), (str(v), str(v)))[1]

define(
    "duplicate-name",
    Kind.PROBLEM,
    Severity.ERROR,
    summary="A name of the rule set (constant, field, vocabulary term, id) is defined twice.",
    summary_zh="规则集中的名称（常量、字段、词条、编号）重复定义。",
    en="{what:namekind} '{name}' is defined twice: here and as {first_what:namekind} at {first}",
    zh="{what:namekind}“{name}”重复定义：此处，以及 {first} 处的{first_what:namekind}",
    example={
        "what": "rule",
        "name": "organ-young-cadre-down",
        "first_what": "rule",
        "first": "rules/10-iron-rules.yaml:9:9",
    },
    fix="Give each constant, field, vocabulary term and id once in the whole rules folder "
    "(rule, target and appointment policy ids share one namespace); rename or remove one.",
    fix_zh="每个常量、字段、词条和编号在整个规则目录中只定义一次（规则、目标和任职政策的编号"
    "共用一个命名空间）；改名或删去其中一处。",
)

define(
    "reserved-name",
    Kind.PROBLEM,
    Severity.ERROR,
    summary="An id that the tool keeps for its own decisions (unit_merge, pin).",
    summary_zh="编号为工具自身保留（unit_merge、pin）。",
    en="{what:namekind} '{name}' is reserved: the plan uses it for {name:namekind}",
    zh="{what:namekind}“{name}”为保留名称：方案用它表示{name:namekind}",
    example={"what": "rule", "name": "pin"},
    fix="Choose another id.",
    fix_zh="另取一个编号。",
)

define(
    "conflicting-value",
    Kind.PROBLEM,
    Severity.ERROR,
    summary="`ruleset` or `as_of` is given in two files with different values.",
    summary_zh="`ruleset` 或 `as_of` 在两个文件中取值不同。",
    en="'{key}' is {value} here but {other} at {first}",
    zh="“{key}”此处为 {value}，而 {first} 处为 {other}",
    example={
        "key": "as_of",
        "value": "2026-10-01",
        "other": "2026-06-01",
        "first": "rules/00-bureau.yaml:20:8",
    },
    fix="Give the same value in every file that repeats it, or give it in one file only.",
    fix_zh="各文件中的取值须一致，或只在一个文件中给出。",
)

define(
    "alias-clash",
    Kind.PROBLEM,
    Severity.ERROR,
    summary="A vocabulary alias is mapped to two different terms.",
    summary_zh="同一个词条别名对应了两个不同的词条。",
    en="{kind:namekind} alias '{alias}' of '{term}' already means '{other}' ({first:place})",
    zh="{kind:namekind}别名“{alias}”（属于“{term}”）已表示“{other}”（{first:place}）",
    example={
        "kind": "post",
        "alias": "民警",
        "term": "tech_officer",
        "other": "officer",
        "first": "built-in",
    },
    fix="An alias names one term only; remove it from one of them.",
    fix_zh="一个别名只能对应一个词条；从其中一处删去。",
)

define(
    "missing-default",
    Kind.PROBLEM,
    Severity.ERROR,
    summary="An input was not given and its default path does not exist here.",
    summary_zh="未给出某项输入，且当前目录下没有其默认路径。",
    en="no {default} in {cwd}; give {option}",
    zh="{cwd} 下没有 {default}；请给出 {option}",
    example={"default": "rules/", "cwd": "/home/clerk", "option": "--rules DIR"},
    fix="Run the command in the folder that holds rules/ and data/units.yaml, "
    "or give the options named.",
    fix_zh="在含有 rules/ 和 data/units.yaml 的目录中运行命令，或给出所列的选项。",
)

define(
    "test-argument",
    Kind.PROBLEM,
    Severity.ERROR,
    summary="`placement test` was given something other than rule files.",
    summary_zh="`placement test` 的参数不是规则文件。",
    en="placement test reads rule files (*.yaml) or a folder of them, not {path}",
    zh="`placement test` 读取规则文件（*.yaml）或其所在目录，而不是 {path}",
    example={"path": "data/roster.csv"},
    fix="Give the rules folder: placement test rules/",
    fix_zh="请给出规则目录：placement test rules/",
)

# `explain`: the lines of a rule's condition tree.
for _code, _en, _zh, _what in (
    ("explain-when", "when:", "适用条件：", "the rule's `when` condition"),
    ("explain-unless", "unless:", "除外条件：", "the rule's `unless` condition"),
    ("explain-all", "all of", "全部满足", "an `all` node: true when every part is"),
    ("explain-any", "any of", "任一满足", "an `any` node: true when one part is"),
    ("explain-not", "not", "并非", "a `not` node"),
    ("explain-always", "always (no condition)", "始终成立（无条件）", "a rule without `when`"),
):
    define(
        _code,
        Kind.NOTE,
        Severity.INFO,
        summary=f"explain: the heading of {_what}.",
        summary_zh=f"explain：{_zh}一行的标题。",
        en=_en,
        zh=_zh,
    )

define(
    "explain-why-not",
    Kind.NOTE,
    Severity.INFO,
    summary="explain: the tests that decided that a rule does not apply.",
    summary_zh="explain：决定规则不适用的检验。",
    en="why not: {tests}",
    zh="未适用原因：{tests}",
    example={"tests": "exam_passed yes ≠ no"},
)

define(
    "explain-unknown",
    Kind.NOTE,
    Severity.INFO,
    summary="explain: the tests that leave a rule unknown for lack of data.",
    summary_zh="explain：因数据缺失而使规则无法判定的检验。",
    en="unknown because: {tests}",
    zh="无法判定，原因：{tests}",
    example={"tests": "years_since_discipline unknown"},
)

define(
    "explain-pin",
    Kind.NOTE,
    Severity.INFO,
    summary="explain: a pin (--pin) that concerns the officer.",
    summary_zh="explain：涉及该民警的人工确定安排（--pin）。",
    en="pin: {pin}: {outcome:msg}",
    zh="人工决定：{pin}：{outcome:msg}",
    example={"pin": "stay", "outcome": ("pin-stays", {})},
)

define(
    "explain-pin-overrode",
    Kind.NOTE,
    Severity.INFO,
    summary="explain: a pin (--pin) that overrides what a rule asked for the officer.",
    summary_zh="explain：推翻了某条规则对该民警安排的人工确定安排（--pin）。",
    en="pin: {pin}, overriding {rule}: {outcome:msg}",
    zh="人工决定：{pin}（越过规则 {rule}）：{outcome:msg}",
    example={"pin": "stay", "rule": "june-station-head-recall", "outcome": ("pin-stays", {})},
)
