"""Codes of the commands' own sentences: rule-test failures and what happened (`placement
test`), explain's note on a rule not in force, and the command line's date option."""

from __future__ import annotations

from placement.messages.registry import Kind, Severity, define

I, E = Severity.INFO, Severity.ERROR  # noqa: E741

_FIX_TEST = "Correct the test's expectation or the rule it tests."
_FIX_TEST_ZH = "改正测试的预期，或改正它所测试的规则。"


def _test(code: str, summary: str, summary_zh: str, en: str, zh: str, example: dict) -> None:
    define(
        code,
        Kind.NOTE,
        I,
        summary=summary,
        summary_zh=summary_zh,
        en=en,
        zh=zh,
        example=example,
        fix=_FIX_TEST,
        fix_zh=_FIX_TEST_ZH,
    )


# --- placement test: what a failing case expected -------------------------------------------------
_test(
    "test-expected-rule",
    "A rule test expected a rule to decide the officer's case.",
    "规则测试预期由某条规则决定该民警的处理。",
    "expected rule {rule} to decide; got {got:msg}",
    "预期由规则 {rule} 决定；实际：{got:msg}",
    {"rule": "organ-young-cadre-down", "got": ("test-got-no-decision", {})},
)
_test(
    "test-expected-move-none",
    "A rule test expected a move; none was planned.",
    "规则测试预期调动，但方案未安排调动。",
    "expected a move to {selector}; no move was planned",
    "预期调往 {selector}；实际未安排调动",
    {"selector": "{'tier': 'grassroots'}"},
)
_test(
    "test-expected-move",
    "A rule test expected a move to a unit matching a selector; another unit was chosen.",
    "规则测试预期调往符合条件的单位，实际调往了其他单位。",
    "expected a move to {selector}; moved to {unit}",
    "预期调往 {selector}；实际调往 {unit}",
    {"selector": "{'tier': 'grassroots'}", "unit": "BGS"},
)
_test(
    "test-expected-post",
    "A rule test expected a post after the plan.",
    "规则测试预期方案执行后的职务。",
    "expected post {post}; got {got:msg}",
    "预期职务为{post:val}；实际：{got:msg}",
    {"post": "instructor", "got": ("test-got-value", {"value": "officer"})},
)
_test(
    "test-expected-keep",
    "A rule test expected a keep rule to decide.",
    "规则测试预期由保持不动的规则决定。",
    "expected keep; {got:msg}",
    "预期保持不动；实际：{got:msg}",
    {"got": ("test-got-no-rule", {})},
)
_test(
    "test-expected-flag",
    "A rule test expected a flag.",
    "规则测试预期某个标记。",
    "expected flag {flag}; got {got:msg}",
    "预期标记 {flag:code}；实际：{got:msg}",
    {"flag": "promotion_ineligible", "got": ("test-got-none", {})},
)
_test(
    "test-expected-flags",
    "A rule test expected exactly these flags.",
    "规则测试预期恰好这些标记。",
    "expected flags {flags}; got {got:msg}",
    "预期标记 {flags}；实际：{got:msg}",
    {"flags": "['promotion_ineligible']", "got": "[]"},
)
_test(
    "test-expected-exempt",
    "A rule test expected an exemption from a rule.",
    "规则测试预期豁免于某条规则。",
    "expected exemption from {rule}; none",
    "预期豁免于规则 {rule}；实际没有",
    {"rule": "organ-young-cadre-down"},
)
_test(
    "test-expected-missing",
    "A rule test expected a rule to lack data for the officer.",
    "规则测试预期某条规则因数据缺失无法判定。",
    "expected missing data for {rule}; none",
    "预期规则 {rule} 数据缺失；实际没有",
    {"rule": "no-promotion-without-grassroots"},
)
_test(
    "test-expected-conflict",
    "A rule test expected two rules to conflict.",
    "规则测试预期两条规则相互冲突。",
    "expected conflict {rules}; got {got:msg}",
    "预期冲突 {rules}；实际：{got:msg}",
    {"rules": "['a', 'b']", "got": ("test-got-none", {})},
)
_test(
    "test-expected-no-action",
    "A rule test expected no action; the plan moved the officer.",
    "规则测试预期无需处理，但方案调动了该民警。",
    "expected no action; got {rule}: {from_unit} → {to_unit}, {post}",
    "预期无需处理；实际 {rule}：{from_unit} → {to_unit}，{post:val}",
    {"rule": "organ-young-cadre-down", "from_unit": "BGS", "to_unit": "PCS-HF", "post": "officer"},
)
_test(
    "test-bad-units",
    "A rule test's own `units` do not validate.",
    "规则测试自带的 `units` 未通过校验。",
    "bad units in test: {detail}",
    "测试中的单位有误：{detail:pydantic_report}",
    {
        "detail": "1 validation error for Unit\nkind\n"
        "  Input should be 'organ', 'frontline' or 'station'"
    },
)
_test(
    "test-officer-invalid",
    "A rule test's officer is not a valid roster row.",
    "规则测试中的人员不是有效的花名册行。",
    "the test officer is not valid: {issues:msgs}",
    "测试人员无效：{issues:msgs}",
    {"issues": [("duplicate_id", {"row": 2, "value": "J0001"})]},
)

# --- placement test: the words of a failure's "got" -----------------------------------------------
for _code, _en, _zh in (
    ("test-got-no-decision", "no decision", "无决定"),
    ("test-got-no-change", "no change", "无变化"),
    ("test-got-none", "none", "无"),
    ("test-got-no-rule", "no rule decided", "无规则决定"),
):
    define(
        _code,
        Kind.NOTE,
        I,
        summary=f"A rule test's failure: what happened was '{_en}'.",
        summary_zh=f"规则测试失败时的实际结果：{_zh}。",
        en=_en,
        zh=_zh,
    )
define(
    "test-got-decided",
    Kind.NOTE,
    I,
    summary="A rule test's failure: another rule decided.",
    summary_zh="规则测试失败时的实际结果：由另一条规则决定。",
    en="{rule} decided",
    zh="由 {rule} 决定",
    example={"rule": "long-illness-near-home"},
)
define(
    "test-got-value",
    Kind.NOTE,
    I,
    summary="A rule test's failure: the value the plan gave (a post).",
    summary_zh="规则测试失败时的实际结果：方案给出的值（职务）。",
    en="{value}",
    zh="{value:val}",
    example={"value": "officer"},
)

# --- placement test: what happened to the test officer --------------------------------------------
define(
    "test-happened",
    Kind.NOTE,
    I,
    summary="What the plan did to a rule test's officer: its parts, or no action.",
    summary_zh="方案对规则测试人员的处理：各项结果，或无需处理。",
    en="{parts:msgs}",
    zh="{parts:msgs}",
    example={"parts": [("test-no-action", {})]},
)
define(
    "test-no-action",
    Kind.NOTE,
    I,
    summary="The plan did nothing to a rule test's officer.",
    summary_zh="方案对规则测试人员未作任何处理。",
    en="no action",
    zh="无需处理",
)
define(
    "test-happened-move",
    Kind.NOTE,
    I,
    summary="The plan moved a rule test's officer (or changed the post).",
    summary_zh="方案调动了规则测试人员（或改任职务）。",
    en="{rule}: {from_unit} → {to_unit} ({from_post} → {to_post})",
    zh="{rule}：{from_unit} → {to_unit}（{from_post:val} → {to_post:val}）",
    example={
        "rule": "organ-young-cadre-down",
        "from_unit": "BGS",
        "to_unit": "PCS-HF",
        "from_post": "officer",
        "to_post": "officer",
    },
)
define(
    "test-happened-flag",
    Kind.NOTE,
    I,
    summary="A rule flagged a rule test's officer.",
    summary_zh="某条规则标记了规则测试人员。",
    en="flag {flag} ({rule})",
    zh="标记 {flag:code}（{rule}）",
    example={"flag": "promotion_ineligible", "rule": "no-promotion-without-grassroots"},
)
define(
    "test-happened-exception",
    Kind.NOTE,
    I,
    summary="The plan listed a rule test's officer among its exceptions.",
    summary_zh="方案把规则测试人员列入例外。",
    en="{code}{rule:sp}",
    zh="{code:code}{rule:sp}",
    example={"code": "missing_data", "rule": "no-promotion-without-grassroots"},
)

# --- explain --------------------------------------------------------------------------------------
define(
    "explain-not-in-force",
    Kind.NOTE,
    I,
    summary="Why explain skips a rule: its effective dates do not cover the as-of date.",
    summary_zh="explain 跳过某条规则的原因：其生效期不含基准日期。",
    en="effective {start} to {end}; as of {as_of}",
    zh="生效期 {start} 至 {end}；基准日期 {as_of}",
    example={"start": "2027-01-01", "end": "…", "as_of": "2026-10-01"},
)

# --- the command line -----------------------------------------------------------------------------
define(
    "option-not-a-date",
    Kind.PROBLEM,
    E,
    summary="A date option (--as-of) is not a date.",
    summary_zh="日期选项（--as-of）不是日期。",
    en="'{value}' is not a date (YYYY-MM-DD)",
    zh="'{value}' 不是日期（YYYY-MM-DD）",
    example={"value": "2026-13-01"},
    fix="Write the date as YYYY-MM-DD, e.g. 2026-10-01.",
    fix_zh="日期请写成 YYYY-MM-DD，例如 2026-10-01。",
)
