"""Codes of the parts of a transfer's reason that are not a rule's facts: where the officer
goes and how the place was chosen (wish, preference, even fill), and unit merges.

The English reason column of a plan is built by the planner itself (the fast path, byte for
byte as SPEC §4 shows it); these templates are its Chinese (and their English is the same
text, used by `place.how.How` and checked by tests/test_reasons_zh.py)."""

from __future__ import annotations

from placement.messages.registry import Kind, Severity, define

N, I = Kind.NOTE, Severity.INFO  # noqa: E741


def _note(code: str, summary: str, summary_zh: str, en: str, zh: str, example: dict) -> None:
    define(code, N, I, summary=summary, summary_zh=summary_zh, en=en, zh=zh, example=example)


_note(
    "reason-always",
    "The fact of a rule whose condition has no tests.",
    "条件中没有判断的规则所依据的事实。",
    "always",
    "无条件",
    {},
)
_note(
    "fact-officer-field",
    "The officer's own value of another field, as a contains test names it.",
    "包含判断所引用的本人另一字段。",
    "$officer.{ref}",
    "本人{ref:field}",
    {"ref": "home_district"},
)
_note(
    "fact-lacks",
    "A list field that does not contain a value.",
    "列表字段不包含某个值。",
    "{field} does not contain {value}",
    "{field:field}不包含 {value}",
    {"field": "unit.tags", "value": "complex"},
)
_note(
    "reason-to",
    "Where a mover goes and how the place was chosen.",
    "调动去向及其确定方式。",
    "to {unit}: {how:msg}",
    "调往 {unit}：{how:msg}",
    {"unit": "PCS-HF", "how": ("how-wish", {"n": 1})},
)
_note(
    "how-wish",
    "The place is the officer's wish number n.",
    "去向为本人第 n 志愿。",
    "wish {n} honoured",
    "满足第 {n} 志愿",
    {"n": 1},
)
_note(
    "how-preference",
    "The place meets the rule's preference number n.",
    "去向符合规则第 n 项优先条件。",
    "preference {n} met",
    "符合第 {n} 项优先条件",
    {"n": 2},
)
_note(
    "how-even",
    "The place was chosen to fill the destinations evenly.",
    "去向按均衡分配确定。",
    "even fill",
    "均衡分配",
    {},
)
_note(
    "reason-merged",
    "An officer whose unit was merged into another.",
    "所在单位并入另一单位的民警。",
    "{unit} merged into {into}",
    "{unit} 并入 {into}",
    {"unit": "PCS-OLD", "into": "PCS-NEW"},
)
_note(
    "reason-after-merge",
    "A rule's reason for an officer whose unit was merged first.",
    "所在单位先行并入后，规则所依据的理由。",
    "(after {unit} merged into {into})",
    "（{unit} 并入 {into} 后）",
    {"unit": "PCS-OLD", "into": "PCS-NEW"},
)
