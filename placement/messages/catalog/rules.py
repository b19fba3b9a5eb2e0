"""Codes of the rule files, the units file and the pins file: shapes, conditions, lint."""

from __future__ import annotations

from placement.messages.registry import Kind, Severity, define, group

P, E, W = Kind.PROBLEM, Severity.ERROR, Severity.WARNING

# --- shapes (pydantic, located through the YAML positions) ---------------------------
define(
    "unknown-key",
    P,
    E,
    summary="A key the file's schema does not have.",
    summary_zh="文件结构中没有的键。",
    en="{what:subject}unknown key '{name}'",
    zh="{what:subject}未知的键 '{name}'",
    example={"what": "rule a", "name": "hello"},
    fix="Remove the key or correct its spelling.",
    fix_zh="删去该键或改正拼写。",
)
define(
    "missing-key",
    P,
    E,
    summary="A key the schema requires is missing.",
    summary_zh="缺少结构要求的键。",
    en="{what:subject}'{name}' is required",
    zh="{what:subject}缺少必需的 '{name}'",
    example={"what": "", "name": "units"},
)
define(
    "schema-value",
    P,
    E,
    summary="A value of the wrong type or out of range (the schema's message).",
    summary_zh="取值类型不对或超出范围（按结构校验的结果）。",
    en="{what:subject}{where:loc}{detail:pydantic} (got {got})",
    zh="{what:subject}{where:loc}{detail:pydantic}（实际为 {got}）",
    example={
        "what": "rule a",
        "where": "priority",
        "detail": "input should be a valid integer",
        "got": "'high'",
    },
)
define(
    "list-expected",
    P,
    E,
    summary="A section that must be a list.",
    summary_zh="应为列表的部分。",
    en="{name}: a list is expected",
    zh="`{name}`：应为列表",
    example={"name": "rules"},
)
define(
    "reserved-field-name",
    P,
    E,
    summary="A declared field whose name the tool keeps for its own columns.",
    summary_zh="声明的字段名保留给工具自身的列。",
    en="field name '{name}': names that begin with '_' or hold ':' are kept for the tool's own "
    "columns",
    zh="字段名 '{name}'：以 '_' 开头或含 ':' 的名称保留给工具自身的列",
    example={"name": "_row"},
)
define(
    "enum-needs-values",
    P,
    E,
    summary="An enum field declared without values.",
    summary_zh="枚举字段未给出取值。",
    en="field {name}: an enum needs values",
    zh="字段 {name}：枚举类型需要给出 `values`",
    example={"name": "education"},
)
define(
    "target-needs-bound",
    P,
    E,
    summary="A target with neither at_least nor at_most.",
    summary_zh="目标既无 at_least 也无 at_most。",
    en="target {target}: give at_least or at_most",
    zh="目标 {target}：请给出 `at_least` 或 `at_most`",
    example={"target": "share"},
)
define(
    "effective-order",
    P,
    E,
    summary="A rule that ends before it starts.",
    summary_zh="规则的失效日期早于生效日期。",
    en="rule {rule}: effective_until is before effective_from",
    zh="规则 {rule}：`effective_until` 早于 `effective_from`",
    example={"rule": "a"},
)
define(
    "no-such-path",
    P,
    E,
    summary="No rule file at the path given.",
    summary_zh="所给路径下没有规则文件。",
    en="no such file or folder",
    zh="文件或文件夹不存在",
)
define(
    "no-rule-files",
    P,
    E,
    summary="A rules folder without *.yaml files.",
    summary_zh="规则文件夹中没有 *.yaml 文件。",
    en="no rule files (*.yaml) found",
    zh="没有找到规则文件（*.yaml）",
)
define(
    "rules-shape",
    P,
    E,
    summary="A rule file that is not a mapping.",
    summary_zh="规则文件不是映射。",
    en="a rule file is a mapping (ruleset:, rules:, ...)",
    zh="规则文件应为映射（`ruleset:`、`rules:` 等）",
)
define(
    "duplicate-field",
    P,
    E,
    summary="A declared field that is built in.",
    summary_zh="声明的字段是内置字段。",
    en="'{name}' is a built-in field",
    zh="'{name}' 是内置字段",
    example={"name": "age"},
)
define(
    "actions-combined",
    P,
    E,
    summary="A rule's then: with actions that cannot go together.",
    summary_zh="规则的 then 中有不能同时使用的处理。",
    en="rule {rule}: {actions:acts} cannot be combined (a move may set the post with move.post)",
    zh="规则 {rule}：{actions:acts}不能同时使用（调动时可用 `move.post` 改任职务）",
    example={"rule": "a", "actions": ["move", "set_post"]},
)
define(
    "no-action",
    P,
    E,
    summary="A rule's then: without an action.",
    summary_zh="规则的 then 中没有处理。",
    en="rule {rule}: then needs move, set_post, flag or keep",
    zh="规则 {rule}：`then` 需要 `move`、`set_post`、`flag` 或 `keep` 之一",
    example={"rule": "a"},
)
define(
    "unknown-term",
    P,
    E,
    summary="A value not in the vocabulary.",
    summary_zh="取值不在词表中。",
    en="{vocab} '{value}' is not in the vocabulary",
    zh="{vocab:field} '{value}' 不在词表中",
    example={"vocab": "post", "value": "所長長"},
)

# --- units and pins ---------------------------------------------------------------------
define(
    "units-not-mapping",
    P,
    E,
    summary="A units file without a units: list.",
    summary_zh="单位文件没有 units: 列表。",
    en="a units file is a mapping with a 'units:' list",
    zh="单位文件应为含 `units:` 列表的映射",
)
define(
    "unit-not-mapping",
    P,
    E,
    summary="A unit that is not a mapping.",
    summary_zh="单位不是映射。",
    en="each unit is a mapping",
    zh="每个单位应为映射",
)
define(
    "duplicate-unit",
    P,
    E,
    summary="Two units with one id.",
    summary_zh="两个单位编码相同。",
    en="unit id '{unit}' is defined twice",
    zh="单位编码 '{unit}' 定义了两次",
    example={"unit": "BGS"},
)
define(
    "unknown-merge-target",
    P,
    E,
    summary="merged_into names no unit.",
    summary_zh="merged_into 指向的单位不存在。",
    en="unit {unit}: merged_into '{target}' is not a unit",
    zh="单位 {unit}：`merged_into` 的 '{target}' 不是已有单位",
    example={"unit": "A", "target": "Z"},
)
define(
    "min-staff-above-capacity",
    P,
    E,
    summary="A unit whose minimum staff exceeds its establishment.",
    summary_zh="单位最低警力高于其编制。",
    en="unit {unit}: min_staff {min_staff} is above capacity {capacity}",
    zh="单位 {unit}：最低警力 {min_staff} 高于编制 {capacity}",
    example={"unit": "A", "min_staff": 5, "capacity": 3},
)
define(
    "merge-cycle",
    P,
    E,
    summary="Units merged into each other in a circle.",
    summary_zh="单位之间的合并关系形成循环。",
    en="unit {unit}: merges form a cycle: {cycle:arrows}",
    zh="单位 {unit}：合并关系形成循环：{cycle:arrows}",
    example={"unit": "A", "cycle": ["A", "B", "A"]},
)
define(
    "pins-not-list",
    P,
    E,
    summary="A pins file that is not a list of pins.",
    summary_zh="人工决定文件不是人工决定的列表。",
    en="a pins file is a list of {{officer:, unit:}} or {{officer:, stay: true}}",
    zh="人工决定文件应为 `{{officer:, unit:}}` 或 `{{officer:, stay: true}}` 的列表",
)
define(
    "pin-needs-one",
    P,
    E,
    summary="A pin with both or neither of unit and stay.",
    summary_zh="人工决定同时给出或都未给出 unit 与 stay。",
    en="pin {pin}: give either unit or stay: true",
    zh="第 {pin} 条人工决定：请给出 `unit` 或 `stay: true` 之一",
    example={"pin": 2},
)

# --- conditions -------------------------------------------------------------------------
define(
    "condition-not-mapping",
    P,
    E,
    summary="A condition that is not a mapping.",
    summary_zh="条件不是映射。",
    en="a condition is a mapping, not {kind}",
    zh="条件应为映射，不能是 {kind}",
    example={"kind": "str"},
)
define(
    "conditions-list",
    P,
    E,
    summary="all/any without a list.",
    summary_zh="all/any 后面不是列表。",
    en="'{name}' takes a list of conditions",
    zh="`{name}` 需要条件列表",
    example={"name": "all"},
)
define(
    "unknown-field",
    P,
    E,
    summary="A condition names a field nobody declared.",
    summary_zh="条件中使用了未声明的字段。",
    en="{name}",
    zh="未知字段 {name}",
    example={"name": "agee"},
    fix="Correct the name or declare the field under fields:.",
    fix_zh="改正名称，或在 fields: 中声明该字段。",
)
define(
    "unknown-constant",
    P,
    E,
    summary="A $constant nobody declared.",
    summary_zh="使用了未声明的常量。",
    en="{name}",
    zh="未知常量 {name}",
    example={"name": "$max_agee"},
)
define(
    "unknown-operator",
    P,
    E,
    summary="An operator the language does not have.",
    summary_zh="条件语言中没有的运算符。",
    en="{op} on {field}",
    zh="未知运算符 `{op}`（用于{field:field}）",
    example={"op": "lesser", "field": "age"},
)
define(
    "ordered-operator",
    P,
    E,
    summary="lt/le/gt/ge/between on a field without order.",
    summary_zh="对无序字段使用大小比较。",
    en="{op} needs a number or a date; {field} is {type}",
    zh="`{op}` 需要数字或日期；{field:field}是{type:tname}",
    example={"op": "le", "field": "rank", "type": "a vocabulary term"},
)
define(
    "contains-needs-list",
    P,
    E,
    summary="contains on a single-valued field.",
    summary_zh="对单值字段使用 contains。",
    en="contains needs a list field; {field} is {type}",
    zh="`contains` 需要列表字段；{field:field}是{type:tname}",
    example={"field": "age", "type": "a number"},
)
define(
    "list-field-operator",
    P,
    E,
    summary="An operator other than contains on a list field.",
    summary_zh="对列表字段使用 contains 以外的运算符。",
    en="{op} on the list field {field}",
    zh="列表字段{field:field}不能用 `{op}`",
    example={"op": "eq", "field": "unit.tags"},
)
define(
    "bad-is-null",
    P,
    E,
    summary="is_null with other than true/false.",
    summary_zh="is_null 的值不是 true/false。",
    en="is_null takes true or false, not {value}",
    zh="`is_null` 只能取 `true` 或 `false`，不能是 {value}",
    example={"value": "'yes'"},
)
define(
    "list-expected-by-op",
    P,
    E,
    summary="in/not_in/between without a list.",
    summary_zh="in/not_in/between 后面不是列表。",
    en="{op} takes a list, not {value}",
    zh="`{op}` 需要列表，不能是 {value}",
    example={"op": "in", "value": "'x'"},
)
define(
    "between-two",
    P,
    E,
    summary="between without exactly two values.",
    summary_zh="between 不是恰好两个值。",
    en="between takes [low, high], not {n} values",
    zh="`between` 需要 [下限, 上限]，不能是 {n} 个值",
    example={"n": 3},
)
define(
    "officer-ref-list",
    P,
    E,
    summary="A unit field compared with a list field of the officer.",
    summary_zh="单位字段与本人的列表字段比较。",
    en="$officer.{ref} is a list; compare {field} with a single value",
    zh="`$officer.{ref}` 是列表；{field:field}只能与单个值比较",
    example={"ref": "wishes", "field": "unit.id"},
)
define(
    "list-field-ref",
    P,
    E,
    summary="A list field compared with eq to the officer's value.",
    summary_zh="列表字段用 eq 与本人的值比较。",
    en="{field} is a list; use contains: $officer.{ref}",
    zh="{field:field}是列表；请使用 `contains: $officer.{ref}`",
    example={"field": "unit.tags", "ref": "home_district"},
)
define(
    "incomparable-ref",
    P,
    E,
    summary="Fields of types that cannot be compared.",
    summary_zh="类型不可比较的字段。",
    en="{field} ({type}) cannot be compared with $officer.{ref} ({ref_type})",
    zh="{field:field}（{type:tname}）不能与 `$officer.{ref}`（{ref_type:tname}）比较",
    example={
        "field": "unit.capacity",
        "type": "a number",
        "ref": "home_district",
        "ref_type": "text",
    },
)
define(
    "null-literal",
    P,
    E,
    summary="null as a value to compare with.",
    summary_zh="把 null 当作比较值。",
    en="{field}: null is not a value; use is_null: true",
    zh="{field:field}：`null` 不是取值；请用 `is_null: true`",
    example={"field": "age"},
)
define(
    "wrong-type",
    P,
    E,
    summary="A value of the wrong type for its field.",
    summary_zh="取值与字段类型不符。",
    en="{field} is {type}, not {value}{dates:dates}",
    zh="{field:field}应为{type:tname}，不能是 {value}{dates:dates}",
    example={"field": "birth_date", "type": "a date", "value": "12", "dates": True},
)
define(
    "not-one-of",
    P,
    E,
    summary="A value outside an enum's values.",
    summary_zh="取值不在枚举值之中。",
    en="{field} is one of {values:list}, not '{value}'",
    zh="{field:field}应为 {values:idents} 之一，不能是 '{value}'",
    example={"field": "unit.kind", "values": ["organ", "frontline", "station"], "value": "office"},
)
define(
    "unit-not-in-file",
    P,
    E,
    summary="A unit id not in the units file.",
    summary_zh="单位编码不在单位文件中。",
    en="unit '{unit}' is not in the units file",
    zh="单位 '{unit}' 不在单位文件中",
    example={"unit": "NOWHERE"},
)

# --- lint (warnings of validate) ---------------------------------------------------------
define(
    "shadowed-rule",
    P,
    W,
    summary="A rule that a higher-priority rule always pre-empts.",
    summary_zh="总被更高优先级规则抢先的规则。",
    en="rule {rule} never decides: rule {by} (priority {priority}) always applies first",
    zh="规则 {rule} 永远不会起决定作用：规则 {by}（优先级 {priority}）总是先适用",
    example={"rule": "b", "by": "a", "priority": 10},
)
define(
    "no-destination",
    P,
    W,
    summary="A move whose destination no unit matches.",
    summary_zh="没有单位符合调动去向。",
    en="rule {rule}: no unit matches its destination",
    zh="规则 {rule}：没有单位符合其去向",
    example={"rule": "a"},
)
define(
    "move-not-ending",
    P,
    W,
    summary="A rule that still applies after its own action.",
    summary_zh="执行处理后规则仍然适用。",
    en="rule {rule} would still apply after a move to {units:list}{more:more}",
    zh="规则 {rule} 在调往 {units:list_en}{more:more}后仍会适用",
    example={"rule": "a", "units": ["PCS-HF", "PCS-DJ"], "more": True},
)
define(
    "post-not-ending",
    P,
    W,
    summary="A set_post rule that still applies after the new post.",
    summary_zh="改任职务后规则仍然适用。",
    en="rule {rule} would still apply after set_post {post}",
    zh="规则 {rule} 在改任{post:val}后仍会适用",
    example={"rule": "a", "post": "instructor"},
)

# --- problem codes that several sentences share (the sentence is the message's own code) --
group(
    "bad-value",
    "A value the file's schema or its meaning refuses.",
    "文件结构或含义不接受的取值。",
    "schema-value",
)
group(
    "bad-literal",
    "A condition's value that does not fit its field.",
    "条件中的取值与字段不符。",
    "wrong-type",
)
group(
    "bad-operator",
    "An operator that does not fit its field.",
    "运算符与字段不符。",
    "ordered-operator",
)
group(
    "bad-condition", "A condition of the wrong shape.", "条件的结构不对。", "condition-not-mapping"
)
group(
    "bad-action",
    "A rule's then: that is not one action.",
    "规则的 then 不是一个处理。",
    "actions-combined",
)
group("rules-missing", "No rules at the path given.", "所给路径下没有规则。", "no-such-path")
group(
    "units-shape", "A units file of the wrong shape.", "单位文件的结构不对。", "units-not-mapping"
)
group("pins-shape", "A pins file of the wrong shape.", "人工决定文件的结构不对。", "pins-not-list")
group("unknown-unit", "A unit id that no unit has.", "没有单位使用该编码。", "unit-not-in-file")
group(
    "action-not-ending",
    "A rule that still applies after its own action.",
    "执行处理后规则仍然适用。",
    "move-not-ending",
    severity=W,
)
