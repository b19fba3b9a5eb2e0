"""Conditions as polars expressions (Kleene logic: null is unknown) and their reasons.

The column evaluator for `plan` and `check`; `placement.evaluate.truth` is the record
evaluator for `explain`, rule tests and unit selectors, with the same semantics (SPEC §1.4).
`tests/test_engine_property.py` pins both to a reference evaluator written in the test.
"""

from __future__ import annotations

from typing import Any

import polars as pl

from placement.evaluate.show import show_value
from placement.load.rules.conditions import (
    NEGATED,
    SYMBOL,
    All,
    AnyOf,
    Broken,
    BrokenConditionError,
    Node,
    Not,
    Test,
)
from placement.load.vocab import GRADES, LEVELS, Vocabulary, rank_level


def column(node: Node) -> pl.Expr:
    """`expr`, broadcast to a full column even when the condition is constant."""
    return pl.when(pl.col("_row").is_not_null()).then(expr(node))


def expr(node: Node) -> pl.Expr:
    """A Boolean expression over the frame's columns: true, false or null (unknown) per officer.

    Raises BrokenConditionError for a condition that did not compile."""
    if isinstance(node, Test):
        return _test(node)
    if isinstance(node, All):
        if not node.parts:
            return pl.lit(True)
        return (
            pl.all_horizontal([expr(p) for p in node.parts])
            if len(node.parts) > 1
            else expr(node.parts[0])
        )
    if isinstance(node, AnyOf):
        if not node.parts:
            return pl.lit(False)
        return (
            pl.any_horizontal([expr(p) for p in node.parts])
            if len(node.parts) > 1
            else expr(node.parts[0])
        )
    if isinstance(node, Not):
        return ~expr(node.part)
    if isinstance(node, Broken):
        raise BrokenConditionError(node)
    raise TypeError(node)


def _lit(v: object) -> pl.Expr:
    if isinstance(v, (int, float)) and not isinstance(v, bool):
        return pl.lit(float(v), pl.Float64)
    return pl.lit(v)


def _test(t: Test) -> pl.Expr:
    c = pl.col(t.field)
    if t.ftype.kind == "term" and t.ftype.vocab == "rank" and t.op != "is_null" and not t.ref:
        return _rank_test(t)
    if t.op == "is_null":
        return c.is_null() if t.value else c.is_not_null()
    other = pl.col(t.ref) if t.ref else None
    if t.op == "contains":
        if other is not None:
            return pl.when(other.is_not_null()).then(c.list.contains(other))
        return c.list.contains(pl.lit(t.value))
    if t.op in ("in", "not_in"):
        assert isinstance(t.value, tuple)
        vals = list(t.value)
        if t.ftype.kind == "number":
            vals = [float(v) for v in vals]
        e = (
            c.is_in(pl.lit(pl.Series(vals)).implode())
            if vals
            else (pl.when(c.is_null()).then(None).otherwise(pl.lit(False)))
        )
        return ~e if t.op == "not_in" else e
    if t.op == "between":
        assert isinstance(t.value, tuple)
        lo, hi = t.value
        return (c >= _lit(lo)) & (c <= _lit(hi))
    rhs = other if other is not None else _lit(t.value)
    if t.op == "eq":
        return c == rhs
    if t.op == "ne":
        return c != rhs
    if t.op == "lt":
        return c < rhs
    if t.op == "le":
        return c <= rhs
    if t.op == "gt":
        return c > rhs
    if t.op == "ge":
        return c >= rhs
    raise ValueError(t.op)


def _rank_test(t: Test) -> pl.Expr:
    """A rank test over the column, as `vocab.rank_compare` on one officer: a level term
    matches every grade of its level; ordered tests compare by level, and by grade when both
    sides are grades. Empty rank is unknown; a term without a level fails ordered tests."""
    c = pl.col(t.field)
    levels = {term: rank_level(term)[0] for term in (*LEVELS, *GRADES)}
    keys = {term: rank_level(term)[1] for term in GRADES}
    level = c.replace_strict(levels, default=None, return_dtype=pl.Int32)
    key = c.replace_strict(keys, default=None, return_dtype=pl.Int32)

    def eq(v: object) -> pl.Expr:  # membership, cheaper than mapping every row to its level
        if v in LEVELS:
            same = [v, *(g for g, (lv, _p, _a) in GRADES.items() if lv == v)]
            return c.is_in(pl.lit(pl.Series(same, dtype=pl.String)).implode())
        return c == pl.lit(v)

    def cmp(op: str, v: object) -> pl.Expr:
        lv, kv = rank_level(v)
        if lv is None:
            return pl.lit(False)
        by_level = _ordered(level, op, lv)
        if kv is None:
            return by_level
        return pl.when(key.is_null()).then(by_level).otherwise(_ordered(key, op, kv))

    op, v = t.op, t.value
    if op in ("eq", "ne"):
        e = eq(v)
        e = ~e.fill_null(False) if op == "ne" else e
    elif op in ("in", "not_in"):
        assert isinstance(v, tuple)
        e = pl.any_horizontal([eq(x).fill_null(False) for x in v]) if v else pl.lit(False)
        e = ~e if op == "not_in" else e
    elif op == "between":
        assert isinstance(v, tuple)
        e = cmp("ge", v[0]).fill_null(False) & cmp("le", v[1]).fill_null(False)
    else:
        e = cmp(op, v)
    return pl.when(c.is_null()).then(None).otherwise(e.fill_null(False))


def shown(t_field: str, kind: str, labels: dict[str, str] | None = None) -> pl.Expr:
    """An officer's value as reasons print it: the column form of `show_value`."""
    c = pl.col(t_field)
    if kind == "number":
        return (
            pl.when(c == c.round())
            .then(c.cast(pl.Int64).cast(pl.String))
            .otherwise(c.cast(pl.String))
        )
    if kind == "bool":
        return pl.when(c).then(pl.lit("yes")).when(~c).then(pl.lit("no"))  # empty stays empty
    if kind == "term" and labels:
        return c.replace_strict(labels, default=c)
    return c.cast(pl.String)


def _text(v: object, t: Test, vocab: Vocabulary | None) -> str:
    return show_value(v, t.ftype, vocab)


def facts(node: Node, vocab: Vocabulary | None) -> list[tuple[pl.Expr, pl.Expr]]:
    """(holds, text) per leaf that can make the condition true: the reason's parts."""
    out: list[tuple[pl.Expr, pl.Expr]] = []
    if isinstance(node, Test):
        out.append((expr(node).fill_null(False), _fact_text(node, vocab, negated=False)))
    elif isinstance(node, (All, AnyOf)):
        for p in node.parts:
            out += facts(p, vocab)
    elif isinstance(node, Not) and isinstance(node.part, Test):
        out.append(
            ((~expr(node.part)).fill_null(False), _fact_text(node.part, vocab, negated=True))
        )
    return out


def _fact_text(t: Test, vocab: Vocabulary | None, negated: bool) -> pl.Expr:
    labels = None
    if t.ftype.kind == "term" and vocab is not None:
        labels = {term: vocab.label(t.ftype.vocab, term) for term in vocab.terms[t.ftype.vocab]}
    if t.op == "is_null":
        empty = t.value != negated
        return pl.lit(f"{t.field} {'empty' if empty else 'given'}")
    if t.op == "contains":
        what = f"$officer.{t.ref}" if t.ref else _text(t.value, t, vocab)
        return pl.lit(f"{t.field} {'does not contain' if negated else 'contains'} {what}")
    value = shown(t.field, t.ftype.kind, labels)
    sym = SYMBOL[t.op]
    if t.op == "eq" and not negated and not t.ref:
        return pl.lit(f"{t.field} {_text(t.value, t, vocab)}")
    if negated:
        sym = NEGATED[sym]
    if t.op == "between":
        assert isinstance(t.value, tuple)
        lo, hi = t.value
        word = "not in" if negated else "in"
        return pl.format(
            f"{t.field} {{}} {word} [{_text(lo, t, vocab)}, {_text(hi, t, vocab)}]", value
        )
    if t.ref:
        return pl.format(
            f"{t.field} {{}} {sym} $officer.{t.ref} ({{}})", value, pl.col(t.ref).cast(pl.String)
        )
    return pl.format(f"{t.field} {{}} {sym} {_text(t.value, t, vocab)}", value)


def reason_expr(node: Node, vocab: Vocabulary | None) -> pl.Expr:
    """Per officer, the facts (leaves) that hold, joined by "; " ("always" for a condition
    without tests): the reason text of a decision, flag or exemption."""
    parts = [pl.when(h).then(txt) for h, txt in facts(node, vocab)]
    if not parts:
        return pl.when(pl.col("_row").is_not_null()).then(pl.lit("always"))
    return pl.concat_str(parts, separator="; ", ignore_nulls=True)


def _ordered(a: pl.Expr, op: str, b: Any) -> pl.Expr:
    """`a op b` for the ordered operators lt, le, gt, ge."""
    if op == "lt":
        return a.lt(b)
    if op == "le":
        return a.le(b)
    if op == "gt":
        return a.gt(b)
    return a.ge(b)
