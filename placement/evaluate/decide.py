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
from placement.load.rules.conditions import All, AnyOf, Node, Not, Test, fields_of
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

    def reasons(
        self, rule: int, ks: np.ndarray | list[int], unless: bool = False, lang: str = "en"
    ) -> list[str]:
        """The facts that made rule index `rule` fire (or, with unless, exempted it) for the
        officers at frame positions `ks`: one text per position, in order ("" if none). In
        English (`compile.reason_expr`), or with lang "zh" in Chinese, made from the same
        tests and values (`facts_zh.reason_expr_zh`)."""
        r = self.rules[rule]
        node = r.unless if unless else r.when
        assert node is not None, "unless=True for a rule without unless"
        cols = ["_row", *[c for c in fields_of(node) if c in self.frame.columns]]
        frame = self.frame.select(cols)  # only what the reason reads, before gathering rows
        sub = frame[np.asarray(ks, dtype=np.int64)] if len(ks) else frame.head(0)
        if lang == "zh":
            from placement.evaluate.facts_zh import reason_expr_zh

            text = reason_expr_zh(node, self.vocab)
        else:
            text = reason_expr(node, self.vocab)
        return sub.select(text.alias("r"))["r"].fill_null("").to_list()


def judge(frame: pl.DataFrame, ruleset: RuleSet, as_of: dt.date) -> Judgement:
    """Evaluate every rule in force on `as_of` for every officer of `frame` (from
    `build_frame`, with `_row` and `_valid`), and decide each officer's outcome by priority
    (SPEC §1.4, §2). Column by column; raises BrokenConditionError for a rule set that did not
    load cleanly."""
    rules = [r for r in ruleset.rules if r.in_force(as_of)]
    skipped = [r for r in ruleset.rules if not r.in_force(as_of)]
    n = frame.height
    status = statuses(frame, rules)
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


@dataclass
class Decisions:
    """What the rules do to each officer, from their statuses (SPEC §1.4).

    `held` (n, R) marks the unknown `move`/`set_post`/`keep` rules that keep the officer
    from being acted on; `listed` (n, R) every unknown rule the data-gap report lists."""

    state: np.ndarray  # (n,) int8 of State
    decision: np.ndarray  # (n,) deciding (or first conflicting) rule index, or -1
    other: np.ndarray  # (n,) the second rule of a conflict, or -1
    held: np.ndarray  # (n, R) bool
    listed: np.ndarray  # (n, R) bool


_LOWEST = np.iinfo(np.int64).min


def decide(status: np.ndarray, rules: list[Rule], leave_out: np.ndarray | None = None) -> Decisions:
    """Decide every officer from the (n, R) statuses of `rules` (in rule order).

    The highest priority with an applying `move`/`set_post`/`keep` rule decides; applying rules
    there with different outcomes are a conflict, listed unless an unknown acting rule of
    strictly higher priority defers it. An unknown rule is listed when its outcome could change
    what happens: a flag rule always; an acting rule at or above the deciding priority, unless
    an applying rule of its own priority asks for the same outcome (then it neither is listed
    nor holds the officer back). `leave_out` (n,) names, per officer, a rule to ignore (-1:
    none), as the fixed point of SPEC §2 point 6 leaves out the deciding rule."""
    n, nr = status.shape
    if leave_out is not None and nr:
        status = status.copy()
        rows = np.flatnonzero(leave_out >= 0)
        status[rows, leave_out[rows]] = Status.NO
    applies, unknown = status == Status.APPLIES, status == Status.UNKNOWN
    acts = np.array([r.acts for r in rules], dtype=bool)
    flags = np.array([r.flag is not None for r in rules], dtype=bool)
    prio = np.array([r.priority for r in rules], dtype=np.int64)
    kinds: dict[tuple, int] = {}
    outcome = np.array([kinds.setdefault(r.outcome(), len(kinds)) for r in rules], dtype=np.int64)
    level = np.full(n, _LOWEST, dtype=np.int64)  # the deciding priority
    first = np.full(n, -1, dtype=np.int32)
    other = np.full(n, -1, dtype=np.int32)
    conflict = np.zeros(n, dtype=bool)
    same = np.zeros((n, nr), dtype=bool)  # an applying rule of the same priority, same outcome
    for lv in sorted({int(p) for p, a in zip(prio, acts, strict=True) if a}, reverse=True):
        at = np.flatnonzero(acts & (prio == lv))
        open_ = first < 0
        for i in at:
            take = open_ & applies[:, i] & (first < 0)
            first[take] = i
        here = open_ & (first >= 0)
        level[here] = lv
        lead = outcome[np.maximum(first, 0)]
        for i in at:
            clash = here & applies[:, i] & (outcome[i] != lead) & ~conflict
            other[clash] = i
            conflict |= clash
        for i in at:
            for k in at:
                if outcome[k] == outcome[i]:
                    same[:, i] |= here & applies[:, k]
    above = prio[None, :] > level[:, None]
    at_level = prio[None, :] == level[:, None]
    held = unknown & acts[None, :] & (above | (at_level & ~same))
    listed = held | (unknown & flags[None, :])
    deferred = (unknown & acts[None, :] & above).any(axis=1)
    conflict &= ~deferred
    state = np.full(n, State.NONE, dtype=np.int8)
    state[first >= 0] = State.DECIDED
    withheld = held.any(axis=1)
    state[withheld] = State.WITHHELD
    state[conflict] = State.CONFLICT
    decision = np.where((state == State.DECIDED) | conflict, first, -1).astype(np.int32)
    other = np.where(conflict, other, -1).astype(np.int32)
    return Decisions(state, decision, other, held, listed)


def statuses(frame: pl.DataFrame, rules: list[Rule]) -> np.ndarray:
    """(n, R) int8 of Status: each rule for each row of `frame` (which has `_valid` and
    every field the rules read); an invalid row is NO everywhere."""
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
    return status.reshape(n, len(rules))


def _decide(j: Judgement) -> None:
    d = decide(j.status, j.rules)
    j.state, j.decision, j.other = d.state, d.decision, d.other
    for i, r in enumerate(j.rules):
        col = j.status[:, i]
        if r.flag:
            j.flags += [(int(k), i) for k in np.flatnonzero(col == Status.APPLIES)]
        j.exempt += [(int(k), i) for k in np.flatnonzero(col == Status.EXEMPT)]
    j.missing = missing_fields(j.frame, j.rules, d.listed)


def gap_node(rule: Rule) -> Node:
    """The condition a rule applies under: `when` and not `unless`."""
    return rule.when if rule.unless is None else All((rule.when, Not(rule.unless)))


def missing_fields(
    frame: pl.DataFrame, rules: list[Rule], listed: np.ndarray
) -> list[tuple[int, int, str]]:
    """(row, rule, field) for every listed unknown rule and every empty field that decides it:
    read by an unknown test whose enclosing all/any/not are all unknown too; a `$officer.X`
    reference names X. A row with no such field (cannot happen with typed rules) gets ''."""
    out: list[tuple[int, int, str]] = []
    for i, r in enumerate(rules):
        rows: np.ndarray = np.flatnonzero(listed[:, i])
        if not len(rows):
            continue
        node = gap_node(r)
        leaves = _deciding_leaves(node, pl.lit(True))
        names = [f for f in fields_of(node, True) if f in frame.columns]
        hits = np.zeros((len(rows), len(names)), dtype=bool)
        if names:
            read = [f for f in fields_of(node) if f in frame.columns]
            cols = [
                pl.any_horizontal(
                    [m & pl.col(name).is_null() for t, m in leaves if name in (t.field, t.ref)]
                    or [pl.lit(False)]
                )
                .fill_null(False)
                .alias(name)
                for name in names
            ]
            hits = frame.select(read)[rows.astype(np.int64)].select(cols).to_numpy().astype(bool)
        for pos, row in enumerate(rows.tolist()):
            found = [names[c] for c in np.flatnonzero(hits[pos])]
            out += [(row, i, f) for f in found] or [(row, i, "")]
    out.sort()
    return out


def _deciding_leaves(node: Node, outer: pl.Expr) -> list[tuple[Test, pl.Expr]]:
    """(test, mask) for each test that is not `is_null`: the mask holds where the test and
    every node enclosing it are unknown."""
    here = outer & expr(node).is_null()
    if isinstance(node, Test):
        return [] if node.op == "is_null" else [(node, here)]
    if isinstance(node, (All, AnyOf)):
        return [x for p in node.parts for x in _deciding_leaves(p, here)]
    if isinstance(node, Not):
        return _deciding_leaves(node.part, here)
    raise TypeError(node)
