"""`placement explain ROSTER --post UNIT:POST` (SPEC §3) on the seed scenario: the post's
establishment and holders, the governing policy, the candidates in merit order (checked
against an independent sort), the reasons given for those not appointed (with a hand-built
plan whose appointments exercise every reason), the unknown candidates, and bad specs."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from placement.cli.main import main
from placement.commands.explain_post import explain_post
from placement.load.inputs import load_inputs
from placement.place.plan import make_plan
from placement.problems import InputError

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def seed():
    import os

    old = os.getcwd()
    os.chdir(ROOT)
    try:
        inputs = load_inputs("data/roster.csv")
        yield inputs, make_plan(inputs, [])
    finally:
        os.chdir(old)


def test_candidates_in_merit_order(seed):
    inputs, plan = seed
    doc = explain_post(inputs, "PCS-DJ:所長", plan, None)
    assert (doc["unit_id"], doc["post"], doc["establishment"]) == ("PCS-DJ", "station_head", 1)
    assert doc["policy"]["policy_id"] == "station-head"
    cands = doc["candidates"]
    assert len(cands) == doc["eligible"] == doc["shown"] > 3
    # independent check of the order: the policy's merit fields, best first, then officer_id
    policy = next(p for p in inputs.ruleset.appointments if p.id == "station-head")
    rows = {r["officer_id"]: r for r in inputs.frame.iter_rows(named=True)}
    from placement.load.rules.appointments import rank_order

    order = rank_order(inputs.ruleset.vocab)

    def key(oid):
        out = []
        for m in policy.merit:
            v = rows[oid][m.field]
            if m.ftype.kind == "term":
                v = -order.index(v) if v is not None else None
            elif m.ftype.kind == "enum":
                v = -list(m.ftype.values).index(v) if v is not None else None
            elif m.ftype.kind == "bool" and v is not None:
                v = int(v)
            if v is None:
                out.append((1, 0))
            else:
                out.append((0, -v if m.descending else v))
        return (*out, oid)

    ids = [c["officer_id"] for c in cands]
    # positions count the candidates only (SPEC §2.1): 1, 2, 3, ... in list order; an officer
    # the plan moves, keeps or holds by an exception has none and says why
    ranked = [c["position"] for c in cands if c["position"] is not None]
    assert ranked == list(range(ranked[0], ranked[0] + len(ranked)))
    assert all(c["reason"] == "cannot_move" for c in cands if c["position"] is None)
    assert ids == sorted(ids, key=key)
    # nobody holds the post here among the candidates; everyone listed is eligible
    assert not set(ids) & set(doc["holders_before"])
    assert explain_post(inputs, "東街派出所:station_head", plan, 5)["shown"] == 5


def _before_appointments(inputs, plan):
    """The plan as its transfers leave it: no appointment, and no transfer an appointment made
    (the hand-built plans below put their own appointments in)."""
    policies = {p.id for p in inputs.ruleset.appointments}
    plan = copy.deepcopy(plan)
    plan["transfers"] = [t for t in plan["transfers"] if t["rule_id"] not in policies]
    plan["appointments"] = []
    return plan


def test_reasons_from_a_hand_built_plan(seed):
    inputs, plan = seed
    plan = _before_appointments(inputs, plan)
    base = explain_post(inputs, "PCS-DJ:station_head", plan, None)
    moved = {t["officer_id"] for t in plan["transfers"] if t["rule_id"] != "unit_merge"}
    free = [c for c in base["candidates"] if c["officer_id"] not in moved][:4]
    a, b, c, d = (x["officer_id"] for x in free)
    plan = copy.deepcopy(plan)

    def appt(oid, unit, post, alternates=()):
        return {
            "officer_id": oid,
            "name": "",
            "unit_id": unit,
            "post": post,
            "from_unit": "X",
            "from_post": None,
            "rank_before": None,
            "rank_after": None,
            "policy_id": "station-head",
            "policy_title": "",
            "merit": {"position": 1, "eligible": 1, "unknown": 0},
            "alternates": list(alternates),
            "reason": "",
        }

    # b (2nd) appointed here over a (1st, appointed elsewhere) and c (3rd, kept for the count)
    # with d below: a reason each
    plan["appointments"] = [
        appt(a, "PCS-XS", "station_head"),
        appt(c, "PCS-DJ", "station_head", [d]),
    ]
    # c appointed here: b ranks above c -> needed_for_count; d below -> lower_merit
    doc = explain_post(inputs, "PCS-DJ:station_head", plan, None)
    by = {x["officer_id"]: x for x in doc["candidates"]}
    assert by[c]["appointed"] and by[c]["reason"] is None
    assert by[a]["reason"] == "appointed_elsewhere"
    assert "PCS-XS:station_head" in str(by[a]["why"])
    assert by[b]["reason"] == "needed_for_count"
    assert by[d]["reason"] == "lower_merit" and by[d]["alternate"]
    assert c in str(by[d]["why"])
    mover = next(x for x in doc["candidates"] if x["officer_id"] in moved)
    assert mover["reason"] == "cannot_move" and "moved by" in str(mover["why"])
    assert doc["holders_after"] == [c]


def test_vacant_after_and_no_vacancy(seed):
    inputs, plan = seed
    plan = _before_appointments(inputs, plan)
    doc = explain_post(inputs, "PCS-DJ:station_head", plan, None)
    assert doc["holders_after"] == []  # the seed's head is recalled
    free = [x for x in doc["candidates"] if x["reason"] not in ("cannot_move",)]
    assert all(x["reason"] is None for x in free) or free == []
    moved = {t["officer_id"] for t in plan["transfers"] if t["rule_id"] != "unit_merge"}
    stay = [x for x in doc["candidates"] if x["officer_id"] not in moved]
    assert stay and all(x["reason"] == "cannot_move" for x in stay)


def test_not_established_and_bad_specs(seed):
    inputs, plan = seed
    doc = explain_post(inputs, "PCS-DJ:brigade_chief", plan)
    assert not doc["established"] and doc["candidates"] == []
    assert "does not establish" in str(doc["notes"][0])
    with pytest.raises(InputError) as e:
        explain_post(inputs, "PCS-DK:station_head", plan)
    assert "PCS-DJ" in str(e.value.problems[0].hint)
    with pytest.raises(InputError):
        explain_post(inputs, "PCS-DJ:station_hed", plan)
    with pytest.raises(InputError):
        explain_post(inputs, "PCS-DJ", plan)


def test_cli_text_json_and_exit_codes(monkeypatch):
    monkeypatch.chdir(ROOT)
    run = CliRunner().invoke
    r = run(main, ["explain", "data/roster.csv", "--post", "PCS-DJ:station_head", "--limit", "3"])
    assert r.exit_code == 0, r.output
    assert "station-head" in r.output and "3 of" in r.output
    r = run(
        main,
        ["explain", "data/roster.csv", "--post", "PCS-DJ:所長", "--format", "json", "--all"],
    )
    doc = json.loads(r.output)
    assert doc["shown"] == doc["eligible"] and isinstance(doc["notes"], list)
    r = run(main, ["explain", "data/roster.csv", "--post", "PCS-DJ:所長", "--lang", "zh"])
    assert "选配办法" in r.output and "职数 1" in r.output
    r = run(main, ["explain", "data/roster.csv", "--post", "PCS-DK:station_head"])
    assert r.exit_code == 2 and "PCS-DJ" in r.output
    r = run(main, ["explain", "data/roster.csv"])
    assert r.exit_code == 2


def test_officer_explain_covers_policies(seed):
    from placement.commands.explain import explain

    inputs, plan = seed
    doc = explain(inputs, "J0079", plan)
    pols = {p["policy_id"]: p for p in doc["appointment_policies"]}
    assert set(pols) == {p.id for p in inputs.ruleset.appointments}
    sh = pols["station-head"]
    assert sh["eligible"] == "unknown" and any("grassroots_years" in u for u in sh["unknown"])
    assert sh["tree"]["node"] == "all" and "merit" not in sh
    # the candidates explain --post lists carry the same merit position as explain OFFICER
    post = explain_post(inputs, "PCS-DJ:station_head", plan, 3)
    first = next(c for c in post["candidates"] if c["position"] is not None)
    mine = explain(inputs, first["officer_id"], plan)
    sh = next(p for p in mine["appointment_policies"] if p["policy_id"] == "station-head")
    assert sh["eligible"] == "true"
    assert sh["merit"] == {"position": first["position"], "eligible": post["eligible_policy"]}
    # appointed / alternate / other policy, from a hand-built plan
    second = post["candidates"][1]["officer_id"]
    plan = copy.deepcopy(plan)
    plan["transfers"] = [t for t in plan["transfers"] if t["officer_id"] != first["officer_id"]]
    plan["appointments"] = [
        {
            "officer_id": first["officer_id"],
            "name": "",
            "unit_id": "PCS-DJ",
            "post": "station_head",
            "from_unit": "PCS-DJ",
            "from_post": None,
            "rank_before": None,
            "rank_after": None,
            "policy_id": "station-head",
            "policy_title": "",
            "merit": {"position": 1, "eligible": 1, "unknown": 0},
            "alternates": [second],
            "reason": "",
        }
    ]
    out = {
        p["policy_id"]: str(p["outcome"])
        for p in explain(inputs, first["officer_id"], plan)["appointment_policies"]
    }
    assert out["station-head"] == "appointed to PCS-DJ:station_head by this policy"
    assert "by station-head" in out["station-deputy"]
    alt = explain(inputs, second, plan)["appointment_policies"]
    sh = next(p for p in alt if p["policy_id"] == "station-head")
    assert str(sh["outcome"]) == "not appointed; alternate for PCS-DJ:station_head"


def test_officer_explain_text_both_languages(monkeypatch):
    monkeypatch.chdir(ROOT)
    for lang, words in (("en", "appointment policies"), ("zh", "选配办法")):
        r = CliRunner().invoke(main, ["explain", "data/roster.csv", "J0079", "--lang", lang])
        assert r.exit_code == 0 and words in r.output


def test_explain_post_document_matches_its_schema(monkeypatch):
    import jsonschema

    monkeypatch.chdir(ROOT)
    r = CliRunner().invoke(main, ["schema", "explain-post"])
    schema = json.loads(r.output)
    validator = jsonschema.validators.validator_for(schema)(schema)
    for spec in ("PCS-DJ:station_head", "PCS-DJ:brigade_chief", "JJDD:大隊長"):
        r = CliRunner().invoke(
            main, ["explain", "data/roster.csv", "--post", spec, "--format", "json"]
        )
        assert r.exit_code == 0, r.output
        validator.validate(json.loads(r.output))
