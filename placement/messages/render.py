"""Render a declared code's template in one language.

`render(code, fields, lang)` fills the code's `en` or `zh` template. A slot
`{name:conv}` passes the field through a converter: in English most converters
show the value as it is, in Chinese they give the Chinese word for an
identifier (a roster field, a vocabulary term, a code). Nothing here raises for
a well-formed declaration; the registry test proves every declaration is.
"""

from __future__ import annotations

import string
from collections.abc import Callable, Mapping

from placement.messages.registry import REGISTRY

Converter = Callable[[object], str]


def _field_zh(v: object) -> str:
    from placement.i18n.labels import field

    return field(str(v), "zh")


def _term_zh(v: object) -> str:
    from placement.i18n.labels import term

    return term(str(v), "zh")


def _code_zh(v: object) -> str:
    from placement.i18n.labels import code

    return code(str(v), "zh")


def _nested(lang: str) -> Converter:
    def conv(v: object) -> str:
        from placement.messages.registry import Message

        return v.text(lang) if isinstance(v, Message) else str(v)

    return conv


def _join(sep: str) -> Converter:
    def conv(v: object) -> str:
        if isinstance(v, list | tuple):
            return sep.join(str(x) for x in v)
        return str(v)

    return conv


CONVERTERS: dict[str, dict[str, Converter]] = {
    "en": {
        "field": str,
        "term": str,
        "code": str,
        "msg": _nested("en"),
        "list": _join(", "),
    },
    "zh": {
        "field": _field_zh,
        "term": _term_zh,
        "code": _code_zh,
        "msg": _nested("zh"),
        "list": _join("、"),
    },
}


class _Formatter(string.Formatter):
    def __init__(self, lang: str) -> None:
        self.convs = CONVERTERS[lang]

    def format_field(self, value: object, format_spec: str) -> str:
        if format_spec in self.convs:
            return self.convs[format_spec](value)
        return super().format_field(value, format_spec)


def render(code: str, fields: Mapping[str, object], lang: str = "en") -> str:
    """The code's template in `lang` filled with `fields`. KeyError for an undeclared code."""
    entry = REGISTRY[code]
    template = entry.zh if lang == "zh" else entry.en
    return _Formatter("zh" if lang == "zh" else "en").vformat(template, (), dict(fields))


def template_fields(template: str) -> set[str]:
    """The field names a template's slots use."""
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}
