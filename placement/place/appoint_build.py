"""The appointment problem from the plan's frame (SPEC §2.1 "Appointments", points 1–2).

After the transfers are placed, the roster frame (after the merges) with each officer's unit
and post after the transfers is turned into the arrays of ``place.appoint.problem``: slots,
candidates, per policy the merit positions, the ``where`` and ``prefer`` profiles, and the
(candidate, slot) pairs the fixed point (SPEC §2 point 6) forbids. Column by column: the
per-policy work is a polars pass over the candidates; profiles × units are evaluated once per
policy; the fixed point runs on the admissible pairs only, grouped by ``stand``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import cast

import numpy as np
import polars as pl

from placement.evaluate.posts import (
    count_posts,
    eligibility,
    governing,
    merit_positions,
    prefer_index,
    selector_on_pairs,
)
from placement.evaluate.standing import stand
from placement.load.inputs import Inputs
from placement.load.rules.appointments import Policy, rank_order
from placement.load.rules.conditions import All, AnyOf, Node, Not, Test
from placement.place.appoint.problem import Candidates, Policies, Problem, Slots, Units

# How many candidates from other units, and apart from its own unit, beyond the
# establishment and the slate, each slot keeps in merit order for the exact (CP-SAT)
# optimiser: it is exact on problems within this depth and slow above a few thousand pairs
# (place/appoint/solver.py). A cut, not a proof: a candidate deeper than this is never
# considered for that slot; the slates (alternates) are still drawn from every candidate.
DEPTH = 6


@dataclass
class Built:
    """The problem and what maps it back to the roster.

    ``rows[c]``: frame position of candidate c; ``policies``: the rule set's policies (index
    p of the problem); ``slot_ids``: (unit_id, post) per slot; ``eligible[p]`` /
    ``unknown[p]``: how many candidates are eligible / unknown under policy p (SPEC §4
    ``merit.eligible`` / ``merit.unknown``); ``unknown_slot[k]``: candidates whose eligibility
    for slot k's policy is unknown (``vacancy.unknown_candidates``); ``rank_after[p][c]`` the
    candidate's rank if appointed under p; ``cut`` the pairs the solve leaves out."""

    problem: Problem
    rows: np.ndarray
    policies: list[Policy]
    slot_ids: list[tuple[str, str]]
    eligible: list[int]
    unknown: list[int]
    unknown_slot: np.ndarray
    rank_after: list[list[str | None]]
    cut: np.ndarray  # (X, 2) (candidate, slot) pairs the solve leaves out (`DEPTH`)


def raised(own: str | None, target: str | None, order: list[str]) -> str | None:
    """The rank after an appointment whose policy gives `target` (SPEC §1.4: `rank` only ever
    raises): `target` when `own` is lower in the §1.3 order (`order` best first) or unknown,
    else `own`."""
    if target is None:
        return own
    if own in order and target in order and order.index(own) <= order.index(target):
        return own
    return target


def refs(node: Node | None) -> list[str]:
    """The `$officer.` fields a selector reads, in order."""
    out: list[str] = []

    def visit(n: Node) -> None:
        if isinstance(n, Test):
            if n.ref and n.ref not in out:
                out.append(n.ref)
        elif isinstance(n, (All, AnyOf)):
            for q in n.parts:
                visit(q)
        elif isinstance(n, Not):
            visit(n.part)

    if node is not None:
        visit(node)
    return out


def _profiles(cf: pl.DataFrame, fields: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """(profile index per candidate, one representative candidate per profile): candidates
    sharing the values of `fields` share a profile."""
    if not fields:
        return np.zeros(cf.height, dtype=np.int64), np.zeros(min(cf.height, 1), dtype=np.int64)
    keyed = cf.select([pl.col(f).cast(pl.String) for f in fields]).with_row_index("_c")
    ids = keyed.select(pl.struct(fields).rank("dense").cast(pl.Int64) - 1)
    prof = ids.to_series().to_numpy()
    rep = np.full(int(prof.max()) + 1 if len(prof) else 0, -1, dtype=np.int64)
    rep[prof[::-1]] = np.arange(len(prof))[::-1]  # first candidate of each profile
    return prof, rep


def build(
    inputs: Inputs,
    unit_now: pl.Series,
    post_now: pl.Series,
    candidate: np.ndarray,
    rank_now: pl.Series,
) -> Built:
    """The appointment problem for the plan.

    `unit_now`, `post_now`, `rank_now`: per frame row, unit, post and rank after the transfers
    (and the pins). `candidate`: bool per frame row, SPEC §2.1 point 2's candidates (the
    caller applies "kept unit and post, no exception but exempt"). Eligibility, `where` and
    merit are read where the officer stands after the merges (the frame)."""
    f = inputs.frame
    units = inputs.units
    vocab = inputs.ruleset.vocab
    policies: list[Policy] = list(inputs.ruleset.appointments)
    order = rank_order(vocab)
    uids = [u.id for u in units.list]
    uidx = {u: i for i, u in enumerate(uids)}

    after = count_posts(pl.DataFrame({"unit": unit_now, "post": post_now}), units)
    gov = governing(policies, units, inputs.as_of)
    slots_df = after.join(gov.select("unit_id", "post", "policy"), on=["unit_id", "post"])
    slots_df = slots_df.sort("unit_id", "post")
    terms = sorted(set(slots_df["post"].to_list()))
    tidx = {t: i for i, t in enumerate(terms)}
    slot_ids = list(zip(slots_df["unit_id"].to_list(), slots_df["post"].to_list(), strict=True))
    sidx = {s: i for i, s in enumerate(slot_ids)}
    slots = Slots(
        unit=np.array([uidx[u] for u, _ in slot_ids], dtype=np.int64),
        post=np.array([tidx[t] for _, t in slot_ids], dtype=np.int64),
        establishment=slots_df["establishment"].to_numpy().astype(np.int64),
        holders=slots_df["holders"].to_numpy().astype(np.int64),
        policy=slots_df["policy"].fill_null(-1).to_numpy().astype(np.int64),
    )

    # units after the transfers
    count_now = dict(unit_now.drop_nulls().value_counts().iter_rows())
    count_merged = dict(f["unit"].drop_nulls().value_counts().iter_rows())
    cap = np.array([-1 if u.capacity is None else u.capacity for u in units.list], dtype=np.int64)
    head = np.array([count_now.get(u, 0) for u in uids], dtype=np.int64)
    merged = np.array([count_merged.get(u, 0) for u in uids], dtype=np.int64)
    dissolved = np.array([u.dissolved for u in units.list], dtype=bool)
    receives = ~dissolved & ((cap < 0) | ((merged <= cap) & (head <= cap)))
    unit_arr = Units(
        ids=np.array(uids, dtype=object),
        headcount=head,
        capacity=cap,
        min_staff=np.array([u.min_staff for u in units.list], dtype=np.int64),
        receives=receives,
    )

    rows_all = np.flatnonzero(candidate)
    cf = f[rows_all].with_columns(pl.int_range(pl.len(), dtype=pl.Int64).alias("_row"))
    n = cf.height
    merit_all = np.zeros((len(policies), n), dtype=np.int64)
    known_null = np.zeros((len(policies), n), dtype=bool)
    for p, pol in enumerate(policies):
        if not pol.in_force(inputs.as_of):
            continue
        el = eligibility(cf, pol)["eligible"]
        known_null[p] = el.is_null().to_numpy()
        pos = merit_positions(cf, pol, vocab, el.fill_null(False))
        merit_all[p, pos["_row"].to_numpy()] = pos["position"].to_numpy()
    eligible = [int((merit_all[p] > 0).sum()) for p in range(len(policies))]
    unknown = [int(known_null[p].sum()) for p in range(len(policies))]
    unknown_slot = np.array(
        [int(known_null[p].sum()) if p >= 0 else 0 for p in slots.policy.tolist()],
        dtype=np.int64,
    )

    # only candidates eligible somewhere can be appointed or listed: the others leave the problem
    keep = np.flatnonzero((merit_all > 0).any(axis=0)) if len(policies) else np.zeros(0, int)
    cf = cf[keep].with_columns(pl.int_range(pl.len(), dtype=pl.Int64).alias("_row"))
    rows = rows_all[keep]
    merit = merit_all[:, keep]
    cu = [str(x) for x in f["unit"].gather(rows).to_list()]
    cp = f["post"].gather(rows).to_list()
    cands = Candidates(
        officer_id=np.array(f["officer_id"].gather(rows).to_list(), dtype=object),
        unit=np.array([uidx[u] for u in cu], dtype=np.int64),
        post=np.array([tidx.get(t, -1) for t in cp], dtype=np.int64),
        slot=np.array([sidx.get((u, t), -1) for u, t in zip(cu, cp, strict=True)], dtype=int),
    )
    pols = _policies(inputs, policies, cf, merit, slots)
    own_rank = rank_now.gather(rows).to_list()
    rank_after = [[raised(r, pol.rank, order) for r in own_rank] for pol in policies]
    problem = Problem(unit_arr, terms, slots, pols, cands)
    problem.check()
    problem.forbidden, cut = _forbidden(inputs, problem, rows, rank_after, slot_ids)
    return Built(
        problem, rows, policies, slot_ids, eligible, unknown, unknown_slot, rank_after, cut
    )


def _policies(
    inputs: Inputs, policies: list[Policy], cf: pl.DataFrame, merit: np.ndarray, slots: Slots
) -> Policies:
    """Per policy the `where` and `prefer` profiles over the candidates (problem.py)."""
    units = inputs.units
    uids = [u.id for u in units.list]
    nu = len(uids)
    n = cf.height
    wprof = np.zeros((len(policies), n), dtype=np.int64)
    pprof = np.zeros((len(policies), n), dtype=np.int64)
    where_ok: list[np.ndarray] = []
    prefer: list[tuple[np.ndarray, np.ndarray, np.ndarray]] = []
    for p, pol in enumerate(policies):
        if pol.where is None or n == 0:
            where_ok.append(np.ones((1, nu), dtype=bool))
        else:
            prof, rep = _profiles(cf, refs(pol.where))
            wprof[p] = prof
            pairs = pl.DataFrame(
                {"_row": np.repeat(rep, nu), "unit_id": np.tile(np.array(uids), len(rep))},
                schema={"_row": pl.Int64, "unit_id": pl.String},
            )
            hit = selector_on_pairs(pol.where, cf, units, pairs).fill_null(False).to_numpy()
            where_ok.append(hit.reshape(len(rep), nu))
        mine = np.unique(slots.unit[slots.policy == p])
        if not pol.prefer or n == 0 or not len(mine):
            prefer.append((np.zeros(0, np.int64), np.zeros(0, np.int64), np.zeros(0, np.int64)))
            continue
        fields = list(dict.fromkeys(x for node in pol.prefer for x in refs(node)))
        prof, rep = _profiles(cf, fields)
        pprof[p] = prof
        pu = np.tile(mine, len(rep))
        pr = np.repeat(np.arange(len(rep)), len(mine))
        pairs = pl.DataFrame(
            {"_row": rep[pr], "unit_id": np.array(uids, dtype=object)[pu].astype(str)},
            schema={"_row": pl.Int64, "unit_id": pl.String},
        )
        idx = prefer_index(pol, cf, units, pairs).to_numpy()
        sel = idx < len(pol.prefer)
        prefer.append((pr[sel].astype(np.int64), pu[sel].astype(np.int64), idx[sel]))
    return Policies(
        priority=np.array([pol.priority for pol in policies], dtype=np.int64),
        slate=np.array([pol.slate for pol in policies], dtype=np.int64),
        merit=merit,
        where_profile=wprof,
        where_ok=where_ok,
        prefer_profile=pprof,
        prefer=prefer,
        prefer_len=np.array([len(pol.prefer) for pol in policies], dtype=np.int64),
    )


def _forbidden(
    inputs: Inputs,
    problem: Problem,
    rows: np.ndarray,
    rank_after: list[list[str | None]],
    slot_ids: list[tuple[str, str]],
) -> tuple[np.ndarray, np.ndarray]:
    """The admissible (candidate, slot) pairs where, standing in the slot's unit with its post
    and the policy's rank, another rule would act on the candidate (SPEC §2 point 6): (F, 2);
    and the pairs the `DEPTH` cut leaves out of the solve: (X, 2).
    Only the pairs admissible otherwise are evaluated; ``stand`` evaluates each distinct
    (profile, unit class, post, rank) once."""
    cand, slot = problem.admissible()
    if not len(cand):
        return np.zeros((0, 2), dtype=np.int64), np.zeros((0, 2), dtype=np.int64)
    j = inputs.judgement
    pol = problem.slots.policy[slot]
    s = stand(
        j.frame,
        j.rules,
        inputs.units,
        inputs.as_of,
        rows[cand],
        [slot_ids[k][0] for k in slot.tolist()],
        [slot_ids[k][1] for k in slot.tolist()],
        cast(
            list[str],
            [rank_after[p][c] for p, c in zip(pol.tolist(), cand.tolist(), strict=True)],
        ),
    )
    bad = ~s.ok
    # the cut (see `DEPTH`): per slot, of the fixed-point-passing candidates from other units
    # and, apart, of those from the slot's own unit, the best `depth` in merit order stay
    sl = problem.slots
    merit = problem.policies.merit[pol, cand]
    group = slot * 2 + (problem.candidates.unit[cand] != sl.unit[slot])
    order = np.lexsort((merit, group))
    g = group[order]
    first = np.searchsorted(g, g)  # first position of each pair's group
    rank = np.empty(len(order), dtype=np.int64)
    rank[order] = np.arange(len(order)) - first
    # the fixed point's exclusions do not count: rank among the passing pairs only
    passing = (~bad)[order].astype(np.int64)
    cum = np.cumsum(passing)
    rank[order] = cum - passing - np.where(first > 0, cum[first - 1], 0)
    depth = DEPTH + sl.establishment[slot] + problem.policies.slate[pol]
    cut = ~bad & (rank >= depth)
    return (
        np.stack([cand[bad], slot[bad]], axis=1).astype(np.int64),
        np.stack([cand[cut], slot[cut]], axis=1).astype(np.int64),
    )
