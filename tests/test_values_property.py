"""The column parsers against plain per-value reference implementations (hypothesis)."""

from __future__ import annotations

import datetime as dt

import polars as pl
from hypothesis import given, settings
from hypothesis import strategies as st

from placement.load.roster import values as V

WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)


def reference(text: str | None, birth: dt.date | None) -> tuple[bool, bool]:
    """(bad, conflict) for one resident ID, as the standard (GB 11643) says."""
    if text is None:
        return False, False
    t = text.upper() if text.endswith("x") else text
    body, last = t[:17], t[17:]
    if (
        len(t.encode()) != 18
        or not (body.isascii() and body.isdigit())
        or last not in set("0123456789X")
    ):
        return True, False
    expected = "10X98765432"[sum(int(c) * w for c, w in zip(body, WEIGHTS, strict=True)) % 11]
    conflict = (
        birth is not None and int(body[6:14]) != birth.year * 10000 + birth.month * 100 + birth.day
    )
    return last != expected, conflict


def with_check_digit(body: str) -> str:
    return body + "10X98765432"[sum(int(c) * w for c, w in zip(body, WEIGHTS, strict=True)) % 11]


digits17 = st.text("0123456789", min_size=17, max_size=17)
ids = st.one_of(
    digits17.map(with_check_digit),  # valid
    digits17.map(lambda b: with_check_digit(b).replace("X", "x")),  # lower-case check letter
    st.text("0123456789Xx", min_size=18, max_size=18),  # mostly a wrong check digit
    st.text("0123456789X中a -", min_size=0, max_size=20),  # other lengths, 18 bytes of CJK
    st.just("中文中文中文"),
    st.none(),
)
births = st.one_of(st.none(), st.dates(dt.date(1900, 1, 1), dt.date(2100, 12, 31)))


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(ids, births), min_size=1, max_size=40))
def test_resident_ids_as_the_reference_reads_them(rows):
    texts = [t for t, _b in rows]
    dates = [b for _t, b in rows]
    # a birth date that agrees with the ID now and then, so conflicts are tested both ways
    for k, (t, _b) in enumerate(rows):
        if t and k % 3 == 0 and len(t) == 18 and t[6:14].isdigit():
            try:
                dates[k] = dt.date(int(t[6:10]), int(t[10:12]), int(t[12:14]))
            except ValueError:
                pass
    _ids, bad, conflict = V.id_numbers(
        pl.Series(texts, dtype=pl.String), pl.Series(dates, dtype=pl.Date)
    )
    want = [reference(t, b) for t, b in zip(texts, dates, strict=True)]
    assert list(zip(bad.to_list(), conflict.to_list(), strict=True)) == want


def test_resident_ids_in_many_blocks():
    """More rows than one block of the vectorised check."""
    body = [f"{110105:06d}{19800101 + k % 28:08d}{k % 1000:03d}" for k in range(70_000)]
    texts = [with_check_digit(b) for b in body]
    texts[65_537] = texts[65_537][:-1] + ("0" if texts[65_537][-1] != "0" else "1")
    births = [dt.date(1980, 1, 1 + k % 28) for k in range(70_000)]
    births[3] = dt.date(1980, 2, 1)
    _ids, bad, conflict = V.id_numbers(pl.Series(texts), pl.Series(births))
    assert bad.arg_true().to_list() == [65_537]
    assert conflict.arg_true().to_list() == [3]
