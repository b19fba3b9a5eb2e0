"""Excel's habits with values, and what the roster reader does about each.

- `出生年月` at month precision (`1981.09`, `1981年09月`) is compared with an ID number's birth
  date at that precision: year and month.
- A year.month number `1985.1` could be January or October (Excel drops the trailing zero of
  `1985.10`): it is `ambiguous_value`, the field unknown, the row still planned. `1985.10`
  (text, or a number shown with two decimals) is October; `1985.2` … `1985.9` can only be
  February … September.
- An ID number Excel turned into a number (`1.40105E+17`, a workbook number cell of 16 or more
  digits — read in that form, see `read.EXACT_DIGITS_LIMIT` —, or 18 digits ending in zeros that
  fail the check digit) has lost digits: `lost_digits`, `id_number` unknown, the row planned.
- An old 15-digit ID (YYMMDD, no check digit) is upgraded to 18 digits (19YY, ISO 7064 check
  digit computed) and checked as one.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import polars as pl

from placement.messages import Message

_MONTH = r"^\d{4}\s*(?:[-./]|年)\s*\d{1,2}\s*月?$"
_AMBIGUOUS = r"^\d{4}\.1$"
_SCIENTIFIC = r"^\d(?:\.\d+)?[eE]\+?\d{1,2}$"
_WEIGHTS = np.array((7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2), dtype=np.int64)
_CHECK = np.frombuffer(b"10X98765432", dtype=np.uint8)


def month_precision(text: pl.Series) -> pl.Series:
    """Cells that give a year and a month but no day."""
    return text.str.contains(_MONTH).fill_null(False)


def ambiguous_month(text: pl.Series) -> pl.Series:
    """Cells like `1985.1`: January as written, October if Excel dropped a zero."""
    return text.str.contains(_AMBIGUOUS).fill_null(False)


def ambiguous_message(field: str) -> Callable[[str, int], Message]:
    """The exception message of an ambiguous year.month cell, given (raw, row)."""

    def make(raw: str, row: int) -> Message:
        year = str(raw)[:4]
        return Message(
            "ambiguous_value",
            {
                "row": row,
                "field": field,
                "value": raw,
                "first": f"{year}-01",
                "second": f"{year}-10",
                "example": f"{year}-10",
            },
        )

    return make


def lost_digits(ids: pl.Series, bad: pl.Series) -> pl.Series:
    """ID cells whose digits Excel lost: scientific notation, or 18 digits ending in two or
    more zeros that fail the check digit (`bad`, from `values.id_numbers`; a float keeps about
    15 significant digits). Only cells not of 18 characters, or bad ones, are looked at."""
    lost = (ids.str.len_bytes() != 18).fill_null(False) | bad.fill_null(False)
    if not lost.any():  # the common case: every ID of 18 characters with a good check digit
        return lost
    idx = lost.arg_true()
    few = ids.gather(idx)
    hit = few.str.contains(_SCIENTIFIC) | (few.str.contains(r"^\d{16}00$"))
    return pl.Series(np.zeros(ids.len(), dtype=bool)).scatter(idx, hit.fill_null(False))


def lost_message(raw: str, row: int) -> Message:
    """The lost_digits exception message of the ID number cell `raw` on sheet row `row`."""
    return Message("lost_digits", {"row": row, "field": "id_number", "value": raw})


def upgrade_legacy(ids: pl.Series) -> pl.Series:
    """15-digit IDs (before 1999: YYMMDD, no check digit) as 18 digits: `19` before the year
    and the check digit after; every other cell as it was."""
    old = (ids.str.len_bytes() == 15).fill_null(False)
    if not old.any():
        return ids
    old = old & ids.str.contains(r"^\d{15}$").fill_null(False)
    if not old.any():
        return ids
    idx = old.arg_true()
    first17 = ids.gather(idx).str.slice(0, 6) + "19" + ids.gather(idx).str.slice(6)
    cells = np.frombuffer("".join(first17.to_list()).encode(), dtype=np.uint8).reshape(-1, 17)
    total = (cells.astype(np.int64) - 48) @ _WEIGHTS
    check = pl.Series([chr(c) for c in _CHECK[total % 11]], dtype=pl.String)
    return ids.scatter(idx, first17 + check)
