"""The one-pass data-gap report and the fixed point, on the cases of issue 13 (SPEC §1.4
"Missing data", "Priority and conflicts"; §2 point 6)."""

from __future__ import annotations

import copy
import json

from click.testing import CliRunner

from placement.cli.main import main
from placement.load.inputs import load_inputs, rule_entries
from placement.place.plan import make_plan
from tests.scenario import birth, unit, write_scenario

UNITS = [
    unit("BGS", "organ"),
    unit("PCS-A", "station", tags=["complex"], district="東郊"),
    unit("PCS-B", "station", district="城區"),
]
HEADER = "officer_id,name,birth_date,unit,post,rank,exam_passed,awarded,home_district,appraisal\n"


def scenario(tmp_path, rules, rows):
    paths = write_scenario(tmp_path, UNITS, rules, [])
    paths["roster"].write_text(HEADER + "".join(r + "\n" for r in rows), encoding="utf-8")
    return load_inputs(paths["roster"], paths["rules"], paths["units"]), paths


def rule(rid, prio, when, then):
    return {"id": rid, "priority": prio, "when": copy.deepcopy(when), "then": copy.deepcopy(then)}


def gaps(inputs):
    return sorted(
        (e["officer_id"], e["code"], e["rule_id"], e["field"]) for e in rule_entries(inputs)
    )


ORGAN = {"move": {"to": {"kind": "organ"}}}
STATION = {"move": {"to": {"kind": "station"}}}
KEEP = {"keep": True}
ROW = f"A1,a,{birth(35)},PCS-B,officer,staff,,,,"


def test_conflict_is_listed_beside_an_unknown_rule_of_its_priority(tmp_path):
    inputs, _ = scenario(
        tmp_path,
        [
            rule("r1", 10, {"age": {"ge": 30}}, ORGAN),
            rule("r2", 10, {"age": {"ge": 30}}, KEEP),
            rule("r3", 10, {"exam_passed": True}, STATION),
        ],
        [ROW],
    )
    assert gaps(inputs) == [
        ("A1", "conflict", "r1", None),
        ("A1", "missing_data", "r3", "exam_passed"),
    ]


def test_an_unknown_higher_rule_defers_the_conflict_and_lower_unknowns_are_listed(tmp_path):
    inputs, _ = scenario(
        tmp_path,
        [
            rule("r00", 5, {"age": {"ge": 30}}, ORGAN),
            rule("r01", 5, {"age": {"ge": 30}}, KEEP),
            rule("r05", 5, {"appraisal": "excellent"}, STATION),
            rule("r06", 10, {"exam_passed": True}, STATION),
        ],
        [ROW],
    )
    assert gaps(inputs) == [
        ("A1", "missing_data", "r05", "appraisal"),
        ("A1", "missing_data", "r06", "exam_passed"),
    ]
    assert int(inputs.judgement.state[0]) == 3  # withheld


def test_an_unknown_rule_that_also_flags_is_listed_below_a_higher_decision(tmp_path):
    inputs, _ = scenario(
        tmp_path,
        [
            rule("high", 10, {"age": {"ge": 30}}, ORGAN),
            rule("both", 5, {"exam_passed": False}, {**STATION, "flag": "review"}),
            rule("low", 5, {"appraisal": "excellent"}, STATION),
        ],
        [ROW],
    )
    assert gaps(inputs) == [("A1", "missing_data", "both", "exam_passed")]
    assert inputs.judgement.rules[int(inputs.judgement.decision[0])].id == "high"


def test_an_unknown_rule_asking_the_same_as_an_applying_one_is_not_listed(tmp_path):
    inputs, _ = scenario(
        tmp_path,
        [
            rule("a", 10, {"age": {"ge": 30}}, ORGAN),
            rule("b", 10, {"exam_passed": True}, ORGAN),
        ],
        [ROW],
    )
    assert gaps(inputs) == []
    assert int(inputs.judgement.state[0]) == 1  # decided


def test_every_deciding_empty_field_is_named(tmp_path):
    when = {
        "all": [
            {"any": [{"exam_passed": True}, {"awarded": True}, {"appraisal": "excellent"}]},
            {"unit.district": {"ne": "$officer.home_district"}},
        ]
    }
    inputs, _ = scenario(tmp_path, [rule("r", 0, when, ORGAN)], [ROW])
    # awarded is a yes/no flag (false when empty), so it decides nothing
    assert gaps(inputs) == [
        ("A1", "missing_data", "r", "appraisal"),
        ("A1", "missing_data", "r", "exam_passed"),
        ("A1", "missing_data", "r", "home_district"),
    ]


def test_a_destination_reading_an_empty_field_is_missing_data(tmp_path):
    move = {"move": {"to": {"district": {"ne": "$officer.home_district"}}}}
    inputs, _ = scenario(tmp_path, [rule("away", 0, {"unit.kind": "station"}, move)], [ROW])
    doc = make_plan(inputs)
    [e] = doc["exceptions"]
    assert (e["code"], e["rule_id"], e["field"]) == ("missing_data", "away", "home_district")
    assert "home_district, which is empty" in str(e["message"])


def test_a_destination_no_unit_matches_is_said_so_and_warned(tmp_path):
    move = {"move": {"to": {"tags": {"contains": "complxe"}}}}
    _, paths = scenario(tmp_path, [rule("typo", 0, {"unit.kind": "station"}, move)], [ROW])
    r = CliRunner().invoke(
        main,
        [
            "plan",
            str(paths["roster"]),
            "--rules",
            str(paths["rules"]),
            "--units",
            str(paths["units"]),
            "--format",
            "json",
        ],
    )
    assert r.exit_code == 0
    assert "warning: no-destination: rule typo: no unit matches its destination" in r.stderr
    doc = json.loads(r.stdout)
    [e] = doc["exceptions"]
    assert e["code"] == "no_capacity"
    assert e["message"].endswith("but no unit matches its destination")


def test_a_mover_lands_only_where_no_other_rule_acts_again(tmp_path):
    rules = [
        rule("rotate", 10, {"unit.kind": "station", "age": {"ge": 30}}, STATION),
        rule(
            "complex-only",
            20,
            {"awarded": True, "not": {"unit.tags": {"contains": "complex"}}},
            {"move": {"to": {"tags": {"contains": "complex"}}}},
        ),
        rule("unsure", 5, {"unit.district": "城區", "exam_passed": True}, ORGAN),
    ]
    rows = [
        f"A1,a,{birth(35)},PCS-B,officer,staff,true,false,,",  # may go to PCS-A
        f"A2,b,{birth(35)},PCS-A,officer,staff,true,true,,",  # PCS-B would move them again
        f"A3,c,{birth(35)},PCS-A,officer,staff,,false,,",  # at PCS-B 'unsure' is unknown
    ]
    inputs, _ = scenario(tmp_path, rules, rows)
    doc = make_plan(inputs)
    assert [(t["officer_id"], t["to_unit"]) for t in doc["transfers"]] == [("A1", "PCS-A")]
    got = {e["officer_id"]: (e["code"], e["rule_id"], e["field"]) for e in doc["exceptions"]}
    assert got["A2"] == ("no_capacity", "rotate", None)
    assert "complex-only" in str(
        next(e for e in doc["exceptions"] if e["officer_id"] == "A2")["message"]
    )
    assert got["A3"] == ("missing_data", "rotate", "exam_passed")


def test_a_post_change_that_would_be_acted_on_again_is_not_applied(tmp_path):
    rules = [
        rule("promote", 10, {"post": "officer", "age": {"ge": 30}}, {"set_post": "instructor"}),
        rule("no-instructors-here", 5, {"post": "instructor", "unit.id": "PCS-B"}, ORGAN),
    ]
    rows = [ROW, f"A2,b,{birth(35)},PCS-A,officer,staff,,,,"]
    inputs, _ = scenario(tmp_path, rules, rows)
    doc = make_plan(inputs)
    assert [(t["officer_id"], t["to_post"]) for t in doc["transfers"]] == [("A2", "instructor")]
    [e] = doc["exceptions"]
    assert (e["officer_id"], e["code"], e["rule_id"]) == ("A1", "no_capacity", "promote")
    assert "no-instructors-here" in str(e["message"])


def test_standing_answers_many_officer_unit_post_triples(tmp_path):
    """The engine capability appointments will call: the rules on hypothetical standings."""
    import numpy as np

    from placement.evaluate.standing import stand

    rules = [
        rule(
            "heads-rotate",
            10,
            {"post": "station_head", "unit.tags": {"contains": "complex"}},
            STATION,
        ),
        rule("keep-awarded", 20, {"awarded": True}, KEEP),
        rule("exam", 5, {"unit.kind": "organ", "exam_passed": False}, STATION),
    ]
    rows = [ROW, f"A2,b,{birth(35)},PCS-B,officer,staff,,true,,"]
    inputs, _ = scenario(tmp_path, rules, rows)
    j = inputs.judgement
    s = stand(
        inputs.frame,
        j.rules,
        inputs.units,
        inputs.as_of,
        np.array([0, 0, 0, 1, 1]),
        ["PCS-A", "PCS-B", "BGS", "PCS-A", "BGS"],
        ["station_head", "station_head", "officer", "station_head", "officer"],
    )
    assert s.ok.tolist() == [False, True, False, True, True]
    assert [s.excluders(k) for k in (0, 2)] == [["heads-rotate"], ["exam"]]
    assert s.unknown_only.tolist() == [False, False, True, False, False]
    assert s.empty_fields(2) == ["exam_passed"]
