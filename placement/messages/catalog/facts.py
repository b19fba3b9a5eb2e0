"""Codes of the facts a reason states: one test of a rule's condition with the officer's value
(`age 38 ≤ 40`, `rank deputy_section (副科)`), as `explain` and rule-test traces show them.

A value field is a pair `(field, shown)`: the roster field it belongs to and the value as
`evaluate.show.show_value` prints it; in Chinese the converter `fval` gives a vocabulary term
or an enum value its Chinese word (`sex` M → 男), other data as it is. `flist` is a pair
`(field, [shown, ...])` printed as a list."""

from __future__ import annotations

from placement.messages.registry import Kind, Severity, define

I = Severity.INFO  # noqa: E741


def _fact(code: str, summary: str, summary_zh: str, en: str, zh: str, example: dict) -> None:
    define(
        code, Kind.NOTE, I, summary=summary, summary_zh=summary_zh, en=en, zh=zh, example=example
    )


_fact(
    "fact-state",
    "A test of whether a field is empty: the field empty, given or unknown.",
    "字段是否为空的判断：为空、已填写或未知。",
    "{field} {state}",
    "{field:field}{state:state}",
    {"field": "discipline_date", "state": "empty"},
)
_fact(
    "fact-is",
    "An equality test that holds: the field has the value.",
    "成立的等值判断：字段取该值。",
    "{field} {value:fval}",
    "{field:field}：{value:fval}",
    {"field": "rank", "value": ("rank", "deputy_section (副科)")},
)
_fact(
    "fact-compare",
    "A comparison: the officer's value, the comparison, the other side.",
    "比较：本人的值、比较符号、另一方。",
    "{field} {value:fval} {symbol} {other:msg}",
    "{field:field} {value:fval} {symbol} {other:msg}",
    {
        "field": "age",
        "value": ("age", "38"),
        "symbol": "≤",
        "other": ("fact-literal", {"value": ("age", "40")}),
    },
)
_fact(
    "fact-in",
    "A membership test: the officer's value in (or not in) a list.",
    "归属判断：本人的值属于（或不属于）某个列表。",
    "{field} {value:fval} {negated:not_in} {values:flist}",
    "{field:field} {value:fval} {negated:not_in} {values:flist}",
    {
        "field": "post",
        "value": ("post", "station_head (所長)"),
        "negated": False,
        "values": ("post", ["station_head (所長)", "instructor (教導員)"]),
    },
)
_fact(
    "fact-contains",
    "A list field that contains a value.",
    "列表字段包含某个值。",
    "{field} contains {value:fval}",
    "{field:field}包含 {value:fval}",
    {"field": "unit.tags", "value": ("unit.tags", "complex")},
)
_fact(
    "fact-literal",
    "The value a rule compares with, as the rule writes it.",
    "规则所比较的值。",
    "{value:fval}",
    "{value:fval}",
    {"value": ("age", "40")},
)
_fact(
    "fact-officer-ref",
    "The officer's own value of another field ($officer.FIELD).",
    "本人另一字段的值（`$officer.FIELD`）。",
    "$officer.{ref} ({value:fval})",
    "本人{ref:field}（{value:fval}）",
    {"ref": "home_district", "value": ("home_district", "東郊")},
)
