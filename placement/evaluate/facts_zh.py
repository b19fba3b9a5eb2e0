"""The Chinese twin of `compile.reason_expr`: the facts of a reason in Chinese, by column.

The English reason text is built by `compile._fact_text` (the fast path every plan takes).
This module builds the same facts in Chinese from what they are made of — the rule's test
and the officer's values in the frame — through the `fact-*` codes of the registry
(`messages/catalog/facts.py`, the codes `explain` uses), never by reading the English text.
Only Chinese human formats (table, md, html, xlsx in zh) call it.

A template is rendered once per test with placeholders where an officer's value goes, and
filled by column (`pl.format`), so the cost is one string expression per test, as in English.
"""

from __future__ import annotations

import polars as pl

from placement.evaluate.compile import facts, shown
from placement.evaluate.show import show_value
from placement.i18n.words import _TERMS, SEX, VALUES
from placement.load.rules.conditions import NEGATED, SYMBOL, All, AnyOf, Node, Not, Test
from placement.load.vocab import Vocabulary
from placement.messages.registry import Message

_SLOT = "\x00"  # where an officer's value goes in a rendered template


def _zh(code: str, fields: dict[str, object]) -> str:
    return Message(code, fields).text("zh")


def _fill(template: str, *cols: pl.Expr) -> pl.Expr:
    """`template` with each placeholder replaced by the next column, in order."""
    if not cols:
        return pl.lit(template)
    return pl.format(template.replace("{", "{{").replace("}", "}}").replace(_SLOT, "{}"), *cols)


def _literal(field: str, shown_value: str) -> str:
    """A value as the registry's `fval` converter shows it in Chinese (a term or enum value in
    Chinese, other data as it is)."""
    return _zh("fact-literal", {"value": (field, shown_value)})


def _column(field: str, kind: str, vocab_name: str | None, vocab: Vocabulary | None) -> pl.Expr:
    """The officer's value of `field` in Chinese, by column: what `compile.shown` prints, each
    term or enum value through the same `fval` converter as the literals."""
    labels = None
    if kind == "term" and vocab is not None and vocab_name is not None:
        labels = {term: vocab.label(vocab_name, term) for term in vocab.terms[vocab_name]}
    col = shown(field, kind, labels)
    words = set(labels.values()) if labels else set()
    if kind == "number":
        return col
    words |= set(_TERMS) | set(VALUES) | (set(SEX) if field == "sex" else set())
    mapping = {w: _literal(field, w) for w in words}
    return col.replace(mapping) if mapping else col


def _raw_column(field: str) -> pl.Expr:
    """Another field of the officer (`$officer.FIELD`) in Chinese: its value as a string, an
    enum value or term in Chinese."""
    words = set(_TERMS) | set(VALUES) | (set(SEX) if field == "sex" else set())
    return pl.col(field).cast(pl.String).replace({w: _literal(field, w) for w in words})


def fact_text_zh(t: Test, vocab: Vocabulary | None, negated: bool) -> pl.Expr:
    """One test's fact in Chinese per officer: the twin of `compile._fact_text`."""
    f = t.field

    def lit(v: object) -> str:
        return show_value(v, t.ftype, vocab)

    if t.op == "is_null":
        return pl.lit(
            _zh("fact-state", {"field": f, "state": "empty" if t.value != negated else "given"})
        )
    if t.op == "contains":
        what = _zh("fact-officer-field", {"ref": t.ref}) if t.ref else _literal(f, lit(t.value))
        if negated:
            return pl.lit(_zh("fact-lacks", {"field": f, "value": what}))
        return pl.lit(_zh("fact-contains", {"field": f, "value": (f, _SLOT)}).replace(_SLOT, what))
    value = _column(f, t.ftype.kind, t.ftype.vocab, vocab)
    if t.op == "eq" and not negated and not t.ref:
        return pl.lit(_zh("fact-is", {"field": f, "value": (f, lit(t.value))}))
    sym = NEGATED[SYMBOL[t.op]] if negated else SYMBOL[t.op]
    if t.op in ("between", "in", "not_in") and not t.ref:
        assert isinstance(t.value, tuple)
        fields = {
            "field": f,
            "value": (f, _SLOT),
            "negated": sym == "not in",
            "values": (f, [lit(x) for x in t.value]),
        }
        return _fill(_zh("fact-in", fields), value)
    if t.ref:
        other = Message("fact-officer-ref", {"ref": t.ref, "value": (t.ref, _SLOT)})
        tpl = _zh("fact-compare", {"field": f, "value": (f, _SLOT), "symbol": sym, "other": other})
        return _fill(tpl, value, _raw_column(t.ref))
    other = Message("fact-literal", {"value": (f, lit(t.value))})
    tpl = _zh("fact-compare", {"field": f, "value": (f, _SLOT), "symbol": sym, "other": other})
    return _fill(tpl, value)


def reason_expr_zh(node: Node, vocab: Vocabulary | None) -> pl.Expr:
    """Per officer, the facts that hold in Chinese, joined by "；" (`reason-always` for a
    condition without tests): the twin of `compile.reason_expr`, made from the same tests."""
    parts = [pl.when(h).then(txt) for h, txt in _facts_zh(node, vocab)]
    if not parts:
        return pl.when(pl.col("_row").is_not_null()).then(pl.lit(_zh("reason-always", {})))
    return pl.concat_str(parts, separator="；", ignore_nulls=True)


def _facts_zh(node: Node, vocab: Vocabulary | None) -> list[tuple[pl.Expr, pl.Expr]]:
    """(holds, Chinese text) per leaf, in the order of `compile.facts`."""
    out: list[tuple[pl.Expr, pl.Expr]] = []
    if isinstance(node, Test):
        out.append((facts(node, vocab)[0][0], fact_text_zh(node, vocab, negated=False)))
    elif isinstance(node, (All, AnyOf)):
        for p in node.parts:
            out += _facts_zh(p, vocab)
    elif isinstance(node, Not) and isinstance(node.part, Test):
        out.append((facts(node, vocab)[0][0], fact_text_zh(node.part, vocab, negated=True)))
    return out
