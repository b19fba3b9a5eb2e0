"""A loaded rule set: compiled rules, targets, allowances."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from placement.load.rules.conditions import TRUE, Node
from placement.load.rules.files import RuleTestFile
from placement.load.schema import FieldType
from placement.load.vocab import Vocabulary
from placement.load.yamlsafe import YamlDoc


@dataclass
class Move:
    to: Node
    prefer: tuple = ()
    post: str | None = None
    to_key: str = ""  # canonical text of `to`, to compare outcomes


@dataclass
class Rule:
    id: str
    title: str
    source: str
    priority: int
    order: int  # file name, then position
    file: str
    line: int
    when: Node = TRUE
    unless: Node | None = None
    move: Move | None = None
    set_post: str | None = None
    flag: str | None = None
    keep: bool = False
    effective_from: dt.date | None = None
    effective_until: dt.date | None = None

    @property
    def acts(self) -> bool:
        """Does the rule decide (move, set_post, keep), beyond flagging?"""
        return self.move is not None or self.set_post is not None or self.keep

    @property
    def moving(self) -> Move:
        """The `move` of a move rule (the planner's movers); ValueError for any other rule."""
        if self.move is None:
            raise ValueError(f"rule {self.id} does not move")
        return self.move

    @property
    def action(self) -> str:
        """`move`, `set_post`, `keep` or `flag`: what the rule does (SPEC §1.4)."""
        if self.move is not None:
            return "move"
        if self.set_post is not None:
            return "set_post"
        if self.keep:
            return "keep"
        return "flag"

    def outcome(self) -> tuple:
        """What the rule asks for; equal outcomes at one priority are no conflict."""
        if self.move is not None:
            return ("move", self.move.to_key, self.move.post)
        if self.set_post is not None:
            return ("set_post", self.set_post)
        if self.keep:
            return ("keep",)
        return ()

    def in_force(self, as_of: dt.date) -> bool:
        """Is `as_of` within the rule's effective_from..effective_until (both inclusive)?"""
        if self.effective_from and as_of < self.effective_from:
            return False
        if self.effective_until and as_of > self.effective_until:
            return False
        return True


@dataclass
class Target:
    id: str
    title: str
    where: Node
    of: Node
    at_least: float | None
    at_most: float | None

    def met(self, value: float | None) -> bool:
        """Does `value` (a share, a fraction in [0, 1]; None = no officers) meet the bounds?
        The bounds are inclusive, with 1e-12 of slack for float rounding."""
        if value is None:
            return False
        if self.at_least is not None and value < self.at_least - 1e-12:
            return False
        return not (self.at_most is not None and value > self.at_most + 1e-12)


@dataclass
class Allowance:
    where: Node
    amount: float
    title: str = ""


@dataclass
class RuleSet:
    name: str
    as_of: dt.date | None
    constants: dict
    fields: dict[str, FieldType]  # officer scope: roster, derived, unit.X, extras
    extras: dict[str, tuple[FieldType, tuple[str, ...]]]  # declared columns: type, aliases
    vocab: Vocabulary
    rules: list[Rule] = field(default_factory=list)
    appointments: list = field(default_factory=list)  # appointments.Policy, file order
    targets: list[Target] = field(default_factory=list)
    allowances: list[Allowance] = field(default_factory=list)
    # (YAML document, index of the case in its file, the case): `placement test rules`
    tests: list[tuple[YamlDoc, int, RuleTestFile]] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    sha256: str = ""

    def rule(self, rule_id: str) -> Rule | None:
        """The rule of that id, None when there is none."""
        return next((r for r in self.rules if r.id == rule_id), None)
