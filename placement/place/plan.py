"""Build the plan: merges, pins, minimum staffing, the solve, and the plan document."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

import numpy as np

from ..engine.decide import DECIDED
from ..inputs import Inputs, entry, rule_entries
from .constraints import Pin, apply_pins, min_staffing
from .document import plan_document
from .groups import place_movers

__all__ = ["Pin", "make_plan"]


@dataclass(slots=True)
class Mover:
    row: int  # frame index
    officer_id: str
    origin: str
    rule: int  # index into judgement.rules
    level: int
    wishes: tuple = ()


def make_plan(inputs: Inputs, pins: list[Pin] | None = None) -> dict:
    """The plan document for the judged roster (SPEC §2, §4)."""
    j = inputs.judgement
    f = j.frame
    units = inputs.units
    count: dict[str, int] = defaultdict(int, dict(f.group_by("unit").len().iter_rows()))
    cap = {u.id: u.capacity for u in units.list}
    receives = {u.id: (not u.dissolved) and (cap[u.id] is None or count[u.id] <= cap[u.id])
                for u in units.list}
    moves: dict[int, str] = {}  # frame row -> final unit, where a rule or pin moves the officer
    posts: dict[int, str] = {}  # frame row -> final post, where it changes
    deciding: dict[int, str] = {}  # frame row -> rule id
    why: dict[int, str] = {}
    exceptions = list(inputs.roster.issues) + rule_entries(inputs)
    pinned = apply_pins(inputs, pins or [], count, cap, moves, deciding, why)

    movers: list[Mover] = []
    decided = (j.state == DECIDED)
    if pinned:
        decided[np.fromiter(pinned, dtype=np.int64)] = False
    for i, r in enumerate(j.rules):
        rows = np.flatnonzero(decided & (j.decision == i)).tolist()
        if not rows:
            continue
        if r.set_post is not None:
            now = f["post"].gather(rows).to_list()
            change = [k for k, p in zip(rows, now, strict=True) if p != r.set_post]
            for k, reason in zip(change, j.reasons(i, change), strict=True):
                posts[k] = r.set_post
                deciding[k] = r.id
                why[k] = reason
        if r.move is not None:
            sub = f.select("officer_id", "unit", "wishes")[rows]
            movers += [Mover(k, oid, unit, i, r.priority, tuple(w) if w else ())
                       for k, oid, unit, w in zip(rows, *(sub[c].to_list() for c in sub.columns), strict=True)]
    movers = min_staffing(inputs, movers, count, exceptions)
    placed = place_movers(inputs, movers, count, cap, receives)
    by_rule: dict[int, list[Mover]] = {}
    for m in movers:
        by_rule.setdefault(m.rule, []).append(m)
    for i, ms in sorted(by_rule.items()):
        r = j.rules[i]
        lost = []
        for m, facts in zip(ms, j.reasons(i, [m.row for m in ms]), strict=True):
            if m.row in placed:
                dest, how = placed[m.row]
                moves[m.row] = dest
                if r.move.post:
                    posts[m.row] = r.move.post
                deciding[m.row] = r.id
                why[m.row] = f"{facts}; to {dest}: {how}"
            else:
                lost.append((m, facts))
        sheet = f["_row"].gather([m.row for m, _ in lost]).to_list() if lost else []
        for (m, facts), row in zip(lost, sheet, strict=True):
            exceptions.append(entry(m.officer_id, row, "no_capacity", r.id, None,
                                    f"rule {r.id} moves this officer ({facts}) but no unit matching "
                                    "its destination has a free place"))
    return plan_document(inputs, moves, posts, deciding, why, exceptions)
