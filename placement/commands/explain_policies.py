"""`explain ROSTER OFFICER_ID`, the appointment side (SPEC §3): for each appointment policy in
force, whether the officer is eligible (each test of `eligible` as the rule trees show it), whether
its `where` holds at the officer's own unit, the officer's merit position among the policy's
eligible officers, and — from the plan's `appointments` — appointed, an alternate, or why not.
"""

from __future__ import annotations

from typing import Any, cast

import polars as pl

from placement.commands.candidates import not_candidates, ranked
from placement.commands.explain import deciding, tree
from placement.documents import PlanDocument
from placement.evaluate.posts import selector_on_pairs
from placement.load.inputs import Inputs
from placement.messages import Message

_TRUTH = {True: "true", False: "false", None: "unknown"}


def explain_policies(
    inputs: Inputs, k: int, record: dict, plan_doc: PlanDocument | None
) -> list[dict]:
    """One entry per appointment policy in force for the officer at frame row `k` (`record`).

    Each: policy_id, title, post, priority, eligible ("true" | "false" | "unknown"), tree (the
    `eligible` condition as explain's rule trees), why_not / unknown (deciding tests), where
    ("true" | "false" | "unknown" at the officer's unit; absent without `where`), merit
    ({position among the candidates or None when the officer is none, eligible candidates}
    when eligible), outcome (a Message: appointed, alternate, or why
    not). O(policies × roster) columnar work; nothing per officer of the roster."""
    plan = cast(dict[str, Any] | None, plan_doc)
    frame = inputs.frame
    vocab = inputs.ruleset.vocab
    appointed = {a["officer_id"]: a for a in (plan or {}).get("appointments", [])}
    slates: dict[str, list[str]] = {}
    for a in (plan or {}).get("appointments", []):
        for x in a.get("alternates") or []:
            slates.setdefault(x, []).append(f"{a['unit_id']}:{a['post']}")
    nc = not_candidates(inputs, plan_doc)
    oid = record["officer_id"]
    out: list[dict[str, Any]] = []
    for policy in inputs.ruleset.appointments:
        if not policy.in_force(inputs.as_of):
            continue
        node, result = tree(policy.eligible, record, vocab)
        item: dict[str, Any] = {
            "policy_id": policy.id,
            "title": policy.title,
            "post": policy.post,
            "priority": policy.priority,
            "eligible": _TRUTH[result],
            "tree": node,
        }
        if result is False:
            item["why_not"] = deciding(node)
        elif result is None:
            item["unknown"] = deciding(node)
        if policy.where is not None:
            pairs = pl.DataFrame({"_row": [record["_row"]], "unit_id": [record["unit"]]})
            item["where"] = _TRUTH[selector_on_pairs(policy.where, frame, inputs.units, pairs)[0]]
        if result:
            order = ranked(inputs, policy, nc)
            mine = order.filter(pl.col("officer_id") == str(oid))
            item["merit"] = {
                "position": mine["position"][0] if mine.height else None,
                "eligible": int(order["candidate"].sum()),
            }
        item["outcome"] = _outcome(
            policy.id, result, appointed.get(oid), slates.get(oid), nc.causes.get(oid), plan
        )
        out.append(item)
    return out


def _outcome(
    policy_id: str,
    result: bool | None,
    appointment: dict | None,
    slates: list[str] | None,
    cause: Message | None,
    plan: dict | None,
) -> Message:
    if appointment is not None:
        where = f"{appointment['unit_id']}:{appointment['post']}"
        if appointment["policy_id"] == policy_id:
            return Message("policy-appointed", {"post": where})
        return Message(
            "policy-appointed-other", {"post": where, "policy": appointment["policy_id"]}
        )
    if not result:
        return Message(
            "policy-not-eligible" if result is False else "policy-eligibility-unknown", {}
        )
    if cause is not None:
        return Message("cannot-move", {"cause": cause})
    if slates:
        return Message("policy-alternate", {"posts": slates})
    if plan is None or "appointments" not in plan:
        return Message("policy-plan-no-appointments", {})
    return Message("policy-not-chosen", {})
