"""Leadership posts, columnar (SPEC §1.2, §1.4 `appointments`, §2.1): establishment, holders,
vacancies and over-establishment per unit and post; the policy governing each post; who is
eligible under a policy (three-valued), with the empty fields that leave it unknown; and each
eligible candidate's merit position.

Every function takes and returns polars frames so that it runs on a 1,000,000-row roster
without a per-row Python loop. The officer frame is the evaluation frame of
`placement.evaluate.frame.build_frame` (one row per officer whose unit is known, after the
merges, with `_row`, `_valid`, `officer_id`, `unit`, `post`, `rank`, the derived fields and
`unit.X`), or any frame with the columns a function names.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

import polars as pl

from placement.evaluate.compile import expr
from placement.evaluate.frame import units_frame
from placement.load.rules.appointments import MeritKey, Policy, rank_order
from placement.load.rules.conditions import (
    All,
    AnyOf,
    Broken,
    BrokenConditionError,
    Node,
    Not,
    Test,
)
from placement.load.units import Units
from placement.load.vocab import Vocabulary

POSTS_SCHEMA = {"unit_id": pl.String, "post": pl.String, "establishment": pl.Int64}


def establishment(units: Units) -> pl.DataFrame:
    """The units' leadership establishment (領導職數), one row per kept unit and post of its
    merged `posts`: columns unit_id (str), post (str, a vocabulary term), establishment (int ≥ 0),
    sorted by unit_id, post. Empty (with those columns) when no unit has posts."""
    rows = [(uid, post, n) for uid, posts in units.posts.items() for post, n in posts.items()]
    return pl.DataFrame(rows, schema=POSTS_SCHEMA, orient="row").sort("unit_id", "post")


def count_posts(
    frame: pl.DataFrame, units: Units, unit: str = "unit", post: str = "post"
) -> pl.DataFrame:
    """Holders, vacancies and over-establishment of every established post (SPEC §1.2).

    `frame`: one row per officer, `unit` and `post` columns naming where they sit and what
    they hold — the roster after the merges for "before" and `check`, any final frame for
    "after". Every row whose unit and post are not null is a holder, valid or not (exceptions
    included). Returns one row per (unit_id, post) of `establishment(units)`: unit_id, post,
    establishment, holders (int), vacancies = max(establishment − holders, 0), over =
    max(holders − establishment, 0); sorted by unit_id, post. O(n) group_by."""
    est = establishment(units)
    held = (
        frame.lazy()
        .select(pl.col(unit).alias("unit_id"), pl.col(post).alias("post"))
        .drop_nulls()
        .join(est.lazy().select("unit_id", "post"), on=["unit_id", "post"], how="semi")
        .group_by("unit_id", "post")
        .agg(pl.len().cast(pl.Int64).alias("holders"))
        .collect()
    )
    out = est.join(held, on=["unit_id", "post"], how="left").with_columns(
        pl.col("holders").fill_null(0)
    )
    gap = pl.col("establishment") - pl.col("holders")
    return out.with_columns(
        gap.clip(lower_bound=0).alias("vacancies"), (-gap).clip(lower_bound=0).alias("over")
    ).sort("unit_id", "post")


def unit_fields(units: Units) -> pl.DataFrame:
    """Every unit with its fields under their selector names (id, name, kind, tier, area,
    district, capacity, min_staff, tags), plus unit_id; one row per unit, file order."""
    f = units_frame(units)
    return f.rename({c: c[len("unit.") :] for c in f.columns if c.startswith("unit.")}).rename(
        {"unit": "unit_id"}
    )


def governing(policies: list[Policy], units: Units, as_of: dt.date) -> pl.DataFrame:
    """The policy that governs each established post (SPEC §1.4): of the policies in force
    whose `post` is the post and whose `at` selects the unit (unknown selects nothing), the one
    of highest priority, file order breaking ties. Returns `establishment(units)` with a column
    policy (Int32: index into `policies`; null when no policy governs the post there)."""
    est = establishment(units)
    uf = unit_fields(units).with_columns(pl.lit(True).alias("_row"))  # `column` reads _row
    ranked = sorted(
        (k for k, p in enumerate(policies) if p.in_force(as_of)),
        key=lambda k: (-policies[k].priority, policies[k].order),
    )
    choice = pl.lit(None, pl.Int32)
    picks = []
    for k in ranked:
        p = policies[k]
        sel = uf.select("unit_id", expr(p.at).fill_null(False).alias("s")).filter("s")
        picks.append((k, p.post, set(sel["unit_id"].to_list())))
    if not picks:
        return est.with_columns(choice.alias("policy"))
    # one pass per policy over the (few) established posts, best policy last wins
    for k, post, unit_ids in reversed(picks):
        hit = (pl.col("post") == post) & pl.col("unit_id").is_in(sorted(unit_ids))
        choice = pl.when(hit).then(pl.lit(k, pl.Int32)).otherwise(choice)
    return est.with_columns(choice.alias("policy"))


def eligibility(frame: pl.DataFrame, policy: Policy) -> pl.DataFrame:
    """Who meets the policy's `eligible` (SPEC §1.4), three-valued, for every row of `frame`.

    Returns one row per row of `frame`, same order: _row, officer_id, eligible (Boolean; null
    = unknown for lack of data, which counts as not eligible), unknown (List[str]: the empty
    fields read by the unknown tests that still decide the outcome; empty unless eligible is
    null). Rows that are not `_valid` (bad roster rows) are false."""
    value = expr(policy.eligible)
    if "_valid" in frame.columns:
        value = pl.when(pl.col("_valid")).then(value).otherwise(pl.lit(False))
    return frame.select(
        "_row",
        "officer_id",
        pl.when(pl.col("_row").is_not_null()).then(value).alias("eligible"),
        unknown_fields(policy.eligible, frame.columns).alias("unknown"),
    )


def unknown_fields(node: Node, columns: list[str]) -> pl.Expr:
    """Per row, the fields (in the order the condition reads them) whose emptiness leaves
    `node` unknown: a field is listed when a test on it is unknown and every enclosing
    all/any/not is unknown too (a `$officer.FIELD` reference lists FIELD). List[str]."""
    marks = _deciding(node, set(columns))
    if not marks:
        return pl.lit([], pl.List(pl.String))
    return pl.concat_list(
        [pl.when(m).then(pl.lit(f)).otherwise(pl.lit(None, pl.String)) for f, m in marks.items()]
    ).list.drop_nulls()


def _deciding(node: Node, columns: set[str]) -> dict[str, pl.Expr]:
    if isinstance(node, Test):
        if node.op == "is_null":
            return {}
        out: dict[str, pl.Expr] = {}
        unknown = expr(node).is_null()
        for f in (node.field, node.ref):
            if f and f in columns:
                out[f] = unknown & pl.col(f).is_null()
        return out
    if isinstance(node, Broken):
        raise BrokenConditionError(node)
    parts = node.parts if isinstance(node, (All, AnyOf)) else (node.part,)
    unknown = expr(node).is_null()
    acc: dict[str, pl.Expr] = {}
    for p in parts:
        for f, m in _deciding(p, columns).items():
            acc[f] = (acc[f] | m) if f in acc else m
    return {f: m & unknown for f, m in acc.items()} if not isinstance(node, Not) else acc


def merit_keys(policy: Policy, vocab: Vocabulary) -> tuple[list[pl.Expr], list[bool]]:
    """Sort expressions and `descending` flags for the policy's merit order, best first, the
    officer_id (as a string, ascending) last. Enums rank by declared order best first, ranks
    by §1.3 order, bools true first, dates later first (for `desc`)."""
    exprs, desc = [], []
    for k, m in enumerate(policy.merit):
        exprs.append(_merit_value(m, vocab).alias(f"_m{k}"))
        desc.append(m.descending)
    exprs.append(pl.col("officer_id").cast(pl.String))
    desc.append(False)
    return exprs, desc


def _merit_value(m: MeritKey, vocab: Vocabulary) -> pl.Expr:
    c = pl.col(m.field)
    kind = m.ftype.kind
    if kind == "enum":
        values = list(m.ftype.values)
        return c.replace_strict(
            {v: len(values) - i for i, v in enumerate(values)}, default=None, return_dtype=pl.Int32
        )
    if kind == "term":  # rank: §1.3 order, best first
        order = rank_order(vocab)
        return c.replace_strict(
            {v: len(order) - i for i, v in enumerate(order)}, default=None, return_dtype=pl.Int32
        )
    if kind == "bool":
        return c.cast(pl.Int8)
    return c


def merit_positions(
    frame: pl.DataFrame, policy: Policy, vocab: Vocabulary, eligible: pl.Series | None = None
) -> pl.DataFrame:
    """Each eligible candidate's merit position under the policy (SPEC §1.4, §2.1 point 3).

    `eligible`: a Boolean mask over `frame`'s rows (default: `eligibility(...)` true). Returns
    one row per eligible candidate in merit order: _row, officer_id, position (Int64, 1 = best);
    null values sort last in either direction, ties go to the smaller officer_id (as strings)."""
    if eligible is None:
        eligible = eligibility(frame, policy)["eligible"].fill_null(False)
    keys, desc = merit_keys(policy, vocab)
    sub = frame.filter(eligible.fill_null(False))
    ordered = sub.select("_row", "officer_id", *keys[:-1]).sort(
        [*(f"_m{k}" for k in range(len(keys) - 1)), pl.col("officer_id").cast(pl.String)],
        descending=desc,
        nulls_last=True,
        maintain_order=True,
    )
    return ordered.select(
        "_row",
        "officer_id",
        pl.int_range(1, pl.len() + 1, dtype=pl.Int64).alias("position"),
    )


def _with_refs(node: Node, taken: set[str]) -> tuple[Node, dict[str, str]]:
    """`node` with each `$officer.X` reference renamed `$officer.X` when X is also a unit
    field (e.g. name), and the officer columns to bring in under the names the node reads."""
    cols: dict[str, str] = {}

    def visit(n: Node) -> Node:
        if isinstance(n, Test):
            if n.ref is None:
                return n
            alias = f"$officer.{n.ref}" if n.ref in taken else n.ref
            cols[n.ref] = alias
            return dataclasses.replace(n, ref=alias)
        if isinstance(n, (All, AnyOf)):
            return type(n)(tuple(visit(p) for p in n.parts))
        if isinstance(n, Not):
            return Not(visit(n.part))
        return n

    return visit(node), cols


def selector_on_pairs(
    node: Node, frame: pl.DataFrame, units: Units, pairs: pl.DataFrame
) -> pl.Series:
    """A unit selector (`where`, a `prefer` entry) for (candidate, unit) pairs.

    `pairs`: columns _row (an officer of `frame`) and unit_id. Returns a Boolean Series, one per
    pair in order: true, false, or null when a `$officer.` field it reads is empty."""
    uf = unit_fields(units)
    fixed, refs = _with_refs(node, set(uf.columns))
    officers = frame.select("_row", *[pl.col(f).alias(a) for f, a in refs.items()])
    joined = (
        pairs.select("_row", "unit_id")
        .with_row_index("_pair")
        .join(uf, on="unit_id", how="left")
        .join(officers, on="_row", how="left")
        .sort("_pair")
    )
    return joined.select(pl.when(pl.col("_pair").is_not_null()).then(expr(fixed)).alias("s"))["s"]


def prefer_index(
    policy: Policy, frame: pl.DataFrame, units: Units, pairs: pl.DataFrame
) -> pl.Series:
    """Per (candidate, unit) pair: the index of the first `prefer` selector the unit matches
    for that candidate (an unknown selector does not match), `len(prefer)` when none (SPEC §2.1
    point 3 (iii)). Int64 Series in the order of `pairs`."""
    n = len(policy.prefer)
    out = pl.Series("prefer", [n] * pairs.height, dtype=pl.Int64)
    for k in reversed(range(n)):
        hit = selector_on_pairs(policy.prefer[k], frame, units, pairs).fill_null(False)
        out = pl.select(pl.when(hit).then(pl.lit(k, pl.Int64)).otherwise(out).alias("prefer"))[
            "prefer"
        ]
    return out
