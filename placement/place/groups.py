"""From movers to the solver's pools and groups, and back to one unit per mover.

Movers arrive as a frame (k = frame position, officer_id, origin, rule, level, wishes); grouping,
minimum staffing and wish counting are done by column, so a province's worth of
movers costs little more than a city's. A mover is known by frame position k (`pos` where
`k` counts groups); the sheet row (`_row`) appears only in the exceptions made of them.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np
import polars as pl

from placement.documents import Entry
from placement.evaluate.standing import profiles, stand, unit_classes
from placement.place.choose import Chooser
from placement.place.constraints import min_staffing
from placement.place.how import EVEN, How, preference, wish
from placement.place.slots import OVER, with_posts
from placement.place.solve import Group, Network, Pool, Result, Slot

if TYPE_CHECKING:
    from placement.evaluate.decide import Judgement
    from placement.load.inputs import Inputs
    from placement.load.rules.model import Rule

# a rule index and the officer's values of the fields its selectors refer to
RuleKey = tuple[int, tuple[Any, ...]]
# (destination unit ids, their preference ranks, the ids as a set, the RuleKey, the officer's
# referenced values typed as their columns): what a mover of that RuleKey may choose
Options = tuple[list[str], list[int], set[str], RuleKey, dict[str, Any]]


@dataclass
class Blocked:
    """Why a mover is not placed: no destination (`full`, `none`, `unknown`, `fixed_point`,
    `slot_over`: every destination is above its establishment of the mover's post), or, for
    a mover who has destinations, `slot`: those that count their post bind them (used when
    the solver leaves them out)."""

    why: str
    rules: list[str] = field(default_factory=list)  # rules that would act again
    fields: list[str] = field(default_factory=list)  # empty fields
    unknown_only: bool = False
    post: str | None = None  # the post the mover would hold there (slot, slot_over)


def place_movers(
    inputs: Inputs,
    mv: pl.DataFrame,
    count: Mapping[str, int],
    cap: Mapping[str, int | None],
    receives: Mapping[str, bool],
    slots: Mapping[tuple[str, str], int],
) -> tuple[dict[int, tuple[str, How]], dict[int, Blocked], pl.DataFrame, list[Entry]]:
    """Place the movers of `mv` (one row per mover: k = frame position, officer_id, origin,
    rule = rule index, level = priority, wishes) within the free places (SPEC §2) and the
    free slots of the posts they arrive with (SPEC §2.1 "Posts bind the transfers"):
    `count` unit -> officers after the pins, `cap` unit -> capacity (None: no limit),
    `receives` unit -> may take arrivals, `slots` (unit, post) -> free slots or OVER
    (place.slots.free_slots). Movers left with no destination are cut first, so that only
    the movers who can leave count against `min_staff` (SPEC §2 point 2). Returns (k ->
    (unit, how it was chosen: a wish, a preference or even fill); k -> Blocked, for the
    movers with no destination and those whose post a slot binds; the movers `min_staff`
    does not hold back, sorted by k; the `min_staffing` entries)."""
    j = inputs.judgement
    units = [u.id for u in inputs.units.list]
    ui = {u: i for i, u in enumerate(units)}
    total = sum(count.values()) + mv.height + 1
    free = [(c - count[u]) if (c := cap[u]) is not None else total for u in units]
    chooser = Chooser(inputs.units, receives)
    rule_refs = {i: chooser.refs(j.rules[i]) for i in mv["rule"].unique().to_list()}
    ref_cols = sorted({c for r in rule_refs.values() for c in r})
    if ref_cols:
        mv = mv.with_columns(
            [inputs.frame[c].gather(mv["k"]).cast(pl.String).alias(f"ref:{c}") for c in ref_cols]
        )
    refs_keys = ["rule", *[f"ref:{c}" for c in ref_cols]]
    options: dict[RuleKey, Options] = {}

    def options_of(rule_i: int, refs: Sequence[Any]) -> Options:
        rule = j.rules[rule_i]
        names = rule_refs[rule_i]
        rkey = (rule_i, tuple(refs[ref_cols.index(c)] for c in names))
        opt = options.get(rkey)
        if opt is None:
            officer = _typed(dict(zip(names, rkey[1], strict=True)), inputs.frame)
            dests, ranks = chooser.options(rule, officer)
            opt = options[rkey] = (dests, ranks, set(dests), rkey, officer)
        return opt

    mv, cut, signatures = _fixed_point(inputs, mv, refs_keys, options_of)
    mv = with_posts(inputs, mv, slots)
    blocked: dict[int, Blocked] = {}
    keys = ["rule", "origin", *refs_keys[1:], "fp", "_to", "_from"]
    pools: dict[tuple[Any, ...], int] = {}
    pool_list: list[Pool] = []
    pool_post: dict[int, str] = {}  # pool -> the post its slots count
    slot_ix: dict[tuple[str, str], int] = {}
    slot_list: list[Slot] = []

    def slot_of(unit: str, post: str) -> int:
        """The slot node of a counted (unit, post), made once."""
        ix = slot_ix.get((unit, post))
        if ix is None:
            ix = slot_ix[unit, post] = len(slot_list)
            slot_list.append(Slot(ui[unit], slots[unit, post]))
        return ix

    def pool_of(key: tuple[Any, ...]) -> tuple[int, tuple[Rule, list[str], dict[str, Any]]]:
        """The pool of a group key (built once) and its (rule, dests, officer)."""
        rule_i, origin, refs, fp, to = key[0], key[1], key[2:-3], key[-3], key[-2]
        rule = j.rules[rule_i]
        dests, ranks, dest_set, rkey, officer = options_of(rule_i, refs)
        own = origin in dest_set
        pkey = (rkey, origin if own else None, fp, to)
        p = pools.get(pkey)
        if p is None:
            allowed = signatures[fp] if fp >= 0 else None
            keep = [
                (d, r)
                for d, r in zip(dests, ranks, strict=True)
                if (not own or d != origin) and (allowed is None or d in allowed)
            ]
            # per destination: its free slots of the post, OVER, or -2 where not counted
            free = [slots.get((d, to), -2) if to is not None else -2 for d, _ in keep]
            land = [(d, r, n) for (d, r), n in zip(keep, free, strict=True) if n != OVER]
            bound = any(n >= 0 for _, _, n in land)
            p = pools[pkey] = len(pool_list)
            pool = Pool(
                rule.priority,
                [ui[d] for d, _, _ in land],
                [r for _, r, _ in land],
                via=[slot_of(d, to) if n >= 0 else -1 for d, _, n in land] if bound else [],
            )
            if bound or (keep and not land):
                pool_post[p] = to
            pool_list.append(pool)
        return p, (rule, dests, officer)

    # who has no destination at all (SPEC §2 point 6 cuts, no unit, no slot)
    mv = mv.sort("officer_id", "k")
    grouped = mv.group_by(keys, maintain_order=True).agg(pl.col("k"))
    stuck: list[int] = []  # frame positions of the movers with no destination
    for key, members in zip(grouped.select(keys).rows(), grouped["k"].to_list(), strict=True):
        p, (rule, dests, officer) = pool_of(key)
        if pool_list[p].dests:
            continue
        stuck += members
        if not dests:
            why, names = chooser.why_none(rule, officer)
            for pos in members:
                blocked[pos] = Blocked(why, fields=names)
        elif p in pool_post:
            for pos in members:
                blocked[pos] = Blocked("slot_over", post=pool_post[p])
        else:
            for pos in members:
                if pos in cut:
                    blocked[pos] = cut[pos]
    # minimum staffing, counted on the movers who can leave (SPEC §2 point 2)
    nowhere = sorted(stuck)
    leaving, excess = min_staffing(inputs, mv.filter(~pl.col("k").is_in(nowhere)), count)
    held = mv.join(leaving.select("k"), on="k", how="anti").filter(~pl.col("k").is_in(nowhere))
    mv = mv.join(held.select("k"), on="k", how="anti").sort("k")
    leaving = leaving.sort("officer_id", "k")
    grouped = leaving.group_by(keys, maintain_order=True).agg(pl.col("k"))
    glist: list[Group] = []
    members_of: list[tuple[int, list[int]]] = []  # per group: rule index, frame positions
    group_of: dict[int, int] = {}  # index in `grouped` -> index in glist
    key_rows = grouped.select(keys).rows()
    for g, (key, members) in enumerate(zip(key_rows, grouped["k"].to_list(), strict=True)):
        p, _ = pool_of(key)
        origin, from_post = key[1], key[-1]
        group_of[g] = len(glist)
        slot = slot_of(origin, from_post) if from_post is not None else -1
        glist.append(Group(p, ui[origin], len(members), slot))
        members_of.append((key[0], members))
        if p in pool_post:
            for pos in members:
                blocked[pos] = Blocked("slot", post=pool_post[p])
    wishes = _count_wishes(leaving, grouped, keys, group_of, glist, pool_list, ui)
    result = Network(free, [receives[u] for u in units], pool_list, glist, slot_list).solve()
    placed = _assign(j, units, pool_list, glist, members_of, wishes, result)
    return placed, blocked, mv, excess


def _fixed_point(
    inputs: Inputs,
    mv: pl.DataFrame,
    refs_keys: list[str],
    options_of: Callable[[int, Sequence[Any]], Options],
) -> tuple[pl.DataFrame, dict[int, Blocked], list[frozenset[str]]]:
    """Cut each mover's destinations to the units where the other rules would not act again
    (SPEC §2 point 6). Adds `fp`, an index into the returned list of allowed unit sets
    (-1: all allowed); every mover who lost a destination is returned with a Blocked that
    says why, used when they are left with none."""
    j = inputs.judgement
    f = inputs.frame
    cls = unit_classes(inputs.units, j.rules)
    post_after = pl.Series(
        [j.rules[i].moving.post for i in mv["rule"].to_list()], dtype=pl.String
    ).fill_null(f["post"].gather(mv["k"]))
    prof = profiles(f, mv["k"].to_numpy(), j.rules)[0].with_columns(
        *mv.select(refs_keys).get_columns(),
        post_after.alias("_post"),
        pl.Series("_i", range(mv.height)),
    )
    pkeys = [c for c in prof.columns if c != "_i"]
    grouped = prof.group_by(pkeys, maintain_order=True).agg(pl.col("_i"))
    firsts = [ix[0] for ix in grouped["_i"].to_list()]
    p_ks = mv["k"].gather(firsts).to_list()
    p_refs = grouped.select(refs_keys).rows()
    p_post = grouped["_post"].to_list()
    pair_g, pair_unit = [], []
    per_group = []
    reps_of: dict[tuple, list[str]] = {}
    for g, key in enumerate(p_refs):
        dests, _r, _s, rkey, _o = options_of(key[0], key[1:])
        reps = reps_of.get(rkey)
        if reps is None:
            reps = reps_of[rkey] = list(dict.fromkeys(cls[d] for d in dests))
        per_group.append((dests, reps))
        pair_g += [g] * len(reps)
        pair_unit += reps
    fp_of: list[int | None] = [None] * len(firsts)
    signatures: list[frozenset[str]] = []
    blocked: dict[int, Blocked] = {}
    if pair_g:
        pg = np.asarray(pair_g, dtype=np.int64)
        s = stand(
            f,
            j.rules,
            inputs.units,
            inputs.as_of,
            np.asarray(p_ks, dtype=np.int64)[pg],
            pair_unit,
            [p_post[g] for g in pair_g],
            leave_out=np.asarray([p_refs[g][0] for g in pair_g], dtype=np.int64),
        )
        sigs: dict[frozenset[str], int] = {}
        start = 0
        members = grouped["_i"].to_list()
        mv_ks = mv["k"].to_list()
        for g, (dests, reps) in enumerate(per_group):
            span = range(start, start + len(reps))
            start += len(reps)
            bad = {reps[k - span.start] for k in span if not s.ok[k]}
            if not bad:
                continue
            allowed = frozenset(d for d in dests if cls[d] not in bad)
            cut = [k for k in span if not s.ok[k]]
            unknown = all(s.unknown_only[k] for k in cut)
            names = (
                list(dict.fromkeys(x for k in cut for x in s.empty_fields(k))) if unknown else []
            )
            rules = sorted({r for k in cut for r in s.excluders(k)})
            b = Blocked("fixed_point", rules, names, unknown)
            for i in members[g]:
                blocked[mv_ks[i]] = b
            fp_of[g] = sigs.setdefault(allowed, len(sigs))
        signatures = sorted(sigs, key=lambda sig: sigs[sig])
    fp = np.full(mv.height, -1, dtype=np.int64)
    for g, ix in enumerate(grouped["_i"].to_list()):
        at = fp_of[g]
        if at is not None:
            fp[ix] = at
    return mv.with_columns(pl.Series("fp", fp)), blocked, signatures


def _count_wishes(
    mv: pl.DataFrame,
    grouped: pl.DataFrame,
    keys: list[str],
    group_of: Mapping[int, int],
    glist: list[Group],
    pools: list[Pool],
    ui: Mapping[str, int],
) -> dict[int, tuple[str, ...]]:
    """Count each pool's wishes by (unit, wish index).

    Returns frame position -> wishes, for the movers who have any.
    """
    w = mv.filter(pl.col("wishes").list.len() > 0)
    if not w.height:
        return {}
    gid = grouped.select(keys).with_row_index("g").with_columns(pl.col("g").cast(pl.Int64))
    w = w.join(gid, on=keys, how="left", nulls_equal=True, maintain_order="left")
    ks, gs, lists = w["k"].to_list(), w["g"].to_list(), w["wishes"].to_list()
    out: dict[int, tuple[str, ...]] = {}
    for pos, g, lst in zip(ks, gs, lists, strict=True):
        k = group_of.get(g)
        if k is None:
            continue
        out[pos] = tuple(lst)
        pool = pools[glist[k].pool]
        for i, unit in enumerate(lst):
            u = ui.get(unit)
            if u is not None and u in pool.rank_of:
                pool.wishes[(u, i)] = pool.wishes.get((u, i), 0) + 1
    return out


def _typed(refs: Mapping[str, Any], frame: pl.DataFrame) -> dict[str, Any]:
    """Referenced officer values back in their column's type (they were grouped as text)."""
    out = {}
    for c, v in refs.items():
        if v is None or frame[c].dtype == pl.String:
            out[c] = v
        else:
            out[c] = pl.Series([v]).cast(frame[c].dtype).item()
    return out


def _assign(
    j: Judgement,
    units: list[str],
    pools: list[Pool],
    groups: list[Group],
    members_of: list[tuple[int, list[int]]],
    wishes_of: Mapping[int, tuple[str, ...]],
    result: Result,
) -> dict[int, tuple[str, How]]:
    """Within each pool: wished places to the movers who wished them, then the rest in
    officer_id order, each group keeping exactly the count the solver placed."""
    placed: dict[int, tuple[str, How]] = {}
    by_pool: dict[int, list[int]] = defaultdict(list)
    for k, g in enumerate(groups):
        by_pool[g.pool].append(k)
    for p, ks in by_pool.items():
        pool = pools[p]
        quota = {k: result.placed[k] for k in ks}
        arrivals = result.arrivals[p]
        rest: list[list[int]] = []  # [rank, unit, n] not given to a wisher
        wishers: dict[tuple[str, int], list[tuple[int, int]]] = defaultdict(list)
        if pool.wishes:
            for k in ks:
                for pos in members_of[k][1]:
                    for wi, w in enumerate(wishes_of.get(pos, ())):
                        wishers[(w, wi)].append((k, pos))
        for (u, i), n in sorted(
            arrivals.items(), key=lambda kv: (kv[0][1] is None, kv[0][1] or 0, kv[0][0])
        ):
            if i is not None:
                for k, pos in wishers.get((units[u], i), ()):
                    if not n:
                        break
                    if quota[k] and pos not in placed:
                        placed[pos] = (units[u], wish(i + 1))
                        quota[k] -= 1
                        n -= 1
            if n:
                rest.append([pool.rank_of[u], u, n])
        rest.sort()
        prefer = len(j.rules[members_of[ks[0]][0]].moving.prefer)
        cursor = 0
        for k in ks:
            q = quota[k]
            for pos in members_of[k][1]:
                if not q:
                    break
                if pos in placed:
                    continue
                item = rest[cursor]
                unit = units[item[1]]
                wishes = wishes_of.get(pos)
                if wishes and unit in wishes:
                    how = wish(wishes.index(unit) + 1)
                else:
                    how = preference(item[0] + 1) if item[0] < prefer else EVEN
                placed[pos] = (unit, how)
                q -= 1
                item[2] -= 1
                if not item[2]:
                    cursor += 1
    return placed
