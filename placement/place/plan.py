"""Build the plan: merges, pins, minimum staffing, the solve, and the plan document."""

from __future__ import annotations

from collections import defaultdict

import numpy as np
import polars as pl

from placement.evaluate.decide import State
from placement.load.inputs import Inputs, entry, rule_entries
from placement.messages.registry import Message
from placement.place.constraints import Pin, apply_pins, min_staffing
from placement.place.document import plan_document
from placement.place.groups import place_movers
from placement.place.pinned import pin_entries

__all__ = ["Pin", "make_plan"]


def make_plan(inputs: Inputs, pins: list[Pin] | None = None) -> dict:
    """The plan document for the judged roster (SPEC §2, §4)."""
    j = inputs.judgement
    f = j.frame
    units = inputs.units
    count: dict[str, int] = defaultdict(int, dict(f.group_by("unit").len().iter_rows()))
    cap = {u.id: u.capacity for u in units.list}
    receives = {
        u.id: (not u.dissolved) and (cap[u.id] is None or count[u.id] <= cap[u.id])
        for u in units.list
    }
    # keyed by frame position k (not the sheet row `_row`)
    pinned = apply_pins(inputs, pins or [], count, cap)
    count = defaultdict(int, pinned.count)
    moves: dict[int, str] = dict(pinned.moves)  # k -> final unit, where a rule or pin moves
    posts: dict[int, str] = {}  # k -> final post, where it changes
    deciding: dict[int, str] = dict.fromkeys(pinned.moves, "pin")  # k -> rule id (or pin)
    why: dict[int, str] = dict.fromkeys(pinned.moves, str(Message("pinned")))
    pin_list = pin_entries(inputs, pins or [], moves)
    exceptions = list(inputs.roster.issues) + rule_entries(inputs)

    parts: list[pl.DataFrame] = []
    decided = j.state == State.DECIDED
    if pinned.settled:
        decided[np.fromiter(pinned.settled, dtype=np.int64)] = False
    for i, r in enumerate(j.rules):
        rows = np.flatnonzero(decided & (j.decision == i))
        if not len(rows):
            continue
        if r.set_post is not None:
            rows_l = rows.tolist()
            now = f["post"].gather(rows_l).to_list()
            change = [k for k, p in zip(rows_l, now, strict=True) if p != r.set_post]
            for k, reason in zip(change, j.reasons(i, change), strict=True):
                posts[k] = r.set_post
                deciding[k] = r.id
                why[k] = reason
        if r.move is not None:
            parts.append(
                f.select(pl.col("officer_id"), pl.col("unit").alias("origin"), pl.col("wishes"))[
                    rows
                ].with_columns(
                    pl.Series("row", rows, dtype=pl.Int64),
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
                "row": pl.Int64,
                "rule": pl.Int64,
                "level": pl.Int64,
            }
        )
    )
    mv, excess = min_staffing(inputs, mv, count)
    exceptions += excess
    placed = place_movers(inputs, mv, count, cap, receives)
    for (i,), ms in mv.group_by(["rule"], maintain_order=True):
        r = j.rules[i]
        rows, ids = ms["row"].to_list(), ms["officer_id"].to_list()
        lost = []
        for k, oid, facts in zip(rows, ids, j.reasons(i, rows), strict=True):
            hit = placed.get(k)
            if hit is not None:
                moves[k] = hit[0]
                if r.move.post:
                    posts[k] = r.move.post
                deciding[k] = r.id
                why[k] = f"{facts}; to {hit[0]}: {hit[1]}"
            else:
                lost.append((k, oid, facts))
        sheet = f["_row"].gather([k for k, _, _ in lost]).to_list() if lost else []
        for (_k, oid, facts), row in zip(lost, sheet, strict=True):
            exceptions.append(
                entry(
                    oid,
                    row,
                    "no_capacity",
                    r.id,
                    None,
                    Message("no_capacity", {"rule": r.id, "facts": facts}),
                )
            )
    return plan_document(inputs, moves, posts, deciding, why, exceptions, pins=pin_list)
