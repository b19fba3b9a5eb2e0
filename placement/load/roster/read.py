"""Read a roster file into a table of text cells, whatever its encoding or format."""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

import polars as pl

from placement.load.roster.layout import FOOTER_SCAN, blank, find_header, footer_count
from placement.load.schema import header_lookup, normalise_header
from placement.messages.registry import Message
from placement.problems import InputError, problem

if TYPE_CHECKING:
    from placement.documents import IgnoredRow


@dataclass
class RawTable:
    """Header texts and one text column per header; `ragged` maps data index -> cell count.

    Where the table sat in the file: `sheet` (None for CSV), `header_row` (1-based row of the
    header), `rows` (the file's row number of each data row, or None when they run on from
    `header_row + 1`), and `ignored` (title and footer rows: `{"row", "kind"}`)."""

    headers: list[str]
    frame: pl.DataFrame  # columns c0..cN, all text, data rows only
    format: str  # csv | xlsx | xls | ods
    encoding: str  # utf-8 | utf-8-sig | gb18030 | utf-16 | xlsx
    ragged: dict[int, int]
    fullwidth: bool = True  # may hold full-width digits or blanks to fold
    sheet: str | None = None
    header_row: int = 1
    rows: pl.Series | None = None
    ignored: list[IgnoredRow] = field(default_factory=list)
    delimiter: str = ","

    @property
    def first_row(self) -> int:
        """The file's row number (1-based) of the first data row: the one after the header."""
        return self.header_row + 1

    def row_numbers(self) -> pl.Series:
        """The file's row number (1-based) of each data row: an Int64 Series of
        `frame.height` values, `rows` when set, else `first_row, first_row + 1, ...`."""
        if self.rows is not None:
            return self.rows
        n = self.frame.height
        return pl.int_range(self.first_row, n + self.first_row, dtype=pl.Int64, eager=True)

    @property
    def where(self) -> str:
        """`sheet` for messages (file:sheet:row), or '' for a CSV file."""
        return self.sheet or ""


def read_table(path: Path, raw: bytes, sheet: str | None = None) -> RawTable:
    """The roster's cells as text: a RawTable of the header texts and one String column per
    header (`c0..cN`, data rows only; titles above the header and footers below the data are
    left out and listed in `ignored`).

    `path` names the file (its suffix, with `raw`'s first bytes, tells a workbook from text);
    `raw` is the whole file's bytes; `sheet` (a name or a 1-based index as text) chooses a
    workbook's sheet (default: the active one). Raises InputError with one problem of code
    roster-unreadable, roster-encoding, roster-binary, roster-empty or roster-sheet-* for a
    file that cannot be read, and roster-sheet-text when `sheet` is given for a CSV file."""
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm", ".xls", ".ods") or raw[:4] == b"PK\x03\x04" or raw[:8] == OLE:
        from placement.load.roster.book import read_book

        return read_book(path, raw, sheet)
    if sheet is not None:
        raise InputError(problem("roster-sheet-text", str(path), sheet=sheet, file=path.name))
    return _read_csv(path, raw)


OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # the old binary .xls (BIFF8 in an OLE file)


def _fail(
    path: object, message: Message, code: str = "roster-unreadable", line: int = 0
) -> NoReturn:
    """Raise the roster file's one problem: `code` (declared) with `message`."""
    raise InputError(problem(code, str(path), line, message=message))


def decode(path: Path, raw: bytes) -> tuple[str, str]:
    """`raw` (a text file's bytes) as (text, encoding), the encoding one of `utf-8-sig`
    (UTF-8 with BOM), `utf-16` (with BOM), `utf-8`, `gb18030`, tried in that order.

    `path` only names the file in problems. Raises InputError: roster-encoding (bad UTF-16, or
    neither UTF-8 nor GB18030; the line of the first bad byte) or roster-binary (NUL bytes)."""
    if raw.startswith(b"\xef\xbb\xbf"):
        enc, body = "utf-8-sig", raw[3:]
    elif raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as e:
            _fail(path, Message("utf16-undecodable", {"byte": e.start}), "roster-encoding")
    else:
        enc, body = "utf-8", raw
    if b"\x00" in body:
        _fail(path, Message("roster-binary"), "roster-binary")
    try:
        return body.decode("utf-8"), enc
    except UnicodeDecodeError:
        pass
    try:
        return body.decode("gb18030"), "gb18030"
    except UnicodeDecodeError as e:
        line = body[: e.start].count(b"\n") + 1
        _fail(
            path,
            Message("not-utf8-gb18030", {"offset": e.start}),
            "roster-encoding",
            line,
        )
    raise AssertionError


def _read_csv(path: Path, raw: bytes) -> RawTable:
    if not raw[:65536].strip() and not raw.strip():
        _fail(path, Message("file-empty"), "roster-empty")
    delim, hidx, sniffed = _sniff(_head_text(raw))
    frame: pl.DataFrame | None = None
    enc, data = "utf-8", raw
    if (
        not raw.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff"))
        and b"\x00" not in raw[:65536]
    ):
        try:  # the common case: UTF-8, which the CSV reader checks as it reads
            frame = _polars_csv(raw, delim, hidx)
        except pl.exceptions.PolarsError:
            frame = None
    if frame is None:
        text, enc = decode(path, raw)
        data = text.encode("utf-8") if enc != "utf-8" else raw
    ragged: dict[int, int] = {}
    try:
        if frame is None:
            frame = _polars_csv(data, delim, hidx)
    except pl.exceptions.PolarsError:
        try:
            frame, ragged = _read_csv_slow(data.decode("utf-8"), delim, hidx)
        except InputError as e:
            p = e.problems[0]
            _fail(path, p.message, p.code)
    if frame.height == 0:
        _fail(path, Message("file-empty"), "roster-empty")
    headers = [("" if v is None else str(v)) for v in frame.row(0)]
    if 0 < hidx <= len(sniffed):  # a two-row header: names merged down from the group row
        upper = sniffed[hidx - 1]
        lookup = header_lookup()
        for j, c in enumerate(upper[: len(headers)]):
            if blank(headers[j]) and normalise_header(c) in lookup:
                headers[j] = c
    frame = frame.slice(1)
    frame.columns = [f"c{i}" for i in range(len(headers))]
    ignored: list[IgnoredRow] = [
        {"row": i + 1, "kind": "title"}
        for i, r in enumerate(sniffed[:hidx])
        if any(not blank(c) for c in r)
    ]
    frame, footers = drop_footers(frame, headers, hidx + 2)
    ragged = {k: v for k, v in ragged.items() if k < frame.height}
    fullwidth = _has(data, b"\xef", b"\xbc") or _has(data, b"\xe3", b"\x80\x80")
    return RawTable(
        headers,
        frame,
        "csv",
        enc,
        ragged,
        fullwidth,
        header_row=hidx + 1,
        ignored=ignored + footers,
        delimiter=delim,
    )


def _polars_csv(data: bytes, delimiter: str, skip: int) -> pl.DataFrame:
    """Every row from `skip` (0-based; the header row) on, as String columns (polars names
    them; the caller renames them). Raises polars' errors (not UTF-8, ragged rows, quoting)."""
    return pl.read_csv(
        io.BytesIO(data),
        has_header=False,
        infer_schema=False,
        quote_char='"',
        separator=delimiter,
        skip_rows=skip,
    )


def drop_footers(
    frame: pl.DataFrame, headers: list[str], first_row: int, rows: pl.Series | None = None
) -> tuple[pl.DataFrame, list[IgnoredRow]]:
    """The frame without its footer rows (totals, notes, signatures after the data), and
    those rows as `{"row", "kind": "footer"}`; only the last FOOTER_SCAN rows are looked at.

    `frame` holds the data rows' text cells (any column names), `headers` their header texts
    (the officer_id and name columns are found by them); a footer row's file row is
    `rows[i]` when given, else `first_row + i` for data index i. Raises nothing."""
    if frame.height == 0:
        return frame, []
    lookup = header_lookup()
    fields = {lookup.get(normalise_header(h)): j for j, h in enumerate(headers)}
    tail = [list(r) for r in frame.tail(FOOTER_SCAN).iter_rows()]
    n = footer_count(tail, fields.get("officer_id"), fields.get("name"))
    if not n:
        return frame, []
    start = frame.height - n
    numbers = (
        rows.slice(start).to_list()
        if rows is not None
        else range(first_row + start, first_row + frame.height)
    )
    out: list[IgnoredRow] = [
        {"row": r, "kind": "footer"}
        for r, cells in zip(numbers, tail[len(tail) - n :], strict=True)
        if any(not blank(c) for c in cells)
    ]
    return frame.head(start), out


def _head_text(raw: bytes, size: int = 65536) -> str:
    """The file's first bytes as text, for finding the delimiter and the header row."""
    head = raw[:size]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return head[: len(head) // 2 * 2].decode("utf-16", errors="replace")
    if head.startswith(b"\xef\xbb\xbf"):
        head = head[3:]
    utf8 = head.decode("utf-8", errors="replace")
    if utf8.count("\ufffd") <= 3:  # at most a character cut at the end
        return utf8
    return head.decode("gb18030", errors="replace")


DELIMITERS = (",", "\t", ";")


def _sniff(text: str) -> tuple[str, int, list[list[str]]]:
    """(delimiter, 0-based index of the header row, the first rows split by it).

    Excel's "Unicode text" export is tab-separated and European CSV uses `;`: each delimiter
    splits the first rows, and the one whose best row names the most known fields wins
    (comma on a tie; with no field named, the one giving the first row the most cells)."""
    lines = text.splitlines()[: SCAN_LINES + 1]
    if len(lines) > SCAN_LINES:
        lines = lines[:SCAN_LINES]
    best: tuple[str, int, list[list[str]]] = (",", 0, [])
    best_key = (-1, -1)
    for d in DELIMITERS:
        try:
            rows = list(csv.reader(lines, delimiter=d))
        except csv.Error:
            continue
        if not rows:
            continue
        h = find_header(rows)
        key = (h.score if h.score >= 2 else 0, len(rows[0]) if h.score < 2 else 0)
        if key > best_key:
            best, best_key = (d, h.index, rows), key
    return best


SCAN_LINES = 20


def _has(data: bytes, lead: bytes, rest: bytes, limit: int = 10_000) -> bool:
    """Whether `lead + rest` occurs in data; past `limit` near misses, say it may. Folding
    full-width text then costs time and parses the same values; only the cells quoted in
    messages are shown trimmed. memchr for the lead byte is several times faster than a
    substring search over a province-sized file."""
    pos, width = data.find(lead), len(rest)
    while pos >= 0 and limit:
        if data[pos + 1 : pos + 1 + width] == rest:
            return True
        pos, limit = data.find(lead, pos + 1), limit - 1
    return pos >= 0


def _read_csv_slow(
    text: str, delimiter: str = ",", skip: int = 0
) -> tuple[pl.DataFrame, dict[int, int]]:
    """The careful path for files polars refuses (ragged rows, odd quoting)."""
    try:
        rows = list(csv.reader(io.StringIO(text), delimiter=delimiter))[skip:]
    except csv.Error as e:
        raise InputError(
            problem("roster-unreadable", "", message=Message("not-csv", {"detail": str(e)}))
        ) from None
    width = len(rows[0]) if rows else 0
    ragged: dict[int, int] = {}
    fixed: list[list[str]] = []
    for i, r in enumerate(rows):
        if len(r) != width and i > 0 and any(c.strip() for c in r):
            ragged[i - 1] = len(r)
        fixed.append((r + [""] * width)[:width])
    cols = {f"column_{j}": [r[j] for r in fixed] for j in range(width)}
    return pl.DataFrame(cols, schema={k: pl.String for k in cols}), ragged


def _cell(v: object) -> str:
    """A workbook cell's value (None, bool, date, datetime, float, int, str) as roster text."""
    if v is None:
        return ""
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, dt.datetime):
        return v.date().isoformat() if v.time() == dt.time() else v.isoformat(sep=" ")
    if isinstance(v, dt.date):
        return v.isoformat()
    if isinstance(v, float):
        if v.is_integer() and abs(v) >= EXACT_DIGITS_LIMIT:
            return f"{v:.15G}"  # digits past Excel's 15 were never kept: not a number to trust
        return str(int(v)) if v.is_integer() else repr(v)
    return str(v)


# Excel keeps 15 significant digits of a number (and a double no more than 15.9): a workbook
# number cell of 16 or more digits, like an 18-digit ID number typed without a text format,
# lost its last digits. `str(int(v))` would show invented ones (`...110096`); the 15-digit
# scientific form (`1.40105197506110E+17`) is what the cell holds, and roster loading reads
# an ID in that form as `lost_digits` (SPEC §4) instead of a wrong ID number.
EXACT_DIGITS_LIMIT = 1e15
