"""Conditions as polars expressions (Kleene logic: null is unknown) and their reasons."""

from __future__ import annotations

import polars as pl

from placement.load.rules.conditions import NEGATED, SYMBOL, All, AnyOf, Node, Not, Test


def column(node: Node) -> pl.Expr:
    """`expr`, broadcast to a full column even when the condition is constant."""
    return pl.when(pl.col("_row").is_not_null()).then(expr(node))


def expr(node: Node) -> pl.Expr:
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
    raise TypeError(node)


def _lit(v):
    if isinstance(v, (int, float)) and not isinstance(v, bool):
        return pl.lit(float(v), pl.Float64)
    return pl.lit(v)


def _test(t: Test) -> pl.Expr:
    c = pl.col(t.field)
    if t.op == "is_null":
        return c.is_null() if t.value else c.is_not_null()
    other = pl.col(t.ref) if t.ref else None
    if t.op == "contains":
        if other is not None:
            return pl.when(other.is_not_null()).then(c.list.contains(other))
        return c.list.contains(pl.lit(t.value))
    if t.op in ("in", "not_in"):
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
        lo, hi = t.value
        return (c >= _lit(lo)) & (c <= _lit(hi))
    rhs = other if other is not None else _lit(t.value)
    return {
        "eq": c.__eq__,
        "ne": c.__ne__,
        "lt": c.__lt__,
        "le": c.__le__,
        "gt": c.__gt__,
        "ge": c.__ge__,
    }[t.op](rhs)


def shown(t_field: str, kind: str, labels: dict[str, str] | None = None) -> pl.Expr:
    """An officer's value as reasons print it."""
    c = pl.col(t_field)
    if kind == "number":
        return (
            pl.when(c == c.round())
            .then(c.cast(pl.Int64).cast(pl.String))
            .otherwise(c.cast(pl.String))
        )
    if kind == "bool":
        return pl.when(c).then(pl.lit("yes")).otherwise(pl.lit("no"))
    if kind == "term" and labels:
        return c.replace_strict(labels, default=c)
    return c.cast(pl.String)


def _text(v, t: Test, vocab) -> str:
    if isinstance(v, tuple):
        return "[" + ", ".join(_text(x, t, vocab) for x in v) + "]"
    if t.ftype.kind == "term" and vocab is not None:
        return vocab.label(t.ftype.vocab, v)
    if isinstance(v, bool):
        return "yes" if v else "no"
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v)


def facts(node: Node, vocab) -> list[tuple[pl.Expr, pl.Expr]]:
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


def _fact_text(t: Test, vocab, negated: bool) -> pl.Expr:
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


def reason_expr(node: Node, vocab) -> pl.Expr:
    parts = [pl.when(h).then(txt) for h, txt in facts(node, vocab)]
    if not parts:
        return pl.when(pl.col("_row").is_not_null()).then(pl.lit("always"))
    return pl.concat_str(parts, separator="; ", ignore_nulls=True)
