"""`explain ROSTER OFFICER_ID`, the appointment side (SPEC §3): for each appointment policy in
force, whether the officer is eligible (each test of `eligible` as the rule trees show it), whether
its `where` holds at the officer's own unit, the officer's merit position among the policy's
eligible officers, and — from the plan's `appointments` — appointed, an alternate, or why not.
"""

from __future__ import annotations

from typing import Any

import polars as pl

from placement.commands.explain import deciding, tree
from placement.evaluate.posts import eligibility, merit_positions, selector_on_pairs
from placement.load.inputs import Inputs
from placement.messages import Message

_TRUTH = {True: "true", False: "false", None: "unknown"}


def explain_policies(inputs: Inputs, k: int, record: dict, plan: dict | None) -> list[dict]:
    """One entry per appointment policy in force for the officer at frame row `k` (`record`).

    Each: policy_id, title, post, priority, eligible ("true" | "false" | "unknown"), tree (the
    `eligible` condition as explain's rule trees), why_not / unknown (deciding tests), where
    ("true" | "false" | "unknown" at the officer's unit; absent without `where`), merit
    ({position, eligible} when eligible), outcome (a Message: appointed, alternate, or why
    not). O(policies × roster) columnar work; nothing per officer of the roster."""
    frame = inputs.frame
    vocab = inputs.ruleset.vocab
    appointed = {a["officer_id"]: a for a in (plan or {}).get("appointments", [])}
    slates: dict[str, list[str]] = {}
    for a in (plan or {}).get("appointments", []):
        for x in a.get("alternates") or []:
            slates.setdefault(x, []).append(f"{a['unit_id']}:{a['post']}")
    moved = {
        t["officer_id"]: t
        for t in (plan or {}).get("transfers", [])
        if t["rule_id"] != "unit_merge" and t["officer_id"] not in appointed
    }
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
            ranked = merit_positions(
                frame, policy, vocab, eligibility(frame, policy)["eligible"].fill_null(False)
            )
            mine = ranked.filter(pl.col("officer_id") == oid)
            item["merit"] = {
                "position": int(mine["position"][0]) if mine.height else None,
                "eligible": ranked.height,
            }
        item["outcome"] = _outcome(
            policy.id, result, appointed.get(oid), slates.get(oid), moved.get(oid), plan
        )
        out.append(item)
    return out


def _outcome(
    policy_id: str,
    result: bool | None,
    appointment: dict | None,
    slates: list[str] | None,
    moved: dict | None,
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
    if moved is not None:
        cause = Message(
            "cause-moved",
            {"rule": moved["rule_id"], "unit": moved["to_unit"], "post": moved["to_post"]},
        )
        return Message("cannot-move", {"cause": cause})
    if slates:
        return Message("policy-alternate", {"posts": slates})
    if plan is None or "appointments" not in plan:
        return Message("policy-plan-no-appointments", {})
    return Message("policy-not-chosen", {})
