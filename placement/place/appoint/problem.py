"""The appointment problem as arrays (SPEC §2.1 "Appointments", points 1–2).

Everything is indexed by position: units ``0..U-1``, post terms ``0..T-1``, slots
``0..S-1``, policies ``0..P-1``, candidates ``0..C-1``. A columnar caller builds these from
the roster frame with group-bys and joins; nothing here needs one Python object per officer
or per (candidate, slot) pair.

A **slot** is one (unit, post) of the unit's ``posts``: its establishment, its holders after
the transfers, its governing policy (``-1``: none, never filled). Its vacancies are
``max(0, establishment - holders)`` and its over-establishment ``max(0, holders -
establishment)``. A holder who is appointed elsewhere leaves the slot; the first
over-establishment departures open no vacancy, every further one does (SPEC §1.2 counts the
holders at the end).

A **candidate** (SPEC §2.1 point 2: kept unit and post, no exception but ``exempt``; the
caller filters) has a unit, the post term it holds (``-1`` when the roster's post is not a
vocabulary term) and the slot it fills when that post is counted at its unit (``-1``
otherwise). Per policy it has a merit position (``0``: not eligible; else ``1..``, the
position in the policy's merit order among all its eligible candidates, ties by officer_id).

``where`` and ``prefer`` may reference the candidate (``{district: {ne:
$officer.home_district}}``, ``[{id: $officer.unit}]``), so per policy the candidates are put
in *profiles* that share the referenced values: ``where_profile[p, c]`` indexes a row of
``where_ok[p]`` (bool, profiles × units: the vacancy's unit matches ``where``), and
``prefer_profile[p, c]`` indexes the sparse table ``prefer[p]`` = (profile, unit, index)
of the (profile, unit) pairs whose first matching ``prefer`` selector has ``index <
prefer_len[p]``; every other pair costs ``prefer_len[p]`` (SPEC §2.1 point 3 (iii)).

``forbidden`` lists (candidate, slot) pairs the fixed point of SPEC §2 point 6 rules out
(the caller evaluates the rules on the candidate standing in the slot's unit and post).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np


@dataclass
class Units:
    """Per unit, after the transfers: ``ids`` (str, for the tie-break order), ``headcount``
    (officers), ``capacity`` (officers, ``-1`` for none), ``min_staff`` (officers) and
    ``receives`` (False for a unit above capacity or dissolved: it takes no one from
    another unit, SPEC §1.2, §2 point 1)."""

    ids: np.ndarray
    headcount: np.ndarray
    capacity: np.ndarray
    min_staff: np.ndarray
    receives: np.ndarray

    def __len__(self) -> int:
        return len(self.ids)


@dataclass
class Slots:
    """Per slot (unit, post): ``unit``, ``post`` (term index), ``establishment``, ``holders``
    after the transfers, ``policy`` (governing policy index, ``-1`` for none)."""

    unit: np.ndarray
    post: np.ndarray
    establishment: np.ndarray
    holders: np.ndarray
    policy: np.ndarray

    def __len__(self) -> int:
        return len(self.unit)

    @property
    def vacancies(self) -> np.ndarray:
        """Per slot, int64: vacancies 空缺 = establishment 職數 − holders, at least 0."""
        gap: np.ndarray = self.establishment - self.holders
        return gap.clip(min=0)

    @property
    def surplus(self) -> np.ndarray:
        """Per slot, int64: holders beyond the establishment 職數, at least 0."""
        over: np.ndarray = self.holders - self.establishment
        return over.clip(min=0)


@dataclass
class Policies:
    """Per policy: ``priority`` (the level of the slots it governs), ``slate`` (≥ 1),
    ``merit`` (P × C, 0 = not eligible), ``where_profile`` / ``where_ok`` and
    ``prefer_profile`` / ``prefer`` / ``prefer_len`` as the module docstring says."""

    priority: np.ndarray
    slate: np.ndarray
    merit: np.ndarray
    where_profile: np.ndarray
    where_ok: list[np.ndarray]
    prefer_profile: np.ndarray
    prefer: list[tuple[np.ndarray, np.ndarray, np.ndarray]]
    prefer_len: np.ndarray

    def __len__(self) -> int:
        return len(self.priority)


@dataclass
class Candidates:
    """Per candidate: ``officer_id`` (str), ``unit``, ``post`` (term index or ``-1``),
    ``slot`` (the counted slot held, or ``-1``)."""

    officer_id: np.ndarray
    unit: np.ndarray
    post: np.ndarray
    slot: np.ndarray

    def __len__(self) -> int:
        return len(self.officer_id)


@dataclass
class Problem:
    units: Units
    posts: list[str]
    slots: Slots
    policies: Policies
    candidates: Candidates
    forbidden: np.ndarray = field(default_factory=lambda: np.zeros((0, 2), dtype=np.int64))

    def check(self) -> None:
        """Raise ValueError when the arrays do not fit together (a caller's bug, not input)."""
        u, s, p, c = self.units, self.slots, self.policies, self.candidates
        if p.merit.shape != (len(p), len(c)):
            raise ValueError(f"merit is {p.merit.shape}, expected {(len(p), len(c))}")
        for name in ("where_profile", "prefer_profile"):
            if getattr(p, name).shape != (len(p), len(c)):
                raise ValueError(f"{name} must be policies × candidates")
        if len(s) and (s.unit.min() < 0 or s.unit.max() >= len(u)):
            raise ValueError("slot unit out of range")
        if len(s) and s.policy.max(initial=-1) >= len(p):
            raise ValueError("slot policy out of range")
        if np.any(c.slot >= len(s)) or np.any((c.slot >= 0) & (s.unit[c.slot] != c.unit)):
            raise ValueError("a candidate's slot must be at the candidate's unit")
        if np.any(p.slate < 1):
            raise ValueError("slate must be at least 1")
        over = u.receives & (u.capacity >= 0) & (u.headcount > u.capacity)
        if over.any():
            raise ValueError("a unit above its capacity after the transfers cannot receive")

    # -- derived ------------------------------------------------------------------------

    def slot_order(self) -> np.ndarray:
        """Rank of each slot in (unit_id, post term) order: the tie-break's order (iv)."""
        keys = [
            (str(self.units.ids[u]), self.posts[t])
            for u, t in zip(self.slots.unit.tolist(), self.slots.post.tolist(), strict=True)
        ]
        order = sorted(range(len(keys)), key=keys.__getitem__)
        rank = np.empty(len(keys), dtype=np.int64)
        rank[order] = np.arange(len(keys))
        return rank

    def id_rank(self) -> np.ndarray:
        """Rank of each candidate's officer_id (as strings): the tie-break's order (iv)."""
        ids = self.candidates.officer_id.astype(str)
        order = np.argsort(ids, kind="stable")
        rank = np.empty(len(ids), dtype=np.int64)
        rank[order] = np.arange(len(ids))
        return rank

    def level(self) -> np.ndarray:
        """Per slot its level (governing policy's priority); slots without a policy get none
        and are returned as the minimum int64."""
        pri = self.policies.priority
        return np.where(
            self.slots.policy >= 0, pri[np.maximum(self.slots.policy, 0)], np.iinfo(np.int64).min
        )

    def prefer_cost(self, cand: np.ndarray, slot: np.ndarray) -> np.ndarray:
        """Index of the first ``prefer`` selector the slot's unit matches, per pair (iii)."""
        pol = self.slots.policy[slot]
        out: np.ndarray = self.policies.prefer_len[pol].astype(np.int64)
        unit = self.slots.unit[slot]
        for p in np.unique(pol).tolist():
            prof, units, idx = self.policies.prefer[p]
            if not len(prof):
                continue
            nu = len(self.units)
            table = dict(
                zip((prof.astype(np.int64) * nu + units).tolist(), idx.tolist(), strict=True)
            )
            sel = np.flatnonzero(pol == p)
            keys = self.policies.prefer_profile[p, cand[sel]].astype(np.int64) * nu + unit[sel]
            out[sel] = [
                table.get(k, out[i]) for k, i in zip(keys.tolist(), sel.tolist(), strict=True)
            ]
        return out

    def admissible(self) -> tuple[np.ndarray, np.ndarray]:
        """All (candidate, slot) pairs where the candidate could fill the slot on its own:
        eligible for the governing policy, ``where`` holds at the slot's unit, not the post
        held, not away from a post governed by a higher priority, the slot's unit receives
        (or is the candidate's own), not forbidden (SPEC §2.1 point 2). Capacity,
        ``min_staff`` and chains are the solver's. Sorted by (slot, candidate)."""
        s, c, pol = self.slots, self.candidates, self.policies
        held_pri = np.where(
            c.slot >= 0,
            np.where(
                s.policy[np.maximum(c.slot, 0)] >= 0,
                pol.priority[np.maximum(s.policy[np.maximum(c.slot, 0)], 0)],
                np.iinfo(np.int64).min,
            ),
            np.iinfo(np.int64).min,
        )
        forb = set()
        if len(self.forbidden):
            forb = set(map(tuple, self.forbidden.tolist()))
        cands, slots = [], []
        for k in np.flatnonzero(s.policy >= 0).tolist():
            p, u, post = int(s.policy[k]), int(s.unit[k]), int(s.post[k])
            ok = pol.merit[p] > 0
            ok &= pol.where_ok[p][pol.where_profile[p], u]
            ok &= c.post != post
            ok &= held_pri <= pol.priority[p]
            if not self.units.receives[u]:
                ok &= c.unit == u
            idx = np.flatnonzero(ok)
            if forb:
                idx = np.array([i for i in idx.tolist() if (i, k) not in forb], dtype=np.int64)
            cands.append(idx)
            slots.append(np.full(len(idx), k, dtype=np.int64))
        if not cands:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
        return np.concatenate(cands).astype(np.int64), np.concatenate(slots)


def pin_fits(problem: Problem, slot: int, extra: int = 1) -> bool:
    """Whether ``extra`` pinned appointees fit the slot's establishment with the holders the
    transfers leave (SPEC §2.1 "Pins": a pin that would take a post above its establishment is
    an error). A post the unit does not establish has no slot and always fits."""
    s = problem.slots
    return int(s.holders[slot]) + extra <= int(s.establishment[slot])
