"""Targets, grassroots share and allowance cost of a frame (before or after a plan)."""

from __future__ import annotations

from typing import TypedDict

import polars as pl

from placement.evaluate.compile import column as expr
from placement.load.rules.model import RuleSet


class Measures(TypedDict):
    """What `measure` finds in a frame: the grassroots share (a fraction in [0, 1], None for
    an empty frame), each target's value in `RuleSet.targets` order (fractions, None where the
    target's `of` counts nobody) and the monthly allowance total (yuan per month)."""

    share: float | None
    targets: list[float | None]
    allowance: float


def grassroots_share(frame: pl.DataFrame) -> float | None:
    """Share of the frame's officers whose unit's tier is `grassroots` (SPEC §1.2 `tier`), a
    fraction in [0, 1] rounded to 6 decimals; None for an empty frame. Needs `unit.tier`."""
    if frame.height == 0:
        return None
    return round(float((frame["unit.tier"] == "grassroots").sum()) / frame.height, 6)


def target_values(frame: pl.DataFrame, ruleset: RuleSet) -> list[float | None]:
    """Each target's value (SPEC §1.4 `targets`): officers matching `where` and `of` over
    officers matching `of`, a fraction in [0, 1] rounded to 6 decimals, None where `of`
    matches nobody; one per `ruleset.targets`, in order. Unknown (null) counts as false."""
    out: list[float | None] = []
    for t in ruleset.targets:
        row = frame.select(
            num=(expr(t.where).fill_null(False) & expr(t.of).fill_null(False)).sum(),
            den=expr(t.of).fill_null(False).sum(),
        ).row(0)
        out.append(round(row[0] / row[1], 6) if row[1] else None)
    return out


def allowance_total(frame: pl.DataFrame, ruleset: RuleSet) -> float:
    """Monthly allowance cost of the frame in yuan per month (SPEC §1.4 `allowances`): each
    officer receives the largest amount whose `where` matches (allowances do not add up), 0
    when none does. An int when whole, else rounded to 2 decimals (fen)."""
    if not ruleset.allowances or frame.height == 0:
        return 0
    amounts = [
        pl.when(expr(a.where).fill_null(False)).then(pl.lit(float(a.amount))).otherwise(0.0)
        for a in ruleset.allowances
    ]
    total = frame.select(pl.max_horizontal(amounts).sum()).item()
    return int(total) if float(total).is_integer() else round(total, 2)


def measure(frame: pl.DataFrame, ruleset: RuleSet) -> Measures:
    """The grassroots share, target values and allowance total of a frame (see `Measures`);
    the plan measures its frame before and after the moves."""
    return {
        "share": grassroots_share(frame),
        "targets": target_values(frame, ruleset),
        "allowance": allowance_total(frame, ruleset),
    }
