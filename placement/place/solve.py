"""The assignment as a min-cost circulation of free places.

Each unit node receives its free places from the source. Movers who may go to
the same units at the same costs share a *pool* node, which takes places from
those units; a *group* (movers of one pool with the same origin and wishes)
takes its members' places from the pool, or straight from a wished unit, and
hands the places they free back to its origin. So a full unit can receive as
many as leave it, two full units can swap, and the network has one arc per
(pool, unit) rather than one per (mover, unit).

Placing a mover earns a reward by priority level, tiered so that the number
placed is maximal level by level, highest first. Wishes, the rule's preferences
and an even fill are secondary costs. When the tiered rewards fit in 64-bit costs
everything is solved in one run; otherwise levels are solved one at a time and
the destinations chosen with each group's count fixed.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from ortools.graph.python import min_cost_flow

FILL_BUCKETS = 10
_BIG = 1 << 40
_COST_LIMIT = 1 << 56


@dataclass
class Pool:
    level: int  # priority
    dests: list[int]  # unit indexes (never the origin of one of its groups)
    ranks: list[int]  # preference rank per destination (0 best)


@dataclass
class Group:
    pool: int
    origin: int  # unit index
    size: int
    wishes: list[int] = field(default_factory=list)  # unit indexes, among the pool's dests


@dataclass
class Result:
    """Per group: unit -> how many placed there, and how (0-based wish index, or None)."""

    placed: list[dict[tuple[int, int | None], int]]


class Network:
    def __init__(self, free: list[int], receives: list[bool], pools: list[Pool], groups: list[Group]):
        self.free, self.receives, self.pools, self.groups = free, receives, pools, groups
        self.nu = len(free)
        self.wish_step = max((max(p.ranks, default=0) for p in pools), default=0) + 1
        self.max_wishes = max((len(g.wishes) for g in groups), default=0)

    def solve(self) -> Result:
        if not self.groups:
            return Result([])
        per_mover = (self.max_wishes + 1) * self.wish_step
        base = sum(g.size for g in self.groups) * (per_mover + 1) * FILL_BUCKETS + 1
        reward, top = self._tiers(base)
        if self._fits(top):
            out = self._run(reward, fixed=None, secondary=True)
            if out is not None:
                return out
        return self._run({}, fixed=self._counts(), secondary=True)

    def _tiers(self, base: int) -> tuple[dict[int, int], int]:
        """Rewards per level so that one more placement at a level outweighs everything below."""
        reward, acc = {}, base
        for lv in sorted({self.pools[g.pool].level for g in self.groups}):
            reward[lv] = acc
            acc *= sum(g.size for g in self.groups if self.pools[g.pool].level == lv) + 1
        return reward, acc

    def _fits(self, top: int) -> bool:
        return top * (self.nu + len(self.pools) + len(self.groups) + 2) < _COST_LIMIT

    def _counts(self) -> dict[int, int]:
        """How many of each group: by tiered rewards if they fit, else level by level."""
        reward, top = self._tiers(1)
        if self._fits(top):
            out = self._run(reward, fixed=None, secondary=False)
            if out is not None:
                return {k: sum(p.values()) for k, p in enumerate(out.placed)}
        fixed: dict[int, int] = {}
        for lv in sorted({self.pools[g.pool].level for g in self.groups}, reverse=True):
            out = self._run({lv: 1}, fixed=fixed, secondary=False)
            for k, g in enumerate(self.groups):
                if self.pools[g.pool].level == lv:
                    fixed[k] = sum(out.placed[k].values())
        return fixed

    def _run(self, reward: dict[int, int], fixed: dict[int, int] | None, secondary: bool) -> Result | None:
        nu, npools, ng = self.nu, len(self.pools), len(self.groups)
        S, T = nu + npools + ng, nu + npools + ng + 1
        tails, heads, caps, costs = [], [], [], []
        supply = np.zeros(T + 1, dtype=np.int64)
        step = self.wish_step * FILL_BUCKETS if secondary else 0

        def arc(a, b, cap, cost=0):
            tails.append(a)
            heads.append(b)
            caps.append(cap)
            costs.append(cost)
            return len(tails) - 1

        for u in range(nu):
            free = self.free[u]
            if free > 0 and self.receives[u]:
                if secondary:
                    size = -(-free // FILL_BUCKETS)
                    left, b = free, 0
                    while left > 0:
                        arc(S, u, min(size, left), b)
                        left -= size
                        b += 1
                else:
                    arc(S, u, free)
            arc(u, T, _BIG)
        arc(T, S, _BIG)
        pool_size = [0] * npools
        for g in self.groups:
            pool_size[g.pool] += g.size
        pool_arcs = []
        for p, pool in enumerate(self.pools):
            for d, r in zip(pool.dests, pool.ranks, strict=True):
                pool_arcs.append((arc(d, nu + p, pool_size[p], r * FILL_BUCKETS if secondary else 0), p, d))
        group_arcs = []  # (arc, group, unit or None, wish index or None)
        for k, g in enumerate(self.groups):
            node = nu + npools + k
            gain = -reward.get(self.pools[g.pool].level, 0)
            group_arcs.append((arc(nu + g.pool, node, g.size, gain), k, None, None))
            pool = self.pools[g.pool]
            for i, w in enumerate(g.wishes):
                # an honoured wish earns a bonus, the first wish most
                r = pool.ranks[pool.dests.index(w)]
                bonus = (self.max_wishes - i) * step
                group_arcs.append((arc(w, node, g.size, gain - bonus + (r * FILL_BUCKETS if secondary else 0)),
                                   k, w, i))
            if fixed is not None and k in fixed:
                supply[node] -= fixed[k]
                supply[g.origin] += fixed[k]
                arc(node, g.origin, 0)
            else:
                arc(node, g.origin, g.size)
        m = min_cost_flow.SimpleMinCostFlow()
        m.add_arcs_with_capacity_and_unit_cost(np.array(tails, np.int32), np.array(heads, np.int32),
                                               np.array(caps, np.int64), np.array(costs, np.int64))
        m.set_nodes_supplies(np.arange(T + 1, dtype=np.int32), supply)
        status = m.solve()
        if status == m.BAD_COST_RANGE:
            return None
        if status != m.OPTIMAL:
            raise RuntimeError(f"placement solver ended with {status}")
        flows = m.flows(np.arange(len(tails), dtype=np.int32))
        return self._decompose(flows, pool_arcs, group_arcs)

    def _decompose(self, flows, pool_arcs, group_arcs) -> Result:
        """Hand each pool's arrivals to its groups: best (cheapest) units first, in group order."""
        placed: list[dict] = [{} for _ in self.groups]
        arrivals: list[list[tuple[int, int, int]]] = [[] for _ in self.pools]  # (rank, unit, n)
        for a, p, d in pool_arcs:
            if flows[a]:
                pool = self.pools[p]
                arrivals[p].append((pool.ranks[pool.dests.index(d)], d, int(flows[a])))
        for lst in arrivals:
            lst.sort()
        cursor = [0] * len(self.pools)
        for a, k, w, i in group_arcs:
            n = int(flows[a])
            if not n:
                continue
            if w is not None:
                placed[k][(w, i)] = placed[k].get((w, i), 0) + n
                continue
            p = self.groups[k].pool
            while n:
                rank, d, left = arrivals[p][cursor[p]]
                take = min(n, left)
                placed[k][(d, None)] = placed[k].get((d, None), 0) + take
                n -= take
                if take == left:
                    cursor[p] += 1
                else:
                    arrivals[p][cursor[p]] = (rank, d, left - take)
        return Result(placed)
