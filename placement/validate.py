"""`validate`: every error of the rule and units files, and the warnings (SPEC §3)."""

from __future__ import annotations

from pathlib import Path

from .problems import InputError, Problem
from .rules.lint import lint
from .rules.load import check_ruleset
from .units import load_units


def validate(paths: list[str], units_path: str | None) -> list[Problem]:
    problems: list[Problem] = []
    units = None
    upath = Path(units_path) if units_path else Path("data/units.yaml")
    if units_path or upath.exists():
        try:
            units = load_units(upath)
        except InputError as e:
            problems += e.problems
    ruleset, found = check_ruleset(paths, units)
    problems += found
    if not any(p.severity == "error" for p in problems):
        problems += lint(ruleset, units)
    return sorted(set(problems))
