"""Build the plan: merges, pins, minimum staffing, the solve, and the plan document."""

from __future__ import annotations

from collections import Counter, defaultdict
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
    j = inputs.judgement
    f = j.frame
    units = inputs.units
    ids = f["officer_id"].to_list()
    sheet_rows = f["_row"].to_list()
    unit_now = f["unit"].to_list()
    count: dict[str, int] = defaultdict(int, Counter(unit_now))
    cap = {u.id: u.capacity for u in units.list}
    receives = {u.id: (not u.dissolved) and (cap[u.id] is None or count[u.id] <= cap[u.id])
                for u in units.list}
    final_unit = list(unit_now)
    final_post = f["post"].to_list()
    deciding: dict[int, str] = {}  # row -> rule id
    why: dict[int, str] = {}
    exceptions = list(inputs.roster.issues) + rule_entries(inputs)
    pinned = apply_pins(inputs, pins or [], count, cap, final_unit, deciding, why)

    movers: list[Mover] = []
    decided = (j.state == DECIDED)
    if pinned:
        decided[np.fromiter(pinned, dtype=np.int64)] = False
    for i, r in enumerate(j.rules):
        rows = np.flatnonzero(decided & (j.decision == i)).tolist()
        if not rows:
            continue
        if r.set_post is not None:
            change = [k for k in rows if final_post[k] != r.set_post]
            for k, reason in zip(change, j.reasons(i, change), strict=True):
                final_post[k] = r.set_post
                deciding[k] = r.id
                why[k] = reason
        if r.move is not None:
            wishes = f["wishes"].gather(rows).to_list()
            movers += [Mover(k, ids[k], unit_now[k], i, r.priority, wishes=tuple(w) if w else ())
                       for k, w in zip(rows, wishes, strict=True)]
    movers = min_staffing(inputs, movers, count, exceptions)
    placed = place_movers(inputs, movers, count, cap, receives)
    by_rule: dict[int, list[Mover]] = {}
    for m in movers:
        by_rule.setdefault(m.rule, []).append(m)
    for i, ms in sorted(by_rule.items()):
        r = j.rules[i]
        for m, facts in zip(ms, j.reasons(i, [m.row for m in ms]), strict=True):
            if m.row in placed:
                dest, how = placed[m.row]
                final_unit[m.row] = dest
                if r.move.post:
                    final_post[m.row] = r.move.post
                deciding[m.row] = r.id
                why[m.row] = f"{facts}; to {dest}: {how}"
            else:
                exceptions.append(entry(m.officer_id, sheet_rows[m.row], "no_capacity", r.id, None,
                                        f"rule {r.id} moves this officer ({facts}) but no unit matching "
                                        f"its destination has a free place"))
    return plan_document(inputs, final_unit, final_post, deciding, why, exceptions)
