"""Where the table is on a sheet: the header row among the first rows, the title rows above it,
the footer rows (totals, notes, signatures) after the data.

Real 花名冊 exports start with a title (`XX分局民警花名冊`), a `制表日期：…` line, a merged
title or a two-row header whose upper row groups the columns (基本信息 / 任職情況), and end
with `合計 8人`, `備註：…`, `制表人：…`. The header is the row among the first `SCAN_ROWS`
that names the most known roster fields; the rows above it are a title; trailing rows that
look like totals or notes are footers. Both are reported (`ignored_rows`), never dropped
in silence. Pure functions over lists of text cells; imports nothing heavy.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from placement.load.schema import header_lookup, normalise_header

SCAN_ROWS = 20  # the header is looked for among this many first rows
FOOTER_SCAN = 20  # at most this many trailing rows are looked at as footers

# Blanks a cell may hold and still be empty: ASCII, full-width (U+3000), non-breaking (U+00A0),
# and the other Unicode spaces Excel and WPS paste in.
BLANKS = " \t\r\n\u3000\u00a0\u2002\u2003\u2009\u200b\ufeff"

_FOOTER = re.compile(
    r"^\s*(合\s*計|合\s*计|總\s*計|总\s*计|小\s*計|小\s*计|共\s*計|共\s*计|總\s*數|总\s*数"
    r"|備\s*註|备\s*注|註|注\s*[:：]|說\s*明|说\s*明|制\s*表|製\s*表|填\s*表|填\s*報|填\s*报"
    r"|審\s*核|审\s*核|負\s*責\s*人|负\s*责\s*人|單位負責人|单位负责人|經辦人|经办人"
    r"|total|note|prepared\s+by)",
    re.IGNORECASE,
)


def blank(text: object) -> bool:
    """Whether a cell is empty once trimmed of every kind of blank."""
    return text is None or not str(text).strip(BLANKS)


def header_score(cells: list[str], lookup: dict[str, str] | None = None) -> int:
    """How many distinct known roster fields the row names."""
    lookup = lookup if lookup is not None else header_lookup()
    return len({lookup[k] for k in (normalise_header(c) for c in cells) if k in lookup})


@dataclass
class Header:
    """The header row found: its 0-based index among the rows given, its cells (a two-row
    header's upper cells filled in where the lower row is blank) and its score."""

    index: int
    cells: list[str]
    score: int


def find_header(rows: list[list[str]]) -> Header:
    """The row among the first SCAN_ROWS with the most known field names (the first of equals).
    With no row naming two fields, row 0 (so the missing-column message names row 1).

    A two-row header (a group row such as 基本信息 / 任職情況 above the field names, with
    `姓名` merged down over both rows) has the names on the lower row and some in the upper:
    a blank cell of the header row takes the upper row's cell when that one names a field."""
    lookup = header_lookup()
    best, best_score = 0, -1
    for i, row in enumerate(rows[:SCAN_ROWS]):
        score = header_score(row, lookup)
        if score > best_score:
            best, best_score = i, score
    if best_score < 2:
        best = 0
    cells = [("" if c is None else str(c)) for c in rows[best]] if rows else []
    if best > 0:
        upper = rows[best - 1]
        for j, c in enumerate(upper):
            if j < len(cells) and blank(cells[j]) and normalise_header(c) in lookup:
                cells[j] = str(c)
            elif j >= len(cells) and normalise_header(c) in lookup:
                cells += [""] * (j - len(cells)) + [str(c)]
    return Header(best, cells, max(best_score, 0))


def footer_count(tail: list[list[str]], id_col: int | None, name_col: int | None) -> int:
    """How many of the trailing rows (the last rows of the data, blank ones included) are
    footers: from the end up, skipping blank rows, each row whose first filled cell begins like
    a total or a note (合計, 備註, 制表人 ...), or that has neither officer_id nor name and at
    most two filled cells. The first row that is neither ends the footer."""
    count = 0
    for k in range(len(tail) - 1, -1, -1):
        row = tail[k]
        filled = [c for c in row if not blank(c)]
        if not filled:
            continue
        keyword = bool(_FOOTER.match(str(filled[0]).strip(BLANKS)))
        ident = any(
            col is not None and col < len(row) and not blank(row[col]) for col in (id_col, name_col)
        )
        if keyword and not (id_col is not None and id_col < len(row) and _looks_id(row[id_col])):
            count = len(tail) - k
            continue
        if not ident and len(filled) <= 2:
            count = len(tail) - k
            continue
        break
    return count


def _looks_id(text: str) -> bool:
    """An officer id is a short code of letters and digits; `合計` is not one."""
    return bool(re.fullmatch(r"[A-Za-z0-9\-_]{1,20}", str(text).strip(BLANKS)))
