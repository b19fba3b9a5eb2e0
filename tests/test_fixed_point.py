"""A plan is a fixed point (SPEC §2 point 6, §5 Correct): the shipped rules with a rotation rule
beside the military-transfer rule, through plan → apply → check → plan, as a user runs them."""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

from click.testing import CliRunner

from placement.cli.main import main

ROOT = Path(__file__).resolve().parent.parent
ROTATION = """\
rules:
  - id: station-rotation
    title: 在同一派出所任職滿五年的民警輪崗到另一派出所
    priority: 10
    when:
      all:
        - unit.kind: station
        - years_in_post: {ge: 5}
    then:
      move:
        to: {kind: station}
"""


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


def test_rotation_beside_military_transfer_converges(tmp_path):
    rules = tmp_path / "rules"
    shutil.copytree(ROOT / "rules", rules)
    (rules / "50-rotation.yaml").write_text(ROTATION, encoding="utf-8")
    units = ROOT / "data" / "units.yaml"
    opts = ["--rules", rules, "--units", units, "--format", "json"]
    plan1 = tmp_path / "plan1.json"
    r = run("plan", ROOT / "data" / "roster.csv", *opts, "-o", plan1)
    assert r.exit_code == 0, r.output
    doc = json.loads(plan1.read_text(encoding="utf-8"))
    after = tmp_path / "after.csv"
    r = run("apply", plan1, ROOT / "data" / "roster.csv", "-o", after)
    assert r.exit_code == 0, r.output

    with open(ROOT / "data" / "roster.csv", encoding="utf-8") as fh:
        before = {row["officer_id"]: row for row in csv.DictReader(fh)}
    with open(after, encoding="utf-8") as fh:
        applied = {row["officer_id"]: row for row in csv.DictReader(fh)}
    complex_units = {
        u["id"]
        for u in __import__("yaml").safe_load(units.read_text(encoding="utf-8"))["units"]
        if "complex" in (u.get("tags") or [])
    }
    rotated = [t for t in doc["transfers"] if t["rule_id"] == "station-rotation"]
    assert rotated, "the rotation rule moves someone"
    # the rotation never sends a military-transfer cadre out of the complex stations
    cadres = {k for k, row in before.items() if row["military_transfer"] == "true"}
    assert any(t["officer_id"] in cadres for t in rotated), "a cadre is due for rotation"
    for t in doc["transfers"]:
        if t["officer_id"] in cadres:
            assert t["to_unit"] in complex_units, t
    assert any(
        before[k]["unit"] in complex_units
        and k in cadres
        and k not in {t["officer_id"] for t in rotated}
        for k in before
    )
    # apply starts the new post on the as-of date, for rule moves only
    moved = {t["officer_id"] for t in doc["transfers"] if t["rule_id"] != "unit_merge"}
    for k in moved:
        assert applied[k]["post_since"] == doc["as_of"], k
    for t in doc["transfers"]:
        if t["rule_id"] == "unit_merge":
            assert applied[t["officer_id"]]["post_since"] == before[t["officer_id"]]["post_since"]

    check = tmp_path / "check.json"
    r = run("check", after, *opts, "-o", check)
    assert r.exit_code in (0, 1), r.output
    violations = json.loads(check.read_text(encoding="utf-8"))["violations"]
    assert not [v for v in violations if v["officer_id"] in moved]

    plan2 = tmp_path / "plan2.json"
    r = run("plan", after, *opts, "-o", plan2)
    assert r.exit_code == 0, r.output
    again = json.loads(plan2.read_text(encoding="utf-8"))
    assert not [t for t in again["transfers"] if t["officer_id"] in moved]
