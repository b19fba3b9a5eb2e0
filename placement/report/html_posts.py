"""The committee page's leadership sections (SPEC §3): each unit's team before/after (filled,
vacant, over) and the proposed appointments with their alternates (差額). Nothing is shown for
a plan whose units have no `posts`."""

from __future__ import annotations

from placement.messages.rows import reasons_of
from placement.report.html import _post, _table, _unit_cell, esc
from placement.report.posts import has_posts, team_rows


def posts_kv(doc: dict, L: dict) -> tuple[str, str] | None:
    """The summary's line for the leadership posts, or None without posts."""
    s = doc["summary"]
    if not has_posts(doc):
        return None
    vac = s["vacancies"]
    over = s.get("over_establishment") or {"before": 0, "after": 0}
    return L["posts_kv"], L["posts_value"].format(
        esc(s.get("appointments", 0)),
        esc(vac["before"]),
        esc(vac["after"]),
        esc(over["before"]),
        esc(over["after"]),
    )


def _rank(rank: str | None, lang: str) -> str:
    from placement.i18n import term

    return esc(term(rank, lang) if lang == "zh" else (rank or "").replace("_", " "))


def _status(est: int, holders: int, L: dict) -> str:
    if holders == est:
        return f'<span class="ok">{L["filled"]}</span>'
    if holders < est:
        return f'<span class="bad">{L["vacant"].format(est - holders)}</span>'
    return f'<span class="bad">{L["over_n"].format(holders - est)}</span>'


def teams(doc: dict, L: dict, lang: str) -> str:
    """Per unit, its established posts: establishment, holders before and after, and what is
    left after the plan."""
    rows = team_rows(doc)
    if not rows:
        return ""
    names = {u["unit_id"]: u.get("name") for u in doc.get("units", [])}
    body, last = [], None
    for r in rows:
        first = r["unit_id"] != last
        body.append(
            [
                _unit_cell(r["unit_id"], names) if first else "",
                _post(r["post"], lang),
                esc(r["establishment"]),
                f'{esc(r["before"])} <span class="sub">'
                f"{_status(r['establishment'], r['before'], L)}</span>",
                esc(r["after"]),
                _status(r["establishment"], r["after"], L),
            ]
        )
        last = r["unit_id"]
    head = [L["unit"], L["post"], L["establishment"], L["before"], L["after"], L["left"]]
    return (
        f'<section id="teams"><h2>{L["teams"]}</h2><p class="note">{L["teams_note"]}</p>'
        + _table(head, body, ",,n,nw,n,nw")
        + "</section>"
    )


def appointments(doc: dict, L: dict, lang: str) -> str:
    """The proposed appointments, each with the rank change, the policy, the merit position
    (`1 of 4`), the alternates and the reason."""
    items = doc.get("appointments") or []
    if not has_posts(doc):
        return ""
    names = {u["unit_id"]: u.get("name") for u in doc.get("units", [])}
    body = []
    for a, said in zip(items, reasons_of(items, lang), strict=True):
        merit = a.get("merit")
        if merit:
            m = L["merit_of"].format(merit["position"], merit["eligible"])
            if merit.get("unknown"):
                m += f'<br><span class="sub">{L["merit_unknown"].format(merit["unknown"])}</span>'
        else:
            m = L["pinned"]
        rank = _rank(a.get("rank_before"), lang)
        if a.get("rank_after") != a.get("rank_before"):
            rank += f'<span class="arrow">→</span><b>{_rank(a.get("rank_after"), lang)}</b>'
        source = _unit_cell(a["from_unit"], names)
        if a.get("from_post"):
            source += f'<br><span class="sub">{_post(a["from_post"], lang)}</span>'
        body.append(
            [
                _unit_cell(a["unit_id"], names) + f"<br><b>{_post(a['post'], lang)}</b>",
                f'{esc(a["name"])}<br><span class="id">{esc(a["officer_id"])}</span>',
                source,
                rank,
                f'{esc(a.get("policy_title") or "")}<br><span class="id">'
                f"{esc(a['policy_id'])}</span>",
                m,
                "<br>".join(f'<span class="id">{esc(x)}</span>' for x in a.get("alternates") or []),
                f'<span class="sub">{esc(said)}</span>',
            ]
        )
    head = [
        L["unit"],
        L["appointee"],
        L["from"],
        L["rank"],
        L["policy"],
        L["merit"],
        L["alternates"],
        L["reason"],
    ]
    table = _table(head, body, widths="13,10,13,11,13,8,9,23") if body else f"<p>{L['none']}</p>"
    return (
        f'<section id="appointments"><h2>{L["appointments"]} ({len(items)})</h2>{table}</section>'
    )
