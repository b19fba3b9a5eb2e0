"""Rich terminal reports. Resident ID numbers are masked in everything shown here."""

from __future__ import annotations

import re
from collections import Counter

from rich.console import Console
from rich.markup import escape
from rich.panel import Panel
from rich.table import Table

_ID = re.compile(r"\b(\d{6})(\d{8})(\d{3}[\dXx])\b")


def mask(text) -> str:
    return _ID.sub(lambda m: m.group(1) + "********" + m.group(3)[-4:], str(text))


def _t(v) -> str:
    """User text for a rich cell: masked, and never read as markup."""
    return escape(mask("" if v is None else v))


def _pct(v) -> str:
    return "—" if v is None else f"{v:.1%}"


def render_plan(doc: dict, console: Console) -> None:
    s = doc["summary"]
    gs = s["grassroots_share"]
    lines = [
        f"ruleset [bold]{_t(doc['ruleset'])}[/] as of {doc['as_of']}",
        f"officers {s['officers']}  transfers {s['transfers']}  post changes {s['post_changes']}  "
        f"flags {s['flags']}  exceptions {s['exceptions']}",
        f"grassroots share {_pct(gs['before'])} → [bold]{_pct(gs['after'])}[/]",
        f"monthly allowances {s['allowance_monthly_total']['before']} → {s['allowance_monthly_total']['after']} yuan",
    ]
    for t in s["targets"]:
        mark = "[green]met[/]" if t["met_after"] else "[red]not met[/]"
        lines.append(f"target {_t(t['id'])} {_t(t['title'])}: {_pct(t['value_before'])} → {_pct(t['value_after'])} {mark}")
    if s["exceptions_by_code"]:
        lines.append("exceptions: " + ", ".join(f"{k} {v}" for k, v in s["exceptions_by_code"].items()))
    console.print(Panel("\n".join(lines), title="plan summary", expand=False))
    units = Table(title="units", show_lines=False)
    for c in ("unit", "name", "before", "after", "capacity", "min staff"):
        units.add_column(c, justify="right" if c in ("before", "after", "capacity", "min staff") else "left")
    for u in doc["units"]:
        if u["before"] == 0 and u["after"] == 0:
            continue
        after = f"[red]{u['after']}[/]" if u["capacity"] is not None and u["after"] > u["capacity"] else str(u["after"])
        units.add_row(_t(u["unit_id"]), _t(u["name"]), str(u["before"]), after,
                      "" if u["capacity"] is None else str(u["capacity"]), str(u["min_staff"]))
    console.print(units)
    by_rule: dict[str, list[dict]] = {}
    for t in doc["transfers"]:
        by_rule.setdefault(t["rule_id"], []).append(t)
    for rule_id, rows in by_rule.items():
        table = Table(title=f"{_t(rule_id)} — {_t(rows[0]['rule_title'])} ({len(rows)})", title_justify="left")
        for c in ("officer", "name", "from", "to", "post", "reason"):
            table.add_column(c, overflow="fold")
        for t in rows:
            post = t["from_post"] if t["from_post"] == t["to_post"] else f"{t['from_post']} → {t['to_post']}"
            table.add_row(_t(t["officer_id"]), _t(t["name"]), _t(t["from_unit"]), _t(t["to_unit"]), _t(post), _t(t["reason"]))
        console.print(table)
    _flags(doc["flags"], console)
    _exceptions(doc["exceptions"], console)


def _flags(flags, console) -> None:
    if not flags:
        return
    table = Table(title=f"flags ({len(flags)})", title_justify="left")
    for c in ("officer", "flag", "rule", "reason"):
        table.add_column(c, overflow="fold")
    for f in flags:
        table.add_row(_t(f["officer_id"]), _t(f["code"]), _t(f["rule_id"]), _t(f["reason"]))
    console.print(table)


def _exceptions(items, console) -> None:
    if not items:
        return
    counts = Counter(e["code"] for e in items)
    table = Table(title="exceptions: " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())),
                  title_justify="left")
    for c in ("officer", "row", "code", "rule", "field", "message"):
        table.add_column(c, overflow="fold")
    for e in sorted(items, key=lambda e: (e["code"], e["officer_id"] or "")):
        table.add_row(_t(e["officer_id"]), "" if e["row"] is None else str(e["row"]), e["code"],
                      e["rule_id"] or "", e["field"] or "", _t(e["message"]))
    console.print(table)


def render_check(doc: dict, console: Console) -> None:
    by_rule = Counter(v["rule_id"] for v in doc["violations"])
    lines = [f"violations {len(doc['violations'])}  flags {len(doc['flags'])}  exceptions {len(doc['exceptions'])}"]
    for rule_id, n in sorted(by_rule.items()):
        lines.append(f"  {rule_id}: {n}")
    for t in doc["targets"]:
        mark = "[green]met[/]" if t["met"] else "[red]not met[/]"
        lines.append(f"target {_t(t['id'])} {_t(t['title'])}: {_pct(t['value'])} {mark}")
    console.print(Panel("\n".join(lines), title="check", expand=False))
    groups: dict[str, list[dict]] = {}
    for v in doc["violations"]:
        groups.setdefault(v["rule_id"], []).append(v)
    for rule_id, rows in groups.items():
        table = Table(title=f"{rule_id} ({len(rows)})", title_justify="left")
        for c in ("officer", "action", "reason"):
            table.add_column(c, overflow="fold")
        for v in rows:
            table.add_row(_t(v["officer_id"]), v["action"], _t(v["reason"]))
        console.print(table)
    _flags(doc["flags"], console)
    _exceptions(doc["exceptions"], console)
