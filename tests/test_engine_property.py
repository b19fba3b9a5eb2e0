"""Property tests: the columnar engine agrees with a plain per-officer reference, and the
loaders meet arbitrary input with nothing but PlacementError (SPEC §1.4, §5 Robust)."""

from __future__ import annotations

import copy
import csv
import datetime as dt
import io
import json
import tempfile
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from placement.evaluate.decide import State, Status
from placement.load.inputs import load_inputs
from placement.load.roster.load import read_roster
from placement.load.rules.load import check_ruleset
from placement.load.units import load_units
from placement.load.vocab import Vocabulary
from placement.problems import PlacementError

AS_OF = dt.date(2026, 10, 1)
SETTINGS = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

# The units, as the reference sees them after merges (OLD is merged into BGS).
UNITS_YAML = """\
units:
  - {id: BGS, name: 辦公室, kind: organ, area: urban, district: 城區, tags: [x]}
  - {id: PCS-HF, name: 匯豐派出所, kind: station, area: rural, district: 東郊, tags: [complex, hardship]}
  - {id: PCS-XX, name: 西郊派出所, kind: station}
  - {id: OLD, name: 舊科, kind: organ, merged_into: BGS}
"""  # noqa: E501
UNIT_FACTS = {
    "BGS": {
        "unit.id": "BGS",
        "unit.tier": "organ",
        "unit.area": "urban",
        "unit.district": "城區",
        "unit.tags": ["x"],
    },
    "PCS-HF": {
        "unit.id": "PCS-HF",
        "unit.tier": "grassroots",
        "unit.area": "rural",
        "unit.district": "東郊",
        "unit.tags": ["complex", "hardship"],
    },
    "PCS-XX": {
        "unit.id": "PCS-XX",
        "unit.tier": "grassroots",
        "unit.area": None,
        "unit.district": None,
        "unit.tags": [],
    },
}
MERGED = {"BGS": "BGS", "PCS-HF": "PCS-HF", "PCS-XX": "PCS-XX", "OLD": "BGS"}

DATES = [dt.date(1999, 12, 31), dt.date(2000, 1, 1), dt.date(2005, 6, 15), dt.date(2010, 2, 28)]
RANKS = ["staff", "deputy_section", "chief_section"]
RANK_SPELLING = {
    "staff": ["staff", "科员", "科員"],
    "deputy_section": ["deputy_section", "副科"],
    "chief_section": ["chief_section", "正科"],
}
APPRAISALS = ["excellent", "competent", "basically_competent", "incompetent"]
DISTRICTS = ["城區", "東郊", "南河"]

# field -> (kind, literal strategy)
KINDS = {
    "grassroots_years": "number",
    "age": "number",
    "joined_police": "date",
    "exam_passed": "bool",
    "awarded": "bool",
    "appraisal": "enum",
    "unit.area": "enum",
    "unit.tier": "enum",
    "rank": "term",
    "home_district": "str",
    "unit.district": "str",
    "unit.id": "unit",
    "unit.tags": "tags",
}
LITERALS = {
    "grassroots_years": st.sampled_from([0, 1, 2, 2.5, 3, 5]),
    "age": st.sampled_from([20, 30, 35, 40, 45, 50]),
    "joined_police": st.sampled_from(DATES),
    "exam_passed": st.booleans(),
    "awarded": st.booleans(),
    "appraisal": st.sampled_from(APPRAISALS),
    "unit.area": st.sampled_from(["urban", "rural"]),
    "unit.tier": st.sampled_from(["organ", "grassroots"]),
    "rank": st.sampled_from(RANKS),
    "home_district": st.sampled_from(DISTRICTS),
    "unit.district": st.sampled_from(DISTRICTS),
    "unit.id": st.sampled_from(["BGS", "PCS-HF", "PCS-XX"]),
    "unit.tags": st.sampled_from(["x", "complex", "hardship", "none"]),
}
OPS = {
    "number": ["eq", "ne", "lt", "le", "gt", "ge", "in", "not_in", "between", "is_null"],
    "date": ["eq", "ne", "lt", "le", "gt", "ge", "in", "not_in", "between", "is_null"],
    "bool": ["eq", "ne", "in", "not_in", "is_null"],
    "enum": ["eq", "ne", "in", "not_in", "is_null"],
    "term": ["eq", "ne", "in", "not_in", "is_null"],
    "str": ["eq", "ne", "in", "not_in", "is_null"],
    "unit": ["eq", "ne", "in", "not_in", "is_null"],
    "tags": ["contains", "is_null"],
}
# `$officer.X` comparisons: (field, other field)
REFS = [
    ("unit.district", "home_district"),
    ("grassroots_years", "age"),
    ("age", "grassroots_years"),
]


# --- the reference: three-valued logic, written out plainly --------------------------


def k_and(values):
    values = list(values)
    if any(v is False for v in values):
        return False
    return None if any(v is None for v in values) else True


def k_or(values):
    values = list(values)
    if any(v is True for v in values):
        return True
    return None if any(v is None for v in values) else False


def k_not(v):
    return None if v is None else not v


def compare(op, actual, expected):
    if op == "is_null":
        return (actual is None) is expected
    if actual is None or expected is None:
        return None
    if op == "contains":
        return expected in actual
    if op == "in":
        return actual in expected
    if op == "not_in":
        return actual not in expected
    if op == "between":
        return expected[0] <= actual <= expected[1]
    return {
        "eq": actual == expected,
        "ne": actual != expected,
        "lt": actual < expected,
        "le": actual <= expected,
        "gt": actual > expected,
        "ge": actual >= expected,
    }[op]


def reference(node, record) -> bool | None:
    kind = node[0]
    if kind == "leaf":
        _, field, tests = node
        return k_and(
            compare(op, record[field], record[ref] if ref else value) for op, value, ref in tests
        )
    if kind == "all":
        return k_and(reference(p, record) for p in node[1])
    if kind == "any":
        return k_or(reference(p, record) for p in node[1])
    return k_not(reference(node[1], record))


def reference_status(when, unless, record) -> int:
    w = reference(when, record) if when is not None else True
    u = reference(unless, record) if unless is not None else False
    applies = k_and([w, k_not(u)])
    if applies is True:
        return Status.APPLIES
    if w is True and u is True:
        return Status.EXEMPT
    return Status.UNKNOWN if applies is None else Status.NO


def completed_years(born: dt.date, on: dt.date) -> int:
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


# --- strategies ----------------------------------------------------------------------


@st.composite
def leaves(draw):
    if draw(st.integers(0, 9)) == 0:
        field, other = draw(st.sampled_from(REFS))
        op = draw(
            st.sampled_from(["eq", "ne"] if KINDS[field] == "str" else ["eq", "ne", "lt", "ge"])
        )
        return ("leaf", field, ((op, None, other),))
    field = draw(st.sampled_from(sorted(KINDS)))
    kind = KINDS[field]
    ops = draw(st.lists(st.sampled_from(OPS[kind]), min_size=1, max_size=2, unique=True))
    tests = []
    for op in ops:
        if op == "is_null":
            value = draw(st.booleans())
        elif op in ("in", "not_in"):
            value = tuple(draw(st.lists(LITERALS[field], max_size=3)))
        elif op == "between":
            value = tuple(
                sorted(
                    draw(st.lists(LITERALS[field], min_size=2, max_size=2)),
                    key=lambda v: (v is None, v),
                )
            )
        else:
            value = draw(LITERALS[field])
        tests.append((op, value, None))
    return ("leaf", field, tuple(tests))


conditions = st.recursive(
    leaves(),
    lambda inner: st.one_of(
        # the third item picks a spelling of "all": all: [..], a bare list, or one mapping
        st.tuples(st.just("all"), st.lists(inner, max_size=3).map(tuple), st.integers(0, 2)),
        st.tuples(st.just("any"), st.lists(inner, max_size=3).map(tuple)),
        st.tuples(st.just("not"), inner),
    ),
    max_leaves=6,
)


def nullable(strategy):
    return st.one_of(st.none(), strategy)


officers = st.fixed_dictionaries(
    {
        "birth_date": st.dates(dt.date(1960, 1, 1), dt.date(2004, 12, 31)),
        "unit": st.sampled_from(sorted(MERGED)),
        "rank": st.sampled_from(RANKS),
        "grassroots_years": nullable(st.integers(0, 6)),
        "joined_police": nullable(st.sampled_from(DATES)),
        "exam_passed": nullable(st.booleans()),
        "awarded": nullable(st.booleans()),
        "appraisal": nullable(st.sampled_from(APPRAISALS)),
        "home_district": nullable(st.sampled_from(DISTRICTS)),
        # how each value is spelled in the file
        "style": st.integers(0, 7),
    }
)


# --- rendering to files --------------------------------------------------------------


def yaml_literal(value):
    if isinstance(value, tuple):
        return [yaml_literal(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def to_yaml(node):
    kind = node[0]
    if kind == "leaf":
        _, field, tests = node
        return {
            field: {
                op: (f"$officer.{ref}" if ref else yaml_literal(value)) for op, value, ref in tests
            }
        }
    if kind == "not":
        return {"not": to_yaml(node[1])}
    parts = [to_yaml(p) for p in node[1]]
    if kind == "all" and node[2] == 1:
        return parts
    if kind == "all" and node[2] == 2:
        keys = [k for p in parts if isinstance(p, dict) for k in p]
        if all(isinstance(p, dict) for p in parts) and len(keys) == len(set(keys)):
            return {k: v for p in parts for k, v in p.items()}
    return {kind: parts}


def spell_date(d: dt.date, style: int) -> str:
    forms = [
        d.isoformat(),
        d.strftime("%Y/%m/%d"),
        d.strftime("%Y%m%d"),
        d.strftime("%Y.%m.%d"),
        f"{d.year}年{d.month}月{d.day}日",
    ]
    return forms[style % len(forms)]


def spell_bool(b: bool, style: int) -> str:
    forms = [("true", "false"), ("是", "否"), ("√", "×"), ("1", "0"), ("Yes", "No"), ("y", "n")]
    return forms[style % len(forms)][0 if b else 1]


def roster_text(people: list[dict]) -> str:
    header = [
        "officer_id",
        "name",
        "birth_date",
        "unit",
        "post",
        "rank",
        "grassroots_years",
        "joined_police",
        "exam_passed",
        "awarded",
        "appraisal",
        "home_district",
    ]
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow(header)
    for i, p in enumerate(people):
        s = p["style"]
        w.writerow(
            [
                f"P{i:03d}",
                "n",
                spell_date(p["birth_date"], s),
                p["unit"],
                "officer",
                RANK_SPELLING[p["rank"]][s % len(RANK_SPELLING[p["rank"]])],
                "" if p["grassroots_years"] is None else str(p["grassroots_years"]),
                "" if p["joined_police"] is None else spell_date(p["joined_police"], s + 1),
                "" if p["exam_passed"] is None else spell_bool(p["exam_passed"], s),
                "" if p["awarded"] is None else spell_bool(p["awarded"], s + 2),
                p["appraisal"] or "",
                p["home_district"] or "",
            ]
        )
    return out.getvalue()


def record_of(p: dict) -> dict:
    unit = MERGED[p["unit"]]
    return {
        "age": completed_years(p["birth_date"], AS_OF),
        "rank": p["rank"],
        "grassroots_years": p["grassroots_years"],
        "joined_police": p["joined_police"],
        "exam_passed": p["exam_passed"],
        "awarded": bool(p["awarded"]),  # a flag: empty is false
        "appraisal": p["appraisal"],
        "home_district": p["home_district"],
        **UNIT_FACTS[unit],
    }


ACTIONS = [
    {"flag": "review"},
    {"move": {"to": {"tier": "grassroots"}}},
    {"move": {"to": {"kind": "station"}}},
    {"set_post": "community_officer"},
    {"keep": True},
]

rules_strategy = st.lists(
    st.fixed_dictionaries(
        {
            "when": nullable(conditions),
            "unless": nullable(conditions),
            "action": st.integers(0, len(ACTIONS) - 1),
            "priority": st.integers(0, 2),
        }
    ),
    min_size=1,
    max_size=5,
)


def write_inputs(root: Path, people, rules) -> object:
    (root / "rules").mkdir()
    (root / "units.yaml").write_text(UNITS_YAML, encoding="utf-8")
    doc = {"rules": []}
    for i, r in enumerate(rules):
        item = {
            "id": f"r{i}",
            "priority": r["priority"],
            "then": copy.deepcopy(ACTIONS[r["action"]]),
        }
        if r["when"] is not None:
            item["when"] = to_yaml(r["when"])
        if r["unless"] is not None:
            item["unless"] = to_yaml(r["unless"])
        doc["rules"].append(item)
    (root / "rules" / "r.yaml").write_text(
        yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8"
    )
    (root / "roster.csv").write_text(roster_text(people), encoding="utf-8")
    return load_inputs(
        root / "roster.csv", rules=root / "rules", units=root / "units.yaml", as_of=AS_OF
    )


def reference_decision(statuses: list[int], rules: list[dict]) -> tuple[int, int, int]:
    """(state, deciding rule, other rule) for one officer, by SPEC §1.4 read plainly."""
    acting = [i for i, r in enumerate(rules) if "flag" not in ACTIONS[r["action"]]]
    applying = [i for i in acting if statuses[i] == Status.APPLIES]
    level = max((rules[i]["priority"] for i in applying), default=None)
    deciding = [i for i in applying if rules[i]["priority"] == level]
    unknown = [i for i in acting if statuses[i] == Status.UNKNOWN]
    higher = [i for i in unknown if level is None or rules[i]["priority"] > level]
    same_level = [
        i
        for i in unknown
        if rules[i]["priority"] == level
        and all(ACTIONS[rules[k]["action"]] != ACTIONS[rules[i]["action"]] for k in deciding)
    ]
    if deciding and not (higher and level is not None):
        first = deciding[0]
        differ = [
            i for i in deciding if ACTIONS[rules[i]["action"]] != ACTIONS[rules[first]["action"]]
        ]
        if differ:
            return State.CONFLICT, first, differ[0]
    if higher or same_level:
        return State.WITHHELD, -1, -1
    if deciding:
        return State.DECIDED, deciding[0], -1
    return State.NONE, -1, -1


@SETTINGS
@given(people=st.lists(officers, min_size=1, max_size=8), rules=rules_strategy)
def test_engine_matches_reference(people, rules):
    with tempfile.TemporaryDirectory() as tmp:
        inputs = write_inputs(Path(tmp), people, rules)
    assert inputs.roster.issues == []
    j = inputs.judgement
    assert [r.id for r in j.rules] == [f"r{i}" for i in range(len(rules))]
    assert j.frame["officer_id"].to_list() == [f"P{i:03d}" for i in range(len(people))]
    flags, exempt = set(), set()
    for k, p in enumerate(people):
        record = record_of(p)
        want = [reference_status(r["when"], r["unless"], record) for r in rules]
        got = [int(s) for s in j.status[k]]
        assert got == want, (k, record)
        state, decision, other = reference_decision(want, rules)
        assert (int(j.state[k]), int(j.decision[k])) == (state, decision), (k, want)
        if state == State.CONFLICT:
            assert int(j.other[k]) == other
        flags |= {
            (k, i)
            for i, r in enumerate(rules)
            if want[i] == Status.APPLIES and "flag" in ACTIONS[r["action"]]
        }
        exempt |= {(k, i) for i in range(len(rules)) if want[i] == Status.EXEMPT}
    assert set(j.flags) == flags
    assert set(j.exempt) == exempt


# --- arbitrary input: a message, never a traceback ------------------------------------

HEADERS = [
    "officer_id",
    "name",
    "birth_date",
    "unit",
    "post",
    "rank",
    "id_number",
    "wishes",
    "exam_passed",
    "grassroots_years",
    "警號",
    "出生日期",
    "單位",
    "",
    "x",
]
CELLS = [
    "",
    "A1",
    "BGS",
    "辦公室",
    "officer",
    "所長",
    "staff",
    "1980-01-01",
    "1980年1月",
    "2000-13-45",
    "19800101",
    "9999-99-99",
    "0",
    "-1",
    "1e309",
    "nan",
    "是",
    "√",
    "11010519800101123X",
    '"',
    "a,b",
    "；、",
    "\u3000",
    "１２",
    "=cmd()",
    "\x00",
    "\r",
    "\n",
    "PCS-HF;NOPE",
]


@st.composite
def csv_like(draw):
    header = draw(st.lists(st.sampled_from(HEADERS), min_size=0, max_size=8))
    rows = draw(
        st.lists(
            st.lists(st.one_of(st.sampled_from(CELLS), st.text(max_size=6)), max_size=9), max_size=6
        )
    )
    text = "\n".join(",".join(r) for r in [header, *rows])
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "gb18030", "utf-16"]))
    try:
        return text.encode(encoding)
    except UnicodeEncodeError:
        return text.encode("utf-8")


@SETTINGS
@given(
    data=st.one_of(st.binary(max_size=300), csv_like()),
    suffix=st.sampled_from([".csv", ".xlsx", ".txt"]),
)
def test_roster_loader_raises_only_placement_errors(data, suffix):
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        (root / "units.yaml").write_text(UNITS_YAML, encoding="utf-8")
        units = load_units(root / "units.yaml")
        path = root / f"roster{suffix}"
        path.write_bytes(data)
        try:
            roster = read_roster(path, units, Vocabulary(), {}, AS_OF)
        except PlacementError:
            return
    # whatever loaded: every entry names a row, and no row is lost
    assert all(isinstance(e["row"], int) and e["row"] >= 2 for e in roster.issues)
    assert roster.officers["_row"].is_unique().all()


KEYS = [
    "ruleset",
    "as_of",
    "constants",
    "fields",
    "vocab",
    "targets",
    "allowances",
    "rules",
    "tests",
    "id",
    "when",
    "unless",
    "then",
    "move",
    "to",
    "prefer",
    "post",
    "set_post",
    "flag",
    "keep",
    "priority",
    "effective_from",
    "all",
    "any",
    "not",
    "age",
    "rank",
    "unit.tags",
    "unit.id",
    "tier",
    "eq",
    "lt",
    "in",
    "between",
    "contains",
    "is_null",
    "share",
    "where",
    "of",
    "at_least",
    "amount",
    "type",
    "values",
    "officer",
    "expect",
    "$x",
]
SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-3, 50),
    st.floats(allow_nan=True),
    st.sampled_from(
        [
            "BGS",
            "staff",
            "$x",
            "$officer.age",
            "$officer.nope",
            "grassroots",
            "2026-10-01",
            "所長",
            "enum",
            "number",
            "",
        ]
    ),
    st.dates(dt.date(1999, 1, 1), dt.date(2030, 1, 1)),
)
documents = st.recursive(
    SCALARS,
    lambda inner: st.one_of(
        st.lists(inner, max_size=3), st.dictionaries(st.sampled_from(KEYS), inner, max_size=4)
    ),
    max_leaves=25,
)


def check_rules_bytes(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        (root / "units.yaml").write_text(UNITS_YAML, encoding="utf-8")
        units = load_units(root / "units.yaml")
        (root / "r.yaml").write_bytes(data)
        try:
            check_ruleset([root / "r.yaml"], units)
        except PlacementError:
            pass


@SETTINGS
@given(data=st.binary(max_size=300))
def test_rule_loader_arbitrary_bytes(data):
    check_rules_bytes(data)


@SETTINGS
@given(doc=st.dictionaries(st.sampled_from(KEYS), documents, max_size=5))
def test_rule_loader_arbitrary_documents(doc):
    check_rules_bytes(yaml.safe_dump(doc, allow_unicode=True).encode())


@SETTINGS
@given(
    rules=st.lists(
        st.fixed_dictionaries(
            {
                "id": st.sampled_from(["a", "b", "a b", ""]),
                "when": documents,
                "unless": documents,
                "then": documents,
            }
        ),
        max_size=3,
    )
)
def test_rule_loader_arbitrary_rules(rules):
    check_rules_bytes(yaml.safe_dump({"rules": rules}, allow_unicode=True).encode())


def test_reference_sanity():
    # the reference itself: Kleene tables
    assert k_and([True, None]) is None and k_and([False, None]) is False
    assert k_or([True, None]) is True and k_or([False, None]) is None
    assert compare("is_null", None, True) is True and compare("lt", None, 3) is None
    assert (
        json.dumps(to_yaml(("not", ("leaf", "age", (("lt", 3, None),)))))
        == '{"not": {"age": {"lt": 3}}}'
    )
