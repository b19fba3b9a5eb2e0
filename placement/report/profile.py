"""The age profile of organ and grassroots officers before and after a plan (for the HTML page)."""

from __future__ import annotations

import polars as pl

from placement.documents import PlanDocument
from placement.load.units import Units


def age_profile(
    frame: pl.DataFrame, units: Units, doc: PlanDocument
) -> dict[str, dict[str, list[int]]]:
    """{"organ"|"grassroots": {"before": [ages], "after": [ages]}} from the evaluation frame
    (ages in completed years; officers of unknown age left out)."""
    tier = {u.id: u.tier for u in units.list}
    final = {t["officer_id"]: t["to_unit"] for t in doc["transfers"]}
    out: dict[str, dict[str, list[int]]] = {
        t: {"before": [], "after": []} for t in ("organ", "grassroots")
    }
    for oid, frm, now, age in zip(
        frame["officer_id"].to_list(),
        frame["_from_unit"].to_list(),
        frame["unit"].to_list(),
        frame["age"].to_list(),
        strict=True,
    ):
        if age is None:
            continue
        out[tier[frm]]["before"].append(int(age))
        out[tier[final.get(oid, now)]]["after"].append(int(age))
    return out
