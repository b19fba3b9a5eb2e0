"""The engine: operators on every field type, Kleene logic, priorities, exemptions, conflicts,
missing data, effective dates and merges (SPEC §1.4)."""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

import pytest

from placement.evaluate.decide import State, Status
from placement.load.inputs import Inputs, load_inputs, rule_entries

AS_OF = dt.date(2026, 10, 1)
REQUIRED = {
    "name": "n",
    "birth_date": "1980-01-01",
    "unit": "BGS",
    "post": "officer",
    "rank": "staff",
}
STATUS = {Status.APPLIES: "T", Status.NO: "F", Status.UNKNOWN: "U", Status.EXEMPT: "E"}
STATE = {
    State.NONE: "none",
    State.DECIDED: "decided",
    State.CONFLICT: "conflict",
    State.WITHHELD: "withheld",
}


def roster_csv(rows: list[dict]) -> str:
    """CSV text; each row gets the required fields it does not give."""
    rows = [REQUIRED | r for r in rows]
    header = ["officer_id"] + [
        k for k in dict.fromkeys(k for r in rows for k in r) if k != "officer_id"
    ]
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow(header)
    for r in rows:
        w.writerow(["" if r.get(k) is None else r[k] for k in header])
    return out.getvalue()


def build(
    folder: Path,
    units_yaml: str,
    rules: str | dict[str, str],
    rows: list[dict],
    as_of: dt.date = AS_OF,
) -> Inputs:
    """Write units, rules and roster under `folder` and load them as `plan` would."""
    (folder / "rules").mkdir(parents=True, exist_ok=True)
    (folder / "units.yaml").write_text(units_yaml, encoding="utf-8")
    for name, text in ({"r.yaml": rules} if isinstance(rules, str) else rules).items():
        (folder / "rules" / name).write_text(text, encoding="utf-8")
    (folder / "roster.csv").write_text(roster_csv(rows), encoding="utf-8")
    return load_inputs(
        folder / "roster.csv", rules=folder / "rules", units=folder / "units.yaml", as_of=as_of
    )


@pytest.fixture
def scenario(tmp_path, units_yaml):
    def _scenario(rules, rows, as_of=AS_OF):
        return build(tmp_path, units_yaml, rules, rows, as_of)

    return _scenario


def statuses(inputs: Inputs, rule_id: str) -> str:
    """One letter per officer (in officer_id order): T applies, F no, U unknown, E exempt."""
    j = inputs.judgement
    i = [r.id for r in j.rules].index(rule_id)
    ids = j.frame["officer_id"].to_list()
    return "".join(
        STATUS[int(j.status[k, i])] for k in sorted(range(len(ids)), key=ids.__getitem__)
    )


def outcome(inputs: Inputs, officer_id: str) -> tuple:
    """(state, deciding rule, other rule of a conflict) for one officer."""
    j = inputs.judgement
    k = j.frame["officer_id"].to_list().index(officer_id)
    name = lambda i: j.rules[i].id if i >= 0 else None  # noqa: E731
    return STATE[int(j.state[k])], name(int(j.decision[k])), name(int(j.other[k]))


def flow_rules(conditions: list[str], then: str = "flag: f") -> str:
    lines = ["rules:"]
    for i, cond in enumerate(conditions):
        lines += [f"  - id: c{i}", f"    when: {cond}", f"    then: {{{then}}}"]
    return "\n".join(lines) + "\n"


# --- every operator on every field type -------------------------------------------

FIELDS = """\
fields:
  education: {type: enum, values: [bachelor, master]}
  score: {type: number}
  note: {type: str}
  due: {type: date}
  ok: {type: bool}
"""

# O3 leaves every optional field empty; its unit PCS-XX has no area, district,
# capacity or tags. As of 2026-10-01 the ages are 46, 36 and 25.
OFFICERS = [
    {
        "officer_id": "O1",
        "birth_date": "1980-01-15",
        "unit": "BGS",
        "post": "officer",
        "rank": "deputy_section",
        "sex": "M",
        "grassroots_years": "3",
        "joined_police": "2000-01-01",
        "exam_passed": "true",
        "appraisal": "excellent",
        "home_district": "城區",
        "special_post": "true",
        "wishes": "PCS-HF",
        "education": "master",
        "score": "80",
        "note": "a",
        "due": "2020-01-01",
        "ok": "true",
    },
    {
        "officer_id": "O2",
        "birth_date": "1990-06-30",
        "unit": "PCS-HF",
        "post": "station_head",
        "rank": "staff",
        "sex": "F",
        "grassroots_years": "8",
        "joined_police": "2010-06-01",
        "exam_passed": "false",
        "appraisal": "competent",
        "home_district": "南河",
        "special_post": "false",
        "wishes": "BGS;PCS-XX",
        "education": "bachelor",
        "score": "20",
        "note": "b",
        "due": "2024-06-01",
        "ok": "false",
    },
    {
        "officer_id": "O3",
        "birth_date": "2000-12-31",
        "unit": "PCS-XX",
        "post": "instructor",
        "rank": "chief_section",
    },
]

OPERATOR_CASES = [
    # number (a roster column)
    ("{grassroots_years: {eq: 3}}", "TFU"),
    ("{grassroots_years: 3}", "TFU"),
    ("{grassroots_years: {ne: 3}}", "FTU"),
    ("{grassroots_years: {lt: 5}}", "TFU"),
    ("{grassroots_years: {le: 3}}", "TFU"),
    ("{grassroots_years: {gt: 3}}", "FTU"),
    ("{grassroots_years: {ge: 8}}", "FTU"),
    ("{grassroots_years: {in: [3, 4]}}", "TFU"),
    ("{grassroots_years: [3, 8]}", "TTU"),
    ("{grassroots_years: {not_in: [3, 4]}}", "FTU"),
    ("{grassroots_years: {between: [3, 8]}}", "TTU"),
    ("{grassroots_years: {between: [4, 8]}}", "FTU"),
    ("{grassroots_years: {gt: 2, lt: 5}}", "TFU"),
    ("{grassroots_years: {is_null: true}}", "FFT"),
    ("{grassroots_years: {is_null: false}}", "TTF"),
    ("{grassroots_years: {ge: 2.5}}", "TTU"),
    # number (derived)
    ("{age: 46}", "TFF"),
    ("{age: {le: 36}}", "FTT"),
    ("{age: {lt: 36}}", "FFT"),
    ("{age: {between: [36, 46]}}", "TTF"),
    ("{age: {in: [25, 46]}}", "TFT"),
    ("{years_of_service: {ge: 20}}", "TFU"),
    ("{years_since_discipline: {is_null: true}}", "TTT"),
    # number (unit)
    ("{unit.capacity: {ge: 10}}", "TUU"),
    ("{unit.capacity: {is_null: true}}", "FTT"),
    # date
    ("{joined_police: 2000-01-01}", "TFU"),
    ("{joined_police: {ne: 2000-01-01}}", "FTU"),
    ("{joined_police: {lt: 2005-01-01}}", "TFU"),
    ("{joined_police: {le: 2010-06-01}}", "TTU"),
    ("{joined_police: {gt: 2000-01-01}}", "FTU"),
    ("{joined_police: {ge: 2010-06-01}}", "FTU"),
    ("{joined_police: {in: [2000-01-01, 1999-01-01]}}", "TFU"),
    ("{joined_police: {not_in: [2000-01-01]}}", "FTU"),
    ("{joined_police: {between: [2000-01-01, 2009-12-31]}}", "TFU"),
    ("{joined_police: {is_null: true}}", "FFT"),
    ("{birth_date: {lt: 1985-01-01}}", "TFF"),
    # bool
    ("{exam_passed: true}", "TFU"),
    ("{exam_passed: false}", "FTU"),
    ("{exam_passed: {ne: true}}", "FTU"),
    ("{exam_passed: {in: [false]}}", "FTU"),
    ("{exam_passed: {not_in: [false]}}", "TFU"),
    ("{exam_passed: {is_null: true}}", "FFT"),
    ("{special_post: true}", "TFF"),  # a yes/no flag: empty is false
    ("{special_post: {is_null: true}}", "FFF"),
    # enum
    ("{appraisal: excellent}", "TFU"),
    ("{appraisal: {ne: excellent}}", "FTU"),
    ("{appraisal: {in: [competent, incompetent]}}", "FTU"),
    ("{appraisal: {not_in: [competent]}}", "TFU"),
    ("{appraisal: {is_null: true}}", "FFT"),
    ("{sex: M}", "TFU"),
    ("{unit.area: rural}", "FTU"),
    ("{unit.area: {is_null: true}}", "FFT"),
    ("{unit.kind: station}", "FTT"),
    ("{unit.tier: {ne: organ}}", "FTT"),
    # vocabulary term
    ("{rank: deputy_section}", "TFF"),
    ("{rank: 副科}", "TFF"),
    ("{rank: {ne: staff}}", "TFT"),
    ("{rank: {in: [staff, 正科]}}", "FTT"),
    ("{rank: {not_in: [staff]}}", "TFT"),
    ("{post: {in: [所长, 教导员]}}", "FTT"),
    ("{post: {is_null: false}}", "TTT"),
    # text
    ("{home_district: 城區}", "TFU"),
    ("{home_district: {ne: 城區}}", "FTU"),
    ("{home_district: {in: [南河, 東郊]}}", "FTU"),
    ("{home_district: {not_in: [南河]}}", "TFU"),
    ("{home_district: {is_null: true}}", "FFT"),
    ("{unit.district: 東郊}", "FTU"),
    ("{unit.name: 辦公室}", "TFF"),
    # unit
    ("{unit: BGS}", "TFF"),
    ("{unit.id: BGS}", "TFF"),
    ("{unit.id: 匯豐派出所}", "FTF"),
    ("{unit.id: {ne: BGS}}", "FTT"),
    ("{unit.id: {in: [PCS-HF, PCS-XX]}}", "FTT"),
    ("{unit.id: {not_in: [BGS]}}", "FTT"),
    ("{unit.id: {is_null: false}}", "TTT"),
    # list of units, list of tags
    ("{wishes: {contains: PCS-HF}}", "TFU"),
    ("{wishes: PCS-XX}", "FTU"),
    ("{wishes: {is_null: true}}", "FFT"),
    ("{unit.tags: {contains: complex}}", "FTF"),
    ("{unit.tags: hardship}", "FTF"),
    ("{unit.tags: {is_null: false}}", "TTT"),
    # declared columns
    ("{education: master}", "TFU"),
    ("{education: {in: [bachelor]}}", "FTU"),
    ("{score: {gt: 60}}", "TFU"),
    ("{score: {between: [20, 80]}}", "TTU"),
    ("{note: a}", "TFU"),
    ("{note: {is_null: true}}", "FFT"),
    ("{due: {lt: 2021-01-01}}", "TFU"),
    ("{ok: true}", "TFU"),
    # $officer.FIELD
    ("{unit.district: {eq: $officer.home_district}}", "TFU"),
    ("{unit.district: {ne: $officer.home_district}}", "FTU"),
    ("{score: {gt: $officer.age}}", "TFU"),
    ("{grassroots_years: {lt: $officer.score}}", "TTU"),
    ("{joined_police: {lt: $officer.due}}", "TTU"),
    ("{unit.id: {eq: $officer.unit}}", "TTT"),
    # constants
    ("{age: {le: $young}}", "FTT"),
    ("{rank: {in: $ranks}}", "TTF"),
    # not keeps unknown
    ("{not: {grassroots_years: 3}}", "FTU"),
    ("{not: {home_district: {is_null: true}}}", "TTF"),
]


@pytest.fixture(scope="module")
def table(tmp_path_factory, units_yaml):
    rules = (
        FIELDS
        + "constants: {young: 36, ranks: [副科, staff]}\n"
        + flow_rules([cond for cond, _ in OPERATOR_CASES])
    )
    return build(tmp_path_factory.mktemp("ops"), units_yaml, rules, OFFICERS)


def test_officers_all_valid(table):
    assert table.roster.issues == []
    assert table.frame["age"].to_list() == [46.0, 36.0, 25.0]


@pytest.mark.parametrize(
    ("index", "expected"),
    [(i, e) for i, (_, e) in enumerate(OPERATOR_CASES)],
    ids=[c for c, _ in OPERATOR_CASES],
)
def test_operator(table, index, expected):
    assert statuses(table, f"c{index}") == expected


def test_contains_officer_value(scenario):
    # a tag list containing the officer's own text value; unknown when that value is empty
    inputs = scenario(
        flow_rules(["{unit.tags: {contains: $officer.home_district}}"]),
        [
            {"officer_id": "A", "unit": "BGS", "home_district": "x"},
            {"officer_id": "B", "unit": "BGS", "home_district": "y"},
            {"officer_id": "C", "unit": "BGS"},
        ],
    )
    assert statuses(inputs, "c0") == "TFU"


@pytest.mark.parametrize(
    ("as_of", "age"), [(dt.date(2026, 9, 30), 39.0), (AS_OF, 40.0), (dt.date(2026, 10, 2), 40.0)]
)
def test_age_in_completed_years(scenario, as_of, age):
    inputs = scenario(
        flow_rules(["{age: {ge: 40}}"]),
        [{"officer_id": "A", "birth_date": "1986-10-01"}],
        as_of=as_of,
    )
    assert inputs.frame["age"].to_list() == [age]
    assert statuses(inputs, "c0") == ("T" if age >= 40 else "F")


def test_leap_day_birthday(scenario):
    inputs = scenario(
        flow_rules(["{age: 26}"]),
        [{"officer_id": "A", "birth_date": "2000-02-29"}],
        as_of=dt.date(2026, 2, 28),
    )
    assert inputs.frame["age"].to_list() == [25.0]


# --- three-valued logic -------------------------------------------------------------

# nine officers: exam_passed x democratic_eval_passed over (true, false, empty)
TRUTH = [
    ("true", "true"),
    ("true", "false"),
    ("true", ""),
    ("false", "true"),
    ("false", "false"),
    ("false", ""),
    ("", "true"),
    ("", "false"),
    ("", ""),
]
KLEENE = [
    ("{all: [{exam_passed: true}, {democratic_eval_passed: true}]}", "TFUFFFUFU"),
    ("{exam_passed: true, democratic_eval_passed: true}", "TFUFFFUFU"),
    ("[{exam_passed: true}, {democratic_eval_passed: true}]", "TFUFFFUFU"),
    ("{any: [{exam_passed: true}, {democratic_eval_passed: true}]}", "TTTTFUTUU"),
    ("{not: {exam_passed: true}}", "FFFTTTUUU"),
    ("{not: {all: [{exam_passed: true}, {democratic_eval_passed: true}]}}", "FTUTTTUTU"),
    ("{not: {any: [{exam_passed: true}, {democratic_eval_passed: true}]}}", "FFFFTUFUU"),
    ("{all: []}", "TTTTTTTTT"),
    ("{any: []}", "FFFFFFFFF"),
    ("{any: [{exam_passed: {is_null: true}}, {exam_passed: true}]}", "TTTFFFTTT"),
    (
        "{all: [{any: [{exam_passed: true}, {democratic_eval_passed: true}]}, "
        "{not: {democratic_eval_passed: false}}]}",
        "TFUTFUTFU",
    ),
]


@pytest.fixture(scope="module")
def kleene(tmp_path_factory, units_yaml):
    rows = [
        {"officer_id": f"K{i}", "exam_passed": a, "democratic_eval_passed": b}
        for i, (a, b) in enumerate(TRUTH)
    ]
    return build(
        tmp_path_factory.mktemp("kleene"), units_yaml, flow_rules([c for c, _ in KLEENE]), rows
    )


@pytest.mark.parametrize(
    ("index", "expected"), [(i, e) for i, (_, e) in enumerate(KLEENE)], ids=[c for c, _ in KLEENE]
)
def test_kleene(kleene, index, expected):
    assert statuses(kleene, f"c{index}") == expected


def test_unless_three_valued(scenario):
    # when x unless over (T, F, U): applies only for (T, F); exempt only for (T, T)
    rows = [
        {"officer_id": f"K{i}", "exam_passed": a, "democratic_eval_passed": b}
        for i, (a, b) in enumerate(TRUTH)
    ]
    rules = (
        "rules:\n  - id: r\n    when: {exam_passed: true}\n"
        "    unless: {democratic_eval_passed: true}\n    then: {flag: f}\n"
    )
    inputs = scenario(rules, rows)
    assert statuses(inputs, "r") == "ETUFFFFUU"


# --- decisions ---------------------------------------------------------------------


def rule(
    rid: str, when: str = "{}", then: str = "flag: f", priority: int = 0, extra: str = ""
) -> str:
    text = f"  - id: {rid}\n    priority: {priority}\n    when: {when}\n    then: {{{then}}}\n"
    return text + "".join(f"    {line}\n" for line in extra.splitlines())


MOVE = "move: {to: {tier: grassroots}}"


def test_higher_priority_wins(scenario):
    inputs = scenario(
        "rules:\n"
        + rule("low", then="set_post: community_officer", priority=5)
        + rule("high", then=MOVE, priority=10),
        [{"officer_id": "A"}],
    )
    assert outcome(inputs, "A") == ("decided", "high", None)


def test_default_priority_is_zero(scenario):
    inputs = scenario(
        "rules:\n  - id: zero\n    then: {keep: true}\n" + rule("neg", then=MOVE, priority=-1),
        [{"officer_id": "A"}],
    )
    assert outcome(inputs, "A") == ("decided", "zero", None)


def test_keep_stops_lower_rules_but_not_flags(scenario):
    inputs = scenario(
        "rules:\n"
        + rule("keep", then="keep: true", priority=10)
        + rule("down", then=MOVE, priority=5)
        + rule("mark", then="flag: promotion_ineligible", priority=1),
        [{"officer_id": "A"}],
    )
    assert outcome(inputs, "A") == ("decided", "keep", None)
    j = inputs.judgement
    assert [j.rules[i].id for _, i in j.flags] == ["mark"]


def test_exemption_recorded_and_no_action(scenario):
    inputs = scenario(
        "rules:\n"
        + rule("down", then=MOVE, priority=10, extra="unless: {special_talent: true}")
        + rule("post", then="set_post: community_officer", priority=5),
        [{"officer_id": "A", "special_talent": "是"}, {"officer_id": "B", "special_talent": "否"}],
    )
    assert statuses(inputs, "down") == "ET"
    j = inputs.judgement
    assert [(inputs.frame["officer_id"][k], j.rules[i].id) for k, i in j.exempt] == [("A", "down")]
    # the exempt officer is not moved; a lower rule may still act
    assert outcome(inputs, "A") == ("decided", "post", None)
    assert outcome(inputs, "B") == ("decided", "down", None)
    entries = [e for e in rule_entries(inputs) if e["code"] == "exempt"]
    assert entries == [
        {
            "officer_id": "A",
            "row": 2,
            "code": "exempt",
            "rule_id": "down",
            "field": None,
            "message": "exempt from down (): special_talent yes",
        }
    ]


def test_exemption_alone_is_no_action(scenario):
    inputs = scenario(
        "rules:\n" + rule("down", then=MOVE, extra="unless: {special_talent: true}"),
        [{"officer_id": "A", "special_talent": "true"}],
    )
    assert outcome(inputs, "A") == ("none", None, None)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (MOVE, "set_post: community_officer"),
        (MOVE, "move: {to: {kind: station}}"),
        (MOVE, "move: {to: {tier: grassroots}, post: community_officer}"),
        ("set_post: community_officer", "set_post: station_head"),
        ("keep: true", MOVE),
    ],
)
def test_conflict_at_equal_priority(scenario, first, second):
    inputs = scenario(
        "rules:\n"
        + rule("one", then=first, priority=5)
        + rule("two", then=second, priority=5)
        + rule("lower", then="keep: true", priority=1),
        [{"officer_id": "A"}],
    )
    assert outcome(inputs, "A") == ("conflict", "one", "two")
    assert [(e["code"], e["rule_id"], e["message"]) for e in rule_entries(inputs)] == [
        ("conflict", "one", "rules one and two (priority 5) ask for different outcomes")
    ]


@pytest.mark.parametrize(
    "then",
    [
        MOVE,
        "move: {to: {tier: grassroots}, post: 民警}",
        "set_post: community_officer",
        "keep: true",
    ],
)
def test_equal_outcomes_no_conflict_first_credited(scenario, then):
    later = "{ tier: grassroots }" if then == MOVE else None
    second = f"move: {{to: {later}}}" if later else then
    inputs = scenario(
        {
            "b.yaml": "rules:\n" + rule("b1", then=then, priority=5),
            "a.yaml": "rules:\n" + rule("a1", then=second, priority=5),
        },
        [{"officer_id": "A"}],
    )
    assert outcome(inputs, "A") == ("decided", "a1", None)
    assert rule_entries(inputs) == []


def test_missing_data_withholds_at_same_priority(scenario):
    inputs = scenario(
        "rules:\n"
        + rule("down", then=MOVE, priority=5)
        + rule("exam", when="{exam_passed: false}", then="set_post: officer", priority=5),
        [{"officer_id": "A"}, {"officer_id": "B", "exam_passed": "true"}],
    )
    assert outcome(inputs, "A") == ("withheld", None, None)
    assert outcome(inputs, "B") == ("decided", "down", None)
    assert [
        (e["officer_id"], e["code"], e["rule_id"], e["field"], e["message"])
        for e in rule_entries(inputs)
    ] == [
        (
            "A",
            "missing_data",
            "exam",
            "exam_passed",
            "rule exam cannot be decided: exam_passed is empty",
        )
    ]


def test_missing_data_at_higher_priority_withholds_lower(scenario):
    inputs = scenario(
        "rules:\n"
        + rule("exam", when="{exam_passed: false}", then=MOVE, priority=10)
        + rule("post", then="set_post: community_officer", priority=5),
        [{"officer_id": "A"}],
    )
    assert outcome(inputs, "A") == ("withheld", None, None)
    assert [(e["code"], e["rule_id"]) for e in rule_entries(inputs)] == [("missing_data", "exam")]


def test_missing_data_cannot_overturn_higher_decision(scenario):
    inputs = scenario(
        "rules:\n"
        + rule("down", then=MOVE, priority=10)
        + rule("exam", when="{exam_passed: false}", then="keep: true", priority=5),
        [{"officer_id": "A"}],
    )
    assert outcome(inputs, "A") == ("decided", "down", None)


def test_missing_data_in_unless(scenario):
    inputs = scenario(
        "rules:\n" + rule("down", then=MOVE, extra="unless: {appraisal: excellent}"),
        [{"officer_id": "A"}, {"officer_id": "B", "appraisal": "competent"}],
    )
    assert statuses(inputs, "down") == "UT"
    assert outcome(inputs, "A") == ("withheld", None, None)
    assert [(e["officer_id"], e["field"]) for e in rule_entries(inputs)] == [("A", "appraisal")]


def test_missing_data_for_flag_rule(scenario):
    inputs = scenario(
        "rules:\n"
        + rule(
            "mark", when="{discipline_date: {gt: 2025-01-01}}", then="flag: promotion_ineligible"
        ),
        [{"officer_id": "A"}, {"officer_id": "B", "discipline_date": "2024-01-01"}],
    )
    assert statuses(inputs, "mark") == "UF"
    assert inputs.judgement.flags == []
    assert [(e["officer_id"], e["code"], e["field"]) for e in rule_entries(inputs)] == [
        ("A", "missing_data", "discipline_date")
    ]


def test_flags_accumulate(scenario):
    inputs = scenario(
        "rules:\n"
        + rule("f1", then="flag: promotion_ineligible", priority=1)
        + rule("f2", then="flag: leadership_ineligible", priority=7)
        + rule("both", then="flag: review, move: {to: {tier: grassroots}}", priority=3)
        + rule("keep", then="keep: true", priority=9),
        [{"officer_id": "A"}],
    )
    j = inputs.judgement
    assert sorted((j.rules[i].id, j.rules[i].flag) for _, i in j.flags) == [
        ("both", "review"),
        ("f1", "promotion_ineligible"),
        ("f2", "leadership_ineligible"),
    ]
    assert outcome(inputs, "A") == ("decided", "keep", None)


@pytest.mark.parametrize(
    ("window", "in_force"),
    [
        ("effective_from: 2026-10-02", False),
        ("effective_from: 2026-10-01", True),
        ("effective_until: 2026-09-30", False),
        ("effective_until: 2026-10-01", True),
        ("effective_from: 2025-01-01\neffective_until: 2027-01-01", True),
        ("effective_from: 2027-01-01\neffective_until: 2028-01-01", False),
    ],
)
def test_effective_dates(scenario, window, in_force):
    inputs = scenario(
        "rules:\n"
        + rule("dated", then=MOVE, priority=10, extra=window)
        + rule("fallback", then="keep: true"),
        [{"officer_id": "A"}],
    )
    j = inputs.judgement
    assert ([r.id for r in j.rules] == ["dated", "fallback"]) is in_force
    assert [r.id for r in j.skipped] == ([] if in_force else ["dated"])
    assert outcome(inputs, "A")[1] == ("dated" if in_force else "fallback")


def test_merges_move_officers_before_rules(scenario):
    inputs = scenario(
        flow_rules(
            [
                "{unit.id: BGS}",
                "{unit.id: OLD}",
                "{unit.tier: organ}",
                "{unit.capacity: 10}",
                "{unit: BGS}",
            ]
        ),
        [{"officer_id": "A", "unit": "OLD"}, {"officer_id": "B", "unit": "舊科"}],
    )
    assert inputs.frame["unit"].to_list() == ["BGS", "BGS"]
    assert inputs.frame["_from_unit"].to_list() == ["OLD", "OLD"]
    assert [statuses(inputs, f"c{i}") for i in range(5)] == ["TT", "FF", "TT", "TT", "TT"]


def test_merge_chain(tmp_path):
    units = (
        "units:\n  - {id: A, name: a, kind: station, merged_into: B}\n"
        "  - {id: B, name: b, kind: station, merged_into: C}\n"
        "  - {id: C, name: c, kind: organ, tags: [t]}\n"
    )
    inputs = build(
        tmp_path, units, flow_rules(["{unit.tags: t}"]), [{"officer_id": "X", "unit": "A"}]
    )
    assert inputs.frame["unit"].to_list() == ["C"]
    assert statuses(inputs, "c0") == "T"


def test_invalid_rows_are_never_acted_on(scenario, resident_id):
    inputs = scenario(
        "rules:\n" + rule("down", then=MOVE) + rule("mark", then="flag: f"),
        [
            {"officer_id": "A"},
            {"officer_id": "B", "id_number": resident_id("19700101")},  # disagrees with birth_date
            {"officer_id": "C", "unit": "NOPE"},
        ],
    )
    assert inputs.frame["officer_id"].to_list() == ["A", "B"]  # an unknown unit has no frame row
    assert statuses(inputs, "down") == "TF"
    assert outcome(inputs, "B") == ("none", None, None)
    assert [inputs.frame["officer_id"][k] for k, _ in inputs.judgement.flags] == ["A"]


def test_reasons_state_the_facts(scenario):
    inputs = scenario(
        "constants: {young: 40}\nrules:\n"
        + rule(
            "down",
            when="{all: [{unit.tier: organ}, {rank: deputy_section}, {age: {le: $young}}]}",
            then=MOVE,
        ),
        [{"officer_id": "A", "birth_date": "1988-01-01", "rank": "副科"}],
    )
    assert inputs.judgement.reasons(0, [0]) == [
        "unit.tier organ; rank deputy_section (副科); age 38 ≤ 40"
    ]


def test_missing_data_names_the_unknown_field(scenario):
    inputs = scenario(
        "rules:\n"
        + rule(
            "clean",
            when="{all: [{discipline_date: {is_null: true}}, {exam_passed: true}]}",
            then=MOVE,
        ),
        [{"officer_id": "A"}],
    )
    assert outcome(inputs, "A") == ("withheld", None, None)
    assert [(e["code"], e["field"]) for e in rule_entries(inputs)] == [
        ("missing_data", "exam_passed")
    ]
