"""Fixed UI strings in both languages, and the words for identifiers shown to people."""

from __future__ import annotations

from placement.i18n.reasons import _field
from placement.i18n.words import _TERMS, ACTIONS, CODES, VALUES

# --- UI labels --------------------------------------------------------------------

LABELS: dict[str, tuple[str, str]] = {
    # terminal plan report
    "plan_summary": ("plan summary", "方案概要"),
    "ruleset_line": (
        "ruleset [bold]{name}[/] as of {as_of}",
        "规则集 [bold]{name}[/]，基准日期 {as_of}",
    ),
    "counts_line": (
        "officers {officers}  transfers {transfers}  post changes {post_changes}  "
        "flags {flags}  exceptions {exceptions}",
        "人员 {officers}  调动 {transfers}  职务变动 {post_changes}  "
        "标记 {flags}  例外 {exceptions}",
    ),
    "share_line": (
        "grassroots share {before} → [bold]{after}[/]",
        "基层警力占比 {before} → [bold]{after}[/]",
    ),
    "allowance_line": (
        "monthly allowances {before} → {after} yuan",
        "月度津贴 {before} → {after} 元",
    ),
    "target_line": (
        "target {id} {title}: {before} → {after} {mark}",
        "目标 {id} {title}：{before} → {after} {mark}",
    ),
    "target_now": ("target {id} {title}: {value} {mark}", "目标 {id} {title}：{value} {mark}"),
    "met": ("met", "达成"),
    "not_met": ("not met", "未达成"),
    "exceptions_by": ("exceptions: ", "例外："),
    "list_sep": (", ", "，"),
    "units_title": ("units", "各单位警力"),
    "col_unit": ("unit", "单位"),
    "col_name": ("name", "名称"),
    "col_before": ("before", "调前"),
    "col_after": ("after", "调后"),
    "col_capacity": ("capacity", "编制"),
    "col_min_staff": ("min staff", "最低警力"),
    "col_officer": ("officer", "警号"),
    "col_person": ("name", "姓名"),
    "col_from": ("from", "调出单位"),
    "col_to": ("to", "调入单位"),
    "col_post": ("post", "职务"),
    "col_reason": ("reason", "理由"),
    "col_flag": ("flag", "标记"),
    "col_rule": ("rule", "规则"),
    "col_row": ("row", "行号"),
    "col_code": ("code", "类别"),
    "col_field": ("field", "字段"),
    "col_message": ("message", "说明"),
    "col_action": ("action", "处理"),
    "flags_title": ("flags ({n})", "标记（{n}）"),
    # terminal check report
    "check_title": ("check", "检查"),
    "check_counts": (
        "violations {violations}  flags {flags}  exceptions {exceptions}",
        "违规 {violations}  标记 {flags}  例外 {exceptions}",
    ),
    # markdown
    "md_plan": ("placement plan", "调动方案"),
    "md_check": ("placement check", "检查结果"),
    "md_none": ("(none)", "（无）"),
    "tab_transfers": ("transfers", "调动"),
    "tab_flags": ("flags", "标记"),
    "tab_exceptions": ("exceptions", "例外"),
    "tab_units": ("units", "单位"),
    "tab_violations": ("violations", "违规"),
    "tab_targets": ("targets", "目标"),
    "md_officer_id": ("officer_id", "警号"),
    "md_name": ("name", "姓名"),
    "md_units_name": ("name", "名称"),
    "md_from_unit": ("from_unit", "调出单位"),
    "md_to_unit": ("to_unit", "调入单位"),
    "md_from_post": ("from_post", "原职务"),
    "md_to_post": ("to_post", "新职务"),
    "md_rule_id": ("rule_id", "规则"),
    "md_rule_title": ("rule_title", "规则标题"),
    "md_reason": ("reason", "理由"),
    "md_code": ("code", "类别"),
    "md_row": ("row", "行号"),
    "md_field": ("field", "字段"),
    "md_message": ("message", "说明"),
    "md_unit_id": ("unit_id", "单位"),
    "md_before": ("before", "调前"),
    "md_after": ("after", "调后"),
    "md_capacity": ("capacity", "编制"),
    "md_min_staff": ("min_staff", "最低警力"),
    "md_action": ("action", "处理"),
    "md_id": ("id", "编号"),
    "md_title": ("title", "标题"),
    "md_value": ("value", "数值"),
    "md_at_least": ("at_least", "不低于"),
    "md_at_most": ("at_most", "不高于"),
    "md_met": ("met", "达成"),
    "tab_posts": ("posts", "领导职数"),
    "sum_posts": ("posts vacant or over", "空缺或超职数的职务"),
    "md_post": ("post", "职务"),
    "md_establishment": ("establishment", "职数"),
    "md_holders": ("holders", "在任"),
    "md_status": ("status", "状态"),
    "post_vacant": ("vacant", "空缺"),
    "post_over": ("over", "超职数"),
    "posts_now": (
        "  {unit} {post}: {holders} of {establishment} — {status}",
        "  {unit} {post}：职数 {establishment}，在任 {holders}——{status}",
    ),
    # pins (manual decisions) and the XLSX summary sheet
    "tab_pins": ("pins", "人工决定"),
    "tab_summary": ("summary", "概要"),
    "md_item": ("item", "项目"),
    "md_pin_unit": ("pin_unit", "指定单位"),
    "md_pin_stay": ("pin_stay", "留任"),
    "md_pin_post": ("pin_post", "指定职务"),
    "md_pin_rank": ("pin_rank", "指定职级"),
    "md_overrode": ("overrode", "所越过的规则"),
    "md_outcome": ("outcome", "结果"),
    "pins_title": ("pins ({n})", "人工决定（{n}）"),
    "col_pin": ("pin", "决定"),
    "col_overrode": ("overrode", "所越过的规则"),
    "col_outcome": ("outcome", "结果"),
    "pin_stay": ("stay", "留任"),
    "pin_to": ("to {unit}", "调往 {unit}"),
    "pin_unit": ("to {unit}", "调往 {unit}"),
    "pin_post": (" as {post}", "任{post}"),
    "sum_pins": ("pins", "人工决定"),
    "ex_pin": ("pin: {pin}: {outcome}", "人工决定：{pin}：{outcome}"),
    "ex_pin_over": (
        "pin: {pin}, overriding {rule}: {outcome}",
        "人工决定：{pin}（越过规则 {rule}）：{outcome}",
    ),
    "sum_target_now": ("target {id}", "目标 {id}"),
    "sum_target_before": ("target {id} before", "目标 {id} 调前"),
    "sum_target_after": ("target {id} after", "目标 {id} 调后"),
    "sum_target_met": ("target {id} met", "目标 {id} 达成"),
    "sum_ruleset": ("ruleset", "规则集"),
    "sum_as_of": ("as_of", "基准日期"),
    "sum_officers": ("officers", "人员"),
    "sum_transfers": ("transfers", "调动"),
    "sum_post_changes": ("post_changes", "职务变动"),
    "sum_flags": ("flags", "标记"),
    "sum_exceptions": ("exceptions", "例外"),
    "sum_appointments": ("appointments", "任职"),
    "sum_violations": ("violations", "违规"),
    "sum_grassroots_share_before": ("grassroots_share_before", "调前基层警力占比"),
    "sum_grassroots_share_after": ("grassroots_share_after", "调后基层警力占比"),
    "sum_allowance_before": ("allowance_before", "调前月度津贴"),
    "sum_allowance_after": ("allowance_after", "调后月度津贴"),
    "sum_allowance_monthly_total_after": ("allowance_monthly_total_after", "调后月度津贴合计"),
    "sum_target": ("target {id}", "目标 {id}"),
    "sum_target_value": ("{before} -> {after} met={met}", "{before} → {after}，达成：{met}"),
    # diff
    "diff_title": ("plan diff", "方案对比"),
    "diff_target": (
        "target **{id}**: {old} → {new} (met: {old_met} → {new_met})",
        "目标 **{id}**：{old} → {new}（达成：{old_met} → {new_met}）",
    ),
    "diff_added": ("transfers added", "新增的调动"),
    "diff_removed": ("transfers removed", "取消的调动"),
    "diff_changed": ("sent elsewhere", "改派他处"),
    "diff_app_added": ("appointments added", "新增的任职"),
    "diff_app_removed": ("appointments removed", "取消的任职"),
    "diff_app_changed": ("appointments changed", "改变的任职"),
    "diff_appeared": ("exceptions appeared", "新出现的例外"),
    "diff_gone": ("exceptions gone", "消失的例外"),
    "diff_exc_english": (
        "(each message as the plan file records it)",
        "（例外类型已译为中文；说明为方案 JSON 文件所记录的英文原文）",
    ),
    # explain
    "ex_head": (
        "{id} {name} (row {row}): {unit}, {post}, age {age}",
        "{id} {name}（第 {row} 行）：{unit}，{post}，年龄 {age}",
    ),
    "ex_rule": (
        "(priority {priority}, {action}): {status}",
        "（优先级 {priority}，{action}）：{status}",
    ),
    "ex_unless": ("unless: {v}", "除外条件：{v}"),
    "ex_why_not": ("why not: {v}", "未适用原因：{v}"),
    "ex_decision": ("decision: [bold]{v}[/]", "决定：[bold]{v}[/]"),
    "ex_by": (" by {v}", "，由 {v} 决定"),
    "ex_and": (" by {a} and {b}", "（{a} 与 {b}）"),
    "ex_plan": (
        "plan: {from_unit} → {to_unit}, {from_post} → {to_post}: {reason}",
        "方案：{from_unit} → {to_unit}，{from_post} → {to_post}：{reason}",
    ),
    "ex_exception": ("exception [yellow]{code}[/]: {message}", "例外 [yellow]{code}[/]：{message}"),
    # test
    "t_pass": ("PASS", "通过"),
    "t_fail": ("FAIL", "失败"),
    "t_expected": ("  expected: {v}", "  未满足：{v}"),
    "t_happened": ("  happened: {v}", "  实际：{v}"),
    "t_covered": ("covered", "已覆盖"),
    "t_not_seen": ("not seen: ", "未见："),
    "t_coverage": ("coverage {pct}%", "覆盖率 {pct}%"),
    "t_totals": ("{passed} passed, {failed} failed", "通过 {passed}，失败 {failed}"),
    "t_low": ("coverage {pct}% is below {min}%", "覆盖率 {pct}% 低于 {min}%"),
    # messages of the command line
    "warning": ("warning", "警告"),
    "error": ("error: {v}", "错误：{v}"),
    "wrote": ("wrote {path}", "已写入 {path}"),
    "wrote_rows": ("wrote {path}: {n} rows", "已写入 {path}：{n} 行"),
    "usage": ("Usage: ", "用法："),
    "try_help": ("Try '{command} {option}' for help.", "运行 '{command} {option}' 查看帮助。"),
    "click_error": ("Error: {v}", "错误：{v}"),
    "options": ("Options", "选项"),
    "commands": ("Commands", "命令"),
    # leadership posts in the plan reports (report.posts)
    "tab_appointments": ("appointments", "任职"),
    "md_appointments_post": ("post", "职务"),
    "md_rank": ("rank", "职级"),
    "md_rank_before": ("rank_before", "原职级"),
    "md_rank_after": ("rank_after", "新职级"),
    "md_policy_id": ("policy_id", "选配办法"),
    "md_policy_title": ("policy_title", "选配办法名称"),
    "md_merit": ("merit", "综合排名"),
    "md_merit_position": ("merit_position", "排名"),
    "md_merit_eligible": ("merit_eligible", "符合条件人数"),
    "md_merit_unknown": ("merit_unknown", "资格不明人数"),
    "md_alternates": ("alternates", "差额人选"),
    "md_vacant_before": ("vacant_before", "调前空缺"),
    "md_vacant_after": ("vacant_after", "调后空缺"),
    "md_over_before": ("over_before", "调前超职数"),
    "md_over_after": ("over_after", "调后超职数"),
    "md_count": ("count", "数量"),
    "md_unknown_candidates": ("unknown_candidates", "资格不明的人选"),
    "md_exceptions_post": ("post", "职务"),
    "md_exceptions_holders": ("holders", "在任人员"),
    "md_exceptions_reason": ("reason", "原因"),
    "md_exceptions_unit_id": ("unit_id", "单位"),
    "vreason_no_policy": ("no_policy", "无选配办法"),
    "vreason_no_eligible": ("no_eligible", "无符合条件人选"),
    "vreason_taken_or_cannot_move": ("taken_or_cannot_move", "人选已另任或无法调动"),
    "merit_of": ("{position} of {eligible}", "{eligible} 人中第 {position}"),
    "merit_unknown": (" ({n} unknown)", "（{n} 人资格不明）"),
    "merit_pinned": ("pin", "人工决定"),
    "team_filled": ("filled", "满员"),
    "team_vacant": ("vacant {n}", "空缺 {n}"),
    "team_over": ("over {n}", "超配 {n}"),
    "teams_title": ("leadership teams", "领导班子"),
    "appointments_title": ("appointments ({n})", "任职（{n}）"),
    "col_post_name": ("post", "职务"),
    "col_establishment": ("est.", "职数"),
    "col_rank": ("rank", "职级"),
    "col_policy": ("policy", "选配办法"),
    "col_merit": ("merit", "排名"),
    "col_alternates": ("alternates", "差额人选"),
    "col_appointee": ("appointee", "任职人"),
    "col_status_after": ("after the plan", "调后状态"),
    "col_status_before": ("before", "调前状态"),
    "posts_line": (
        "appointments {appointments}  vacancies {vb} → [bold]{va}[/]  "
        "over establishment {ob} → {oa}",
        "任职 {appointments}  空缺 {vb} → [bold]{va}[/]  超职数 {ob} → {oa}",
    ),
    "sum_vacancies_before": ("vacancies before", "调前空缺"),
    "sum_vacancies_after": ("vacancies after", "调后空缺"),
    "sum_over_establishment_before": ("over establishment before", "调前超职数"),
    "sum_over_establishment_after": ("over establishment after", "调后超职数"),
    # explain OFFICER_ID: appointment policies (report.explain)
    "ex_policies": ("[bold]appointment policies[/]", "[bold]选配办法[/]"),
    "ex_policy": (
        "(post {post}, priority {priority}): eligible {eligible}",
        "（职务 {post}，优先级 {priority}）：符合条件 {eligible}",
    ),
    "ex_where": ("where at the officer's unit: {v}", "本人所在单位的 `where` 条件：{v}"),
    "ex_merit": ("merit {position} of {eligible}", "综合排名：{eligible} 人中第 {position}"),
    # explain --post (report.explain_post)
    "xp_head": ("[bold]{unit}[/] {name} — {post}", "[bold]{unit}[/] {name}——{post}"),
    "xp_establishment": ("  establishment {n}", "  职数 {n}"),
    "xp_before": ("  holders before the plan: {n} {ids}", "  调前在任：{n} 人 {ids}"),
    "xp_after": ("  holders after the plan: {n} {ids}", "  调后在任：{n} 人 {ids}"),
    "xp_nobody": ("(nobody)", "（无）"),
    "xp_policy": (
        "policy [bold]{id}[/] {title} (priority {priority}, rank after {rank}, slate {slate})",
        "选配办法 [bold]{id}[/] {title}（优先级 {priority}，任职后职级 {rank}，差额 {slate}）",
    ),
    "xp_appointed": (
        "appointed: {id} {name} by {policy}; alternates {alternates}",
        "任职：{id} {name}（{policy}）；差额人选 {alternates}",
    ),
    "xp_candidates": (
        "eligible candidates at this unit, in merit order ({shown} of {eligible} shown; "
        "{policy} eligible under the policy):",
        "本单位符合条件的人选，按综合排名（显示 {shown} 人，共 {eligible} 人；"
        "该办法下共 {policy} 人符合条件）：",
    ),
    "xp_alternate": (" (alternate)", "（差额人选）"),
    "xp_is_appointed": ("appointed", "任职"),
    "xp_unknown": (
        "eligibility unknown for lack of data ({n}):",
        "因数据缺失无法判断资格（{n} 人）：",
    ),
    "xp_empty": ("empty: {fields}", "空白字段：{fields}"),
    "opt_metavar": ("[OPTIONS]", "[选项]"),
    "cmd_metavar": ("COMMAND [ARGS]...", "命令 [参数]..."),
    "yes": ("yes", "是"),
    "no": ("no", "否"),
}


def label(key: str, lang: str = "en") -> str:
    """A fixed UI string; the key itself when unknown."""
    pair = LABELS.get(key)
    if pair is None:
        return key
    return pair[1] if lang == "zh" else pair[0]


def field(name, lang: str = "zh") -> str:
    """A field name as people read it: 'unit.tier' → '单位层级'."""
    if lang != "zh" or name is None:
        return "" if name is None else str(name)
    return _field(str(name))


def term(value, lang: str = "zh") -> str:
    """A vocabulary term or enum value as people read it: 'station_head' → '所长'."""
    if lang != "zh" or value is None:
        return "" if value is None else str(value)
    v = str(value)
    return _TERMS.get(v) or VALUES.get(v) or v


def code(value, lang: str = "zh") -> str:
    """An exception or flag code, or a pseudo rule id (unit_merge, pin)."""
    if lang != "zh" or value is None:
        return "" if value is None else str(value)
    return CODES.get(str(value), str(value))


def action(value, lang: str = "zh") -> str:
    if lang != "zh" or value is None:
        return "" if value is None else str(value)
    return ACTIONS.get(str(value), str(value))


def word(table: dict, value, lang: str = "zh") -> str:
    """A word from one of the tables above (STATUS, DECISIONS, TRUTH, COVERAGE, ...)."""
    if lang != "zh" or value is None:
        return "" if value is None else str(value)
    return table.get(str(value), str(value))


def boolean(value, lang: str = "zh") -> str:
    if lang != "zh" or not isinstance(value, bool):
        return str(value)
    return "是" if value else "否"
