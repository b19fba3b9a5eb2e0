"""`diff`: what a policy change does, plan against plan."""

from __future__ import annotations


def diff_plans(old: dict, new: dict) -> dict:
    a = {t["officer_id"]: t for t in old["transfers"]}
    b = {t["officer_id"]: t for t in new["transfers"]}
    added = [b[k] for k in sorted(b.keys() - a.keys())]
    removed = [a[k] for k in sorted(a.keys() - b.keys())]
    changed = []
    for k in sorted(a.keys() & b.keys()):
        x, y = a[k], b[k]
        if (x["to_unit"], x["to_post"], x["rule_id"]) != (y["to_unit"], y["to_post"], y["rule_id"]):
            changed.append(
                {
                    "officer_id": k,
                    "name": y.get("name", ""),
                    "old_to_unit": x["to_unit"],
                    "new_to_unit": y["to_unit"],
                    "old_to_post": x["to_post"],
                    "new_to_post": y["to_post"],
                    "old_rule_id": x["rule_id"],
                    "new_rule_id": y["rule_id"],
                }
            )

    def key(e):
        return (e.get("officer_id"), e["code"], e.get("rule_id"), e.get("field"))

    ea = {key(e): e for e in old["exceptions"]}
    eb = {key(e): e for e in new["exceptions"]}
    appeared = [eb[k] for k in sorted(eb.keys() - ea.keys(), key=_sortable)]
    gone = [ea[k] for k in sorted(ea.keys() - eb.keys(), key=_sortable)]
    sa, sb = old["summary"], new["summary"]
    summary = {
        k: {"old": sa.get(k), "new": sb.get(k), "delta": _delta(sa.get(k), sb.get(k))}
        for k in ("officers", "transfers", "post_changes", "flags", "exceptions")
    }
    summary["grassroots_share_after"] = _pair(
        sa["grassroots_share"]["after"], sb["grassroots_share"]["after"]
    )
    summary["allowance_monthly_total_after"] = _pair(
        sa["allowance_monthly_total"]["after"], sb["allowance_monthly_total"]["after"]
    )
    ta = {t["id"]: t for t in sa.get("targets", [])}
    tb = {t["id"]: t for t in sb.get("targets", [])}
    targets = [
        {
            "id": k,
            "old": ta.get(k, {}).get("value_after"),
            "new": tb.get(k, {}).get("value_after"),
            "old_met": ta.get(k, {}).get("met_after"),
            "new_met": tb.get(k, {}).get("met_after"),
        }
        for k in sorted(ta.keys() | tb.keys())
    ]
    return {
        "transfers_added": added,
        "transfers_removed": removed,
        "transfers_changed": changed,
        "exceptions_appeared": appeared,
        "exceptions_gone": gone,
        "summary": summary,
        "targets": targets,
    }


def _sortable(k):
    return tuple("" if x is None else str(x) for x in k)


def _delta(x, y):
    if isinstance(x, (int, float)) and isinstance(y, (int, float)):
        return round(y - x, 6)
    return None


def _pair(x, y) -> dict:
    return {"old": x, "new": y, "delta": _delta(x, y)}


def diff_markdown(d: dict, lang: str = "en") -> str:
    """The diff as Markdown; with lang zh, headings and the exception texts in Chinese."""
    if lang == "zh":
        return _diff_markdown_zh(d)
    out = ["# plan diff", ""]
    s = d["summary"]
    for k, v in s.items():
        out.append(
            f"- **{k}**: {v['old']} → {v['new']} "
            f"({'+' if (v['delta'] or 0) >= 0 else ''}{v['delta']})"
        )
    for t in d["targets"]:
        out.append(
            f"- target **{t['id']}**: {t['old']} → {t['new']} "
            f"(met: {t['old_met']} → {t['new_met']})"
        )
    out.append("")
    for title, rows, fmt in (
        (
            "transfers added",
            d["transfers_added"],
            lambda t: (
                f"{t['officer_id']} {t['name']}: {t['from_unit']} → {t['to_unit']} ({t['rule_id']})"
            ),
        ),
        (
            "transfers removed",
            d["transfers_removed"],
            lambda t: (
                f"{t['officer_id']} {t['name']}: {t['from_unit']} → {t['to_unit']} ({t['rule_id']})"
            ),
        ),
        (
            "sent elsewhere",
            d["transfers_changed"],
            lambda t: f"{t['officer_id']} {t['name']}: {t['old_to_unit']} → {t['new_to_unit']}",
        ),
        (
            "exceptions appeared",
            d["exceptions_appeared"],
            lambda e: (
                f"{e.get('officer_id') or '-'} {e['code']} {e.get('rule_id') or ''}: {e['message']}"
            ),
        ),
        (
            "exceptions gone",
            d["exceptions_gone"],
            lambda e: (
                f"{e.get('officer_id') or '-'} {e['code']} {e.get('rule_id') or ''}: {e['message']}"
            ),
        ),
    ):
        out += [f"## {title} ({len(rows)})", ""] + [f"- {fmt(r)}" for r in rows] + [""]
    return "\n".join(out)


def _diff_markdown_zh(d: dict) -> str:
    from placement.i18n import boolean, code, label, translate

    def yn(v):
        return "—" if v is None else boolean(v)

    out = [f"# {label('diff_title', 'zh')}", ""]
    for k, v in d["summary"].items():
        sign = "+" if (v["delta"] or 0) >= 0 else ""
        out.append(
            f"- **{label('sum_' + k, 'zh')}**：{v['old']} → {v['new']}（{sign}{v['delta']}）"
        )
    for t in d["targets"]:
        out.append(
            "- "
            + label("diff_target", "zh").format(
                id=t["id"],
                old=t["old"],
                new=t["new"],
                old_met=yn(t["old_met"]),
                new_met=yn(t["new_met"]),
            )
        )
    out.append("")

    def move(t):
        return f"{t['officer_id']} {t['name']}：{t['from_unit']} → {t['to_unit']}（{t['rule_id']}）"

    def exc(e):
        rule = f" {e['rule_id']}" if e.get("rule_id") else ""
        return f"{e.get('officer_id') or '-'} {code(e['code'])}{rule}：{translate(e['message'])}"

    for key, rows, fmt in (
        ("diff_added", d["transfers_added"], move),
        ("diff_removed", d["transfers_removed"], move),
        (
            "diff_changed",
            d["transfers_changed"],
            lambda t: f"{t['officer_id']} {t['name']}：{t['old_to_unit']} → {t['new_to_unit']}",
        ),
        ("diff_appeared", d["exceptions_appeared"], exc),
        ("diff_gone", d["exceptions_gone"], exc),
    ):
        out += [f"## {label(key, 'zh')}（{len(rows)}）", ""] + [f"- {fmt(r)}" for r in rows] + [""]
    return "\n".join(out)
