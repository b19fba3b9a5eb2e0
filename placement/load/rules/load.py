"""Load a rule set from a folder or files: parse, shape-check, type-check, compile."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from placement.load.pyderr import problems_from
from placement.load.rules import files as F
from placement.load.rules.appointments import AppointmentFile, assemble_policies
from placement.load.rules.conditions import Scope, compile_condition
from placement.load.rules.model import Allowance, Move, Rule, RuleSet, Target
from placement.load.schema import DERIVED_FIELDS, EXTRA_TYPES, ROSTER_FIELDS, UNIT_FIELDS, FieldType
from placement.load.units import Units
from placement.load.vocab import Vocabulary
from placement.load.yamlsafe import Path as YamlPath
from placement.load.yamlsafe import YamlDoc, load_yaml
from placement.messages.registry import Message
from placement.problems import InputError, Problem, did_you_mean, problem

# each file with its sections shape-checked (`_shape`): section -> [(index, item model)], plus
# `ruleset`, `as_of`, `vocab`, `fields`, `constants` as given and `broken_rules`
Docs = list[tuple[YamlDoc, dict[str, Any]]]
# scope(doc, officer_side=True): the names a condition of `doc` may use (conditions.Scope)
ScopeOf = Callable[..., Scope]


def rule_files(paths: Sequence[str | Path]) -> list[Path]:
    """The YAML files named, folders expanded (`*.yaml`, `*.yml`), each once, ordered by file
    name. Raises InputError `rules-missing` for a path that does not exist or when no rule
    file is found."""
    out: list[Path] = []
    for p in paths:
        p = Path(p)
        if p.is_dir():
            out += [f for f in p.iterdir() if f.suffix in (".yaml", ".yml") and f.is_file()]
        elif p.exists():
            out.append(p)
        else:
            raise InputError(problem("rules-missing", str(p), message=Message("no-such-path")))
    if not out:
        raise InputError(
            problem("rules-missing", ", ".join(map(str, paths)), message=Message("no-rule-files"))
        )
    return sorted(set(out), key=lambda f: (f.name, str(f)))


def load_ruleset(paths: Sequence[str | Path], units: Units | None) -> RuleSet:
    """The compiled rule set of the rule files or folders `paths` (SPEC §1.4), unit ids
    checked against `units` (None: not checked). Raises InputError with every error-severity
    problem check_ruleset finds (warnings are not raised), or `rules-missing`."""
    ruleset, problems = check_ruleset(paths, units)
    errors = [p for p in problems if p.severity == "error"]
    if errors:
        raise InputError(errors)
    return ruleset


def check_ruleset(
    paths: Sequence[str | Path], units: Units | None
) -> tuple[RuleSet, list[Problem]]:
    """Load what can be loaded; return the rule set and every problem found in the files.

    `paths` are rule files or folders of `*.yaml`; `units` (None: no units file) checks unit
    ids. A file that cannot be read or parsed is a problem in the list, and so is every
    error of a rule; conditions with errors are `Broken` and raise if evaluated, so judge the
    rule set only when no problem is an error (as `load_ruleset` does).

    Raises InputError (`rules-missing`) when a path does not exist or no rule file is found:
    then there is nothing to check."""
    problems: list[Problem] = []
    docs: Docs = []
    digest = hashlib.sha256()
    for f in rule_files(paths):
        try:
            raw = f.read_bytes()
        except OSError as e:
            problems.append(problem("rules-unreadable", str(f), error=e.strerror))
            continue
        digest.update(f.name.encode() + b"\0" + raw)
        try:
            doc = load_yaml(raw, str(f))
        except InputError as e:
            problems += e.problems
            continue
        if doc.data is None:
            continue
        if not isinstance(doc.data, dict):
            problems.append(doc.problem((), "rules-shape"))
            continue
        docs.append((doc, _shape(doc, doc.data, problems)))
    rs = _assemble(docs, units, problems)
    rs.sha256 = digest.hexdigest()
    rs.files = [d.file for d, _ in docs]
    return rs, problems


def _shape(doc: YamlDoc, mapping: dict[str, Any], problems: list[Problem]) -> dict[str, Any]:
    """Validate the file's shape (`mapping`, doc.data) item by item, so one bad rule hides
    no other problem."""
    data = dict(mapping)
    out: dict[str, Any] = {}
    known = list(F.RuleSetFile.model_fields)
    for key in list(data):
        if key not in known:
            problems.append(
                doc.problem(
                    (key,),
                    "unknown-key",
                    hint=did_you_mean(key, known),
                    key=True,
                    what="",
                    name=key,
                )
            )
            data.pop(key)
    items: dict[str, type[BaseModel]] = {
        "rules": F.RuleFile,
        "tests": F.RuleTestFile,
        "targets": F.TargetFile,
        "allowances": F.AllowanceFile,
        "appointments": AppointmentFile,
    }
    for key, model in items.items():
        value = data.pop(key, None)
        if value is None:
            continue
        if not isinstance(value, list):
            problems.append(
                doc.problem((key,), "bad-value", Message("list-expected", {"name": key}))
            )
            continue
        good = []
        for i, item in enumerate(value):
            try:
                good.append((i, model.model_validate(item)))
            except ValidationError as e:
                what = (
                    f"{key[:-1]} {item.get('id') or item.get('name') or ''}".strip()
                    if isinstance(item, dict)
                    else ""
                )
                problems += problems_from(e, doc, (key, i), list(model.model_fields), what)
                if key == "rules" and isinstance(item, dict):
                    out.setdefault("broken_rules", []).append((i, item))
        out[key] = good
    try:
        head = F.RuleSetFile.model_validate(data)
        for k in F.HEAD_KEYS:
            if getattr(head, k) is not None:
                out[k] = getattr(head, k)
    except ValidationError as e:
        problems += problems_from(e, doc, (), known)
    return out


RESERVED_IDS = ("unit_merge", "pin")
"""Ids the plan uses for its own decisions (SPEC §1.4): no rule, target or policy may take them."""

ID_SECTIONS = (("targets", "target"), ("rules", "rule"), ("appointments", "policy"))
"""Sections whose items carry an id of the one namespace of ids, and what each id names."""


class _Names:
    """Where each name of the rule set was defined: one table per namespace (SPEC §1.4)."""

    def __init__(self, problems: list[Problem]):
        self.first: dict[tuple[str, str], tuple[str, str]] = {}  # (space, name) -> (what, place)
        self.problems = problems

    def define(
        self, space: str, what: str, name: str, doc: YamlDoc, path: YamlPath, key: bool = False
    ) -> bool:
        """Record `name`; False (and a problem naming both places) when it is already defined."""
        line, col = doc.where(path, key)
        here = f"{doc.file}:{line}:{col}"
        if space == "id" and name in RESERVED_IDS:
            self.problems.append(
                doc.problem(
                    path,
                    "reserved-name",
                    Message("reserved-name", {"what": what, "name": name}),
                    key=key,
                )
            )
            return False
        if (space, name) in self.first:
            first_what, first = self.first[(space, name)]
            self.problems.append(
                doc.problem(
                    path,
                    "duplicate-name",
                    Message(
                        "duplicate-name",
                        {"what": what, "name": name, "first_what": first_what, "first": first},
                    ),
                    key=key,
                )
            )
            return False
        self.first[(space, name)] = (what, here)
        return True


def _combine_vocab(docs: Docs, names: _Names, problems: list[Problem]) -> Vocabulary:
    """The built-in vocabulary with every file's `vocab:` added: a new term, or more aliases for
    a built-in one. A term given twice, or an alias that already means another term, is an error."""
    vocab = Vocabulary()
    said: dict[tuple[str, str], str] = {}  # (kind, spelling) -> where it was given
    for doc, data in docs:
        for kind, terms in (data.get("vocab") or {}).items():
            for term, aliases in terms.items():
                path = ("vocab", kind, term)
                if not names.define(kind, kind, term, doc, path, key=True):
                    continue
                table = vocab.lookup(kind)
                good = []
                for k, alias in enumerate([term, *aliases]):
                    alias = str(alias)
                    other = table.get(alias) or table.get(alias.lower())
                    if other is not None and other != term:
                        p = path if k == 0 else path + (k - 1,)
                        problems.append(
                            doc.problem(
                                p,
                                "alias-clash",
                                Message(
                                    "alias-clash",
                                    {
                                        "kind": kind,
                                        "alias": alias,
                                        "term": term,
                                        "other": other,
                                        "first": said.get((kind, alias.lower()), "built-in"),
                                    },
                                ),
                                key=k == 0,
                            )
                        )
                        continue
                    if k:
                        line, col = doc.where(path + (k - 1,))
                        said[(kind, alias.lower())] = f"{doc.file}:{line}:{col}"
                        good.append(alias)
                vocab.extend(kind, term, good)
                line, col = doc.where(path, key=True)
                said.setdefault((kind, term.lower()), f"{doc.file}:{line}:{col}")
    return vocab


def _assemble(docs: Docs, units: Units | None, problems: list[Problem]) -> RuleSet:
    """One rule set from the files, combined in file order (SPEC §1.4): `ruleset` and `as_of`
    may repeat when equal; every other section adds up; each name is defined once."""
    names = _Names(problems)
    single: dict[str, tuple[YamlDoc, Any]] = {}  # ruleset, as_of -> (first file, value)
    for doc, data in docs:
        for k in ("ruleset", "as_of"):
            if k not in data:
                continue
            if k not in single:
                single[k] = (doc, data[k])
                continue
            first_doc, value = single[k]
            if value != data[k]:
                line, col = first_doc.where((k,))
                problems.append(
                    doc.problem(
                        (k,),
                        "conflicting-value",
                        Message(
                            "conflicting-value",
                            {
                                "key": k,
                                "value": str(data[k]),
                                "other": str(value),
                                "first": f"{first_doc.file}:{line}:{col}",
                            },
                        ),
                    )
                )
    skip = _register_ids(docs, names)
    vocab = _combine_vocab(docs, names, problems)
    fields: dict[str, FieldType] = {n: t for n, (t, _r, _a) in ROSTER_FIELDS.items()}
    fields.update(DERIVED_FIELDS)
    fields.update({f"unit.{n}": t for n, t in UNIT_FIELDS.items()})
    extras: dict[str, tuple[FieldType, tuple[str, ...]]] = {}
    built_in = set(fields)
    for doc, data in docs:
        for name, d in (data.get("fields") or {}).items():
            if name in built_in or name.startswith("unit."):
                problems.append(
                    doc.problem(("fields", name), "duplicate-field", key=True, name=name)
                )
                continue
            if not names.define("field", "field", name, doc, ("fields", name), key=True):
                continue
            if name.startswith("_") or ":" in name:
                problems.append(
                    doc.problem(
                        ("fields", name),
                        "bad-value",
                        Message("reserved-field-name", {"name": name}),
                        key=True,
                    )
                )
                continue
            if d.type == "enum" and not d.values:
                problems.append(
                    doc.problem(
                        ("fields", name), "bad-value", Message("enum-needs-values", {"name": name})
                    )
                )
                continue
            assert d.type in EXTRA_TYPES
            ft = FieldType(d.type, tuple(d.values or ()))
            fields[name] = ft
            extras[name] = (ft, tuple(d.aliases))
    constants: dict[str, Any] = {}
    for doc, data in docs:
        for name, value in (data.get("constants") or {}).items():
            if names.define("constant", "constant", name, doc, ("constants", name), key=True):
                constants[name] = value
    unit_ids = set(units.by_id) if units is not None else None
    unit_names = {u.name: u.id for u in units.list} if units is not None else {}
    unit_fields = dict(UNIT_FIELDS)
    rs = RuleSet(
        name=single.get("ruleset", (None, ""))[1] or "",
        as_of=single.get("as_of", (None, None))[1],
        constants=constants,
        fields=fields,
        extras=extras,
        vocab=vocab,
    )

    def scope(doc: YamlDoc, officer_side: bool = True) -> Scope:
        return Scope(
            fields=fields if officer_side else unit_fields,
            constants=constants,
            vocab=vocab,
            unit_ids=unit_ids,
            unit_names=unit_names,
            officer_fields=None if officer_side else fields,
            doc=doc,
            problems=problems,
        )

    for doc, data in docs:
        for i, t in data.get("targets", []):
            if (doc.file, "targets", i) in skip:
                continue
            s = scope(doc)
            if t.share.at_least is None and t.share.at_most is None:
                problems.append(
                    doc.problem(
                        ("targets", i, "share"),
                        "bad-value",
                        Message("target-needs-bound", {"target": t.id}),
                    )
                )
            rs.targets.append(
                Target(
                    t.id,
                    t.title,
                    compile_condition(t.share.where, ("targets", i, "share", "where"), s),
                    compile_condition(t.share.of, ("targets", i, "share", "of"), s),
                    t.share.at_least,
                    t.share.at_most,
                )
            )
        for i, a in data.get("allowances", []):
            rs.allowances.append(
                Allowance(
                    compile_condition(a.where, ("allowances", i, "where"), scope(doc)),
                    a.amount,
                    a.title,
                )
            )
    order = 0
    for doc, data in docs:
        for i, r in data.get("rules", []):
            path = ("rules", i)
            rule = _compile_rule(r, path, doc, scope, vocab, order, problems)
            order += 1
            if (doc.file, "rules", i) not in skip:
                rs.rules.append(rule)
        for i, t in data.get("tests", []):
            rs.tests.append((doc, i, t))
        for i, raw in data.get("broken_rules", []):
            # the rule's shape is wrong; still type-check its conditions, so every error shows
            for part in ("when", "unless"):
                if isinstance(raw.get(part), (dict, list)):
                    compile_condition(raw[part], ("rules", i, part), scope(doc))
    # appointment policies whose id is taken or reserved were reported with the other ids
    kept = [
        (
            doc,
            {
                **data,
                "appointments": [
                    (i, a)
                    for i, a in data.get("appointments", [])
                    if (doc.file, "appointments", i) not in skip
                ],
            },
        )
        for doc, data in docs
    ]
    assemble_policies(kept, rs, units, scope, problems)
    return rs


def _register_ids(docs: Docs, names: _Names) -> set[tuple[str, str, int]]:
    """Define every target, rule and policy id in file order (name, then position);
    return the items whose id is taken or reserved, which are left out of the rule set."""
    skip: set[tuple[str, str, int]] = set()
    for doc, data in docs:
        items = [
            (doc.where((section, i, "id")), section, what, i, item.id)
            for section, what in ID_SECTIONS
            for i, item in data.get(section, [])
        ]
        for _pos, section, what, i, name in sorted(items, key=lambda x: x[0]):
            if not names.define("id", what, name, doc, (section, i, "id")):
                skip.add((doc.file, section, i))
    return skip


def _compile_rule(
    r: F.RuleFile,
    path: YamlPath,
    doc: YamlDoc,
    scope: ScopeOf,
    vocab: Vocabulary,
    order: int,
    problems: list[Problem],
) -> Rule:
    line = doc.where(path)[0]
    rule = Rule(
        r.id,
        r.title,
        r.source,
        r.priority,
        order,
        doc.file,
        line,
        effective_from=r.effective_from,
        effective_until=r.effective_until,
    )
    rule.when = compile_condition(r.when, path + ("when",), scope(doc))
    if r.unless is not None:
        rule.unless = compile_condition(r.unless, path + ("unless",), scope(doc))
    then = r.then
    acts = [k for k in ("move", "set_post", "keep") if getattr(then, k) not in (None, False)]
    if len(acts) > 1:
        problems.append(
            doc.problem(
                path + ("then",),
                "bad-action",
                Message("actions-combined", {"rule": r.id, "actions": list(acts)}),
            )
        )
    if not acts and not then.flag:
        problems.append(
            doc.problem(path + ("then",), "bad-action", Message("no-action", {"rule": r.id}))
        )
    if r.effective_from and r.effective_until and r.effective_from > r.effective_until:
        problems.append(
            doc.problem(
                path + ("effective_until",),
                "bad-value",
                Message("effective-order", {"rule": r.id}),
            )
        )

    def term(value: str, p: YamlPath) -> str | None:
        t = vocab.lookup("post").get(value) or vocab.lookup("post").get(str(value).lower())
        if t is None:
            problems.append(
                doc.problem(
                    p, "unknown-term", hint=vocab.hint("post", value), vocab="post", value=value
                )
            )
        return t

    if then.move is not None:
        mp = path + ("then", "move")
        to = compile_condition(then.move.to, mp + ("to",), scope(doc, officer_side=False))
        prefer = tuple(
            compile_condition(p, mp + ("prefer", k), scope(doc, officer_side=False))
            for k, p in enumerate(then.move.prefer)
        )
        post = term(then.move.post, mp + ("post",)) if then.move.post else None
        rule.move = Move(to, prefer, post, json.dumps(then.move.to, sort_keys=True, default=str))
    if then.set_post is not None:
        rule.set_post = term(then.set_post, path + ("then", "set_post"))
    rule.flag = then.flag
    rule.keep = bool(then.keep)
    return rule
