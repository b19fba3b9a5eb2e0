"""Each command is a plain function, `(document, exit code)`, called here without click.

The CLI must be a thin layer over them: the same document and exit code come out of
`placement.commands.run` as out of the command line (compared for plan and check).
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from placement.cli.main import main
from placement.commands.codes import codes
from placement.commands.run import (
    run_apply,
    run_check,
    run_diff,
    run_explain,
    run_plan,
    run_rule_tests,
    run_schema,
    run_validate,
)
from placement.problems import Exit, InputError
from placement.report.write import to_json

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def here(tmp_path, monkeypatch):
    shutil.copytree(ROOT / "data", tmp_path / "data")
    shutil.copytree(ROOT / "rules", tmp_path / "rules")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_plan_and_check_are_functions_the_cli_only_renders(here):
    seen: dict = {}
    doc, code = run_plan("data/roster.csv", seen=seen)
    assert code == Exit.OK and doc["transfers"] and "inputs" in seen
    r = CliRunner().invoke(main, ["plan", "data/roster.csv", "--format", "json"])
    assert r.exit_code == code
    assert json.loads(r.output) == json.loads(to_json(doc))

    doc, code = run_check("data/roster.csv")
    assert code == Exit.FOUND and doc["violations"]  # the shipped roster breaks the rules
    r = CliRunner().invoke(main, ["check", "data/roster.csv", "--format", "json"])
    assert r.exit_code == code
    assert json.loads(r.output) == json.loads(to_json(doc))


def test_explain_validate_test_diff_codes(here):
    doc, code = run_explain("data/roster.csv", "J0042")
    assert code == Exit.OK and doc["officer_id"] == "J0042" and doc["rules"]
    with pytest.raises(InputError):
        run_explain("data/roster.csv", "J9999")

    problems, code = run_validate(["rules"])
    assert code == Exit.OK and not [p for p in problems if p.severity == "error"]
    Path("rules/99-bad.yaml").write_text("rules:\n  - id: x\n    when: {agee: {lt: 3}}\n")
    problems, code = run_validate(["rules"])
    assert code == Exit.FOUND and "unknown-field" in {p.code for p in problems}
    Path("rules/99-bad.yaml").unlink()

    run, code = run_rule_tests("rules", min_coverage=100)
    assert code == Exit.OK and run.results and not run.failed and run.percent == 100.0
    run, code = run_rule_tests("rules", min_coverage=100.5)
    assert code == Exit.FOUND and run.low

    plan, _ = run_plan("data/roster.csv")
    Path("a.json").write_bytes(to_json(plan))
    d, code = run_diff("a.json", "a.json")
    assert code == Exit.OK and not d["transfers_added"] and not d["exceptions_appeared"]

    done, code = run_apply("a.json", "data/roster.csv", "after.csv")
    assert code == Exit.OK and done == {"path": "after.csv", "rows": plan["summary"]["officers"]}
    assert Path("after.csv").read_bytes() != Path("data/roster.csv").read_bytes()
    with pytest.raises(InputError):  # never overwrite an input
        run_apply("a.json", "data/roster.csv", "data/roster.csv")

    schema, code = run_schema("plan")
    assert code == Exit.OK and "transfers" in schema["properties"]

    doc, code = codes("no_capacity")
    assert code == Exit.OK and doc["codes"][0]["code"] == "no_capacity"
