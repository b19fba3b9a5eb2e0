"""Codes of leadership posts (SPEC §1.2, §1.4 `appointments`, §2.1): the units' `posts`, the
appointment policies, their `validate` warnings, `check`'s vacancies and rule-test results."""

from __future__ import annotations

from placement.messages.registry import Kind, Severity, define

E, W, I = Severity.ERROR, Severity.WARNING, Severity.INFO  # noqa: E741

# --- units file: posts and post_defaults ------------------------------------------------------
define(
    "unknown-post-term",
    Kind.PROBLEM,
    E,
    summary="A key of `posts` or `post_defaults` is not a post of the vocabulary.",
    summary_zh="posts 或 post_defaults 的键不是职务词表中的职务。",
    en="{owner}: post '{term}' is not in the vocabulary",
    zh="{owner}：职务“{term}”不在词表中",
    example={"owner": "unit PCS-HF", "term": "station_hed"},
    fix="Use a post term or alias (placement schema rules lists them) or add it under vocab:.",
    fix_zh="使用词表中的职务或其别名，或在规则的 vocab: 中增加该职务。",
)
define(
    "post-term-needs-rules",
    Kind.PROBLEM,
    W,
    summary="A post of `posts` is not built in; only the rule set's vocab can say if it exists.",
    summary_zh="posts 中的职务不是内置职务；须结合规则集的 vocab 才能判断。",
    en="{owner}: post '{term}' is not a built-in term; give --rules to check it against "
    "the rule set's vocab",
    zh="{owner}：职务“{term}”不是内置职务；请用 --rules 指定规则集以按其 vocab 检查",
    example={"owner": "unit PCS-HF", "term": "tech_officer"},
    fix="Validate the units file together with the rules folder.",
    fix_zh="将单位文件与规则目录一同校验。",
)
define(
    "bad-post-count",
    Kind.PROBLEM,
    E,
    summary="A post's establishment is not a whole number ≥ 0 (or null to remove a default).",
    summary_zh="职数不是不小于 0 的整数（或以 null 取消默认值）。",
    en="{owner}: post {term:term}: the establishment is a whole number ≥ 0, not {value}",
    zh="{owner}：{term:term}的职数应为不小于 0 的整数，而不是 {value}",
    example={"owner": "unit PCS-HF", "term": "deputy_head", "value": "-1"},
    fix="Give 0 to establish the post at zero, null to remove a default.",
    fix_zh="写 0 表示职数为零，写 null 表示取消默认职数。",
)
define(
    "posts-on-dissolved",
    Kind.PROBLEM,
    E,
    summary="A dissolved unit (merged_into set) has no posts.",
    summary_zh="已撤并的单位（设有 merged_into）没有领导职数。",
    en="unit {unit} is merged into {into}: a dissolved unit has no posts",
    zh="单位 {unit} 已并入 {into}：撤并的单位没有领导职数",
    example={"unit": "PCS-XJ", "into": "PCS-HF"},
    fix="Remove `posts` from the dissolved unit; give them to the unit absorbing it.",
    fix_zh="删除撤并单位的 posts，改在吸收它的单位上设置。",
)
define(
    "bad-post-defaults",
    Kind.PROBLEM,
    E,
    summary="`post_defaults` is a mapping from a kind of unit to a mapping of posts.",
    summary_zh="post_defaults 应为“单位类别 → 职务职数”的映射。",
    en="post_defaults: '{kind}' is not a kind of unit ({kinds:list})",
    zh="`post_defaults`：'{kind}' 不是单位类别（{kinds:list}）",
    example={"kind": "stations", "kinds": ["organ", "frontline", "station"]},
    fix="Write post_defaults: {station: {station_head: 1}, frontline: {...}}.",
    fix_zh="写作 post_defaults: {station: {station_head: 1}, frontline: {...}}。",
)

# --- rules: the appointments section ----------------------------------------------------------
define(
    "officer-in-at",
    Kind.PROBLEM,
    E,
    summary="An appointment policy's `at` selects units and cannot read the candidate.",
    summary_zh="任职政策的 at 只选择单位，不能引用候选人字段。",
    en="appointment {policy}: at selects units and cannot read $officer.{field}; "
    "put the restriction in where",
    zh="任职政策 {policy}：at 只按单位字段选择，不能引用 $officer.{field}；请写在 where 中",
    example={"policy": "station-head", "field": "home_district"},
    fix="Move the test to `where`, the per-candidate selector.",
    fix_zh="把该条件移到按候选人判断的 where 中。",
)
define(
    "merit-unknown-field",
    Kind.PROBLEM,
    E,
    summary="A `merit` field is not a field of the roster or the rule set.",
    summary_zh="merit 中的字段不是名册或规则集中的字段。",
    en="appointment {policy}: merit field '{field}' is not a field",
    zh="任职政策 {policy}：merit 字段“{field}”不存在",
    example={"policy": "station-head", "field": "apraisal"},
    fix="Use a roster, derived or declared field.",
    fix_zh="使用名册字段、派生字段或 fields: 中声明的字段。",
)
define(
    "merit-unordered",
    Kind.PROBLEM,
    E,
    summary="A `merit` field has no order (text, lists, unit ids, posts).",
    summary_zh="merit 字段没有先后次序（文本、列表、单位、职务）。",
    en="appointment {policy}: merit field {field:field} cannot be ordered; use a number, "
    "date, yes/no, choice or rank",
    zh="任职政策 {policy}：merit 字段{field:field}无法排序；请用数字、日期、是否、选项或职级",
    example={"policy": "station-head", "field": "home_district"},
    fix="Order by a number, a date, a yes/no, a choice (declared order) or rank.",
    fix_zh="按数字、日期、是否、选项（按声明次序）或职级排序。",
)
define(
    "merit-direction",
    Kind.PROBLEM,
    E,
    summary="A `merit` entry is a field, or `{field: desc|asc}`.",
    summary_zh="merit 的每一项是字段名，或 {字段: desc|asc}。",
    en="appointment {policy}: merit entry {entry} is not a field name or one field "
    "with desc or asc",
    zh="任职政策 {policy}：merit 项 {entry} 应为字段名，或一个字段配 desc 或 asc",
    example={"policy": "station-head", "entry": "age: up"},
    fix="Write `age` (larger first), `{age: asc}` or `{age: desc}`.",
    fix_zh="写 age（大者在前）、{age: asc} 或 {age: desc}。",
)
define(
    "bad-policy",
    Kind.PROBLEM,
    E,
    summary="An appointment policy's effective dates are in the wrong order.",
    summary_zh="任职政策的生效日期先后颠倒。",
    en="appointment {policy}: effective_until is before effective_from",
    zh="任职政策 {policy}：effective_until 早于 effective_from",
    example={"policy": "station-head"},
    fix="Swap or correct the dates.",
    fix_zh="请调换或改正这两个日期。",
)

# --- validate warnings -------------------------------------------------------------------------
define(
    "post-ungoverned",
    Kind.PROBLEM,
    W,
    summary="Units establish a post that no appointment policy governs: its vacancies stay open.",
    summary_zh="单位设有某职务的职数，但没有任职政策管辖：其空缺不会被补充。",
    en="post {post:term} is established at {units} but no appointment policy governs it there",
    zh="{units} 设有{post:term}职数，但没有任职政策管辖",
    example={"post": "deputy_head", "units": "PCS-HF, PCS-DJ"},
    fix="Add an appointments: policy whose post and at cover these units, or leave them unfilled.",
    fix_zh="增加 post 与 at 覆盖这些单位的任职政策，或有意不补。",
)
define(
    "eligible-never",
    Kind.PROBLEM,
    W,
    summary="An appointment policy's `eligible` is false for every value of its fields.",
    summary_zh="任职政策的 eligible 对其字段的任何取值都不成立。",
    en="appointment {policy}: eligible can never hold: {why}",
    zh="任职政策 {policy}：eligible 永远不成立：{why}",
    example={"policy": "station-head", "why": "age < 40 and age ≥ 45"},
    fix="Correct the contradictory bounds or the disjoint `in` lists.",
    fix_zh="改正相互矛盾的界限或互不相交的 in 列表。",
)
define(
    "move-carries-post",
    Kind.PROBLEM,
    W,
    summary="A move without `post:` can carry an established post into a unit kind "
    "that does not establish it.",
    summary_zh="未写 post: 的调动可能把某职务带到不设该职务的单位类别。",
    en="rule {rule}: a {post:term} of a unit of kind {origin} may be moved to a unit of kind "
    "{dest}, which does not establish {post:term}; give move.post",
    zh="规则 {rule}：{origin:val}的{post:term}可能被调往不设{post:term}的{dest:val}；"
    "请写 `move.post`",
    example={
        "rule": "station-senior-to-organ",
        "post": "station_head",
        "origin": "station",
        "dest": "organ",
    },
    fix="Say with move.post which post the officer takes at the destination.",
    fix_zh="用 move.post 写明调入后的职务。",
)

# --- check / plan: vacancies and over-establishment -------------------------------------------
define(
    "vacancy",
    Kind.EXCEPTION,
    W,
    summary="A unit's post has fewer holders than its establishment.",
    summary_zh="单位某职务的在任人数少于职数。",
    en="{unit} {post:term}: {count} vacant ({holders} of {establishment} filled)",
    zh="{unit} {post:term}：空缺 {count} 名（职数 {establishment}，在任 {holders}）",
    example={
        "unit": "PCS-DJ",
        "post": "station_head",
        "count": 1,
        "holders": 0,
        "establishment": 1,
    },
    fix="Appoint someone (placement plan proposes candidates) or change the establishment.",
    fix_zh="任命人选（placement plan 会提出候选人），或调整职数。",
)
define(
    "over_establishment",
    Kind.EXCEPTION,
    W,
    summary="A unit's post has more holders than its establishment (超职数).",
    summary_zh="单位某职务的在任人数超过职数（超职数）。",
    en="{unit} {post:term}: {holders} holders for an establishment of {establishment}",
    zh="{unit} {post:term}：职数 {establishment}，在任 {holders} 名",
    example={"unit": "JJDC", "post": "section_chief", "holders": 3, "establishment": 1},
    fix="Move or reassign the surplus holders; placement never demotes anyone to cure it.",
    fix_zh="调整多出的在任者；placement 不会为此降职任何人。",
)

# --- placement test: appointment expectations --------------------------------------------------
define(
    "test-eligible-failed",
    Kind.NOTE,
    I,
    summary="A rule test expected the officer eligible for a policy.",
    summary_zh="规则测试预期该民警符合某任职政策。",
    en="expected eligible for {policy}; {got}",
    zh="预期符合任职政策 {policy}；实际{got}",
    example={"policy": "station-head", "got": "not eligible: age 45 < 43"},
    fix="Correct the test or the policy's eligible condition.",
    fix_zh="改正测试或政策的 eligible 条件。",
)
define(
    "test-not-eligible-failed",
    Kind.NOTE,
    I,
    summary="A rule test expected the officer not eligible (or unknown) for a policy.",
    summary_zh="规则测试预期该民警不符合（或无法判断是否符合）某任职政策。",
    en="expected {want} for {policy}; {got}",
    zh="预期对任职政策 {policy} 为{want}；实际{got}",
    example={"policy": "station-head", "want": "not eligible", "got": "eligible"},
    fix="Correct the test or the policy's eligible condition.",
    fix_zh="改正测试或政策的 eligible 条件。",
)
define(
    "test-unknown-policy",
    Kind.NOTE,
    I,
    summary="A rule test names an appointment policy that does not exist.",
    summary_zh="规则测试引用了不存在的任职政策。",
    en="no appointment policy '{policy}'",
    zh="没有任职政策“{policy}”",
    example={"policy": "station-hed"},
    fix="Use the id of a policy under appointments:.",
    fix_zh="使用 appointments: 中政策的 id。",
)
