"""Codes of the rules' decisions and of the fixed point (SPEC §1.4, §2 point 6)."""

from __future__ import annotations

from placement.messages.registry import Kind, Severity, define

_FACTS = {
    "rule": "rotation",
    "facts": (  # a reason's facts, as the planner gives them (a Message in the example)
        "fact-compare",
        {
            "field": "years_in_post",
            "value": ("years_in_post", "6"),
            "symbol": "≥",
            "other": ("fact-literal", {"value": ("years_in_post", "5")}),
        },
    ),
}

define(
    "destination-none",
    Kind.NOTE,
    Severity.INFO,
    summary="A mover's `to` selector matches no unit (no_capacity).",
    summary_zh="调动规则的 `to` 选择器没有匹配任何单位（no_capacity）。",
    en="rule {rule} moves this officer ({facts:reason}) but no unit matches its destination",
    zh="规则 {rule} 要调动该民警（{facts:reason}），但没有单位符合其去向条件",
    example=_FACTS,
    fix="Correct the rule's `to` (a tag or id typo?); `placement validate` warns about it.",
    fix_zh="修改规则的 `to`（标签或编号写错？）；`placement validate` 会提示。",
)
define(
    "destination-unknown",
    Kind.NOTE,
    Severity.INFO,
    summary="A mover's destination reads an empty `$officer.` field (missing_data).",
    summary_zh="调动去向引用的 `$officer.` 字段为空（missing_data）。",
    en="rule {rule} moves this officer ({facts:reason}) but its destination reads {field:field}, "
    "which is empty",
    zh="规则 {rule} 要调动该民警（{facts:reason}），但其去向要用到 {field:field}，该项为空",
    example=_FACTS | {"field": "home_district"},
    fix="Fill the field in the roster.",
    fix_zh="在名册中补填该项。",
)
define(
    "fixed-point-excluded",
    Kind.NOTE,
    Severity.INFO,
    summary="Every unit a mover could go to would make another rule act again (no_capacity).",
    summary_zh="该民警可去的每个单位都会使其他规则再次起作用（no_capacity）。",
    en="rule {rule} moves this officer ({facts:reason}) but wherever it could go, "
    "other rules would act again: {rules:list}",
    zh="规则 {rule} 要调动该民警（{facts:reason}），但无论调往何处，"
    "其他规则都会再次起作用：{rules:list}",
    example=_FACTS | {"rules": ["military-transfer"]},
    fix="Review the rules: their destinations contradict each other.",
    fix_zh="检查这些规则：它们的去向相互矛盾。",
)
define(
    "fixed-point-unknown",
    Kind.NOTE,
    Severity.INFO,
    summary="Where a mover could go, the rules cannot be decided for lack of data (missing_data).",
    summary_zh="该民警可去之处，因数据缺失无法判定规则（missing_data）。",
    en="rule {rule} moves this officer ({facts:reason}) but where it could go, rules {rules:list} "
    "cannot be decided: {fields:fields} empty",
    zh="规则 {rule} 要调动该民警（{facts:reason}），但在可去之处无法判定规则 {rules:list}："
    "{fields:fields} 为空",
    example=_FACTS | {"rules": ["military-transfer"], "fields": ["military_transfer"]},
    fix="Fill the fields in the roster.",
    fix_zh="在名册中补填这些项。",
)
define(
    "set-post-excluded",
    Kind.NOTE,
    Severity.INFO,
    summary="A post change is not applied: other rules would act again (no_capacity).",
    summary_zh="职务变更未执行：其他规则会再次起作用（no_capacity）。",
    en="rule {rule} would make this officer {post:term} ({facts:reason}) but then "
    "other rules would act again: {rules:list}",
    zh="规则 {rule} 要将该民警改任 {post:term}（{facts:reason}），但随后其他规则会再次起作用："
    "{rules:list}",
    example=_FACTS | {"post": "instructor", "rules": ["head-rotation"]},
    fix="Review the rules: the post change and the other rules contradict each other.",
    fix_zh="检查这些规则：职务变更与其他规则相互矛盾。",
)
define(
    "set-post-unknown",
    Kind.NOTE,
    Severity.INFO,
    summary="A post change is not applied: after it the rules cannot be decided (missing_data).",
    summary_zh="职务变更未执行：变更后因数据缺失无法判定规则（missing_data）。",
    en="rule {rule} would make this officer {post:term} ({facts:reason}) but then "
    "rules {rules:list} cannot be decided: {fields:fields} empty",
    zh="规则 {rule} 要将该民警改任 {post:term}（{facts:reason}），但随后无法判定规则 {rules:list}："
    "{fields:fields} 为空",
    example=_FACTS | {"post": "instructor", "rules": ["head-rotation"], "fields": ["exam_passed"]},
    fix="Fill the fields in the roster.",
    fix_zh="在名册中补填这些项。",
)
