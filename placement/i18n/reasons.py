"""Field names and values as reasons show them in Chinese (the `fval`/`flist`/`field`
converters of the registry): a field's Chinese name, a shown value's Chinese word.

The Chinese reasons themselves are made from data (evaluate/facts_zh.py,
place/reasons_zh.py, messages/rows.py); nothing here reads a finished English sentence."""

from __future__ import annotations

import re

from placement.i18n.words import _TERMS, FIELDS, SEX, UNIT_FIELDS, VALUES, simplified


def _field(f: str) -> str:
    if f in FIELDS:
        return FIELDS[f]
    if f.startswith("unit.") and f[5:] in UNIT_FIELDS:
        return UNIT_FIELDS[f[5:]]
    return UNIT_FIELDS.get(f, f)


def _split_list(text: str) -> list[str]:
    out, depth, cur = [], 0, ""
    for ch in text:
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth -= 1
        if ch == "," and depth == 0:
            out.append(cur.strip())
            cur = ""
            continue
        cur += ch
    if cur.strip():
        out.append(cur.strip())
    return out


_LABELLED = re.compile(r"([A-Za-z_]\w*) \((.+)\)", re.S)
_OFFICER_REF = re.compile(r"\$officer\.(\S+?)(?: \((.*)\))?", re.S)


def _value(v: str, f: str | None = None) -> str:
    """A value in a reason: vocabulary labels and enum values in Chinese, data as it is."""
    v = v.strip()
    m = _OFFICER_REF.fullmatch(v)
    if m:
        inner = f"（{_value(m[2], m[1])}）" if m[2] is not None else ""
        return "本人" + _field(m[1]) + inner
    if v.startswith("[") and v.endswith("]"):
        items = _split_list(v[1:-1])
        shown = [_value(x, f) for x in items]
        return "[" + ("、".join(shown) if shown != items else ", ".join(items)) + "]"
    m = _LABELLED.fullmatch(v)
    if m and (m[1] in _TERMS or re.fullmatch(r"[a-z][a-z0-9_]*", m[1])):
        return _TERMS.get(m[1]) or simplified(m[2])
    if f == "sex" and v in SEX:
        return SEX[v]
    return _TERMS.get(v) or VALUES.get(v) or v
