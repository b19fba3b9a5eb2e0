"""Appointments in the plan (SPEC §2.1 "Appointments" and "Pins", §4).

After the transfers are placed: the appointment pins are obeyed, the candidates are judged
(`place.appoint_build`), the optimiser (`place.appoint.solve`) chooses the appointments, and
this module turns its answer into the plan's pieces: the `appointments` rows, the moves and
post changes they make (a cross-unit appointee is also a row of `transfers`), the `vacancy`
and `over_establishment` exceptions, each unit's `posts` before/after and the summary counts.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field

import numpy as np
import polars as pl

from placement.documents import Entry
from placement.evaluate.compile import reason_expr
from placement.evaluate.facts_zh import reason_expr_zh
from placement.evaluate.posts import count_posts, governing
from placement.load.inputs import Inputs, entry
from placement.load.rules.appointments import rank_order
from placement.load.rules.conditions import Node
from placement.messages.registry import Message
from placement.messages.rows import Said, said
from placement.place.appoint_build import Built, build, raised
from placement.place.constraints import Pin
from placement.problems import InputError, problem


@dataclass
class Appointed:
    """What the appointments add to the plan. Keys k are frame positions.

    `moves`/`posts`/`ranks`: unit, post and rank after the appointment (pins included);
    `deciding`/`why`: policy id (or "pin") and reason text for the `transfers` row of an
    appointee whose unit changes; `only_here`: appointees whose unit does not change (not a
    row of `transfers`); `rows`: the plan's `appointments`; `exceptions`: `vacancy` and
    `over_establishment`; `posts`: unit_id -> [{post, establishment, before, after}];
    `summary`: appointments, vacancies and over_establishment before/after; `titles`: policy
    id -> title."""

    moves: dict[int, str] = field(default_factory=dict)
    posts: dict[int, str] = field(default_factory=dict)
    ranks: dict[int, str] = field(default_factory=dict)
    deciding: dict[int, str] = field(default_factory=dict)
    why: dict[int, str] = field(default_factory=dict)
    only_here: set[int] = field(default_factory=set)
    messages: dict[int, Message] = field(default_factory=dict)  # k -> reason, as a Message
    rows: list[dict] = field(default_factory=list)
    exceptions: list[Entry] = field(default_factory=list)
    posts_by_unit: dict[str, list[dict]] = field(default_factory=dict)
    summary: dict = field(default_factory=dict)
    titles: dict[str, str] = field(default_factory=dict)
    # (unit_id, post) -> (vacancy reason, unknown candidates, governing policy index)
    reasons: dict[tuple[str, str], tuple[str, int, int]] = field(default_factory=dict)


def appoint(
    inputs: Inputs,
    moves: dict[int, str],
    posts: dict[int, str],
    acted: np.ndarray,
    exceptions: list[Entry],
    pins: list[Pin],
) -> Appointed:
    """The appointments of the plan (SPEC §2.1 points 1–4, "Pins").

    `moves`/`posts`: frame position -> unit / post after the transfers; `acted`: bool per
    frame row, officers a rule moved, changed or kept, or a pin holds; `exceptions`: the
    plan's exceptions so far (an officer with one other than `exempt` is no candidate);
    `pins`: the appointment pins (`post` set). Raises InputError (exit 2) for a pin naming an
    unknown unit or term, or taking a post above its establishment with the holders the
    plan leaves there."""
    f = inputs.frame
    out = Appointed()
    unit_now, post_now = f["unit"].clone(), f["post"].clone()
    if moves:
        unit_now.scatter(list(moves), list(moves.values()))
    if posts:
        post_now.scatter(list(posts), list(posts.values()))
    rank_now = f["rank"].clone()
    pinned = _pins(inputs, pins, unit_now, post_now, rank_now, out)

    blocked = {e["officer_id"] for e in exceptions if e["code"] != "exempt" and e["officer_id"]}
    candidate = (
        f["_valid"].fill_null(False).to_numpy()
        & ~acted
        & ~f["officer_id"].is_in(sorted(blocked)).fill_null(False).to_numpy()
        & f["unit"].is_not_null().to_numpy()
    )
    if pinned:
        candidate[np.fromiter(pinned, dtype=np.int64)] = False
    if "post_since" in f.columns:
        # placed on the as-of date: an applied plan moved, changed or appointed them (apply
        # dates post_since, SPEC §5); re-planning does not appoint them again (SPEC §5)
        today = f.select(
            (pl.col("post_since").cast(pl.Date, strict=False) == pl.lit(inputs.as_of))
            .fill_null(False)
            .alias("t")
        )["t"]
        candidate &= ~today.to_numpy().astype(bool)
    before = count_posts(f, inputs.units)
    if before.height:
        b = build(inputs, unit_now, post_now, candidate, rank_now)
        _solve(inputs, b, out, unit_now, post_now)
    final = count_posts(pl.DataFrame({"unit": unit_now, "post": post_now}), inputs.units)
    _exceptions(inputs, out, final, unit_now, post_now)
    for uid, post, est, hb, ha in zip(
        before["unit_id"], before["post"], before["establishment"], before["holders"],
        final["holders"], strict=True,
    ):  # fmt: skip
        out.posts_by_unit.setdefault(uid, []).append(
            {"post": post, "establishment": est, "before": hb, "after": ha}
        )
    out.summary = {
        "appointments": len(out.rows),
        "vacancies": _pair(before, final, "vacancies"),
        "over_establishment": _pair(before, final, "over"),
    }
    out.rows.sort(key=lambda r: (r["unit_id"], r["post"], r["officer_id"]))
    return out


def _pair(before: pl.DataFrame, final: pl.DataFrame, col: str) -> dict[str, int]:
    return {"before": int(before[col].sum()), "after": int(final[col].sum())}


def _pins(
    inputs: Inputs,
    pins: list[Pin],
    unit_now: pl.Series,
    post_now: pl.Series,
    rank_now: pl.Series,
    out: Appointed,
) -> set[int]:
    """Obey the appointment pins after the transfers (SPEC §2.1 "Pins"); returns the frame
    positions they settle. Updates the series in place and `out`."""
    if not pins:
        return set()
    f = inputs.frame
    vocab = inputs.ruleset.vocab
    index = {oid: k for k, oid in enumerate(f["officer_id"].to_list())}
    posts_tbl, ranks_tbl = vocab.lookup("post"), vocab.lookup("rank")
    problems = []
    placed: list[tuple[Pin, int, str, str, str | None]] = []
    for n, p in enumerate(pins, 1):
        k = index.get(p.officer)
        uid = inputs.units.resolve(p.unit) if p.unit else None
        post = posts_tbl.get(str(p.post).strip())
        rank = ranks_tbl.get(str(p.rank).strip()) if p.rank is not None else None
        if k is None:
            problems.append(problem("pin-unknown-officer", p.file, *p.where, officer=p.officer))
        elif uid is None or inputs.units.by_id[uid].dissolved:
            problems.append(problem("pin-unknown-unit", p.file, *p.where, unit=p.unit))
        elif post is None:
            problems.append(
                problem("pin-unknown-term", p.file, *p.where, pin=n, kind="post", term=p.post)
            )
        elif p.rank is not None and rank is None:
            problems.append(
                problem("pin-unknown-term", p.file, *p.where, pin=n, kind="rank", term=p.rank)
            )
        else:
            placed.append((p, k, uid, post, rank))
    if problems:
        raise InputError(problems)
    for _p, k, uid, post, _rank in placed:
        unit_now[k], post_now[k] = uid, post
    heads = dict(unit_now.drop_nulls().value_counts().iter_rows())
    for p, k, uid, _post, _rank in placed:  # a pin that breaks a capacity is an error (§2)
        cap = inputs.units.by_id[uid].capacity
        if f["unit"][k] != uid and cap is not None and heads.get(uid, 0) > cap:
            raise InputError(
                problem("pin-capacity", p.file, *p.where, count=heads[uid], unit=uid, capacity=cap)
            )
    counted = count_posts(pl.DataFrame({"unit": unit_now, "post": post_now}), inputs.units)
    est = {(u, t): e for u, t, e in counted.select("unit_id", "post", "establishment").iter_rows()}
    held = {(u, t): h for u, t, h in counted.select("unit_id", "post", "holders").iter_rows()}
    gov = governing(inputs.ruleset.appointments, inputs.units, inputs.as_of)
    policy = {(u, t): p for u, t, p in gov.select("unit_id", "post", "policy").iter_rows()}
    order = rank_order(vocab)
    ids = f["officer_id"]
    for p, k, uid, post, rank in placed:
        slot = (uid, post)
        if slot in est and held[slot] > est[slot]:
            mask = (unit_now == uid) & (post_now == post)
            holders = sorted(str(x) for x in ids.filter(mask).to_list() if x != p.officer)
            raise InputError(
                problem(
                    "pin-over-establishment",
                    p.file,
                    *p.where,
                    officer=p.officer,
                    unit=uid,
                    post=post,
                    establishment=est[slot],
                    holders=holders,
                )
            )
        pol = policy.get(slot) if slot in est else None
        pol_obj = inputs.ruleset.appointments[pol] if pol is not None else None
        new_rank = rank or raised(f["rank"][k], pol_obj.rank if pol_obj else None, order)
        if new_rank is not None:
            rank_now[k] = new_rank
            out.ranks[k] = new_rank
        out.moves[k], out.posts[k] = uid, post
        out.deciding[k] = "pin"
        if f["_from_unit"][k] == uid:
            out.only_here.add(k)
        if slot not in est:  # a post the unit does not establish: a plain post change
            out.only_here.discard(k)
            out.why[k] = str(Message("pinned"))
            continue
        reason = Message("appoint-pinned")
        if pol_obj is not None:
            from placement.evaluate.posts import eligibility

            if not eligibility(f[[k]], pol_obj)["eligible"][0]:
                reason = Message("appoint-pinned-outside", {"policy": pol_obj.id})
        out.why[k] = str(reason)
        out.messages[k] = reason
        out.rows.append(_row(f, k, uid, post, f["rank"][k], new_rank, "pin", None, [], reason))
    return {k for _p, k, *_ in placed}


def _row(
    f: pl.DataFrame,
    k: int,
    uid: str,
    post: str,
    rank_before: str | None,
    rank_after: str | None,
    policy_id: str,
    merit: dict | None,
    alts: list[str],
    reason: Message,
) -> dict:
    """One row of the plan's `appointments` (SPEC §4)."""
    return {
        "officer_id": f["officer_id"][k],
        "name": f["name"][k],
        "unit_id": uid,
        "post": post,
        "from_unit": f["_from_unit"][k],
        "from_post": f["post"][k],
        "rank_before": rank_before,
        "rank_after": rank_after,
        "policy_id": policy_id,
        "policy_title": "",
        "merit": merit,
        "alternates": alts,
        "reason": reason,
    }


def _solve(
    inputs: Inputs, b: Built, out: Appointed, unit_now: pl.Series, post_now: pl.Series
) -> None:
    """Solve, then record each appointment (SPEC §2.1 points 3–4, §4)."""
    pr = b.problem
    if not len(pr.admissible()[0]):  # no one can be appointed: no solver to load or run
        out.reasons = _unfilled(b)
        return
    # OR-Tools loads in about a second: only when someone can be appointed
    from placement.place.appoint import alternates, solve, vacancies

    sol = solve(dataclasses.replace(pr, forbidden=np.concatenate([pr.forbidden, b.cut])))
    alts = alternates(pr, sol)  # the slates from every candidate, cut or not
    app = sol.appointments
    f = inputs.frame
    vocab = inputs.ruleset.vocab
    out.titles.update({p.id: p.title for p in b.policies})
    # the standards met, with the officer's values, one evaluation per policy
    # (a Said: English now, the Chinese made from the same tests only if a Chinese format asks)
    facts: dict[int, Said] = {}
    for p, pol in enumerate(b.policies):
        ks = [int(b.rows[c]) for c, s in app.tolist() if int(pr.slots.policy[s]) == p]
        if ks:
            sub = f[ks]
            en = sub.select(reason_expr(pol.eligible, vocab).alias("r"))["r"]

            def zh(sub: pl.DataFrame = sub, node: Node = pol.eligible) -> list[str]:
                text = sub.select(reason_expr_zh(node, vocab).alias("r"))["r"]
                return [str(t) for t in text.fill_null("").to_list()]

            facts.update(zip(ks, said(en.fill_null("").to_list(), zh), strict=True))
    cost = pr.prefer_cost(app[:, 0], app[:, 1]) if len(app) else np.zeros(0, dtype=np.int64)
    ids = pr.candidates.officer_id
    for n, (c, s) in enumerate(app.tolist()):
        k, p = int(b.rows[c]), int(pr.slots.policy[s])
        pol = b.policies[p]
        uid, post = b.slot_ids[s]
        if f["unit"][k] == uid:
            why = Message("appoint-same-unit")
        elif int(cost[n]) < len(pol.prefer):
            why = Message("appoint-preferred", {"index": int(cost[n]) + 1})
        else:
            why = Message("appoint-free-place", {"unit": uid})
        position = int(pr.policies.merit[p, c])
        reason = Message(
            "appointment-reason",
            {"standards": facts.get(k) or "", "position": position, "eligible": b.eligible[p],
             "why": why},
        )  # fmt: skip
        rank_after = b.rank_after[p][c]
        merit = {"position": position, "eligible": b.eligible[p], "unknown": b.unknown[p]}
        row = _row(
            f, k, uid, post, f["rank"][k], rank_after, pol.id, merit,
            [str(ids[a]) for a in alts[n].tolist()], reason,
        )  # fmt: skip
        row["policy_title"] = pol.title
        out.rows.append(row)
        out.moves[k], out.posts[k] = uid, post
        if rank_after is not None:
            out.ranks[k] = rank_after
        out.deciding[k] = pol.id
        out.why[k] = str(reason)
        out.messages[k] = reason
        if f["_from_unit"][k] == uid:
            out.only_here.add(k)
        unit_now[k], post_now[k] = uid, post
    for r in out.rows:
        if r["policy_id"] == "pin":
            r["policy_title"] = "manual decision"
    out.reasons = {
        b.slot_ids[v.slot]: (v.reason, int(b.unknown_slot[v.slot]), int(pr.slots.policy[v.slot]))
        for v in vacancies(pr, sol)
    }


def _unfilled(b: Built) -> dict[tuple[str, str], tuple[str, int, int]]:
    """Why each vacancy stays open when no pair is admissible (as `appoint.vacancies`):
    no policy, or no candidate eligible with `where` holding at the unit, or else taken."""
    pr = b.problem
    s, pol = pr.slots, pr.policies
    out = {}
    for k in np.flatnonzero(s.vacancies > 0).tolist():
        p = int(s.policy[k])
        if p < 0:
            reason = "no_policy"
        else:
            ok = (pol.merit[p] > 0) & pol.where_ok[p][pol.where_profile[p], s.unit[k]]
            reason = "taken_or_cannot_move" if ok.any() else "no_eligible"
        out[b.slot_ids[k]] = (reason, int(b.unknown_slot[k]), p)
    return out


def _exceptions(
    inputs: Inputs, out: Appointed, final: pl.DataFrame, unit_now: pl.Series, post_now: pl.Series
) -> None:
    """The `vacancy` and `over_establishment` exceptions of the posts after the plan (SPEC §4)."""
    reasons = out.reasons
    policies = inputs.ruleset.appointments
    ids = inputs.frame["officer_id"]
    for uid, post, est, holders, vac, over in final.iter_rows():
        if vac > 0:
            reason, unknown, p = reasons.get((uid, post), ("no_policy", 0, -1))
            pid = policies[p].id if p >= 0 else None
            why = (
                Message("vacancy-no_policy")
                if reason == "no_policy"
                else Message("vacancy-no_eligible-unknown", {"policy": pid, "count": unknown})
                if reason == "no_eligible" and unknown
                else Message(f"vacancy-{reason}", {"policy": pid})
            )
            msg = Message(
                "vacancy-open",
                {"unit": uid, "post": post, "count": vac, "holders": holders,
                 "establishment": est, "reason": why},
            )  # fmt: skip
            e = entry(None, None, "vacancy", pid, None, msg)
            e.update(
                {"unit_id": uid, "post": post, "count": vac, "reason": reason,
                 "unknown_candidates": unknown}
            )  # fmt: skip
            out.exceptions.append(e)
        if over > 0:
            mask = (unit_now == uid) & (post_now == post)
            who = sorted(str(x) for x in ids.filter(mask).to_list())
            msg = Message(
                "over-establishment-holders",
                {"unit": uid, "post": post, "count": holders, "establishment": est,
                 "holders": who},
            )  # fmt: skip
            e = entry(None, None, "over_establishment", None, None, msg)
            e.update({"unit_id": uid, "post": post, "holders": who})
            out.exceptions.append(e)
