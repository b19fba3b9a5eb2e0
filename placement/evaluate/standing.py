"""What would the rules do to an officer standing at unit U with post P? (SPEC §2 point 6)

The fixed point of a plan: a mover lands, a `set_post` is applied and (later) an appointee
takes a post only where, standing there as after `apply` — the unit's fields, the new post
and rank, `years_in_post` 0 (`post_since` the as-of date) — the other rules give no move, no
`set_post` that changes anything, no conflict and no unknown outcome. Flags, `keep` and
exemptions there do not count against a place.

`stand` answers this for many (officer, unit, post, rank) at once, by column: units are
reduced to classes of equal values on the unit fields the rules read, identical
hypothetical rows are evaluated once, and the rules run on that small frame.
"""

from __future__ import annotations

import datetime as dt
import weakref
from dataclasses import dataclass, replace

import numpy as np
import polars as pl

from placement.evaluate.compile import expr
from placement.evaluate.decide import State, decide, gap_node, missing_fields, statuses
from placement.evaluate.frame import units_frame, with_units
from placement.load.rules.conditions import All, AnyOf, Node, Not, Test, fields_of
from placement.load.rules.model import Rule
from placement.load.units import Units

# the fields a move, a post change or an appointment sets on the officer
_SET = ("unit", "post", "rank", "years_in_post", "post_since")


def read_fields(rules: list[Rule]) -> tuple[list[str], list[str]]:
    """(officer fields, unit fields) the deciding rules read, besides the ones a move sets."""
    read: list[str] = []
    for r in rules:
        if r.acts:
            read += [f for f in fields_of(gap_node(r)) if f not in read]
    unit = [f for f in read if f.startswith("unit.")]
    if "unit" in read and "unit.id" not in unit:
        unit.append("unit.id")
    officer = [f for f in read if not f.startswith("unit.") and f not in _SET]
    return officer, unit


def _settled(name: str | None) -> bool:
    """Is this field the same wherever the officer stands (not set by a move, not a unit's)?"""
    return name is None or not (name.startswith("unit.") or name in _SET or name == "unit")


def _leaves(node: Node, out: dict) -> None:
    if isinstance(node, Test):
        out.setdefault(node, f"_t{len(out)}")
    elif isinstance(node, (All, AnyOf)):
        for p in node.parts:
            _leaves(p, out)
    elif isinstance(node, Not):
        _leaves(node.part, out)


def _swap(node: Node, names: dict) -> Node:
    """The condition with each settled test read from its precomputed column."""
    if isinstance(node, Test):
        name = names.get(node)
        return node if name is None else Test(name, "eq", node.ftype, True)
    if isinstance(node, All):
        return All(tuple(_swap(p, names) for p in node.parts))
    if isinstance(node, AnyOf):
        return AnyOf(tuple(_swap(p, names) for p in node.parts))
    if isinstance(node, Not):
        return Not(_swap(node.part, names))
    raise TypeError(node)


def profiles(
    frame: pl.DataFrame, rows: np.ndarray, rules: list[Rule]
) -> tuple[pl.DataFrame, list[Rule]]:
    """What of officers `rows` the deciding rules can see wherever they stand: the value
    (true/false/null) of every test on settled fields only, and the raw settled fields the
    other tests read. Returns (profile frame, rules reading the tests' columns)."""
    names: dict = {}
    for r in rules:
        if r.acts:
            _leaves(gap_node(r), names)
    settled = {t: c for t, c in names.items() if _settled(t.field) and _settled(t.ref)}
    raw: list[str] = []
    for t in names:
        if t not in settled:
            raw += [f for f in (t.field, t.ref) if f and _settled(f) and f not in raw]
    need = list(dict.fromkeys([*raw, *(f for t in settled for f in (t.field, t.ref) if f)]))
    need = [f for f in need if f in frame.columns]
    sub = frame.select(need)[np.asarray(rows, dtype=np.int64)] if need else None
    cols = [sub[f] for f in raw if f in frame.columns] if sub is not None else []
    if settled and sub is not None:
        cols += sub.select([expr(t).alias(c) for t, c in settled.items()]).get_columns()
    swapped = [
        replace(
            r, when=_swap(r.when, settled), unless=_swap(r.unless, settled) if r.unless else None
        )
        for r in rules
    ]
    return pl.DataFrame(cols, height=len(rows)) if cols else pl.DataFrame(height=len(rows)), swapped


# Units -> (the unit fields read) -> unit id -> class representative
_CLASSES: weakref.WeakKeyDictionary[Units, dict[tuple[str, ...], dict[str, str]]] = (
    weakref.WeakKeyDictionary()
)


def unit_classes(units: Units, rules: list[Rule]) -> dict[str, str]:
    """Each unit id -> the first unit (file order) with the same values on every unit field
    the deciding rules read: the rules cannot tell two units of one class apart."""
    _, fields = read_fields(rules)
    key = tuple(fields)
    cache = _CLASSES.setdefault(units, {})
    if key not in cache:
        cache[key] = _classes(units, fields)
    return cache[key]


def _classes(units: Units, fields: list[str]) -> dict[str, str]:
    frame = units_frame(units)
    if not fields:  # the rules read no unit field: one class
        return {u: frame["unit"][0] for u in frame["unit"]}
    keys = frame.select(
        [pl.col(f).cast(pl.String) if f != "unit.tags" else pl.col(f).list.sort() for f in fields]
    ).rows()
    first: dict[tuple, str] = {}
    return {
        u: first.setdefault(tuple(map(_hashable, k)), u)
        for u, k in zip(frame["unit"], keys, strict=True)
    }


def _hashable(v: object) -> object:
    return tuple(v) if isinstance(v, list) else v


@dataclass
class Standing:
    """The rules' verdict on m hypothetical rows (officer standing at a unit with a post).

    `acting` (m, R) marks, in the full rule order, the rules that would act there: a decided
    move or post change, both rules of a conflict, and the unknown rules that would hold the
    officer back. `ok` is no such rule; `unknown_only` that every one is unknown."""

    rules: list[Rule]
    ok: np.ndarray  # (m,) bool
    acting: np.ndarray  # (m, R) bool
    unknown_only: np.ndarray  # (m,) bool
    group: np.ndarray  # (m,) distinct hypothetical row each row was evaluated as
    held: np.ndarray  # (g, R') held unknown rules per distinct row, R' = deciding rules
    deciding: list[int]  # rule index of each column of `held`
    where: tuple  # (frame, rows, unit, post, rank, units, as_of) the rows were built from

    def excluders(self, k: int) -> list[str]:
        """Ids of the rules that would act on row k."""
        return [self.rules[i].id for i in np.flatnonzero(self.acting[k])]

    def empty_fields(self, k: int) -> list[str]:
        """Empty fields that leave the rules' outcome unknown for row k (in rule order)."""
        frame, rows, unit, post, rank, units, as_of = self.where
        one = frame[[int(rows[k])]].with_columns(
            pl.lit(unit[k], pl.String).alias("unit"),
            pl.lit(post[k], pl.String).alias("post"),
            pl.lit(rank[k], pl.String).alias("rank"),
            pl.lit(0.0).alias("years_in_post"),
            pl.lit(as_of).alias("post_since"),
        )
        held = self.held[[int(self.group[k])]]
        found = missing_fields(with_units(one, units), [self.rules[i] for i in self.deciding], held)
        return list(dict.fromkeys(f for _r, _i, f in found if f))


def stand(
    frame: pl.DataFrame,
    rules: list[Rule],
    units: Units,
    as_of: dt.date,
    rows: np.ndarray,
    unit: list[str],
    post: list[str],
    rank: list[str] | None = None,
    leave_out: np.ndarray | None = None,
) -> Standing:
    """The rules on officers `rows` of the evaluation `frame` (m,), each standing at `unit`
    (m, unit ids) with `post` (m, terms) and `rank` (m, terms; default their own), as after
    `apply` (`years_in_post` 0). `leave_out` (m,) is a rule index per row that does not
    count (the rule that decided the move), or -1. `rules` are the rules in force."""
    m = len(rows)
    if rank is None:
        rank = frame["rank"].gather(rows).to_list()
    cls = unit_classes(units, rules)
    rows = np.asarray(rows, dtype=np.int64)
    hypo, seen = profiles(frame, rows, rules)
    hypo = hypo.with_columns(
        pl.Series("unit", [cls.get(u, u) for u in unit], dtype=pl.String),
        pl.Series("post", post, dtype=pl.String),
        pl.Series("rank", rank, dtype=pl.String),
        pl.Series("_leave", leave_out if leave_out is not None else np.full(m, -1), dtype=pl.Int64),
        pl.Series("_i", np.arange(m, dtype=np.int64)),
    )
    keys = [c for c in hypo.columns if c != "_i"]
    grouped = hypo.group_by(keys, maintain_order=True).agg(pl.col("_i"))
    group = np.empty(m, dtype=np.int64)
    idx = grouped.with_row_index("_g").select("_g", "_i").explode("_i")
    group[idx["_i"].to_numpy()] = idx["_g"].to_numpy()
    uniq = with_units(
        grouped.drop("_i").with_columns(
            pl.lit(0.0).alias("years_in_post"),
            pl.lit(as_of).alias("post_since"),
            pl.lit(True).alias("_valid"),
            pl.int_range(pl.len()).alias("_row"),
        ),
        units,
    )
    deciding = [i for i, r in enumerate(rules) if r.acts]
    sub = [rules[i] for i in deciding]
    column = {i: c for c, i in enumerate(deciding)}
    leave = np.array([column.get(int(v), -1) for v in uniq["_leave"].to_list()], dtype=np.int64)
    d = decide(statuses(uniq, [seen[i] for i in deciding]), sub, leave)
    g, nr = uniq.height, len(rules)
    acts = np.zeros((g, nr), dtype=bool)
    acts[:, deciding] = d.held
    post_now = uniq["post"].to_numpy()
    for c, r in enumerate(sub):
        chosen = (d.state == State.DECIDED) & (d.decision == c)
        if r.move is not None:
            acts[chosen, deciding[c]] = True
        elif r.set_post is not None:
            acts[chosen & (post_now != r.set_post), deciding[c]] = True
    for k in np.flatnonzero(d.state == State.CONFLICT):
        acts[k, deciding[d.decision[k]]] = acts[k, deciding[d.other[k]]] = True
    known = acts.copy()
    known[:, deciding] &= ~d.held
    ok: np.ndarray = np.logical_not(acts.any(axis=1))
    unknown_only: np.ndarray = np.logical_and(~ok, np.logical_not(known.any(axis=1)))
    where = (frame, rows, unit, post, rank, units, as_of)
    return Standing(
        rules, ok[group], acts[group], unknown_only[group], group, d.held, deciding, where
    )
