"""Free leadership slots before the transfers (SPEC §2.1 "Posts bind the transfers")."""

from __future__ import annotations

from collections.abc import Mapping

import polars as pl

from placement.evaluate.posts import count_posts
from placement.load.units import Units

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
