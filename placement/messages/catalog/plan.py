"""Codes of judging and planning: the plan's exceptions, pins, and the reasons' fixed parts."""

from __future__ import annotations

from placement.messages.registry import Kind, Severity, define

P, X, N, E, W = Kind.PROBLEM, Kind.EXCEPTION, Kind.NOTE, Severity.ERROR, Severity.WARNING

define(
    "missing_data",
    X,
    W,
    summary="A rule that cannot be decided because a cell is empty.",
    summary_zh="因单元格为空而无法判定的规则。",
    en="rule {rule} cannot be decided: {field} is empty",
    zh="规则 {rule} 无法判定：{field:field}为空",
    example={"rule": "leader-exam", "field": "exam_passed"},
    fix="Fill the cell; until then the rule does not act on the officer.",
    fix_zh="请补全该单元格；在此之前规则不处理该民警。",
)
define(
    "exempt",
    X,
    Severity.INFO,
    summary="An officer a rule's unless: exempts.",
    summary_zh="被规则的 unless 豁免的民警。",
    en="exempt from {rule} ({title}): {why:reason}",
    zh="豁免于规则 {rule}（{title}），依据：{why:reason}",
    example={
        "rule": "organ-young-cadre-down",
        "title": "機關40歲以下副科幹部全部下基層",
        "why": ("fact-is", {"field": "special_talent", "value": ("special_talent", "yes")}),
    },
)
define(
    "conflict",
    X,
    W,
    summary="Two rules of one priority asking for different outcomes.",
    summary_zh="同一优先级的两条规则要求不同的处理结果。",
    en="rules {a} and {b} (priority {priority}) ask for different outcomes",
    zh="规则 {a} 与 {b}（优先级 {priority}）要求的处理结果不同",
    example={"a": "young-down", "b": "young-to-rural", "priority": 10},
    fix="Give one rule a higher priority, or narrow their conditions.",
    fix_zh="请提高其中一条规则的优先级，或收窄其条件。",
)
define(
    "no_capacity",
    X,
    W,
    summary="A move no unit of its destination has a free place for.",
    summary_zh="去向单位均无编制空缺的调动。",
    en="rule {rule} moves this officer ({facts:reason}) but no unit matching its destination "
    "has a free place",
    zh="规则 {rule} 要求调动该民警（{facts:reason}），但符合其去向的单位均无编制空缺",
    example={
        "rule": "young-down",
        "facts": (
            "fact-compare",
            {
                "field": "age",
                "value": ("age", "26"),
                "symbol": "≤",
                "other": ("fact-literal", {"value": ("age", "30")}),
            },
        ),
    },
)
define(
    "min_staffing",
    X,
    W,
    summary="A move that would leave its unit below its minimum staff.",
    summary_zh="调出后单位将低于最低警力的调动。",
    en="moving would leave {unit} below its minimum staff {min_staff}",
    zh="调出将使 {unit} 低于最低警力 {min_staff} 人",
    example={"unit": "P1", "min_staff": 2},
)
define(
    "target_unmet",
    X,
    W,
    summary="A target the roster (or the plan) does not meet.",
    summary_zh="花名册（或方案）未达成的目标。",
    en="target {target} is not met{after:after}: {value:share}",
    zh="{after:after}目标 {target} 未达成：{value:share}",
    example={"target": "grassroots-share", "after": True, "value": "83.8%"},
)
define(
    "pinned",
    N,
    Severity.INFO,
    summary="The reason of a move a pin decided.",
    summary_zh="人工决定的调动的理由。",
    en="pinned by a manual decision",
    zh="按人工决定",
)
define(
    "pin-unknown-officer",
    P,
    E,
    summary="A pin naming an officer the plan does not hold.",
    summary_zh="人工决定中的民警不在可规划人员之中。",
    en="officer '{officer}' is not a planned officer of the roster",
    zh="民警 '{officer}' 不是花名册中可规划的人员",
    example={"officer": "J9999"},
)
define(
    "pin-unknown-unit",
    P,
    E,
    summary="A pin naming a unit that cannot receive officers.",
    summary_zh="人工决定中的单位不能接收人员。",
    en="unit '{unit}' is not a unit that can receive officers",
    zh="单位 '{unit}' 不能接收人员",
    example={"unit": "ZHS"},
)
define(
    "pin-capacity",
    P,
    E,
    summary="Pins that fill a unit above its establishment.",
    summary_zh="人工决定使单位超过编制。",
    en="pins put {count} officers in {unit}, above its capacity {capacity}",
    zh="人工决定使 {unit} 达到 {count} 人，超过其编制 {capacity} 人",
    example={"count": 17, "unit": "BGS", "capacity": 16},
)
define(
    "unknown-officer",
    P,
    E,
    summary="An officer id not in the roster.",
    summary_zh="花名册中没有该警号。",
    en="officer '{officer}' is not in the roster",
    zh="花名册中没有民警 '{officer}'",
    example={"officer": "J9999"},
)
