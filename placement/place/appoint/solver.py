"""The appointment optimiser: an exact CP-SAT model over the admissible pairs.

Variables: one boolean per admissible (candidate, slot) pair (``Problem.admissible``, cut to
the slots a vacancy can reach: a vacancy after the transfers, or a holder who may leave).
Constraints (SPEC §2.1 point 2):

- a candidate is appointed at most once;
- fills of slot s ≤ its vacancies + max(0, departures − surplus): an appointee leaves the
  slot it holds, the first ``surplus`` departures from an over-established slot open
  nothing, every further one a vacancy the plan may fill (chains);
- per unit b with a capacity, when it receives: arrivals from other units − departures to
  other units ≤ capacity − headcount (departures freeing places); a unit that does not
  receive takes only its own candidates;
- per unit a: departures to other units ≤ max(0, headcount − min_staff) (arrivals aside).

Objective, lexicographic, solved in stages with each optimum fixed before the next
(SPEC §2.1 point 3): (i) per level, highest first, the vacancies left at the end (chain-
opened included); (ii) per level, highest first, the sum of the appointees' merit
positions; (iii) the sum of prefer indices; (iv) the tie-break: the pairs are ordered by
slot in (unit_id, post) order, then officer_id (as strings); among the plans optimal for
(i)–(iii) the one whose indicator vector over that order is lexicographically largest —
equivalently, slot by slot in (unit_id, post) order, the sorted tuple of its appointees'
officer_ids is lexicographically smallest, an unfilled position counting as larger than
any id. It is solved in blocks of consecutive pairs, earlier blocks fixed, each with
weights that make its weighted maximum its lexicographic maximum, so it is exact
(``_tie_blocks``).

No set of appointments only fills vacancies it opens itself: such a cycle changes no
vacancy count, frees no place net and only uses up departures, and costs merit ≥ 1 per
appointee at its level, so removing it improves (ii); no optimum contains one.

Scale: the model has one boolean per admissible pair and the tie-break a solve per block
of pairs, so it is exact but slow beyond a few thousand pairs. :func:`solve` therefore runs
the min-cost-flow solver (``flow.py``), which settles (i)–(iii) as flows and (iv) by a
greedy over residual cycles, and builds this model (``Model``) only over the pairs an
optimal flow can use when its answer breaks ``min_staff`` or the surplus rule;
:func:`solve_cpsat` is this model alone, the reference and the last fallback.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import numpy as np
from ortools.sat.python import cp_model

from placement.place.appoint.problem import Problem

_LIMIT = 1 << 52  # CP-SAT rejects objectives near int64 (overflow checks after presolve)


@dataclass
class Solution:
    """``appointments``: (A, 2) int64 of (candidate, slot), in slot order then officer_id;
    ``levels``: the levels, highest first; per level ``vacancies_left`` and ``merit``;
    ``prefer``: the prefer sum; ``left``: per slot the vacancies left at the end; ``method``:
    ``"flow"`` (the flow and its tie-break), ``"face"`` (the exact model on the flow's optimal
    face) or ``"cpsat"`` (the exact model alone)."""

    appointments: np.ndarray
    levels: list[int]
    vacancies_left: list[int]
    merit: list[int]
    prefer: int
    left: np.ndarray
    method: str = "cpsat"  # which found it: "flow", "face" or "cpsat" (flow.py docstring)

    def objective(self) -> tuple:
        """(vacancies left per level, merit sum per level, prefer sum): the stages (i)–(iii)
        of the lexicographic objective, each to minimise, levels highest first."""
        return (tuple(self.vacancies_left), tuple(self.merit), self.prefer)


def reachable_pairs(problem: Problem) -> tuple[np.ndarray, np.ndarray]:
    """Admissible pairs cut to the slots a vacancy can reach (existing, or opened by a chain
    that starts at one)."""
    cand, slot = problem.admissible()
    held = problem.candidates.slot
    live = problem.slots.vacancies > 0
    while True:
        movers = np.unique(cand[live[slot]])
        nxt = live.copy()
        h = held[movers]
        nxt[h[h >= 0]] = True
        if (nxt == live).all():
            break
        live = nxt
    keep = live[slot]
    return cand[keep], slot[keep]


def solve(problem: Problem, workers: int = 1) -> Solution:
    """The optimal appointments (SPEC §2.1 points 2–3): the min-cost-flow solver
    (``flow.py``), which falls back to :func:`solve_cpsat` where its relaxation is not
    tight. Raises RuntimeError only on a bug (no time limits)."""
    from placement.place.appoint.flow import solve_flow

    return solve_flow(problem, workers)


def solve_cpsat(problem: Problem, workers: int = 1) -> Solution:
    """The optimal appointments by the exact CP-SAT model alone (the reference the flow
    solver falls back to); raises RuntimeError if the solver does not prove a stage optimal
    (it has no time limit, so only on a bug)."""
    problem.check()
    cand, slot = reachable_pairs(problem)
    model = Model(problem, cand, slot, workers)
    values = [_stage(model.m, model.solver, e, model.x) for e in model.stages]
    return model.finish(values)


class Model:
    """The CP-SAT model over the given (candidate, slot) pairs: ``x`` (one boolean per pair),
    ``left`` (per slot the vacancies left, an int or an expression), ``stages`` (the
    objectives of SPEC §2.1 point 3 (i)–(iii) in order), ``levels`` (highest first)."""

    def __init__(self, problem: Problem, cand: np.ndarray, slot: np.ndarray, workers: int = 1):
        self.problem, self.cand, self.slot = problem, cand, slot
        s, u, pol = problem.slots, problem.units, problem.policies
        n = len(cand)
        m = cp_model.CpModel()
        x = [m.new_bool_var(f"x{i}") for i in range(n)]
        # at most once
        order = np.argsort(cand, kind="stable")
        bounds = np.flatnonzero(np.diff(cand[order])) + 1
        for grp in np.split(order, bounds) if n else []:
            if len(grp) > 1:
                m.add_at_most_one(x[i] for i in grp.tolist())
        # tokens per slot
        by_slot = _groups(slot, len(s))
        held = problem.candidates.slot[cand]
        by_held = _groups(np.where(held >= 0, held, len(s)), len(s) + 1)
        vac, sur = s.vacancies, s.surplus
        left: list[Any] = []  # per slot: vacancies left at the end (an int or an expression)
        for k in range(len(s)):
            fills = sum(x[i] for i in by_slot[k])
            leaving = sum(x[i] for i in by_held[k])
            opened: Any = 0
            if by_held[k] and sur[k] == 0:
                opened = leaving
            elif by_held[k]:
                opened = m.new_int_var(0, len(by_held[k]), f"z{k}")
                m.add_max_equality(opened, [0, leaving - int(sur[k])])
            if by_slot[k]:
                m.add(fills <= int(vac[k]) + opened)
            left.append(int(vac[k]) + opened - fills)
        # capacity and min_staff, cross-unit moves only
        cu, su = problem.candidates.unit[cand], s.unit[slot]
        cross = cu != su
        arr = _groups(np.where(cross, su, len(u)), len(u) + 1)
        dep = _groups(np.where(cross, cu, len(u)), len(u) + 1)
        for b in range(len(u)):
            if arr[b] and u.capacity[b] >= 0:
                m.add(
                    sum(x[i] for i in arr[b]) - sum(x[i] for i in dep[b])
                    <= int(u.capacity[b] - u.headcount[b])
                )
            room = max(0, int(u.headcount[b] - u.min_staff[b]))
            if len(dep[b]) > room:
                m.add(sum(x[i] for i in dep[b]) <= room)
        # objectives
        level = problem.level()
        self.levels = sorted({int(v) for v in level[s.policy >= 0].tolist()}, reverse=True)
        merit = pol.merit[s.policy[slot], cand]
        prefer = problem.prefer_cost(cand, slot)
        stages = [sum(left[k] for k in np.flatnonzero(level == lv).tolist()) for lv in self.levels]
        stages += [
            cp_model.LinearExpr.weighted_sum([x[i] for i in idx], merit[idx].tolist())
            for lv in self.levels
            for idx in [np.flatnonzero(level[slot] == lv)]
        ]
        stages.append(cp_model.LinearExpr.weighted_sum(x, prefer.tolist()))
        self.m, self.x, self.left, self.stages = m, x, left, stages
        self.solver = cp_model.CpSolver()
        self.solver.parameters.num_workers = workers

    def feasible(self) -> bool:
        """Whether the model (with whatever was added) has a solution; leaves it hinted."""
        self.m.clear_objective()  # type: ignore[no-untyped-call]
        status = self.solver.solve(self.m)
        if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            if status != cp_model.INFEASIBLE:
                raise RuntimeError(
                    f"appointment solver ended with {self.solver.status_name(status)}"
                )
            return False
        self.m.clear_hints()  # type: ignore[no-untyped-call]
        for v in self.x:
            self.m.add_hint(v, self.solver.boolean_value(v))
        return True

    def finish(self, values: list[int], free: np.ndarray | None = None) -> Solution:
        """With the stages fixed at ``values``: the tie-break (iv) over the pairs ``free``
        (indexes into the pairs; all when None; the others must be fixed), then the
        solution. The model must be feasible."""
        problem, cand, slot, x, m, solver = (
            self.problem,
            self.cand,
            self.slot,
            self.x,
            self.m,
            self.solver,
        )
        s = problem.slots
        # (iv): lexicographically largest indicator vector in (slot order, officer_id) order
        tie = np.lexsort((problem.id_rank()[cand], problem.slot_order()[slot]))
        if free is not None:
            tie = tie[np.isin(tie, free)]
        solved = False
        for blk, w in _tie_blocks(slot[tie], s.establishment, tie):
            _stage(m, solver, -cp_model.LinearExpr.weighted_sum([x[i] for i in blk], w), x)
            solved = True
        if x and not solved:  # every pair fixed: find the one solution
            if not self.feasible():
                raise RuntimeError("appointment model infeasible with its stages fixed")
        every = np.lexsort((problem.id_rank()[cand], problem.slot_order()[slot]))
        chosen = np.array([i for i in every.tolist() if solver.boolean_value(x[i])], dtype=np.int64)
        app = (
            np.stack([cand[chosen], slot[chosen]], axis=1)
            if len(chosen)
            else np.zeros((0, 2), dtype=np.int64)
        )
        rest = np.array(
            [solver.value(e) if not isinstance(e, int) else e for e in self.left], dtype=np.int64
        )
        nl = len(self.levels)
        return Solution(app, self.levels, values[:nl], values[nl : 2 * nl], values[2 * nl], rest)


def _tie_blocks(
    slots: np.ndarray, est: np.ndarray, pairs: np.ndarray
) -> Iterator[tuple[list[int], list[int]]]:
    """Consecutive blocks of the ordered pairs with weights whose weighted maximum is the
    lexicographic maximum of the block: each weight exceeds the sum of the largest weights a
    feasible plan can set after it (a slot takes at most its establishment: fills never
    raise holders above it), and their sum stays below 2**52. Yields (pair indexes,
    weights); the longest such block is found by doubling, then bisection."""
    i, n = 0, len(pairs)
    while i < n:
        hi = 1
        while i + hi < n and sum(_weights(slots[i : i + 2 * hi], est)) < _LIMIT:
            hi *= 2
        lo, hi = hi, min(2 * hi, n - i)  # lo fits; find the longest that fits in [lo, hi]
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if sum(_weights(slots[i : i + mid], est)) < _LIMIT:
                lo = mid
            else:
                hi = mid - 1
        yield pairs[i : i + lo].tolist(), _weights(slots[i : i + lo], est)
        i += lo


def _weights(slots: np.ndarray, est: np.ndarray) -> list[int]:
    n = len(slots)
    w = [0] * n
    suffix = [0] * (n + 1)  # suffix[j] = sum of w[j:]
    after: dict[int, int] = {}  # pairs after j per slot
    most = 0  # ones a feasible plan can set after j: per slot, min(establishment, pairs)
    for j in range(n - 1, -1, -1):
        w[j] = 1 + suffix[j + 1] - suffix[min(n, j + 1 + most)]
        suffix[j] = suffix[j + 1] + w[j]
        k = int(slots[j])
        if after.get(k, 0) < est[k]:
            most += 1
        after[k] = after.get(k, 0) + 1
    return w


def _groups(keys: np.ndarray, size: int) -> list[list[int]]:
    out: list[list[int]] = [[] for _ in range(size)]
    for i, k in enumerate(keys.tolist()):
        out[k].append(i)
    return out


def _stage(m: cp_model.CpModel, solver: cp_model.CpSolver, expr: Any, x: list) -> int:
    """Minimise ``expr``, fix it at its optimum, hint the solution found; return the optimum."""
    if isinstance(expr, int):
        return expr
    m.minimize(expr)
    status = solver.solve(m)
    if status != cp_model.OPTIMAL:
        raise RuntimeError(f"appointment solver ended with {solver.status_name(status)}")
    best = int(solver.value(expr))  # exact: objective_value is a float
    m.add(expr == best)
    m.clear_hints()  # type: ignore[no-untyped-call]
    for v in x:
        m.add_hint(v, solver.boolean_value(v))
    return best
