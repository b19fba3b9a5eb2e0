"""The appointment optimiser as a min-cost flow of vacancy tokens (SPEC §2.1 points 2–3).

**The network (a relaxation R of the exact model in ``solver.py``).** Every vacancy after
the transfers is a token. Nodes: one per slot, one per candidate of an admissible pair
(``reachable_pairs``), one *end* node per unit, a sink. Arcs:

- slot k supplies its vacancies ``vac_k`` (the sink demands them all);
- k → candidate c, capacity 1, for each admissible pair: c is appointed to k;
- c → the slot c holds (the token moves on: c leaves a post, a chain), or c → the end node
  of c's unit when c holds no counted post; capacity 1 (appointed at most once);
- k → end(unit k), capacity ``surplus_k``, cost 0: departures from an over-established
  slot absorbed there;
- k → end(unit k), unbounded, cost 1 in its level's stage (i): a vacancy left;
- end(b) → sink, unbounded, with the lower bound ``max(0, vac_b − free_b)`` for a unit b
  that receives and has a capacity (``vac_b`` the vacancies after the transfers at b,
  ``free_b`` = capacity − headcount).

**Capacity is exact.** A cross-unit appointment of b's candidate to a's slot moves a token
from a to b; one within a unit moves it within the unit. Tokens start at the slots' units
and end at end nodes, so per unit b: arrivals − departures = ``vac_b`` − (tokens ending at
b), and "arrivals − departures ≤ free_b" is the lower bound on end(b) → sink (a unit that
does not receive has no arrivals: the admissible pairs give it only its own candidates).

**Relaxation.** Two rules are not flow constraints: ``min_staff`` (departures per unit,
arrivals aside) and "the first ``surplus`` departures from an over-established slot open
nothing" (R lets a departure's token fill the slot instead of being absorbed). Every
solution of the exact model is a flow of R with the same objective (absorb min(surplus,
departures)), so R's optimum is at most the exact one, level by level.

**Stages.** The objective of SPEC §2.1 point 3 is lexicographic and its merit sums do not
fit one 64-bit cost, so R is solved stage by stage: (i) the vacancies left per level, highest
first; (ii) the merit sums per level; (iii) the prefer sum. After each stage the node
potentials of the optimal flow (shortest distances in its residual network, Bellman–Ford)
give every arc's reduced cost; by complementary slackness every optimal flow has an arc of
positive reduced cost at its lower bound and one of negative reduced cost at its upper
bound, so fixing those arcs keeps exactly the optimal flows and the next stage optimises
over them (the *optimal face*). A cycle of appointments that only fills vacancies it opens
itself is a circulation of positive merit cost, so no optimal flow holds one.

**The tie-break (iv)** is a greedy over the optimal face after (iii) (``tie_break``): the
pairs in (slot order, officer_id) order, each fixed in when some optimal flow keeps every
earlier decision and uses it (a residual cycle through it), else fixed out — the
lexicographically largest indicator vector, which is (iv) as ``solver.py`` states it.

**Exactness and the fallback.** If the tie-break's appointments keep the exact rules
(``min_staff``, surplus absorbed first) and reach R's stage values, they are the answer: the
exact optimum then equals R's, every exact optimum is an optimal flow of R, so the exact
optima are the R-optimal flows that keep the rules, and the lexicographically largest of all
R-optimal flows, keeping them, is the largest among those (``method`` ``"flow"``).
Otherwise the exact CP-SAT model (``solver.Model``) is built over the pairs still open after
(iii) only, with the pairs every optimal flow uses fixed and each stage's value from R
required; if it is feasible the same argument makes its optima the exact ones and its
tie-break the exact one (``"face"``); if not, R was not tight (``min_staff`` or the surplus
rule binds) and the full model solves the problem (``"cpsat"``).

**Scale.** One arc per admissible pair: the SPEC §5 shape's ~333 million pairs are out of
reach (bench/appoint.py reports the scales it runs). Still to do for that bar: candidate
class nodes (policy × where profile × post, plus a node per ``prefer`` entry) instead of
pair arcs, and a tie-break that decomposes the class nodes' flow (any pairing inside a
class node is admissible, so most of (iv) is a sort there).
"""

from __future__ import annotations

from typing import Any

import numpy as np
from ortools.graph.python import min_cost_flow

from placement.place.appoint.problem import Problem
from placement.place.appoint.solver import Model, Solution, reachable_pairs, solve_cpsat


class Network:
    """Arcs as arrays: ``tail``, ``head``, bounds ``lo`` ≤ flow ≤ ``hi``; ``supply`` per
    node; the arc ranges of each kind (``pairs`` first, one arc per admissible pair)."""

    def __init__(self, problem: Problem, cand: np.ndarray, slot: np.ndarray):
        s, u, c = problem.slots, problem.units, problem.candidates
        ns, nu = len(s), len(u)
        self.cands = np.unique(cand)
        nc = len(self.cands)
        self.cnode = ns + np.searchsorted(self.cands, cand)
        end = ns + nc  # end(b) = end + b
        sink = end + nu
        self.n = sink + 1
        vac, sur = s.vacancies.astype(np.int64), s.surplus.astype(np.int64)
        big = int(vac.sum()) + nc + 1
        held = c.slot[self.cands]
        exit_head = np.where(held >= 0, held, end + c.unit[self.cands])
        absorb = np.flatnonzero(sur > 0)
        vac_b = np.bincount(s.unit, weights=vac, minlength=nu).astype(np.int64)
        bound = u.receives & (u.capacity >= 0)
        low = np.where(bound, np.maximum(0, vac_b - (u.capacity - u.headcount)), 0)
        parts: list[tuple[Any, Any, Any, Any]] = [
            (slot, self.cnode, 0, 1),  # appointments
            (ns + np.arange(nc), exit_head, 0, 1),  # leaving the post held
            (absorb, end + s.unit[absorb], 0, sur[absorb]),  # absorbed departures
            (np.arange(ns), end + s.unit, 0, big),  # vacancies left
            (end + np.arange(nu), np.full(nu, sink), low, big),  # per unit
        ]
        self.kinds = []
        at = 0
        for t, _, _, _ in parts:
            self.kinds.append(slice(at, at + len(t)))
            at += len(t)
        self.m = at
        self.tail = np.concatenate([np.asarray(p[0], np.int64) for p in parts])
        self.head = np.concatenate([np.asarray(p[1], np.int64) for p in parts])
        self.lo = np.concatenate([np.zeros(len(p[0]), np.int64) + p[2] for p in parts])
        self.hi = np.concatenate([np.zeros(len(p[0]), np.int64) + p[3] for p in parts])
        self.supply = np.zeros(self.n, np.int64)
        self.supply[:ns] = vac
        self.supply[sink] = -int(vac.sum())

    def solve(self, cost: np.ndarray) -> np.ndarray:
        """An optimal flow (per arc) within the bounds; RuntimeError when none (a bug)."""
        f = min_cost_flow.SimpleMinCostFlow()
        arcs = f.add_arcs_with_capacity_and_unit_cost(
            self.tail.astype(np.int32),
            self.head.astype(np.int32),
            self.hi - self.lo,
            cost.astype(np.int64),
        )
        sup = self.supply.copy()
        np.subtract.at(sup, self.tail, self.lo)
        np.add.at(sup, self.head, self.lo)
        f.set_nodes_supplies(np.arange(self.n, dtype=np.int32), sup)
        status = f.solve()
        if status != f.OPTIMAL:
            raise RuntimeError(f"appointment flow ended with status {status}")
        return self.lo + np.asarray(f.flows(arcs), dtype=np.int64)

    def restrict(self, flow: np.ndarray, cost: np.ndarray) -> None:
        """Keep only the flows optimal for ``cost`` (``flow`` is one): fix every arc whose
        reduced cost under the optimal potentials is not zero (complementary slackness)."""
        fwd, bwd = flow < self.hi, flow > self.lo
        rt = np.concatenate([self.tail[fwd], self.head[bwd]])
        rh = np.concatenate([self.head[fwd], self.tail[bwd]])
        rc = np.concatenate([cost[fwd], -cost[bwd]])
        d = np.zeros(self.n, np.int64)
        for _ in range(self.n + 1):  # Bellman–Ford from a virtual root; no negative cycle
            nd = d.copy()
            np.minimum.at(nd, rh, d[rt] + rc)
            if np.array_equal(nd, d):
                break
            d = nd
        else:
            raise RuntimeError("negative cycle in an optimal residual network (a bug)")
        red = cost + d[self.tail] - d[self.head]
        self.hi = np.where(red > 0, self.lo, self.hi)
        self.lo = np.where(red < 0, self.hi, self.lo)


def tie_break(net: Network, flow: np.ndarray, order: np.ndarray) -> np.ndarray:
    """SPEC §2.1 point 3 (iv) over the optimal face: among the flows within the bounds, the
    one whose pair indicator vector, pairs in ``order`` (slot order, then officer_id), is
    lexicographically largest. Greedy, exact: each pair in turn is fixed in if some flow
    keeps every earlier decision and uses it, else fixed out. Two flows within the bounds
    differ by a circulation of residual cycles, so a flow using pair k → c exists iff the
    residual network of the current flow, with the decided pairs fixed, has a path c ⇝ k;
    one backward search from k settles every pair of slot k until the flow changes (a path
    ending at k never needs an arc leaving k, so fixing pairs of k out keeps it valid).
    Returns the flow; ``net``'s bounds end fixed on every pair."""
    x = flow.copy()
    lo, hi, tail, head = net.lo, net.hi, net.tail, net.head
    free = np.flatnonzero(lo < hi)
    into = _csr(head[free], free, net.n)
    outof = _csr(tail[free], free, net.n)
    pairs = net.kinds[0].start
    slot_of = tail
    order = order[lo[pairs + order] < hi[pairs + order]] + pairs
    if not len(order):
        return x
    starts = np.flatnonzero(np.r_[True, np.diff(slot_of[order]) != 0, True])
    for g in range(len(starts) - 1):
        k = int(slot_of[order[starts[g]]])
        reach: tuple[np.ndarray, np.ndarray, np.ndarray] | None = None
        for a in order[starts[g] : starts[g + 1]].tolist():
            if x[a] == 0:
                if reach is None:
                    reach = _reaching(k, x, lo, hi, tail, head, into, outof)
                c = int(head[a])
                reached, arc, step = reach
                if not reached[c]:
                    hi[a] = 0
                    continue
                x[a] = 1
                v = c
                while v != k:  # augment along the path c ⇝ k
                    b, d = int(arc[v]), int(step[v])
                    x[b] += d
                    v = int(head[b]) if d > 0 else int(tail[b])
                reach = None
            lo[a] = hi[a] = 1
            reach = None
    return x


def _csr(keys: np.ndarray, vals: np.ndarray, n: int) -> tuple[np.ndarray, np.ndarray]:
    order = np.argsort(keys, kind="stable")
    return np.searchsorted(keys[order], np.arange(n + 1)), vals[order]


def _reaching(
    k: int,
    x: np.ndarray,
    lo: np.ndarray,
    hi: np.ndarray,
    tail: np.ndarray,
    head: np.ndarray,
    into: tuple[np.ndarray, np.ndarray],
    outof: tuple[np.ndarray, np.ndarray],
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Nodes with a residual path to ``k`` (a breadth-first search backwards, a frontier at a
    time): (reached mask, per node the arc of its first hop, +1 forward / -1 backward)."""
    n = len(into[0]) - 1
    reached = np.zeros(n, bool)
    arc = np.full(n, -1, np.int64)
    step = np.zeros(n, np.int64)
    reached[k] = True
    frontier = np.array([k], np.int64)
    while len(frontier):
        fwd = _gather(into, frontier)  # u -> w with room: u reaches w
        fwd = fwd[x[fwd] < hi[fwd]]
        bwd = _gather(outof, frontier)  # w -> u carrying flow: u reaches w backward
        bwd = bwd[x[bwd] > lo[bwd]]
        u = np.concatenate([tail[fwd], head[bwd]])
        a = np.concatenate([fwd, bwd])
        s = np.concatenate([np.ones(len(fwd), np.int64), -np.ones(len(bwd), np.int64)])
        new = ~reached[u]
        u, first = np.unique(u[new], return_index=True)
        reached[u] = True
        arc[u] = a[new][first]
        step[u] = s[new][first]
        frontier = u
    return reached, arc, step


def _gather(csr: tuple[np.ndarray, np.ndarray], nodes: np.ndarray) -> np.ndarray:
    """The values of the given nodes' rows, concatenated."""
    ptr, vals = csr
    starts, lens = ptr[nodes], ptr[nodes + 1] - ptr[nodes]
    total = int(lens.sum())
    if not total:
        return np.zeros(0, np.int64)
    offs = np.repeat(starts - np.cumsum(lens) + lens, lens)
    return vals[offs + np.arange(total)]


def solve_flow(problem: Problem, workers: int = 1) -> Solution:
    """The optimal appointments (SPEC §2.1 points 2–3) through the flow relaxation R (module
    docstring), exact: equal to :func:`solver.solve_cpsat` on every problem."""
    problem.check()
    cand, slot = reachable_pairs(problem)
    net = Network(problem, cand, slot)
    s = problem.slots
    level = problem.level()
    levels = sorted({int(v) for v in level[s.policy >= 0].tolist()}, reverse=True)
    pairs, left_arcs = net.kinds[0], net.kinds[3]
    merit = problem.policies.merit[s.policy[slot], cand].astype(np.int64)
    prefer = problem.prefer_cost(cand, slot).astype(np.int64)
    costs = []
    for lv in levels:  # (i)
        cost = np.zeros(net.m, np.int64)
        cost[left_arcs] = level == lv
        costs.append(cost)
    for lv in levels:  # (ii)
        cost = np.zeros(net.m, np.int64)
        cost[pairs] = np.where(level[slot] == lv, merit, 0)
        costs.append(cost)
    cost = np.zeros(net.m, np.int64)
    cost[pairs] = prefer
    costs.append(cost)
    values: list[int] = []
    group: list[np.ndarray] = []
    flow = np.zeros(net.m, np.int64)
    for stage in [*costs, None]:
        if group and (stage is None or not _fits(net, [*group, stage])):
            combined = _combine(net, group)
            flow = net.solve(combined)
            values += [int(c @ flow) for c in group]
            net.restrict(flow, combined)
            group = []
        if stage is not None:
            group.append(stage)
    open_ = net.hi[pairs] >= 1
    fixed = net.lo[pairs] >= 1
    tie = np.lexsort((problem.id_rank()[cand], problem.slot_order()[slot]))
    lo, hi = net.lo.copy(), net.hi.copy()
    x = tie_break(net, flow, tie)
    chosen = tie[x[pairs][tie] == 1]
    sol = _exact(problem, cand[chosen], slot[chosen], levels, values)
    if sol is not None:
        return sol
    net.lo, net.hi = lo, hi
    keep = np.flatnonzero(open_)
    model = Model(problem, cand[keep], slot[keep], workers)
    for i in np.flatnonzero(fixed[keep]).tolist():
        model.m.add(model.x[i] == 1)
    for e, v in zip(model.stages, values, strict=True):
        if not isinstance(e, int):
            model.m.add(e == v)
        elif e != v:
            return _fallback(problem, workers)
    if model.x and not model.feasible():
        return _fallback(problem, workers)
    sol = model.finish(values, np.flatnonzero(~fixed[keep]))
    sol.method = "face"
    return sol


def _fallback(problem: Problem, workers: int) -> Solution:
    sol = solve_cpsat(problem, workers)
    sol.method = "cpsat"
    return sol


_LIMIT = 1 << 60


def _range(net: Network, cost: np.ndarray) -> int:
    """An upper bound on a stage's value over every flow: the vacancies (tokens are conserved)
    times the largest vacancy cost, plus per candidate its largest pair cost (appointed at
    most once)."""
    pairs, left = net.kinds[0], net.kinds[3]
    tokens = int(net.supply[net.supply > 0].sum())
    per = np.zeros(net.n, np.int64)
    np.maximum.at(per, net.head[pairs], cost[pairs])
    return tokens * int(cost[left].max(initial=0)) + int(per.sum())


def _combine(net: Network, group: list[np.ndarray]) -> np.ndarray:
    """One cost whose minimum is the lexicographic minimum of the group's stages, the first
    most important: each stage weighs one more than everything after it can add."""
    out = np.zeros(net.m, np.int64)
    for cost in group:
        out = out * (_range(net, cost) + 1) + cost
    return out


def _fits(net: Network, group: list[np.ndarray]) -> bool:
    """Whether the combined cost stays clear of 64 bits, with the solver's scaling of costs
    by the number of nodes."""
    top = total = 0
    for cost in group:
        r = _range(net, cost)
        top = top * (r + 1) + int(cost.max(initial=0))
        total = total * (r + 1) + r
    return top * (net.n + 1) < _LIMIT and total < _LIMIT


def _exact(
    problem: Problem, cand: np.ndarray, slot: np.ndarray, levels: list[int], values: list[int]
) -> Solution | None:
    """The solution of these appointments (pairs in tie order) when they keep the exact
    rules (surplus absorbed first, ``min_staff``) and reach the flow's stage values; None
    otherwise (R was not tight for them)."""
    s, u, c = problem.slots, problem.units, problem.candidates
    ns, nu = len(s), len(u)
    fills = np.bincount(slot, minlength=ns)
    held = c.slot[cand]
    deps = np.bincount(held[held >= 0], minlength=ns)
    tokens = s.vacancies + np.maximum(0, deps - s.surplus)
    if np.any(fills > tokens):
        return None
    cross = c.unit[cand] != s.unit[slot]
    away = np.bincount(c.unit[cand][cross], minlength=nu)
    if np.any(away > np.maximum(0, u.headcount - u.min_staff)):
        return None
    left = (tokens - fills).astype(np.int64)
    level = problem.level()
    pol = problem.policies
    got = [int(left[level == lv].sum()) for lv in levels]
    merit = pol.merit[s.policy[slot], cand]
    got += [int(merit[level[slot] == lv].sum()) for lv in levels]
    got.append(int(problem.prefer_cost(cand, slot).sum()))
    if got != values:
        return None
    app = np.stack([cand, slot], axis=1) if len(cand) else np.zeros((0, 2), np.int64)
    nl = len(levels)
    return Solution(app, levels, got[:nl], got[nl : 2 * nl], got[2 * nl], left, "flow")
