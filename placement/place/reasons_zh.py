"""The plan's transfer reasons in Chinese, made from what the English ones were made of.

The English reason of a transfer (built in place/plan.py and place/document.py) is
`FACTS; to UNIT: HOW`, with ` (after A merged into B)` when the officer's unit was merged
first; `A merged into B` for a merge alone; the pin's Message for a pin; FACTS
alone for a post change. Here the same parts come from data: the deciding rule's facts for
the officer (`Judgement.reasons(..., lang="zh")`, by column per rule), the destination and
its `How` the planner recorded, the units of the merge; each part through its registry code
(messages/catalog/reasons.py). Called only when a Chinese format shows the plan.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping

import polars as pl

from placement.load.inputs import Inputs
from placement.messages.registry import Message
from placement.place.how import How


def transfer_reasons_zh(
    inputs: Inputs,
    basis: pl.DataFrame,
    hows: Mapping[int, tuple[str, How]],
    pinned: Mapping[int, Message],
) -> list[str]:
    """One Chinese reason per row of `basis`, in its order.

    basis: the plan's transfers in document order, columns `k` (frame position), `from`
    (unit before merges), `now` (unit after merges), `to` (final unit), `rule_id` (the
    deciding rule, `pin`, or null for a merge alone) and `en` (the English reason: shown as
    it is for a row whose making was not recorded). hows: k -> (destination, how it was
    chosen), for the movers a rule placed. pinned: k -> the reason of a move a pin decided."""
    j = inputs.judgement
    index = {r.id: i for i, r in enumerate(j.rules)}
    ks: list[int] = basis["k"].to_list()
    rule_ids: list[str | None] = basis["rule_id"].to_list()
    by_rule: dict[int, list[int]] = defaultdict(list)
    for k, rid in zip(ks, rule_ids, strict=True):
        if rid is not None and rid in index:
            by_rule[index[rid]].append(k)
    facts: dict[int, str] = {}
    for i, group in by_rule.items():
        facts.update(zip(group, j.reasons(i, group, lang="zh"), strict=True))
    cache: dict[tuple[str, object, object], str] = {}

    def part(code: str, a: object, b: object) -> str:
        key = (code, a, b)
        if key not in cache:
            if code == "reason-to":
                assert isinstance(b, How)
                cache[key] = Message(code, {"unit": a, "how": b.message}).text("zh")
            else:
                cache[key] = Message(code, {"unit": a, "into": b}).text("zh")
        return cache[key]

    out: list[str] = []
    rows = zip(
        ks,
        basis["from"].to_list(),
        basis["now"].to_list(),
        basis["to"].to_list(),
        rule_ids,
        basis["en"].to_list(),
        strict=True,
    )
    for k, frm, now, to, rid, en in rows:
        if rid is None:
            out.append(part("reason-merged", frm, to))
            continue
        if k in pinned and rid != "pin":  # an appointment: its Message says any merge itself
            out.append(pinned[k].text("zh"))
            continue
        if rid == "pin" and k in pinned:
            text = pinned[k].text("zh")
        elif k in facts:
            text = facts[k]
            hit = hows.get(k)
            if hit is not None:
                text += "；" + part("reason-to", hit[0], hit[1])
        else:
            out.append(en)  # not made by a rule this module knows: shown as it is
            continue
        if frm != now:
            text += part("reason-after-merge", frm, now)
        out.append(text)
    return out
