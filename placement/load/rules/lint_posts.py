"""`validate` warnings about leadership posts (SPEC §3): a post that units establish but no
policy governs, an `eligible` that no officer can meet, and a move that can carry an established
post into a kind of unit that does not establish it."""

from __future__ import annotations

import datetime as dt
import itertools

from placement.evaluate.truth import evaluate
from placement.load.rules.appointments import Policy
from placement.load.rules.conditions import (
    SYMBOL,
    All,
    Broken,
    BrokenConditionError,
    Node,
    Not,
    Test,
    fields_of,
    tests_of,
)
from placement.load.rules.model import RuleSet
from placement.load.units import Units
from placement.problems import Problem, problem

MAX_COMBINATIONS = 20_000  # values tried per group of fields read together


def lint_posts(rs: RuleSet, units: Units | None) -> list[Problem]:
    """The posts' warnings (`eligible-never` per policy; with `units`, `post-ungoverned` and
    `move-carries-post`), in rule-set order, severity `warning`."""
    out = [w for w in (_never(rs, p) for p in rs.appointments) if w is not None]
    if units is not None:
        out += _ungoverned(rs, units) + _carried(rs, units)
    return out


def _ungoverned(rs: RuleSet, units: Units) -> list[Problem]:
    open_: dict[str, list[str]] = {}
    for uid, posts in units.posts.items():
        rec = units.by_id[uid].record()
        for post in posts:
            if not any(p.post == post and evaluate(p.at, rec, {}) is True for p in rs.appointments):
                open_.setdefault(post, []).append(uid)
    out = []
    index = {u.id: i for i, u in enumerate(units.list)}
    for post, ids in open_.items():
        shown = ", ".join(ids[:4]) + (f" and {len(ids) - 4} more" if len(ids) > 4 else "")
        line, col = units.doc.where(("units", index[ids[0]])) if units.doc else (0, 0)
        out.append(problem("post-ungoverned", units.file, line, col, post=post, units=shown))
    return out


def _carried(rs: RuleSet, units: Units) -> list[Problem]:
    kept = [u for u in units.list if not u.dissolved]
    by_kind: dict[str, set[str]] = {}
    for u in kept:
        by_kind.setdefault(u.kind, set()).update(units.posts.get(u.id, {}))
    out = []
    for r in rs.rules:
        if r.move is None or r.move.post is not None:
            continue
        dests = [u for u in kept if evaluate(r.move.to, u.record(), {}) is not False]
        found = None
        for kind in sorted(by_kind):
            for post in sorted(by_kind[kind]):
                rec = {"post": post, "unit.kind": kind, "unit.tier": _tier(kind)}
                if _may_hold(r.when, rec) and (r.unless is None or _may_fail(r.unless, rec)):
                    away = [u for u in dests if post not in units.posts.get(u.id, {})]
                    if away:
                        found = (post, kind, away[0].kind)
                        break
            if found:
                break
        if found:
            post, origin, dest = found
            out.append(
                problem(
                    "move-carries-post",
                    r.file,
                    r.line,
                    0,
                    rule=r.id,
                    post=post,
                    origin=origin,
                    dest=dest,
                )
            )
    return out


def _tier(kind: str) -> str:
    return "organ" if kind == "organ" else "grassroots"


def _may_hold(node: Node, rec: dict) -> bool:
    """Could `node` be true for an officer with these values, the other fields free?"""
    return _known_only(node, rec) is not False


def _may_fail(node: Node, rec: dict) -> bool:
    return _known_only(node, rec) is not True


def _known_only(node: Node, rec: dict[str, object]) -> bool | None:
    """Evaluate with only the fields of `rec` known: a test on any other field is unknown."""
    if isinstance(node, Test):
        if node.field not in rec or (node.ref and node.ref not in rec):
            return None
        return evaluate(node, rec)
    if isinstance(node, Not):
        v = _known_only(node.part, rec)
        return None if v is None else not v
    if isinstance(node, Broken):
        raise BrokenConditionError(node)
    vals = [_known_only(p, rec) for p in node.parts]
    if isinstance(node, All):
        return False if False in vals else (None if None in vals else True)
    return True if True in vals else (None if None in vals else False)


# --- eligible that can never hold ---------------------------------------------------------------


def _never(rs: RuleSet, p: Policy) -> Problem | None:
    """A warning when the policy's `eligible` is false for every value of its fields: the
    top-level conjuncts are grouped by the fields they share, and each group is tried on every
    combination of the values that matter (each literal, either side of it, empty)."""
    parts = _conjuncts(p.eligible)
    groups: list[tuple[set[str], list[Node]]] = []
    for c in parts:
        names = set(fields_of(c))
        joined = [g for g in groups if g[0] & names]
        for g in joined:
            groups.remove(g)
        groups.append(
            (
                names.union(*(g[0] for g in joined)),
                [x for g in joined for x in g[1]] + [c],
            )
        )
    for names, nodes in groups:
        if not names:
            continue
        node = All(tuple(nodes))
        fields = sorted(names)
        pools = [_values(f, node, rs) for f in fields]
        total = 1
        for pool in pools:
            total *= len(pool)
        if total > MAX_COMBINATIONS:
            continue
        if not any(
            evaluate(node, dict(zip(fields, combo, strict=True))) is True
            for combo in itertools.product(*pools)
        ):
            return problem(
                "eligible-never",
                p.file,
                p.line,
                0,
                policy=p.id,
                why=" and ".join(_text(n) for n in nodes),
            )
    return None


def _conjuncts(node: Node) -> list[Node]:
    if isinstance(node, All):
        return [c for part in node.parts for c in _conjuncts(part)]
    return [node]


def _values(field: str, node: Node, rs: RuleSet) -> list:
    """The values of `field` worth trying against `node`: null, each literal the tests use and
    its neighbours, and for a closed type every value."""
    ftype = rs.fields.get(field)
    kind = ftype.kind if ftype else "str"
    lits: list = []
    for t in tests_of(node):
        if t.field == field and t.op != "is_null" and t.value is not None:
            lits += list(t.value) if isinstance(t.value, tuple) else [t.value]
    out: list = [None]
    if kind == "bool":
        return out + [True, False]
    if kind == "enum" and ftype is not None:
        return out + list(ftype.values)
    if kind == "term" and ftype is not None:
        return out + list(rs.vocab.terms.get(ftype.vocab or "", {}))
    if kind == "number":
        for v in lits:
            out += [v - 1, v - 0.5, v, v + 0.5, v + 1]
        return out + [0]
    if kind == "date":
        for v in lits:
            out += [v - dt.timedelta(days=1), v, v + dt.timedelta(days=1)]
        return out
    if kind in ("tags", "units"):
        return out + [[], list(dict.fromkeys(lits))] + [[v] for v in dict.fromkeys(lits)]
    return out + list(dict.fromkeys(lits)) + ["\0a", "\0b"]


def _text(node: Node) -> str:
    if isinstance(node, Test):
        value = f"$officer.{node.ref}" if node.ref else node.value
        if isinstance(value, tuple):
            value = "[" + ", ".join(map(str, value)) + "]"
        return f"{node.field} {SYMBOL.get(node.op, node.op)} {value}"
    if isinstance(node, Not):
        return f"not ({_text(node.part)})"
    if isinstance(node, Broken):
        raise BrokenConditionError(node)
    word = " and " if isinstance(node, All) else " or "
    return "(" + word.join(_text(p) for p in node.parts) + ")"
