"""The committee report: one self-contained HTML page (inline CSS and SVG, no requests).

`render_html(doc, lang, ages)` turns a plan document (SPEC §4) into a page to be read
on screen or printed on A4. Every text from the inputs is escaped, and resident ID
numbers inside it are masked (`110105********1234`).
"""

from __future__ import annotations

import html
from collections import Counter

from placement.load.vocab import POST
from placement.messages.rows import reasons_of
from placement.report.html_text import CODES_ZH, CSS, LABELS
from placement.report.mask import mask
from placement.report.svg import age_bars, unit_bars


def esc(value) -> str:
    return html.escape(mask("" if value is None else value))


def _pct(v) -> str:
    return "—" if v is None else f"{v:.1%}"


def _code(code: str, lang: str) -> str:
    if lang == "zh" and code in CODES_ZH:
        return f'{esc(CODES_ZH[code])} <span class="id">{esc(code)}</span>'
    return f'<span class="mono">{esc(code)}</span>'


def _post(post, lang: str) -> str:
    aliases = POST.get(post or "")
    if lang == "zh" and aliases:
        return esc(aliases[1] if len(aliases) > 1 else aliases[0])
    return esc(str(post or "").replace("_", " "))


def _message(text, lang: str):
    if lang != "zh" or not text:
        return text
    from placement.i18n import translate

    return translate(text, lang)


def _field(name, lang: str):
    if lang != "zh" or not name:
        return name
    from placement.i18n import field

    return field(name, lang)


def _table(head: list[str], rows: list[list[str]], cls: str = "", widths: str = "") -> str:
    """cls: one class per column, comma-separated ("n" numeric, "nw" no wrap); widths in %."""
    cols = "".join(f'<col style="width:{w}%">' for w in widths.split(",")) if widths else ""
    kinds = [f' class="{c}"' if c else "" for c in cls.split(",")] + [""] * len(head)
    cells = "".join(f"<th{kinds[i]}>{h}</th>" for i, h in enumerate(head))
    body = "".join(
        "<tr>" + "".join(f"<td{kinds[i]}>{c}</td>" for i, c in enumerate(r)) + "</tr>" for r in rows
    )
    fixed = ' class="fixed"' if widths else ""
    return (
        f"<table{fixed}><colgroup>{cols}</colgroup><thead><tr>{cells}</tr></thead>"
        f"<tbody>{body}</tbody></table>"
    )


def _merges(doc: dict) -> dict[str, str]:
    """Dissolved unit → the unit that absorbed it (from the units or the merge rows)."""
    found: dict[str, Counter] = {}
    for t in doc.get("transfers", []):
        if t.get("rule_id") == "unit_merge":
            found.setdefault(t["from_unit"], Counter())[t["to_unit"]] += 1
    merged = {k: c.most_common(1)[0][0] for k, c in found.items()}
    merged.update(
        {u["unit_id"]: u["merged_into"] for u in doc.get("units", []) if u.get("merged_into")}
    )
    return merged


def _header(doc: dict, L: dict) -> str:
    inp = doc.get("inputs") or {}
    parts = []
    roster = inp.get("roster") or {}
    if roster:
        parts.append(
            f"{esc(roster.get('path') or '')} ({esc(roster.get('rows'))} {L['rows']}, "
            f'sha256 <span class="id">{esc(str(roster.get("sha256", ""))[:12])}</span>)'
        )
    for key in ("rules", "units"):
        if (inp.get(key) or {}).get("sha256"):
            parts.append(
                f'{L.get("in_" + key, key)} <span class="id">{esc(inp[key]["sha256"][:12])}</span>'
            )
    meta = f"{L['as_of']} {esc(doc.get('as_of'))}"
    if parts:
        meta += f" · {L['inputs']}: " + ", ".join(parts)
    return (
        f'<header><div class="kicker"><span>{L["kicker"]}</span><span>{L["internal"]}</span></div>'
        f'<h1>{L["title"]} — {esc(doc.get("ruleset"))}</h1><div class="meta">{meta}</div></header>'
    )


def _summary(doc: dict, L: dict, lang: str) -> str:
    s = doc["summary"]
    kpis = "".join(
        f'<div class="kpi"><b>{esc(s.get(k, 0))}</b><span>{L[k]}</span></div>'
        for k in ("officers", "transfers", "post_changes", "flags", "exceptions")
    )
    gs, money = s["grassroots_share"], s["allowance_monthly_total"]
    delta = ""
    if gs.get("before") is not None and gs.get("after") is not None:
        delta = f' <span class="sub">({(gs["after"] - gs["before"]) * 100:+.1f} {L["pts"]})</span>'
    arrow = '<span class="arrow">→</span>'
    by_code = " · ".join(f"{_code(k, lang)} {esc(v)}" for k, v in s["exceptions_by_code"].items())
    kv = [
        (L["share"], f"{_pct(gs.get('before'))}{arrow}<b>{_pct(gs.get('after'))}</b>{delta}"),
        (
            L["allowance"],
            f"{money['before']:,.0f}{arrow}<b>{money['after']:,.0f}</b> {L['yuan']} "
            f'<span class="sub">({money["after"] - money["before"]:+,.0f})</span>',
        ),
        (L["by_code"], by_code or L["none"]),
    ]
    from placement.report.html_posts import posts_kv

    posts = posts_kv(doc, L)
    if posts:
        kv.insert(2, posts)
    kv_html = "".join(f"<tr><th>{k}</th><td>{v}</td></tr>" for k, v in kv)
    rows = [
        [
            f'{esc(t.get("title") or t["id"])}<br><span class="id">{esc(t["id"])}</span>',
            _pct(t.get("value_before")),
            _pct(t.get("value_after")),
            f'<span class="ok">✔ {L["met"]}</span>'
            if t.get("met_after")
            else f'<span class="bad">✘ {L["not_met"]}</span>',
        ]
        for t in s.get("targets", [])
    ]
    targets = (
        _table([L["target"], L["before"], L["after"], L["result"]], rows, ",n,n,nw") if rows else ""
    )
    return (
        f'<section id="summary"><h2>{L["summary"]}</h2><div class="kpis">{kpis}</div>'
        f'<table class="kv"><tbody>{kv_html}</tbody></table>'
        + (f"<h3>{L['targets']}</h3>{targets}" if targets else "")
        + "</section>"
    )


def _units(doc: dict, L: dict) -> str:
    merged = _merges(doc)
    names = {u["unit_id"]: u.get("name") or u["unit_id"] for u in doc.get("units", [])}
    shown = [u for u in doc.get("units", []) if u["before"] or u["after"]]
    ids = {u["unit_id"] for u in shown}
    ordered: list[dict] = []
    for u in shown:  # each dissolved unit right under the unit that absorbed it
        if merged.get(u["unit_id"]) in ids:
            continue
        ordered.append(u)
        ordered += [v for v in shown if merged.get(v["unit_id"]) == u["unit_id"]]
    rows = []
    for u in ordered:
        target = merged.get(u["unit_id"])
        note = esc(u["unit_id"])
        if target:
            note += " · " + esc(L["merged"].format(f"{names.get(target, target)} {target}"))
        cap = u.get("capacity")
        rows.append(
            {
                "label": ("↳ " if target in ids else "") + esc(u.get("name") or u["unit_id"]),
                "note": note,
                "before": u["before"],
                "after": u["after"],
                "capacity": cap,
                "dissolved": bool(target),
                "over": cap is not None and u["after"] > cap,
            }
        )
    legend = {k: L[k] for k in ("before", "after", "capacity", "over")}
    chart = unit_bars(rows, f"{L['units']}: {L['before']} / {L['after']} / {L['capacity']}", legend)
    return (
        f'<section id="units"><h2>{L["units"]}</h2><p class="note">{L["units_note"]}</p>'
        f"{chart}</section>"
    )


def _ages(ages: dict, L: dict) -> str:
    panels = []
    for tier in ("organ", "grassroots"):
        part = ages.get(tier) or {}
        before, after = (
            [int(a) for a in part.get("before", [])],
            [int(a) for a in part.get("after", [])],
        )

        def mean(xs):
            return f"{sum(xs) / len(xs):.1f}" if xs else "—"

        heading = (
            f"{L[tier]}: {len(before)} → {len(after)} {L['people']} · "
            f"{L['mean']} {mean(before)} → {mean(after)}"
        )
        panels.append((esc(heading), before, after))
    chart = age_bars(
        panels,
        f"{L['ages']}: {L['organ']} / {L['grassroots']}",
        {"before": L["before"], "after": L["after"], "age": L["age"]},
    )
    return f'<section id="ages"><h2>{L["ages"]}</h2>{chart}</section>'


def _unit_cell(uid, names: dict) -> str:
    name = names.get(uid)
    return f'{esc(name)}<br><span class="id">{esc(uid)}</span>' if name else esc(uid)


def _transfers(doc: dict, L: dict, lang: str) -> str:
    names = {u["unit_id"]: u.get("name") for u in doc.get("units", [])}
    groups: dict[str, list[dict]] = {}
    said = dict(
        zip(
            map(id, doc.get("transfers", [])),
            reasons_of(doc.get("transfers", []), lang),
            strict=True,
        )
    )
    for t in doc.get("transfers", []):
        groups.setdefault(t["rule_id"], []).append(t)
    out = [f'<section id="transfers"><h2>{L["by_rule"]} ({len(doc.get("transfers", []))})</h2>']
    for rule_id, rows in groups.items():
        title = rows[0].get("rule_title") or ""
        if lang == "zh" and rule_id in CODES_ZH:
            title = CODES_ZH[rule_id]
        out.append(f'<h3>{esc(title)} <span class="id">{esc(rule_id)}</span> ({len(rows)})</h3>')
        body = []
        for t in rows:
            post = _post(t["from_post"], lang)
            if t["to_post"] != t["from_post"]:
                post += f'<span class="arrow">→</span><b>{_post(t["to_post"], lang)}</b>'
            body.append(
                [
                    f'<span class="id">{esc(t["officer_id"])}</span>',
                    esc(t["name"]),
                    _unit_cell(t["from_unit"], names),
                    _unit_cell(t["to_unit"], names),
                    post,
                    f'<span class="sub">{esc(said[id(t)])}</span>',
                ]
            )
        out.append(
            _table(
                [L["officer"], L["name"], L["from"], L["to"], L["post"], L["reason"]],
                body,
                widths="7,9,15,15,13,41",
            )
        )
    if not groups:
        out.append(f"<p>{L['none']}</p>")
    return "".join(out) + "</section>"


def _exceptions(doc: dict, L: dict, lang: str) -> str:
    items = doc.get("exceptions", [])
    groups: dict[str, list[dict]] = {}
    for e in sorted(items, key=lambda e: (e["code"], e.get("officer_id") or "")):
        groups.setdefault(e["code"], []).append(e)
    out = [f'<section id="exceptions"><h2>{L["by_code"]} ({len(items)})</h2>']
    for code, rows in groups.items():
        out.append(f"<h3>{_code(code, lang)} ({len(rows)})</h3>")
        body = [
            [
                f'<span class="id">{esc(e.get("officer_id"))}</span>',
                esc(e.get("row")),
                f'<span class="id">{esc(e.get("rule_id"))}</span>',
                esc(_field(e.get("field"), lang)),
                esc(_message(e.get("message"), lang)),
            ]
            for e in rows
        ]
        out.append(
            _table(
                [L["officer"], L["row"], L["rule"], L["field"], L["message"]], body, "nw,n,nw,nw"
            )
        )
    if not groups:
        out.append(f"<p>{L['none']}</p>")
    return "".join(out) + "</section>"


def _flags(doc: dict, L: dict, lang: str) -> str:
    flags = doc.get("flags", [])
    if not flags:
        return ""
    body = [
        [
            f'<span class="id">{esc(f["officer_id"])}</span>',
            _code(f["code"], lang),
            f'<span class="id">{esc(f.get("rule_id"))}</span>',
            esc(why),
        ]
        for f, why in zip(flags, reasons_of(flags, lang), strict=True)
    ]
    return (
        f'<section id="flags"><h2>{L["flags"]} ({len(flags)})</h2>'
        + _table([L["officer"], L["flag"], L["rule"], L["reason"]], body, "nw,nw,nw")
        + "</section>"
    )


def _pins(doc: dict, L: dict, lang: str) -> str:
    """Every manual decision, the rule it overrode and its outcome; nothing without pins."""
    pins = doc.get("pins", [])
    if not pins:
        return ""
    body = [
        [
            f'<span class="id">{esc(p["officer_id"])}</span>',
            esc(
                L["pin_stay"]
                if p["pin"].get("stay")
                else L["pin_unit"].format(p["pin"].get("unit"))
            )
            + (L["pin_post"].format(_post(p["pin"]["post"], lang)) if p["pin"].get("post") else ""),
            f'<span class="id">{esc(p.get("overrode"))}</span>',
            esc(_message(p.get("outcome"), lang)),
        ]
        for p in pins
    ]
    return (
        f'<section id="pins"><h2>{L["pins"]} ({len(pins)})</h2>'
        + _table([L["officer"], L["pin"], L["overrode"], L["outcome"]], body, "nw,nw,nw")
        + "</section>"
    )


def render_html(doc: dict, lang: str = "en", ages: dict | None = None) -> str:
    """One self-contained HTML page for the committee, in English or Simplified Chinese.

    ages: {"organ": {"before": [...], "after": [...]}, "grassroots": {...}}; the age
    chart is left out when it is None (the plan document carries no ages).
    """
    lang = "zh" if str(lang).lower().startswith("zh") else "en"
    L = LABELS[lang]
    parts = [_header(doc, L), _summary(doc, L, lang), _units(doc, L)]
    if ages is not None:
        parts.append(_ages(ages, L))
    from placement.report import html_posts

    parts += [
        html_posts.teams(doc, L, lang),
        _transfers(doc, L, lang),
        html_posts.appointments(doc, L, lang),
        _pins(doc, L, lang),
        _exceptions(doc, L, lang),
        _flags(doc, L, lang),
    ]
    return (
        f'<!DOCTYPE html>\n<html lang="{"zh-Hans" if lang == "zh" else "en"}"><head>'
        '<meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{L['title']} — {esc(doc.get('ruleset'))} ({esc(doc.get('as_of'))})</title>"
        f'<style>{CSS}</style></head><body><main class="page">{"".join(parts)}</main>'
        "</body></html>\n"
    )
