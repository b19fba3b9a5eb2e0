"""What the rules decide for every officer.

Flags, exemptions, missing data, conflicts and decisions, column by column over the frame.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import IntEnum

import numpy as np
import polars as pl

from placement.evaluate.compile import expr, reason_expr
from placement.load.rules.conditions import fields_of
from placement.load.rules.model import Rule, RuleSet
from placement.load.vocab import Vocabulary


class State(IntEnum):
    """An officer's outcome over all rules (`Judgement.state`, int8)."""

    NONE = 0  # no rule that acts applies
    DECIDED = 1  # one outcome at the highest priority that applies
    CONFLICT = 2  # two different outcomes at that priority
    WITHHELD = 3  # a rule at that priority is unknown for missing data


class Status(IntEnum):
    """One rule's verdict for one officer (`Judgement.status`, int8)."""

    NO = 0
    APPLIES = 1
    UNKNOWN = -1  # the condition reads an empty field
    EXEMPT = 2  # `when` holds and `unless` holds too


@dataclass
class Judgement:
    frame: pl.DataFrame  # evaluation frame (officers with a known unit)
    rules: list[Rule]  # rules in force, in rule order
    skipped: list[Rule]  # rules outside their effective dates
    # n officers (frame positions k = 0..n-1), R rules in force; `_row` of the frame is the
    # officer's sheet row, which only the outputs use
    status: np.ndarray  # (n, R) int8 of Status
    state: np.ndarray  # (n,) int8 of State
    decision: np.ndarray  # (n,) int32 index into rules, or -1
    other: np.ndarray  # (n,) int32: the second rule of a conflict, or -1
    flags: list[tuple[int, int]] = field(default_factory=list)  # (k, rule index)
    exempt: list[tuple[int, int]] = field(default_factory=list)  # (k, rule index)
    missing: list[tuple[int, int, str]] = field(default_factory=list)  # (k, rule index, field)
    vocab: Vocabulary | None = None

    def reasons(self, rule: int, ks: np.ndarray | list[int], unless: bool = False) -> list[str]:
        """The facts that made rule index `rule` fire (or, with unless, exempted it) for the
        officers at frame positions `ks`: one text per position, in order ("" if none)."""
        r = self.rules[rule]
        node = r.unless if unless else r.when
        assert node is not None, "unless=True for a rule without unless"
        cols = ["_row", *[c for c in fields_of(node) if c in self.frame.columns]]
        frame = self.frame.select(cols)  # only what the reason reads, before gathering rows
        sub = frame[np.asarray(ks, dtype=np.int64)] if len(ks) else frame.head(0)
        return sub.select(reason_expr(node, self.vocab).alias("r"))["r"].fill_null("").to_list()


def judge(frame: pl.DataFrame, ruleset: RuleSet, as_of: dt.date) -> Judgement:
    """Evaluate every rule in force on `as_of` for every officer of `frame` (from
    `build_frame`, with `_row` and `_valid`), and decide each officer's outcome by priority
    (SPEC §1.4, §2). Column by column; raises BrokenConditionError for a rule set that did not
    load cleanly."""
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
            .then(pl.lit(int(Status.NO), pl.Int8))
            .when(a)
            .then(pl.lit(int(Status.APPLIES), pl.Int8))
            .when(w & u)
            .then(pl.lit(int(Status.EXEMPT), pl.Int8))
            .when(a.is_null())
            .then(pl.lit(int(Status.UNKNOWN), pl.Int8))
            .otherwise(pl.lit(int(Status.NO), pl.Int8))
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
    outcomes: dict[tuple[object, ...], int] = {}
    outcome_id = np.array(
        [outcomes.setdefault(r.outcome(), len(outcomes)) for r in rules], dtype=np.int32
    )
    open_ = np.ones(n, dtype=bool)
    missing: list[tuple[int, int]] = []
    for i, r in enumerate(rules):
        col = status[:, i]
        if r.flag:
            j.flags += [(int(k), i) for k in np.flatnonzero(col == Status.APPLIES)]
        j.exempt += [(int(k), i) for k in np.flatnonzero(col == Status.EXEMPT)]
        if not r.acts:
            missing += [(int(k), i) for k in np.flatnonzero(col == Status.UNKNOWN)]
    for level in sorted({r.priority for r in rules if r.acts}, reverse=True):
        at = [i for i, r in enumerate(rules) if r.acts and r.priority == level]
        unknown = np.zeros(n, dtype=bool)
        for i in at:
            u = (status[:, i] == Status.UNKNOWN) & open_
            missing += [(int(k), i) for k in np.flatnonzero(u)]
            unknown |= u
        first = np.full(n, -1, dtype=np.int32)
        for i in at:
            take = (status[:, i] == Status.APPLIES) & (first == -1) & open_ & ~unknown
            first[take] = i
        decided = first >= 0
        conflict = np.zeros(n, dtype=bool)
        for i in at:
            clash = (
                decided
                & (status[:, i] == Status.APPLIES)
                & (outcome_id[i] != outcome_id[np.maximum(first, 0)])
            )
            j.other[clash & ~conflict] = i
            conflict |= clash
        j.state[unknown] = State.WITHHELD
        j.state[decided & ~conflict] = State.DECIDED
        j.state[conflict] = State.CONFLICT
        j.decision[decided] = first[decided]
        open_ &= ~(decided | unknown)
    if missing:
        j.missing = _missing_fields(j, missing)


def _missing_fields(j: Judgement, pairs: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
    """Name, for each (k, rule index) that was unknown, the first field it reads that is empty."""
    out: list[tuple[int, int, str]] = []
    by_rule: dict[int, list[int]] = {}
    for k, i in pairs:
        by_rule.setdefault(i, []).append(k)
    for i, ks in by_rule.items():
        r = j.rules[i]
        names = [
            f
            for f in fields_of(r.when, True) + (fields_of(r.unless, True) if r.unless else [])
            if f in j.frame.columns
        ]
        names = list(dict.fromkeys(names))
        if names:
            sub = j.frame.select(names)[np.asarray(ks, dtype=np.int64)]
            first = sub.select(
                pl.coalesce([pl.when(pl.col(f).is_null()).then(pl.lit(f)) for f in names]).alias(
                    "f"
                )
            )["f"].to_list()
        else:
            first = [None] * len(ks)
        out += [(k, i, f or "") for k, f in zip(ks, first, strict=True)]
    out.sort()
    return out
