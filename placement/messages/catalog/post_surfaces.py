"""Codes of `placement explain` for leadership posts (SPEC §3): one post's candidates
(`explain --post UNIT:POST`) and an officer's appointment policies."""

from __future__ import annotations

from placement.messages.registry import Kind, Severity, define

E, I = Severity.ERROR, Severity.INFO  # noqa: E741
P, N = Kind.PROBLEM, Kind.NOTE

define(
    "bad-post-spec",
    P,
    E,
    summary="`--post` is not UNIT:POST.",
    summary_zh="`--post` 的写法不是 单位:职务。",
    en="--post '{spec}' is not UNIT:POST (a unit id or exact name, a colon, a post term or alias)",
    zh="`--post` “{spec}” 不是“单位:职务”的写法（单位编号或全称、冒号、职务或其别名）",
    example={"spec": "PCS-DJ"},
    fix="Write e.g. --post PCS-DJ:station_head or --post 東街派出所:所長.",
    fix_zh="例如写 `--post PCS-DJ:station_head` 或 `--post 東街派出所:所長`。",
)
define(
    "unknown-post-unit",
    P,
    E,
    summary="The unit of `--post` is neither a unit id nor a unit's exact name.",
    summary_zh="`--post` 中的单位既不是单位编号也不是单位全称。",
    en="--post: no unit has the id or name '{unit}'",
    zh="`--post`：没有编号或名称为“{unit}”的单位",
    example={"unit": "PCS-DK"},
    fix="Use a unit id or exact name of the units file.",
    fix_zh="使用单位文件中的单位编号或全称。",
)
define(
    "unknown-post-name",
    P,
    E,
    summary="The post of `--post` is not a post term or alias of the vocabulary.",
    summary_zh="`--post` 中的职务不是词表中的职务或其别名。",
    en="--post: '{post}' is not a post of the vocabulary",
    zh="`--post`：“{post}”不是词表中的职务",
    example={"post": "station_hed"},
    fix="Use a post term or alias (placement schema rules lists them).",
    fix_zh="使用词表中的职务或其别名。",
)
define(
    "post-not-established",
    N,
    I,
    summary="The unit does not establish the post asked about.",
    summary_zh="该单位未设所问职务。",
    en="{unit} does not establish {post:term}: it has no posts of that kind to fill",
    zh="{unit} 未设{post:term}职数：没有可选配的该职务",
    example={"unit": "PCS-DJ", "post": "brigade_chief"},
)
define(
    "post-no-policy",
    N,
    I,
    summary="No appointment policy governs the post at this unit; it is never filled.",
    summary_zh="没有选配办法适用于该单位的该职务；该职务不会被选配。",
    en="no appointment policy governs {post:term} at {unit}: its vacancies are never filled",
    zh="没有选配办法适用于 {unit} 的{post:term}：其空缺不会被选配",
    example={"unit": "PCS-DJ", "post": "station_head"},
)
define(
    "post-plan-no-appointments",
    N,
    I,
    summary="The plan made no appointments, so no candidate was chosen.",
    summary_zh="方案没有作出任职安排，因此没有选定人选。",
    en="the plan makes no appointments: the candidates are listed in merit order only",
    zh="方案未作任职安排：仅按综合排名列出人选",
    example={},
)
define(
    "appointed-elsewhere",
    N,
    I,
    summary="A candidate the plan appoints to another post.",
    summary_zh="方案将该人选任命到其他职务。",
    en="appointed_elsewhere {unit}:{post}",
    zh="已另任 {unit}：{post:term}",
    example={"unit": "PCS-XS", "post": "station_head"},
)
define(
    "cannot-move",
    N,
    I,
    summary="A candidate who cannot take the post: the plan moves them, an exception holds "
    "them, or the place cannot take them.",
    summary_zh="无法任该职务的人选：方案已调动其本人、有例外情况，或该单位无法接收。",
    en="cannot_move: {cause:msg}",
    zh="无法调任：{cause:msg}",
    example={"cause": "moved by rule organ-young-deputy-down to PCS-HF"},
)
define(
    "cause-moved",
    N,
    I,
    summary="The cause of `cannot_move`: a rule (or merge, or pin) of the plan moves the officer.",
    summary_zh="`cannot_move` 的原因：方案中的规则（或合并、人工决定）调动了该民警。",
    en="moved by {rule} to {unit} as {post:term}",
    zh="已由 {rule} 调往 {unit} 任{post:term}",
    example={"rule": "organ-young-deputy-down", "unit": "PCS-HF", "post": "officer"},
)
define(
    "cause-exception",
    N,
    I,
    summary="The cause of `cannot_move`: the officer has an exception in the plan.",
    summary_zh="`cannot_move` 的原因：该民警在方案中有例外情况。",
    en="exception {code:code} in the plan",
    zh="方案中有例外：{code:code}",
    example={"code": "missing_data"},
)
define(
    "cause-placement",
    N,
    I,
    summary="The cause of `cannot_move`: capacity, `min_staff` or the fixed point left the "
    "vacancy open.",
    summary_zh="`cannot_move` 的原因：编制、最低警力或方案不动点检查使空缺无法由其填补。",
    en="the vacancy stays open: capacity, min_staff or the fixed point keeps this candidate out",
    zh="空缺仍未填补：编制、最低警力或不动点检查使该人选无法任职",
    example={},
)
define(
    "lower-merit",
    N,
    I,
    summary="A candidate ranked below the appointee.",
    summary_zh="综合排名低于任职人的人选。",
    en="lower_merit: {appointee} ranks {position} of {eligible}",
    zh="排名较后：任职人 {appointee} 排第 {position}（共 {eligible} 人）",
    example={"appointee": "J0056", "position": 1, "eligible": 4},
)
define(
    "needed-for-count",
    N,
    I,
    summary="A candidate ranked above the appointee, not appointed because that would leave "
    "more vacancies.",
    summary_zh="排名高于任职人、但任用其本人会留下更多空缺的人选。",
    en="needed_for_count: appointing this candidate would leave more vacancies open",
    zh="为减少空缺：任用此人会留下更多空缺",
    example={},
)
define(
    "no-vacancy",
    N,
    I,
    summary="The post has no vacancy after the transfers, so no one is appointed to it.",
    summary_zh="调动后该职务没有空缺，无须任职。",
    en="no_vacancy: {unit} has its {post:term} ({holders} of {establishment})",
    zh="无空缺：{unit} 的{post:term}已满（职数 {establishment}，在任 {holders}）",
    example={"unit": "PCS-DJ", "post": "station_head", "holders": 1, "establishment": 1},
)
define(
    "post-pinned",
    N,
    I,
    summary="The committee's pin fills the post; no candidate was chosen by merit.",
    summary_zh="该职务由人工决定任命，未按综合排名选配。",
    en="pinned: the committee's pin fills {post:term} at {unit}",
    zh="人工决定：{unit} 的{post:term}由人工决定任命",
    example={"unit": "PCS-DJ", "post": "station_head"},
)
define(
    "explain-needs-one",
    P,
    E,
    summary="`explain` takes an officer id or `--post UNIT:POST`, exactly one of them.",
    summary_zh="`explain` 须给出警号或 `--post 单位:职务` 二者之一。",
    en="give an OFFICER_ID or --post UNIT:POST, one of them",
    zh="请给出警号或 `--post 单位:职务`，二者取其一",
    example={},
    fix="placement explain ROSTER J0042, or placement explain ROSTER --post PCS-DJ:station_head.",
    fix_zh="例如 `placement explain ROSTER J0042` 或 "
    "`placement explain ROSTER --post PCS-DJ:station_head`。",
)

# --- explain OFFICER_ID: the officer under each appointment policy -----------------------------
define(
    "policy-appointed",
    N,
    I,
    summary="The plan appoints the officer under this policy.",
    summary_zh="方案按此办法任命该民警。",
    en="appointed to {post} by this policy",
    zh="按此办法任 {post}",
    example={"post": "PCS-DJ:station_head"},
)
define(
    "policy-appointed-other",
    N,
    I,
    summary="The plan appoints the officer, under another policy.",
    summary_zh="方案按其他办法任命该民警。",
    en="appointed to {post} by {policy}",
    zh="已按 {policy} 任 {post}",
    example={"post": "PCS-DJ:deputy_head", "policy": "station-deputy"},
)
define(
    "policy-not-eligible",
    N,
    I,
    summary="The officer does not meet the policy's `eligible`.",
    summary_zh="该民警不符合此办法的 `eligible` 条件。",
    en="not eligible: not a candidate of this policy",
    zh="不符合条件：不是此办法的人选",
    example={},
)
define(
    "policy-eligibility-unknown",
    N,
    I,
    summary="Eligibility is unknown for lack of data; unknown counts as not eligible.",
    summary_zh="因数据缺失无法判断资格；资格不明视为不符合条件。",
    en="eligibility unknown for lack of data: not a candidate until the fields are filled",
    zh="因数据缺失无法判断资格：补齐字段前不作为人选",
    example={},
)
define(
    "policy-alternate",
    N,
    I,
    summary="Not appointed; an alternate (差額) on the slates of these posts.",
    summary_zh="未任职；列为这些职务的差额人选。",
    en="not appointed; alternate for {posts:list}",
    zh="未任职；列为 {posts:list} 的差额人选",
    example={"posts": ["PCS-DJ:station_head"]},
)
define(
    "policy-not-chosen",
    N,
    I,
    summary="Eligible but neither appointed nor an alternate: others ranked higher, no vacancy "
    "the officer could take, or a place that could not take them.",
    summary_zh="符合条件但未任职也未列为差额人选：他人排名更前、无可任的空缺或该单位无法接收。",
    en="eligible, not appointed: no vacancy this officer could take went to them "
    "(see explain --post for a post)",
    zh="符合条件但未任职：没有空缺由其填补（可用 `explain --post` 查看某一职务）",
    example={},
)
define(
    "policy-plan-no-appointments",
    N,
    I,
    summary="The plan made no appointments, so none is reported for the officer.",
    summary_zh="方案没有作出任职安排，因此该民警没有任职结果。",
    en="the plan makes no appointments",
    zh="方案未作任职安排",
    example={},
)
define(
    "cause-kept",
    N,
    I,
    summary="The cause of `cannot_move`: a `keep` rule decides the officer stays as they are.",
    summary_zh="`cannot_move` 的原因：`keep` 规则决定该民警维持现状。",
    en="kept in place by rule {rule}",
    zh="规则 {rule} 决定其维持现状",
    example={"rule": "special-post-keep"},
)
define(
    "cause-pinned",
    N,
    I,
    summary="The cause of `cannot_move`: a pin (manual decision) holds the officer.",
    summary_zh="`cannot_move` 的原因：人工决定已确定该民警的去留。",
    en="held by a pin (manual decision)",
    zh="已由人工决定确定去留",
    example={},
)
