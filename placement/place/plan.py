"""Build the plan: merges, pins, minimum staffing, the solve, and the plan document."""

from __future__ import annotations

from collections import defaultdict
from functools import partial
from typing import cast

import numpy as np
import polars as pl

from placement.documents import Entry, PlanDocument
from placement.evaluate.decide import State
from placement.evaluate.standing import stand
from placement.load.inputs import Inputs, entry, rule_entries
from placement.messages.registry import Message
from placement.messages.rows import Said, said
from placement.place.appointments import appoint
from placement.place.constraints import Pin, apply_pins
from placement.place.document import plan_document
from placement.place.groups import Blocked, place_movers
from placement.place.how import How
from placement.place.pinned import pin_entries, pinned_reasons
from placement.place.slots import free_slots
from placement.problems import Problem

__all__ = ["Pin", "make_plan"]


def plan_warnings(inputs: Inputs) -> list[Problem]:
    """validate's warnings that explain plan exceptions: a move whose destination no unit
    matches (its movers are `no_capacity`, 'no unit matches')."""
    from placement.load.rules.lint import lint

    return [p for p in lint(inputs.ruleset, inputs.units) if p.code == "no-destination"]


def make_plan(inputs: Inputs, pins: list[Pin] | None = None) -> PlanDocument:
    """The plan document (SPEC §4) for the judged roster: unit merges, then `pins` (`--pin`),
    then each rule's movers and post changes (SPEC §2), kept at or above min_staff and placed
    within capacity by the solver; who cannot be placed becomes an exception.

    Raises InputError for a pin naming an officer not planned or a unit that cannot take them
    (place.constraints.apply_pins)."""
    j = inputs.judgement
    f = j.frame
    units = inputs.units
    count: dict[str, int] = defaultdict(int, dict(f.group_by("unit").len().iter_rows()))
    cap = {u.id: u.capacity for u in units.list}
    receives = {
        u.id: (not u.dissolved) and (u.capacity is None or count[u.id] <= u.capacity)
        for u in units.list
    }
    # keyed by frame position k (not the sheet row `_row`)
    pins = pins or []
    pinned = apply_pins(inputs, pins, count, cap)
    count = defaultdict(int, pinned.count)
    moves: dict[int, str] = dict(pinned.moves)  # k -> final unit, where a rule or pin moves
    posts: dict[int, str] = {}  # k -> final post, where it changes
    deciding: dict[int, str] = dict.fromkeys(pinned.moves, "pin")  # k -> rule id (or pin)
    said_pins = pinned_reasons(inputs, pinned.moves)  # k -> Message
    why: dict[int, str] = {k: str(m) for k, m in said_pins.items()}
    hows: dict[int, tuple[str, How]] = {}  # k -> (destination, how it was chosen)
    # load.roster keeps its issues as plain dicts of Entry's keys (load/roster is still untyped)
    exceptions = cast("list[Entry]", list(inputs.roster.issues)) + rule_entries(inputs)

    parts: list[pl.DataFrame] = []
    decided = j.state == State.DECIDED
    if pinned.settled:
        decided[np.fromiter(pinned.settled, dtype=np.int64)] = False
    for i, r in enumerate(j.rules):
        ks = np.flatnonzero(decided & (j.decision == i))
        if not len(ks):
            continue
        if r.set_post is not None:
            exceptions += _set_posts(inputs, i, ks, posts, deciding, why)
        if r.move is not None:
            parts.append(
                f.select(pl.col("officer_id"), pl.col("unit").alias("origin"), pl.col("wishes"))[
                    ks
                ].with_columns(
                    pl.Series("k", ks, dtype=pl.Int64),
                    rule=pl.lit(i, pl.Int64),
                    level=pl.lit(r.priority, pl.Int64),
                )
            )
    mv = (
        pl.concat(parts)
        if parts
        else pl.DataFrame(
            schema={
                "officer_id": pl.String,
                "origin": pl.String,
                "wishes": pl.List(pl.String),
                "k": pl.Int64,
                "rule": pl.Int64,
                "level": pl.Int64,
            }
        )
    )
    slots = free_slots(f, units, moves, posts)  # after merges, pins and set_post (SPEC §2.1)
    placed, blocked, mv, excess = place_movers(inputs, mv, count, cap, receives, slots)
    exceptions += excess
    for (i,), ms in mv.group_by(["rule"], maintain_order=True):
        r = j.rules[i]
        mover_ks: list[int] = ms["k"].to_list()
        ids: list[str] = ms["officer_id"].to_list()
        lost = []
        told = said(j.reasons(i, mover_ks), partial(j.reasons, i, mover_ks, lang="zh"))
        for k, oid, facts in zip(mover_ks, ids, told, strict=True):
            hit = placed.get(k)
            if hit is not None:
                moves[k] = hit[0]
                if r.moving.post:
                    posts[k] = r.moving.post
                deciding[k] = r.id
                why[k] = f"{facts}; to {hit[0]}: {hit[1]}"
                hows[k] = hit
            else:
                lost.append((k, oid, facts))
        sheet = f["_row"].gather([k for k, _, _ in lost]).to_list() if lost else []
        for (k, oid, facts), sheet_row in zip(lost, sheet, strict=True):
            exceptions += _lost(oid, sheet_row, r.id, facts, blocked.get(k))
    acted = np.zeros(f.height, dtype=bool)
    acted[list(moves) + list(posts)] = True
    acted[
        (j.state == State.DECIDED)
        & np.isin(j.decision, [i for i, r in enumerate(j.rules) if r.keep])
    ] = True
    if pinned.settled:
        acted[np.fromiter(pinned.settled, dtype=np.int64)] = True
    appointed = appoint(inputs, moves, posts, acted, exceptions, [p for p in pins if p.post])
    for k in appointed.moves:
        moves[k] = appointed.moves[k]
        posts[k] = appointed.posts[k]
        deciding[k] = appointed.deciding[k]
        why[k] = appointed.why[k]
    pin_list = pin_entries(inputs, pins, moves, posts)
    return plan_document(
        inputs,
        moves,
        posts,
        deciding,
        why,
        exceptions,
        pins=pin_list,
        hows=hows,
        pinned=said_pins,
        appointed=appointed,
    )


def _lost(oid: str, sheet_row: int, rule_id: str, facts: Said, b: Blocked | None) -> list[Entry]:
    """The exception(s) of a mover who is not placed: no free place, no unit matching,
    an empty field the destination reads, or other rules that would act again there."""
    if b is not None and b.why in ("slot", "slot_over"):
        code = "post-slot-full" if b.why == "slot" else "post-slot-over"
        msg = Message(code, {"rule": rule_id, "facts": facts, "post": b.post})
        return [entry(oid, sheet_row, "no_capacity", rule_id, None, msg)]
    if b is None or b.why == "full":
        return [
            entry(
                oid,
                sheet_row,
                "no_capacity",
                rule_id,
                None,
                Message("no_capacity", {"rule": rule_id, "facts": facts}),
            )
        ]
    fields = {"rule": rule_id, "facts": facts}
    if b.why == "none":
        return [
            entry(oid, sheet_row, "no_capacity", rule_id, None, Message("destination-none", fields))
        ]
    if b.why == "unknown":
        return [
            entry(
                oid,
                sheet_row,
                "missing_data",
                rule_id,
                f,
                Message("destination-unknown", fields | {"field": f}),
            )
            for f in b.fields or [""]
        ]
    if b.unknown_only:
        msg = Message("fixed-point-unknown", fields | {"rules": b.rules, "fields": b.fields})
        return [
            entry(oid, sheet_row, "missing_data", rule_id, f or None, msg) for f in b.fields or [""]
        ]
    msg = Message("fixed-point-excluded", fields | {"rules": b.rules})
    return [entry(oid, sheet_row, "no_capacity", rule_id, None, msg)]


def _set_posts(
    inputs: Inputs,
    i: int,
    ks: np.ndarray,
    posts: dict[int, str],
    deciding: dict[int, str],
    why: dict[int, str],
) -> list[Entry]:
    """Apply rule i's post change to the officers at frame positions `ks` where it changes
    something and passes the fixed point (SPEC §2 point 6), recording it in `posts`,
    `deciding` and `why` (k -> post, rule id, reason); the exceptions of those where it does
    not."""
    j = inputs.judgement
    f = j.frame
    r = j.rules[i]
    set_post = r.set_post
    if set_post is None:
        raise ValueError(f"rule {r.id} sets no post")
    ks_l: list[int] = ks.tolist()
    now = f["post"].gather(ks_l).to_list()
    change = [k for k, p in zip(ks_l, now, strict=True) if p != set_post]
    if not change:
        return []
    s = stand(
        f,
        j.rules,
        inputs.units,
        inputs.as_of,
        np.asarray(change, dtype=np.int64),
        f["unit"].gather(change).to_list(),
        [set_post] * len(change),
        leave_out=np.full(len(change), i, dtype=np.int64),
    )
    out: list[Entry] = []
    ids = f["officer_id"].gather(change).to_list()
    sheet = f["_row"].gather(change).to_list()
    told = said(j.reasons(i, change), lambda: j.reasons(i, change, lang="zh"))
    for n, (k, reason) in enumerate(zip(change, told, strict=True)):
        if s.ok[n]:
            posts[k] = set_post
            deciding[k] = r.id
            why[k] = reason.en
            continue
        fields = {"rule": r.id, "facts": reason, "post": r.set_post, "rules": s.excluders(n)}
        if s.unknown_only[n]:
            names = s.empty_fields(n)
            msg = Message("set-post-unknown", fields | {"fields": names})
            out += [
                entry(ids[n], sheet[n], "missing_data", r.id, x or None, msg) for x in names or [""]
            ]
        else:
            msg = Message("set-post-excluded", fields)
            out.append(entry(ids[n], sheet[n], "no_capacity", r.id, None, msg))
    return out
