"""Dogfood: the shipped rules, units and rosters (the seed scenario) do what the policy says."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest

from placement.commands.apply import applied_rows, serialise
from placement.commands.check import check
from placement.commands.ruletest import run_tests
from placement.commands.validate import validate
from placement.load.inputs import load_inputs
from placement.load.roster.load import read_roster
from placement.load.rules.load import load_ruleset
from placement.load.units import load_units
from placement.place.plan import make_plan

ROOT = Path(__file__).resolve().parent.parent
DATA, RULES = ROOT / "data", ROOT / "rules"


@pytest.fixture(scope="module")
def seed():
    inputs = load_inputs(DATA / "roster.csv", RULES, DATA / "units.yaml")
    return inputs, make_plan(inputs)


def test_shipped_rules_validate_without_warnings():
    assert validate([str(RULES)], str(DATA / "units.yaml")) == []


def test_shipped_rule_tests_pass_with_full_coverage():
    units = load_units(DATA / "units.yaml")
    rs = load_ruleset([RULES], units)
    results, cov = run_tests(rs, units)
    assert [r.name for r in results if not r.passed] == []
    assert len(results) >= 26
    assert cov.percent(rs) == 100.0


def test_the_three_roster_forms_load_the_same_officers():
    units = load_units(DATA / "units.yaml")
    rs = load_ruleset([RULES], units)
    frames = [
        read_roster(DATA / name, units, rs.vocab, rs.extras).officers
        for name in ("roster.csv", "roster_zh.csv", "roster.xlsx")
    ]
    for f in frames[1:]:
        assert f.height == 407
        assert f.equals(frames[0]), pl.concat([frames[0], f]).unique(keep="none").head()


def test_seed_plan_meets_the_grassroots_share(seed):
    _inputs, doc = seed
    s = doc["summary"]
    assert s["officers"] == 407
    assert s["grassroots_share"]["after"] >= 0.926 > s["grassroots_share"]["before"]
    assert all(t["met_after"] for t in s["targets"])
    acted = {t["rule_id"] for t in doc["transfers"]} | {f["rule_id"] for f in doc["flags"]}
    expected = {r.id for r in _inputs.ruleset.rules}
    assert expected <= acted | {"unit_merge"}, expected - acted


def test_seed_apply_then_check_and_replan(seed, tmp_path):
    inputs, doc = seed
    rows = applied_rows(doc, inputs.roster, inputs.units, inputs.ruleset.vocab, force=False)
    out = tmp_path / "after.csv"
    out.write_bytes(serialise(rows, inputs.roster))
    again = load_inputs(out, RULES, DATA / "units.yaml")
    acted = {(t["officer_id"], t["rule_id"]) for t in doc["transfers"]}
    assert not acted & {(v["officer_id"], v["rule_id"]) for v in check(again)["violations"]}
    assert make_plan(again)["summary"]["transfers"] == 0
