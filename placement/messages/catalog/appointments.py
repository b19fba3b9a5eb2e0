"""Codes of the plan's appointments (SPEC §2.1, §4): the reason of an appointment, why a
vacancy stays open, appointment pins."""

from __future__ import annotations

from placement.messages.registry import Kind, Severity, define

N, P, I, E = Kind.NOTE, Kind.PROBLEM, Severity.INFO, Severity.ERROR  # noqa: E741

define(
    "appointment-reason",
    N,
    I,
    summary="The reason of an appointment: the standards met, the merit position, the unit.",
    summary_zh="任职理由：符合的标准、择优排名、任职单位。",
    en="{standards:reason}; merit {position} of {eligible}; {why:msg}",
    zh="{standards:reason}；择优排名第 {position} 名（共 {eligible} 名符合条件）；{why:msg}",
    example={
        "standards": "rank deputy_section; exam_passed true",
        "position": 1,
        "eligible": 4,
        "why": ("appoint-same-unit", {}),
    },
)
define(
    "appoint-same-unit",
    N,
    I,
    summary="Why this unit: the appointee already serves there (no move needed).",
    summary_zh="任职单位的理由：本单位人选，无需调动。",
    en="from the same unit",
    zh="本单位人选",
    example={},
)
define(
    "appoint-preferred",
    N,
    I,
    summary="Why this unit: it matches the policy's prefer selector of that number.",
    summary_zh="任职单位的理由：符合政策 `prefer` 的第几项。",
    en="preference {index} of the policy",
    zh="符合政策的第 {index} 项优先条件",
    example={"index": 1},
)
define(
    "appoint-free-place",
    N,
    I,
    summary="Why this unit: a vacancy with a free place the appointee can move to.",
    summary_zh="任职单位的理由：该单位有空缺且有编制空位。",
    en="to {unit}: a vacancy with a free place",
    zh="调往 {unit}：有空缺且有编制空位",
    example={"unit": "PCS-DJ"},
)
define(
    "appoint-pinned",
    N,
    I,
    summary="The reason of a pinned appointment: the committee's decision, obeyed as given.",
    summary_zh="人工确定的任职的理由：按党委决定执行。",
    en="appointed by a manual decision",
    zh="按人工决定任职",
    example={},
)
define(
    "appoint-pinned-outside",
    N,
    I,
    summary="A pinned appointment of someone the governing policy would not appoint.",
    summary_zh="人工确定的任职人选不符合主管任职政策的条件。",
    en="appointed by a manual decision (outside the standards of {policy})",
    zh="按人工决定任职（不符合任职政策 {policy} 的条件）",
    example={"policy": "station-head"},
)
define(
    "pin-appointed",
    N,
    I,
    summary="The outcome of an appointment pin: the officer takes the post at the unit.",
    summary_zh="人工决定任职的结果：该民警在指定单位担任指定职务。",
    en="appointed {post:term} at {unit}",
    zh="任 {unit} {post:term}",
    example={"unit": "PCS-DJ", "post": "station_head"},
)
define(
    "vacancy-no_policy",
    N,
    I,
    summary="A vacancy stays open: no appointment policy governs the post at this unit.",
    summary_zh="空缺未补：没有任职政策管辖该单位的这一职务。",
    en="no appointment policy governs this post",
    zh="没有任职政策管辖该职务",
    example={},
)
define(
    "vacancy-no_eligible",
    N,
    I,
    summary="A vacancy stays open: no candidate meets the governing policy here.",
    summary_zh="空缺未补：没有候选人符合主管任职政策的条件。",
    en="no candidate meets {policy}",
    zh="没有候选人符合任职政策 {policy}",
    example={"policy": "station-head"},
)
define(
    "vacancy-taken_or_cannot_move",
    N,
    I,
    summary="A vacancy stays open: every eligible candidate is appointed elsewhere or cannot "
    "come (capacity, min_staff, the rules would act again).",
    summary_zh="空缺未补：符合条件的候选人均已另有任用，或无法调入（编制、最低人数、"
    "规则会再次调整）。",
    en="the eligible candidates of {policy} are appointed elsewhere or cannot move here",
    zh="符合任职政策 {policy} 的候选人已另有任用或无法调入",
    example={"policy": "station-head"},
)
define(
    "vacancy-no_eligible-unknown",
    N,
    I,
    summary="A vacancy stays open: no candidate meets the policy; some lack the data to judge.",
    summary_zh="空缺未补：没有候选人符合条件；另有候选人因缺少数据无法判断。",
    en="no candidate meets {policy}; {count} more with data missing",
    zh="没有候选人符合任职政策 {policy}；另有 {count} 人因缺少数据无法判断",
    example={"policy": "station-head", "count": 2},
)
define(
    "pin-over-establishment",
    P,
    E,
    summary="An appointment pin that takes a post above its establishment with the holders "
    "the plan leaves there.",
    summary_zh="人工确定的任职使该职务超过职数（计入方案执行后的在任者）。",
    en="pin of {officer} to {post:term} at {unit}: the establishment is {establishment} "
    "and the plan leaves it held by {holders:list}",
    zh="人工决定 {officer} 任 {unit} {post:term}：职数 {establishment}，方案执行后已由 "
    "{holders:list} 担任",
    example={
        "officer": "J0101",
        "unit": "PCS-DJ",
        "post": "station_head",
        "establishment": 1,
        "holders": ["J0100"],
    },
    fix="Move or reassign a holder with another pin, or drop this pin.",
    fix_zh="用另一条人工决定调整现任者，或删除这条人工决定。",
)
define(
    "pin-needs-unit",
    P,
    E,
    summary="An appointment pin names a post (and a rank) together with a unit.",
    summary_zh="人工确定任职须同时写明单位与职务。",
    en="pin {pin}: post and rank go with unit ({{officer, unit, post[, rank]}})",
    zh="第 {pin} 条人工决定：`post` 与 `rank` 须与 `unit` 一起给出"
    "（`{{officer, unit, post[, rank]}}`）",
    example={"pin": 2},
    fix="Write - {officer: ID, unit: UNIT, post: TERM}.",
    fix_zh="写作 - {officer: ID, unit: UNIT, post: TERM}。",
)
define(
    "pin-unknown-term",
    P,
    E,
    summary="An appointment pin's post or rank is not a term of the vocabulary.",
    summary_zh="人工确定任职中的职务或职级不在词表中。",
    en="pin {pin}: {kind} '{term}' is not in the vocabulary",
    zh="第 {pin} 条人工决定：`{kind}` '{term}' 不在词表中",
    example={"pin": 1, "kind": "post", "term": "station_hed"},
    fix="Use a post or rank term or alias of the vocabulary.",
    fix_zh="使用词表中的职务或职级及其别名。",
)
define(
    "vacancy-open",
    N,
    I,
    summary="The message of a plan's `vacancy` exception: the post, how many stay vacant, why.",
    summary_zh="方案 `vacancy` 例外的说明：职务、空缺数与原因。",
    en="{unit} {post:term}: {count} vacant after the plan ({holders} of {establishment} "
    "filled): {reason:msg}",
    zh="{unit} {post:term}：方案执行后空缺 {count} 名（职数 {establishment}，在任 {holders}）："
    "{reason:msg}",
    example={
        "unit": "PCS-DJ",
        "post": "station_head",
        "count": 1,
        "holders": 0,
        "establishment": 1,
        "reason": ("vacancy-no_policy", {}),
    },
)
define(
    "over-establishment-holders",
    N,
    I,
    summary="The message of a plan's `over_establishment` exception, naming the holders.",
    summary_zh="方案 `over_establishment` 例外的说明，列出在任者。",
    en="{unit} {post:term}: {count} holders after the plan for an establishment of "
    "{establishment} ({holders:list}); no one is demoted to cure it",
    zh="{unit} {post:term}：方案执行后在任 {count} 名，职数 {establishment}（{holders:list}）；"
    "不为此降职任何人",
    example={
        "unit": "JJDC",
        "post": "section_chief",
        "count": 3,
        "establishment": 1,
        "holders": ["J0001", "J0002", "J0003"],
    },
)
define(
    "appoint-after-merge",
    N,
    I,
    summary="The reason of an appointee's transfer row when a merge moved them first.",
    summary_zh="先经机构合并、再任职的民警在调动表中的理由。",
    en="{reason:msg} (after {unit} merged into {into})",
    zh="{reason:msg}（{unit} 并入 {into} 之后）",
    example={"unit": "PCS-DG", "into": "PCS-DJ", "reason": ("appoint-same-unit", {})},
)
