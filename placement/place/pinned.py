"""The plan's `pins` (SPEC §4): every manual decision, the rule it overrode and its outcome."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from placement.documents import PinEntry
from placement.evaluate.decide import State
from placement.load.inputs import Inputs
from placement.messages import Message
from placement.place.constraints import Pin


def pin_entries(inputs: Inputs, pins: Sequence[Pin], moves: Mapping[int, str]) -> list[PinEntry]:
    """One entry per pin obeyed, sorted by officer_id:
    `{"officer_id", "pin": {"unit": ...} | {"stay": true}, "overrode": RULE_ID | None,
    "outcome": Message "stays" | "moved to UNIT"}`.

    `moves` is frame position k -> final unit after the pins (place.constraints.apply_pins).
    `overrode` is the rule that decided the officer (j.decision) when the pin undoes what
    it asks: a move, a `set_post` that changes the post, or a `keep` the pin moves away
    from; None when no rule decided or the pin agrees with it. Outcome compares the unit
    after the pins with the unit after merges (a merge is not the pin's doing).
    """
    if not pins:
        return []
    j = inputs.judgement
    f = inputs.frame
    index = {oid: k for k, oid in enumerate(f["officer_id"].to_list())}
    units, posts = f["unit"], f["post"]
    out: list[PinEntry] = []
    for p in pins:
        k = index[p.officer]
        now = units[k]
        final = moves.get(k, now)
        overrode = None
        if j.state[k] == State.DECIDED:
            r = j.rules[int(j.decision[k])]
            if (
                r.move is not None
                or (r.set_post is not None and r.set_post != posts[k])
                or (r.keep and final != now)
            ):
                overrode = r.id
        out.append(
            {
                "officer_id": p.officer,
                "pin": {"stay": True} if p.unit is None else {"unit": p.unit},
                "overrode": overrode,
                "outcome": Message("pin-stays")
                if final == now
                else Message("pin-moved", {"unit": final}),
            }
        )
    return sorted(out, key=lambda e: e["officer_id"])
