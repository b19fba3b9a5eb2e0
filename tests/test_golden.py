"""Golden scenarios: inputs in tests/golden/NAME, expected outputs in NAME/expected.

Regenerate after an intended change with:  UPDATE_GOLDEN=1 .venv/bin/pytest tests/test_golden.py
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from placement.cli.main import main

GOLDEN = Path(__file__).resolve().parent / "golden"
CASES = sorted(p.name for p in GOLDEN.iterdir() if p.is_dir())


def _run(case: Path, command: str) -> tuple[int, dict]:
    r = CliRunner().invoke(
        main,
        [command, "roster.csv", "--rules", "rules", "--units", "units.yaml", "--format", "json"],
        catch_exceptions=False,
    )
    return r.exit_code, json.loads(r.output)


@pytest.mark.parametrize("name", CASES)
@pytest.mark.parametrize("command", ["plan", "check"])
def test_golden(name, command, monkeypatch):
    case = GOLDEN / name
    monkeypatch.chdir(case)
    code, doc = _run(case, command)
    expected_file = case / "expected" / f"{command}.json"
    got = {"exit_code": code, "output": doc}
    if os.environ.get("UPDATE_GOLDEN"):
        expected_file.parent.mkdir(exist_ok=True)
        expected_file.write_text(
            json.dumps(got, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
        )
    expected = json.loads(expected_file.read_text(encoding="utf-8"))
    assert got == expected, (
        "golden output changed; if intended, run: "
        "UPDATE_GOLDEN=1 .venv/bin/pytest tests/test_golden.py"
    )
