"""Leadership posts (SPEC §1.2, §1.4 appointments, §3, §4): the units' establishment, the
appointments section's typing, counting, governing policy, eligibility, merit order, check,
validate's warnings and rule tests of eligibility."""

from __future__ import annotations

import datetime as dt
import json

import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from placement.commands.validate import validate
from placement.evaluate import posts as P
from placement.load.rules.load import check_ruleset
from placement.load.units import Unit, Units, load_units
from placement.load.vocab import Vocabulary
from placement.problems import InputError

AS_OF = dt.date(2026, 10, 1)

UNITS = """\
post_defaults:
  station: {station_head: 1, instructor: 1, deputy_head: 2}
  organ: {section_chief: 1}
units:
  - {id: A, name: 甲所, kind: station, district: 城區}
  - {id: B, name: 乙所, kind: station, district: 東郊, posts: {deputy_head: 0, 教導員: null}}
  - {id: C, name: 丙所, kind: station, merged_into: A}
  - {id: O, name: 辦公室, kind: organ}
  - {id: F, name: 大隊, kind: frontline}
"""


def _units(write, text=UNITS):
    return load_units(write("units.yaml", text))


def _problems(write, text) -> list[str]:
    path = write("units.yaml", text)
    with pytest.raises(InputError) as e:
        load_units(path)
    return [p.render().replace(f"{path}", "u.yaml") for p in e.value.problems]


# --- 1. units: posts and post_defaults --------------------------------------------------------


def test_posts_merge_over_defaults_key_by_key(write):
    u = _units(write)
    assert u.posts == {
        "A": {"station_head": 1, "instructor": 1, "deputy_head": 2},
        "B": {"station_head": 1, "deputy_head": 0},  # 0 establishes at zero, null removes
        "O": {"section_chief": 1},
    }  # dissolved C gets no defaults; F's kind has none


def test_bad_posts_are_errors_with_positions(write):
    text = UNITS.replace("{deputy_head: 0, 教導員: null}", "{deputy_head: -1, instructor: 1.5}")
    assert _problems(write, text) == [
        "u.yaml:6:73: bad-post-count: unit B: post deputy_head: the establishment is a whole "
        "number ≥ 0, not -1",
        "u.yaml:6:89: bad-post-count: unit B: post instructor: the establishment is a whole "
        "number ≥ 0, not 1.5",
    ]
    text = UNITS.replace("merged_into: A}", "merged_into: A, posts: {station_head: 1}}")
    assert _problems(write, text) == [
        "u.yaml:7:54: posts-on-dissolved: unit C is merged into A: a dissolved unit has no posts"
    ]
    text = UNITS.replace("  organ:", "  organs:")
    assert _problems(write, text) == [
        "u.yaml:3:3: bad-post-defaults: post_defaults: 'organs' is not a kind of unit "
        "(organ, frontline, station)"
    ]


def test_unknown_post_term_warns_without_rules_and_fails_with_them(write):
    u = _units(write, UNITS.replace("deputy_head: 0", "deputy_haed: 0"))
    assert [p.render().split(": ", 1)[1] for p in u.post_problems] == [
        "post-term-needs-rules: unit B: post 'deputy_haed' is not a built-in term; give --rules "
        "to check it against the rule set's vocab"
    ]
    assert u.post_problems[0].severity == "warning"
    problems = u.resolve_posts(Vocabulary())
    assert [p.render().split(": ", 1)[1] for p in problems] == [
        "unknown-post-term: unit B: post 'deputy_haed' is not in the vocabulary "
        "(did you mean 'deputy_head'?)"
    ]
    v = Vocabulary()
    v.extend("post", "deputy_haed", ["副所"])
    assert u.resolve_posts(v) == [] and u.posts["B"]["deputy_haed"] == 0


# --- 2. rules: the appointments section --------------------------------------------------------

POLICY = """\
appointments:
  - id: head
    post: 所長
    at: {kind: station}
    rank: chief_section
    eligible: {age: {lt: 43}, appraisal: {in: [excellent, competent]}}
    merit: [appraisal, {grassroots_years: desc}, {age: asc}]
    prefer: [{id: $officer.unit}]
    slate: 3
"""


def _rules(tmp_path, units, files: dict[str, str]):
    folder = tmp_path / "rules"
    folder.mkdir(exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    rs, problems = check_ruleset([folder], units)
    return [p.render().replace(f"{folder}/", "") for p in sorted(problems)], rs


def test_policy_compiles(tmp_path, write):
    problems, rs = _rules(tmp_path, _units(write), {"a.yaml": POLICY})
    assert problems == []
    (p,) = rs.appointments
    assert (p.id, p.post, p.rank, p.slate, [m.field for m in p.merit]) == (
        "head",
        "station_head",
        "chief_section",
        3,
        ["appraisal", "grassroots_years", "age"],
    )
    assert [m.descending for m in p.merit] == [True, True, False]


def test_policy_typing_errors(tmp_path, write):
    bad = (
        POLICY.replace("所長", "所丈")
        .replace("{kind: station}", "{kind: station, district: $officer.home_district}")
        .replace("chief_section", "chief_sectoin")
        .replace("{age: asc}", "{age: up}, home_district, agee")
        .replace("appraisal: {in", "apraisal: {in")
    )
    rules = "rules:\n  - id: head\n    then: {flag: x}\n"
    problems, _ = _rules(tmp_path, _units(write), {"a.yaml": bad, "b.yaml": rules})
    assert problems == [
        "a.yaml:3:11: unknown-term: post '所丈' is not in the vocabulary "
        "(known terms: station_head, instructor, deputy_head, brigade_chief, deputy_brigade_chief, "
        "squad_leader, section_chief, deputy_section_chief, community_officer, officer)",
        "a.yaml:4:35: officer-in-at: appointment head: at selects units and cannot read "
        "$officer.home_district; put the restriction in where",
        "a.yaml:5:11: unknown-term: rank 'chief_sectoin' is not in the vocabulary "
        "(did you mean 'chief_section'?)",
        "a.yaml:6:31: unknown-field: apraisal (did you mean 'appraisal'?)",
        "a.yaml:7:50: merit-direction: appointment head: merit entry age: up is not a field name "
        "or one field with desc or asc",
        "a.yaml:7:61: merit-unordered: appointment head: merit field home_district cannot be "
        "ordered; use a number, date, yes/no, choice or rank",
        "a.yaml:7:76: merit-unknown-field: appointment head: merit field 'agee' is not a field "
        "(did you mean 'age'?)",
        # ids of rules, targets and policies share one namespace, claimed in file order
        "b.yaml:2:9: duplicate-name: rule id 'head' is defined twice: here and as appointment "
        "policy id at a.yaml:2:9",
    ]


def test_reserved_ids_and_slate(tmp_path, write):
    text = POLICY.replace("id: head", "id: pin").replace("slate: 3", "slate: 0")
    problems, _ = _rules(tmp_path, _units(write), {"a.yaml": text})
    assert problems == [
        "a.yaml:9:12: bad-value: appointment pin: slate: input should be greater than or equal "
        "to 1 (got 0)"
    ]
    problems, _ = _rules(tmp_path, _units(write), {"a.yaml": text.replace("slate: 0", "slate: 1")})
    assert problems == [
        "a.yaml:2:9: reserved-name: appointment policy id 'pin' is reserved: the plan uses it "
        "for the committee's pinned decisions"
    ]


# --- 3. counting, governing policy, eligibility, merit ----------------------------------------


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["A", "B", "O", "F", None]),
            st.sampled_from(["station_head", "instructor", "deputy_head", "section_chief", None]),
        ),
        max_size=25,
    )
)
def test_count_posts_matches_a_plain_count(tmp_path_factory, rows):
    folder = tmp_path_factory.mktemp("u")
    (folder / "u.yaml").write_text(UNITS, encoding="utf-8")
    units = load_units(folder / "u.yaml")
    frame = pl.DataFrame(rows, schema={"unit": pl.String, "post": pl.String}, orient="row")
    got = {(r["unit_id"], r["post"]): r for r in P.count_posts(frame, units).to_dicts()}
    for uid, posts in units.posts.items():
        for post, n in posts.items():
            held = sum(1 for u, p in rows if u == uid and p == post)
            r = got.pop((uid, post))
            assert (r["establishment"], r["holders"]) == (n, held)
            assert (r["vacancies"], r["over"]) == (max(n - held, 0), max(held - n, 0))
    assert got == {}


def test_governing_policy_is_highest_priority_then_file_order(tmp_path, write):
    text = """\
appointments:
  - {id: low, post: station_head, at: {kind: station}, priority: 1}
  - {id: first, post: station_head, at: {district: 城區}, priority: 5}
  - {id: second, post: station_head, at: {kind: station}, priority: 5}
  - {id: organ, post: section_chief, at: {kind: organ}, priority: 9}
"""
    units = _units(write)
    _, rs = _rules(tmp_path, units, {"a.yaml": text})
    g = P.governing(rs.appointments, units, AS_OF)
    chosen = {
        (u, p): (None if k is None else rs.appointments[k].id)
        for u, p, k in g.select("unit_id", "post", "policy").iter_rows()
    }
    assert chosen[("A", "station_head")] == "first"
    assert chosen[("B", "station_head")] == "second"  # district 東郊: first does not select it
    assert chosen[("A", "deputy_head")] is None
    assert chosen[("O", "section_chief")] == "organ"


def _frame(rows: list[dict]) -> pl.DataFrame:
    base = {
        "_row": pl.Int64,
        "_valid": pl.Boolean,
        "officer_id": pl.String,
        "unit": pl.String,
        "post": pl.String,
        "rank": pl.String,
        "age": pl.Float64,
        "appraisal": pl.String,
        "grassroots_years": pl.Float64,
        "exam_passed": pl.Boolean,
        "home_district": pl.String,
        "name": pl.String,
    }
    return pl.DataFrame(rows, schema=base)


def _officer(i, **kw):
    row = {
        "_row": i + 2,
        "_valid": True,
        "officer_id": f"J{i:03d}",
        "unit": "A",
        "post": "officer",
        "rank": "deputy_section",
        "age": 40.0,
        "appraisal": "competent",
        "grassroots_years": 5.0,
        "exam_passed": True,
        "home_district": "城區",
        "name": f"n{i}",
    }
    return row | kw


def test_eligibility_is_three_valued_with_the_deciding_empty_fields(tmp_path, write):
    text = """\
appointments:
  - id: head
    post: station_head
    eligible:
      all:
        - age: {lt: 43}
        - any: [{exam_passed: true}, {grassroots_years: {ge: 10}}]
"""
    _, rs = _rules(tmp_path, _units(write), {"a.yaml": text})
    f = _frame(
        [
            _officer(0),
            _officer(1, age=50.0),
            _officer(2, age=None),
            _officer(3, exam_passed=None, grassroots_years=None),
            _officer(4, exam_passed=None, grassroots_years=12.0),
            _officer(5, age=None, exam_passed=False, grassroots_years=1.0),
            _officer(6, _valid=False),
        ]
    )
    e = P.eligibility(f, rs.appointments[0])
    assert e["eligible"].to_list() == [True, False, None, None, True, False, False]
    assert e["unknown"].to_list() == [
        [],
        [],
        ["age"],
        ["exam_passed", "grassroots_years"],
        [],
        [],  # false whatever the age: the empty age decides nothing
        [],
    ]


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["excellent", "competent", "basically_competent", None]),
            st.one_of(st.none(), st.integers(0, 3)),
            st.sampled_from(["staff", "deputy_section", "chief_section", None]),
        ),
        min_size=1,
        max_size=12,
    )
)
def test_merit_order_matches_a_python_sort(tmp_path_factory, rows):
    folder = tmp_path_factory.mktemp("r")
    (folder / "a.yaml").write_text(
        "appointments:\n  - id: p\n    post: station_head\n"
        "    merit: [appraisal, {grassroots_years: asc}, rank]\n",
        encoding="utf-8",
    )
    rs, problems = check_ruleset([folder], None)
    assert not problems
    # officer ids in an order that is not the row order, so the tie-break is seen
    f = _frame(
        [
            _officer(i, officer_id=f"J{(7 * i) % 13:02d}", appraisal=a, grassroots_years=g, rank=r)
            for i, (a, g, r) in enumerate(rows)
        ]
    )
    got = P.merit_positions(f, rs.appointments[0], rs.vocab)["officer_id"].to_list()
    grade = {"excellent": 0, "competent": 1, "basically_competent": 2, "incompetent": 3}
    level = {"chief_section": 0, "deputy_section": 1, "staff": 2}

    def key(r):
        a, g, k = r["appraisal"], r["grassroots_years"], r["rank"]
        return (
            (a is None, grade.get(a, 0)),
            (g is None, g or 0),  # asc: smaller first, null last
            (k is None, level.get(k, 0)),
            r["officer_id"],
        )

    assert got == [r["officer_id"] for r in sorted(f.to_dicts(), key=key)]
    assert P.merit_positions(f, rs.appointments[0], rs.vocab)["position"].to_list() == list(
        range(1, len(rows) + 1)
    )


def test_where_and_prefer_per_candidate_and_unit(tmp_path, write):
    text = """\
appointments:
  - id: head
    post: station_head
    where: {district: {ne: $officer.home_district}}
    prefer: [{id: $officer.unit}, {name: $officer.name}]
"""
    units = _units(write)
    _, rs = _rules(tmp_path, units, {"a.yaml": text})
    f = _frame([_officer(0), _officer(1, home_district=None, unit="B", name="甲所")])
    pairs = pl.DataFrame({"_row": [2, 2, 3, 3], "unit_id": ["A", "B", "A", "B"]})
    p = rs.appointments[0]
    assert P.selector_on_pairs(p.where, f, units, pairs).to_list() == [False, True, None, None]
    assert P.prefer_index(p, f, units, pairs).to_list() == [0, 2, 1, 0]


# --- 4. check ---------------------------------------------------------------------------------


def test_check_lists_vacant_and_over_posts_and_fails(write, tmp_path):
    from click.testing import CliRunner

    from placement.cli.main import main

    def cli(*args):
        return CliRunner().invoke(main, list(args), catch_exceptions=False)

    units = write("units.yaml", UNITS)
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "r.yaml").write_text("as_of: 2026-10-01\n", encoding="utf-8")
    roster = write(
        "roster.csv",
        "officer_id,name,birth_date,unit,post,rank\n"
        "J1,a,1980-01-01,A,station_head,chief_section\n"
        "J2,b,1980-01-01,C,station_head,chief_section\n"
        "J3,c,1980-01-01,A,instructor,deputy_section\n"
        "J4,d,1980-01-01,B,station_head,chief_section\n"
        "J5,e,1980-01-01,O,section_chief,chief_section\n",
    )
    r = cli(
        "check",
        str(roster),
        "--rules",
        str(tmp_path / "rules"),
        "--units",
        str(units),
        "--format",
        "json",
    )
    assert r.exit_code == 1
    doc = json.loads(r.output)
    assert doc["posts"] == [
        {
            "unit_id": "A",
            "post": "deputy_head",
            "establishment": 2,
            "holders": 0,
            "status": "vacant",
        },
        {
            "unit_id": "A",
            "post": "station_head",
            "establishment": 1,
            "holders": 2,
            "status": "over",
        },  # C's head counts at A after the merge
    ]
    assert not [e for e in doc["exceptions"] if e["code"] in ("vacancy", "over_establishment")]


# --- 5. validate warnings ---------------------------------------------------------------------


def test_validate_warns_about_posts(tmp_path, write):
    units = write("units.yaml", UNITS)
    folder = tmp_path / "rules"
    folder.mkdir()
    (folder / "a.yaml").write_text(
        """\
appointments:
  - id: head
    post: station_head
    at: {kind: station}
    eligible: {age: {lt: 40, ge: 45}}
  - id: chief
    post: section_chief
    at: {kind: organ}
    eligible: {all: [{appraisal: {in: [excellent]}}, {appraisal: {not_in: [excellent]}}]}
  - id: fine
    post: instructor
    at: {kind: station}
    eligible: {any: [{age: {lt: 30}}, {age: {gt: 50}}], rank: {in: [staff]}}
rules:
  - id: down
    when: {unit.kind: station}
    then: {move: {to: {kind: organ}}}
  - id: down-as-officer
    when: {unit.kind: station, post: officer}
    then: {move: {to: {kind: organ}, post: officer}}
""",
        encoding="utf-8",
    )
    got = [
        p.render().replace(f"{folder}/", "").replace(str(units), "units.yaml")
        for p in validate([str(folder)], str(units))
    ]
    assert got == [
        "a.yaml:2: eligible-never: appointment head: eligible can never hold: age < 40 and "
        "age ≥ 45",
        "a.yaml:6: eligible-never: appointment chief: eligible can never hold: appraisal in "
        "[excellent] and appraisal not in [excellent]",
        "a.yaml:15: move-carries-post: rule down: a deputy_head of a unit of kind station may be "
        "moved to a unit of kind organ, which does not establish deputy_head; give move.post",
        "units.yaml:5:5: post-ungoverned: post deputy_head is established at A, B but no "
        "appointment policy governs it there",
    ]


# --- 6. placement test: eligible expectations -------------------------------------------------


def test_rule_tests_of_eligibility_and_coverage(tmp_path, write):
    from placement.commands.ruletest import run_tests

    units = _units(write)
    text = (
        POLICY
        + """\
tests:
  - name: eligible
    officer: {birth_date: 1990-01-01, rank: deputy_section, post: officer, unit: A,
              appraisal: excellent}
    expect: {eligible: head}
  - name: unknown appraisal
    officer: {birth_date: 1990-01-01, rank: deputy_section, post: officer, unit: A}
    expect: {not_eligible: head, unknown: [appraisal]}
  - name: wrong on purpose
    officer: {birth_date: 1970-01-01, rank: deputy_section, post: officer, unit: A,
              appraisal: excellent}
    expect: {eligible: head}
  - name: unknown expected but known
    officer: {birth_date: 1970-01-01, rank: deputy_section, post: officer, unit: A,
              appraisal: excellent}
    expect: {not_eligible: head, unknown: [appraisal]}
  - name: no such policy
    officer: {birth_date: 1970-01-01, rank: deputy_section, post: officer, unit: A}
    expect: {eligible: heed}
"""
    )
    _, rs = _rules(tmp_path, units, {"a.yaml": "as_of: 2026-10-01\n" + text})
    results, cov = run_tests(rs, units)
    assert [r.passed for r in results] == [True, True, False, False, False]
    assert [str(f) for f in results[2].failures] == ["expected eligible for head; not eligible"]
    assert [str(f) for f in results[3].failures] == [
        "expected unknown: appraisal empty for head; not eligible"
    ]
    assert [str(f) for f in results[4].failures] == ["no appointment policy 'heed'"]
    assert cov.items(rs)["head"] == [("eligible", True), ("not eligible", True)]


def test_units_built_in_code_have_no_posts():
    u = Units([Unit(id="X", name="x", kind="station")])
    assert u.posts == {} and P.establishment(u).height == 0
