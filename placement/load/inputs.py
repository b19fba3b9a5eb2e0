"""Load the three inputs and judge the roster: the common start of check, explain and plan."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import partial
from pathlib import Path

import numpy as np
import polars as pl

from placement.documents import Entry
from placement.evaluate.decide import Judgement, State, judge
from placement.evaluate.frame import build_frame
from placement.load.roster.fetch import Reading
from placement.load.roster.load import Roster, read_roster
from placement.load.rules.load import load_ruleset
from placement.load.rules.model import RuleSet
from placement.load.units import Units, load_units
from placement.messages.registry import Message
from placement.messages.rows import said
from placement.problems import InputError, problem


@dataclass
class Inputs:
    units: Units
    ruleset: RuleSet
    roster: Roster
    as_of: dt.date
    judgement: Judgement

    @property
    def frame(self) -> pl.DataFrame:
        """The judged evaluation frame: one row per roster officer, position k (0-based),
        `_row` the sheet row; evaluate.frame.build_frame describes its columns."""
        return self.judgement.frame


UNITS_DEFAULT = ("data/units.yaml", "--units FILE")
RULES_DEFAULT = ("rules/", "--rules DIR")


def default_paths(*given: tuple[str | Path | None, tuple[str, str]]) -> list[Path]:
    """Each path given, or its default `(default, option)`, which must exist.

    Raises InputError naming every missing default at once (`missing-default`), so that a
    user started in the wrong folder learns every option to give in one run (SPEC §3)."""
    out: list[Path] = []
    missing = []
    for value, (default, option) in given:
        p = Path(value) if value is not None else Path(default)
        if value is None and not p.exists():
            missing.append(
                problem("missing-default", default, default=default, cwd=Path.cwd(), option=option)
            )
        out.append(p)
    if missing:
        raise InputError(missing)
    return out


def load_inputs(
    roster_path: str | Path,
    rules: str | Path | None = None,
    units: str | Path | None = None,
    as_of: dt.date | None = None,
    keep_cells: bool = True,
    reading: Reading | None = None,
    sheet: str | None = None,
) -> Inputs:
    """The three inputs, loaded and judged. The roster file is read in a worker thread while
    the units and rules are loaded (`reading`: one the caller started even earlier); their
    errors, if any, are reported first, as when the three are read one after the other."""
    units_path, rules_path = default_paths((units, UNITS_DEFAULT), (rules, RULES_DEFAULT))
    reading = reading or Reading(roster_path, sheet)
    unit_set = load_units(units_path)
    ruleset = load_ruleset([rules_path], unit_set)
    file = reading.take()
    as_of = as_of or ruleset.as_of or dt.date.today()
    roster = read_roster(
        roster_path, unit_set, ruleset.vocab, ruleset.extras, as_of, keep_cells, file
    )
    frame = build_frame(roster.officers, unit_set, as_of)
    return Inputs(unit_set, ruleset, roster, as_of, judge(frame, ruleset, as_of))


def rule_entries(inputs: Inputs) -> list[Entry]:
    """The exception entries the judgement gives, in this order: `missing_data` (a rule left
    unknown by an empty field, one per field), `exempt` (an `unless` held, with its facts),
    `conflict` (two rules of one priority asking different things). `row` is the sheet row."""
    j = inputs.judgement
    f = j.frame
    conflicts = np.flatnonzero(j.state == State.CONFLICT).tolist()
    needed = sorted({k for k, _i, _f in j.missing} | {k for k, _i in j.exempt} | set(conflicts))
    sub = f.select("officer_id", "_row")[needed] if needed else f.select("officer_id", "_row")
    ids = dict(zip(needed, sub["officer_id"].to_list(), strict=True)) if needed else {}
    rows = dict(zip(needed, sub["_row"].to_list(), strict=True)) if needed else {}
    out = []
    for k, i, field in j.missing:
        r = j.rules[i]
        out.append(
            entry(
                ids[k],
                rows[k],
                "missing_data",
                r.id,
                field or None,
                Message("missing_data", {"rule": r.id, "field": field or "a field"}),
            )
        )
    by_rule: dict[int, list[int]] = {}
    for k, i in j.exempt:
        by_rule.setdefault(i, []).append(k)
    for i, ks in by_rule.items():
        r = j.rules[i]
        whys = said(
            j.reasons(i, ks, unless=True),
            partial(j.reasons, i, ks, unless=True, lang="zh"),
        )
        for k, why in zip(ks, whys, strict=True):
            out.append(
                entry(
                    ids[k],
                    rows[k],
                    "exempt",
                    r.id,
                    None,
                    Message("exempt", {"rule": r.id, "title": r.title, "why": why}),
                )
            )
    for k in conflicts:
        a, b = j.rules[j.decision[k]], j.rules[j.other[k]]
        out.append(
            entry(
                ids[k],
                rows[k],
                "conflict",
                a.id,
                None,
                Message("conflict", {"a": a.id, "b": b.id, "priority": a.priority}),
            )
        )
    return out


def entry(
    officer_id: str | None,
    row: int | None,
    code: str,
    rule_id: str | None,
    field: str | None,
    message: Message,
) -> Entry:
    """One item of a plan's `exceptions`: who (officer_id, `row` the roster's sheet row, 1 = the
    header), the declared exception `code`, the rule and field concerned, and the Message."""
    return {
        "officer_id": officer_id,
        "row": row,
        "code": code,
        "rule_id": rule_id,
        "field": field,
        "message": message,
    }


def sort_entries(entries: list[Entry]) -> list[Entry]:
    """The entries sorted by (officer_id, sheet row, code, rule_id, field), empty first: the
    order of every document's `exceptions`. A new list; `entries` is not changed."""
    return sorted(
        entries,
        key=lambda e: (
            e["officer_id"] or "",
            e["row"] or 0,
            e["code"],
            str(e.get("unit_id") or ""),
            str(e.get("post") or ""),
            e["rule_id"] or "",
            e["field"] or "",
        ),
    )
