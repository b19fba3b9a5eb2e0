"""From movers to the solver's pools and groups, and back to one unit per mover."""

from __future__ import annotations

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
    group_pool: dict[tuple, tuple[int, list[int]]] = {}
    for m in movers:
        refs = tuple(ref_vals[c][m.row] for c in rule_refs[m.rule])
        key = (m.rule, m.origin, refs, m.wishes)
        members = groups.get(key)
        if members is not None:
            members.append(m)
            continue
        rule = j.rules[m.rule]
        dests, ranks = chooser.options(rule, dict(zip(rule_refs[m.rule], refs, strict=True)))
        own = m.origin in dests
        pkey = (m.rule, refs, m.origin if own else None)
        p = pools.get(pkey)
        if p is None:
            keep = [(ui[d], r) for d, r in zip(dests, ranks, strict=True) if not own or d != m.origin]
            p = pools[pkey] = len(pool_list)
            pool_list.append(Pool(rule.priority, [d for d, _ in keep], [r for _, r in keep]))
        wished: list[int] = []
        for w in m.wishes:
            k = ui.get(w)
            if k is not None and k in pool_list[p].rank_of and k not in wished:
                wished.append(k)
        groups[key] = [m]
        group_pool[key] = (p, wished)
    glist, members_of = [], []
    for key, ms in groups.items():
        p, wished = group_pool[key]
        if not pool_list[p].dests:
            continue
        ms.sort(key=lambda m: m.officer_id)
        glist.append(Group(p, ui[key[1]], len(ms), wished))
        members_of.append(ms)
    result = Network(free, [receives[u] for u in units], pool_list, glist).solve()
    placed = {}
    for g, ms, got in zip(glist, members_of, result.placed, strict=True):
        rank_of = pool_list[g.pool].rank_of
        order = sorted(got.items(), key=lambda kv: (kv[0][1] is None, kv[0][1] or 0,
                                                     rank_of[kv[0][0]], units[kv[0][0]]))
        prefer = len(j.rules[ms[0].rule].move.prefer)
        it = iter(ms)
        for (d, wish), n in order:
            if wish is not None:
                how = None
            else:
                rank = rank_of[d]
                how = f"preference {rank + 1} met" if rank < prefer else "even fill"
            for _ in range(n):
                m = next(it)
                placed[m.row] = (units[d], how or f"wish {m.wishes.index(units[d]) + 1} honoured")
    return placed
