"""Build small scenarios (units, rules, roster) on disk for planner and CLI tests."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import yaml

AS_OF = dt.date(2026, 10, 1)
HEADER = ["officer_id", "name", "birth_date", "unit", "post", "rank", "special_talent", "wishes"]


def birth(age: int) -> str:
    return dt.date(AS_OF.year - age, 1, 1).isoformat()


def write_scenario(
    root: Path,
    units: list[dict],
    rules: list[dict],
    officers: list[dict],
    extra: dict | None = None,
) -> dict[str, Path]:
    root.mkdir(parents=True, exist_ok=True)
    (root / "rules").mkdir(exist_ok=True)
    (root / "units.yaml").write_text(
        yaml.safe_dump({"units": units}, allow_unicode=True), encoding="utf-8"
    )
    doc = {"ruleset": "test", "as_of": AS_OF, "rules": rules} | (extra or {})
    (root / "rules" / "a.yaml").write_text(
        yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8"
    )
    with open(root / "roster.csv", "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(HEADER)
        for o in officers:
            w.writerow([o.get(h, "") for h in HEADER])
    return {"units": root / "units.yaml", "rules": root / "rules", "roster": root / "roster.csv"}


def unit(
    uid: str, kind: str, capacity=None, min_staff=0, tags=(), merged_into=None, district="城區"
) -> dict:
    u = {
        "id": uid,
        "name": f"name-{uid}",
        "kind": kind,
        "area": "urban",
        "district": district,
        "min_staff": min_staff,
        "tags": list(tags),
    }
    if capacity is not None:
        u["capacity"] = capacity
    if merged_into:
        u["merged_into"] = merged_into
    return u


def officer(oid: str, unit_id: str, age: int, rank="staff", post="officer", **kw) -> dict:
    return {
        "officer_id": oid,
        "name": f"n{oid}",
        "birth_date": birth(age),
        "unit": unit_id,
        "post": post,
        "rank": rank,
    } | kw
