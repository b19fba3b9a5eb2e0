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
from typing import cast

from placement.messages.registry import REGISTRY

Converter = Callable[[object], str]


def _lazy(module: str, name: str) -> Converter:
    """A zh converter from the i18n package, imported when first used (help stays light)."""

    def conv(v: object) -> str:
        import importlib

        text: str = getattr(importlib.import_module(module), name)(v)
        return text

    return conv


def _words(name: str) -> Callable[[], dict[str, str]]:
    def table() -> dict[str, str]:
        from placement.i18n import words

        found: dict[str, str] = getattr(words, name)
        return found

    return table


def _word(name: str) -> Converter:
    get = _words(name)
    return lambda v: get().get(str(v), str(v))


def _word_of(table: dict[str, str]) -> Converter:
    return lambda v: table.get(str(v), str(v))


def _nested(lang: str) -> Converter:
    def conv(v: object) -> str:
        from placement.messages.registry import Message

        return v.text(lang) if isinstance(v, Message) else str(v)

    return conv


def _join(sep: str, item: Callable[[object], str] = str) -> Converter:
    def conv(v: object) -> str:
        if isinstance(v, list | tuple):
            return sep.join(item(x) for x in v)
        return item(v)

    return conv


def _field_zh(v: object) -> str:
    from placement.i18n.reasons import _field

    return _field(str(v))


def _value_zh(v: object) -> str:
    from placement.i18n.reasons import _value

    return _value(str(v))


def _reason_zh(v: object) -> str:
    """A reason in Chinese: a `rows.Said` makes it from data; any other text (a message read
    back from a file) is shown as it is."""
    from placement.messages.registry import Message
    from placement.messages.rows import Said

    if isinstance(v, Message):
        return v.text("zh")
    return v.zh() if isinstance(v, Said) else str(v)


def _fval(lang: str) -> Converter:
    """(field, shown value) → the value; in zh a term or enum value in Chinese."""

    def conv(v: object) -> str:
        f, shown = cast(tuple[object, object], v)
        if lang != "zh":
            return str(shown)
        from placement.i18n.reasons import _value

        return _value(str(shown), str(f))

    return conv


def _flist(lang: str) -> Converter:
    """(field, [shown, ...]) → `[a, b]`; in zh the items in Chinese joined by 、 (when any is
    a term or an enum value), else as they are."""

    def conv(v: object) -> str:
        f, given = cast(tuple[object, list[object]], v)
        items = [str(x) for x in given]
        if lang != "zh":
            return "[" + ", ".join(items) + "]"
        from placement.i18n.reasons import _value

        shown = [_value(x, str(f)) for x in items]
        return "[" + ("、".join(shown) if shown != items else ", ".join(items)) + "]"

    return conv


_STATES = {"empty": "为空", "given": "已填写", "unknown": "未知"}


def _subject(lang: str) -> Converter:
    """'rule a' → 'rule a: ' / '规则 a：' (a prefix naming what a message is about)."""

    def conv(v: object) -> str:
        if not v:
            return ""
        if lang != "zh":
            return f"{v}: "
        kind, _, rest = str(v).partition(" ")
        kind = _KINDS.get(kind, kind)
        return f"{kind} {rest}：" if rest else f"{kind}："

    return conv


_KINDS = {
    "rule": "规则",
    "unit": "单位",
    "pin": "人工决定",
    "target": "目标",
    "test": "测试",
    "allowance": "津贴",
    "field": "字段",
}


def _loc(lang: str) -> Converter:
    """A key path inside the item: 'priority: ' / '`priority`：'."""

    def conv(v: object) -> str:
        if not v:
            return ""
        return f"`{v}`：" if lang == "zh" else f"{v}: "

    return conv


def _flag(en: str, zh: str, lang: str) -> Converter:
    return lambda v: (zh if lang == "zh" else en) if v else ""


def _share(lang: str) -> Converter:
    def conv(v: object) -> str:
        if v is None:
            return "无可计人员" if lang == "zh" else "no officers counted"
        return f"{v:.1%}" if isinstance(v, int | float) else str(v)

    return conv


def _columns(lang: str) -> Converter:
    """[(field, aliases)] of missing columns."""

    def conv(v: object) -> str:
        pairs = list(v)  # type: ignore[call-overload]
        if lang == "zh":
            return "；".join(f"{_field_zh(n)}（`{n}`）" for n, _a in pairs)
        return "; ".join(f"{n} ({a})" for n, a in pairs)

    return conv


def _quoted_or(sep: str) -> Converter:
    return lambda v: sep.join(f"'{x}'" for x in v)  # type: ignore[attr-defined]


def _ident(x: object) -> str:
    return f"`{x}`"


def _converters(lang: str) -> dict[str, Converter]:
    zh = lang == "zh"
    same: Converter = str
    return {
        "field": _field_zh if zh else same,
        "fields": _join("、", _field_zh) if zh else _join(", "),
        "term": _lazy("placement.i18n.labels", "term") if zh else same,
        "val": _value_zh if zh else same,
        "vals": _join("、", _value_zh) if zh else _join(", "),
        "code": _word("CODES") if zh else same,
        "tname": _word("TYPE_NAMES") if zh else same,
        "acts": _join("与", _word("ACTIONS")) if zh else _join(" and "),
        "msg": _nested(lang),
        "msgs": _join("；" if zh else "; ", _nested(lang)),
        "items": _join("、" if zh else ", ", _nested(lang)),
        "sp": lambda v: f" {v}" if v else "",
        "list": _join("、") if zh else _join(", "),
        "list_en": _join(", "),
        "or": _quoted_or(" 或 " if zh else " or "),
        "idents": _join("、", _ident) if zh else _join(", "),
        "slashed": _join("/", _ident) if zh else _join("/"),
        "arrows": _join(" -> "),
        "columns": _columns(lang),
        "subject": _subject(lang),
        "loc": _loc(lang),
        "reason": _reason_zh if zh else same,
        "share": _share(lang),
        "fval": _fval(lang),
        "flist": _flist(lang),
        "state": _word_of(_STATES) if zh else same,
        "not_in": (lambda v: "不属于" if v else "属于")
        if zh
        else (lambda v: "not in" if v else "in"),
        "after": _flag(" after the plan", "方案执行后", lang),
        "more": _flag(" ...", " 等", lang),
        "dates": _flag(" (dates are YYYY-MM-DD)", "（日期格式为 YYYY-MM-DD）", lang),
        "tabs": _flag(
            " (use spaces for indentation, not tabs)", "（缩进请用空格，不要用制表符）", lang
        ),
        "os": _lazy("placement.i18n.library", "os_error") if zh else same,
        "yaml": _lazy("placement.i18n.library", "phrases") if zh else same,
        "json": _lazy("placement.i18n.library", "json_error") if zh else same,
        "library": _lazy("placement.i18n.library", "library") if zh else same,
        "pydantic": _lazy("placement.i18n.library", "pydantic_message") if zh else same,
        "pydantic_report": _lazy("placement.i18n.library", "pydantic_report") if zh else same,
    }


CONVERTERS: dict[str, dict[str, Converter]] = {"en": _converters("en"), "zh": _converters("zh")}


class _Formatter(string.Formatter):
    def __init__(self, lang: str) -> None:
        self.convs: dict[str, Converter] = CONVERTERS[lang]

    def format_field(self, value: object, format_spec: str) -> str:
        if format_spec in self.convs:
            return self.convs[format_spec](value)
        text: str = super().format_field(value, format_spec)
        return text


_FORMATTERS = {lang: _Formatter(lang) for lang in CONVERTERS}


def render(code: str, fields: Mapping[str, object], lang: str = "en") -> str:
    """The code's template in `lang` filled with `fields`. KeyError for an undeclared code."""
    entry = REGISTRY[code]
    template = entry.zh if lang == "zh" else entry.en
    return _FORMATTERS["zh" if lang == "zh" else "en"].vformat(template, (), dict(fields))


def template_fields(template: str) -> set[str]:
    """The field names a template's slots use."""
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}
