"""Simplified Chinese at the human-facing edge.

The core speaks English: messages, reasons, problem texts. Reports and commands
pass what they show through this module when the language is `zh`:

- `translate(text, lang)` turns a message or a reason the core produces into
  Chinese: an ordered catalogue of `regex → template` for sentences (first full
  match wins; a template slot `{name:conv}` converts its group, e.g. `reason`,
  `field`, `msg` for a nested sentence), then the reason grammar
  (`unit.tier organ; rank deputy_section (副科); age 38 ≤ 40; to PCS-HF: wish 1
  honoured`), then phrase tables (YAML parser and OS messages). Unknown text
  passes through unchanged, and nothing here ever raises.
- `reason(text, lang)` is the same for texts known to be reasons (transfer,
  flag and violation reasons, explain's test lines).
- `label(key, lang)` gives fixed UI strings (headings, column names, panel words),
  `field`, `term`, `code`, `action` the words for identifiers shown to people.

Machine formats (JSON, CSV, XLSX) never pass through here. Identifiers stay as
they are: rule ids, unit ids, problem codes, file:line:col, quoted user values.
This module imports nothing heavy: `placement --help` uses it.
"""

from __future__ import annotations

import re

from placement.i18n.catalogue import CATALOGUE, CONVERTERS
from placement.i18n.help import HELP_ZH, OPTION_ZH, SHORT_ZH, TEXT_ZH, option_help
from placement.i18n.labels import LABELS, action, boolean, code, field, label, term, word
from placement.i18n.reasons import _reason, _value
from placement.i18n.words import CODES, COVERAGE, DECISIONS, PHRASES, STATUS, TRUTH
from placement.messages.registry import Message

__all__ = [
    "CODES",
    "COVERAGE",
    "DECISIONS",
    "HELP_ZH",
    "LABELS",
    "OPTION_ZH",
    "SHORT_ZH",
    "STATUS",
    "TEXT_ZH",
    "TRUTH",
    "action",
    "boolean",
    "code",
    "field",
    "happened",
    "label",
    "option_help",
    "problem_message",
    "reason",
    "render_problem",
    "term",
    "translate",
    "word",
]

_compiled: list[tuple[re.Pattern, str]] | None = None
_HINT = re.compile(
    r"(?P<m>.+) \((?P<h>did you mean .+\?|known terms: .+|use eq or in|use contains)\)", re.S
)
_SLOT = re.compile(r"\{([a-z0-9_]+)(?::([a-z]+))?\}")


def _catalogue() -> list[tuple[re.Pattern, str]]:
    global _compiled
    if _compiled is None:
        _compiled = [(re.compile(p, re.S), t) for p, t, _ex in CATALOGUE]
    return _compiled


def _fill(template: str, m: re.Match) -> str:
    code_ = m.groupdict().get("c") or ""

    def slot(s: re.Match) -> str:
        value = m.group(s[1])
        if value is None:
            value = ""
        conv = s[2]
        if conv == "problem":
            return _problem_text(code_, value)
        return CONVERTERS[conv](value) if conv else value

    out = _SLOT.sub(slot, template)
    return out.replace(" ：", "：")


def _problem_text(code_: str, message: str) -> str:
    """`message (hint)` of a rendered problem: a bare name gets its Chinese lead."""
    h = _HINT.fullmatch(message)
    base, hint = (h["m"], h["h"]) if h else (message, "")
    out = _BARE[code_].format(base) if code_ in _BARE and " " not in base else _tr(base)
    return out + (f"（{_tr(hint)}）" if hint else "")


def _phrases(text: str) -> str:
    out = text
    for en in sorted(PHRASES, key=len, reverse=True):
        if en in out:
            out = out.replace(en, PHRASES[en])
    return out


def _tr(text: str) -> str:
    if not text:
        return text
    for rx, tpl in _catalogue():
        m = rx.fullmatch(text)
        if m:
            return _fill(tpl, m)
    r = _reason(text, strict=True)
    if r is not None:
        return r
    return _phrases(text)


def _happened_part(p: str) -> str:
    m = re.fullmatch(r"(\S+): (\S+) → (\S+) \((\S+) → (\S+)\)", p)
    if m:
        return f"{m[1]}：{m[2]} → {m[3]}（{_value(m[4])} → {_value(m[5])}）"
    m = re.fullmatch(r"flag (\S+) \((\S+)\)", p)
    if m:
        return f"标记 {CODES.get(m[1], m[1])}（{m[2]}）"
    m = re.fullmatch(r"([a-z_]+)(?: (\S+))?", p)
    if m and m[1] in CODES:
        return CODES[m[1]] + (f" {m[2]}" if m[2] else "")
    return _tr(p)


def translate(text, lang: str = "zh") -> str:
    """An English message or reason of the core, in Chinese when lang is zh; else unchanged."""
    if isinstance(text, Message):
        return text.text(lang)
    if lang != "zh" or text is None:
        return "" if text is None else text
    text = str(text)
    try:
        return _tr(text)
    except Exception:  # never fail a report for a translation
        return text


def reason(text, lang: str = "zh") -> str:
    """A reason (facts; to UNIT: how; merges) in Chinese when lang is zh."""
    if isinstance(text, Message):
        return text.text(lang)
    if lang != "zh" or text is None:
        return "" if text is None else text
    text = str(text)
    try:
        return _reason(text) or text
    except Exception:
        return text


def happened(text, lang: str = "zh") -> str:
    """A rule test's 'happened' summary ('a: BGS → P1 (officer → officer); flag x (r)')."""
    if lang != "zh" or not text:
        return text or ""
    try:
        return "无需处理" if text == "no action" else CONVERTERS["parts"](str(text))
    except Exception:
        return text


_BARE = {"unknown-field": "未知字段 {}", "unknown-constant": "未知常量 {}"}


def problem_message(code_: str, message, lang: str = "zh") -> str:
    """A Problem's message: bare names (unknown-field: agee) get a Chinese lead."""
    if isinstance(message, Message):
        return message.text(lang)
    if lang != "zh":
        return message
    if code_ in _BARE and " " not in message:
        return _BARE[code_].format(message)
    return translate(message, lang)


def render_problem(p, lang: str = "en", warning: bool = False) -> str:
    """`file:line:col: code: message (hint)`, the message and hint in Chinese for zh."""
    if lang != "zh":
        text = p.render()
        return text.replace(f": {p.code}:", f": warning: {p.code}:", 1) if warning else text
    where = p.file
    if p.line:
        where += f":{p.line}"
        if p.col:
            where += f":{p.col}"
    lead = f"{where}: {label('warning', lang)}: " if warning else f"{where}: "
    text = f"{lead}{p.code}: {problem_message(p.code, p.message, lang)}"
    if p.hint:
        text += f"（{translate(p.hint, lang)}）"
    return text
