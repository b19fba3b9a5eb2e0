"""Read a workbook roster (XLSX, old BIFF8 .xls, ODS): choose the sheet, find the table on it.

Which sheet: `--sheet NAME|INDEX` (index from 1, as a clerk counts tabs) when given; else the
active sheet when it is visible and its header names roster fields; else the one visible sheet
whose header does. A hidden sheet is never chosen without `--sheet` (last year's roster is
often kept hidden in front of this year's), and several matching visible sheets with none
active is an error that lists them.

Reading cost follows the cells, not the sheet's declared size: one stray blank cell at
BH1048576 makes calamine build a dense range of 60 million cells (2 GB, 20 s for 8 officers).
A sheet whose XML is small, or whose rows are sparse (its last row far beyond the rows it
holds), is streamed by openpyxl instead, which yields only the rows present; larger dense
sheets go to calamine (ten times faster per cell). openpyxl also gives number formats: a
year.month number such as 1985.1 shown as `1985.10` (format `0.00`) is read as displayed.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import polars as pl

from placement.load.roster.layout import blank, find_header
from placement.load.roster.read import OLE, RawTable, _cell, _fail, drop_footers
from placement.messages.registry import Message
from placement.problems import InputError, problem

if TYPE_CHECKING:
    from placement.documents import IgnoredRow

STREAM_BYTES = 1 << 20  # sheet XML up to this size is streamed by openpyxl (formats known)
MATCH = 3  # a sheet's header must name this many roster fields to be taken as the roster

_NS = {
    "m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "rel": "http://schemas.openxmlformats.org/package/2006/relationships",
}


@dataclass
class Sheet:
    name: str
    visible: bool
    part: str | None = None  # xl/worksheets/sheetN.xml (XLSX only)


def read_book(path: Path, raw: bytes, choice: str | None) -> RawTable:
    """A workbook's (XLSX, XLS or ODS, `raw` its bytes) chosen sheet as a RawTable of text
    cells: `choice` a sheet name (case ignored) or 1-based position, else the active sheet
    when its rows hold a roster header, else the one visible sheet that does.

    Raises InputError: roster-unreadable (not a workbook), roster-empty (no sheets, or the
    sheet is empty), roster-sheet-missing/-hidden/-none/-several (the sheet asked for is not
    there, or the roster's is hidden, or no sheet or several could be the roster)."""
    kind = "xls" if raw[:8] == OLE else "ods" if path.suffix.lower() == ".ods" else "xlsx"
    try:
        from python_calamine import CalamineWorkbook

        book = CalamineWorkbook.from_filelike(io.BytesIO(raw))
        sheets, active = _sheets(book, raw, kind)
    except Exception as e:  # calamine raises its own types for broken archives
        detail = f"{kind}: {type(e).__name__}: {e}"
        _fail(path, Message("not-xlsx", {"detail": detail}), "roster-unreadable")
    if not sheets:
        _fail(path, Message("no-sheets"), "roster-empty")
    cache: dict[str, tuple[list[list[str]], list[int]]] = {}

    def rows_of(s: Sheet) -> tuple[list[list[str]], list[int]]:
        if s.name not in cache:
            cache[s.name] = _rows(book, raw, s, kind, path)
        return cache[s.name]

    sheet = _choose(path, sheets, active, choice, rows_of)
    rows, numbers = rows_of(sheet)
    if not rows:
        _fail(path, Message("sheet-empty", {"sheet": sheet.name}), "roster-empty")
    header = find_header(rows)
    h = header.index
    width = max(len(header.cells), max(len(r) for r in rows[h + 1 :]) if len(rows) > h + 1 else 0)
    headers = header.cells + [""] * (width - len(header.cells))
    body = rows[h + 1 :]
    cols = {f"c{j}": [(r[j] if j < len(r) else "") for r in body] for j in range(width)}
    frame = pl.DataFrame(cols, schema={k: pl.String for k in cols})
    row_numbers = pl.Series(numbers[h + 1 :], dtype=pl.Int64)
    ignored: list[IgnoredRow] = [{"row": numbers[i], "kind": "title"} for i in range(h)]
    frame, footers = drop_footers(frame, headers, 0, row_numbers)
    return RawTable(
        headers,
        frame,
        kind,
        kind,
        {},
        sheet=sheet.name,
        header_row=numbers[h],
        rows=row_numbers.head(frame.height),
        ignored=ignored + footers,
    )


def _sheets(book: Any, raw: bytes, kind: str) -> tuple[list[Sheet], int | None]:
    """The worksheets in tab order and the active one's position (XLSX only)."""
    meta = [m for m in book.sheets_metadata if str(m.typ).endswith("WorkSheet")]
    visible = {m.name: str(m.visible).endswith(".Visible") for m in meta}
    if kind != "xlsx":
        return [Sheet(m.name, visible[m.name]) for m in meta], None
    with zipfile.ZipFile(io.BytesIO(raw)) as z:
        wb = ET.fromstring(z.read("xl/workbook.xml"))
        rels = ET.fromstring(z.read("xl/_rels/workbook.xml.rels"))
    targets = {r.get("Id"): r.get("Target", "") for r in rels.findall("rel:Relationship", _NS)}
    view = wb.find("m:bookViews/m:workbookView", _NS)
    active_tab = int(view.get("activeTab", "0")) if view is not None else 0
    out: list[Sheet] = []
    active: int | None = None
    for k, s in enumerate(wb.findall("m:sheets/m:sheet", _NS)):
        name = s.get("name", "")
        if name not in visible:  # a chart sheet
            continue
        target = targets.get(s.get(f"{{{_NS['r']}}}id"), "")
        part = target.lstrip("/") if target.startswith("/") else "xl/" + target
        if k == active_tab:
            active = len(out)
        out.append(Sheet(name, visible[name], part))
    return out, active


def _choose(
    path: Path,
    sheets: list[Sheet],
    active: int | None,
    choice: str | None,
    rows_of: Callable[[Sheet], tuple[list[list[str]], list[int]]],
) -> Sheet:
    names = [
        Message(
            "sheet-listed" if s.visible else "sheet-listed-hidden", {"n": i + 1, "name": s.name}
        )
        for i, s in enumerate(sheets)
    ]
    if choice is not None:
        text = str(choice).strip()
        for s in sheets:
            if s.name == text or s.name.strip().lower() == text.lower():
                return s
        if text.isdigit() and 1 <= int(text) <= len(sheets):
            return sheets[int(text) - 1]
        raise InputError(problem("roster-sheet-missing", str(path), sheet=text, sheets=names))

    def matches(s: Sheet) -> bool:
        rows, _n = rows_of(s)
        return bool(rows) and find_header(rows).score >= MATCH

    shown = [s for s in sheets if s.visible]
    if active is not None and sheets[active].visible and matches(sheets[active]):
        return sheets[active]
    found = [s for s in shown if matches(s)]
    if len(found) == 1:
        return found[0]
    if len(shown) == 1 and not found and not any(matches(s) for s in sheets if not s.visible):
        return shown[0]  # the missing-column message then names this sheet
    if len(found) > 1:
        raise InputError(problem("roster-sheet-several", str(path), sheets=[s.name for s in found]))
    hidden = [s.name for s in sheets if not s.visible and matches(s)]
    if hidden:
        raise InputError(problem("roster-sheet-hidden", str(path), sheet=hidden[0], sheets=names))
    raise InputError(problem("roster-sheet-none", str(path), sheets=names))


def _rows(
    book: Any, raw: bytes, sheet: Sheet, kind: str, path: Path
) -> tuple[list[list[str]], list[int]]:
    """The sheet's non-blank rows as text cells, and their 1-based row numbers."""
    if kind == "xlsx" and sheet.part and _stream(raw, sheet.part):
        return _rows_streamed(raw, sheet.name)
    rows = book.get_sheet_by_name(sheet.name).to_python(skip_empty_area=False)
    texts, numbers = [], []
    for i, r in enumerate(rows):
        cells = [_cell(c) for c in r]
        if any(not blank(c) for c in cells):
            texts.append(cells)
            numbers.append(i + 1)
    return texts, numbers


def _stream(raw: bytes, part: str) -> bool:
    """Whether to stream the sheet with openpyxl: small, or sparse (its last row number more
    than twice the rows it holds, plus a margin): a stray far cell."""
    with zipfile.ZipFile(io.BytesIO(raw)) as z:
        try:
            info = z.getinfo(part)
        except KeyError:
            return False
        if info.file_size <= STREAM_BYTES:
            return True
        count, last, tail = 0, 0, b""
        with z.open(info) as f:
            while chunk := f.read(1 << 22):
                data = tail + chunk
                count += data.count(b"<row ") - tail.count(b"<row ")
                tail = data[-64:]
            m = list(re.finditer(rb'<row [^>]*?r="(\d+)"', data[-(1 << 16) :]))
            last = int(m[-1].group(1)) if m else 0
    return last > 2 * count + 1000


def _rows_streamed(raw: bytes, name: str) -> tuple[list[list[str]], list[int]]:
    import openpyxl

    wb = openpyxl.load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
    try:
        ws = wb[name]
        ws.reset_dimensions()  # gaps then come as empty rows, not as rows of the declared width
        texts, numbers = [], []
        for row in ws.iter_rows():
            if not row:
                continue
            cells, number = [], 0
            for c in row:
                value = getattr(c, "value", None)
                if value is None:
                    cells.append("")
                    continue
                number = c.row
                cells.append(_shown(value, getattr(c, "number_format", "General")))
            if number and any(not blank(x) for x in cells):
                texts.append(cells)
                numbers.append(number)
    finally:
        wb.close()
    return texts, numbers


_FIXED = re.compile(r"^0\.(0+)$")


def _shown(value: object, number_format: str) -> str:
    """A cell as the sheet shows it, where that matters: a number under a fixed-decimals format
    (`0.00`) keeps its trailing zeros, so 1985.1 shown as `1985.10` reads as October."""
    if isinstance(value, float) and not value.is_integer():
        m = _FIXED.match(str(number_format or ""))
        if m:
            return f"{value:.{len(m.group(1))}f}"
    if isinstance(value, dt.time):
        return value.isoformat()
    return _cell(value)
