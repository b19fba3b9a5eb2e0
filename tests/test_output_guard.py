"""`-o` never overwrites an input, a file that an input folder is read from included
(SPEC §3: "-o ... refuses to overwrite an input"; the rules folder is read whole)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from placement.cli.main import main
from tests.scenario import officer, unit, write_scenario

DOWN = {
    "id": "down",
    "title": "young organ officers go down",
    "priority": 10,
    "when": {"unit.tier": "organ", "age": {"le": 30}},
    "then": {"move": {"to": {"tier": "grassroots"}}},
}


@pytest.fixture()
def scene(tmp_path: Path) -> Path:
    units = [unit("ORG", "organ"), unit("PCS1", "station")]
    write_scenario(tmp_path, units, [DOWN], [officer("A1", "ORG", 25), officer("B1", "PCS1", 50)])
    return tmp_path


def _run(root: Path, *argv: str):
    here = os.getcwd()
    os.chdir(root)
    try:
        base = ["--rules", "rules", "--units", "units.yaml"]
        return CliRunner().invoke(main, [*argv, *base], catch_exceptions=False)
    finally:
        os.chdir(here)


@pytest.mark.parametrize(
    ("fmt", "name"), [("md", "x.yaml"), ("json", "x.yml"), ("table", "x.yaml")]
)
@pytest.mark.parametrize("command", ["plan", "check"])
def test_a_rule_file_in_the_rules_folder_is_never_overwritten(scene, command, fmt, name):
    rule_file = next((scene / "rules").glob("*.yaml"))
    target = rule_file.with_name(name) if name.startswith("x.y") else rule_file
    for out in (rule_file, target):
        before = sorted((p.name, p.read_bytes()) for p in (scene / "rules").iterdir())
        rel = str(out.relative_to(scene))
        r = _run(scene, command, "roster.csv", "--format", fmt, "-o", rel)
        assert r.exit_code == 2, r.output
        assert f"{rel}: output-is-input" in r.output
        assert sorted((p.name, p.read_bytes()) for p in (scene / "rules").iterdir()) == before


def test_other_files_beside_the_rules_are_still_written(scene):
    r = _run(scene, "plan", "roster.csv", "-o", "rules/plan.md")
    assert r.exit_code == 0, r.output
    assert (scene / "rules" / "plan.md").read_text(encoding="utf-8").startswith("#")
