"""`diff`: what a policy change does, plan against plan."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from placement.documents import Change, DiffDocument, Entry, TargetChange, Transfer, TransferChange

# an exception entry's identity across two plans: (officer_id, code, rule_id, field, unit_id,
# post) — a post's exceptions (vacancy, over_establishment) have no officer
EntryKey = tuple[str | None, str, str | None, str | None, str | None, str | None]


def diff_plans(old: Mapping[str, Any], new: Mapping[str, Any]) -> DiffDocument:
    """The diff document (SPEC §4 `DiffDocument`) of two plan documents as read from their
    JSON files (commands.apply.load_plan: `transfers` is a list, other keys as written).

    Transfers are matched by officer_id: added, removed, or changed (another to_unit, to_post
    or rule_id). Exceptions are matched by (officer_id, code, rule_id, field). `summary` holds
    the counts (officers, transfers, post_changes, flags, exceptions), the grassroots share
    after (a fraction in [0, 1]) and the monthly allowance total after (yuan per month), each
    as {old, new, delta = new - old (None unless both are numbers)}; `targets` each target's
    value after in both plans. Lists are sorted by officer_id. Raises KeyError when a plan
    lacks `exceptions` or a `summary` with `grassroots_share` and `allowance_monthly_total`."""
    a: dict[str, Transfer] = {t["officer_id"]: t for t in old["transfers"]}
    b: dict[str, Transfer] = {t["officer_id"]: t for t in new["transfers"]}
    added = [b[k] for k in sorted(b.keys() - a.keys())]
    removed = [a[k] for k in sorted(a.keys() - b.keys())]
    changed: list[TransferChange] = []
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

    apps = _appointments(old.get("appointments") or [], new.get("appointments") or [])

    def key(e: Entry) -> EntryKey:
        return (
            e.get("officer_id"),
            e["code"],
            e.get("rule_id"),
            e.get("field"),
            e.get("unit_id"),
            e.get("post"),
        )

    ea: dict[EntryKey, Entry] = {key(e): e for e in old["exceptions"]}
    eb: dict[EntryKey, Entry] = {key(e): e for e in new["exceptions"]}
    appeared = [eb[k] for k in sorted(eb.keys() - ea.keys(), key=_sortable)]
    gone = [ea[k] for k in sorted(ea.keys() - eb.keys(), key=_sortable)]
    sa, sb = old["summary"], new["summary"]
    summary: dict[str, Change] = {
        k: {"old": sa.get(k), "new": sb.get(k), "delta": _delta(sa.get(k), sb.get(k))}
        for k in ("officers", "transfers", "post_changes", "flags", "exceptions", "appointments")
        if k in sa or k in sb
    }
    summary["grassroots_share_after"] = _pair(
        sa["grassroots_share"]["after"], sb["grassroots_share"]["after"]
    )
    summary["allowance_monthly_total_after"] = _pair(
        sa["allowance_monthly_total"]["after"], sb["allowance_monthly_total"]["after"]
    )
    ta = {t["id"]: t for t in sa.get("targets", [])}
    tb = {t["id"]: t for t in sb.get("targets", [])}
    targets: list[TargetChange] = [
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
        "appointments_added": apps["appointments_added"],
        "appointments_removed": apps["appointments_removed"],
        "appointments_changed": apps["appointments_changed"],
        "exceptions_appeared": appeared,
        "exceptions_gone": gone,
        "summary": summary,
        "targets": targets,
    }


def _appointments(old: list[Any], new: list[Any]) -> dict[str, Any]:
    """Appointments added, removed and changed (another unit, post, rank or policy), by
    officer_id (SPEC §3 `diff`)."""
    a = {x["officer_id"]: x for x in old}
    b = {x["officer_id"]: x for x in new}
    changed = []
    for k in sorted(a.keys() & b.keys()):
        x, y = a[k], b[k]
        fields = ("unit_id", "post", "rank_after", "policy_id")
        if tuple(x.get(f) for f in fields) != tuple(y.get(f) for f in fields):
            changed.append(
                {
                    "officer_id": k,
                    "name": y.get("name", ""),
                    "old_unit_id": x["unit_id"],
                    "new_unit_id": y["unit_id"],
                    "old_post": x["post"],
                    "new_post": y["post"],
                    "old_rank_after": x.get("rank_after"),
                    "new_rank_after": y.get("rank_after"),
                    "old_policy_id": x["policy_id"],
                    "new_policy_id": y["policy_id"],
                }
            )
    return {
        "appointments_added": [b[k] for k in sorted(b.keys() - a.keys())],
        "appointments_removed": [a[k] for k in sorted(a.keys() - b.keys())],
        "appointments_changed": changed,
    }


def _sortable(k: EntryKey) -> tuple[str, ...]:
    return tuple("" if x is None else str(x) for x in k)


def _delta(x: object, y: object) -> float | None:
    if isinstance(x, (int, float)) and isinstance(y, (int, float)):
        return round(y - x, 6)
    return None


def _pair(x: object, y: object) -> Change:
    return {"old": x, "new": y, "delta": _delta(x, y)}


def diff_markdown(d: DiffDocument, lang: str = "en") -> str:
    """The diff as Markdown text (headings, one bullet per change); lang `en` or `zh` (zh:
    headings, labels and the exception texts in Chinese, via placement.i18n)."""
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

    def move(t: Transfer) -> str:
        return f"{t['officer_id']} {t['name']}: {t['from_unit']} → {t['to_unit']} ({t['rule_id']})"

    def exc(e: Entry) -> str:
        return f"{e.get('officer_id') or '-'} {e['code']} {e.get('rule_id') or ''}: {e['message']}"

    sections = (
        ("transfers added", [move(t) for t in d["transfers_added"]]),
        ("transfers removed", [move(t) for t in d["transfers_removed"]]),
        (
            "sent elsewhere",
            [
                f"{t['officer_id']} {t['name']}: {t['old_to_unit']} → {t['new_to_unit']}"
                for t in d["transfers_changed"]
            ],
        ),
        ("appointments added", [_appointed(a) for a in d.get("appointments_added", [])]),
        ("appointments removed", [_appointed(a) for a in d.get("appointments_removed", [])]),
        ("appointments changed", [_reappointed(a) for a in d.get("appointments_changed", [])]),
        ("exceptions appeared", [exc(e) for e in d["exceptions_appeared"]]),
        ("exceptions gone", [exc(e) for e in d["exceptions_gone"]]),
    )
    for title, lines in sections:
        out += [f"## {title} ({len(lines)})", ""] + [f"- {x}" for x in lines] + [""]
    return "\n".join(out)


def _diff_markdown_zh(d: DiffDocument) -> str:
    from placement.i18n import boolean, code, label, translate

    def yn(v: bool | None) -> str:
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

    def move(t: Transfer) -> str:
        return f"{t['officer_id']} {t['name']}：{t['from_unit']} → {t['to_unit']}（{t['rule_id']}）"

    def exc(e: Entry) -> str:
        # a plan JSON file keeps each exception's English text, not its fields: the code is
        # shown in Chinese and the text as the file has it (README, "diff in Chinese")
        rule = f" {e['rule_id']}" if e.get("rule_id") else ""
        return f"{e.get('officer_id') or '-'} {code(e['code'])}{rule}：{translate(e['message'])}"

    sections = (
        ("diff_added", [move(t) for t in d["transfers_added"]]),
        ("diff_removed", [move(t) for t in d["transfers_removed"]]),
        (
            "diff_changed",
            [
                f"{t['officer_id']} {t['name']}：{t['old_to_unit']} → {t['new_to_unit']}"
                for t in d["transfers_changed"]
            ],
        ),
        ("diff_app_added", [_appointed(a) for a in d.get("appointments_added", [])]),
        ("diff_app_removed", [_appointed(a) for a in d.get("appointments_removed", [])]),
        ("diff_app_changed", [_reappointed(a) for a in d.get("appointments_changed", [])]),
        ("diff_appeared", [exc(e) for e in d["exceptions_appeared"]]),
        ("diff_gone", [exc(e) for e in d["exceptions_gone"]]),
    )
    for key, lines in sections:
        out += [f"## {label(key, 'zh')}（{len(lines)}）", ""]
        if lines and key in ("diff_appeared", "diff_gone"):
            out += [label("diff_exc_english", "zh"), ""]
        out += [f"- {x}" for x in lines] + [""]
    return "\n".join(out)


def _appointed(a: Mapping[str, Any]) -> str:
    return f"{a['officer_id']} {a['name']}: {a['unit_id']} {a['post']} ({a['policy_id']})"


def _reappointed(a: Mapping[str, Any]) -> str:
    return (
        f"{a['officer_id']} {a['name']}: {a['old_unit_id']} {a['old_post']} → "
        f"{a['new_unit_id']} {a['new_post']}"
    )
