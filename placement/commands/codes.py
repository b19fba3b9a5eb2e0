"""`placement codes [CODE]`: the registry of codes as a document (like `ruff rule`)."""

from __future__ import annotations

from placement.messages import REGISTRY
from placement.messages.registry import Code, example_fields
from placement.problems import Exit, closest


def code_entry(entry: Code, lang: str = "en") -> dict:
    """One code as a document: code, kind, severity, summary, an example message, the fix
    (the texts in `lang`, 'en' or 'zh')."""
    zh = lang == "zh"
    return {
        "code": entry.code,
        "kind": str(entry.kind),
        "severity": str(entry.severity),
        "summary": entry.summary_zh if zh else entry.summary,
        "example": entry_example(entry, lang),
        "fix": (entry.fix_zh if zh else entry.fix) or "",
    }


def entry_example(entry: Code, lang: str) -> str:
    """The code's message rendered from its declared `example` fields, in `lang` (en, zh)."""
    from placement.messages import render

    return render(entry.code, example_fields(entry), lang)


def codes(code: str | None = None, lang: str = "en") -> tuple[dict, int]:
    """The document of every code (or of `code`) and the exit code.

    Returns ({"codes": [entry, ...]}, 0); for an unknown `code`,
    ({"codes": [], "unknown": code, "did_you_mean": [...]}, 2)."""
    if code is None:
        return {"codes": [code_entry(REGISTRY[c], lang) for c in sorted(REGISTRY)]}, Exit.OK
    if code not in REGISTRY:
        return {"codes": [], "unknown": code, "did_you_mean": closest(code, REGISTRY)}, (
            Exit.BAD_INPUT
        )
    return {"codes": [code_entry(REGISTRY[code], lang)]}, Exit.OK
