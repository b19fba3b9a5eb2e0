"""Flat tables from a plan or check document, for CSV, XLSX and Markdown."""

from __future__ import annotations

import csv
import io

from placement.messages.rows import reasons_of
from placement.report.posts import (
    APPOINTMENT_COLS,
    POST_EXC_COLS,
    POST_TEAM_COLS,
    appointment_rows,
    has_posts,
    merit_text,
    rank_text,
    team_rows,
)
from placement.report.write import neutralise

TRANSFER_COLS = [
    "officer_id",
    "name",
    "from_unit",
    "to_unit",
    "from_post",
    "to_post",
    "rule_id",
    "rule_title",
    "reason",
]
FLAG_COLS = ["officer_id", "code", "rule_id", "reason"]
EXC_COLS = ["officer_id", "row", "code", "rule_id", "field", "message"]
UNIT_COLS = ["unit_id", "name", "before", "after", "capacity", "min_staff"]
VIOLATION_COLS = ["officer_id", "rule_id", "action", "reason"]
TARGET_COLS = ["id", "title", "value", "at_least", "at_most", "met"]
POST_COLS = ["unit_id", "post", "establishment", "holders", "status"]
PIN_COLS = ["officer_id", "pin_unit", "pin_stay", "overrode", "outcome"]
PLAN_TABLES = ("transfers", "flags", "exceptions", "units", "pins")
POST_TABLES = ("appointments", "posts")  # when the units have `posts`
CHECK_TABLES = ("violations", "flags", "exceptions", "targets", "posts")


def plan_tables(doc: dict) -> dict[str, tuple[list[str], list[dict]]]:
    """name -> (columns, rows) of a plan document, in PLAN_TABLES order; a pin's
    `{"unit"|"stay"}` is spread over the columns `pin_unit` and `pin_stay`. When the units have
    `posts` (SPEC §3), also `appointments` and `posts` (report.posts), and the exceptions gain
    the columns of `vacancy` and `over_establishment` entries (lists joined by spaces)."""
    exc_cols, excs = EXC_COLS, doc["exceptions"]
    if any("unit_id" in e for e in excs):
        exc_cols = EXC_COLS + POST_EXC_COLS
        excs = [_flat(e) if "unit_id" in e else e for e in excs]
    tables = {
        "transfers": (TRANSFER_COLS, doc["transfers"]),
        "flags": (FLAG_COLS, doc["flags"]),
        "exceptions": (exc_cols, excs),
        "units": (UNIT_COLS, doc["units"]),
        "pins": (_pin_cols(doc.get("pins", [])), pin_rows(doc.get("pins", []))),
    }
    if has_posts(doc):
        tables["appointments"] = (APPOINTMENT_COLS, appointment_rows(doc))
        tables["posts"] = (POST_TEAM_COLS, team_rows(doc))
    return tables


def _flat(entry: dict) -> dict:
    return {k: " ".join(v) if isinstance(v, list) else v for k, v in entry.items()}


def _pin_cols(pins: list[dict]) -> list[str]:
    """PIN_COLS, with `pin_post` and `pin_rank` when a pin is an appointment."""
    if any("post" in p["pin"] for p in pins):
        return PIN_COLS[:3] + ["pin_post", "pin_rank"] + PIN_COLS[3:]
    return PIN_COLS


def pin_rows(pins: list[dict]) -> list[dict]:
    """The plan's `pins` as flat rows (PIN_COLS, and `pin_post`, `pin_rank`)."""
    return [
        {
            "officer_id": p["officer_id"],
            "pin_unit": p["pin"].get("unit"),
            "pin_stay": p["pin"].get("stay"),
            "pin_post": p["pin"].get("post"),
            "pin_rank": p["pin"].get("rank"),
            "overrode": p["overrode"],
            "outcome": p["outcome"],
        }
        for p in pins
    ]


def check_tables(doc: dict) -> dict[str, tuple[list[str], list[dict]]]:
    return {
        "violations": (VIOLATION_COLS, doc["violations"]),
        "flags": (FLAG_COLS, doc["flags"]),
        "exceptions": (EXC_COLS, doc["exceptions"]),
        "targets": (TARGET_COLS, doc["targets"]),
        "posts": (POST_COLS, doc.get("posts", [])),
    }


def shown_tables(tables: dict) -> dict:
    """The tables a reader's report (md) shows: all, except `pins` when no pin was given
    (CSV, XLSX and JSON always carry every table, empty or not)."""
    return {k: v for k, v in tables.items() if k != "pins" or v[1]}


# the appointments as a reader's report shows them: merit `1 of 4`, rank `a → b`
READER_APPOINTMENT_COLS = [
    "unit_id",
    "post",
    "officer_id",
    "name",
    "from_unit",
    "from_post",
    "rank",
    "policy_id",
    "merit",
    "alternates",
    "reason",
]


def reader_appointments(rows: list[dict], lang: str = "en") -> list[dict]:
    """Rows of `appointment_rows` for a reader (READER_APPOINTMENT_COLS), in `lang`."""
    out = []
    for r in rows:
        merit = (
            None
            if r["merit_position"] is None
            else {
                "position": r["merit_position"],
                "eligible": r["merit_eligible"],
                "unknown": r["merit_unknown"],
            }
        )
        out.append(
            {
                **r,
                "rank": rank_text(r["rank_before"], r["rank_after"], lang),
                "merit": merit_text(merit, lang),
            }
        )
    return out


def csv_bytes(cols: list[str], rows: list[dict]) -> bytes:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(cols)
    for r in rows:
        w.writerow(["" if r.get(c) is None else neutralise(r.get(c)) for c in cols])
    return buf.getvalue().encode("utf-8-sig")


def markdown(title: str, summary_lines: list[str], tables: dict, lang: str = "en") -> str:
    """A Markdown report; with lang zh, headings, column names and the texts of the cells
    (reasons, messages, posts, codes) in Chinese. Identifiers and data stay as they are."""
    zh = lang == "zh"
    if zh:
        from placement import i18n
    out = [f"# {title}", ""]
    out += summary_lines + [""]
    for name, (cols, rows) in tables.items():
        if name == "appointments":
            cols, rows = READER_APPOINTMENT_COLS, reader_appointments(rows, lang)
        heading = i18n.label(f"tab_{name}", lang) if zh else name
        out += [f"## {heading} ({len(rows)})", ""]
        if not rows:
            out += [i18n.label("md_none", lang) if zh else "(none)", ""]
            continue
        names = (
            [
                i18n.label(f"md_{name}_{c}" if f"md_{name}_{c}" in i18n.LABELS else f"md_{c}", lang)
                for c in cols
            ]
            if zh
            else cols
        )
        out.append("| " + " | ".join(names) + " |")
        out.append("|" + "---|" * len(cols))
        # a vacancy entry's `reason` is a code (no_eligible, ...), not a sentence
        said = reasons_of(rows, lang) if zh and "reason" in cols and name != "exceptions" else None
        for n, r in enumerate(rows):
            cells = [
                _md(said[n] if said is not None and c == "reason" else _zh_cell(c, r.get(c), name))
                if zh
                else _md(r.get(c))
                for c in cols
            ]
            out.append("| " + " | ".join(cells) + " |")
        out.append("")
    return "\n".join(out)


def _zh_cell(col: str, v, table: str):
    """A cell of a Markdown table as a Chinese reader sees it."""
    from placement import i18n

    if v is None:
        return None
    if col == "reason" and table == "exceptions":
        return i18n.label(f"vreason_{v}", "zh")  # a vacancy's: no_policy, no_eligible, ...
    if col == "reason":
        return i18n.reason(v)
    if col in ("message", "outcome"):
        return i18n.translate(v)
    if col in ("from_post", "to_post", "post", "rank_before", "rank_after", "pin_post", "pin_rank"):
        return i18n.term(v)
    if col == "code":
        return i18n.code(v)
    if col == "field":
        return i18n.field(v)
    if col == "action":
        return i18n.action(v)
    if col == "status" and table == "posts":
        return i18n.label(f"post_{v}", "zh")
    if col == "rule_title" and isinstance(v, str) and v in ("unit merge", "manual decision"):
        return i18n.code("unit_merge" if v == "unit merge" else "pin")
    if isinstance(v, bool):
        return i18n.boolean(v)
    return v


def _md(v) -> str:
    return "" if v is None else str(v).replace("|", "\\|").replace("\n", " ")
