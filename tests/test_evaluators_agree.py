"""The two condition evaluators agree with each other and with a reference written here.

`placement.evaluate.compile` judges conditions by column (plan, check); `placement.evaluate.truth`
record by record (explain, rule tests, unit selectors). Random conditions (all / any / not,
every operator, `$constants`, `$officer.X` references) over random officers with empty fields
are compiled once and judged by both; the reference below reads the RAW condition (the YAML
shape, before compilation) with three-valued logic as SPEC §1.4 states it: an empty field makes
a comparison unknown, `not unknown` is unknown, `all` is false if any part is false, else
unknown if any part is unknown; `any` dually; `is_null` is never unknown.

Also: the one value formatter in its record form (`show_value`) and its column form
(`compile.shown`) print the same text, and the one resident-ID mask.
"""

from __future__ import annotations

import datetime as dt

import polars as pl
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from placement.evaluate.compile import column, shown
from placement.evaluate.show import show_value
from placement.evaluate.truth import evaluate
from placement.load.rules.conditions import (
    Broken,
    BrokenConditionError,
    Scope,
    compile_condition,
)
from placement.load.schema import FieldType
from placement.load.vocab import Vocabulary
from placement.load.yamlsafe import YamlDoc
from placement.report.mask import mask

GRADES = ("a", "b", "c")
FIELDS = {
    "age": FieldType("number"),
    "years": FieldType("number"),
    "name": FieldType("str"),
    "grade": FieldType("enum", values=GRADES),
    "birth_date": FieldType("date"),
    "joined": FieldType("date"),
    "exam_passed": FieldType("bool"),
    "tags": FieldType("tags"),
}
SCHEMA = {
    "_row": pl.Int64,
    "age": pl.Float64,
    "years": pl.Float64,
    "name": pl.String,
    "grade": pl.String,
    "birth_date": pl.Date,
    "joined": pl.Date,
    "exam_passed": pl.Boolean,
    "tags": pl.List(pl.String),
}
NAMES = ("x", "y", "z")
CONSTANTS = {"limit": 40, "grades": ["a", "c"], "day": dt.date(1990, 6, 1), "who": "y"}
SAME_KIND = {  # `$officer.X` pairs the engine accepts
    "age": ["years"],
    "years": ["age"],
    "birth_date": ["joined"],
    "joined": ["birth_date"],
    "name": ["grade"],
    "grade": ["name"],
    "tags": ["name"],
}

numbers = st.integers(20, 60)
dates = st.dates(dt.date(1985, 1, 1), dt.date(1995, 12, 31))


def _scalar(name: str) -> st.SearchStrategy:
    kind = FIELDS[name].kind
    if kind == "number":
        return st.one_of(numbers, st.just("$limit"))
    if kind == "date":
        return st.one_of(dates, st.just("$day"))
    if kind == "bool":
        return st.booleans()
    if kind == "enum":
        return st.sampled_from(GRADES)
    return st.one_of(st.sampled_from(NAMES), st.just("$who"))


@st.composite
def field_tests(draw) -> dict:
    name = draw(st.sampled_from(sorted(FIELDS)))
    kind = FIELDS[name].kind
    if kind == "tags":
        op = draw(st.sampled_from(["contains", "is_null", "list", "bare"]))
        if op == "is_null":
            return {name: {"is_null": draw(st.booleans())}}
        if op == "contains" and draw(st.booleans()):
            return {name: {"contains": "$officer.name"}}
        value = draw(st.sampled_from(NAMES))
        return {name: {"contains": value} if op == "contains" else value}
    ops = ["eq", "ne", "in", "not_in", "is_null", "bare", "list"]
    if kind in ("number", "date"):
        ops += ["lt", "le", "gt", "ge", "between"]
    op = draw(st.sampled_from(ops))
    if op == "is_null":
        return {name: {"is_null": draw(st.booleans())}}
    if op == "bare":
        return {name: draw(_scalar(name))}
    if op in ("in", "not_in", "list"):
        if kind == "enum" and op != "list" and draw(st.booleans()):
            items = "$grades"
        else:
            base = (
                st.booleans()
                if kind == "bool"
                else _scalar(name).filter(lambda v: v[:1] != "$" if isinstance(v, str) else True)
            )
            items = draw(st.lists(base, max_size=3))
        return {name: items} if op == "list" else {name: {op: items}}
    if op == "between":
        lo, hi = sorted([draw(numbers if kind == "number" else dates) for _ in range(2)])
        return {name: {"between": [lo, hi]}}
    if name in SAME_KIND and kind != "bool" and draw(st.integers(0, 3)) == 0:
        return {name: {op: "$officer." + draw(st.sampled_from(SAME_KIND[name]))}}
    return {name: {op: draw(_scalar(name))}}


conditions = st.recursive(
    field_tests(),
    lambda sub: st.one_of(
        st.builds(lambda xs: {"all": xs}, st.lists(sub, max_size=3)),
        st.builds(lambda xs: {"any": xs}, st.lists(sub, max_size=3)),
        st.builds(lambda x: {"not": x}, sub),
        st.lists(sub, min_size=1, max_size=3),  # a list means all
        st.builds(lambda a, b: {**a, **b}, field_tests(), field_tests()),  # two keys: all
    ),
    max_leaves=8,
)


def _maybe(s: st.SearchStrategy) -> st.SearchStrategy:
    return st.one_of(st.none(), s)


officers = st.fixed_dictionaries(
    {
        "age": _maybe(numbers.map(float)),
        "years": _maybe(numbers.map(float)),
        "name": _maybe(st.sampled_from(NAMES)),
        "grade": _maybe(st.sampled_from(GRADES)),
        "birth_date": _maybe(dates),
        "joined": _maybe(dates),
        "exam_passed": _maybe(st.booleans()),
        "tags": _maybe(st.lists(st.sampled_from(NAMES), max_size=3)),
    }
)


# -- the reference: three-valued logic over the raw condition ---------------------------------


def _const(v, record):
    if isinstance(v, str) and v.startswith("$officer."):
        return record[v[len("$officer.") :]]
    if isinstance(v, str) and v.startswith("$"):
        return CONSTANTS[v[1:]]
    return v


def _num(v):
    return float(v) if isinstance(v, int) and not isinstance(v, bool) else v


def _and(values):
    values = list(values)
    if False in values:
        return False
    return None if None in values else True


def _or(values):
    values = list(values)
    if True in values:
        return True
    return None if None in values else False


def _op(op: str, x, v):
    if op == "is_null":
        return (x is None) == v
    if x is None or v is None:
        return None
    if op in ("in", "not_in"):
        found = any(x == _num(item) for item in v)
        return found if op == "in" else not found
    if op == "contains":
        return v in x
    if op == "between":
        return _num(v[0]) <= x <= _num(v[1])
    v = _num(v)
    return {
        "eq": x == v,
        "ne": x != v,
        "lt": x < v,
        "le": x <= v,
        "gt": x > v,
        "ge": x >= v,
    }[op]


def reference(cond, record) -> bool | None:
    if isinstance(cond, list):
        return _and(reference(c, record) for c in cond)
    results = []
    for key, value in cond.items():
        if key == "all":
            results.append(_and(reference(c, record) for c in value))
        elif key == "any":
            results.append(_or(reference(c, record) for c in value))
        elif key == "not":
            r = reference(value, record)
            results.append(None if r is None else not r)
        else:
            x = record[key]
            listy = FIELDS[key].kind == "tags"
            if isinstance(value, dict):
                results.append(_and(_op(op, x, _const(v, record)) for op, v in value.items()))
            elif isinstance(value, list) or value == "$grades":
                results.append(_op("in", x, _const(value, record)))
            else:
                results.append(_op("contains" if listy else "eq", x, _const(value, record)))
    return _and(results)


# -- the test -------------------------------------------------------------------------------


def _compile(raw):
    scope = Scope(
        fields=FIELDS,
        constants=CONSTANTS,
        vocab=Vocabulary(),
        unit_ids=None,
        doc=YamlDoc("t.yaml", raw),
    )
    node = compile_condition(raw, ("when",), scope)
    assert scope.problems == [], [p.render() for p in scope.problems]
    return node


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(raw=conditions, people=st.lists(officers, min_size=1, max_size=6))
def test_column_record_and_reference_agree(raw, people):
    node = _compile(raw)
    frame = pl.DataFrame(
        [{"_row": i + 2, **p} for i, p in enumerate(people)], schema=SCHEMA, orient="row"
    )
    by_column = frame.select(column(node).alias("v"))["v"].to_list()
    for person, col in zip(people, by_column, strict=True):
        want = reference(raw, person)
        assert evaluate(node, person) == want, (raw, person)
        assert col == want, (raw, person, col)


@given(people=st.lists(officers, min_size=1, max_size=6))
@settings(max_examples=40, deadline=None)
def test_one_formatter_for_both_forms(people):
    frame = pl.DataFrame(
        [{"_row": i + 2, **p} for i, p in enumerate(people)], schema=SCHEMA, orient="row"
    )
    for name in ("age", "name", "grade", "exam_passed", "birth_date"):
        kind = FIELDS[name].kind
        got = frame.select(shown(name, kind).alias("s"))["s"].to_list()
        want = [None if p[name] is None else show_value(p[name], FIELDS[name]) for p in people]
        assert got == want


def test_a_broken_condition_cannot_be_evaluated():
    scope = Scope(
        fields=FIELDS, constants={}, vocab=Vocabulary(), unit_ids=None, doc=YamlDoc("t", None)
    )
    for raw in ({"nosuch": 1}, {"age": {"lt": "young"}}, {"age": {"nope": 1}}, "text", {"any": 3}):
        node = compile_condition(raw, ("when",), scope)
        assert scope.problems, raw
        scope.problems.clear()
        try:
            evaluate(node, {"age": 30.0})
        except BrokenConditionError:
            pass
        else:
            raise AssertionError(f"{raw!r} evaluated by record")
        try:
            pl.DataFrame({"_row": [2], "age": [30.0]}).select(column(node))
        except BrokenConditionError:
            pass
        else:
            raise AssertionError(f"{raw!r} evaluated by column")
    assert isinstance(compile_condition({"nosuch": 1}, (), scope), Broken)


ID18 = "110105199001011234"


def test_one_resident_id_mask():
    assert mask(f"张三{ID18}") == "张三110105********1234"  # the terminal used to leave this
    assert mask(f"id {ID18}, next") == "id 110105********1234, next"
    assert mask("11010519900101123X") == "110105********123X"
    assert mask("11010519900101123x") == "110105********123x"
    assert mask("李四110105900101123来") == "李四110105******123来"  # 15-character old ID
    assert mask(f"a{ID18}b{ID18}") == "a110105********1234b110105********1234"
    for not_an_id in ("1234567", "1" * 16, "1" * 19, "1101059001011234", "2026-10-01"):
        assert mask(not_an_id) == not_an_id
    assert mask(None) == "None" and mask(42) == "42"


def test_terminal_and_html_use_the_one_mask():
    from placement.report import html, terminal

    assert terminal.mask is mask and html.mask is mask
