"""Warnings for a rule set that loads: shadowed rules, empty destinations, actions
that would not end the condition that fired them."""

from __future__ import annotations

from placement.evaluate.truth import evaluate
from placement.load.rules.conditions import All, Node, Test, fields_of
from placement.load.rules.lint_posts import lint_posts
from placement.load.rules.model import Rule, RuleSet
from placement.load.units import Unit, Units
from placement.messages.registry import Message
from placement.problems import Problem


def conjuncts(node: Node) -> list[Node]:
    """The parts of a condition read as an `all` (nested `all`s flattened), in order; any
    other node is its own single conjunct."""
    if isinstance(node, All):
        out: list[Node] = []
        for p in node.parts:
            out += conjuncts(p)
        return out
    return [node]


def lint(rs: RuleSet, units: Units | None) -> list[Problem]:
    """Every warning of `validate` (SPEC §3), severity `warning`: the rules' (`shadowed-rule`,
    `no-destination`, `action-not-ending`; the last two need `units`), then the posts'
    (`lint_posts`). Call it on a rule set without errors: a Broken condition raises."""
    return _lint_rules(rs, units) + lint_posts(rs, units)


def _lint_rules(rs: RuleSet, units: Units | None) -> list[Problem]:
    out: list[Problem] = []
    acting = [r for r in rs.rules if r.acts]
    for r in acting:
        mine = set(conjuncts(r.when))
        for h in acting:
            if (
                h.priority > r.priority
                and h.unless is None
                and set(conjuncts(h.when)) <= mine
                and h.effective_from is None
                and h.effective_until is None
            ):
                out.append(
                    _warn(
                        r,
                        "shadowed-rule",
                        Message(
                            "shadowed-rule", {"rule": r.id, "by": h.id, "priority": h.priority}
                        ),
                    )
                )
                break
    if units is None:
        return out
    kept = [u for u in units.list if not u.dissolved]
    for r in rs.rules:
        if r.move is None:
            continue
        dests = [u for u in kept if _could(r.move.to, u.record())]
        if not dests:
            out.append(_warn(r, "no-destination", Message("no-destination", {"rule": r.id})))
            continue
        stays = [u.id for u in dests if _still_applies(r, u)]
        if stays:
            out.append(
                _warn(
                    r,
                    "action-not-ending",
                    Message(
                        "move-not-ending",
                        {"rule": r.id, "units": stays[:3], "more": len(stays) > 3},
                    ),
                )
            )
    for r in rs.rules:
        if r.set_post is None:
            continue
        post_tests = [
            t for t in conjuncts(r.when) if isinstance(t, Test) and t.field == "post" and not t.ref
        ]
        if not post_tests or all(
            evaluate(t, {"post": r.set_post}) is not False for t in post_tests
        ):
            out.append(
                _warn(
                    r,
                    "action-not-ending",
                    Message("post-not-ending", {"rule": r.id, "post": r.set_post}),
                )
            )
    return out


def _could(node: Node, rec: dict) -> bool:
    """True unless the selector is false for this unit, `$officer` tests counting as maybe."""
    return evaluate(node, rec, {}) is not False


def _still_applies(r: Rule, u: Unit) -> bool:
    """Could the rule's `when` still hold for an officer who moved to unit `u`?"""
    rec = {f"unit.{k}": v for k, v in u.record().items()}
    if r.moving.post:
        rec["post"] = r.moving.post
    settled = {k for k in rec}
    for c in conjuncts(r.when):
        names = fields_of(c)
        if isinstance(c, Test) and c.ref:
            sel = [
                s
                for s in conjuncts(r.moving.to)
                if isinstance(s, Test)
                and s.ref == c.ref
                and f"unit.{s.field}" == c.field
                and s.op == "eq"
            ]
            if sel and c.op == "ne":
                return False
            continue
        if names and set(names) <= settled and evaluate(c, rec) is False:
            return False
    return True


def _warn(r: Rule, code: str, message: Message) -> Problem:
    return Problem(r.file, r.line, 0, code, message, severity="warning")
