"""The plan's `pins` (SPEC §4): every manual decision, the rule it overrode and its outcome."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np

from placement.documents import PinEntry, PinSaid
from placement.evaluate.decide import State
from placement.evaluate.standing import stand
from placement.load.inputs import Inputs
from placement.messages import Message
from placement.place.constraints import Pin


def acting_there(inputs: Inputs, moves: Mapping[int, str]) -> dict[int, list[str]]:
    """The rules that would act on each pinned officer standing where the pin puts them (SPEC
    §2 point 6: pins are obeyed even where a rule would act again; the reason says which).

    `moves` is frame row -> the unit a pin moves the officer to. Returns frame row -> rule
    ids in rule order (a move, a changing `set_post`, a conflict or an unknown outcome there,
    as `evaluate.standing.stand` judges it, with their own post and `years_in_post` 0), for
    the officers some rule would act on."""
    if not moves:
        return {}
    j = inputs.judgement
    rows = sorted(moves)
    s = stand(
        j.frame,
        j.rules,
        inputs.units,
        inputs.as_of,
        np.asarray(rows, dtype=np.int64),
        [moves[k] for k in rows],
        j.frame["post"].gather(rows).to_list(),
    )
    return {k: s.excluders(n) for n, k in enumerate(rows) if not s.ok[n]}


def pinned_reasons(inputs: Inputs, moves: Mapping[int, str]) -> dict[int, Message]:
    """The transfer reason of every move a pin decides (frame row -> Message): `pinned`, or
    `pinned-again` naming the rules that would act on the officer there."""
    again = acting_there(inputs, moves)
    return {
        k: Message("pinned-again", {"rules": again[k]}) if k in again else Message("pinned")
        for k in moves
    }


def _said(p: Pin) -> PinSaid:
    if p.unit is None:
        return {"stay": True}
    said: PinSaid = {"unit": p.unit}
    if p.post is not None:
        said["post"] = p.post
    if p.rank is not None:
        said["rank"] = p.rank
    return said


def pin_entries(
    inputs: Inputs,
    pins: Sequence[Pin],
    moves: Mapping[int, str],
    new_posts: Mapping[int, str] | None = None,
) -> list[PinEntry]:
    """One entry per pin obeyed, sorted by officer_id:
    `{"officer_id", "pin": {"unit": ...} | {"stay": true}, "overrode": RULE_ID | None,
    "outcome": Message "stays" | "moved to UNIT"}`.

    `moves` is frame row -> final unit after the pins (place.constraints.apply_pins) and the
    appointments; `new_posts` frame row -> post after them (an appointment pin's outcome
    is "appointed POST at UNIT").
    `overrode` is the rule that decided the officer (j.decision) when the pin undoes what
    it asks: a move, a `set_post` that changes the post, or a `keep` the pin moves away
    from; None when no rule decided or the pin agrees with it. Outcome compares the unit
    after the pins with the unit after merges (a merge is not the pin's doing), and names
    the rules that would act again at the unit a pin moves the officer to (SPEC §2 point 6,
    `acting_there`); on a stay that rule is the one `overrode` names.
    """
    if not pins:
        return []
    j = inputs.judgement
    f = inputs.frame
    index = {oid: k for k, oid in enumerate(f["officer_id"].to_list())}
    units, posts = f["unit"], f["post"]
    mine = {index[p.officer] for p in pins if p.post is None and p.officer in index}
    again = acting_there(inputs, {k: u for k, u in moves.items() if k in mine and u != units[k]})
    posts_after = dict(new_posts or {})
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
                "pin": _said(p),
                "overrode": overrode,
                "outcome": Message(
                    "pin-appointed", {"unit": final, "post": posts_after.get(k, posts[k])}
                )
                if p.post is not None
                else _outcome(final, now, again.get(k)),
            }
        )
    return sorted(out, key=lambda e: e["officer_id"])


def _outcome(final: str, now: str, there: list[str] | None) -> Message:
    """A pin's outcome: stays / moved to UNIT, naming the rules that would act again at UNIT
    (on a stay, the rule that would act again is the one it overrode, named beside it)."""
    if final == now:
        return Message("pin-stays")
    if there:
        return Message("pin-moved-again", {"unit": final, "rules": there})
    return Message("pin-moved", {"unit": final})
