"""The committee page's fixed texts (English and Chinese), Chinese code names and CSS."""

from __future__ import annotations

LABELS = {
    "en": {
        "title": "Transfer plan",
        "kicker": "For the Party committee meeting",
        "internal": "Internal — contains personal data",
        "as_of": "as of",
        "inputs": "Inputs",
        "rows": "rows",
        "summary": "Summary",
        "officers": "Officers",
        "transfers": "Transfers",
        "post_changes": "Post changes",
        "flags": "Flags",
        "exceptions": "Exceptions",
        "by_code": "Exceptions by code",
        "share": "Grassroots share",
        "targets": "Targets",
        "target": "Target",
        "result": "Result",
        "met": "met",
        "not_met": "not met",
        "allowance": "Monthly allowances, total",
        "yuan": "yuan",
        "pts": "pts",
        "units": "Headcount by unit",
        "unit": "Unit",
        "before": "Before",
        "after": "After",
        "capacity": "Capacity",
        "over": "Over capacity",
        "merged": "merged into {}",
        "ages": "Age profile",
        "organ": "Organ",
        "grassroots": "Grassroots",
        "age": "Age (years)",
        "people": "officers",
        "mean": "mean age",
        "by_rule": "Transfers by rule",
        "officer": "Officer",
        "name": "Name",
        "from": "From",
        "to": "To",
        "post": "Post",
        "reason": "Reason",
        "row": "Row",
        "rule": "Rule",
        "field": "Field",
        "message": "Message",
        "flag": "Flag",
        "none": "None.",
        "pins": "Manual decisions (pins)",
        "pin": "Pin",
        "overrode": "Overrode",
        "outcome": "Outcome",
        "pin_stay": "stay",
        "pin_unit": "to {}",
        "pin_post": " as {}",
        "teams": "Leadership teams",
        "teams_note": "Each established post: holders before → after the plan, of the "
        "establishment; what is left vacant or over after the plan.",
        "establishment": "Establishment",
        "left": "After the plan",
        "filled": "filled",
        "vacant": "vacant {}",
        "over_n": "over {}",
        "appointments": "Proposed appointments",
        "appointee": "Appointee",
        "rank": "Rank",
        "policy": "Policy",
        "merit": "Merit",
        "alternates": "Alternates",
        "merit_of": "{} of {}",
        "merit_unknown": "{} unknown",
        "pinned": "pin",
        "posts_kv": "Leadership posts",
        "posts_value": "{} appointments · vacancies {} → <b>{}</b> · over establishment {} → {}",
        "units_note": "Grey: before; blue: after (red when over capacity); orange tick: capacity. "
        "Units with no officers before or after are left out.",
    },
    "zh": {
        "title": "调动方案",
        "kicker": "党委会审议材料",
        "internal": "内部资料 · 含个人信息",
        "as_of": "基准日期",
        "inputs": "输入",
        "rows": "行",
        "summary": "概要",
        "officers": "人员",
        "transfers": "调动",
        "post_changes": "职务变动",
        "flags": "标记",
        "exceptions": "例外",
        "by_code": "按类别分组的例外",
        "share": "基层警力占比",
        "targets": "目标",
        "target": "目标",
        "result": "结果",
        "met": "达成",
        "not_met": "未达成",
        "allowance": "津贴(月度合计)",
        "yuan": "元",
        "pts": "个百分点",
        "units": "各单位警力",
        "unit": "单位",
        "before": "调前",
        "after": "调后",
        "capacity": "编制",
        "over": "超编",
        "merged": "并入 {}",
        "ages": "年龄结构",
        "organ": "机关",
        "grassroots": "基层",
        "age": "年龄(岁)",
        "people": "人",
        "mean": "平均年龄",
        "by_rule": "按规则分组的调动",
        "officer": "编号",
        "name": "姓名",
        "from": "调出单位",
        "to": "调入单位",
        "post": "职务",
        "reason": "理由",
        "row": "行号",
        "rule": "规则",
        "field": "字段",
        "message": "说明",
        "flag": "标记",
        "none": "无。",
        "pins": "人工决定",
        "pin": "决定",
        "overrode": "所越过的规则",
        "outcome": "结果",
        "pin_stay": "留任",
        "pin_unit": "调往 {}",
        "pin_post": "任{}",
        "teams": "领导班子",
        "teams_note": "各单位的领导职数:调前 → 调后的在任人数与职数,以及调后的空缺或超职数。",
        "establishment": "职数",
        "left": "调后",
        "filled": "满员",
        "vacant": "空缺 {}",
        "over_n": "超配 {}",
        "appointments": "拟任职人选",
        "appointee": "任职人",
        "rank": "职级",
        "policy": "选配办法",
        "merit": "综合排名",
        "alternates": "差额人选",
        "merit_of": "{1} 人中第 {0}",
        "merit_unknown": "{} 人资格不明",
        "pinned": "人工决定",
        "posts_kv": "领导职数",
        "posts_value": "任职 {} 人 · 空缺 {} → <b>{}</b> · 超职数 {} → {}",
        "units_note": (
            "灰色:调前;蓝色:调后(超编为红色);橙色竖线:编制。调前调后均无人员的单位不列出。"
        ),
        "in_rules": "规则",
        "in_units": "单位",
    },
}

CODES_ZH = {
    "invalid_row": "无效行",
    "duplicate_id": "编号重复",
    "unknown_unit": "未知单位",
    "data_conflict": "数据矛盾",
    "missing_data": "数据缺失",
    "exempt": "豁免",
    "conflict": "规则冲突",
    "no_capacity": "无编制空缺",
    "min_staffing": "低于最低警力",
    "target_unmet": "目标未达成",
    "vacancy": "空缺",
    "over_establishment": "超职数",
    "ambiguous_value": "取值有歧义",
    "lost_digits": "数字位丢失",
    "promotion_ineligible": "不具备提拔条件",
    "leadership_ineligible": "不具备任职条件",
    "unit_merge": "机构合并",
}

CSS = """
*{box-sizing:border-box}
body{margin:0;background:#e9ecf1;color:#1c2430;font:14px/1.5 "Noto Sans CJK SC","Source Han Sans SC",
"Microsoft YaHei","PingFang SC","Hiragino Sans GB","WenQuanYi Micro Hei",sans-serif}
.page{max-width:1000px;margin:24px auto;background:#fff;padding:36px 44px 44px;
box-shadow:0 1px 6px rgba(0,0,0,.12)}
header{border-bottom:3px solid #a61b1b;padding-bottom:12px;margin-bottom:18px}
.kicker{display:flex;justify-content:space-between;color:#a61b1b;font-size:12px;letter-spacing:.06em}
h1{font-size:26px;margin:4px 0 2px}
.meta{color:#5b6675;font-size:12px}
h2{font-size:18px;margin:28px 0 10px;padding-left:10px;border-left:5px solid #1f4e8c}
h3{font-size:14px;margin:18px 0 6px}
h3 .id{font-family:ui-monospace,"DejaVu Sans Mono",monospace;font-weight:normal;color:#5b6675}
.kpis{display:grid;grid-template-columns:repeat(5,1fr);gap:10px;margin-bottom:14px}
.kpi{border:1px solid #d5dbe3;border-radius:6px;padding:8px 12px;background:#f7f9fb}
.kpi b{display:block;font-size:24px;line-height:1.2;color:#1f4e8c}
.kpi span{font-size:12px;color:#5b6675}
table{width:100%;border-collapse:collapse;font-size:12.5px;margin:4px 0 10px}
th,td{border-bottom:1px solid #e1e5eb;padding:4px 6px;text-align:left;vertical-align:top}
th{background:#eef2f7;font-weight:600;border-bottom:1px solid #c4ccd6}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
td.nw,th.nw{white-space:nowrap}
table.fixed{table-layout:fixed}table.fixed td{overflow-wrap:anywhere}
table.kv th{width:30%;background:none;border-bottom:1px solid #e1e5eb}
.id,.mono{font-family:ui-monospace,"DejaVu Sans Mono",monospace;font-size:11.5px}
.sub{color:#6b7684;font-size:11px}
.ok{color:#1b7a3a;font-weight:600}.bad{color:#b42318;font-weight:600}
.note{color:#5b6675;font-size:12px;margin:2px 0 6px}
.arrow{color:#8a94a3;padding:0 4px}
svg.chart{display:block;margin:6px 0 4px}
svg text{font-family:inherit;fill:#1c2430}
svg .lg{font-size:12px} svg .ax{font-size:11px;fill:#5b6675} svg .v{font-size:10.5px;fill:#5b6675}
svg .b{fill:#1f4e8c;font-weight:600} svg .ul{font-size:12px} svg .dis{fill:#7b8594}
svg .un{font-size:10px;fill:#7b8594} svg .pt{font-size:13px;font-weight:600}
svg .grid{stroke:#e3e7ed;stroke-width:1} svg .axis{stroke:#8a94a3;stroke-width:1}
svg .band{fill:#f6f8fa}
@page{size:A4;margin:14mm 12mm 16mm}
@media print{
body{background:#fff;font-size:9.5pt;-webkit-print-color-adjust:exact;print-color-adjust:exact}
.page{max-width:none;margin:0;padding:0;box-shadow:none}
h1{font-size:18pt}h2{font-size:13pt;break-after:avoid}h3{font-size:10.5pt;break-after:avoid}
table{font-size:8.5pt}thead{display:table-header-group}
tr,.kpis,svg.chart,table.kv{break-inside:avoid}
#units{break-before:page}
.kpi b{font-size:16pt}
}
"""  # noqa: E501 (one CSS rule per line)
