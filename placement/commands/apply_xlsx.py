"""`apply` to an XLSX roster: the same workbook with only the changed cells rewritten.

The clerk's workbook keeps everything it had: the sheet names and order, the other
sheets, column widths, styles, number formats, and the types of the cells (dates stay
dates, numbers numbers, booleans booleans). openpyxl loads and rewrites the workbook
preserving all that; we only set the values of the cells `apply` changed (unit, post,
rank, post_since), each in the type and number format the column already uses. The
result is byte-identical for the same inputs: the zip entries carry a fixed time and the
document's `modified` date is the plan's as-of date.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from pathlib import Path
from typing import Any

from placement.messages.registry import Message
from placement.problems import InputError, problem

_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")
ZIP_TIME = (1980, 1, 1, 0, 0, 0)


def rewrite_xlsx(
    path: str | Path,
    old: list[list[str]],
    new: list[list[str]],
    as_of: str | dt.date | None = None,
    sheet_name: str | None = None,
    header_row: int = 1,
    rows: list[int] | None = None,
) -> bytes:
    """The workbook at `path` with the cells where `new` differs from `old` rewritten.

    `old` and `new` are header plus data rows as text (load.roster.read), data row i
    being sheet row `rows[i]` (default i + header_row + 1) of the sheet read (`sheet_name`,
    default the first), whose header is on `header_row`; a header cell read from the row
    above (a two-row header) is checked there. InputError when the
    sheet's header row is not `old[0]` (the cells would not be the ones read).
    `as_of` (ISO date or date) is written as the document's modification date.
    """
    import openpyxl

    path = Path(path)
    xlsm = path.suffix.lower() == ".xlsm"
    try:
        book = openpyxl.load_workbook(path, keep_vba=xlsm, keep_links=True)
    except Exception as e:  # openpyxl raises many types for what calamine could read
        raise InputError(
            problem(
                "roster-unreadable",
                str(path),
                message=Message("workbook-unrewritable", {"detail": f"{type(e).__name__}: {e}"}),
            )
        ) from None
    sheet = book[sheet_name] if sheet_name in book.sheetnames else book.worksheets[0]
    width = len(old[0])
    head = [_text(sheet.cell(row=header_row, column=j + 1).value) for j in range(width)]
    above = [
        _text(sheet.cell(row=header_row - 1, column=j + 1).value) if header_row > 1 else ""
        for j in range(width)
    ]
    for h, u, want in zip(head, above, old[0], strict=True):
        if h.strip() != want.strip() and not (not h.strip() and u.strip() == want.strip()):
            raise InputError(problem("roster-changed", str(path), header_row, 0, sheet=sheet.title))
    numbers = rows if rows is not None else [header_row + 1 + i for i in range(len(old) - 1)]
    kinds: dict[int, Any] = {}
    for i, (a, b) in enumerate(zip(old[1:], new[1:], strict=True)):
        for j, (x, y) in enumerate(zip(a, b, strict=True)):
            if x != y:
                cell = sheet.cell(row=numbers[i], column=j + 1)
                like = cell if cell.value is not None else kinds.setdefault(j, _first(sheet, j))
                _set(cell, y, like)
    if as_of is not None:
        day = dt.date.fromisoformat(as_of) if isinstance(as_of, str) else as_of
        stamp = dt.datetime.combine(day, dt.time())
    else:
        stamp = book.properties.modified or book.properties.created
    return _save(book, stamp)


def _first(sheet: Any, j: int) -> Any:
    """The first data cell of column j with a value: the model for an empty cell."""
    for (cell,) in sheet.iter_rows(min_row=2, min_col=j + 1, max_col=j + 1):
        if cell.value is not None and cell.value != "":
            return cell
    return None


def _set(cell: Any, text: str, like: Any) -> None:
    """Set `text` in the type (and number format) of `like`, where it reads as one."""
    value: object = text
    kind = like.value if like is not None else None
    if text == "":
        value = None
    elif isinstance(kind, bool):
        if text.lower() in ("true", "false"):
            value = text.lower() == "true"
    elif isinstance(kind, dt.datetime | dt.date):
        try:
            day = dt.date.fromisoformat(text[:10])
            value = dt.datetime.combine(day, dt.time()) if isinstance(kind, dt.datetime) else day
        except ValueError:
            pass
    elif isinstance(kind, int | float) and _NUMBER.fullmatch(text):
        number = float(text)
        value = int(number) if number.is_integer() and "." not in text else number
    cell.value = value
    if like is not None and like is not cell and value is not None and not isinstance(value, str):
        cell.number_format = like.number_format


def _text(v: object) -> str:
    return "" if v is None else str(v)


class _FixedTimeZip(zipfile.ZipFile):
    """A zip whose entries all carry one fixed time, so equal workbooks are equal bytes."""

    def writestr(
        self,
        zinfo_or_arcname: str | zipfile.ZipInfo,
        data: Any,
        compress_type: int | None = None,
        compresslevel: int | None = None,
    ) -> None:
        if not isinstance(zinfo_or_arcname, zipfile.ZipInfo):
            info = zipfile.ZipInfo(zinfo_or_arcname, date_time=ZIP_TIME)
            info.compress_type = self.compression
            info.external_attr = 0o600 << 16
            zinfo_or_arcname = info
        else:
            zinfo_or_arcname.date_time = ZIP_TIME
        super().writestr(zinfo_or_arcname, data, compress_type, compresslevel)

    def write(  # type: ignore[override]
        self,
        filename: str | Path,
        arcname: str | None = None,
        compress_type: int | None = None,
        compresslevel: int | None = None,
    ) -> None:
        """openpyxl streams each worksheet through a temporary file: take its bytes."""
        with open(filename, "rb") as fh:
            data = fh.read()
        self.writestr(str(arcname or Path(filename).name), data, compress_type, compresslevel)


def _save(book: Any, modified: dt.datetime | None) -> bytes:
    from openpyxl.writer.excel import ExcelWriter

    buf = io.BytesIO()
    archive = _FixedTimeZip(buf, "w", zipfile.ZIP_DEFLATED, allowZip64=True)
    book.properties.modified = modified
    ExcelWriter(book, archive).save()  # closes the archive
    return buf.getvalue()
