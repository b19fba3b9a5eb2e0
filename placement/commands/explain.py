"""`explain`: for one officer, every rule as a tree of tests, the deciding tests, the decision."""

from __future__ import annotations

from typing import cast

import numpy as np

from placement.documents import PlanDocument, Transfer
from placement.evaluate.decide import State, Status
from placement.evaluate.truth import describe, evaluate
from placement.load.inputs import Inputs
from placement.load.rules.conditions import All, AnyOf, Node, Not, Test
from placement.load.vocab import Vocabulary
from placement.messages import Message
from placement.messages.rows import take
from placement.problems import InputError, did_you_mean, problem

_TRUTH = {True: "true", False: "false", None: "unknown"}


def explain(inputs: Inputs, officer_id: str, plan: PlanDocument | None = None) -> dict:
    """The explain document of one officer.

    Each rule gives its status and its `when` (and `unless`) as a tree: nodes
    `{"node": "all"|"any"|"not", "result", "parts"}` and leaves `{"node": "test", "test",
    "value", "result", "text", "decides"}`, result "true", "false" or "unknown" (SPEC §1.4
    three-valued logic). `why_not` lists the tests that decided a rule not to apply (a false
    `when`, or a true `unless`), `unknown` the tests that left it unknown. With the `plan`
    (made with the same options, pins included), the officer's transfer, exceptions and pin.
    Raises InputError for an officer id not in the roster.
    """
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
            problem(
                "unknown-officer",
                inputs.roster.path,
                hint=did_you_mean(officer_id, all_ids),
                officer=officer_id,
            )
        )
    k = ids.index(officer_id)
    record = f.row(k, named=True)
    j = inputs.judgement
    vocab = inputs.ruleset.vocab
    rules = []
    for r in inputs.ruleset.rules:
        item: dict = {"rule_id": r.id, "title": r.title, "priority": r.priority, "action": r.action}
        if r not in j.rules:
            item["status"] = "not in force"
            item["note"] = Message(
                "explain-not-in-force",
                {
                    "start": str(r.effective_from or "…"),
                    "end": str(r.effective_until or "…"),
                    "as_of": str(inputs.as_of),
                },
            )
            rules.append(item)
            continue
        st = Status(int(j.status[k, j.rules.index(r)]))
        when, w = tree(r.when, record, vocab)
        item["when"] = when
        u: bool | None = False
        if r.unless is not None:
            item["unless"], u = tree(r.unless, record, vocab)
        item["status"] = {
            Status.APPLIES: "applies",
            Status.EXEMPT: "exempt",
            Status.UNKNOWN: "unknown (missing data)",
        }.get(st, "does not apply")
        if w is False:
            item["why_not"] = deciding(item["when"])
        elif u is True:
            item["why_not"] = deciding(item["unless"])
        elif st == Status.UNKNOWN:
            item["unknown"] = deciding(item["when"]) if w is None else []
            if u is None:
                item["unknown"] += deciding(item["unless"])
        rules.append(item)
    state = State(int(j.state[k]))
    decision = {
        State.DECIDED: "decided",
        State.CONFLICT: "conflict",
        State.WITHHELD: "withheld for missing data",
    }.get(state, "no action")
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
    if inputs.ruleset.appointments:
        from placement.commands.explain_policies import explain_policies

        out["appointment_policies"] = explain_policies(inputs, k, record, plan)
    if plan is not None:
        rows = plan["transfers"]
        n = next((n for n, t in enumerate(rows) if t["officer_id"] == officer_id), None)
        if n is not None:
            out["transfer"] = cast("Transfer", take(rows, n))
        out["exceptions"] = [e for e in plan["exceptions"] if e["officer_id"] == officer_id]
        pins = [p for p in plan.get("pins", []) if p.get("officer_id") == officer_id]
        if pins:
            out["pins"] = pins
    return out


def tree(node: Node, record: dict, vocab: Vocabulary) -> tuple[dict, bool | None]:
    """The condition as a tree of results for one record, and its truth value.

    Leaves whose result decides the whole (see `decides`) carry `"decides": true`."""
    out, result = _walk(node, record, vocab)
    _mark(out)
    return out, result


def _walk(node: Node, record: dict, vocab: Vocabulary) -> tuple[dict, bool | None]:
    if isinstance(node, Test):
        steps: list = []
        result = evaluate(node, record, record, steps)
        s = steps[0]
        actual = s.actual
        if isinstance(actual, float) and actual.is_integer():
            actual = int(actual)
        if isinstance(actual, (list, tuple, np.ndarray)):
            actual = list(actual)
        leaf = {
            "node": "test",
            "test": f"{node.field} {node.op} "
            + (f"$officer.{node.ref}" if node.ref else repr(s.expected)),
            "value": actual if not hasattr(actual, "isoformat") else actual.isoformat(),
            "result": _TRUTH[result],
            "text": describe(s, vocab),
            "decides": False,
        }
        return leaf, result
    if isinstance(node, Not):
        part, r = _walk(node.part, record, vocab)
        result = None if r is None else not r
        return {"node": "not", "result": _TRUTH[result], "parts": [part]}, result
    if not isinstance(node, (All, AnyOf)):
        raise TypeError(f"cannot explain {node!r}")  # a Broken node: the rule set had errors
    kind = "all" if isinstance(node, All) else "any"
    parts = [_walk(p, record, vocab) for p in node.parts]
    result = evaluate(node, record, record)
    return {"node": kind, "result": _TRUTH[result], "parts": [p for p, _ in parts]}, result


def _deciders(node: dict) -> list[dict]:
    """The leaves that decide a node's result (SPEC §1.4 three-valued logic): a true `all` is
    decided by all its parts, a false one by its false parts, an unknown one by its unknown
    parts; a true `any` by its true parts, a false one by all its parts, an unknown one by its
    unknown parts; `not` by its part; a test by itself."""
    if node["node"] == "test":
        return [node]
    result = node["result"]
    parts = node["parts"]
    if node["node"] == "not":
        chosen = parts
    elif node["node"] == "all":
        chosen = parts if result == "true" else [p for p in parts if p["result"] == result]
    else:
        chosen = parts if result == "false" else [p for p in parts if p["result"] == result]
    return [leaf for p in chosen for leaf in _deciders(p)]


def _mark(node: dict) -> None:
    for leaf in _deciders(node):
        leaf["decides"] = True


def deciding(node: dict) -> list[str]:
    """The texts of the tests that decide a tree's result, in the order the rule writes them."""
    return [leaf["text"] for leaf in _deciders(node)]
