"""Conditions: a small typed tree, built and checked when the rule set loads.

A condition over officers uses roster fields, derived fields and `unit.X`; a
selector uses unit fields without the prefix. Literals are coerced to the field's
type here, so evaluation never meets a type it did not expect.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from placement.load.schema import FieldType
from placement.messages.registry import Message
from placement.problems import Problem, did_you_mean

if TYPE_CHECKING:
    from placement.load.vocab import Vocabulary
    from placement.load.yamlsafe import YamlDoc

# where a value sits in its YAML document: keys and list indices from the root
YamlPath = tuple[str | int, ...]

OPS = ("eq", "ne", "lt", "le", "gt", "ge", "in", "not_in", "between", "contains", "is_null")
ORDERED_OPS = ("lt", "le", "gt", "ge", "between")
SYMBOL = {
    "eq": "=",
    "ne": "≠",
    "lt": "<",
    "le": "≤",
    "gt": ">",
    "ge": "≥",
    "in": "in",
    "not_in": "not in",
    "between": "in",
    "contains": "contains",
}
NEGATED = {
    "=": "≠",
    "≠": "=",
    "<": "≥",
    "≤": ">",
    ">": "≤",
    "≥": "<",
    "in": "not in",
    "not in": "in",
}


@dataclass(frozen=True)
class Test:
    field: str
    op: str
    ftype: FieldType
    value: object = None  # literal (tuple for in/not_in/between)
    ref: str | None = None  # `$officer.FIELD`: compare with the officer's own value
    where: tuple[int, int] | tuple[()] = dataclasses.field(default=(), compare=False)  # line, col


@dataclass(frozen=True)
class All:
    parts: tuple[Node, ...]


@dataclass(frozen=True)
class AnyOf:
    parts: tuple[Node, ...]


@dataclass(frozen=True)
class Not:
    part: Node


@dataclass(frozen=True)
class Broken:
    """Where a condition failed to compile; its problem is in the scope's list.

    Evaluating it (by column or by record) raises BrokenConditionError, so a rule set with
    errors cannot be judged by mistake as if the broken part were true."""

    path: YamlPath


class BrokenConditionError(Exception):
    """A condition that did not compile was evaluated: the caller ignored its problems."""

    def __init__(self, node: Broken) -> None:
        super().__init__(f"the condition at {'.'.join(map(str, node.path))} did not compile")
        self.node = node


TRUE = All(())

Node = Test | All | AnyOf | Not | Broken


@dataclass
class Scope:
    """What a condition may name, and what it resolves literals against."""

    fields: dict[str, FieldType]
    constants: Mapping[str, Any]  # `$name` -> its value, from the rule set's constants
    vocab: Vocabulary
    unit_ids: set[str] | None  # None: no units file, unit ids are not checked
    unit_names: dict[str, str] = field(default_factory=dict)
    officer_fields: dict[str, FieldType] | None = None  # for `$officer.X` in selectors
    doc: YamlDoc | None = None  # for positions
    problems: list[Problem] = field(default_factory=list)

    def error(
        self,
        path: YamlPath,
        code: str,
        message: Message,
        hint: Message | str = "",
        key: bool = False,
    ) -> None:
        """Collect a problem of `code` whose message is `message`, at `path` (of the key with
        key=True)."""
        assert self.doc is not None, "conditions are compiled from a YAML document"
        self.problems.append(self.doc.problem(path, code, message, hint, key=key))


def compile_condition(raw: object, path: YamlPath, scope: Scope) -> Node:
    """Build the tree for `raw` (a mapping, or a list meaning all; None is always true).

    Errors go to `scope.problems` and leave a `Broken` node where they are, which raises
    BrokenConditionError if evaluated: a caller must check the problems before judging."""
    if raw is None:
        return TRUE
    if isinstance(raw, list):
        return All(tuple(compile_condition(x, path + (i,), scope) for i, x in enumerate(raw)))
    if not isinstance(raw, dict):
        scope.error(path, "bad-condition", Message("condition-not-mapping", {"kind": _kind(raw)}))
        return Broken(path)
    parts: list[Node] = []
    for key, value in raw.items():
        p = path + (key,)
        if key in ("all", "any"):
            if not isinstance(value, list):
                scope.error(p, "bad-condition", Message("conditions-list", {"name": key}))
                parts.append(Broken(p))
                continue
            subs = tuple(compile_condition(x, p + (i,), scope) for i, x in enumerate(value))
            parts.append(All(subs) if key == "all" else AnyOf(subs))
        elif key == "not":
            parts.append(Not(compile_condition(value, p, scope)))
        else:
            parts.append(_compile_field(str(key), value, p, scope))
    return parts[0] if len(parts) == 1 else All(tuple(parts))


def _compile_field(name: str, test: object, path: YamlPath, scope: Scope) -> Node:
    ftype = scope.fields.get(name)
    if ftype is None:
        scope.error(
            path,
            "unknown-field",
            Message("unknown-field", {"name": name}),
            did_you_mean(name, scope.fields),
            key=True,
        )
        return Broken(path)
    if isinstance(test, dict):
        tests: list[Node] = []
        for op, value in test.items():
            if op not in OPS:
                scope.error(
                    path + (op,),
                    "unknown-operator",
                    Message("unknown-operator", {"op": op, "field": name}),
                    did_you_mean(op, OPS),
                    key=True,
                )
                tests.append(Broken(path + (op,)))
                continue
            t = _compile_test(name, ftype, op, value, path + (op,), scope)
            tests.append(t if t is not None else Broken(path + (op,)))
        return tests[0] if len(tests) == 1 else All(tuple(tests))
    if isinstance(test, list):  # a list literal reads as membership
        t = _compile_test(
            name,
            ftype,
            "in" if ftype.kind not in ("tags", "units") else "contains",
            test if ftype.kind not in ("tags", "units") else test,
            path,
            scope,
        )
        return t or Broken(path)
    t = _compile_test(
        name, ftype, "contains" if ftype.kind in ("tags", "units") else "eq", test, path, scope
    )
    return t or Broken(path)


def _compile_test(
    name: str, ftype: FieldType, op: str, value: object, path: YamlPath, scope: Scope
) -> Test | None:
    where = scope.doc.where(path) if scope.doc else (0, 0)
    is_list = ftype.kind in ("tags", "units")
    if op == "is_null":
        if not isinstance(value, bool):
            scope.error(path, "bad-literal", Message("bad-is-null", {"value": repr(value)}))
            return None
        return Test(name, op, ftype, value, where=where)
    if op in ORDERED_OPS and not ftype.ordered:
        scope.error(
            path,
            "bad-operator",
            Message("ordered-operator", {"op": op, "field": name, "type": _tname(ftype)}),
            key=True,
        )
        return None
    if op == "contains" and not is_list:
        scope.error(
            path,
            "bad-operator",
            Message("contains-needs-list", {"field": name, "type": _tname(ftype)}),
            Message("use-eq-or-in"),
            key=True,
        )
        return None
    if is_list and op not in ("contains", "is_null"):
        scope.error(
            path,
            "bad-operator",
            Message("list-field-operator", {"op": op, "field": name}),
            Message("use-contains"),
            key=True,
        )
        return None
    elem = _element_type(ftype)
    if (
        isinstance(value, str)
        and value.startswith("$officer.")
        and op not in ("in", "not_in", "between")
    ):
        return _compile_ref(name, ftype, op, value, path, scope, where)
    value = _resolve_constant(value, path, scope)
    if value is _BAD:
        return None
    if op in ("in", "not_in", "between"):
        if not isinstance(value, list):
            scope.error(
                path,
                "bad-literal",
                Message("list-expected-by-op", {"op": op, "value": repr(value)}),
            )
            return None
        if op == "between" and len(value) != 2:
            scope.error(path, "bad-literal", Message("between-two", {"n": len(value)}))
            return None
        items = []
        for i, v in enumerate(value):
            v = _resolve_constant(v, path + (i,), scope)
            if v is _BAD:
                return None
            c = _coerce(v, elem, name, path + (i,), scope)
            if c is _BAD:
                return None
            items.append(c)
        return Test(name, op, ftype, tuple(items), where=where)
    c = _coerce(value, elem, name, path, scope)
    if c is _BAD:
        return None
    return Test(name, op, ftype, c, where=where)


def _compile_ref(
    name: str,
    ftype: FieldType,
    op: str,
    value: str,
    path: YamlPath,
    scope: Scope,
    where: tuple[int, int] | tuple[()],
) -> Test | None:
    other = value[len("$officer.") :]
    pool = scope.officer_fields if scope.officer_fields is not None else scope.fields
    otype = pool.get(other)
    if otype is None:
        scope.error(
            path,
            "unknown-field",
            Message("unknown-field", {"name": f"$officer.{other}"}),
            did_you_mean(other, pool),
        )
        return None
    if otype.kind in ("tags", "units"):
        scope.error(path, "bad-literal", Message("officer-ref-list", {"ref": other, "field": name}))
        return None
    if ftype.kind in ("tags", "units") and op != "contains":
        scope.error(path, "bad-literal", Message("list-field-ref", {"field": name, "ref": other}))
        return None
    a, b = _element_type(ftype), _element_type(otype)
    comparable = a.kind == b.kind or {a.kind, b.kind} <= {"str", "unit", "enum", "term"}
    if not comparable:
        scope.error(
            path,
            "bad-literal",
            Message(
                "incomparable-ref",
                {"field": name, "type": _tname(ftype), "ref": other, "ref_type": _tname(otype)},
            ),
        )
        return None
    return Test(name, op, ftype, None, ref=other, where=where)


_BAD = object()


def _resolve_constant(value: object, path: YamlPath, scope: Scope) -> object:
    if isinstance(value, str) and value.startswith("$") and not value.startswith("$officer."):
        key = value[1:]
        if key not in scope.constants:
            scope.error(
                path,
                "unknown-constant",
                Message("unknown-constant", {"name": value}),
                did_you_mean("$" + key, ["$" + k for k in scope.constants]),
            )
            return _BAD
        return scope.constants[key]
    return value


def _element_type(ftype: FieldType) -> FieldType:
    if ftype.kind == "tags":
        return FieldType("str")
    if ftype.kind == "units":
        return FieldType("unit")
    return ftype


def _coerce(v: object, ftype: FieldType, name: str, path: YamlPath, scope: Scope) -> object:
    k = ftype.kind
    bad = Message(
        "wrong-type", {"field": name, "type": _tname(ftype), "value": repr(v), "dates": False}
    )
    if v is None:
        scope.error(path, "bad-literal", Message("null-literal", {"field": name}))
        return _BAD
    if k == "number":
        if isinstance(v, bool) or not isinstance(v, (int, float)):
            scope.error(path, "bad-literal", bad)
            return _BAD
        return v
    if k == "bool":
        if not isinstance(v, bool):
            scope.error(path, "bad-literal", bad)
            return _BAD
        return v
    if k == "date":
        if isinstance(v, dt.datetime):
            return v.date()
        if isinstance(v, dt.date):
            return v
        try:
            return dt.date.fromisoformat(str(v))
        except ValueError:
            scope.error(path, "bad-literal", Message("wrong-type", {**bad.fields, "dates": True}))
            return _BAD
    if isinstance(v, (bool, list, dict)) or isinstance(v, dt.date):
        scope.error(path, "bad-literal", bad)
        return _BAD
    v = str(v)
    if k == "enum":
        if v not in ftype.values:
            scope.error(
                path,
                "bad-literal",
                Message("not-one-of", {"field": name, "values": list(ftype.values), "value": v}),
                did_you_mean(v, ftype.values),
            )
            return _BAD
        return v
    if k == "term":
        term = scope.vocab.lookup(ftype.vocab).get(v) or scope.vocab.lookup(ftype.vocab).get(
            v.lower()
        )
        if term is None:
            scope.error(
                path,
                "unknown-term",
                Message("unknown-term", {"vocab": ftype.vocab, "value": v}),
                scope.vocab.hint(ftype.vocab, v),
            )
            return _BAD
        return term
    if k == "unit":
        if scope.unit_ids is None:
            return v
        if v in scope.unit_ids:
            return v
        if v in scope.unit_names:
            return scope.unit_names[v]
        scope.error(
            path,
            "unknown-unit",
            Message("unit-not-in-file", {"unit": v}),
            did_you_mean(v, sorted(scope.unit_ids)),
        )
        return _BAD
    return v


def _tname(ftype: FieldType) -> str:
    return {
        "str": "text",
        "number": "a number",
        "date": "a date",
        "bool": "yes/no",
        "enum": "a choice",
        "term": "a vocabulary term",
        "unit": "a unit",
        "units": "a list of units",
        "tags": "a list of tags",
    }[ftype.kind]


def _kind(v: object) -> str:
    return type(v).__name__


def tests_of(node: Node) -> Iterator[Test]:
    """Every test of a condition, depth first in written order."""
    if isinstance(node, Test):
        yield node
    elif isinstance(node, Not):
        yield from tests_of(node.part)
    elif isinstance(node, (All, AnyOf)):
        for p in node.parts:
            yield from tests_of(p)


def fields_of(node: Node, known_only: bool = False) -> list[str]:
    """Every field a condition reads, in order, `$officer` references included.

    With known_only, leave out fields read only by `is_null` (never unknown)."""
    out: list[str] = []
    for t in tests_of(node):
        if known_only and t.op == "is_null":
            continue
        for f in (t.field, t.ref):
            if f and f not in out:
                out.append(f)
    return out


def refs_of(node: Node) -> list[str]:
    """Officer fields a selector refers to with `$officer.X`."""
    out: list[str] = []
    for t in tests_of(node):
        if t.ref and t.ref not in out:
            out.append(t.ref)
    return out
