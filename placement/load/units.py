"""Units (`data/units.yaml`, SPEC §1.2): load, check, resolve merges."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from placement.load.posts import PostTable, resolve_posts
from placement.load.pyderr import problems_from
from placement.load.schema import UNIT_FIELDS
from placement.load.vocab import Vocabulary
from placement.load.yamlsafe import YamlDoc, load_yaml
from placement.messages.registry import Message
from placement.problems import InputError, Problem, did_you_mean, problem


class Unit(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(min_length=1)
    name: str = Field(min_length=1)
    kind: Literal["organ", "frontline", "station"]
    area: Literal["urban", "rural"] | None = None
    district: str | None = None
    capacity: int | None = Field(default=None, ge=0)
    min_staff: int = Field(default=0, ge=0)
    tags: tuple[str, ...] = ()
    merged_into: str | None = None
    # the unit's own leadership establishment as written (term or alias, count), merged over
    # the kind's post_defaults by `Units.resolve_posts`; a tuple so that the unit stays hashable
    posts: tuple[tuple[str, object], ...] | None = None

    @field_validator("posts", mode="before")
    @classmethod
    def _posts_pairs(cls, v: object) -> object:
        if isinstance(v, dict):
            return tuple((str(k), n) for k, n in v.items())
        return v

    @property
    def tier(self) -> str:
        """`organ` for an organ unit (kind `organ`), `grassroots` for every other kind: the
        tier the grassroots share counts (SPEC §1.2)."""
        return "organ" if self.kind == "organ" else "grassroots"

    @property
    def dissolved(self) -> bool:
        """Is the unit merged into another (`merged_into` set)? It then receives nobody."""
        return self.merged_into is not None

    def value(self, field: str) -> Any:
        """A unit field as rules see it (`tier` included)."""
        return self.tier if field == "tier" else getattr(self, field)

    def record(self) -> dict:
        """Every field a selector may read, for the per-record evaluator."""
        return {f: self.value(f) for f in UNIT_FIELDS}


class UnitsFile(BaseModel):
    model_config = ConfigDict(extra="forbid")
    units: list[dict]
    post_defaults: dict[str, dict[str, object] | None] | None = None


class Units:
    """The checked units, by id, with merges resolved to their final unit."""

    def __init__(
        self,
        units: list[Unit],
        file: str = "",
        sha256: str = "",
        post_defaults: dict | None = None,
        doc: YamlDoc | None = None,
    ):
        self.file = file
        self.sha256 = sha256
        self.list = units
        self.by_id = {u.id: u for u in units}
        self.by_name = {u.name: u for u in units}
        self.final = {u.id: self._follow(u.id) for u in units}
        self.post_defaults = dict(post_defaults or {})  # kind -> {term or alias: count}, raw
        self.doc = doc
        # unit id -> {post term: establishment}, for kept units with an establishment; resolved
        # against the built-in vocabulary until `resolve_posts` is given the rule set's
        self.posts: PostTable = {}
        self.post_problems: list[Problem] = self.resolve_posts(None)

    def resolve_posts(self, vocab: Vocabulary | None) -> list[Problem]:
        """Resolve every unit's `posts` over its kind's `post_defaults` with `vocab` (the rule
        set's; None: the built-in one, an unknown term then a warning asking for --rules).
        Sets `self.posts` and returns the problems (errors: unknown term, bad count)."""
        self.posts, problems = resolve_posts(self, vocab)
        self.post_problems = problems
        return problems

    def _follow(self, uid: str) -> str:
        seen = set()
        while (nxt := self.by_id[uid].merged_into) and uid not in seen:
            seen.add(uid)
            uid = nxt
        return uid

    def resolve(self, text: str) -> str | None:
        """A unit id for an id or an exact name, or None."""
        if text in self.by_id:
            return text
        unit = self.by_name.get(text)
        return unit.id if unit else None

    @property
    def kept(self) -> list[Unit]:
        """The units not dissolved by a merge, in file order."""
        return [u for u in self.list if not u.dissolved]


def load_units(path: str | Path) -> Units:
    """The units file (SPEC §1.2) loaded and checked, merges resolved to their final unit.

    Raises InputError listing every problem: `units-unreadable`, a YAML error, and each
    problem parse_units finds (shape, duplicate id, unknown merge target, merge cycle,
    min_staff above capacity, posts on a dissolved unit, post terms)."""
    import hashlib

    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as e:
        raise InputError(problem("units-unreadable", str(path), error=e.strerror)) from None
    doc = load_yaml(raw, str(path))
    units, problems = parse_units(doc)
    if problems:
        raise InputError(problems)
    defaults = (doc.data.get("post_defaults") if isinstance(doc.data, dict) else None) or {}
    out = Units(units, str(path), hashlib.sha256(raw).hexdigest(), defaults, doc)
    errors = [p for p in out.post_problems if p.severity == "error"]
    if errors:
        raise InputError(errors)
    return out


def parse_units(doc: YamlDoc) -> tuple[list[Unit], list[Problem]]:
    """The units of a loaded units document, in file order, and every problem found: shape
    (`units-shape`, field problems), `duplicate-unit`, `unknown-unit` (merge target),
    `posts-on-dissolved`, `min-staff-above-capacity`, `merge-cycle`. Never raises; a unit
    whose fields do not validate is left out of the list (its problems say why)."""
    problems: list[Problem] = []
    if not isinstance(doc.data, dict):
        return [], [doc.problem((), "units-shape", Message("units-not-mapping"))]
    try:
        UnitsFile.model_validate(doc.data)
    except ValidationError as e:
        return [], problems_from(e, doc, (), ["units"])
    units: list[Unit] = []
    rows: dict[int, int] = {}  # id(unit) -> index in the file
    known = list(Unit.model_fields)
    for i, raw in enumerate(doc.data["units"]):
        if not isinstance(raw, dict):
            problems.append(doc.problem(("units", i), "units-shape", Message("unit-not-mapping")))
            continue
        try:
            unit = Unit.model_validate(raw)
        except ValidationError as e:
            uid = raw.get("id", f"#{i + 1}")
            problems += problems_from(e, doc, ("units", i), known, f"unit {uid}")
            continue
        rows[id(unit)] = i
        units.append(unit)
    index: dict[str, int] = {}
    for i, u in enumerate(units):
        path = ("units", rows[id(u)], "id")
        if u.id in index:
            problems.append(doc.problem(path, "duplicate-unit", unit=u.id))
        index.setdefault(u.id, i)
    ids = list(index)
    for u in units:
        i = rows[id(u)]
        if u.merged_into is not None and u.merged_into not in index:
            problems.append(
                doc.problem(
                    ("units", i, "merged_into"),
                    "unknown-unit",
                    Message("unknown-merge-target", {"unit": u.id, "target": u.merged_into}),
                    did_you_mean(u.merged_into, ids),
                )
            )
        if u.merged_into is not None and u.posts is not None:
            problems.append(
                problem(
                    "posts-on-dissolved",
                    doc.file,
                    *doc.where(("units", i, "posts"), key=True),
                    unit=u.id,
                    into=u.merged_into,
                )
            )
        if u.capacity is not None and u.min_staff > u.capacity:
            problems.append(
                doc.problem(
                    ("units", i, "min_staff"),
                    "min-staff-above-capacity",
                    unit=u.id,
                    min_staff=u.min_staff,
                    capacity=u.capacity,
                )
            )
    by_id = {u.id: u for u in units}
    reported = set()
    for u in units:
        seen = [u.id]
        cur = u
        while cur.merged_into and cur.merged_into in by_id:
            if cur.merged_into in seen:
                cycle = seen[seen.index(cur.merged_into) :] + [cur.merged_into]
                key = frozenset(cycle)
                if key not in reported:
                    reported.add(key)
                    problems.append(
                        doc.problem(
                            ("units", rows[id(u)], "merged_into"),
                            "merge-cycle",
                            unit=u.id,
                            cycle=cycle,
                        )
                    )
                break
            seen.append(cur.merged_into)
            cur = by_id[cur.merged_into]
    return units, problems
