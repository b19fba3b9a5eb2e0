"""The plan or check report as an XLSX workbook a clerk can sort and filter.

One sheet per table (summary first), each with a frozen heading row, an autofilter and
column widths that fit the text; numbers are numbers, booleans booleans and shares
percentages. XLSX is a human format (SPEC §3): with `lang="zh"` the sheet names, column
headings and the texts of the cells (reasons, messages, posts, codes) are Chinese. The
workbook is byte-for-byte the same for the same document: its creation date is the plan's
as-of date, not the clock (SPEC §2 point 5).
"""

from __future__ import annotations

import datetime as dt
import io
import unicodedata

from placement.messages import Message
from placement.report.write import neutralise

# columns holding a share (0..1), shown as a percentage
SHARE_COLS = {"value", "value_before", "value_after", "at_least", "at_most"}
MAX_WIDTH = 60
# fixed when a document carries no date (a check report): any constant keeps runs identical
EPOCH = dt.date(2000, 1, 1)


def xlsx_bytes(
    doc: dict, kind: str, tables: dict, lang: str = "en", as_of: str | dt.date | None = None
) -> bytes:
    """The workbook's bytes. `tables` is name -> (columns, rows) (report.tables);
    `as_of` (ISO date or date; default the document's `as_of`) is the creation date."""
    import xlsxwriter

    buf = io.BytesIO()
    book = xlsxwriter.Workbook(
        buf,
        {
            "in_memory": True,
            "strings_to_formulas": False,
            "strings_to_urls": False,
            "strings_to_numbers": False,
        },
    )
    created = as_of or doc.get("as_of") or EPOCH
    if isinstance(created, str):
        created = dt.date.fromisoformat(created)
    book.set_properties({"created": dt.datetime.combine(created, dt.time())})
    styles = {
        "head": book.add_format({"bold": True, "bg_color": "#EEEEEE", "bottom": 1}),
        "pct": book.add_format({"num_format": "0.0%"}),
    }
    _sheet(book, styles, "summary", ["item", "value"], summary_rows(doc, kind, lang), lang)
    for name, (cols, rows) in tables.items():
        _sheet(book, styles, name, cols, rows, lang)
    book.close()
    return buf.getvalue()


def _sheet(book, styles, name: str, cols: list[str], rows: list[dict], lang: str) -> None:
    from placement.i18n import LABELS, label
    from placement.messages.rows import reasons_of

    zh = lang == "zh"
    sheet = book.add_worksheet(label(f"tab_{name}", lang) if zh else name)
    heads = [
        label(f"md_{name}_{c}" if f"md_{name}_{c}" in LABELS else f"md_{c}", lang) if zh else c
        for c in cols
    ]
    widths = [_width(h) for h in heads]
    sheet.write_row(0, 0, heads, styles["head"])
    said = reasons_of(rows, lang) if zh and "reason" in cols else None
    for i, r in enumerate(rows, start=1):
        for j, c in enumerate(cols):
            v = said[i - 1] if said is not None and c == "reason" else r.get(c)
            share = r.get("_share") is True if name == "summary" else c in SHARE_COLS
            told = said is not None and c == "reason"  # already in Chinese
            put = _put(sheet, i, j, v, c, name, zh and not told, share, styles)
            widths[j] = max(widths[j], put)
    for j, w in enumerate(widths):
        sheet.set_column(j, j, min(w + 2, MAX_WIDTH))
    sheet.freeze_panes(1, 0)
    sheet.autofilter(0, 0, max(len(rows), 1), len(cols) - 1)


def _put(sheet, i: int, j: int, v, col: str, table: str, zh: bool, share: bool, styles) -> int:
    """Write one cell in its type; the display width of what was written."""
    if v is None:
        return 0
    if isinstance(v, bool):
        sheet.write_boolean(i, j, v)
        return 5
    if isinstance(v, int | float):
        if share:
            sheet.write_number(i, j, v, styles["pct"])
            return 6
        sheet.write_number(i, j, v)
        return len(str(v))
    if zh:
        from placement.report.tables import _zh_cell

        v = _zh_cell(col, v, table)
    text = str(v.text("zh" if zh else "en") if isinstance(v, Message) else v)
    sheet.write_string(i, j, neutralise(text))
    return _width(text)


def _width(text: str) -> int:
    """Display columns: a CJK character takes two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def summary_rows(doc: dict, kind: str, lang: str = "en") -> list[dict]:
    """The summary sheet's rows `{"item", "value"}`; shares carry `_share` (shown as %)."""
    from placement.i18n import label

    def item(key: str, value, share: bool = False, **fmt) -> dict:
        return {"item": label(f"sum_{key}", lang).format(**fmt), "value": value, "_share": share}

    if kind != "plan":
        rows = [item(k, len(doc[k])) for k in ("violations", "flags", "exceptions")]
        rows.append(item("posts", len(doc.get("posts", []))))
        for t in doc["targets"]:
            rows.append(item("target_now", t["value"], True, id=t["id"]))
            rows.append(item("target_met", t["met"], id=t["id"]))
        return rows
    s = doc["summary"]
    rows = [item("ruleset", doc["ruleset"]), item("as_of", doc["as_of"])]
    rows += [
        item(k, s[k]) for k in ("officers", "transfers", "post_changes", "flags", "exceptions")
    ]
    rows += [
        item("grassroots_share_before", s["grassroots_share"]["before"], True),
        item("grassroots_share_after", s["grassroots_share"]["after"], True),
        item("allowance_before", s["allowance_monthly_total"]["before"]),
        item("allowance_after", s["allowance_monthly_total"]["after"]),
        item("pins", len(doc.get("pins", []))),
    ]
    for t in s["targets"]:
        rows.append(item("target_before", t["value_before"], True, id=t["id"]))
        rows.append(item("target_after", t["value_after"], True, id=t["id"]))
        rows.append(item("target_met", t["met_after"], id=t["id"]))
    from placement.report.posts import summary_pairs

    rows += [item(k, v) for k, v in summary_pairs(doc)]
    return rows
