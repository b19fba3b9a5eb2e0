"""Flat tables from a plan or check document, for CSV, XLSX and Markdown."""

from __future__ import annotations

import csv
import io

from .write import neutralise

TRANSFER_COLS = ["officer_id", "name", "from_unit", "to_unit", "from_post", "to_post", "rule_id",
                 "rule_title", "reason"]
FLAG_COLS = ["officer_id", "code", "rule_id", "reason"]
EXC_COLS = ["officer_id", "row", "code", "rule_id", "field", "message"]
UNIT_COLS = ["unit_id", "name", "before", "after", "capacity", "min_staff"]
VIOLATION_COLS = ["officer_id", "rule_id", "action", "reason"]
TARGET_COLS = ["id", "title", "value", "at_least", "at_most", "met"]


def plan_tables(doc: dict) -> dict[str, tuple[list[str], list[dict]]]:
    return {"transfers": (TRANSFER_COLS, doc["transfers"]), "flags": (FLAG_COLS, doc["flags"]),
            "exceptions": (EXC_COLS, doc["exceptions"]), "units": (UNIT_COLS, doc["units"])}


def check_tables(doc: dict) -> dict[str, tuple[list[str], list[dict]]]:
    return {"violations": (VIOLATION_COLS, doc["violations"]), "flags": (FLAG_COLS, doc["flags"]),
            "exceptions": (EXC_COLS, doc["exceptions"]), "targets": (TARGET_COLS, doc["targets"])}


def csv_bytes(cols: list[str], rows: list[dict]) -> bytes:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(cols)
    for r in rows:
        w.writerow(["" if r.get(c) is None else neutralise(r.get(c)) for c in cols])
    return buf.getvalue().encode("utf-8-sig")


def markdown(title: str, summary_lines: list[str], tables: dict) -> str:
    out = [f"# {title}", ""]
    out += summary_lines + [""]
    for name, (cols, rows) in tables.items():
        out += [f"## {name} ({len(rows)})", ""]
        if not rows:
            out += ["(none)", ""]
            continue
        out.append("| " + " | ".join(cols) + " |")
        out.append("|" + "---|" * len(cols))
        for r in rows:
            out.append("| " + " | ".join(_md(r.get(c)) for c in cols) + " |")
        out.append("")
    return "\n".join(out)


def _md(v) -> str:
    return "" if v is None else str(v).replace("|", "\\|").replace("\n", " ")


def xlsx_bytes(tables: dict, summary: list[tuple[str, object]]) -> bytes:
    import xlsxwriter

    buf = io.BytesIO()
    book = xlsxwriter.Workbook(buf, {"in_memory": True, "strings_to_formulas": False,
                                     "strings_to_urls": False})
    for name, (cols, rows) in tables.items():
        sheet = book.add_worksheet(name)
        sheet.write_row(0, 0, cols)
        for i, r in enumerate(rows, start=1):
            sheet.write_row(i, 0, ["" if r.get(c) is None else neutralise(r.get(c)) for c in cols])
    sheet = book.add_worksheet("summary")
    for i, (k, v) in enumerate(summary):
        sheet.write_row(i, 0, [k, neutralise(str(v))])
    book.close()
    return buf.getvalue()
