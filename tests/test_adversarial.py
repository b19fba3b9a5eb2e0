"""The malformed-input corpus (tests/adversarial/cases.yaml): a clear message and the
right exit code, or exception rows, for every case; never a traceback; within 5 s."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from placement.cli.main import main

HERE = Path(__file__).resolve().parent / "adversarial"
ROOT = HERE.parent.parent
CASES = yaml.safe_load((HERE / "cases.yaml").read_text(encoding="utf-8"))
UNITS, RULES = str(ROOT / "data" / "units.yaml"), str(ROOT / "rules")


@pytest.fixture(autouse=True)
def _debug(monkeypatch):
    # an internal error must fail the test, not turn into a polite message
    monkeypatch.setenv("PLACEMENT_DEBUG", "1")
    monkeypatch.chdir(HERE)


def invoke(args):
    start = time.monotonic()
    r = CliRunner().invoke(main, args, catch_exceptions=False)
    assert time.monotonic() - start < 5
    return r


@pytest.mark.parametrize("case", CASES["roster"], ids=lambda c: c["file"])
def test_roster_case(case, tmp_path):
    out = tmp_path / "plan.json"
    r = invoke(
        [
            "plan",
            case["file"],
            "--rules",
            RULES,
            "--units",
            UNITS,
            "--format",
            "json",
            "-o",
            str(out),
        ]
    )
    assert r.exit_code == case["exit"], r.output
    if case["exit"] == 2:
        assert case["says"] in r.output
        return
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert doc["summary"]["officers"] == case["officers"]
    # the units' own (unmet targets, posts left vacant or over establishment) aside
    codes = {e["code"] for e in doc["exceptions"]} - {
        "target_unmet",
        "vacancy",
        "over_establishment",
    }
    assert codes == set(case["codes"])
    if "says" in case:
        assert any(case["says"] in e["message"] for e in doc["exceptions"])
    # nothing lost: every row is planned or listed
    listed = {e["officer_id"] for e in doc["exceptions"] if e["officer_id"]}
    assert doc["summary"]["officers"] >= len(listed)


@pytest.mark.parametrize("case", CASES["rules"], ids=lambda c: f"{c['dir']}:{c['says'][:30]}")
def test_rules_case(case):
    path = f"rules/{case['dir']}"
    r = invoke(["validate", path, "--units", UNITS])
    assert r.exit_code == case["exit"]
    assert case["says"] in r.output, r.output
    r = invoke(["plan", str(ROOT / "data" / "roster.csv"), "--rules", path, "--units", UNITS])
    assert r.exit_code == 2 and case["says"] in r.output


@pytest.mark.parametrize("case", CASES["units"], ids=lambda c: c["file"])
def test_units_case(case):
    r = invoke(
        [
            "plan",
            str(ROOT / "data" / "roster.csv"),
            "--rules",
            RULES,
            "--units",
            f"units/{case['file']}",
        ]
    )
    assert r.exit_code == case["exit"]
    assert case["says"] in r.output


def test_formula_cells_are_neutralised_in_csv_and_xlsx(tmp_path):
    r = invoke(
        [
            "plan",
            "formulas.csv",
            "--rules",
            RULES,
            "--units",
            UNITS,
            "--format",
            "csv",
            "-o",
            str(tmp_path / "out"),
        ]
    )
    assert r.exit_code == 0
    text = (tmp_path / "out" / "exceptions.csv").read_text(encoding="utf-8-sig")
    assert "=" not in "".join(line.split(",")[0] for line in text.splitlines())
    from placement.report.write import neutralise

    assert neutralise("=HYPERLINK(1)") == "'=HYPERLINK(1)" and neutralise("@x") == "'@x"
    assert neutralise("-1") == "'-1" and neutralise("ok") == "ok"


def test_output_paths(tmp_path):
    r = invoke(["plan", "utf16.csv", "--rules", RULES, "--units", UNITS, "-o", "utf16.csv"])
    assert r.exit_code == 2 and "utf16.csv: output-is-input" in r.output
    r = invoke(
        [
            "plan",
            "utf16.csv",
            "--rules",
            RULES,
            "--units",
            UNITS,
            "-o",
            str(tmp_path / "no" / "x.json"),
        ]
    )
    assert r.exit_code == 2 and "output-folder-missing" in r.output


def test_a_real_process_prints_no_traceback():
    """The installed command, not the test runner: bad inputs end in one clear line."""
    for args in (["plan", "binary.csv"], ["validate", "rules/alias-bomb"], ["plan", "nope.csv"]):
        env = {k: v for k, v in os.environ.items() if k != "PLACEMENT_DEBUG"}
        p = subprocess.run(
            [sys.executable, "-m", "placement", *args, "--units", UNITS]
            + (["--rules", RULES] if args[0] == "plan" else []),
            capture_output=True,
            text=True,
            cwd=HERE,
            env=env,
            timeout=20,
        )
        assert p.returncode in (1, 2)
        assert "Traceback" not in p.stderr + p.stdout
