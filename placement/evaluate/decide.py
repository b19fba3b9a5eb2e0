"""What the rules decide for every officer.

Flags, exemptions, missing data, conflicts and decisions, column by column over the frame.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import numpy as np
import polars as pl

from placement.evaluate.compile import expr, reason_expr
from placement.load.rules.conditions import fields_of
from placement.load.rules.model import Rule, RuleSet

NONE, DECIDED, CONFLICT, WITHHELD = 0, 1, 2, 3
APPLIES, NO, UNKNOWN, EXEMPT = 1, 0, -1, 2


@dataclass
class Judgement:
    frame: pl.DataFrame  # evaluation frame (officers with a known unit)
    rules: list[Rule]  # rules in force, in rule order
    skipped: list[Rule]  # rules outside their effective dates
    status: np.ndarray  # (n, R) int8: APPLIES / NO / UNKNOWN / EXEMPT
    state: np.ndarray  # (n,) NONE / DECIDED / CONFLICT / WITHHELD
    decision: np.ndarray  # (n,) index into rules, or -1
    other: np.ndarray  # (n,) the second rule of a conflict, or -1
    flags: list[tuple[int, int]] = field(default_factory=list)  # (row, rule)
    exempt: list[tuple[int, int]] = field(default_factory=list)
    missing: list[tuple[int, int, str]] = field(default_factory=list)  # (row, rule, field)
    vocab: object = None

    def reasons(self, rule: int, rows: np.ndarray | list[int], unless: bool = False) -> list[str]:
        """The facts that made `rule` fire (or, with unless, exempted) for these rows."""
        r = self.rules[rule]
        node = r.unless if unless else r.when
        cols = ["_row", *[c for c in fields_of(node) if c in self.frame.columns]]
        frame = self.frame.select(cols)  # only what the reason reads, before gathering rows
        sub = frame[np.asarray(rows, dtype=np.int64)] if len(rows) else frame.head(0)
        return sub.select(reason_expr(node, self.vocab).alias("r"))["r"].fill_null("").to_list()


def judge(frame: pl.DataFrame, ruleset: RuleSet, as_of: dt.date) -> Judgement:
    rules = [r for r in ruleset.rules if r.in_force(as_of)]
    skipped = [r for r in ruleset.rules if not r.in_force(as_of)]
    n = frame.height
    exprs = []
    for i, r in enumerate(rules):
        w = expr(r.when)
        u = expr(r.unless) if r.unless is not None else pl.lit(False)
        a = w & ~u
        exprs.append(
            pl.when(~pl.col("_valid"))
            .then(pl.lit(NO, pl.Int8))
            .when(a)
            .then(pl.lit(APPLIES, pl.Int8))
            .when(w & u)
            .then(pl.lit(EXEMPT, pl.Int8))
            .when(a.is_null())
            .then(pl.lit(UNKNOWN, pl.Int8))
            .otherwise(pl.lit(NO, pl.Int8))
            .alias(f"s{i}")
        )
    status = (
        frame.select(exprs).to_numpy().astype(np.int8) if rules else np.zeros((n, 0), dtype=np.int8)
    )
    status = status.reshape(n, len(rules))
    j = Judgement(
        frame,
        rules,
        skipped,
        status,
        np.zeros(n, np.int8),
        np.full(n, -1, np.int32),
        np.full(n, -1, np.int32),
        vocab=ruleset.vocab,
    )
    _decide(j)
    return j


def _decide(j: Judgement) -> None:
    rules, status = j.rules, j.status
    n = status.shape[0]
    outcomes = {}
    outcome_id = np.array(
        [outcomes.setdefault(r.outcome(), len(outcomes)) for r in rules], dtype=np.int32
    )
    open_ = np.ones(n, dtype=bool)
    missing: list[tuple[int, int]] = []
    for i, r in enumerate(rules):
        col = status[:, i]
        if r.flag:
            j.flags += [(int(k), i) for k in np.flatnonzero(col == APPLIES)]
        j.exempt += [(int(k), i) for k in np.flatnonzero(col == EXEMPT)]
        if not r.acts:
            missing += [(int(k), i) for k in np.flatnonzero(col == UNKNOWN)]
    for level in sorted({r.priority for r in rules if r.acts}, reverse=True):
        at = [i for i, r in enumerate(rules) if r.acts and r.priority == level]
        unknown = np.zeros(n, dtype=bool)
        for i in at:
            u = (status[:, i] == UNKNOWN) & open_
            missing += [(int(k), i) for k in np.flatnonzero(u)]
            unknown |= u
        first = np.full(n, -1, dtype=np.int32)
        for i in at:
            take = (status[:, i] == APPLIES) & (first == -1) & open_ & ~unknown
            first[take] = i
        decided = first >= 0
        conflict = np.zeros(n, dtype=bool)
        for i in at:
            clash = (
                decided
                & (status[:, i] == APPLIES)
                & (outcome_id[i] != outcome_id[np.maximum(first, 0)])
            )
            j.other[clash & ~conflict] = i
            conflict |= clash
        j.state[unknown] = WITHHELD
        j.state[decided & ~conflict] = DECIDED
        j.state[conflict] = CONFLICT
        j.decision[decided] = first[decided]
        open_ &= ~(decided | unknown)
    if missing:
        j.missing = _missing_fields(j, missing)


def _missing_fields(j: Judgement, pairs: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
    """Name, for each (row, rule) that was unknown, the first field it reads that is empty."""
    out = []
    by_rule: dict[int, list[int]] = {}
    for row, i in pairs:
        by_rule.setdefault(i, []).append(row)
    for i, rows in by_rule.items():
        r = j.rules[i]
        names = [
            f
            for f in fields_of(r.when, True) + (fields_of(r.unless, True) if r.unless else [])
            if f in j.frame.columns
        ]
        names = list(dict.fromkeys(names))
        sub = j.frame.select(names)[np.asarray(rows, dtype=np.int64)] if names else None
        if names:
            first = sub.select(
                pl.coalesce([pl.when(pl.col(f).is_null()).then(pl.lit(f)) for f in names]).alias(
                    "f"
                )
            )["f"].to_list()
        else:
            first = [None] * len(rows)
        out += [(row, i, f or "") for row, f in zip(rows, first, strict=True)]
    out.sort()
    return out
