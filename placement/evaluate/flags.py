"""The flags of a judged roster, ordered by officer then rule: shared by check and plan."""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import polars as pl

if TYPE_CHECKING:
    from placement.load.inputs import Inputs


def flag_entries(inputs: Inputs) -> list[dict]:
    """One entry per flag a rule raised: {officer_id, code (the flag), rule_id, reason}."""
    j = inputs.judgement
    by_rule: dict[int, list[int]] = {}
    for k, i in j.flags:
        by_rule.setdefault(i, []).append(k)
    out, keys = [], []
    for i, ks in by_rule.items():
        r = j.rules[i]
        ids = j.frame["officer_id"].gather(ks)
        keys.append((ids, r.id))
        out += [
            {"officer_id": oid, "code": r.flag, "rule_id": r.id, "reason": why}
            for oid, why in zip(ids.to_list(), j.reasons(i, ks), strict=True)
        ]
    return by_officer_and_rule(out, keys)


def by_officer_and_rule(records: list[dict], keys: list[tuple[pl.Series, str]]) -> list[dict]:
    """Records made rule by rule (`keys`: each rule's officer ids, in the records' order, and
    its id), ordered by officer, then rule: one columnar sort instead of a Python one."""
    if len(records) < 2:
        return records
    rank = {rid: k for k, rid in enumerate(sorted({rid for _i, rid in keys}))}
    frame = pl.DataFrame(
        {
            "o": pl.concat([ids for ids, _r in keys]),
            "r": np.repeat([rank[rid] for _i, rid in keys], [ids.len() for ids, _r in keys]),
        }
    )
    order = frame.select(pl.arg_sort_by("o", "r", maintain_order=True))["o"].to_list()
    return [records[k] for k in order]
