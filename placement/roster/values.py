"""Column parsers: text cells → typed values, and a mask of the cells that failed.

Each parser takes a cleaned text Series (trimmed, full-width digits folded,
empty → null) and returns (values, bad) where `bad` is true for a given cell
that could not be read.
"""

from __future__ import annotations

import datetime as dt

import polars as pl

_FULL = "０１２３４５６７８９－／．：＋"
_HALF = "0123456789-/.:+"

BOOLS = {
    "true": True, "false": False, "yes": True, "no": False, "y": True, "n": False,
    "1": True, "0": False, "t": True, "f": False, "是": True, "否": False,
    "√": True, "×": False, "✓": True, "✗": False, "x": False,
}


def clean(s: pl.Series) -> pl.Series:
    """Trim blanks (full-width included), fold full-width digits; empty → null."""
    s = s.cast(pl.String)
    s = s.str.replace_many(list(_FULL) + ["\u3000"], list(_HALF) + [" "])
    s = s.str.strip_chars()
    return s.set(s == "", None) if s.len() else s


def parse_date(s: pl.Series, xlsx: bool = False) -> tuple[pl.Series, pl.Series]:
    t = (s.str.replace_all(r"[年月/.]", "-").str.replace_all("日", "")
         .str.strip_chars("-").str.replace_all(r"\s+.*$", ""))
    compact = t.str.contains(r"^\d{8}$")
    t = pl.select(pl.when(compact).then(t.str.slice(0, 4) + "-" + t.str.slice(4, 2) + "-" + t.str.slice(6, 2))
                  .otherwise(t)).to_series()
    month = t.str.contains(r"^\d{4}-\d{1,2}$")
    t = pl.select(pl.when(month).then(t + "-1").otherwise(t)).to_series()
    shaped = t.str.contains(r"^\d{4}-\d{1,2}-\d{1,2}$")
    t = pl.select(pl.when(shaped).then(t)).to_series()
    out = t.str.to_date("%Y-%m-%d", strict=False)
    if xlsx:  # an Excel serial number in a cell not formatted as a date
        serial = s.str.contains(r"^\d{1,5}(\.0+)?$")
        days = s.str.replace(r"\.0+$", "").cast(pl.Int64, strict=False)
        excel = pl.select(pl.lit(dt.date(1899, 12, 30)) + pl.duration(days=days)).to_series()
        out = pl.select(pl.when(serial).then(excel).otherwise(out)).to_series()
    lo, hi = dt.date(1900, 1, 1), dt.date(2100, 12, 31)
    out = pl.select(pl.when((out >= lo) & (out <= hi)).then(out)).to_series()
    return out, s.is_not_null() & out.is_null()


def parse_bool(s: pl.Series) -> tuple[pl.Series, pl.Series]:
    out = s.str.to_lowercase().replace_strict(BOOLS, default=None, return_dtype=pl.Boolean)
    return out, s.is_not_null() & out.is_null()


def parse_number(s: pl.Series) -> tuple[pl.Series, pl.Series]:
    out = s.str.replace(r"年$", "").cast(pl.Float64, strict=False)
    out = pl.select(pl.when(out >= 0).then(out)).to_series()
    return out, s.is_not_null() & out.is_null()


def parse_choice(s: pl.Series, table: dict[str, str]) -> tuple[pl.Series, pl.Series]:
    """Map spellings (matched case-insensitively) to terms."""
    low = {k.lower(): v for k, v in table.items()}
    out = s.str.to_lowercase().replace_strict(low, default=None, return_dtype=pl.String)
    return out, s.is_not_null() & out.is_null()


_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK = "10X98765432"


def parse_id_number(s: pl.Series) -> tuple[pl.Series, pl.Series, pl.Series]:
    """Resident ID: (normalised, bad shape or check digit, birth date it encodes)."""
    s = s.str.to_uppercase()
    shaped = s.str.contains(r"^\d{17}[0-9X]$")
    good = pl.select(pl.when(shaped).then(s)).to_series()
    total = pl.select(pl.sum_horizontal(
        [good.str.slice(i, 1).cast(pl.Int64, strict=False) * w for i, w in enumerate(_WEIGHTS)]
    )).to_series()
    expected = (total % 11).replace_strict({i: c for i, c in enumerate(_CHECK)}, default=None,
                                           return_dtype=pl.String)
    ok = shaped & (good.str.slice(17, 1) == expected)
    ok = ok.fill_null(False)
    birth = good.str.slice(6, 8).str.to_date("%Y%m%d", strict=False)
    bad = s.is_not_null() & (~ok | birth.is_null())
    return s, bad, birth


def id_check_digit(first17: str) -> str:
    return _CHECK[sum(int(c) * w for c, w in zip(first17, _WEIGHTS, strict=True)) % 11]


def split_wishes(s: pl.Series) -> pl.Series:
    """'A;B、C' → ['A', 'B', 'C'] (separators ; ； 、 , ，)."""
    parts = s.str.replace_all(r"[;；、,，]", ";").str.split(";")
    return parts.list.eval(pl.element().str.strip_chars()).list.eval(
        pl.element().filter(pl.element() != ""))
