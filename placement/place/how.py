"""How a mover's destination was chosen, as data: the officer's wish n, the rule's
preference n, or even fill (SPEC §2 point 3).

A `How` prints the English the plan's reason column has always shown (`wish 1 honoured`),
from the registry's template (`how-*` codes in messages/catalog/reasons.py), and gives the
Message the Chinese formats render. Values are shared (one per kind and number), so a
million movers cost no more than the strings did."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from placement.messages.registry import Message


@dataclass(frozen=True, slots=True)
class How:
    """kind: "wish" (n = the wish's number, from 1), "preference" (n = the rule's
    preference's number, from 1) or "even" (n = 0)."""

    kind: str
    n: int = 0

    @property
    def message(self) -> Message:
        """The `how-*` Message of this choice."""
        return Message(f"how-{self.kind}", {"n": self.n} if self.kind != "even" else {})

    def __str__(self) -> str:
        return _english(self)


@cache
def _english(how: How) -> str:
    return how.message.text("en")


@cache
def wish(n: int) -> How:
    """The officer's wish number n (from 1) was honoured."""
    return How("wish", n)


@cache
def preference(n: int) -> How:
    """The rule's preference number n (from 1) was met."""
    return How("preference", n)


EVEN = How("even")  # neither: the place evens out the destinations
