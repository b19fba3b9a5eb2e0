"""`validate`: every error of the rule and units files, and the warnings (SPEC §3)."""

from __future__ import annotations

from pathlib import Path

from placement.load.rules.lint import lint
from placement.load.rules.load import check_ruleset
from placement.load.units import load_units
from placement.problems import InputError, Problem


def validate(paths: list[str], units_path: str | None) -> list[Problem]:
    """Every problem of the rule files or folders `paths` and of the units file (given, or
    data/units.yaml when it exists; none is loaded otherwise), sorted and without repeats:
    the errors, and when there is none, the warnings of load.rules.lint.

    Raises InputError `rules-missing` when a path does not exist or holds no rule file."""
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
