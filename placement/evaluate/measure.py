"""Targets, grassroots share and allowance cost of a frame (before or after a plan)."""

from __future__ import annotations

import polars as pl

from placement.evaluate.compile import column as expr
from placement.load.rules.model import RuleSet


def grassroots_share(frame: pl.DataFrame) -> float | None:
    if frame.height == 0:
        return None
    return round(float((frame["unit.tier"] == "grassroots").sum()) / frame.height, 6)


def target_values(frame: pl.DataFrame, ruleset: RuleSet) -> list[float | None]:
    out = []
    for t in ruleset.targets:
        row = frame.select(
            num=(expr(t.where).fill_null(False) & expr(t.of).fill_null(False)).sum(),
            den=expr(t.of).fill_null(False).sum(),
        ).row(0)
        out.append(round(row[0] / row[1], 6) if row[1] else None)
    return out


def allowance_total(frame: pl.DataFrame, ruleset: RuleSet) -> float:
    if not ruleset.allowances or frame.height == 0:
        return 0
    amounts = [
        pl.when(expr(a.where).fill_null(False)).then(pl.lit(float(a.amount))).otherwise(0.0)
        for a in ruleset.allowances
    ]
    total = frame.select(pl.max_horizontal(amounts).sum()).item()
    return int(total) if float(total).is_integer() else round(total, 2)


def measure(frame: pl.DataFrame, ruleset: RuleSet) -> dict:
    return {
        "share": grassroots_share(frame),
        "targets": target_values(frame, ruleset),
        "allowance": allowance_total(frame, ruleset),
    }
