"""Column parsers: text cells → typed values, and a mask of the cells that failed.

Parsing runs as polars expressions over whole columns, all columns in one query
(so on several cores). The common form of each value takes a fast path; only
the cells it could not read take the slower, forgiving path (other date forms,
case-insensitive terms), so a clean province-sized roster costs one pass.
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import polars as pl

_FULL = "０１２３４５６７８９－／．：＋"
_HALF = "0123456789-/.:+"

BOOLS = {
    "true": True,
    "false": False,
    "yes": True,
    "no": False,
    "y": True,
    "n": False,
    "1": True,
    "0": False,
    "t": True,
    "f": False,
    "是": True,
    "否": False,
    "√": True,
    "×": False,
    "✓": True,
    "✗": False,
    "x": False,
}
_LO, _HI = dt.date(1900, 1, 1), dt.date(2100, 12, 31)


def clean(c: pl.Expr, fullwidth: bool, blanks: bool = True) -> pl.Expr:
    """Trim blanks (when the file may have any), fold full-width digits (when it has any);
    empty → null."""
    if fullwidth:
        c = c.str.replace_many(list(_FULL) + ["\u3000"], list(_HALF) + [" "])
    if blanks or fullwidth:
        c = c.str.strip_chars()
    return pl.when(c != "").then(c)


def cased(table: dict) -> dict:
    """The table with its keys also in lower, upper and title case (the fast path's spellings)."""
    out = dict(table)
    for k, v in table.items():
        for variant in (k.lower(), k.upper(), k.title()):
            out.setdefault(variant, v)
    return out


def date_fast(c: pl.Expr) -> pl.Expr:
    """ISO dates; a date out of range is read here but fails `date_ok`, so the slow path
    (which checks the range) reads the cell again."""
    return c.str.to_date("%Y-%m-%d", strict=False, cache=False)


def date_ok(d: pl.Expr) -> pl.Expr:
    """Whether a parsed date is a plausible one, 1900-01-01 to 2100-12-31 (Boolean; false
    for null)."""
    return d.is_between(_LO, _HI).fill_null(False)


def date_slow(s: pl.Series, xlsx: bool) -> pl.Series:
    """Every other accepted form: YYYY/MM/DD, YYYYMMDD, YYYY.MM.DD, YYYY年M月D日, month precision,
    Excel serial numbers (any number of up to 5 digits in XLSX; in CSV, 5 digits — 1927 to
    2099 — so that a bare year such as 1985 is not read as a day of 1905)."""
    t = (
        s.str.replace_all(r"[年月/.]", "-")
        .str.replace_all("日", "")
        .str.strip_chars("-")
        .str.replace_all(r"\s+.*$", "")
    )
    frame = pl.DataFrame({"t": t, "s": s})
    e = pl.col("t")
    e = (
        pl.when(e.str.contains(r"^\d{8}$"))
        .then(e.str.slice(0, 4) + "-" + e.str.slice(4, 2) + "-" + e.str.slice(6, 2))
        .otherwise(e)
    )
    e = pl.when(e.str.contains(r"^\d{4}-\d{1,2}$")).then(e + "-1").otherwise(e)
    e = (
        pl.when(e.str.contains(r"^\d{4}-\d{1,2}-\d{1,2}$"))
        .then(e)
        .str.to_date("%Y-%m-%d", strict=False)
    )
    raw = pl.col("s")
    days = raw.str.replace(r"\.0+$", "").cast(pl.Int64, strict=False)
    excel = pl.lit(dt.date(1899, 12, 30)) + pl.duration(days=days)
    serial = r"^\d{1,5}(\.0+)?$" if xlsx else r"^\d{5}(\.0+)?$"
    e = pl.when(raw.str.contains(serial)).then(excel).otherwise(e)
    e = pl.when((e >= _LO) & (e <= _HI)).then(e)
    return frame.select(e.alias("d"))["d"]


def bool_expr(c: pl.Expr) -> pl.Expr:
    """The fast path of a yes/no cell: a BOOLS spelling in lower, upper or title case as a
    Boolean, anything else null (left to `bool_slow`)."""
    return c.replace_strict(cased(BOOLS), default=None, return_dtype=pl.Boolean)


def bool_slow(s: pl.Series) -> pl.Series:
    """A yes/no cell in any case (BOOLS) as a Boolean Series of the same length; null when
    unread."""
    return s.str.to_lowercase().replace_strict(BOOLS, default=None, return_dtype=pl.Boolean)


def number_expr(c: pl.Expr) -> pl.Expr:
    """A count (years, months: whatever unit the field states) as Float64: finite and not
    negative, else null."""
    v = c.cast(pl.Float64, strict=False)
    return pl.when(v.is_finite() & (v >= 0)).then(v)


def number_slow(s: pl.Series) -> pl.Series:
    """`number_expr` over a String Series, after dropping a trailing `年` (years): Float64 of
    the same length, null when unread."""
    return pl.DataFrame({"s": s}).select(number_expr(pl.col("s").str.replace(r"\s*年$", "")))["s"]


def choice_expr(c: pl.Expr, table: dict[str, str]) -> pl.Expr:
    """The fast path of a term, enum value or unit: `table` maps each accepted spelling to
    its term (or unit id); the cell in that spelling or in lower/upper/title case gives the
    term (String), anything else null."""
    return c.replace_strict(cased(table), default=None, return_dtype=pl.String)


def choice_slow(s: pl.Series, table: dict[str, str]) -> pl.Series:
    """`table`'s term of each cell of `s` (String, same length), matched exactly or else
    ignoring case; null when unread."""
    exact = s.replace_strict(table, default=None, return_dtype=pl.String)
    low = {k.lower(): v for k, v in table.items()}
    return exact.fill_null(
        s.str.to_lowercase().replace_strict(low, default=None, return_dtype=pl.String)
    )


_WEIGHTS = np.array((7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2), dtype=np.int64)
_WEIGHTS_F32 = _WEIGHTS.astype(np.float32)
_DIGITS8 = 10.0 ** np.arange(7, -1, -1)
_EXPECTED = np.array([1, 0, 10, 9, 8, 7, 6, 5, 4, 3, 2], dtype=np.int32)  # check digit by sum % 11
_CHECK = "10X98765432"


def id_numbers(
    s: pl.Series, birth: pl.Series, month: pl.Series | None = None
) -> tuple[pl.Series, pl.Series, pl.Series]:
    """Resident IDs: (as given, bad shape or check digit, disagrees with birth_date).
    `month` marks the birth dates given to the month only: those compare year and month.

    The IDs of 18 bytes are laid side by side in one buffer and checked a digit column at
    a time; any other length is bad."""
    n = s.len()
    if s.str.ends_with("x").any():
        s = s.str.to_uppercase()
    sized = (s.str.len_bytes() == 18).fill_null(False)
    bad = (s.is_not_null() & ~sized).to_numpy().copy()
    conflict = np.zeros(n, dtype=bool)
    every = bool(sized.all())
    idx = np.flatnonzero(sized.to_numpy())
    good = s if every else s.gather(idx)
    if good.len():
        cells = np.frombuffer(good.str.join("").item().encode("utf-8"), dtype=np.uint8).reshape(
            -1, 18
        )
        wrong, shape_ok, encoded = _id_blocks(cells)
        b = birth if every else birth.gather(idx)
        given = (
            (
                b.dt.year().cast(pl.Int32) * 10000
                + b.dt.month().cast(pl.Int32) * 100
                + b.dt.day().cast(pl.Int32)
            )
            .fill_null(-1)
            .to_numpy()
        )  # -1: no birth date to disagree with
        differs = shape_ok & (given != -1) & (given != encoded)
        if month is not None and month.any():
            coarse = (month if every else month.gather(idx)).to_numpy()
            differs = np.where(
                coarse, shape_ok & (given != -1) & (given // 100 != encoded // 100), differs
            )
        if every:
            bad, conflict = wrong, differs
        else:
            bad[idx], conflict[idx] = wrong, differs
    return s, pl.Series(bad), pl.Series(conflict)


def _id_blocks(
    cells: np.ndarray, block: int = 1 << 16
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(bad check digit or shape, shape ok, the YYYYMMDD the ID encodes) for rows of 18 bytes,
    a block at a time so the temporaries stay small (fresh memory costs more than the sums)."""
    m = len(cells)
    wrong, shape_ok, encoded = np.empty(m, bool), np.empty(m, bool), np.empty(m, np.int64)
    for a in range(0, m, block):
        c = cells[a : a + block]
        d = c - np.uint8(48)  # digits 0..9; any other byte wraps to more than 9
        x = c[:, 17] == ord("X")
        ok = (d[:, :17].max(axis=1) <= 9) & ((d[:, 17] <= 9) | x)
        total = (d[:, :17].astype(np.float32) @ _WEIGHTS_F32).astype(np.int32)  # exact: < 2**24
        last = np.where(x, 10, d[:, 17].astype(np.int32))
        wrong[a : a + block] = ~ok | (last != _EXPECTED[total % 11])
        shape_ok[a : a + block] = ok
        encoded[a : a + block] = d[:, 6:14].astype(np.float64) @ _DIGITS8
    return wrong, shape_ok, encoded


def id_check_digit(first17: str) -> str:
    """The check digit ('0'-'9' or 'X') of a resident ID number's first 17 digits (GB 11643,
    ISO 7064 MOD 11-2). Raises ValueError for a non-digit in `first17`."""
    return _CHECK[int(np.dot([int(c) for c in first17], _WEIGHTS)) % 11]


def split_wishes(c: pl.Expr) -> pl.Expr:
    """'A;B、C' → ['A', 'B', 'C'] (separators ; ； 、 , ，)."""
    parts = c.str.replace_all(r"[;；、,，]", ";").str.split(";")
    return parts.list.eval(pl.element().str.strip_chars()).list.eval(
        pl.element().filter(pl.element() != "")
    )
