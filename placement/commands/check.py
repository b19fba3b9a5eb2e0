"""`placement check`: the roster as it is, judged by the rules."""

from __future__ import annotations

from typing import cast

import numpy as np
import polars as pl

from placement.documents import CheckDocument, Entry, PostStatus, TargetValue, Violation
from placement.evaluate.decide import State
from placement.evaluate.flags import by_officer_and_rule, flag_entries
from placement.evaluate.measure import target_values
from placement.evaluate.posts import count_posts
from placement.load.inputs import Inputs, entry, rule_entries, sort_entries
from placement.messages.registry import Message


def check(inputs: Inputs) -> CheckDocument:
    """The check document (SPEC §4 `CheckDocument`) of the judged roster as it stands:
    `violations` (one per officer a moving, post-setting rule would still act on; a keep rule
    is no violation), `flags`, `exceptions` (bad rows, missing data, exemptions, conflicts,
    unmet targets), each target's value (a fraction in [0, 1]) and the leadership posts
    vacant or over their establishment (`post_status`)."""
    j = inputs.judgement
    f = j.frame
    violations: list[Violation] = []
    keys = []
    parts: list[tuple[int, np.ndarray]] = []
    for i, r in enumerate(j.rules):
        if not r.acts or r.keep:
            continue
        rows = np.flatnonzero((j.state == State.DECIDED) & (j.decision == i))
        if r.set_post is not None and len(rows):
            rows = rows[(f["post"].gather(rows) != r.set_post).to_numpy()]
        if not len(rows):
            continue
        ids = f["officer_id"].gather(rows)
        keys.append((ids, r.id))
        parts.append((i, rows))
        action = r.action
        violations += [
            {"officer_id": oid, "rule_id": r.id, "action": action, "reason": why}
            for oid, why in zip(ids.to_list(), j.reasons(i, rows), strict=True)
        ]
    flags = flag_entries(inputs)
    values = target_values(f, inputs.ruleset)
    targets: list[TargetValue] = [
        {
            "id": t.id,
            "title": t.title,
            "value": v,
            "at_least": t.at_least,
            "at_most": t.at_most,
            "met": t.met(v),
        }
        for t, v in zip(inputs.ruleset.targets, values, strict=True)
    ]
    # load.roster keeps its issues as plain dicts of Entry's keys (load/roster is still untyped)
    exceptions = cast("list[Entry]", list(inputs.roster.issues)) + rule_entries(inputs)
    for t in targets:
        if not t["met"]:
            exceptions.append(
                entry(
                    None,
                    None,
                    "target_unmet",
                    None,
                    None,
                    Message(
                        "target_unmet", {"target": t["id"], "after": False, "value": t["value"]}
                    ),
                )
            )
    return {
        "violations": by_officer_and_rule(violations, keys, j, parts),
        "flags": flags,
        "exceptions": sort_entries(exceptions),
        "targets": targets,
        "posts": post_status(inputs),
    }


def post_status(inputs: Inputs) -> list[PostStatus]:
    """Every established post that is vacant or over its establishment in the roster as it is,
    after the merges (SPEC §1.2, §4): unit_id, post, establishment, holders (a number), status
    (`vacant` or `over`), by unit_id and post. Not repeated under the exceptions."""
    counts = count_posts(inputs.frame, inputs.units).filter(
        (pl.col("vacancies") > 0) | (pl.col("over") > 0)
    )
    return [
        {
            "unit_id": unit_id,
            "post": post,
            "establishment": n,
            "holders": held,
            "status": "vacant" if vacant else "over",
        }
        for unit_id, post, n, held, vacant in counts.select(
            "unit_id", "post", "establishment", "holders", "vacancies"
        ).iter_rows()
    ]


def check_failed(doc: CheckDocument) -> bool:
    """Does the check find anything to act on: a violation, a flag, an unmet target or a post
    vacant or over its establishment (exceptions alone do not count)? `placement check`
    exits 1 when true, 0 when not (SPEC §3)."""
    return bool(
        doc["violations"]
        or doc["flags"]
        or any(not t["met"] for t in doc["targets"])
        or doc.get("posts")
    )
