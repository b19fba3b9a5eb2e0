"""Rich terminal reports. Resident ID numbers are masked in everything shown here."""

from __future__ import annotations

from collections import Counter

from rich.console import Console
from rich.markup import escape
from rich.panel import Panel
from rich.table import Table

from placement.messages.rows import reasons_of
from placement.report.mask import mask
from placement.report.posts import has_posts


def _t(v) -> str:
    """User text for a rich cell: masked, and never read as markup."""
    return escape(mask("" if v is None else v))


def _pct(v) -> str:
    return "—" if v is None else f"{v:.1%}"


def render_plan(doc: dict, console: Console, lang: str = "en") -> None:
    """The plan on a terminal; with lang zh every heading, column, panel line, reason and
    message in Chinese (identifiers, names and numbers as they are)."""
    from placement.i18n import code, label, term

    def L(key: str) -> str:
        return label(key, lang)

    s = doc["summary"]
    gs = s["grassroots_share"]
    lines = [
        L("ruleset_line").format(name=_t(doc["ruleset"]), as_of=doc["as_of"]),
        L("counts_line").format(
            officers=s["officers"],
            transfers=s["transfers"],
            post_changes=s["post_changes"],
            flags=s["flags"],
            exceptions=s["exceptions"],
        ),
        L("share_line").format(before=_pct(gs["before"]), after=_pct(gs["after"])),
        L("allowance_line").format(
            before=s["allowance_monthly_total"]["before"],
            after=s["allowance_monthly_total"]["after"],
        ),
    ]
    for t in s["targets"]:
        mark = f"[green]{L('met')}[/]" if t["met_after"] else f"[red]{L('not_met')}[/]"
        lines.append(
            L("target_line").format(
                id=_t(t["id"]),
                title=_t(t["title"]),
                before=_pct(t["value_before"]),
                after=_pct(t["value_after"]),
                mark=mark,
            )
        )
    if has_posts(doc):
        vac, over = s["vacancies"], s.get("over_establishment") or {"before": 0, "after": 0}
        lines.append(
            L("posts_line").format(
                appointments=s.get("appointments", 0),
                vb=vac["before"],
                va=vac["after"],
                ob=over["before"],
                oa=over["after"],
            )
        )
    if s["exceptions_by_code"]:
        lines.append(
            L("exceptions_by")
            + L("list_sep").join(f"{code(k, lang)} {v}" for k, v in s["exceptions_by_code"].items())
        )
    console.print(Panel("\n".join(lines), title=L("plan_summary"), expand=False))
    units = Table(title=L("units_title") if lang == "zh" else "units", show_lines=False)
    numeric = ("col_before", "col_after", "col_capacity", "col_min_staff")
    for c in ("col_unit", "col_name", *numeric):
        units.add_column(L(c), justify="right" if c in numeric else "left")
    for u in doc["units"]:
        if u["before"] == 0 and u["after"] == 0:
            continue
        after = (
            f"[red]{u['after']}[/]"
            if u["capacity"] is not None and u["after"] > u["capacity"]
            else str(u["after"])
        )
        units.add_row(
            _t(u["unit_id"]),
            _t(u["name"]),
            str(u["before"]),
            after,
            "" if u["capacity"] is None else str(u["capacity"]),
            str(u["min_staff"]),
        )
    console.print(units)
    _teams(doc, console, lang)
    said = dict(zip(map(id, doc["transfers"]), reasons_of(doc["transfers"], lang), strict=True))
    by_rule: dict[str, list[dict]] = {}
    for t in doc["transfers"]:
        by_rule.setdefault(t["rule_id"], []).append(t)
    for rule_id, rows in by_rule.items():
        title = rows[0]["rule_title"]
        if lang == "zh" and rule_id in ("unit_merge", "pin"):
            title = code(rule_id, lang)
        table = Table(title=f"{_t(rule_id)} — {_t(title)} ({len(rows)})", title_justify="left")
        for c in ("col_officer", "col_person", "col_from", "col_to", "col_post", "col_reason"):
            table.add_column(L(c), overflow="fold")
        for t in rows:
            a, b = term(t["from_post"], lang), term(t["to_post"], lang)
            post = a if t["from_post"] == t["to_post"] else f"{a} → {b}"
            table.add_row(
                _t(t["officer_id"]),
                _t(t["name"]),
                _t(t["from_unit"]),
                _t(t["to_unit"]),
                _t(post),
                _t(said[id(t)]),
            )
        console.print(table)
    _appointments(doc, console, lang)
    _pins(doc.get("pins", []), console, lang)
    _flags(doc["flags"], console, lang)
    _exceptions(doc["exceptions"], console, lang)


def _teams(doc: dict, console, lang: str = "en") -> None:
    """Each unit's leadership team (領導班子): every established post, holders before → after
    with the establishment, and what is left (filled, vacant n, over n)."""
    from placement.i18n import label, term
    from placement.report.posts import status_text, team_rows

    rows = team_rows(doc)
    if not rows:
        return
    table = Table(title=label("teams_title", lang), title_justify="left")
    for c in ("col_unit", "col_name", "col_post_name", "col_establishment"):
        table.add_column(label(c, lang), justify="right" if c == "col_establishment" else "left")
    for c in ("col_before", "col_after", "col_status_after"):
        table.add_column(label(c, lang), justify="right" if c != "col_status_after" else "left")
    last = None
    for r in rows:
        after = status_text(r["establishment"], r["after"], lang)
        colour = "green" if r["after"] == r["establishment"] else "yellow"
        if r["after"] > r["establishment"]:
            colour = "red"
        table.add_row(
            _t(r["unit_id"]) if r["unit_id"] != last else "",
            _t(r["name"]) if r["unit_id"] != last else "",
            _t(term(r["post"], lang) if lang == "zh" else r["post"]),
            str(r["establishment"]),
            str(r["before"]),
            str(r["after"]),
            f"[{colour}]{_t(after)}[/]",
        )
        last = r["unit_id"]
    console.print(table)


def _appointments(doc: dict, console, lang: str = "en") -> None:
    """The proposed appointments: unit, post, appointee, from, rank change, policy, merit
    (`1 of 4`), alternates and reason."""
    from placement.i18n import label, reason, term
    from placement.report.posts import merit_text, rank_text

    items = doc.get("appointments") or []
    if not items:
        return
    table = Table(
        title=label("appointments_title", lang).format(n=len(items)), title_justify="left"
    )
    for c in (
        "col_unit",
        "col_post_name",
        "col_appointee",
        "col_from",
        "col_rank",
        "col_policy",
        "col_merit",
        "col_alternates",
        "col_reason",
    ):
        table.add_column(label(c, lang), overflow="fold")
    for a in items:
        source = a["from_unit"]
        if a.get("from_post"):
            source += " " + term(a["from_post"], lang)
        table.add_row(
            _t(a["unit_id"]),
            _t(term(a["post"], lang)),
            _t(f"{a['officer_id']} {a['name']}"),
            _t(source),
            _t(rank_text(a.get("rank_before"), a.get("rank_after"), lang)),
            _t(a["policy_id"]),
            _t(merit_text(a.get("merit"), lang)),
            _t(" ".join(a.get("alternates") or [])),
            _t(reason(a["reason"], lang)),
        )
    console.print(table)


def _pins(pins, console, lang: str = "en") -> None:
    """Every manual decision: what it said, the rule it overrode, what came of it."""
    from placement.i18n import label, term, translate

    if not pins:
        return
    table = Table(title=label("pins_title", lang).format(n=len(pins)), title_justify="left")
    for c in ("col_officer", "col_pin", "col_overrode", "col_outcome"):
        table.add_column(label(c, lang), overflow="fold")
    for p in pins:
        pin = p["pin"]
        said = (
            label("pin_stay", lang)
            if pin.get("stay")
            else label("pin_unit", lang).format(unit=pin.get("unit"))
        )
        if pin.get("post"):
            said += label("pin_post", lang).format(post=term(pin["post"], lang))
        table.add_row(
            _t(p["officer_id"]),
            _t(said),
            _t(p["overrode"] or ""),
            _t(translate(p["outcome"], lang)),
        )
    console.print(table)


def _flags(flags, console, lang: str = "en") -> None:
    from placement.i18n import code, label

    if not flags:
        return
    table = Table(title=label("flags_title", lang).format(n=len(flags)), title_justify="left")
    for c in ("col_officer", "col_flag", "col_rule", "col_reason"):
        table.add_column(label(c, lang), overflow="fold")
    for f, why in zip(flags, reasons_of(flags, lang), strict=True):
        table.add_row(
            _t(f["officer_id"]),
            _t(code(f["code"], lang)),
            _t(f["rule_id"]),
            _t(why),
        )
    console.print(table)


def _exceptions(items, console, lang: str = "en") -> None:
    from placement.i18n import code, field, label, translate

    if not items:
        return
    counts = Counter(e["code"] for e in items)
    table = Table(
        title=label("exceptions_by", lang)
        + label("list_sep", lang).join(f"{code(k, lang)} {v}" for k, v in sorted(counts.items())),
        title_justify="left",
    )
    for c in ("col_officer", "col_row", "col_code", "col_rule", "col_field", "col_message"):
        table.add_column(label(c, lang), overflow="fold")
    for e in sorted(items, key=lambda e: (e["code"], e["officer_id"] or "")):
        table.add_row(
            _t(e["officer_id"]),
            "" if e["row"] is None else str(e["row"]),
            _t(code(e["code"], lang)),
            _t(e["rule_id"] or ""),
            _t(field(e["field"], lang) if e["field"] else ""),
            _t(translate(e["message"], lang)),
        )
    console.print(table)


def render_check(doc: dict, console: Console, lang: str = "en") -> None:
    from placement.i18n import action, label, term

    def L(key: str) -> str:
        return label(key, lang)

    by_rule = Counter(v["rule_id"] for v in doc["violations"])
    lines = [
        L("check_counts").format(
            violations=len(doc["violations"]),
            flags=len(doc["flags"]),
            exceptions=len(doc["exceptions"]),
        )
    ]
    for rule_id, n in sorted(by_rule.items()):
        lines.append(f"  {_t(rule_id)}: {n}")
    for t in doc["targets"]:
        mark = f"[green]{L('met')}[/]" if t["met"] else f"[red]{L('not_met')}[/]"
        lines.append(
            L("target_now").format(
                id=_t(t["id"]), title=_t(t["title"]), value=_pct(t["value"]), mark=mark
            )
        )
    for post in doc.get("posts", []):
        colour = "yellow" if post["status"] == "vacant" else "red"
        lines.append(
            L("posts_now").format(
                unit=_t(post["unit_id"]),
                post=_t(term(post["post"], lang) if lang == "zh" else post["post"]),
                holders=post["holders"],
                establishment=post["establishment"],
                status=f"[{colour}]{L('post_' + post['status'])}[/]",
            )
        )
    console.print(Panel("\n".join(lines), title=L("check_title"), expand=False))
    said = dict(zip(map(id, doc["violations"]), reasons_of(doc["violations"], lang), strict=True))
    groups: dict[str, list[dict]] = {}
    for v in doc["violations"]:
        groups.setdefault(v["rule_id"], []).append(v)
    for rule_id, rows in groups.items():
        table = Table(title=f"{_t(rule_id)} ({len(rows)})", title_justify="left")
        for c in ("col_officer", "col_action", "col_reason"):
            table.add_column(L(c), overflow="fold")
        for v in rows:
            table.add_row(_t(v["officer_id"]), _t(action(v["action"], lang)), _t(said[id(v)]))
        console.print(table)
    _flags(doc["flags"], console, lang)
    _exceptions(doc["exceptions"], console, lang)
