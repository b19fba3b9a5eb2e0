"""The registry of codes: every problem and exception code, declared once.

A `Code` is the declaration (as mypy's `errorcodes.py`): the code, its kind and
severity, a one-line summary, an English and a Chinese template with named
fields, an example of those fields and the fix. The core never writes a finished
sentence: it raises and collects `Message(code, fields)` values (inside
`Problem`s and plan exceptions) and the edge renders them with `render(code,
fields, lang)`. `placement codes [CODE]` lists the registry; a test checks
that every code the core uses is declared and that both templates use the same
fields.

Templates use `str.format` slots: `{name}` for a field, `{name:conv}` for a field
shown through a converter of `placement.messages.render` (e.g. `field` gives a
roster field's Chinese name in zh, `term` a vocabulary term's).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum


class Kind(StrEnum):
    """Where a code appears."""

    PROBLEM = (
        "problem"  # a problem in an input file: file:line:col, stops the command when an error
    )
    EXCEPTION = "exception"  # an entry of the plan's `exceptions`: something a person must decide
    NOTE = "note"  # a sentence the reports show (a reason, a status line)


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@dataclass(frozen=True)
class Code:
    """One declared code. `en` and `zh` are templates over the same named fields."""

    code: str
    kind: Kind
    severity: Severity
    summary: str
    summary_zh: str
    en: str
    zh: str
    example: Mapping[str, object] = field(default_factory=dict)
    fix: str = ""
    fix_zh: str = ""


REGISTRY: dict[str, Code] = {}


def define(
    code: str,
    kind: Kind,
    severity: Severity,
    *,
    summary: str,
    summary_zh: str,
    en: str,
    zh: str,
    example: Mapping[str, object] | None = None,
    fix: str = "",
    fix_zh: str = "",
) -> Code:
    """Declare a code once; a second declaration of the same code raises ValueError."""
    if code in REGISTRY:
        raise ValueError(f"code {code!r} is declared twice")
    entry = Code(
        code, kind, severity, summary, summary_zh, en, zh, dict(example or {}), fix, fix_zh
    )
    REGISTRY[code] = entry
    return entry


def group(
    code: str,
    summary: str,
    summary_zh: str,
    member: str,
    *,
    kind: Kind = Kind.PROBLEM,
    severity: Severity = Severity.ERROR,
) -> Code:
    """Declare a problem code that several sentences share: a Problem shows `code`, its
    message is one of the sentences (each a code of its own). The template renders the
    message given as the field `detail`; `member` (declared before) is the example."""
    return define(
        code,
        kind,
        severity,
        summary=summary,
        summary_zh=summary_zh,
        en="{detail:msg}",
        zh="{detail:msg}",
        example={"detail": (member, REGISTRY[member].example)},
    )


def example_fields(entry: Code) -> dict[str, object]:
    """The example's fields with nested examples, written `(code, fields)`, made Messages."""

    def value(v: object) -> object:
        if (
            isinstance(v, tuple)
            and len(v) == 2
            and isinstance(v[0], str)
            and isinstance(v[1], Mapping)
        ):
            return Message(v[0], {k: value(x) for k, x in v[1].items()})
        if isinstance(v, list):
            return [value(x) for x in v]
        return v

    return {k: value(v) for k, v in entry.example.items()}


@dataclass(frozen=True, eq=True)
class Message:
    """A message as a value: a declared code and the fields its templates name.

    It stands wherever a message string stood: `str(m)` is the English text (what
    JSON and CSV carry), it orders and hashes by that text, and the human-facing
    edge calls `m.text(lang)` (or `i18n.translate(m, lang)`) for its language.
    """

    code: str
    fields: Mapping[str, object] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.code not in REGISTRY:
            raise KeyError(
                f"message code {self.code!r} is not declared in placement/messages/catalog"
            )

    def text(self, lang: str = "en") -> str:
        """The message in `lang` ('en' or 'zh'), rendered from the code's template."""
        from placement.messages.render import render

        return render(self.code, self.fields, lang)

    def __str__(self) -> str:
        return self.text("en")

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Message):
            return self.code == other.code and dict(self.fields) == dict(other.fields)
        if isinstance(other, str):  # it stands where a string stood
            return str(self) == other
        return NotImplemented

    def __hash__(self) -> int:
        return hash(str(self))

    def __contains__(self, text: str) -> bool:
        return text in str(self)

    def __lt__(self, other: object) -> bool:
        return str(self) < str(other)

    def __gt__(self, other: object) -> bool:
        return str(self) > str(other)
