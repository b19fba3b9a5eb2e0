"""Manual pins and minimum staffing: what is settled before the solver runs."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field

import polars as pl

from placement.documents import Entry
from placement.load.inputs import Inputs, entry
from placement.messages.registry import Message
from placement.problems import InputError, problem


@dataclass
class Pin:
    officer: str
    unit: str | None  # None with stay
    where: tuple[int, int] = (0, 0)
    file: str = ""
    post: str | None = None  # an appointment pin (SPEC §2.1 "Pins"), judged after the transfers
    rank: str | None = None


@dataclass(frozen=True)
class Pinned:
    """What the pins settle, by frame position k (not sheet row)."""

    settled: frozenset[int] = frozenset()  # every pinned officer, moved or staying
    moves: dict[int, str] = field(default_factory=dict)  # k -> the unit the pin puts them in
    count: dict[str, int] = field(default_factory=dict)  # unit -> officers after the pins


def apply_pins(
    inputs: Inputs, pins: list[Pin], count: Mapping[str, int], cap: Mapping[str, int | None]
) -> Pinned:
    """Obey the pins: the officers they settle, where they go, and the unit counts after.

    `count` (unit -> officers now) and `cap` (unit -> capacity, None for none) are read, not
    changed. Raises InputError for a pin naming an officer not planned or a unit that cannot
    receive, and for pins that put a unit above its capacity."""
    count = defaultdict(int, count)
    if not pins:
        return Pinned(count=count)
    f = inputs.frame
    index = {oid: k for k, oid in enumerate(f["officer_id"].to_list())}
    problems = []
    done = set()
    moves: dict[int, str] = {}
    for p in pins:
        k = index.get(p.officer)
        if k is None:
            problems.append(problem("pin-unknown-officer", p.file, *p.where, officer=p.officer))
            continue
        done.add(k)
        if p.unit is None or p.post is not None:  # stay, or an appointment (after the transfers)
            continue
        uid = inputs.units.resolve(p.unit)
        if uid is None or inputs.units.by_id[uid].dissolved:
            problems.append(problem("pin-unknown-unit", p.file, *p.where, unit=p.unit))
            continue
        now = moves.get(k, f["unit"][k])
        if uid != now:
            count[now] -= 1
            count[uid] += 1
            moves[k] = uid
    for uid, c in count.items():
        limit = cap.get(uid)
        if limit is not None and c > limit and any(moves.get(k) == uid for k in done):
            problems.append(
                problem("pin-capacity", pins[0].file, count=c, unit=uid, capacity=limit)
            )
    if problems:
        raise InputError(problems)
    return Pinned(frozenset(done), moves, count)


def min_staffing(
    inputs: Inputs, mv: pl.DataFrame, count: Mapping[str, int]
) -> tuple[pl.DataFrame, list[Entry]]:
    """Movers whose departure would leave a unit below min_staff stay (lowest priority,
    then later officer_id first), as min_staffing exceptions.

    `mv` has a row per mover (officer_id, origin, wishes, k = frame position, rule, level);
    `count` is unit -> officers. Returns (the movers kept, sorted by k; the entries)."""
    min_staff = {u.id: u.min_staff for u in inputs.units.list}
    allowed = {u: max(0, count[u] - min_staff.get(u, 0)) for u in count}
    mv = mv.sort(["origin", "level", "officer_id"], descending=[False, True, False]).with_columns(
        pos=pl.int_range(pl.len()).over("origin"),
        allow=pl.col("origin").replace_strict(allowed, default=0, return_dtype=pl.Int64),
    )
    excess = mv.filter(pl.col("pos") >= pl.col("allow"))
    out = []
    if excess.height:
        sheet = inputs.frame["_row"].gather(excess["k"]).to_list()
        for (oid, origin, i), sheet_row in zip(
            excess.select("officer_id", "origin", "rule").iter_rows(), sheet, strict=True
        ):
            r = inputs.judgement.rules[i]
            out.append(
                entry(
                    oid,
                    sheet_row,
                    "min_staffing",
                    r.id,
                    None,
                    Message(
                        "min_staffing", {"unit": origin, "min_staff": min_staff.get(origin, 0)}
                    ),
                )
            )
    kept = mv.filter(pl.col("pos") < pl.col("allow")).drop("pos", "allow").sort("k")
    return kept, out
