"""`--lang zh`: every human-facing text in Simplified Chinese; machine formats unchanged.

Messages are values rendered from their code's templates (tests/test_messages_registry.py
checks every declaration); here the commands are run on the shipped data,
the golden edge cases and the adversarial corpus, and what they print is searched for
English words left over once identifiers (rule and unit ids, codes, paths, quoted
values, field names, user-written titles) are taken out.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from placement import i18n
from placement.cli.main import COMMANDS, main

ROOT = Path(__file__).resolve().parent.parent
EDGE = ROOT / "tests" / "golden" / "edge-cases"
ADV = ROOT / "tests" / "adversarial"

CJK = re.compile(r"[\u4e00-\u9fff]")
# Words of the core's English messages; any of them left in Chinese output is a miss.
ENGLISH = re.compile(
    r"\b(is|not|the|rule|rules|moves|officer|officers|unit|units|empty|merged|wish|preference|fill|"
    r"exempt|cannot|decided|row|rows|date|vocabulary|and|of|to|has|with|yes|no|unknown|given|met|"
    r"none|missing|expected|got|priority|decision|passed|failed|covered|coverage|warning|error|"
    r"Error|Usage|Options|Commands|Example|Try|help|show|exit|should|valid|input|applies|apply|"
    r"plan|action|reason|flags|exceptions|transfers|share|target|allowances|yuan|honoured|even|"
    r"after|before|file|folder|because|would|leave|below|above|free|place|destination|"
    r"PASS|FAIL|happened|seen|why|unless|age|post|rank|organ|grassroots|station|frontline|"
    r"urban|rural|excellent|competent|incompetent|complex|hardship)\b"
)

CODES = set(i18n.CODES) | {"unit_merge", "pin"}


def _user_texts() -> list[str]:
    """Titles, test names and rule set names written in the rule files: user text, kept."""
    out: list[str] = []
    for folder in (ROOT / "rules", EDGE / "rules"):
        for f in sorted(folder.glob("*.yaml")):
            doc = yaml.safe_load(f.read_text(encoding="utf-8")) or {}
            out += [str(doc["ruleset"])] if doc.get("ruleset") else []
            for key in ("rules", "targets", "allowances"):
                out += [str(x["title"]) for x in doc.get(key) or [] if x.get("title")]
            out += [str(t["name"]) for t in doc.get("tests") or []]
            for key in ("rules", "targets"):  # ids: identifiers, even when they look like words
                out += [str(x["id"]) for x in doc.get(key) or [] if x.get("id")]
    return sorted(set(out), key=len, reverse=True)


USER_TEXTS = _user_texts()


def leftovers(text: str) -> list[str]:
    """English message words left in `text` once identifiers and user texts are removed."""
    for t in USER_TEXTS:
        text = text.replace(t, " ")
    text = re.sub(r"'[^'\n]*'|\"[^\"\n]*\"|`[^`\n]*`", " ", text)  # quoted values
    text = re.sub(
        r"\{[^{}\n]*\}|\[[^\]\n]*\]", lambda m: m.group(0) if CJK.search(m.group(0)) else " ", text
    )  # dict / list reprs, click metavars
    text = re.sub(r"\S*[/\\]\S*|\S+\.(?:csv|ya?ml|xlsx|json|html?|md)\b", " ", text)  # paths
    text = re.sub(
        r"[A-Za-z0-9$]*[_.\-$:=][A-Za-z0-9_.\-$:=]*[A-Za-z0-9]", " ", text
    )  # ids, --options
    text = re.sub(
        r"\b[A-Z][A-Z0-9]+\b|\b[A-Z][a-z]+[A-Z]\w*\b|\b\w*\d\w*\b", " ", text
    )  # ABC, CamelCase, J0042
    return ENGLISH.findall(text)


@pytest.fixture()
def here(tmp_path, monkeypatch):
    """A working folder with the shipped data and rules, LANG unset."""
    shutil.copytree(ROOT / "data", tmp_path / "data")
    shutil.copytree(ROOT / "rules", tmp_path / "rules")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("LANG", raising=False)
    return tmp_path


def run(*args, env=None):
    env = {"COLUMNS": "1000", **(env or {})}  # no wrapping: user texts stay whole, to be taken out
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False, env=env)


# --- messages and reasons -----------------------------------------------------------------


def test_no_finished_sentence_is_translated():
    """Only Messages (a code and its fields) render in Chinese; a finished English sentence
    stays as it is, so rewording a template can never leave a stale regex behind."""
    from placement.messages import Message

    sentence = "rule a cannot be decided: age is empty"
    assert i18n.translate(sentence, "zh") == sentence
    assert not hasattr(i18n, "CATALOGUE")
    m = Message("test-expected-rule", {"rule": "a", "got": Message("test-got-no-decision")})
    assert i18n.translate(m, "zh") == "预期由规则 a 决定；实际：无决定"
    assert i18n.translate(m, "en") == "expected rule a to decide; got no decision"


def test_reasons_in_chinese_are_made_from_the_tests_and_values():
    """The Chinese twin of the column reasons (evaluate/facts_zh.py) over hand-made tests
    and officers: the rules' tests and the frame's values, not the English text."""
    import polars as pl

    from placement.evaluate.facts_zh import reason_expr_zh
    from placement.load.rules.conditions import All, Not, Test
    from placement.load.schema import FieldType
    from placement.messages import Message
    from placement.place.how import wish

    num, flag = FieldType("number"), FieldType("bool")
    text, tier = FieldType("str"), FieldType("enum", ("organ", "grassroots"))
    cond = All(
        (
            Test("unit.tier", "eq", tier, "organ"),
            Test("age", "le", num, 40),
            Test("unit.district", "ne", text, ref="home_district"),
            Test("long_term_illness", "eq", flag, True),
            Test("discipline_date", "is_null", FieldType("date"), True),
            Test("age", "between", num, (30, 45)),
            Not(Test("age", "in", num, (50, 60))),
        )
    )
    frame = pl.DataFrame(
        {
            "_row": [2, 3],
            "unit.tier": ["organ", "organ"],
            "age": [38.0, 41.0],
            "unit.district": ["城區", "東郊"],
            "home_district": ["東郊", "東郊"],
            "long_term_illness": [True, False],
            "discipline_date": [None, None],
        },
        schema_overrides={"discipline_date": pl.Date},
    )
    got = frame.select(reason_expr_zh(cond, None).alias("r"))["r"].to_list()
    assert got == [
        "单位层级：机关；年龄 38 ≤ 40；单位所在区县 城區 ≠ 本人居住区县（東郊）；长期患病：是；"
        "最近处分时间为空；年龄 38 属于 [30, 45]；年龄 38 不属于 [50, 60]",
        "单位层级：机关；最近处分时间为空；年龄 41 属于 [30, 45]；年龄 41 不属于 [50, 60]",
    ]
    to = Message("reason-to", {"unit": "PCS-HF", "how": wish(2).message})
    assert to.text("zh") == "调往 PCS-HF：满足第 2 志愿"
    assert str(to) == "to PCS-HF: wish 2 honoured"
    merged = Message("reason-merged", {"unit": "OLD", "into": "ORG"})
    assert (str(merged), merged.text("zh")) == ("OLD merged into ORG", "OLD 并入 ORG")
    assert i18n.term("station_head") == "所长" and i18n.term("deputy_section") == "副科"
    assert i18n.term("staff") == "科员" and i18n.term("officer") == "民警"
    assert i18n.term("chief_division") == "正处" and i18n.term("basically_competent") == "基本称职"
    assert i18n.field("unit.kind") == "单位类型" and i18n.field("home_district") == "居住区县"
    for name in ("age", "years_of_service", "years_in_post", "years_since_discipline"):
        assert CJK.search(i18n.field(name))


def test_every_roster_field_has_a_chinese_name():
    from placement.load.schema import DERIVED_FIELDS, ROSTER_FIELDS, UNIT_FIELDS

    for name in [*ROSTER_FIELDS, *DERIVED_FIELDS, *(f"unit.{n}" for n in UNIT_FIELDS)]:
        assert CJK.search(i18n.field(name)), name


def test_unknown_text_passes_through_and_english_is_untouched():
    for text in (
        "",
        "something the core never said",
        "42",
        "[weird (",
        "a; b; c",
        "x: y: z",
        "rule : : ",
        "\x00\n\t",
        "to : ",
    ):
        assert isinstance(i18n.translate(text, "zh"), str)
        assert isinstance(i18n.reason(text, "zh"), str)
    assert i18n.translate("something the core never said", "zh") == "something the core never said"
    assert i18n.translate(None, "zh") == ""
    msg = "rule a cannot be decided: age is empty"
    assert i18n.translate(msg, "en") == msg and i18n.reason(msg, "en") == msg


def test_labels_exist_in_both_languages():
    for key, (en, zh) in i18n.LABELS.items():
        assert en and zh, key
    assert i18n.label("no such key", "zh") == "no such key"


# --- the corpus --------------------------------------------------------------------------


def corpus_runs(tmp: Path) -> list[tuple]:
    """(args) of every human-facing run of the corpus, all with --lang zh."""
    edge = ["--rules", EDGE / "rules", "--units", EDGE / "units.yaml"]
    runs = []
    for roster in ("data/roster.csv", "data/roster_zh.csv"):
        runs += [
            ("plan", roster, "--format", "table"),
            ("check", roster, "--format", "table"),
            ("plan", roster, "--format", "md"),
            ("check", roster, "--format", "md"),
        ]
    for oid in ("J0004", "J0017", "J0055", "J0079", "J0104", "J0121", "J0352", "J9999"):
        runs.append(("explain", "data/roster.csv", oid))
    runs += [("test", "rules", "-v", "--coverage"), ("validate", "rules")]
    runs += [
        ("plan", EDGE / "roster.csv", *edge, "--format", "table"),
        ("check", EDGE / "roster.csv", *edge, "--format", "table"),
        ("plan", EDGE / "roster.csv", *edge, "--format", "md"),
    ]
    runs += [
        ("explain", EDGE / "roster.csv", oid, *edge)
        for oid in ("E01", "E02", "E03", "E05", "E10", "E13")
    ]
    for f in sorted(ADV.glob("*.csv")) + sorted(ADV.glob("*.xlsx")):
        runs.append(("plan", f, "--format", "table"))
    for d in sorted((ADV / "rules").iterdir()):
        runs.append(("validate", d))
    for u in sorted((ADV / "units").iterdir()):
        runs += [("validate", "rules", "--units", u), ("plan", "data/roster.csv", "--units", u)]
    runs += [
        ("plan", "no-such.csv"),
        ("plan", "data/roster.csv", "--rules", "nowhere"),
        ("explain", "data/roster.csv", "J0001", "--rules", ADV / "rules" / "unknown-names"),
    ]
    return runs


def test_corpus_speaks_chinese(here):
    failures = []
    for args in corpus_runs(here):
        r = run(*args, "--lang", "zh")
        assert r.exit_code in (0, 1, 2), (args, r.output)
        assert "Traceback" not in r.output
        out = r.output
        if out.strip():
            assert CJK.search(out), (args, out[:500])
        left = leftovers(out)
        if left:
            failures.append((args, sorted(set(left)), out[:3000]))
    assert not failures, "\n\n".join(f"{a}: {w}\n{o}" for a, w, o in failures[:3])


def test_diff_and_failing_rule_tests_in_chinese(here):
    assert run("plan", "data/roster.csv", "--format", "json", "-o", "a.json").exit_code == 0
    rules = here / "rules-38"
    shutil.copytree(here / "rules", rules)
    f = rules / "00-bureau.yaml"
    f.write_text(
        f.read_text(encoding="utf-8").replace(
            "organ_young_cadre_age: 40", "organ_young_cadre_age: 38"
        ),
        encoding="utf-8",
    )
    assert (
        run(
            "plan", "data/roster.csv", "--rules", rules, "--format", "json", "-o", "b.json"
        ).exit_code
        == 0
    )
    for fmt in ("md", "table"):
        r = run("diff", "a.json", "b.json", "--format", fmt, "--lang", "zh")
        assert r.exit_code == 0 and "方案对比" in r.output and "新增的调动" in r.output
        assert not leftovers(r.output), leftovers(r.output)
    with (rules / "40-welfare.yaml").open("a", encoding="utf-8") as fh:
        fh.write(
            "  - name: deliberately failing\n"
            "    officer: {birth_date: 1987-03-01, rank: deputy_section, post: officer,"
            " unit: BGS}\n"
            "    expect: {rule: long-illness-near-home, move_to: {tier: organ}, post: 所长,"
            " flag: promotion_ineligible, keep: true, exempt: long-illness-near-home}\n"
        )
    r = run("test", rules, "--lang", "zh")
    assert r.exit_code == 1
    assert "未满足：预期由规则 long-illness-near-home 决定" in r.output and re.search(
        r"失败 [1-9]\d*\b",
        r.output,  # the leadership tests read the constants too
    )
    left = leftovers(r.output.replace("deliberately failing", ""))
    assert not left, (left, r.output)


def test_help_in_chinese_with_lang_zh_in_the_environment():
    env = {"LANG": "zh_CN.UTF-8"}
    for args in ([], *([name] for name in COMMANDS)):
        r = run(*args, "--help", env=env)
        assert r.exit_code == 0
        assert "用法：" in r.output and "示例：" in r.output and "选项" in r.output
        text = re.sub(r"示例：.*", " ", r.output)  # the example: a command line
        text = re.sub(rf"\b({'|'.join(COMMANDS)})\b", " ", text)  # command names
        assert not leftovers(text), (args, leftovers(text), r.output)
    r = run("plan", "--help", env=env)
    assert "只看 LANG" in r.output  # --lang cannot change the help: it is printed first
    r = run("plan", "--help", env={"LANG": "en_US.UTF-8"})
    assert "Example:" in r.output and "用法" not in r.output


def test_usage_errors_in_chinese():
    r = run("plan", "--lang", "zh")
    assert r.exit_code == 2 and "缺少参数 'ROSTER'" in r.output and "用法：" in r.output
    r = run("plan", "x.csv", "--format", "nope", "--lang", "zh")
    assert r.exit_code == 2 and "的值无效" in r.output
    r = run("plan", "x.csv", "--as-of", "2026-13-01", env={"LANG": "zh_CN.UTF-8"})
    assert r.exit_code == 2 and "不是日期" in r.output
    r = run("plan", "--lang", "en")
    assert "Missing argument 'ROSTER'" in r.output


def test_lang_from_the_environment(here):
    r = run("plan", "data/roster.csv", "--format", "table", env={"LANG": "zh_CN.UTF-8"})
    assert r.exit_code == 0
    assert "方案概要" in r.output and "基层警力占比" in r.output and "调往" in r.output
    assert not leftovers(r.output), leftovers(r.output)
    r = run(
        "plan", "data/roster.csv", "--format", "table", "--lang", "en", env={"LANG": "zh_CN.UTF-8"}
    )
    assert "plan summary" in r.output and "方案概要" not in r.output
    r = run("plan", "data/roster.csv", "--format", "table")
    assert "plan summary" in r.output


def test_machine_formats_do_not_change_with_the_language(here):
    def both(*args) -> tuple[bytes, bytes]:
        a = run(*args, "--lang", "en").stdout_bytes
        b = run(*args, "--lang", "zh").stdout_bytes
        return a, b

    for args in (
        ("plan", "data/roster.csv", "--format", "json"),
        ("plan", "data/roster_zh.csv", "--format", "json"),
        ("check", "data/roster.csv", "--format", "json"),
        ("explain", "data/roster.csv", "J0055", "--format", "json"),
        ("validate", ADV / "rules" / "unknown-names", "--format", "json"),
        (
            "plan",
            EDGE / "roster.csv",
            "--rules",
            EDGE / "rules",
            "--units",
            EDGE / "units.yaml",
            "--format",
            "json",
        ),
    ):
        en, zh = both(*args)
        assert en == zh and len(en) > 10, args
    for lang in ("en", "zh"):
        assert (
            run(
                "plan", "data/roster.csv", "--format", "csv", "-o", f"csv-{lang}", "--lang", lang
            ).exit_code
            == 0
        )
        assert run("plan", "data/roster.csv", "-o", f"p-{lang}.json", "--lang", lang).exit_code == 0
        r = run(
            "check", "data/roster.csv", "--format", "csv", "-o", f"check-{lang}", "--lang", lang
        )
        assert r.exit_code == 1
    for name in ("transfers.csv", "flags.csv", "exceptions.csv", "units.csv", "pins.csv"):
        assert (here / "csv-en" / name).read_bytes() == (here / "csv-zh" / name).read_bytes()
    for name in ("violations.csv", "flags.csv", "exceptions.csv", "targets.csv", "posts.csv"):
        assert (here / "check-en" / name).read_bytes() == (here / "check-zh" / name).read_bytes()
    assert (here / "p-en.json").read_bytes() == (here / "p-zh.json").read_bytes()
    assert (
        run("diff", "p-en.json", "p-zh.json", "--format", "json", "--lang", "zh").stdout_bytes
        == run("diff", "p-en.json", "p-zh.json", "--format", "json", "--lang", "en").stdout_bytes
    )
    reasons = [
        t["reason"] for t in json.loads((here / "p-zh.json").read_text("utf-8"))["transfers"]
    ]
    assert any("preference 1 met" in r for r in reasons)  # JSON values stay English


def test_html_reasons_in_chinese(here):
    assert run("plan", "data/roster.csv", "-o", "p.html", "--lang", "zh").exit_code == 0
    page = (here / "p.html").read_text("utf-8")
    assert "调往" in page and "并入" in page
    for english in (
        "even fill",
        "honoured",
        "preference",
        "cannot be decided",
        "merged into",
        "exempt from",
    ):
        assert english not in page, english


def test_english_stays_the_default(here):
    r = run("plan", "data/roster.csv", "--format", "table")
    assert (
        "plan summary" in r.output and "preference 1 met" in r.output and "方案概要" not in r.output
    )
    r = run("validate", ADV / "rules" / "unknown-names")
    assert ": unknown-field: agee (did you mean 'age'?)" in r.output


def test_facts_are_messages_rendered_per_language():
    """explain's facts are Messages over (field, shown value) pairs: the same Chinese the
    column reasons give for the same facts (evaluate/facts_zh.py renders through these codes),
    and the English text unchanged."""
    from placement.messages import Message

    lit = Message("fact-literal", {"value": ("age", "40")})
    ref = Message("fact-officer-ref", {"ref": "home_district", "value": ("home_district", "東郊")})
    cases = [
        (
            Message(
                "fact-compare",
                {"field": "age", "value": ("age", "38"), "symbol": "≤", "other": lit},
            ),
            "age 38 ≤ 40",
            "年龄 38 ≤ 40",
        ),
        (
            Message("fact-is", {"field": "rank", "value": ("rank", "deputy_section (副科)")}),
            "rank deputy_section (副科)",
            "职级：副科",
        ),
        (
            Message(
                "fact-compare",
                {
                    "field": "unit.district",
                    "value": ("unit.district", "城區"),
                    "symbol": "≠",
                    "other": ref,
                },
            ),
            "unit.district 城區 ≠ $officer.home_district (東郊)",
            "单位所在区县 城區 ≠ 本人居住区县（東郊）",
        ),
        (
            Message(
                "fact-is", {"field": "long_term_illness", "value": ("long_term_illness", "yes")}
            ),
            "long_term_illness yes",
            "长期患病：是",
        ),
        (
            Message("fact-contains", {"field": "unit.tags", "value": ("unit.tags", "complex")}),
            "unit.tags contains complex",
            "单位标签包含 治安复杂",
        ),
        (
            Message("fact-state", {"field": "discipline_date", "state": "empty"}),
            "discipline_date empty",
            "最近处分时间为空",
        ),
        (
            Message(
                "fact-in",
                {
                    "field": "post",
                    "value": ("post", "station_head (所長)"),
                    "negated": False,
                    "values": ("post", ["station_head (所長)", "instructor (教導員)"]),
                },
            ),
            "post station_head (所長) in [station_head (所長), instructor (教導員)]",
            "职务 所长 属于 [所长、教导员]",
        ),
    ]
    for m, en, zh in cases:
        assert str(m) == en and m.text("zh") == zh
