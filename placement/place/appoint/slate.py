"""Alternates (差額) and the reasons vacancies stay open (SPEC §2.1 point 4)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from placement.place.appoint.problem import Problem
from placement.place.appoint.solver import Solution

NO_POLICY = "no_policy"
NO_ELIGIBLE = "no_eligible"
TAKEN = "taken_or_cannot_move"


@dataclass
class Vacancy:
    """Vacancies of one slot left open at the end: ``count`` and ``reason``; the caller adds
    ``unknown_candidates``."""

    slot: int
    count: int
    reason: str


def alternates(problem: Problem, solution: Solution) -> list[np.ndarray]:
    """Per appointment (in ``solution.appointments`` order), up to slate − 1 candidate indexes
    in merit order: eligible for the slot (``Problem.admissible``: policy, ``where``, fixed
    point), not appointed in this plan, and able to take it instead of the appointee with
    every other appointment kept (the appointee then stays where they are): the slot's unit
    within its capacity, the alternate's unit above its ``min_staff``, the appointee's unit
    within its capacity."""
    cand, slot = problem.admissible()
    app = solution.appointments
    u, c, s, pol = problem.units, problem.candidates, problem.slots, problem.policies
    appointed = np.zeros(len(c), dtype=bool)
    appointed[app[:, 0]] = True
    cross = c.unit[app[:, 0]] != s.unit[app[:, 1]]
    arrivals = np.bincount(s.unit[app[cross, 1]], minlength=len(u))
    departures = np.bincount(c.unit[app[cross, 0]], minlength=len(u))
    room = np.maximum(0, u.headcount - u.min_staff)
    free = np.where(u.capacity >= 0, u.capacity - u.headcount, np.iinfo(np.int64).max // 4)
    order = np.lexsort((problem.id_rank()[cand], pol.merit[s.policy[slot], cand], slot))
    cand, slot = cand[order], slot[order]
    starts = np.searchsorted(slot, np.arange(len(s) + 1))
    out = []
    for a, k in app.tolist():
        want = int(pol.slate[s.policy[k]]) - 1
        picked: list[int] = []
        b = int(s.unit[k])
        for i in cand[starts[k] : starts[k + 1]].tolist():
            if len(picked) >= want:
                break
            if appointed[i]:
                continue
            arr, dep = arrivals.copy(), departures.copy()
            if c.unit[a] != b:
                arr[b] -= 1
                dep[c.unit[a]] -= 1
            if c.unit[i] != b:
                arr[b] += 1
                dep[c.unit[i]] += 1
            units = {b, int(c.unit[a]), int(c.unit[i])}
            if all(
                (arr[v] == 0 or arr[v] - dep[v] <= free[v]) and dep[v] <= room[v] for v in units
            ):
                picked.append(i)
        out.append(np.array(picked, dtype=np.int64))
    return out


def vacancies(problem: Problem, solution: Solution) -> list[Vacancy]:
    """One entry per slot with vacancies left at the end, in slot order: ``no_policy`` when
    no policy governs it, ``no_eligible`` when no candidate is eligible for its policy with
    ``where`` holding at its unit, else ``taken_or_cannot_move``."""
    s, pol = problem.slots, problem.policies
    out = []
    for k in np.argsort(problem.slot_order()).tolist():
        n = int(solution.left[k])
        if n <= 0:
            continue
        p = int(s.policy[k])
        if p < 0:
            reason = NO_POLICY
        else:
            ok = (pol.merit[p] > 0) & pol.where_ok[p][pol.where_profile[p], s.unit[k]]
            reason = TAKEN if ok.any() else NO_ELIGIBLE
        out.append(Vacancy(k, n, reason))
    return out
