"""From movers to the solver's pools and groups, and back to one unit per mover."""

from __future__ import annotations

from collections import defaultdict

from .choose import Chooser
from .solve import Group, Network, Pool


def place_movers(inputs, movers: list, count, cap, receives) -> dict[int, tuple[str, str]]:
    """Place the movers; frame row -> (unit, how it was chosen)."""
    j = inputs.judgement
    units = [u.id for u in inputs.units.list]
    ui = {u: i for i, u in enumerate(units)}
    total = sum(count.values()) + len(movers) + 1
    free = [(cap[u] - count[u]) if cap[u] is not None else total for u in units]
    chooser = Chooser(inputs.units, receives)
    f = inputs.frame
    rule_refs = {i: chooser.refs(j.rules[i]) for i in {m.rule for m in movers}}
    ref_vals = {c: f[c].to_list() for c in sorted({c for r in rule_refs.values() for c in r})}
    pools: dict[tuple, int] = {}
    pool_list: list[Pool] = []
    groups: dict[tuple, list] = {}
    group_pool: dict[tuple, int] = {}
    for m in movers:
        refs = tuple(ref_vals[c][m.row] for c in rule_refs[m.rule]) if rule_refs[m.rule] else ()
        key = (m.rule, m.origin, refs)
        members = groups.get(key)
        if members is None:
            rule = j.rules[m.rule]
            dests, ranks = chooser.options(rule, dict(zip(rule_refs[m.rule], refs, strict=True)))
            own = m.origin in dests
            pkey = (m.rule, refs, m.origin if own else None)
            p = pools.get(pkey)
            if p is None:
                keep = [(ui[d], r) for d, r in zip(dests, ranks, strict=True) if not own or d != m.origin]
                p = pools[pkey] = len(pool_list)
                pool_list.append(Pool(rule.priority, [d for d, _ in keep], [r for _, r in keep]))
            members = groups[key] = []
            group_pool[key] = p
        members.append(m)
        if m.wishes:
            pool = pool_list[group_pool[key]]
            for i, w in enumerate(m.wishes):
                k = ui.get(w)
                if k is not None and k in pool.rank_of:
                    pool.wishes[(k, i)] = pool.wishes.get((k, i), 0) + 1
    glist, members_of = [], []
    for key, ms in groups.items():
        p = group_pool[key]
        if not pool_list[p].dests:
            continue
        ms.sort(key=lambda m: m.officer_id)
        glist.append(Group(p, ui[key[1]], len(ms)))
        members_of.append(ms)
    result = Network(free, [receives[u] for u in units], pool_list, glist).solve()
    return _assign(j, units, pool_list, glist, members_of, result)


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
        taken: set[int] = set()
        arrivals = result.arrivals[p]
        rest: list[tuple[int, int, int]] = []  # (rank, unit, n) not given to a wisher
        wishers: dict[tuple[str, int], list] = defaultdict(list)
        if pool.wishes:
            for k in ks:
                for m in members_of[k]:
                    for i, w in enumerate(m.wishes):
                        wishers[(w, i)].append((k, m))
        for (u, i), n in sorted(arrivals.items(), key=lambda kv: (kv[0][1] is None, kv[0][1] or 0, kv[0][0])):
            if i is not None:
                for k, m in wishers.get((units[u], i), ()):
                    if not n:
                        break
                    if quota[k] and m.row not in taken:
                        placed[m.row] = (units[u], f"wish {i + 1} honoured")
                        taken.add(m.row)
                        quota[k] -= 1
                        n -= 1
            if n:
                rest.append((pool.rank_of[u], u, n))
        rest.sort()
        prefer = len(j.rules[members_of[ks[0]][0].rule].move.prefer)
        cursor = 0
        for k in ks:
            for m in members_of[k]:
                if not quota[k]:
                    break
                if m.row in taken:
                    continue
                rank, u, n = rest[cursor]
                unit = units[u]
                if unit in m.wishes:
                    how = f"wish {m.wishes.index(unit) + 1} honoured"
                else:
                    how = f"preference {rank + 1} met" if rank < prefer else "even fill"
                placed[m.row] = (unit, how)
                taken.add(m.row)
                quota[k] -= 1
                if n == 1:
                    cursor += 1
                else:
                    rest[cursor] = (rank, u, n - 1)
    return placed
