"""The plan document (SPEC §4) from the final units and posts."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, cast

import numpy as np
import polars as pl

from placement.documents import (
    Appointment,
    Entry,
    PinEntry,
    PlanDocument,
    TargetResult,
    Transfer,
    UnitPosts,
)
from placement.evaluate.flags import flag_entries
from placement.evaluate.frame import with_units
from placement.evaluate.measure import measure
from placement.load.inputs import Inputs, entry, sort_entries
from placement.messages.registry import Message
from placement.messages.rows import Rows
from placement.place.appointments import Appointed
from placement.place.how import How
from placement.place.reasons_zh import transfer_reasons_zh


def plan_document(
    inputs: Inputs,
    moves: Mapping[int, str],
    posts: Mapping[int, str],
    deciding: Mapping[int, str],
    why: Mapping[int, str],
    exceptions: list[Entry],
    pins: list[PinEntry] | None = None,
    hows: Mapping[int, tuple[str, How]] | None = None,
    pinned: Mapping[int, Message] | None = None,
    appointed: Appointed | None = None,
) -> PlanDocument:
    """The plan document (SPEC §4 `PlanDocument`) of the judged roster and its final places.

    All four mappings are keyed by frame position k (0-based index into `inputs.frame`, not
    the sheet row): `moves` k -> final unit id, `posts` k -> final post term, `deciding` k ->
    the rule id (or `pin`) that moved the officer, `why` k -> that decision's reason text.
    An officer whose unit changed only by a merge has no `deciding` entry (rule `unit_merge`).
    `exceptions` are the entries found so far; the unmet targets are appended to it (the list
    is changed) and the document holds them sorted. `pins`: place.pinned.pin_entries.
    `pinned`: k -> the reason (a Message) of each move a pin decided. `hows`: k ->
    (destination, how it was chosen) of the movers a rule placed; with `pinned` and the
    judgement it is what the transfers' Chinese reasons are made of (a `Rows`, made only
    when a Chinese format asks: place.reasons_zh).
    `appointed`: the appointments (place.appointments): their rows, posts and counts; a
    same-unit appointee is not a row of `transfers`, a cross-unit one gives its reason.
    Shares and target values are fractions in [0, 1]; allowances yuan per month."""
    j = inputs.judgement
    appointed = appointed or Appointed()
    f = j.frame
    before = measure(f, inputs.ruleset)
    final_unit, final_post = f["unit"].clone(), f["post"].clone()
    if moves:
        final_unit.scatter(list(moves), list(moves.values()))
    if posts:
        final_post.scatter(list(posts), list(posts.values()))
    final_rank = f["rank"].clone()
    if appointed.ranks:
        final_rank.scatter(list(appointed.ranks), list(appointed.ranks.values()))
    after = measure(
        with_units(f.with_columns(final_unit, final_post, final_rank), inputs.units),
        inputs.ruleset,
    )
    titles = (
        {r.id: r.title for r in j.rules}
        | {
            "unit_merge": "unit merge",
            "pin": "manual decision",
        }
        | appointed.titles
    )
    moved = f.select("officer_id", "name", "_from_unit", "unit", "post", "_row").with_columns(
        final_unit.alias("to_unit"),
        final_post.alias("to_post"),
        pl.int_range(0, f.height, dtype=pl.Int64).alias("k"),
    )
    # a row that cannot be read is not planned: it is listed in the exceptions, not here
    here = np.zeros(f.height, dtype=bool)
    here[list(appointed.only_here)] = True
    only_here = pl.Series(here)
    moved = moved.filter(
        f["_valid"]
        & ~only_here
        & ((pl.col("_from_unit") != pl.col("to_unit")) | (pl.col("post") != pl.col("to_post")))
    )
    decided = pl.DataFrame(
        {
            "k": list(deciding),
            "rule_id": list(deciding.values()),
            "why": [why.get(k) for k in deciding],
        },
        schema={"k": pl.Int64, "rule_id": pl.String, "why": pl.String},
    )
    frm, now, to, because = pl.col("_from_unit"), pl.col("unit"), pl.col("to_unit"), pl.col("why")
    joined = (
        moved.join(decided, on="k", how="left")
        .with_columns(
            pl.when(because.is_null())
            .then(pl.format("{} merged into {}", frm, to))
            .when(frm != now)
            .then(pl.format("{} (after {} merged into {})", because, frm, now))
            .otherwise(because)
            .alias("reason"),
        )
        .sort("officer_id", "_row")
    )
    transfers = (
        joined.with_columns(pl.col("rule_id").fill_null("unit_merge"))
        .with_columns(pl.col("rule_id").replace_strict(titles, default="").alias("rule_title"))
        .select(
            pl.col("officer_id"),
            pl.col("name"),
            pl.col("_from_unit").alias("from_unit"),
            "to_unit",
            pl.col("post").alias("from_post"),
            "to_post",
            "rule_id",
            "rule_title",
            "reason",
        )
    )
    basis = joined.select(
        "k",
        frm.alias("from"),
        now.alias("now"),
        to.alias("to"),
        "rule_id",
        pl.col("reason").alias("en"),
    )
    n_moved = int((transfers["from_unit"] != transfers["to_unit"]).sum())
    # the frame's columns are the keys of Transfer, selected just above
    # an appointee's row gives the appointment's reason as a Message (with the merge, if any)
    said_by: dict[int, Message] = dict(pinned or {})
    for k, msg in appointed.messages.items():
        if f["_from_unit"][k] != f["unit"][k]:
            msg = Message(
                "appoint-after-merge",
                {"reason": msg, "unit": f["_from_unit"][k], "into": f["unit"][k]},
            )
        said_by[k] = msg
    transfer_list: list[Transfer] = Rows(
        cast("list[Transfer]", records(transfers)),
        lambda: transfer_reasons_zh(inputs, basis, hows or {}, said_by),
    )
    targets: list[TargetResult] = []
    if appointed.messages:
        by_id = {f["officer_id"][k]: k for k in appointed.messages}
        for row in transfer_list:
            at = by_id.get(row["officer_id"])
            if at is not None:
                row["reason"] = said_by[at]
    for t, vb, va in zip(inputs.ruleset.targets, before["targets"], after["targets"], strict=True):
        targets.append(
            {
                "id": t.id,
                "title": t.title,
                "value_before": vb,
                "value_after": va,
                "met_after": t.met(va),
            }
        )
        if not t.met(va):
            exceptions.append(
                entry(
                    None,
                    None,
                    "target_unmet",
                    None,
                    None,
                    Message("target_unmet", {"target": t.id, "after": True, "value": va}),
                )
            )
    exceptions = sort_entries(exceptions + appointed.exceptions)
    flags = flag_entries(inputs)
    by_code: dict[str, int] = {}
    for e in exceptions:
        by_code[e["code"]] = by_code.get(e["code"], 0) + 1
    before_counts = dict(f.group_by("_from_unit").len().iter_rows())
    after_counts = dict(final_unit.value_counts().iter_rows())
    roster = inputs.roster
    counts = appointed.summary or _no_posts()
    return {
        "ruleset": inputs.ruleset.name,
        "as_of": inputs.as_of.isoformat(),
        "inputs": {
            "roster": roster.describe(),
            "rules": {"sha256": inputs.ruleset.sha256},
            "units": {"sha256": inputs.units.sha256},
        },
        "summary": {
            "officers": roster.rows,
            "transfers": n_moved,
            "post_changes": len(transfer_list) - n_moved,
            "flags": len(flags),
            "exceptions": len(exceptions),
            "exceptions_by_code": dict(sorted(by_code.items())),
            "grassroots_share": {"before": before["share"], "after": after["share"]},
            "targets": targets,
            "allowance_monthly_total": {"before": before["allowance"], "after": after["allowance"]},
            "appointments": counts["appointments"],
            "vacancies": counts["vacancies"],
            "over_establishment": counts["over_establishment"],
        },
        "transfers": transfer_list,
        "flags": flags,
        "exceptions": exceptions,
        "appointments": cast("list[Appointment]", appointed.rows),
        "pins": pins or [],  # place.pinned.pin_entries
        "units": [
            {
                "unit_id": u.id,
                "name": u.name,
                "before": before_counts.get(u.id, 0),
                "after": after_counts.get(u.id, 0),
                "capacity": u.capacity,
                "min_staff": u.min_staff,
                "posts": cast("list[UnitPosts]", appointed.posts_by_unit.get(u.id, [])),
            }
            for u in inputs.units.list
        ],
    }


def _no_posts() -> dict:
    return {
        "appointments": 0,
        "vacancies": {"before": 0, "after": 0},
        "over_establishment": {"before": 0, "after": 0},
    }


def records(frame: pl.DataFrame) -> list[dict[str, Any]]:
    """The rows as dicts {column: value}, in row order: column lists zipped, several times
    faster than `to_dicts`."""
    names = frame.columns
    return [
        dict(zip(names, row, strict=True))
        for row in zip(*(frame[c].to_list() for c in names), strict=True)
    ]
