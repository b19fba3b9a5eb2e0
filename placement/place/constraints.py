"""Manual pins and minimum staffing: what is settled before the solver runs."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from ..inputs import entry
from ..problems import InputError, Problem


@dataclass
class Pin:
    officer: str
    unit: str | None  # None with stay
    where: tuple = (0, 0)
    file: str = ""


def apply_pins(inputs, pins, count, cap, moves, deciding, why) -> set[int]:
    """Obey the pins; frame rows they settle. A pin that breaks a capacity is an error."""
    if not pins:
        return set()
    f = inputs.frame
    index = {oid: k for k, oid in enumerate(f["officer_id"].to_list())}
    problems = []
    done = set()
    for p in pins:
        k = index.get(p.officer)
        if k is None:
            problems.append(Problem(p.file, *p.where, "pin-unknown-officer",
                                    f"officer '{p.officer}' is not a planned officer of the roster"))
            continue
        done.add(k)
        if p.unit is None:
            continue
        uid = inputs.units.resolve(p.unit)
        if uid is None or inputs.units.by_id[uid].dissolved:
            problems.append(Problem(p.file, *p.where, "pin-unknown-unit",
                                    f"unit '{p.unit}' is not a unit that can receive officers"))
            continue
        now = moves.get(k, f["unit"][k])
        if uid != now:
            count[now] -= 1
            count[uid] += 1
            moves[k] = uid
            deciding[k] = "pin"
            why[k] = "pinned by a manual decision"
    for uid, c in count.items():
        if cap.get(uid) is not None and c > cap[uid] and any(
                moves.get(k) == uid and deciding.get(k) == "pin" for k in done):
            problems.append(Problem(pins[0].file, 0, 0, "pin-capacity",
                                    f"pins put {c} officers in {uid}, above its capacity {cap[uid]}"))
    if problems:
        raise InputError(problems)
    return done


def min_staffing(inputs, movers, count, exceptions) -> list:
    """Movers whose departure would leave a unit below min_staff stay (lowest priority,
    then later officer_id first), as min_staffing exceptions."""
    min_staff = {u.id: u.min_staff for u in inputs.units.list}
    allowed = {u: max(0, count[u] - min_staff.get(u, 0)) for u in count}
    keep, excess = [], []
    by_origin = defaultdict(list)
    for m in movers:
        by_origin[m.origin].append(m)
    for origin, ms in by_origin.items():
        ms.sort(key=lambda m: (-m.level, m.officer_id))
        n = allowed.get(origin, 0)
        keep += ms[:n]
        excess += ms[n:]
    rows = inputs.frame["_row"].gather([m.row for m in excess]).to_list() if excess else []
    for m, row in zip(excess, rows, strict=True):
        r = inputs.judgement.rules[m.rule]
        exceptions.append(entry(m.officer_id, row, "min_staffing", r.id, None,
                                f"moving would leave {m.origin} below its minimum staff "
                                f"{min_staff.get(m.origin, 0)}"))
    keep.sort(key=lambda m: m.row)
    return keep
