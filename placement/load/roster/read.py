"""Read a roster file into a table of text cells, whatever its encoding or format."""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass
from pathlib import Path
from typing import NoReturn

import polars as pl

from placement.messages.registry import Message
from placement.problems import InputError, problem


@dataclass
class RawTable:
    """Header texts and one text column per header; `ragged` maps data index -> cell count."""

    headers: list[str]
    frame: pl.DataFrame  # columns c0..cN, all text, data rows only
    format: str  # csv | xlsx
    encoding: str  # utf-8 | utf-8-sig | gb18030 | utf-16 | xlsx
    ragged: dict[int, int]
    fullwidth: bool = True  # may hold full-width digits or blanks to fold


def read_table(path: Path, raw: bytes) -> RawTable:
    if path.suffix.lower() in (".xlsx", ".xlsm") or raw[:4] == b"PK\x03\x04":
        return _read_xlsx(path, raw)
    return _read_csv(path, raw)


def _fail(path, message: Message, code: str = "roster-unreadable", line: int = 0) -> NoReturn:
    """Raise the roster file's one problem: `code` (declared) with `message`."""
    raise InputError(problem(code, str(path), line, message=message))


def decode(path: Path, raw: bytes) -> tuple[str, str]:
    """Text and the encoding it was in: UTF-8 (BOM or not), UTF-16 with BOM, GB18030."""
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
    frame, enc, data = None, "utf-8", raw
    if (
        not raw.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff"))
        and b"\x00" not in raw[:65536]
    ):
        try:  # the common case: UTF-8, which the CSV reader checks as it reads
            frame = pl.read_csv(
                io.BytesIO(raw), has_header=False, infer_schema=False, quote_char='"'
            )
        except pl.exceptions.PolarsError:
            frame = None
    if frame is None:
        text, enc = decode(path, raw)
        data = text.encode("utf-8") if enc != "utf-8" else raw
    ragged: dict[int, int] = {}
    try:
        if frame is None:
            frame = pl.read_csv(
                io.BytesIO(data), has_header=False, infer_schema=False, quote_char='"'
            )
    except pl.exceptions.PolarsError:
        try:
            frame, ragged = _read_csv_slow(data.decode("utf-8"))
        except InputError as e:
            p = e.problems[0]
            _fail(path, p.message, p.code)
    if frame.height == 0:
        _fail(path, Message("file-empty"), "roster-empty")
    headers = [("" if v is None else str(v)) for v in frame.row(0)]
    frame = frame.slice(1)
    frame.columns = [f"c{i}" for i in range(len(headers))]
    fullwidth = _has(data, b"\xef", b"\xbc") or _has(data, b"\xe3", b"\x80\x80")
    return RawTable(headers, frame, "csv", enc, ragged, fullwidth)


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


def _read_csv_slow(text: str) -> tuple[pl.DataFrame, dict[int, int]]:
    """The careful path for files polars refuses (ragged rows, odd quoting)."""
    try:
        rows = list(csv.reader(io.StringIO(text)))
    except csv.Error as e:
        raise InputError(
            problem("roster-unreadable", "", message=Message("not-csv", {"detail": str(e)}))
        ) from None
    width = len(rows[0]) if rows else 0
    ragged = {}
    fixed = []
    for i, r in enumerate(rows):
        if len(r) != width and i > 0 and any(c.strip() for c in r):
            ragged[i - 1] = len(r)
        fixed.append((r + [""] * width)[:width])
    cols = {f"column_{j}": [r[j] for r in fixed] for j in range(width)}
    return pl.DataFrame(cols, schema={k: pl.String for k in cols}), ragged


def _read_xlsx(path: Path, raw: bytes) -> RawTable:
    try:
        from python_calamine import CalamineWorkbook

        book = CalamineWorkbook.from_filelike(io.BytesIO(raw))
        if not book.sheet_names:
            _fail(path, Message("no-sheets"), "roster-empty")
        rows = book.get_sheet_by_index(0).to_python(skip_empty_area=False)
    except InputError:
        raise
    except Exception as e:  # calamine raises its own types for broken archives
        detail = f"{type(e).__name__}: {e}"
        _fail(path, Message("not-xlsx", {"detail": detail}), "roster-unreadable")
    while rows and not any(_cell(c) for c in rows[-1]):
        rows.pop()
    if not rows:
        _fail(path, Message("first-sheet-empty"), "roster-empty")
    width = max(len(r) for r in rows)
    headers = [_cell(c) for c in rows[0]] + [""] * (width - len(rows[0]))
    cols = {f"c{j}": [(_cell(r[j]) if j < len(r) else "") for r in rows[1:]] for j in range(width)}
    frame = pl.DataFrame(cols, schema={k: pl.String for k in cols})
    return RawTable(headers, frame, "xlsx", "xlsx", {})


def _cell(v) -> str:
    if v is None:
        return ""
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, dt.datetime):
        return v.date().isoformat() if v.time() == dt.time() else v.isoformat(sep=" ")
    if isinstance(v, dt.date):
        return v.isoformat()
    if isinstance(v, float):
        return str(int(v)) if v.is_integer() else repr(v)
    return str(v)
