"""The grammar of reasons: rule facts and placement choices, in Chinese."""

from __future__ import annotations

import re

from placement.i18n.words import _TERMS, FIELDS, SEX, UNIT_FIELDS, VALUES, simplified

# --- reasons ------------------------------------------------------------------------


def _field(f: str) -> str:
    if f in FIELDS:
        return FIELDS[f]
    if f.startswith("unit.") and f[5:] in UNIT_FIELDS:
        return UNIT_FIELDS[f[5:]]
    return UNIT_FIELDS.get(f, f)


def _known_field(f: str) -> bool:
    return (
        f in FIELDS or (f.startswith("unit.") and f[5:] in UNIT_FIELDS) or f.startswith("$officer.")
    )


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


_HOW = [
    (re.compile(r"wish (\d+) honoured"), "满足第 {} 志愿"),
    (re.compile(r"preference (\d+) met"), "符合第 {} 项优先条件"),
    (re.compile(r"even fill"), "均衡分配"),
]
_FACT = re.compile(r"(\$?[A-Za-z_][\w.]*) (.+)", re.S)
_CONTAINS = re.compile(r"(does not contain|contains) (.+)", re.S)
_IN = re.compile(r"(.+?) (not in|in) \[(.*)\]", re.S)
_CMP = re.compile(r"(.+?) ([=≠<≤>≥]) (.+)", re.S)
_STATE = {"empty": "为空", "given": "已填写", "unknown": "未知"}


def _how(text: str) -> str | None:
    for rx, tpl in _HOW:
        m = rx.fullmatch(text)
        if m:
            return tpl.format(*m.groups())
    return None


def _piece(p: str, strict: bool) -> str | None:
    if p == "":
        return ""
    if p == "always":
        return "无条件"
    if p == "pinned by a manual decision":
        return "按人工决定"
    m = re.fullmatch(r"(\S+) merged into (\S+)", p)
    if m:
        return f"{m[1]} 并入 {m[2]}"
    m = re.fullmatch(r"to (\S+): (.+)", p, re.S)
    if m:
        how = _how(m[2])
        if how is not None or not strict:
            return f"调往 {m[1]}：{how or m[2]}"
    m = _FACT.fullmatch(p)
    if not m or (strict and not _known_field(m[1])):
        return None
    f, rest = m[1], m[2]
    fz = _value(f) if f.startswith("$officer.") else _field(f)
    if rest in _STATE:
        return fz + _STATE[rest]
    m = _CONTAINS.fullmatch(rest)
    if m:
        return f"{fz}{'不包含' if m[1] != 'contains' else '包含'} {_value(m[2], f)}"
    m = _IN.fullmatch(rest)
    if m:
        return f"{fz} {_value(m[1], f)} {'不属于' if m[2] == 'not in' else '属于'} {_value('[' + m[3] + ']', f)}"
    m = _CMP.fullmatch(rest)
    if m:
        return f"{fz} {_value(m[1], f)} {m[2]} {_value(m[3], f)}"
    if strict and " " in rest and not _LABELLED.fullmatch(rest):
        return None
    return f"{fz}：{_value(rest, f)}"


def _reason(text: str, strict: bool = False) -> str | None:
    suffix = ""
    m = re.fullmatch(r"(.*) \(after (\S+) merged into (\S+)\)", text, re.S)
    if m:
        text, suffix = m[1], f"（{m[2]} 并入 {m[3]} 后）"
    out = []
    for p in text.split("; "):
        z = _piece(p, strict)
        if z is None:
            if strict:
                return None
            z = p
        out.append(z)
    return "；".join(out) + suffix
