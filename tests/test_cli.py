"""The command line: help everywhere, exit codes, formats, safe outputs."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from placement.cli.main import COMMANDS, main

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture()
def seed_dir(tmp_path, monkeypatch):
    shutil.copytree(ROOT / "data", tmp_path / "data")
    shutil.copytree(ROOT / "rules", tmp_path / "rules")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("LANG", raising=False)
    return tmp_path


def run(*args):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


@pytest.mark.parametrize("name", list(COMMANDS))
def test_every_command_has_help_with_an_example(name):
    r = run(name, "--help")
    assert r.exit_code == 0
    assert "Example:" in r.output


def test_validate_prints_nothing_on_the_shipped_rules(seed_dir):
    r = run("validate")
    assert (r.exit_code, r.output) == (0, "")


def test_validate_misspelt_field(seed_dir):
    p = seed_dir / "rules" / "10-iron-rules.yaml"
    p.write_text(
        p.read_text(encoding="utf-8").replace(
            "- age: {le: $organ_young_cadre_age}", "- agee: {le: $organ_young_cadre_age}", 1
        ),
        encoding="utf-8",
    )
    r = run("validate")
    assert r.exit_code == 1
    assert r.output.startswith("rules/10-iron-rules.yaml:")
    assert ": unknown-field: agee (did you mean 'age'?)" in r.output
    r = run("validate", "--format", "github")
    assert r.output.startswith("::error file=rules/10-iron-rules.yaml,line=")
    r = run("validate", "--format", "json")
    assert json.loads(r.output)[0]["code"] == "unknown-field"


def test_check_exits_1_on_the_seed_and_json_shape(seed_dir):
    r = run("check", "data/roster.csv", "--format", "json")
    assert r.exit_code == 1
    doc = json.loads(r.output)
    assert set(doc) == {"violations", "flags", "exceptions", "targets", "posts"}
    assert set(doc["violations"][0]) == {"officer_id", "rule_id", "action", "reason"}


def test_plan_formats_and_atomic_output(seed_dir):
    r = run("plan", "data/roster.csv", "--format", "json", "-o", "plan.json")
    assert r.exit_code == 0, r.output
    doc = json.loads((seed_dir / "plan.json").read_text(encoding="utf-8"))
    assert doc["summary"]["officers"] == 407
    assert not [p for p in os.listdir(seed_dir) if p.endswith(".tmp")]
    r = run("plan", "data/roster.csv", "--format", "csv", "-o", "out")
    assert r.exit_code == 0
    assert sorted(os.listdir(seed_dir / "out")) == [  # the seed's units have posts (SPEC §3)
        "appointments.csv",
        "exceptions.csv",
        "flags.csv",
        "pins.csv",
        "posts.csv",
        "transfers.csv",
        "units.csv",
    ]
    for fmt, name in (("md", "plan.md"), ("xlsx", "plan.xlsx"), ("table", "plan.txt")):
        r = run("plan", "data/roster.csv", "--format", fmt, "-o", name)
        assert r.exit_code == 0 and (seed_dir / name).stat().st_size > 1000


def test_output_refuses_to_overwrite_an_input_and_missing_folder(seed_dir):
    before = (seed_dir / "data" / "roster.csv").read_bytes()
    r = CliRunner().invoke(
        main, ["plan", "data/roster.csv", "--format", "json", "-o", "data/roster.csv"]
    )
    assert r.exit_code == 2 and "output-is-input" in r.output
    assert (seed_dir / "data" / "roster.csv").read_bytes() == before
    r = CliRunner().invoke(main, ["plan", "data/roster.csv", "-o", "no/such/dir/plan.json"])
    assert r.exit_code == 2 and "does not exist" in r.output


def test_apply_keeps_rows_columns_and_encoding(seed_dir):
    assert run("plan", "data/roster_zh.csv", "--format", "json", "-o", "plan.json").exit_code == 0
    r = run("apply", "plan.json", "data/roster_zh.csv", "-o", "after.csv")
    assert r.exit_code == 0, r.output
    old = (seed_dir / "data" / "roster_zh.csv").read_bytes().decode("gb18030").splitlines()
    new = (seed_dir / "after.csv").read_bytes().decode("gb18030").splitlines()
    assert len(old) == len(new) and old[0] == new[0]
    assert sum(a != b for a, b in zip(old, new, strict=True)) > 100
    r = CliRunner().invoke(main, ["apply", "plan.json", "data/roster.csv", "-o", "x.csv"])
    assert r.exit_code == 2 and "different roster" in r.output


def test_explain_station_head_and_exempt_cadre(seed_dir):
    doc = json.loads(run("plan", "data/roster.csv", "--format", "json").output)
    head = next(t for t in doc["transfers"] if t["rule_id"] == "june-station-head-recall")
    r = run("explain", "data/roster.csv", head["officer_id"])
    assert r.exit_code == 0
    assert (
        "june-station-head-recall" in r.output
        and "decision: decided by june-station-head-recall" in r.output
    )
    exempt = next(e for e in doc["exceptions"] if e["code"] == "exempt")
    r = run("explain", "data/roster.csv", exempt["officer_id"])
    assert f"{exempt['rule_id']} (priority" in r.output and ": exempt" in r.output
    r = CliRunner().invoke(main, ["explain", "data/roster.csv", "J00001"])
    assert r.exit_code == 2 and "did you mean" in r.output


def test_rule_test_failure_is_readable(seed_dir):
    p = seed_dir / "rules" / "10-iron-rules.yaml"
    text = p.read_text(encoding="utf-8")
    p.write_text(
        text.replace(
            "expect: {rule: organ-young-cadre-down, move_to: {tier: grassroots}}",
            "expect: {rule: organ-young-cadre-down, move_to: {tier: organ}}",
            1,
        ),
        encoding="utf-8",
    )
    r = run("test")
    assert r.exit_code == 1
    assert "expected a move to {'tier': 'organ'}" in r.output and "1 failed" in r.output


def test_schema_and_diff(seed_dir):
    s = json.loads(run("schema", "rules").output)
    assert "rules" in s["properties"]
    assert "transfers" in json.loads(run("schema", "plan").output)["properties"]
    run("plan", "data/roster.csv", "--format", "json", "-o", "a.json")
    p = seed_dir / "rules" / "00-bureau.yaml"
    p.write_text(
        p.read_text(encoding="utf-8").replace(
            "organ_young_cadre_age: 40", "organ_young_cadre_age: 38"
        ),
        encoding="utf-8",
    )
    run("plan", "data/roster.csv", "--format", "json", "-o", "b.json")
    d = json.loads(run("diff", "a.json", "b.json", "--format", "json").output)
    assert d["transfers_removed"] and d["summary"]["transfers"]["delta"] < 0


def test_bad_roster_is_exit_2_with_file_name(seed_dir):
    (seed_dir / "empty.csv").write_bytes(b"")
    r = CliRunner().invoke(main, ["plan", "empty.csv"])
    assert r.exit_code == 2 and r.output.startswith("empty.csv: roster-empty:")


@pytest.mark.parametrize("command", ["plan", "check", "explain"])
def test_a_missing_roster_is_reported_after_bad_units(seed_dir, command):
    """The roster is read beside the units and rules, but their errors come first, as when
    the three are read one after the other; then the roster's own."""
    extra = ["X"] if command == "explain" else []
    (seed_dir / "data" / "units.yaml").write_text("units: [\n", encoding="utf-8")
    r = run(command, "nowhere.csv", *extra)
    assert r.exit_code == 2
    assert "data/units.yaml:" in r.output and "nowhere.csv" not in r.output
    shutil.copy(ROOT / "data" / "units.yaml", seed_dir / "data" / "units.yaml")
    r = run(command, "nowhere.csv", *extra)
    assert (r.exit_code, r.output.strip()) == (2, "nowhere.csv: roster-missing: no such file")


def test_bad_units_exit_without_waiting_for_the_roster(seed_dir):
    """The roster is read in a daemon thread: a roster that never ends (a FIFO nobody
    writes to) does not hold the exit once the units are found bad."""
    import subprocess
    import sys

    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs here")
    os.mkfifo(seed_dir / "never.csv")
    (seed_dir / "data" / "units.yaml").write_text("units: [\n", encoding="utf-8")
    p = subprocess.run(
        [sys.executable, "-m", "placement", "check", "never.csv"],
        cwd=seed_dir,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert p.returncode == 2 and "data/units.yaml:2:1: yaml-syntax" in p.stderr
