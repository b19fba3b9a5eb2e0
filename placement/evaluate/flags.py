"""The flags of a judged roster, ordered by officer then rule: shared by check and plan."""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar

import numpy as np
import polars as pl

from placement.documents import FlagEntry

if TYPE_CHECKING:
    from placement.load.inputs import Inputs

T = TypeVar("T")


def flag_entries(inputs: Inputs) -> list[FlagEntry]:
    """One entry per flag a rule raised: {officer_id, code (the rule's `flag`), rule_id,
    reason (the facts that made `when` true)}, ordered by officer_id, then rule id."""
    j = inputs.judgement
    by_rule: dict[int, list[int]] = {}
    for k, i in j.flags:
        by_rule.setdefault(i, []).append(k)
    out: list[FlagEntry] = []
    keys = []
    for i, ks in by_rule.items():
        r = j.rules[i]
        code = r.flag
        if code is None:  # judge records flags of flag rules only
            raise ValueError(f"rule {r.id} raised a flag but has none")
        ids = j.frame["officer_id"].gather(ks)
        keys.append((ids, r.id))
        out += [
            {"officer_id": oid, "code": code, "rule_id": r.id, "reason": why}
            for oid, why in zip(ids.to_list(), j.reasons(i, ks), strict=True)
        ]
    return by_officer_and_rule(out, keys)


def by_officer_and_rule(records: list[T], keys: list[tuple[pl.Series, str]]) -> list[T]:
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
