"""Pydantic validation errors as located problems (path → file:line:col)."""

from __future__ import annotations

from pydantic import ValidationError

from placement.load.yamlsafe import YamlDoc
from placement.messages.registry import Message
from placement.problems import Problem, did_you_mean


def problems_from(
    err: ValidationError,
    doc: YamlDoc,
    base: tuple = (),
    known: list[str] | None = None,
    what: str = "",
) -> list[Problem]:
    """One problem per pydantic error, located through the YAML positions.

    `known` names the valid keys, for a did-you-mean hint on an unknown key;
    `what` prefixes each message (e.g. "unit PCS-HF").
    """
    out = []
    for e in err.errors():
        rel = tuple(x for x in e["loc"] if not _is_union_tag(x))
        loc = base + rel
        kind = e["type"]
        if kind == "extra_forbidden":
            key = rel[-1]
            hint = did_you_mean(str(key), known) if known else ""
            out.append(doc.problem(loc, "unknown-key", hint=hint, key=True, what=what, name=key))
        elif kind == "missing":
            out.append(doc.problem(loc[:-1], "missing-key", what=what, name=rel[-1]))
        else:
            got = e.get("input")
            shown = repr(got) if not isinstance(got, (dict, list)) else type(got).__name__
            where = ".".join(str(x) for x in rel)
            detail = f"{e['msg'][0].lower()}{e['msg'][1:]}"
            fields = {"what": what, "where": where, "detail": detail, "got": shown}
            out.append(doc.problem(loc, "bad-value", Message("schema-value", fields)))
    return out


def _is_union_tag(x: str | int) -> bool:
    # pydantic puts union members and validator names into loc; they are not YAML keys
    return isinstance(x, str) and ("[" in x or x.startswith("function-"))
