"""Which units each mover may go to, and how much each choice costs."""

from __future__ import annotations

from collections.abc import Mapping

from placement.evaluate.truth import evaluate
from placement.load.rules.conditions import refs_of
from placement.load.rules.model import Rule
from placement.load.units import Units


class Chooser:
    """Eligible destinations per (rule, officer's referenced values), cached."""

    def __init__(self, units: Units, receives: Mapping[str, bool]):
        self.units = [u for u in units.list if not u.dissolved]
        self.records = [u.record() for u in self.units]
        self.receives = receives
        self._cache: dict = {}
        self._refs: dict[str, list[str]] = {}

    def refs(self, rule: Rule) -> list[str]:
        """Officer fields the rule's selectors refer to (`$officer.X`)."""
        hit = self._refs.get(rule.id)
        if hit is None:
            hit = refs_of(rule.moving.to)
            for p in rule.moving.prefer:
                hit += [r for r in refs_of(p) if r not in hit]
            self._refs[rule.id] = hit
        return hit

    def options(self, rule: Rule, officer: dict) -> tuple[list[str], list[int]]:
        """The units matching the rule's `to` for this officer (`officer`: the values of
        `refs`), receiving ones only, in file order, and each one's preference rank (index of
        the first `prefer` selector it matches, len(prefer) for none). Cached per values."""
        key = (rule.id, tuple(officer.get(r) for r in self.refs(rule)))
        hit = self._cache.get(key)
        if hit is None:
            ids, ranks = [], []
            for u, rec in zip(self.units, self.records, strict=True):
                if (
                    not self.receives.get(u.id)
                    or evaluate(rule.moving.to, rec, officer) is not True
                ):
                    continue
                rank = next(
                    (
                        p
                        for p, sel in enumerate(rule.moving.prefer)
                        if evaluate(sel, rec, officer) is True
                    ),
                    len(rule.moving.prefer),
                )
                ids.append(u.id)
                ranks.append(rank)
            hit = self._cache[key] = (ids, ranks)
        return hit

    def why_none(self, rule: Rule, officer: dict) -> tuple[str, list[str]]:
        """Why a mover has no destination: 'full' (units match `to` but none receives),
        'unknown' (none matches, some cannot be decided: the empty `$officer.` fields
        it reads) or 'none' (no unit matches)."""
        results = [evaluate(rule.moving.to, rec, officer) for rec in self.records]
        if any(r is True for r in results):
            return "full", []
        if any(r is None for r in results):
            return "unknown", [f for f in refs_of(rule.moving.to) if officer.get(f) is None]
        return "none", []
