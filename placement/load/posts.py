"""Leadership establishment (領導職數, SPEC §1.2): `posts` per unit over `post_defaults` per kind.

A unit's own `posts` is merged over its kind's defaults key by key: `TERM: 0` establishes the
post at zero, `TERM: null` removes a default. Keys are post terms or aliases of the vocabulary
(the built-in one plus the rule set's `vocab:`). A dissolved unit has no posts (its explicit
`posts` is an error reported when the file is parsed; defaults never apply to it).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from placement.load.vocab import Vocabulary
from placement.problems import Problem, problem

if TYPE_CHECKING:
    from placement.load.units import Units
    from placement.load.yamlsafe import YamlDoc

PostTable = dict[str, dict[str, int]]  # unit id -> {post term: establishment}

KINDS = ("organ", "frontline", "station")


def resolve_posts(units: Units, vocab: Vocabulary | None) -> tuple[PostTable, list[Problem]]:
    """Each kept unit's establishment, and the problems found.

    `vocab` None means the rule set is not known: a term outside the built-in vocabulary is then
    a `post-term-needs-rules` warning (and left out), otherwise an `unknown-post-term` error with
    a did-you-mean hint. A count that is not a whole number ≥ 0 is `bad-post-count`. Output: unit
    id -> {term: count} for every kept unit whose merged establishment is not empty, terms in
    the order first written (defaults first)."""
    known = vocab or Vocabulary()
    table = known.lookup("post")
    doc = units.doc
    file = units.file if doc is None else doc.file
    problems: list[Problem] = []
    index = _unit_index(doc)

    def at(path: tuple) -> tuple[int, int]:
        return doc.where(path, key=True) if doc is not None else (0, 0)

    def read(
        owner: str, pairs: Iterable[tuple[Any, Any]], base: tuple[Any, ...]
    ) -> dict[str, int | None]:
        out: dict[str, int | None] = {}
        for key, value in pairs:
            path = base + (key,)
            term = table.get(str(key)) or table.get(str(key).lower())
            if term is None:
                code = "unknown-post-term" if vocab is not None else "post-term-needs-rules"
                hint = known.hint("post", key) if vocab is not None else ""
                problems.append(problem(code, file, *at(path), hint=hint, owner=owner, term=key))
                continue
            if value is not None and (
                isinstance(value, bool) or not isinstance(value, int) or value < 0
            ):
                problems.append(
                    problem(
                        "bad-post-count",
                        file,
                        *(doc.where(path) if doc is not None else (0, 0)),
                        owner=owner,
                        term=term,
                        value=repr(value) if isinstance(value, str) else value,
                    )
                )
                continue
            out[term] = value
        return out

    defaults: dict[str, dict[str, int | None]] = {}
    for kind, pairs in units.post_defaults.items():
        if kind not in KINDS:
            problems.append(
                problem(
                    "bad-post-defaults",
                    file,
                    *at(("post_defaults", kind)),
                    kind=kind,
                    kinds=list(KINDS),
                )
            )
            continue
        if not isinstance(pairs, dict):
            continue  # null: no defaults for the kind
        defaults[kind] = read(f"post_defaults {kind}", pairs.items(), ("post_defaults", kind))
    posts: PostTable = {}
    for u in units.list:
        if u.dissolved:
            continue
        merged = dict(defaults.get(u.kind, {}))
        if u.posts:
            own = read(f"unit {u.id}", u.posts, ("units", index.get(u.id, -1), "posts"))
            merged.update(own)
        kept = {t: n for t, n in merged.items() if n is not None}
        if kept:
            posts[u.id] = kept
    return posts, problems


def _unit_index(doc: YamlDoc | None) -> dict[str, int]:
    if doc is None or not isinstance(doc.data, dict):
        return {}
    rows = doc.data.get("units") or []
    return {str(r.get("id")): i for i, r in enumerate(rows) if isinstance(r, dict)}
