"""The flags of a judged roster, ordered by officer then rule: shared by check and plan."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, TypeVar

import numpy as np
import polars as pl

from placement.documents import FlagEntry
from placement.messages.rows import Rows

if TYPE_CHECKING:
    from placement.evaluate.decide import Judgement
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
    parts: list[tuple[int, list[int]]] = []
    for i, ks in by_rule.items():
        r = j.rules[i]
        code = r.flag
        if code is None:  # judge records flags of flag rules only
            raise ValueError(f"rule {r.id} raised a flag but has none")
        ids = j.frame["officer_id"].gather(ks)
        keys.append((ids, r.id))
        parts.append((i, ks))
        out += [
            {"officer_id": oid, "code": code, "rule_id": r.id, "reason": why}
            for oid, why in zip(ids.to_list(), j.reasons(i, ks), strict=True)
        ]
    return by_officer_and_rule(out, keys, j, parts)


def by_officer_and_rule(
    records: list[T],
    keys: list[tuple[pl.Series, str]],
    j: Judgement,
    parts: Sequence[tuple[int, np.ndarray | list[int]]],
) -> Rows[T]:
    """Records made rule by rule (`keys`: each rule's officer ids, in the records' order, and
    its id), ordered by officer, then rule: one columnar sort instead of a Python one.
    `parts`: each rule's index into `j.rules` and frame positions, in the records' order:
    what their reasons were made of, so that the Rows can make them in Chinese."""
    order = _order(keys) if len(records) > 1 else list(range(len(records)))

    def zh() -> list[str]:
        said = [t for i, ks in parts for t in j.reasons(i, ks, lang="zh")]
        return [said[k] for k in order]

    return Rows([records[k] for k in order], zh)


def _order(keys: list[tuple[pl.Series, str]]) -> list[int]:
    """The positions of the records (made rule by rule, `keys`) ordered by officer, then
    rule id."""
    rank = {rid: k for k, rid in enumerate(sorted({rid for _i, rid in keys}))}
    frame = pl.DataFrame(
        {
            "o": pl.concat([ids for ids, _r in keys]),
            "r": np.repeat([rank[rid] for _i, rid in keys], [ids.len() for ids, _r in keys]),
        }
    )
    order: list[int] = frame.select(pl.arg_sort_by("o", "r", maintain_order=True))["o"].to_list()
    return order
