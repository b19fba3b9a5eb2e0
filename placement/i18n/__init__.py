"""Simplified Chinese at the human-facing edge.

The core speaks English: messages, reasons, problem texts. Reports and commands
pass what they show through this module when the language is `zh`:

- `translate(m, lang)` renders a `Message` (a declared code and its fields, see
  `placement.messages`) in the language; any other text is returned as it is:
  no finished English sentence is ever translated.
- `reason(text, lang)` renders a reason: a `Message` (explain's facts) or a
  `messages.rows.Said` in the language; plain text as it is. The Chinese reasons of
  transfers, flags and violations are made from data (`messages.rows.Rows`), never by
  reading the English.
- `label(key, lang)` gives fixed UI strings (headings, column names, panel words),
  `field`, `term`, `code`, `action` the words for identifiers shown to people.

Machine formats (JSON, CSV, XLSX) never pass through here. Identifiers stay as
they are: rule ids, unit ids, problem codes, file:line:col, quoted user values.
This module imports nothing heavy: `placement --help` uses it.
"""

from __future__ import annotations

from placement.i18n.help import HELP_ZH, OPTION_ZH, SHORT_ZH, TEXT_ZH, option_help
from placement.i18n.labels import LABELS, action, boolean, code, field, label, term, word
from placement.i18n.words import CODES, COVERAGE, DECISIONS, STATUS, TRUTH
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
    "label",
    "option_help",
    "problem_message",
    "reason",
    "render_problem",
    "term",
    "translate",
    "word",
]


def translate(text, lang: str = "zh") -> str:
    """A Message in `lang`. Any other text (a user's value, a message read back from a plan
    JSON file) is shown as it is: no finished sentence is ever translated."""
    if isinstance(text, Message):
        return text.text(lang)
    return "" if text is None else str(text)


def reason(text, lang: str = "zh") -> str:
    """A reason in `lang`: a Message or a `Said` rendered in it; any other text (a reason read
    back from a plan file) is shown as it is: no finished sentence is translated."""
    from placement.messages.rows import Said

    if isinstance(text, Message):
        return text.text(lang)
    if isinstance(text, Said):
        return text.zh() if lang == "zh" else text.en
    return "" if text is None else str(text)


def problem_message(code_: str, message, lang: str = "zh") -> str:
    """A Problem's message in `lang` (a Message; any other text is shown as it is)."""
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
