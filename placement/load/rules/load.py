"""Load a rule set from a folder or files: parse, shape-check, type-check, compile."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from pathlib import Path

from pydantic import ValidationError

from placement.load.pyderr import problems_from
from placement.load.rules import files as F
from placement.load.rules.appointments import AppointmentFile, assemble_policies
from placement.load.rules.conditions import Scope, compile_condition
from placement.load.rules.model import Allowance, Move, Rule, RuleSet, Target
from placement.load.schema import DERIVED_FIELDS, EXTRA_TYPES, ROSTER_FIELDS, UNIT_FIELDS, FieldType
from placement.load.units import Units
from placement.load.vocab import Vocabulary
from placement.load.yamlsafe import YamlDoc, load_yaml
from placement.messages.registry import Message
from placement.problems import InputError, Problem, did_you_mean, problem


def rule_files(paths: Sequence[str | Path]) -> list[Path]:
    """The YAML files named, folders expanded; ordered by file name."""
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


def load_ruleset(paths: list[str | Path], units: Units | None) -> RuleSet:
    """Load and check; raise InputError with every error found."""
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
    docs: list[tuple[YamlDoc, dict]] = []
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
        docs.append((doc, _shape(doc, problems)))
    rs = _assemble(docs, units, problems)
    rs.sha256 = digest.hexdigest()
    rs.files = [d.file for d, _ in docs]
    return rs, problems


def _shape(doc: YamlDoc, problems: list) -> dict:
    """Validate the file's shape item by item, so one bad rule hides no other problem."""
    data = dict(doc.data)
    out: dict = {}
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
    items = {
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
        for k in F.SINGLE_KEYS:
            if getattr(head, k) is not None:
                out[k] = getattr(head, k)
    except ValidationError as e:
        problems += problems_from(e, doc, (), known)
    return out


def _assemble(docs, units: Units | None, problems: list) -> RuleSet:
    single: dict = {}
    for doc, data in docs:
        for k in F.SINGLE_KEYS:
            if k in data:
                if k in single:
                    problems.append(
                        doc.problem(
                            (k,), "duplicate-section", key=True, name=k, file=single[k][0].file
                        )
                    )
                else:
                    single[k] = (doc, data[k])
    vocab = Vocabulary()
    if "vocab" in single:
        doc, v = single["vocab"]
        for kind, terms in v.items():
            for term, aliases in terms.items():
                vocab.extend(kind, term, aliases)
    fields: dict[str, FieldType] = {n: t for n, (t, _r, _a) in ROSTER_FIELDS.items()}
    fields.update(DERIVED_FIELDS)
    fields.update({f"unit.{n}": t for n, t in UNIT_FIELDS.items()})
    extras: dict = {}
    if "fields" in single:
        doc, decl = single["fields"]
        for name, d in decl.items():
            if name in fields or name.startswith("unit."):
                problems.append(
                    doc.problem(("fields", name), "duplicate-field", key=True, name=name)
                )
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
    constants = single.get("constants", (None, {}))[1]
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

    def scope(doc, officer_side=True):
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

    if "targets" in single:
        doc, targets = single["targets"]
        for i, t in targets:
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
    if "allowances" in single:
        doc, allowances = single["allowances"]
        for i, a in allowances:
            rs.allowances.append(
                Allowance(
                    compile_condition(a.where, ("allowances", i, "where"), scope(doc)),
                    a.amount,
                    a.title,
                )
            )
    seen: dict[str, Rule] = {}
    order = 0
    for doc, data in docs:
        for i, r in data.get("rules", []):
            path = ("rules", i)
            rule = _compile_rule(r, path, doc, scope, vocab, order, problems)
            order += 1
            if r.id in seen:
                first = seen[r.id]
                problems.append(
                    doc.problem(
                        path + ("id",),
                        "duplicate-rule",
                        rule=r.id,
                        where=f"{first.file}:{first.line}",
                    )
                )
                continue
            seen[r.id] = rule
            rs.rules.append(rule)
        for i, t in data.get("tests", []):
            rs.tests.append((doc, i, t))
        for i, raw in data.get("broken_rules", []):
            # the rule's shape is wrong; still type-check its conditions, so every error shows
            for part in ("when", "unless"):
                if isinstance(raw.get(part), (dict, list)):
                    compile_condition(raw[part], ("rules", i, part), scope(doc))
    assemble_policies(docs, rs, units, scope, problems)
    return rs


def _compile_rule(
    r: F.RuleFile, path, doc: YamlDoc, scope, vocab: Vocabulary, order, problems
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

    def term(value, p):
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
