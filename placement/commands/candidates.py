"""Who is a candidate for appointments in a plan (SPEC §2.1 point 2), read back from the plan
document, and each eligible officer's merit position among the candidates — what `explain`
shows beside the plan's own `merit` figures.

A candidate keeps their unit and post in the plan: no rule moves them or changes their post
(a row of `transfers` whose rule is not `unit_merge` or an appointment policy), no `keep` rule
decides them (the judgement), no pin holds them, and they have no exception other than
`exempt`. Merges do not matter: candidates stand where the merges put them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, cast

import numpy as np
import polars as pl

from placement.documents import PlanDocument
from placement.evaluate.decide import State
from placement.evaluate.posts import eligibility, merit_positions
from placement.load.inputs import Inputs
from placement.load.rules.appointments import Policy
from placement.messages import Message


@dataclass
class NotCandidate:
    """Why officers are no candidates: officer_id -> the cause (a Message)."""

    causes: dict[str, Message]


def not_candidates(inputs: Inputs, plan_doc: PlanDocument | None) -> NotCandidate:
    """The officers the plan leaves no candidate, each with the cause (`cause-moved`,
    `cause-kept`, `cause-pinned`, `cause-exception`). O(plan + officers decided by keep)."""
    plan = cast(dict[str, Any], plan_doc or {})
    policies = {p.id for p in inputs.ruleset.appointments}
    appointed = {a["officer_id"] for a in plan.get("appointments", [])}
    causes: dict[str, Message] = {}
    for e in plan.get("exceptions", []):
        if e.get("officer_id") and e["code"] != "exempt":
            causes.setdefault(e["officer_id"], Message("cause-exception", {"code": e["code"]}))
    for p in plan.get("pins", []):
        if "post" not in p["pin"]:
            causes[p["officer_id"]] = Message("cause-pinned", {})
    for t in plan.get("transfers", []):
        if t["rule_id"] in ("unit_merge", "pin") or t["rule_id"] in policies:
            continue
        if t["officer_id"] in appointed:
            continue
        causes[t["officer_id"]] = Message(
            "cause-moved", {"rule": t["rule_id"], "unit": t["to_unit"], "post": t["to_post"]}
        )
    j = inputs.judgement
    keep = [k for k, r in enumerate(j.rules) if r.action == "keep"]
    if keep:
        decided = (j.state == int(State.DECIDED)) & np.isin(j.decision, keep)
        ids = inputs.frame["officer_id"].cast(pl.String).to_numpy()
        for k in np.flatnonzero(decided):
            causes.setdefault(
                str(ids[k]), Message("cause-kept", {"rule": j.rules[j.decision[k]].id})
            )
    return NotCandidate(causes)


def ranked(inputs: Inputs, policy: Policy, out: NotCandidate) -> pl.DataFrame:
    """Every officer the policy's `eligible` admits, in merit order: officer_id, order (1 =
    best among all eligible), candidate (bool), position (Int64: among the candidates, as the
    plan counts `merit.position`; null for a non-candidate)."""
    frame = inputs.frame
    elig = eligibility(frame, policy)["eligible"].fill_null(False)
    every = merit_positions(frame, policy, inputs.ruleset.vocab, elig)
    blocked = sorted(out.causes)
    cand = ~pl.col("officer_id").cast(pl.String).is_in(blocked)
    return every.select(
        pl.col("officer_id").cast(pl.String),
        pl.col("position").alias("order"),
        cand.alias("candidate"),
    ).with_columns(
        pl.when(pl.col("candidate"))
        .then(pl.col("candidate").cast(pl.Int64).cum_sum())
        .alias("position")
    )
