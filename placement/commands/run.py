"""Each command as a plain function: parsed option values in, `(document, exit code)` out.

The click layer (`placement/cli/`) parses options, calls one of these, renders the document
in the format and language asked for, and exits with the code (as OPA's `checkModules` is
the core of `opa check`). Tests call them directly. Exit codes are `placement.problems.Exit`
(0 nothing to report, 1 something found, 2 bad input: `InputError` is raised and the click
layer renders its problems).

`sheet` names the workbook sheet to read (else the active one; a `reading` already
started has its own). `step(en, zh)`, where taken, is told each stage (the CLI's progress
lines). `seen`, where taken, is filled with what a renderer needs beyond the document
(`inputs`, `warnings`).
Heavy modules are imported inside the functions: `placement --help` stays light.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from placement.problems import Exit, InputError, Problem, problem

if TYPE_CHECKING:
    from placement.commands.ruletest import CaseResult, Coverage
    from placement.documents import CheckDocument, DiffDocument, PlanDocument
    from placement.load.roster.fetch import Reading
    from placement.load.rules.model import RuleSet

Step = Callable[[str, str], None]


def _quiet(en: str, zh: str) -> None:
    return None


def run_plan(
    roster: str,
    rules: str | None = None,
    units: str | None = None,
    as_of: dt.date | None = None,
    pin_file: str | None = None,
    *,
    sheet: str | None = None,
    reading: Reading | None = None,
    step: Step = _quiet,
    seen: dict[str, Any] | None = None,
) -> tuple[PlanDocument, Exit]:
    """`placement plan`: the plan document (SPEC §4) and Exit.OK; `seen` gets the `inputs`
    and the rule files' `warnings` (Problems). InputError on bad input."""
    from placement.load.inputs import load_inputs
    from placement.load.pins import load_pins
    from placement.place.plan import make_plan, plan_warnings

    step(
        "reading the rules, units and roster; judging every officer",
        "读取规则、单位和名册，逐人判定",
    )
    inputs = load_inputs(
        roster, rules, units, as_of, keep_cells=False, reading=reading, sheet=sheet
    )
    pins = load_pins(pin_file) if pin_file else []
    step(
        f"placing the movers of {inputs.roster.rows} officers",
        f"为 {inputs.roster.rows} 名民警中的调动人员安排单位",
    )
    doc = make_plan(inputs, pins)
    if seen is not None:
        seen["inputs"] = inputs
        seen["warnings"] = plan_warnings(inputs)
    return doc, Exit.OK


def run_check(
    roster: str,
    rules: str | None = None,
    units: str | None = None,
    as_of: dt.date | None = None,
    *,
    sheet: str | None = None,
    reading: Reading | None = None,
    step: Step = _quiet,
    seen: dict[str, Any] | None = None,
) -> tuple[CheckDocument, Exit]:
    """`placement check`: the check document (SPEC §4); Exit.FOUND when it reports anything
    (violations, flags, unmet targets, posts), else Exit.OK. `seen` gets the `inputs`."""
    from placement.commands.check import check, check_failed
    from placement.load.inputs import load_inputs

    step(
        "reading the rules, units and roster; judging every officer",
        "读取规则、单位和名册，逐人判定",
    )
    inputs = load_inputs(
        roster, rules, units, as_of, keep_cells=False, reading=reading, sheet=sheet
    )
    step("listing violations", "列出违反规则的情况")
    doc = check(inputs)
    if seen is not None:
        seen["inputs"] = inputs
    return doc, Exit.FOUND if check_failed(doc) else Exit.OK


def run_explain(
    roster: str,
    officer_id: str,
    rules: str | None = None,
    units: str | None = None,
    as_of: dt.date | None = None,
    pin_file: str | None = None,
    sheet: str | None = None,
) -> tuple[dict, Exit]:
    """`placement explain`: one officer's explain document (the plan made with the same
    options, pins included; `sheet` the workbook sheet to read, else the active one) and
    Exit.OK; InputError for an officer not in the roster."""
    from placement.commands.explain import explain
    from placement.load.inputs import load_inputs
    from placement.load.pins import load_pins
    from placement.place.plan import make_plan

    inputs = load_inputs(roster, rules, units, as_of, sheet=sheet)
    pins = load_pins(pin_file) if pin_file else []
    return explain(inputs, officer_id, make_plan(inputs, pins)), Exit.OK


def run_explain_post(
    roster: str,
    spec: str,
    rules: str | None = None,
    units: str | None = None,
    as_of: dt.date | None = None,
    pin_file: str | None = None,
    sheet: str | None = None,
    limit: int | None = 20,
) -> tuple[dict, Exit]:
    """`placement explain --post UNIT:POST`: one leadership post's explain document
    (commands.explain_post; the plan made with the same options, pins included; `limit`
    candidates, None for all) and Exit.OK; InputError (exit 2) for a bad UNIT:POST, checked
    before the plan is made."""
    from placement.commands.explain_post import explain_post, parse_spec
    from placement.load.inputs import load_inputs
    from placement.load.pins import load_pins
    from placement.place.plan import make_plan

    inputs = load_inputs(roster, rules, units, as_of, sheet=sheet)
    pins = load_pins(pin_file) if pin_file else []
    parse_spec(inputs, spec)
    return explain_post(inputs, spec, make_plan(inputs, pins), limit), Exit.OK


def run_validate(
    paths: list[str], units: str | None = None, strict: bool = False
) -> tuple[list[Problem], Exit]:
    """`placement validate`: every problem of the rule and units files (errors and
    warnings, sorted) and Exit.FOUND when one fails (an error; a warning too with
    `strict`), else Exit.OK. Unreadable files are problems here, not InputError."""
    from placement.commands.validate import validate

    try:
        problems = validate(list(paths) or ["rules"], units)
    except InputError as e:
        problems = e.problems
    failing = [p for p in problems if p.severity == "error" or strict]
    return problems, Exit.FOUND if failing else Exit.OK


@dataclass
class TestRun:
    """The document of `placement test`: each case's result, the coverage, its percentage."""

    results: list[CaseResult]
    coverage: Coverage
    ruleset: RuleSet
    percent: float
    min_coverage: float | None

    @property
    def failed(self) -> list[CaseResult]:
        """The cases that did not pass, in the order they ran."""
        return [r for r in self.results if not r.passed]

    @property
    def low(self) -> bool:
        """Is coverage below `min_coverage` (never, without one)?"""
        return self.min_coverage is not None and self.percent < self.min_coverage


def run_rule_tests(
    path: str | None = None, units: str | None = None, min_coverage: float | None = None
) -> tuple[TestRun, Exit]:
    """`placement test`: run every `tests:` case of the rule files at `path` (default
    `rules/`); Exit.FOUND when a case fails or coverage (percent of rule outcomes seen) is
    below `min_coverage`, else Exit.OK. InputError when `path` holds no rule file."""
    from placement.commands.ruletest import run_tests as run_cases
    from placement.load.inputs import UNITS_DEFAULT, default_paths
    from placement.load.rules.load import load_ruleset
    from placement.load.units import load_units

    units_path, rules_path = default_paths(
        (units, UNITS_DEFAULT), (path, ("rules/", "the rules folder: placement test DIR"))
    )
    if path is not None and not _rule_files(rules_path):
        raise InputError(problem("test-argument", str(rules_path), path=str(rules_path)))
    unit_set = load_units(units_path)
    rs = load_ruleset([rules_path], unit_set)
    results, cov = run_cases(rs, unit_set)
    run = TestRun(results, cov, rs, cov.percent(rs), min_coverage)
    return run, Exit.FOUND if run.failed or run.low else Exit.OK


def _rule_files(path: Path) -> bool:
    """Is `path` a rule file (*.yaml, *.yml) or a folder holding one?"""
    if path.is_dir():
        return any(f.suffix in (".yaml", ".yml") for f in path.iterdir())
    return path.suffix in (".yaml", ".yml") and path.exists()


def run_diff(old_plan: str, new_plan: str) -> tuple[DiffDocument, Exit]:
    """`placement diff`: the diff document of two plan JSON files and Exit.OK; InputError
    for a file that is not a plan document."""
    from placement.commands.apply import load_plan
    from placement.commands.diff import diff_plans

    return diff_plans(load_plan(old_plan), load_plan(new_plan)), Exit.OK


def run_apply(
    plan: str,
    roster: str,
    output: str,
    force: bool = False,
    rules: str | None = None,
    units: str | None = None,
    sheet: str | None = None,
) -> tuple[dict, Exit]:
    """`placement apply`: write `roster` (the plan's sheet, or `sheet`; for a plan without one,
    the active sheet) as it will be after `plan` to `output` (same rows, columns and format);
    returns ({"path": output, "rows": officer rows written}, Exit.OK).
    InputError for an output that names an input or has another format's suffix, a file
    that is not a plan, or a plan made from another roster or sheet (unless `force`)."""
    from placement.commands.apply import (
        applied_rows,
        check_suffix,
        load_plan,
        plan_sheet,
        serialise,
    )
    from placement.load.inputs import RULES_DEFAULT, UNITS_DEFAULT, default_paths
    from placement.load.roster.load import read_roster
    from placement.load.rules.load import load_ruleset
    from placement.load.units import load_units
    from placement.report.write import guard, write_atomic

    # refuse a bad -o before any work: never an input, and in the roster's own format
    target = guard(Path(output), [plan, roster, rules or "rules", units or "data/units.yaml"])
    check_suffix(roster, output)
    doc = load_plan(plan)
    units_path, rules_path = default_paths((units, UNITS_DEFAULT), (rules, RULES_DEFAULT))
    unit_set = load_units(units_path)
    ruleset = load_ruleset([rules_path], unit_set)
    sheet = plan_sheet(doc, roster, sheet, force)
    r = read_roster(roster, unit_set, ruleset.vocab, ruleset.extras, sheet=sheet)
    rows = applied_rows(doc, r, unit_set, ruleset.vocab, force)
    write_atomic(target, serialise(rows, r, doc.get("as_of")))
    return {"path": output, "rows": len(rows) - 1}, Exit.OK


def run_schema(which: str = "rules", rules: str | None = None) -> tuple[dict, Exit]:
    """`placement schema`: the JSON Schema (draft 2020-12) of a rule file (`which` "rules";
    with `rules`, that rule set's declared fields and terms included) or of a "plan",
    "check", "explain" or "diff" document; Exit.OK."""
    if which == "rules":
        from placement.load.rules.files import rules_schema

        if rules:
            from placement.load.rules.load import check_ruleset

            rs, _problems = check_ruleset([rules], None)
            schema = rules_schema(rs.fields, rs.vocab)
        else:
            schema = rules_schema()
    else:
        from placement.documents import json_schema

        schema = json_schema(which)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return schema, Exit.OK
