"""The assignment as a min-cost circulation of free places.

Each unit node receives its free places from the source. A mover group (movers
with the same origin, priority and choices) is a node that takes places from its
eligible destinations and hands the places it frees back to its origin, so a
full unit can receive as many as leave it and two full units can swap. Placing
a mover earns a reward by priority level; the rewards are tiered so that the
number placed is maximal level by level, highest first. A second solve, with
each group's count fixed, chooses destinations: wishes, then the rule's
preferences, then an even fill. When the rewards fit in 64-bit costs (any
sub-bureau, most cities) levels and choices are solved together in one run.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from ortools.graph.python import min_cost_flow

FILL_BUCKETS = 10
_BIG = 1 << 40
_COST_LIMIT = 1 << 56


@dataclass
class Group:
    origin: int  # unit index
    level: int  # priority
    size: int
    dests: list[int]  # eligible unit indexes
    costs: list[int]  # secondary cost per destination (wish, then preference)


class Network:
    def __init__(self, free: list[int], receives: list[bool], groups: list[Group]):
        self.free = free  # free places per unit (negative when over capacity)
        self.receives = receives
        self.groups = groups
        self.nu = len(free)

    def solve(self) -> list[dict[int, int]]:
        """Per group: destination unit -> number placed there."""
        if not self.groups:
            return []
        flows = self._combined()
        if flows is not None:
            return flows
        return self._destinations(self._counts())

    def _tiers(self, base: int) -> tuple[dict[int, int], int]:
        """Rewards per level so that one more placement at a level outweighs everything below."""
        reward, acc = {}, base
        for lv in sorted({g.level for g in self.groups}):
            reward[lv] = acc
            acc = acc * (sum(g.size for g in self.groups if g.level == lv) + 1)
        return reward, acc

    def _fits(self, top: int) -> bool:
        return top * (self.nu + len(self.groups) + 2) < _COST_LIMIT

    # -- one solve: levels, then wishes, preferences and fill, all at once
    def _combined(self) -> list[dict[int, int]] | None:
        per_mover = max(max(g.costs, default=0) for g in self.groups) * FILL_BUCKETS + FILL_BUCKETS
        base = sum(g.size for g in self.groups) * per_mover + 1
        reward, top = self._tiers(base)
        if not self._fits(top):
            return None
        return self._run([-reward[g.level] for g in self.groups], fixed=None, fill=True, secondary=True)

    # -- stage 1 of the fallback: how many of each group, lexicographic by level
    def _counts(self) -> list[int]:
        reward, top = self._tiers(1)
        if self._fits(top):
            flows = self._run([-reward[g.level] for g in self.groups], fixed=None, fill=False)
            if flows is not None:
                return [sum(f.values()) for f in flows]
        return self._counts_by_level(sorted({g.level for g in self.groups}))

    def _counts_by_level(self, levels) -> list[int]:
        """Fallback when tiered rewards would overflow: one level at a time, highest first,
        keeping each decided group's count while the lower levels are solved."""
        fixed: dict[int, int] = {}
        for lv in reversed(levels):
            costs = [-1 if g.level == lv else 0 for g in self.groups]
            flows = self._run(costs, fixed=fixed, fill=False)
            for k, g in enumerate(self.groups):
                if g.level == lv:
                    fixed[k] = sum(flows[k].values())
        return [fixed[k] for k in range(len(self.groups))]

    # -- stage 2: where they go
    def _destinations(self, counts: list[int]) -> list[dict[int, int]]:
        fixed = dict(enumerate(counts))
        flows = self._run([0] * len(self.groups), fixed=fixed, fill=True, secondary=True)
        assert flows is not None
        return flows

    def _run(self, group_reward, fixed: dict[int, int] | None, fill: bool,
             secondary: bool = False) -> list[dict[int, int]] | None:
        nu, ng = self.nu, len(self.groups)
        S, T = nu + ng, nu + ng + 1
        tails, heads, caps, costs = [], [], [], []
        supply = [0] * (nu + ng + 2)

        def arc(a, b, cap, cost):
            tails.append(a)
            heads.append(b)
            caps.append(cap)
            costs.append(cost)

        for u in range(nu):
            free = self.free[u]
            if free > 0 and self.receives[u]:
                if fill:
                    size = -(-free // FILL_BUCKETS)
                    left, b = free, 0
                    while left > 0:
                        arc(S, u, min(size, left), b)
                        left -= size
                        b += 1
                else:
                    arc(S, u, free, 0)
            arc(u, T, _BIG, 0)
        arc(T, S, _BIG, 0)
        dest_arcs = []
        weight = FILL_BUCKETS  # a step in wish/preference outweighs the whole fill
        for k, g in enumerate(self.groups):
            node = nu + k
            lo = fixed.get(k) if fixed is not None else None
            for d, c in zip(g.dests, g.costs, strict=True):
                dest_arcs.append((len(tails), k, d))
                arc(d, node, g.size, group_reward[k] + (c * weight if secondary else 0))
            if lo is not None:
                supply[node] -= lo
                supply[g.origin] += lo
                arc(node, g.origin, (g.size - lo) if fixed is None or k not in fixed else 0, 0)
            else:
                arc(node, g.origin, g.size, 0)
        m = min_cost_flow.SimpleMinCostFlow()
        m.add_arcs_with_capacity_and_unit_cost(np.array(tails, np.int32), np.array(heads, np.int32),
                                               np.array(caps, np.int64), np.array(costs, np.int64))
        m.set_nodes_supplies(np.arange(len(supply), dtype=np.int32), np.array(supply, np.int64))
        status = m.solve()
        if status == m.BAD_COST_RANGE:
            return None
        if status != m.OPTIMAL:
            raise RuntimeError(f"placement solver ended with {status}")
        flows = m.flows(np.arange(len(tails), dtype=np.int32))
        out: list[dict[int, int]] = [{} for _ in self.groups]
        for a, k, d in dest_arcs:
            f = int(flows[a])
            if f:
                out[k][d] = out[k].get(d, 0) + f
        return out
