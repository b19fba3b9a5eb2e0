"""The data-gap report, conflicts and decisions against an independent reading of SPEC §1.4
("Missing data", "Priority and conflicts"), on random rule sets and officers with empty fields."""

from __future__ import annotations

import copy
import tempfile
from pathlib import Path

import yaml
from hypothesis import given
from hypothesis import strategies as st

from placement.evaluate.decide import State, Status
from placement.load.inputs import load_inputs, rule_entries
from tests.test_engine_property import (
    AS_OF,
    SETTINGS,
    UNITS_YAML,
    conditions,
    nullable,
    officers,
    record_of,
    reference_status,
    roster_text,
    to_yaml,
)

APPLIES, UNKNOWN, EXEMPT = Status.APPLIES, Status.UNKNOWN, Status.EXEMPT
NONE, DECIDED, CONFLICT, WITHHELD = State.NONE, State.DECIDED, State.CONFLICT, State.WITHHELD

# (then, acts, flags, outcome): a flag among other actions makes a flag rule too
ACTIONS = [
    ({"flag": "review"}, False, True, None),
    ({"move": {"to": {"tier": "grassroots"}}}, True, False, ("move", "grassroots")),
    ({"move": {"to": {"kind": "station"}}}, True, False, ("move", "station")),
    ({"set_post": "community_officer"}, True, False, ("set_post", "community_officer")),
    ({"keep": True}, True, False, ("keep",)),
    ({"move": {"to": {"tier": "grassroots"}}, "flag": "look"}, True, True, ("move", "grassroots")),
    ({"keep": True, "flag": "kept"}, True, True, ("keep",)),
]

rule_sets = st.lists(
    st.fixed_dictionaries(
        {
            "when": nullable(conditions),
            "unless": nullable(conditions),
            "action": st.integers(0, len(ACTIONS) - 1),
            "priority": st.sampled_from([0, 5, 10]),
        }
    ),
    min_size=1,
    max_size=7,
)


# --- the reference ---------------------------------------------------------------------


def value(node, record):
    """Kleene value of a reference condition, and the fields that decide it when unknown."""
    kind = node[0]
    if kind == "leaf":
        _, field, tests = node
        results, fields = [], []
        for op, literal, ref in tests:
            actual = record[field]
            expected = record[ref] if ref else literal
            if op == "is_null":
                results.append((actual is None) is literal)
                continue
            if actual is None or expected is None:
                results.append(None)
                fields.append([f for f, v in ((field, actual), (ref, expected)) if f and v is None])
            else:
                results.append(reference_status_leaf(op, actual, expected))
        if len(tests) == 1:
            out = results[0]
            return out, (fields[0] if out is None and fields else [])
        out = _and(results)
        if out is not None:
            return out, []
        # several operators on one field form an `all`: its unknown tests decide
        return out, [f for fs in fields for f in fs]
    if kind == "not":
        out, fields = value(node[1], record)
        return (None if out is None else not out), fields
    parts = [value(p, record) for p in node[1]]
    out = _and([p[0] for p in parts]) if kind == "all" else _or([p[0] for p in parts])
    if out is not None:
        return out, []
    return None, [f for v, fs in parts if v is None for f in fs]


def reference_status_leaf(op, actual, expected):
    from tests.test_engine_property import compare

    return compare(op, actual, expected)


def _and(values):
    if any(v is False for v in values):
        return False
    return None if any(v is None for v in values) else True


def _or(values):
    if any(v is True for v in values):
        return True
    return None if any(v is None for v in values) else False


def gap_fields(rule, record) -> list[str]:
    """Empty fields deciding `when and not unless` (which is unknown)."""
    parts = []
    if rule["when"] is not None:
        parts.append(rule["when"])
    if rule["unless"] is not None:
        parts.append(("not", rule["unless"]))
    _, fields = value(("all", tuple(parts), 0), record)
    return sorted(set(fields))


def reference(rules, record):
    """(state, deciding rule, exceptions {(code, rule, field)}) for one officer."""
    status = [reference_status(r["when"], r["unless"], record) for r in rules]
    acting = [i for i, r in enumerate(rules) if ACTIONS[r["action"]][1]]
    applying = [i for i in acting if status[i] == APPLIES]
    level = max((rules[i]["priority"] for i in applying), default=None)
    deciding = [i for i in applying if rules[i]["priority"] == level]
    out = set()
    lead = ACTIONS[rules[deciding[0]]["action"]][3] if deciding else None
    clash = [i for i in deciding if ACTIONS[rules[i]["action"]][3] != lead]
    held, higher = [], False
    for i, r in enumerate(rules):
        if status[i] != UNKNOWN:
            continue
        act, flag, outcome = ACTIONS[r["action"]][1:]
        listed = flag
        if act:
            if level is None or r["priority"] > level:
                held.append(i)
                higher = higher or level is not None
                listed = True
            elif r["priority"] == level and all(
                ACTIONS[rules[k]["action"]][3] != outcome for k in deciding
            ):
                held.append(i)
                listed = True
        if listed:
            out |= {("missing_data", f"r{i}", f) for f in gap_fields(r, record) or [""]}
    for i in range(len(rules)):
        if status[i] == EXEMPT:
            out.add(("exempt", f"r{i}", None))
    if clash and not higher:
        out.add(("conflict", f"r{deciding[0]}", None))
        return CONFLICT, deciding[0], out
    if held:
        return WITHHELD, -1, out
    if deciding:
        return DECIDED, deciding[0], out
    return NONE, -1, out


def write(root: Path, people, rules):
    (root / "rules").mkdir()
    (root / "units.yaml").write_text(UNITS_YAML, encoding="utf-8")
    doc = {"rules": []}
    for i, r in enumerate(rules):
        item = {
            "id": f"r{i}",
            "priority": r["priority"],
            "then": copy.deepcopy(ACTIONS[r["action"]][0]),
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


@SETTINGS
@given(people=st.lists(officers, min_size=1, max_size=8), rules=rule_sets)
def test_gap_report_and_decisions_match_reference(people, rules):
    with tempfile.TemporaryDirectory() as tmp:
        inputs = write(Path(tmp), people, rules)
    j = inputs.judgement
    got: dict[str, set] = {}
    for e in rule_entries(inputs):
        got.setdefault(e["officer_id"], set()).add((e["code"], e["rule_id"], e["field"] or ""))
    for k, p in enumerate(people):
        record = record_of(p)
        state, decision, want = reference(rules, record)
        want = {(c, r, f or "") for c, r, f in want}
        assert (int(j.state[k]), int(j.decision[k])) == (state, decision), (k, record)
        assert got.get(f"P{k:03d}", set()) == want, (k, record)
