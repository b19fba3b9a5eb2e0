"""`explain`: for one officer, every rule, every test, and the decision."""

from __future__ import annotations

from typing import Literal

import numpy as np

from placement.documents import TestStep
from placement.evaluate.decide import State, Status
from placement.evaluate.truth import Step, describe, evaluate
from placement.load.inputs import Inputs
from placement.load.vocab import Vocabulary
from placement.problems import InputError, Problem, did_you_mean

_TRUTH: dict[bool | None, Literal["true", "false", "unknown"]] = {
    True: "true",
    False: "false",
    None: "unknown",
}


def explain(inputs: Inputs, officer_id: str, plan: dict | None = None) -> dict:
    f = inputs.frame
    ids = f["officer_id"].to_list()
    issues = [e for e in inputs.roster.issues if e["officer_id"] == officer_id]
    if officer_id not in ids:
        if issues:
            return {
                "officer_id": officer_id,
                "row_issues": issues,
                "rules": [],
                "decision": "not planned",
            }
        all_ids = inputs.roster.officers["officer_id"].drop_nulls().to_list()
        raise InputError(
            Problem(
                inputs.roster.path,
                0,
                0,
                "unknown-officer",
                f"officer '{officer_id}' is not in the roster",
                did_you_mean(officer_id, all_ids),
            )
        )
    k = ids.index(officer_id)
    record = f.row(k, named=True)
    j = inputs.judgement
    vocab = inputs.ruleset.vocab
    rules = []
    for r in inputs.ruleset.rules:
        item = {"rule_id": r.id, "title": r.title, "priority": r.priority, "action": r.action}
        if r not in j.rules:
            item["status"] = "not in force"
            item["note"] = (
                f"effective {r.effective_from or '…'} to {r.effective_until or '…'}; "
                f"as of {inputs.as_of}"
            )
            rules.append(item)
            continue
        i = j.rules.index(r)
        st = int(j.status[k, i])
        trace: list = []
        w = evaluate(r.when, record, record, trace)
        item["when"] = _truth(w)
        item["tests"] = [_step(s, vocab) for s in trace]
        if r.unless is not None:
            ut: list = []
            u = evaluate(r.unless, record, record, ut)
            item["unless"] = _truth(u)
            item["unless_tests"] = [_step(s, vocab) for s in ut]
        item["status"] = {
            Status.APPLIES: "applies",
            Status.EXEMPT: "exempt",
            Status.UNKNOWN: "unknown (missing data)",
        }.get(Status(st), "does not apply")
        if st == Status.NO and w is not True:
            first = next((s for s in trace if s.result is False), None)
            if first is not None:
                item["why_not"] = describe(first, vocab)
        rules.append(item)
    state = int(j.state[k])
    decision = {
        State.DECIDED: "decided",
        State.CONFLICT: "conflict",
        State.WITHHELD: "withheld for missing data",
    }.get(State(state), "no action")
    out = {
        "officer_id": officer_id,
        "name": record["name"],
        "row": record["_row"],
        "unit": record["unit"],
        "post": record["post"],
        "age": record["age"],
        "rules": rules,
        "decision": decision,
        "row_issues": issues,
    }
    if state in (State.DECIDED, State.CONFLICT):
        out["deciding_rule"] = j.rules[j.decision[k]].id
    if state == State.CONFLICT:
        out["conflicting_rule"] = j.rules[j.other[k]].id
    if plan is not None:
        t = next((t for t in plan["transfers"] if t["officer_id"] == officer_id), None)
        if t:
            out["transfer"] = t
        out["exceptions"] = [e for e in plan["exceptions"] if e["officer_id"] == officer_id]
        pin = next((p for p in plan.get("pins", []) if p["officer_id"] == officer_id), None)
        if pin:
            out["pin"] = pin
    return out


def _truth(v: bool | None) -> Literal["true", "false", "unknown"]:
    return _TRUTH[v]


def _step(s: Step, vocab: Vocabulary) -> TestStep:
    actual = s.actual
    if isinstance(actual, float) and actual.is_integer():
        actual = int(actual)
    if isinstance(actual, (list, tuple, np.ndarray)):
        actual = list(actual)
    return {
        "test": f"{s.test.field} {s.test.op} "
        + (f"$officer.{s.test.ref}" if s.test.ref else repr(s.expected)),
        "value": actual if not hasattr(actual, "isoformat") else actual.isoformat(),
        "result": _truth(s.result),
        "text": describe(s, vocab),
    }
