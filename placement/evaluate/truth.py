"""Three-valued evaluation of a condition on one record (True, False or None = unknown).

Used for unit selectors, `explain` and rule tests; the roster itself is judged
column by column in `placement.evaluate`, with the same semantics.
"""

from __future__ import annotations

from dataclasses import dataclass

from placement.load.rules.conditions import NEGATED, SYMBOL, All, AnyOf, Node, Not, Test


@dataclass
class Step:
    """One test of a trace: what was compared and how it came out."""

    test: Test
    actual: object
    expected: object
    result: bool | None


def evaluate(
    node: Node, record: dict, officer: dict | None = None, trace: list[Step] | None = None
) -> bool | None:
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
    raise TypeError(node)


def _test(t: Test, record: dict, officer: dict, trace) -> bool | None:
    actual = record.get(t.field)
    expected = officer.get(t.ref) if t.ref else t.value
    result = compare(t.op, actual, expected)
    if trace is not None:
        trace.append(Step(t, actual, expected, result))
    return result


def compare(op: str, actual, expected) -> bool | None:
    if op == "is_null":
        return (actual is None) == expected
    if actual is None or expected is None:
        return None
    if op == "eq":
        return actual == expected
    if op == "ne":
        return actual != expected
    if op == "lt":
        return actual < expected
    if op == "le":
        return actual <= expected
    if op == "gt":
        return actual > expected
    if op == "ge":
        return actual >= expected
    if op == "in":
        return actual in expected
    if op == "not_in":
        return actual not in expected
    if op == "between":
        return expected[0] <= actual <= expected[1]
    if op == "contains":
        return expected in actual
    raise ValueError(op)


def describe(step: Step, vocab=None) -> str:
    """'age 38 ≤ 40', 'rank deputy_section (副科)', 'unit.tags contains complex'."""
    t = step.test

    def show(v, ftype=t.ftype):
        if isinstance(v, tuple) and t.op != "between":
            return "[" + ", ".join(show(x) for x in v) + "]"
        if ftype.kind == "term" and vocab is not None and isinstance(v, str):
            return vocab.label(ftype.vocab, v)
        if isinstance(v, bool):
            return "yes" if v else "no"
        if isinstance(v, float) and v.is_integer():
            return str(int(v))
        return str(v)

    if t.op == "is_null":
        return f"{t.field} {'empty' if step.actual is None else 'given'}"
    if step.actual is None:
        return f"{t.field} unknown"
    if t.op == "eq" and step.result:
        return f"{t.field} {show(step.actual)}"
    if t.op == "between":
        lo, hi = step.expected
        return f"{t.field} {show(step.actual)} in [{show(lo)}, {show(hi)}]"
    if t.op == "contains":
        return f"{t.field} contains {show(step.expected)}"
    rhs = f"$officer.{t.ref} ({show(step.expected)})" if t.ref else show(step.expected)
    if step.result is False:
        neg = NEGATED[SYMBOL[t.op]]
        return f"{t.field} {show(step.actual)} {neg} {rhs}"
    return f"{t.field} {show(step.actual)} {SYMBOL[t.op]} {rhs}"
