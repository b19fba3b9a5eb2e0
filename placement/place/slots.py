"""Free leadership slots before the transfers (SPEC §2.1 "Posts bind the transfers")."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

import polars as pl

from placement.evaluate.posts import count_posts
from placement.load.units import Units

if TYPE_CHECKING:
    from placement.load.inputs import Inputs

OVER = -1  # a post above its establishment: receives no one, departures free no slot


def free_slots(
    frame: pl.DataFrame, units: Units, moves: Mapping[int, str], posts: Mapping[int, str]
) -> dict[tuple[str, str], int]:
    """Free slots of every established (unit_id, post) once the merges, the pins and the
    rules' `set_post` changes are in place, before any mover leaves or arrives.

    `frame` is the evaluation frame (one row per officer after the merges, columns `unit`
    and `post`); `moves` and `posts` are frame position -> the unit a pin puts the officer
    in / the post a `set_post` rule gives them. Returns (unit_id, post) -> establishment −
    holders when that is ≥ 0, or OVER (-1) when the holders exceed the establishment (SPEC
    §2.1: such a post receives no one in this plan and departures from it free no slot).
    Establishments and holders are `placement.evaluate.posts.count_posts`'s (SPEC §1.2);
    empty when no unit has posts."""
    if not units.posts:
        return {}
    unit, post = frame["unit"], frame["post"]
    if moves:
        unit = unit.clone().scatter(list(moves), list(moves.values()))
    if posts:
        post = post.clone().scatter(list(posts), list(posts.values()))
    counted = count_posts(pl.DataFrame({"unit": unit, "post": post}), units)
    return {
        (u, p): (e - h if h <= e else OVER)
        for u, p, e, h in counted.select("unit_id", "post", "establishment", "holders").iter_rows()
    }


def with_posts(
    inputs: Inputs, mv: pl.DataFrame, slots: Mapping[tuple[str, str], int]
) -> pl.DataFrame:
    """Add `_to` (the post the mover holds after the move — the rule's `post:` or their own —
    where some unit counts it, else null) and `_from` (their post where their origin counts
    it and is not above its establishment, so their departure frees a slot, and some mover
    arrives with it somewhere; else null, so that groups split only where slots bind)."""
    if not slots:
        return mv.with_columns(
            pl.lit(None, pl.String).alias("_to"), pl.lit(None, pl.String).alias("_from")
        )
    j = inputs.judgement
    counted = sorted({p for _, p in slots})
    post = inputs.frame["post"].gather(mv["k"])
    rule_post = pl.Series(
        [j.rules[i].move.post for i in mv["rule"].to_list()], dtype=pl.String
    ).fill_null(post)
    to = pl.when(rule_post.is_in(counted)).then(rule_post).otherwise(None)
    mv = mv.with_columns(to.alias("_to"))
    # a slot freed at the origin matters only for a post some mover arrives with
    arriving = set(mv["_to"].drop_nulls().unique().to_list())
    freeing = {f"{u}\x00{p}" for (u, p), n in slots.items() if n != OVER and p in arriving}
    return mv.with_columns(
        pl.when(pl.concat_str([pl.col("origin"), post], separator="\x00").is_in(freeing))
        .then(post)
        .otherwise(None)
        .alias("_from"),
    )
