"""`explain --post UNIT:POST` (SPEC §3): one leadership post — its establishment and holders
before and after the plan, the policy governing it, the eligible candidates in merit order
with who was appointed and one reason for each other, and the candidates whose eligibility is
unknown with their empty fields.

Candidates are computed with `placement.evaluate.posts` (governing, eligibility,
merit_positions, selector_on_pairs) on the roster as it is after the merges; who was
appointed comes from the plan's `appointments` (SPEC §4), so the document is right whether or
not the plan makes appointments (without them every candidate is listed without a reason).
"""

from __future__ import annotations

from typing import Any, cast

import polars as pl

from placement.commands.candidates import NotCandidate, not_candidates
from placement.commands.candidates import ranked as ranked_by_merit
from placement.documents import PlanDocument
from placement.evaluate.posts import eligibility, governing, selector_on_pairs
from placement.load.inputs import Inputs
from placement.messages import Message
from placement.problems import InputError, did_you_mean, problem

DEFAULT_LIMIT = 20


def parse_spec(inputs: Inputs, spec: str) -> tuple[str, str]:
    """(unit_id, post term) of `UNIT:POST` (UNIT an id or exact name, POST a term or alias).

    Raises InputError (exit 2): `bad-post-spec` without a colon, `unknown-post-unit` and
    `unknown-post-name` with a did-you-mean hint."""
    sep = ":" if ":" in spec else "：" if "：" in spec else None
    if sep is None:
        raise InputError(problem("bad-post-spec", "--post", spec=spec))
    unit_text, post_text = (x.strip() for x in spec.rsplit(sep, 1))
    units = inputs.units
    uid = units.resolve(unit_text)
    if uid is None:
        names = [*units.by_id, *units.by_name]
        hint = did_you_mean(unit_text, names)
        raise InputError(problem("unknown-post-unit", "--post", hint=hint, unit=unit_text))
    table = inputs.ruleset.vocab.lookup("post")
    post = table.get(post_text) or table.get(post_text.lower())
    if post is None:
        hint = did_you_mean(post_text, sorted(set(table.values())))
        raise InputError(problem("unknown-post-name", "--post", hint=hint, post=post_text))
    return uid, post


def explain_post(
    inputs: Inputs, spec: str, plan_doc: PlanDocument, limit: int | None = DEFAULT_LIMIT
) -> dict:
    """The explain-post document of `spec` (`UNIT:POST`) under `plan` (made with the same
    options). `limit`: how many eligible candidates to list (None: all); the unknown ones are
    limited alike. A dissolved unit is read as the unit that absorbed it.

    Keys: unit_id, unit_name, post, established (bool), establishment (int | None),
    holders_before / holders_after (officer ids), policy ({policy_id, title, priority, rank,
    slate} | None), eligible (count of candidates), shown, candidates (merit order: officer_id,
    name, unit, post, rank, position, appointed, alternate, reason code | None, why Message |
    None), unknown (officer_id, name, unit, fields), appointments (the plan's at this post),
    notes (Messages). Raises InputError for a bad spec (see parse_spec)."""
    plan = cast(dict[str, Any], plan_doc)
    uid, post = parse_spec(inputs, spec)
    uid = inputs.units.final.get(uid, uid)
    units, frame = inputs.units, inputs.frame
    est = units.posts.get(uid, {}).get(post)
    before = _holders(frame, uid, post)
    after = _after(frame, plan, uid, post)
    doc: dict[str, Any] = {
        "unit_id": uid,
        "unit_name": units.by_id[uid].name,
        "post": post,
        "established": est is not None,
        "establishment": est,
        "holders_before": before,
        "holders_after": after,
        "policy": None,
        "eligible": 0,
        "shown": 0,
        "candidates": [],
        "unknown": [],
        "appointments": [
            a for a in plan.get("appointments", []) if (a["unit_id"], a["post"]) == (uid, post)
        ],
        "notes": [],
    }
    if est is None:
        doc["notes"].append(Message("post-not-established", {"unit": uid, "post": post}))
        return doc
    gov = governing(inputs.ruleset.appointments, units, inputs.as_of)
    row = gov.filter((pl.col("unit_id") == uid) & (pl.col("post") == post))
    k = row["policy"][0] if row.height else None
    if k is None:
        doc["notes"].append(Message("post-no-policy", {"unit": uid, "post": post}))
        return doc
    policy = inputs.ruleset.appointments[k]
    doc["policy"] = {
        "policy_id": policy.id,
        "title": policy.title,
        "priority": policy.priority,
        "rank": policy.rank,
        "slate": policy.slate,
    }
    if "appointments" not in plan:
        doc["notes"].append(Message("post-plan-no-appointments", {}))
    # candidates: eligible (or unknown), `where` holding at this unit, not holding it here
    elig = eligibility(frame, policy)
    here = (frame["unit"] == uid) & (frame["post"] == post)
    pool = frame.with_columns(
        elig["eligible"].alias("_eligible"), elig["unknown"].alias("_unknown"), here.alias("_here")
    ).filter(~pl.col("_here").fill_null(False))
    if policy.where is not None:
        pairs = pool.select("_row").with_columns(pl.lit(uid).alias("unit_id"))
        where = selector_on_pairs(policy.where, pool, units, pairs)
        pool = pool.filter(where.fill_null(False))
    yes = pool.filter(pl.col("_eligible").fill_null(False))
    # merit order among all the policy's eligible officers; positions among the candidates,
    # as the plan counts them (SPEC §2.1 point 3); non-candidates listed without a position
    nc = not_candidates(inputs, plan_doc)
    every = ranked_by_merit(inputs, policy, nc)
    cands = every.filter("candidate")
    rank_of = dict(zip(cands["officer_id"].to_list(), cands["position"].to_list(), strict=True))
    listed = every.join(
        yes.select(pl.col("officer_id").cast(pl.String)), on="officer_id", how="semi"
    )
    doc["eligible"] = listed.height
    doc["eligible_policy"] = cands.height
    listed = listed if limit is None else listed.head(limit)
    doc["shown"] = listed.height
    info = yes.select(pl.col("officer_id").cast(pl.String), "name", "unit", "post", "rank")
    people = {r["officer_id"]: r for r in info.iter_rows(named=True)}
    reasons = _Reasons(plan, uid, post, est, len(after), doc["appointments"], rank_of, nc)
    for r in listed.iter_rows(named=True):
        oid = r["officer_id"]
        p = people[oid]
        code, why = reasons.of(oid, r["position"])
        doc["candidates"].append(
            {
                "officer_id": oid,
                "name": p["name"],
                "unit": p["unit"],
                "post": p["post"],
                "rank": p["rank"],
                "position": r["position"],
                "appointed": code == "appointed",
                "alternate": oid in reasons.alternates,
                "reason": None if code == "appointed" else code,
                "why": why,
            }
        )
    unknown = pool.filter(pl.col("_eligible").is_null()).sort(pl.col("officer_id").cast(pl.String))
    unknown = unknown if limit is None else unknown.head(limit)
    doc["unknown"] = [
        {
            "officer_id": u["officer_id"],
            "name": u["name"],
            "unit": u["unit"],
            "fields": u["_unknown"],
        }
        for u in unknown.select("officer_id", "name", "unit", "_unknown").iter_rows(named=True)
    ]
    return doc


def _holders(frame: pl.DataFrame, uid: str, post: str) -> list[str]:
    here = frame.filter((pl.col("unit") == uid) & (pl.col("post") == post))
    return sorted(here["officer_id"].cast(pl.String).to_list())


def _after(frame: pl.DataFrame, plan: dict, uid: str, post: str) -> list[str]:
    """The holders after the plan: the roster's, less those its transfers or appointments take
    elsewhere, plus those they bring (appointments read last: they come after the transfers)."""
    final: dict[str, tuple[str, str | None]] = {}
    for t in plan.get("transfers", []):
        final[t["officer_id"]] = (t["to_unit"], t["to_post"])
    for a in plan.get("appointments", []):
        final[a["officer_id"]] = (a["unit_id"], a["post"])
    kept = [o for o in _holders(frame, uid, post) if final.get(o, (uid, post)) == (uid, post)]
    come = [o for o, where in final.items() if where == (uid, post)]
    return sorted(set(kept) | set(come))


class _Reasons:
    """Why a candidate was not appointed to (uid, post), from the plan (SPEC §3): appointed
    elsewhere, cannot move (moved by the plan, an exception, or the vacancy stayed open),
    lower merit than the appointee, needed for the count, or no vacancy."""

    def __init__(
        self,
        plan: dict,
        uid: str,
        post: str,
        est: int,
        after: int,
        here: list[dict],
        rank_of: dict[str, int],
        nc: NotCandidate,
    ):
        self.has_appointments = "appointments" in plan
        self.appointed = {a["officer_id"]: a for a in plan.get("appointments", [])}
        self.causes = nc.causes
        self.uid, self.post, self.est, self.after = uid, post, est, after
        self.here = here
        self.alternates = {x for a in here for x in a.get("alternates") or []}
        # the appointees here by policy (not pinned), with their merit positions
        self.chosen = sorted(
            (rank_of[a["officer_id"]], a["officer_id"])
            for a in here
            if a["policy_id"] != "pin" and a["officer_id"] in rank_of
        )
        self.total = len(rank_of)

    def of(self, oid: str, position: int | None) -> tuple[str | None, Message | None]:
        a = self.appointed.get(oid)
        if a is not None:
            if (a["unit_id"], a["post"]) == (self.uid, self.post):
                return "appointed", None
            m = Message("appointed-elsewhere", {"unit": a["unit_id"], "post": a["post"]})
            return "appointed_elsewhere", m
        cause = self.causes.get(oid)
        if cause is not None:
            return "cannot_move", Message("cannot-move", {"cause": cause})
        if not self.has_appointments:
            return None, None
        if not self.here and self.after >= self.est:
            return "no_vacancy", Message(
                "no-vacancy",
                {
                    "unit": self.uid,
                    "post": self.post,
                    "holders": self.after,
                    "establishment": self.est,
                },
            )
        if self.after < self.est:  # still vacant and this candidate is free: placement kept out
            return "cannot_move", Message("cannot-move", {"cause": Message("cause-placement", {})})
        if not self.chosen:  # only the committee's pins fill it
            return "pinned", Message("post-pinned", {"unit": self.uid, "post": self.post})
        worst, who = self.chosen[-1]
        if position is None or position > worst:
            return "lower_merit", Message(
                "lower-merit", {"appointee": who, "position": worst, "eligible": self.total}
            )
        return "needed_for_count", Message("needed-for-count", {})
