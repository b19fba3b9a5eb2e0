"""docs/rules.md and docs/rules.zh.md name everything the loader accepts: every section key,
rule key, action, selector key, operator, expect key and field (lists taken from the code)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from placement.load.rules import files as F
from placement.load.rules.appointments import AppointmentFile
from placement.load.rules.conditions import OPS
from placement.load.schema import DERIVED_FIELDS, ROSTER_FIELDS, UNIT_FIELDS
from placement.load.units import Unit, UnitsFile

DOCS = Path(__file__).resolve().parent.parent / "docs"

NAMES = {
    "section": list(F.RuleSetFile.model_fields),
    "rule key": list(F.RuleFile.model_fields),
    "action": list(F.ThenFile.model_fields),
    "move key": list(F.MoveFile.model_fields),
    "target key": list(F.TargetFile.model_fields) + list(F.Share.model_fields),
    "allowance key": list(F.AllowanceFile.model_fields),
    "field declaration key": list(F.FieldDecl.model_fields) + ["str", "number", "date", "bool"],
    "test key": list(F.RuleTestFile.model_fields),
    "expect key": list(F.ExpectFile.model_fields),
    "appointment key": list(AppointmentFile.model_fields),
    "units file key": list(UnitsFile.model_fields) + list(Unit.model_fields),
    "operator": list(OPS),
    "condition node": ["all", "any", "not"],
    "roster field": list(ROSTER_FIELDS),
    "derived field": list(DERIVED_FIELDS),
    "unit field": [f"unit.{n}" for n in UNIT_FIELDS],
    "literal form": ["$officer."],
}


def mentioned(text: str, name: str) -> bool:
    return re.search(rf"(?<![\w.$]){re.escape(name)}(?![\w])", text) is not None or (
        name.endswith(".") and name in text
    )


@pytest.mark.parametrize("doc", ["rules.md", "rules.zh.md"])
def test_the_rules_guide_names_everything_the_loader_accepts(doc):
    text = (DOCS / doc).read_text(encoding="utf-8")
    missing = [
        f"{kind} {n}" for kind, names in NAMES.items() for n in names if not mentioned(text, n)
    ]
    assert missing == []


def test_the_readme_links_the_rules_guide():
    readme = (DOCS.parent / "README.md").read_text(encoding="utf-8")
    assert "docs/rules.md" in readme and "docs/rules.zh.md" in readme
