"""Three-valued evaluation of a condition on one record (True, False or None = unknown).

Used for unit selectors, `explain` and rule tests; the roster itself is judged
column by column in `placement.evaluate`, with the same semantics.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

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
from placement.load.schema import FieldType
from placement.load.vocab import Vocabulary, rank_compare
from placement.messages import Message

Record = Mapping[str, Any]


@dataclass
class Step:
    """One test of a trace: what was compared and how it came out."""

    test: Test
    actual: Any
    expected: Any
    result: bool | None


def evaluate(
    node: Node, record: Record, officer: Record | None = None, trace: list[Step] | None = None
) -> bool | None:
    """True, False or None (unknown) for one record: field name -> value (None = empty;
    numbers as float, dates as `datetime.date`, list fields as lists).

    `officer` resolves `$officer.X` references (a unit selector judged for an officer); by
    default the record itself. Every test met is appended to `trace` when one is given.
    Raises BrokenConditionError for a condition that did not compile."""
    if isinstance(node, Test):
        return _test(node, record, officer if officer is not None else record, trace)
    if isinstance(node, All):
        results = [evaluate(p, record, officer, trace) for p in node.parts]
        if any(r is False for r in results):
            return False
        return None if any(r is None for r in results) else True
    if isinstance(node, AnyOf):
        results = [evaluate(p, record, officer, trace) for p in node.parts]
        if any(r is True for r in results):
            return True
        return None if any(r is None for r in results) else False
    if isinstance(node, Not):
        r = evaluate(node.part, record, officer, trace)
        return None if r is None else not r
    if isinstance(node, Broken):
        raise BrokenConditionError(node)
    raise TypeError(node)


def _test(t: Test, record: Record, officer: Record, trace: list[Step] | None) -> bool | None:
    actual = record.get(t.field)
    expected = officer.get(t.ref) if t.ref else t.value
    if t.ftype.kind == "term" and t.ftype.vocab == "rank":
        result = rank_compare(t.op, actual, expected)
    else:
        result = compare(t.op, actual, expected)
    if trace is not None:
        trace.append(Step(t, actual, expected, result))
    return result


def compare(op: str, actual: Any, expected: Any) -> bool | None:
    """One operator of SPEC §1.4 on one value: None when either side is empty (unknown),
    except `is_null`, which is never unknown."""
    if op == "is_null":
        return bool((actual is None) == expected)
    if actual is None or expected is None:
        return None
    if op == "eq":
        return bool(actual == expected)
    if op == "ne":
        return bool(actual != expected)
    if op == "lt":
        return bool(actual < expected)
    if op == "le":
        return bool(actual <= expected)
    if op == "gt":
        return bool(actual > expected)
    if op == "ge":
        return bool(actual >= expected)
    if op == "in":
        return bool(actual in expected)
    if op == "not_in":
        return bool(actual not in expected)
    if op == "between":
        return bool(expected[0] <= actual <= expected[1])
    if op == "contains":
        return bool(expected in actual)
    raise ValueError(op)


def describe(step: Step, vocab: Vocabulary | None = None) -> Message:
    """The fact one test states for one officer, as a Message (`fact-*` codes): in English
    'age 38 ≤ 40', 'rank deputy_section (副科)', 'unit.tags contains complex'; the fields
    carry the values as `show_value` prints them, so each language renders its own."""
    t = step.test
    f = t.field

    def show(v: object, ftype: FieldType = t.ftype) -> tuple[str, str]:
        return (f, show_value(v, ftype, vocab))

    if t.op == "is_null":
        return Message(
            "fact-state", {"field": f, "state": "empty" if step.actual is None else "given"}
        )
    if step.actual is None:
        return Message("fact-state", {"field": f, "state": "unknown"})
    if t.op == "eq" and step.result:
        return Message("fact-is", {"field": f, "value": show(step.actual)})
    if t.op == "between":
        lo, hi = step.expected
        values = (f, [show(lo)[1], show(hi)[1]])
        fields = {"field": f, "value": show(step.actual), "negated": False, "values": values}
        return Message("fact-in", fields)
    if t.op == "contains":
        return Message("fact-contains", {"field": f, "value": show(step.expected)})
    symbol = SYMBOL[t.op] if step.result is not False else NEGATED[SYMBOL[t.op]]
    if t.op in ("in", "not_in") and not t.ref and isinstance(step.expected, tuple):
        values = (f, [show(x)[1] for x in step.expected])
        fields = {
            "field": f,
            "value": show(step.actual),
            "negated": symbol == "not in",
            "values": values,
        }
        return Message("fact-in", fields)
    other = (
        Message("fact-officer-ref", {"ref": t.ref, "value": (t.ref, show(step.expected)[1])})
        if t.ref
        else Message("fact-literal", {"value": show(step.expected)})
    )
    return Message(
        "fact-compare", {"field": f, "value": show(step.actual), "symbol": symbol, "other": other}
    )
