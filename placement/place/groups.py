"""From movers to the solver's pools and groups, and back to one unit per mover.

Movers arrive as a frame (row, officer_id, origin, rule, level, wishes); grouping,
minimum staffing and wish counting are done by column, so a province's worth of
movers costs little more than a city's.
"""

from __future__ import annotations

from collections import defaultdict

import polars as pl

from .choose import Chooser
from .solve import Group, Network, Pool


def place_movers(inputs, mv: pl.DataFrame, count, cap, receives) -> dict[int, tuple[str, str]]:
    """Place the movers; frame row -> (unit, how it was chosen)."""
    j = inputs.judgement
    units = [u.id for u in inputs.units.list]
    ui = {u: i for i, u in enumerate(units)}
    total = sum(count.values()) + mv.height + 1
    free = [(cap[u] - count[u]) if cap[u] is not None else total for u in units]
    chooser = Chooser(inputs.units, receives)
    rule_refs = {i: chooser.refs(j.rules[i]) for i in mv["rule"].unique().to_list()}
    ref_cols = sorted({c for r in rule_refs.values() for c in r})
    if ref_cols:
        mv = mv.with_columns([inputs.frame[c].gather(mv["row"]).cast(pl.String).alias(f"ref:{c}")
                              for c in ref_cols])
    keys = ["rule", "origin", *[f"ref:{c}" for c in ref_cols]]
    mv = mv.sort("officer_id", "row")
    grouped = mv.group_by(keys, maintain_order=True).agg(pl.col("row"), pl.col("officer_id"), pl.col("wishes"))
    pools: dict[tuple, int] = {}
    pool_list: list[Pool] = []
    glist, members_of = [], []
    for rec in grouped.iter_rows(named=True):
        rule = j.rules[rec["rule"]]
        refs = {c: rec.get(f"ref:{c}") for c in rule_refs[rec["rule"]]}
        dests, ranks = chooser.options(rule, _typed(refs, inputs.frame))
        own = rec["origin"] in dests
        pkey = (rec["rule"], tuple(refs.values()), rec["origin"] if own else None)
        p = pools.get(pkey)
        if p is None:
            keep = [(ui[d], r) for d, r in zip(dests, ranks, strict=True) if not own or d != rec["origin"]]
            p = pools[pkey] = len(pool_list)
            pool_list.append(Pool(rule.priority, [d for d, _ in keep], [r for _, r in keep]))
        if not pool_list[p].dests:
            continue
        pool = pool_list[p]
        members = list(zip(rec["row"], rec["officer_id"], rec["wishes"], strict=True))
        for _row, _oid, wishes in members:
            for i, w in enumerate(wishes or ()):
                k = ui.get(w)
                if k is not None and k in pool.rank_of:
                    pool.wishes[(k, i)] = pool.wishes.get((k, i), 0) + 1
        glist.append(Group(p, ui[rec["origin"]], len(members)))
        members_of.append((rec["rule"], members))
    result = Network(free, [receives[u] for u in units], pool_list, glist).solve()
    return _assign(j, units, pool_list, glist, members_of, result)


def _typed(refs: dict, frame: pl.DataFrame) -> dict:
    """Referenced officer values back in their column's type (they were grouped as text)."""
    out = {}
    for c, v in refs.items():
        if v is None or frame[c].dtype == pl.String:
            out[c] = v
        else:
            out[c] = pl.Series([v]).cast(frame[c].dtype).item()
    return out


def _assign(j, units, pools, groups, members_of, result) -> dict[int, tuple[str, str]]:
    """Within each pool: wished places to the movers who wished them, then the rest in
    officer_id order, each group keeping exactly the count the solver placed."""
    placed: dict[int, tuple[str, str]] = {}
    by_pool = defaultdict(list)
    for k, g in enumerate(groups):
        by_pool[g.pool].append(k)
    for p, ks in by_pool.items():
        pool = pools[p]
        quota = {k: result.placed[k] for k in ks}
        arrivals = result.arrivals[p]
        rest: list[list[int]] = []  # [rank, unit, n] not given to a wisher
        wishers: dict[tuple[str, int], list] = defaultdict(list)
        if pool.wishes:
            for k in ks:
                for row, _oid, wishes in members_of[k][1]:
                    for i, w in enumerate(wishes or ()):
                        wishers[(w, i)].append((k, row))
        for (u, i), n in sorted(arrivals.items(), key=lambda kv: (kv[0][1] is None, kv[0][1] or 0, kv[0][0])):
            if i is not None:
                for k, row in wishers.get((units[u], i), ()):
                    if not n:
                        break
                    if quota[k] and row not in placed:
                        placed[row] = (units[u], f"wish {i + 1} honoured")
                        quota[k] -= 1
                        n -= 1
            if n:
                rest.append([pool.rank_of[u], u, n])
        rest.sort()
        prefer = len(j.rules[members_of[ks[0]][0]].move.prefer)
        cursor = 0
        for k in ks:
            q = quota[k]
            for row, _oid, wishes in members_of[k][1]:
                if not q:
                    break
                if row in placed:
                    continue
                item = rest[cursor]
                unit = units[item[1]]
                if wishes and unit in wishes:
                    how = f"wish {list(wishes).index(unit) + 1} honoured"
                else:
                    how = f"preference {item[0] + 1} met" if item[0] < prefer else "even fill"
                placed[row] = (unit, how)
                q -= 1
                item[2] -= 1
                if not item[2]:
                    cursor += 1
    return placed
