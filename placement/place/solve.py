"""The assignment as a min-cost circulation of free places.

Each unit node receives its free places from the source. Movers who may go to
the same units at the same costs share a *pool* node, which takes places from
those units; a *group* (movers of one pool with the same origin) takes its
members' places from the pool and hands the places they free back to its
origin. Wishes are counted per pool: a unit wished (as first, second, ...
wish) by k movers of a pool gets an extra arc into the pool of capacity k with a
bonus, and the members who wished it get those places (see groups.py). So a full unit can receive as
many as leave it, two full units can swap, and the network has one arc per
(pool, unit) rather than one per (mover, unit).

Leadership posts bind too (SPEC §2.1 "Posts bind the transfers"): a *slot* node per
(unit, post) counted there stands in series with the unit's places. The unit hands it at
most its free slots; a pool whose movers arrive with that post takes its places at that
unit through the slot node, so each such arrival uses one place and one slot. A group
whose members leave a counted post hands its freed places back through the slot node of
their origin, which passes them on to the unit without limit: a departing head frees a
place anyone may take and a head slot only a head may take. For a unit u and post P:
arrivals with P ≤ free slots + departures with P, and all arrivals ≤ free places + all
departures, exactly the two constraints, so the optimum stays exact.

Placing a mover earns a reward by priority level, tiered so that the number
placed is maximal level by level, highest first. Wishes (a bonus per honoured
wish), the rule's preferences and an even fill are secondary costs. When the
tiered rewards fit in 64-bit costs everything is solved in one run; otherwise
levels are settled from the highest (see `_counts`) and the destinations chosen
last with every group's count fixed.
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
    wishes: dict[tuple[int, int], int] = field(default_factory=dict)  # (unit, wish index) -> movers
    # per destination, the slot (index into the network's slots) its movers take there, -1 for
    # none (their post is not counted at that unit); empty: no destination counts it
    via: list[int] = field(default_factory=list)
    rank_of: dict[int, int] = field(init=False)
    via_of: dict[int, int] = field(init=False)

    def __post_init__(self) -> None:
        self.rank_of = dict(zip(self.dests, self.ranks, strict=True))
        self.via_of = dict(zip(self.dests, self.via, strict=True)) if self.via else {}


@dataclass
class Group:
    pool: int
    origin: int  # unit index
    size: int
    slot: int = -1  # the slot its members free at their origin (index into slots), -1 for none


@dataclass
class Slot:
    """One counted (unit, post): the free slots it has before departures (≥ 0)."""

    unit: int
    free: int


@dataclass
class Result:
    """How many of each group are placed, and each pool's arrivals.

    Arrivals are keyed (unit, wish index or None) -> number of officers.
    """

    placed: list[int]
    arrivals: list[dict[tuple[int, int | None], int]]


class Network:
    def __init__(
        self,
        free: list[int],
        receives: list[bool],
        pools: list[Pool],
        groups: list[Group],
        slots: list[Slot] | None = None,
    ):
        """`free` and `receives` per unit index; `pools` and `groups` as above; `slots` the
        counted (unit, post) pairs that pools' `via` and groups' `slot` index."""
        self.free, self.receives, self.pools, self.groups = free, receives, pools, groups
        self.slots = slots or []
        self.nu = len(free)
        self.wish_step = max((max(p.ranks, default=0) for p in pools), default=0) + 1
        self.max_wishes = max((i + 1 for p in pools for (_u, i) in p.wishes), default=0)
        self.level = np.array([pools[g.pool].level for g in groups], dtype=np.int64)
        self.size = np.array([g.size for g in groups], dtype=np.int64)
        self.nodes = self.nu + len(pools) + len(groups) + len(self.slots) + 2

    def solve(self) -> Result:
        """The optimal placement: per group, how many are placed (at most its size), and
        per pool the officers arriving at each unit (by wish index, or None for no wish).
        Most placed, priority level by level from the highest, then wishes, preferences
        and an even fill (see the module docstring). Raises RuntimeError if OR-Tools' min-cost
        flow ends other than optimal (a bug: the network always has a feasible flow)."""
        if not self.groups:
            return Result([], [{} for _ in self.pools])
        per_mover = (self.max_wishes + 1) * self.wish_step
        base = int(self.size.sum()) * (per_mover + 1) * FILL_BUCKETS + 1
        levels = sorted(set(self.level.tolist()))
        reward, top = self._tiers(levels, base)
        if top * self.nodes < _COST_LIMIT:
            out = self._run(reward, fixed=None, secondary=True)
            if out is not None:
                return out
        return self._run_fitting({}, fixed=self._counts(levels), secondary=True)

    def _tiers(self, levels: list[int], base: int) -> tuple[dict[int, int], int]:
        """Rewards per level so that one more placement at a level outweighs everything below."""
        reward, acc = {}, base
        for lv in levels:
            reward[lv] = acc
            acc *= int(self.size[self.level == lv].sum()) + 1
        return reward, acc

    def _counts(self, levels: list[int]) -> np.ndarray:
        """How many of each group, when the levels do not fit in one set of tiered rewards.

        First each level alone, highest first, keeping the counts found above it. A level
        placed in full there, with at most one partly placed level above it, is placed in
        full by every optimal plan too (the plan found is optimal down to it), so it can be
        pinned at its sizes. The others (every partly placed level, and every level below
        the second one) are then solved together, exactly, when their tiers fit; when they
        do not, the level-by-level counts stand (each level keeps the split found for it,
        which may cost the levels below it a few places)."""
        fixed = np.full(len(self.groups), -1, dtype=np.int64)
        partial: list[int] = []  # levels not placed in full, highest first
        for lv in sorted(levels, reverse=True):
            out = self._run_fitting({lv: 1}, fixed=fixed, secondary=False)
            members = np.flatnonzero(self.level == lv)
            for k in members:
                fixed[k] = out.placed[k]
            full = all(fixed[k] >= self.size[k] for k in members)
            if not full:
                partial.append(lv)
        # below a second partly placed level the counts found may fall short of the optimum
        # (the split pinned above it was a guess), so every level from there down stays open
        open_levels = [
            lv for lv in levels if lv in partial or (len(partial) > 1 and lv <= partial[1])
        ]
        reward, top = self._tiers(sorted(open_levels), 1)
        if open_levels and top * self.nodes < _COST_LIMIT:
            again = fixed.copy()
            keep_open = np.isin(self.level, open_levels)
            again[keep_open] = -1
            out = self._run_fitting(reward, fixed=again, secondary=False)
            for k in np.flatnonzero(keep_open):
                again[k] = out.placed[k]
            return again
        return fixed

    def _run_fitting(
        self, reward: dict[int, int], fixed: np.ndarray | None, secondary: bool
    ) -> Result:
        """`_run` where the costs fit in 64 bits (rewards of one level, or none)."""
        out = self._run(reward, fixed, secondary)
        if out is None:
            raise RuntimeError("placement solver: costs out of the 64-bit range")
        return out

    def _run(
        self, reward: dict[int, int], fixed: np.ndarray | None, secondary: bool
    ) -> Result | None:
        nu, npools, ng, ns = self.nu, len(self.pools), len(self.groups), len(self.slots)
        first_slot = nu + npools + ng
        S, T = first_slot + ns, first_slot + ns + 1
        fb = FILL_BUCKETS if secondary else 0
        step = self.wish_step * fb
        parts: list[tuple] = []  # (tails, heads, caps, costs) arrays
        supply = np.zeros(T + 1, dtype=np.int64)
        # source -> units (in fill buckets), units -> sink, sink -> source
        t, h, c, w = [], [], [], []
        for u in range(nu):
            free = self.free[u]
            if free > 0 and self.receives[u]:
                size = -(-free // FILL_BUCKETS) if secondary else free
                left, b = free, 0
                while left > 0:
                    t.append(S)
                    h.append(u)
                    c.append(min(size, left))
                    w.append(b)
                    left -= size
                    b += 1
            t.append(u)
            h.append(T)
            c.append(_BIG)
            w.append(0)
        t.append(T)
        h.append(S)
        c.append(_BIG)
        w.append(0)
        parts.append((t, h, c, w))
        # units -> slots (the free slots), slots -> units (freed places, any number)
        if ns:
            su = np.array([x.unit for x in self.slots], dtype=np.int64)
            sn = first_slot + np.arange(ns)
            sfree = np.array([x.free for x in self.slots], dtype=np.int64)
            parts.append((su, sn, sfree, np.zeros(ns, dtype=np.int64)))
            parts.append((sn, su, np.full(ns, _BIG), np.zeros(ns, dtype=np.int64)))

        def tail_of(pool: Pool, d: np.ndarray) -> np.ndarray:
            """The node a pool takes its places at each destination from: the slot, if any."""
            if not pool.via:
                return d
            v = np.asarray(pool.via, dtype=np.int64)
            return np.where(v >= 0, first_slot + v, d)

        # units (or slots) -> pools
        pool_size = np.bincount(
            [g.pool for g in self.groups], weights=self.size, minlength=npools
        ).astype(np.int64)
        first_pool_arc = sum(len(p[0]) for p in parts)
        pool_of_arc, unit_of_arc = [], []
        for p, pool in enumerate(self.pools):
            d = np.asarray(pool.dests, dtype=np.int64)
            parts.append(
                (
                    tail_of(pool, d),
                    np.full(len(d), nu + p),
                    np.full(len(d), pool_size[p]),
                    np.asarray(pool.ranks, dtype=np.int64) * fb,
                )
            )
            pool_of_arc.append(np.full(len(d), p))
            unit_of_arc.append(d)
        n_pool_arcs = sum(len(p.dests) for p in self.pools)
        # pools -> groups (the reward), groups -> origins (the freed places)
        gain = -np.array([reward.get(lv, 0) for lv in self.level.tolist()], dtype=np.int64)
        nodes = nu + npools + np.arange(ng)
        pools_of = np.array([g.pool for g in self.groups], dtype=np.int64)
        origins = np.array(
            [g.origin if g.slot < 0 else first_slot + g.slot for g in self.groups], dtype=np.int64
        )
        first_group_arc = first_pool_arc + n_pool_arcs
        parts.append((nu + pools_of, nodes, self.size, gain))
        back_caps = self.size.copy()
        if fixed is not None:
            held = fixed >= 0
            back_caps[held] = 0
            np.subtract.at(supply, nodes[held], fixed[held])
            np.add.at(supply, origins[held], fixed[held])
        parts.append((nodes, origins, back_caps, np.zeros(ng, dtype=np.int64)))
        # wished units -> pools: a bonus per honoured wish (the first wish most)
        wish_arcs = []
        wt, wh, wc, ww = [], [], [], []
        for p, pool in enumerate(self.pools):
            for (u, i), n in pool.wishes.items():
                wish_arcs.append((p, u, i))
                v = pool.via_of.get(u, -1)
                wt.append(u if v < 0 else first_slot + v)
                wh.append(nu + p)
                wc.append(n)
                ww.append(pool.rank_of[u] * fb - (self.max_wishes - i) * step)
        parts.append((wt, wh, wc, ww))
        tails = np.concatenate([np.asarray(p[0], dtype=np.int32) for p in parts])
        heads = np.concatenate([np.asarray(p[1], dtype=np.int32) for p in parts])
        caps = np.concatenate([np.asarray(p[2], dtype=np.int64) for p in parts])
        costs = np.concatenate([np.asarray(p[3], dtype=np.int64) for p in parts])
        m = min_cost_flow.SimpleMinCostFlow()
        m.add_arcs_with_capacity_and_unit_cost(tails, heads, caps, costs)
        m.set_nodes_supplies(np.arange(T + 1, dtype=np.int32), supply)
        status = m.solve()
        if status == m.BAD_COST_RANGE:
            return None
        if status != m.OPTIMAL:
            raise RuntimeError(f"placement solver ended with {status}")
        flows = m.flows(np.arange(len(tails), dtype=np.int32))
        arrivals: list[dict] = [{} for _ in self.pools]
        pool_arc_pool = np.concatenate(pool_of_arc) if pool_of_arc else np.zeros(0, dtype=np.int64)
        pool_arc_unit = np.concatenate(unit_of_arc) if unit_of_arc else np.zeros(0, dtype=np.int64)
        pool_flows = flows[first_pool_arc : first_pool_arc + n_pool_arcs]
        for a in np.flatnonzero(pool_flows).tolist():
            arrivals[int(pool_arc_pool[a])][(int(pool_arc_unit[a]), None)] = int(pool_flows[a])
        wish_flows = flows[len(tails) - len(wish_arcs) :] if wish_arcs else []
        for (p, u, i), f in zip(wish_arcs, wish_flows, strict=True):
            if f:
                arrivals[p][(u, i)] = int(f)
        placed = flows[first_group_arc : first_group_arc + ng].astype(np.int64).tolist()
        return Result(placed, arrivals)
