"""Manual pins and minimum staffing: what is settled before the solver runs."""

from __future__ import annotations

from dataclasses import dataclass

import polars as pl

from placement.load.inputs import entry
from placement.problems import InputError, Problem


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
            problems.append(
                Problem(
                    p.file,
                    *p.where,
                    "pin-unknown-officer",
                    f"officer '{p.officer}' is not a planned officer of the roster",
                )
            )
            continue
        done.add(k)
        if p.unit is None:
            continue
        uid = inputs.units.resolve(p.unit)
        if uid is None or inputs.units.by_id[uid].dissolved:
            problems.append(
                Problem(
                    p.file,
                    *p.where,
                    "pin-unknown-unit",
                    f"unit '{p.unit}' is not a unit that can receive officers",
                )
            )
            continue
        now = moves.get(k, f["unit"][k])
        if uid != now:
            count[now] -= 1
            count[uid] += 1
            moves[k] = uid
            deciding[k] = "pin"
            why[k] = "pinned by a manual decision"
    for uid, c in count.items():
        if (
            cap.get(uid) is not None
            and c > cap[uid]
            and any(moves.get(k) == uid and deciding.get(k) == "pin" for k in done)
        ):
            problems.append(
                Problem(
                    pins[0].file,
                    0,
                    0,
                    "pin-capacity",
                    f"pins put {c} officers in {uid}, above its capacity {cap[uid]}",
                )
            )
    if problems:
        raise InputError(problems)
    return done


def min_staffing(inputs, mv: pl.DataFrame, count) -> tuple[pl.DataFrame, list[dict]]:
    """Movers whose departure would leave a unit below min_staff stay (lowest priority,
    then later officer_id first), as min_staffing exceptions. Returns (movers kept, entries)."""
    min_staff = {u.id: u.min_staff for u in inputs.units.list}
    allowed = {u: max(0, count[u] - min_staff.get(u, 0)) for u in count}
    mv = mv.sort(["origin", "level", "officer_id"], descending=[False, True, False]).with_columns(
        pos=pl.int_range(pl.len()).over("origin"),
        allow=pl.col("origin").replace_strict(allowed, default=0, return_dtype=pl.Int64),
    )
    excess = mv.filter(pl.col("pos") >= pl.col("allow"))
    out = []
    if excess.height:
        sheet = inputs.frame["_row"].gather(excess["row"]).to_list()
        for (oid, origin, i), row in zip(
            excess.select("officer_id", "origin", "rule").iter_rows(), sheet, strict=True
        ):
            r = inputs.judgement.rules[i]
            out.append(
                entry(
                    oid,
                    row,
                    "min_staffing",
                    r.id,
                    None,
                    f"moving would leave {origin} below its minimum staff "
                    f"{min_staff.get(origin, 0)}",
                )
            )
    kept = mv.filter(pl.col("pos") < pl.col("allow")).drop("pos", "allow").sort("row")
    return kept, out
