"""Codes of posts binding the transfers (SPEC §2.1) and of pins other rules would undo
(SPEC §2 point 6)."""

from __future__ import annotations

from placement.messages.registry import Kind, Severity, define

_FACTS = (  # a reason's facts, as the planner gives them (a Message in the example)
    "fact-compare",
    {
        "field": "years_in_post",
        "value": ("years_in_post", "6"),
        "symbol": "≥",
        "other": ("fact-literal", {"value": ("years_in_post", "5")}),
    },
)

N = Kind.NOTE

define(
    "post-slot-full",
    N,
    Severity.INFO,
    summary="A mover bound by a leadership post: no unit it may go to has a free place and a "
    "free slot of that post (no_capacity).",
    summary_zh="调动受领导职数约束：可去单位均无同时有编制空缺和该职务空缺的（no_capacity）。",
    en="rule {rule} moves this officer ({facts:reason}) as {post:term}, but no unit matching "
    "its destination has both a free place and a free {post:term} slot: no free {post:term} "
    "slot where it could land",
    zh="规则 {rule} 要求以{post:term}身份调动该民警（{facts:reason}），但符合其去向的单位均无"
    "同时有编制空缺和{post:term}职数空缺的：可去之处没有{post:term}职数空缺",
    example={"rule": "head-rotation", "facts": _FACTS, "post": "station_head"},
    fix="Free a slot of that post where the officer may go (or widen the destination), or "
    "give the move a `post:` the destination does not count.",
    fix_zh="请在可去单位腾出该职务职数（或放宽去向），或为调动指定去向单位不计职数的 `post:`。",
)
define(
    "post-slot-over",
    N,
    Severity.INFO,
    summary="A mover whose every destination is above its establishment of the mover's post "
    "(no_capacity).",
    summary_zh="该民警可去的每个单位的该职务均已超职数（no_capacity）。",
    en="rule {rule} moves this officer ({facts:reason}) as {post:term}, but every unit matching "
    "its destination is above its {post:term} establishment: no free {post:term} slot",
    zh="规则 {rule} 要求以{post:term}身份调动该民警（{facts:reason}），但符合其去向的单位"
    "{post:term}均已超职数：没有{post:term}职数空缺",
    example={"rule": "head-rotation", "facts": _FACTS, "post": "station_head"},
)
define(
    "pinned-again",
    N,
    Severity.INFO,
    summary="The reason of a move a pin decided where other rules would act again.",
    summary_zh="人工决定的调动的理由，调入后其他规则仍会起作用。",
    en="pinned by a manual decision; rules {rules:list} would act again there",
    zh="按人工决定；调入后规则 {rules:list} 仍会起作用",
    example={"rules": ["military-transfer-complex"]},
)
define(
    "pin-moved-again",
    N,
    Severity.INFO,
    summary="The outcome of a pin: the officer moves to the unit it names, where other rules "
    "would act again.",
    summary_zh="人工决定的结果：该民警调往指定单位，但调入后其他规则仍会起作用。",
    en="moved to {unit}; rules {rules:list} would act again there",
    zh="调往 {unit}；调入后规则 {rules:list} 仍会起作用",
    example={"unit": "PCS-HF", "rules": ["military-transfer-complex"]},
)
