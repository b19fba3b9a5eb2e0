"""The leadership side of a plan report (SPEC §2.1, §3, §4): the appointments (任職) and each
unit's leadership team (領導班子) before and after the plan, as flat rows shared by the CSV,
XLSX, Markdown, terminal and HTML reports.

Everything here reads the plan document only (`appointments`, `units[].posts`, the summary's
`appointments`, `vacancies`, `over_establishment`); a plan whose units have no `posts` has none
of these keys and every function returns nothing, so such a plan's reports are unchanged.
"""

from __future__ import annotations

from typing import Any

# appointments.csv: one row per appointment, in the plan's order (unit_id, post, officer_id)
APPOINTMENT_COLS = [
    "unit_id",
    "post",
    "officer_id",
    "name",
    "from_unit",
    "from_post",
    "rank_before",
    "rank_after",
    "policy_id",
    "policy_title",
    "merit_position",
    "merit_eligible",
    "merit_unknown",
    "alternates",
    "reason",
]
# posts.csv: one row per unit and established post
POST_TEAM_COLS = [
    "unit_id",
    "name",
    "post",
    "establishment",
    "before",
    "after",
    "vacant_before",
    "vacant_after",
    "over_before",
    "over_after",
]
# the exception columns a `vacancy` / `over_establishment` entry adds (SPEC §4)
POST_EXC_COLS = ["unit_id", "post", "count", "reason", "unknown_candidates", "holders"]


def has_posts(doc: dict) -> bool:
    """True when the plan carries the leadership side: a unit has `posts` or an appointment
    was made (a pin may appoint to a post no unit establishes)."""
    return bool(doc.get("appointments")) or any(u.get("posts") for u in doc.get("units", []))


def appointment_rows(doc: dict) -> list[dict[str, Any]]:
    """The plan's `appointments` as flat rows (APPOINTMENT_COLS); `merit` spread over three
    columns (empty for a pin), `alternates` joined by spaces."""
    rows = []
    for a in doc.get("appointments", []):
        merit = a.get("merit") or {}
        rows.append(
            {
                **{c: a.get(c) for c in APPOINTMENT_COLS},
                "merit_position": merit.get("position"),
                "merit_eligible": merit.get("eligible"),
                "merit_unknown": merit.get("unknown"),
                "alternates": " ".join(a.get("alternates") or []),
            }
        )
    return rows


def team_rows(doc: dict) -> list[dict[str, Any]]:
    """Each unit's established posts with holders before and after (POST_TEAM_COLS): vacant =
    max(establishment − holders, 0), over = max(holders − establishment, 0) (SPEC §1.2)."""
    rows = []
    for u in doc.get("units", []):
        for p in u.get("posts") or []:
            est, b, a = p["establishment"], p["before"], p["after"]
            rows.append(
                {
                    "unit_id": u["unit_id"],
                    "name": u.get("name"),
                    "post": p["post"],
                    "establishment": est,
                    "before": b,
                    "after": a,
                    "vacant_before": max(est - b, 0),
                    "vacant_after": max(est - a, 0),
                    "over_before": max(b - est, 0),
                    "over_after": max(a - est, 0),
                }
            )
    return rows


def merit_text(merit: dict | None, lang: str = "en") -> str:
    """`1 of 4` (`4 人中第 1`), with the unknown count when there is one; `pin` for none."""
    from placement.i18n import label

    if not merit:
        return label("merit_pinned", lang)
    text = label("merit_of", lang).format(position=merit["position"], eligible=merit["eligible"])
    if merit.get("unknown"):
        text += label("merit_unknown", lang).format(n=merit["unknown"])
    return text


def rank_text(before: str | None, after: str | None, lang: str = "en") -> str:
    """The rank change `deputy_section → chief_section` (terms in Chinese for zh); the rank
    alone when unchanged."""
    from placement.i18n import term

    def t(v: str | None) -> str:
        return "" if v is None else (term(v, lang) if lang == "zh" else v)

    return t(before) if before == after else f"{t(before)} → {t(after)}"


def status_text(establishment: int, holders: int, lang: str = "en") -> str:
    """`filled`, `vacant 1` or `over 2` (满员, 空缺 1, 超配 2)."""
    from placement.i18n import label

    if holders == establishment:
        return label("team_filled", lang)
    if holders < establishment:
        return label("team_vacant", lang).format(n=establishment - holders)
    return label("team_over", lang).format(n=holders - establishment)


def summary_pairs(doc: dict) -> list[tuple[str, object]]:
    """The summary's leadership items (key, value) for md and XLSX: appointments, vacancies
    before/after, over-establishment before/after; none without posts."""
    s = doc["summary"]
    if not has_posts(doc):
        return []
    vac = s.get("vacancies") or {}
    over = s.get("over_establishment") or {}
    return [
        ("appointments", s.get("appointments", 0)),
        ("vacancies_before", vac.get("before")),
        ("vacancies_after", vac.get("after")),
        ("over_establishment_before", over.get("before")),
        ("over_establishment_after", over.get("after")),
    ]
