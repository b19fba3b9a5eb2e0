"""The rule set's `appointments:` section (SPEC §1.4): shape, typing and the compiled policies.

An appointment policy says how the vacancies of one post are filled (選配幹部): at which units
(`at`, a selector over unit fields only), from which candidates (`eligible`, a condition typed
like a rule's `when`, and `where`, a per-candidate selector that may read `$officer.`), in which
order of merit (`merit`), with which preference between units (`prefer`), how many candidates
are shown per vacancy (`slate`, 差額) and which rank the appointee takes (`rank`, 提拔).
Everything is checked when the rule set loads; problems carry file:line:col and a hint.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, StrictInt, WithJsonSchema

from placement.load.rules.conditions import (
    TRUE,
    Node,
    Scope,
    compile_condition,
    tests_of,
)
from placement.load.schema import FieldType
from placement.load.vocab import Vocabulary
from placement.load.yamlsafe import YamlDoc
from placement.problems import Problem, did_you_mean, problem

_Raw = dict[str, Any] | list[Any]
# typed by `placement schema rules` (placement.load.rules.files.rules_schema)
_Condition = Annotated[_Raw, WithJsonSchema({"x-condition": "Condition"})]
_Selector = Annotated[_Raw, WithJsonSchema({"x-condition": "Selector"})]


class AppointmentFile(BaseModel):
    """One appointment policy as written (the source of `placement schema rules`)."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(min_length=1, pattern=r"^[A-Za-z0-9_.\-]+$")
    title: str = ""
    source: str = ""
    priority: StrictInt = 0
    post: str = Field(
        min_length=1, description="the post (vocabulary term) whose vacancies this fills"
    )
    at: _Selector | None = Field(default=None, description="SELECTOR over unit fields only")
    where: _Selector | None = Field(
        default=None, description="SELECTOR per candidate; may reference $officer.FIELD"
    )
    rank: str | None = Field(default=None, description="the appointee's rank afterwards")
    eligible: _Condition | None = Field(default=None, description="CONDITION over the candidate")
    merit: list[str | dict[str, str]] = Field(
        default_factory=list, description="fields, best first: FIELD (desc) or {FIELD: asc|desc}"
    )
    prefer: list[_Selector] = Field(default_factory=list)
    slate: StrictInt = Field(default=1, ge=1, description="candidates shown per vacancy (差額)")
    effective_from: dt.date | None = None
    effective_until: dt.date | None = None


@dataclass(frozen=True)
class MeritKey:
    """One `merit` field: larger first when `descending` (the default), in the field's order."""

    field: str
    descending: bool
    ftype: FieldType


@dataclass
class Policy:
    """A compiled appointment policy. `order` is its place in file order (ties of priority)."""

    id: str
    title: str
    source: str
    priority: int
    order: int
    file: str
    line: int
    post: str
    at: Node = TRUE
    where: Node | None = None
    rank: str | None = None
    eligible: Node = TRUE
    merit: tuple[MeritKey, ...] = ()
    prefer: tuple[Node, ...] = ()
    slate: int = 1
    effective_from: dt.date | None = None
    effective_until: dt.date | None = None
    id_at: tuple[int, int] = (0, 0)  # line, col of the id, for problems naming it

    def in_force(self, as_of: dt.date) -> bool:
        """Is `as_of` within the policy's effective_from..effective_until (both inclusive;
        a missing bound is open)?"""
        if self.effective_from and as_of < self.effective_from:
            return False
        return not (self.effective_until and as_of > self.effective_until)


def rank_order(vocab: Vocabulary) -> list[str]:
    """Rank terms best first (SPEC §1.3: chief_division > ... > staff); terms a rule set adds
    that the built-in order does not place come after, in the order declared."""
    return list(vocab.terms.get("rank", {}))


def compile_policies(
    items: list[tuple[int, AppointmentFile]],
    doc: YamlDoc,
    scope: Callable[..., Scope],
    vocab: Vocabulary,
    fields: dict[str, FieldType],
    order: int,
    problems: list[Problem],
) -> list[Policy]:
    """Type-check and compile one file's policies (`items`: (index in the file, shape)).

    `scope(doc, officer_side)` makes the condition scope, as for rules; problems are appended
    to `problems` (which the scope shares). Returns the policies in file order."""
    out = []
    for k, (i, a) in enumerate(items):
        out.append(_compile(a, ("appointments", i), doc, scope, vocab, fields, order + k, problems))
    return out


def _compile(
    a: AppointmentFile,
    path: tuple[Any, ...],
    doc: YamlDoc,
    scope: Callable[..., Scope],
    vocab: Vocabulary,
    fields: dict[str, FieldType],
    order: int,
    problems: list[Problem],
) -> Policy:
    line = doc.where(path)[0]
    pol = Policy(
        a.id,
        a.title,
        a.source,
        a.priority,
        order,
        doc.file,
        line,
        _term(a.post, "post", path + ("post",), doc, vocab, problems) or a.post,
        slate=a.slate,
        id_at=doc.where(path + ("id",)),
        effective_from=a.effective_from,
        effective_until=a.effective_until,
    )
    if a.rank is not None:
        pol.rank = _term(a.rank, "rank", path + ("rank",), doc, vocab, problems)
    pol.at = compile_condition(a.at, path + ("at",), scope(doc, officer_side=False))
    for t in tests_of(pol.at):
        if t.ref:
            line_, col = t.where or doc.where(path + ("at",))
            problems.append(
                problem("officer-in-at", doc.file, line_, col, policy=a.id, field=t.ref)
            )
    if a.where is not None:
        pol.where = compile_condition(a.where, path + ("where",), scope(doc, officer_side=False))
    pol.eligible = compile_condition(a.eligible, path + ("eligible",), scope(doc))
    pol.prefer = tuple(
        compile_condition(p, path + ("prefer", k), scope(doc, officer_side=False))
        for k, p in enumerate(a.prefer)
    )
    pol.merit = tuple(
        m
        for k, entry in enumerate(a.merit)
        if (m := _merit(entry, path + ("merit", k), a.id, doc, fields, problems)) is not None
    )
    if a.effective_from and a.effective_until and a.effective_from > a.effective_until:
        problems.append(
            problem(
                "bad-policy",
                doc.file,
                *doc.where(path + ("effective_until",)),
                policy=a.id,
            )
        )
    return pol


def _term(
    value: str,
    kind: str,
    path: tuple[Any, ...],
    doc: YamlDoc,
    vocab: Vocabulary,
    problems: list[Problem],
) -> str | None:
    table = vocab.lookup(kind)
    term = table.get(value) or table.get(str(value).lower())
    if term is None:
        problems.append(
            doc.problem(path, "unknown-term", hint=vocab.hint(kind, value), vocab=kind, value=value)
        )
    return term


ORDERED_KINDS = ("number", "date", "bool", "enum")


def _merit(
    entry: Any,
    path: tuple[Any, ...],
    policy: str,
    doc: YamlDoc,
    fields: dict[str, FieldType],
    problems: list[Problem],
) -> MeritKey | None:
    if isinstance(entry, str):
        name, direction, fpath = entry, "desc", path
    elif len(entry) == 1:
        ((name, direction),) = entry.items()
        fpath = path + (name,)
    else:
        name, direction, fpath = None, None, path
    if name is None or direction not in ("asc", "desc"):
        shown = ", ".join(f"{k}: {v}" for k, v in entry.items())
        problems.append(
            problem("merit-direction", doc.file, *doc.where(path), policy=policy, entry=shown)
        )
        return None
    ftype = fields.get(name)
    if ftype is None:
        line, col = doc.where(fpath, key=isinstance(entry, dict))
        problems.append(
            problem(
                "merit-unknown-field",
                doc.file,
                line,
                col,
                hint=did_you_mean(name, fields),
                policy=policy,
                field=name,
            )
        )
        return None
    orderable = ftype.kind in ORDERED_KINDS or (ftype.kind == "term" and ftype.vocab == "rank")
    if not orderable:
        line, col = doc.where(fpath, key=isinstance(entry, dict))
        problems.append(problem("merit-unordered", doc.file, line, col, policy=policy, field=name))
        return None
    return MeritKey(name, direction == "desc", ftype)


def assemble_policies(
    docs: Any, rs: Any, units: Any, scope: Callable[..., Scope], problems: list[Problem]
) -> None:
    """The hook `load.py` calls once the rules are compiled: compile every file's policies
    into `rs.appointments` (file order), and resolve the units' `posts` against the rule set's
    vocabulary (its problems join `problems`). Ids are checked by load.py with every other
    name of the rule set (one namespace with rules and targets, `unit_merge` and `pin`
    reserved); `docs` hold only the policies whose id is free."""
    order = 0
    for doc, data in docs:
        items = data.get("appointments", [])
        policies = compile_policies(items, doc, scope, rs.vocab, rs.fields, order, problems)
        order += len(items)
        rs.appointments += policies
    if units is not None:
        problems += units.resolve_posts(rs.vocab)
