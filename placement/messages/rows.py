"""Rows of a document table whose `reason` column can be told in Chinese from data.

The English reasons are in the rows (what JSON and CSV write, built by column for a
million officers). A `Rows` is the list of those rows plus a function that makes the same
reasons in Chinese from what they were built of (the rules' tests, the officers' values,
how a destination was chosen): it runs only when a Chinese human format asks (`zh()`), once.
No Chinese is ever made by reading the English text.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, TypeVar

T = TypeVar("T")


class Rows(list[T]):
    """A document table's rows (JSON/CSV see a plain list) and their reasons in Chinese.

    `make_zh()` -> one Chinese reason per row, in row order; called at most once."""

    def __init__(self, rows: Iterable[T], make_zh: Callable[[], list[str]]) -> None:
        super().__init__(rows)
        self._make_zh: Callable[[], list[str]] | None = make_zh
        self._zh: list[str] | None = None

    def zh(self) -> list[str]:
        """The reasons in Chinese, aligned with the rows."""
        if self._zh is None:
            assert self._make_zh is not None
            self._zh = self._make_zh()
            self._make_zh = None
            if len(self._zh) != len(self):
                raise ValueError(f"{len(self._zh)} Chinese reasons for {len(self)} rows")
        return self._zh


class Row(dict[str, Any]):
    """Row n of a `Rows` taken out on its own (explain's transfer), with its Chinese reason
    (made, for all the rows, on the first call of `zh()`)."""

    def __init__(self, rows: Rows[Any], n: int) -> None:
        super().__init__(rows[n])
        self._rows, self._n = rows, n

    def zh(self) -> str:
        """The row's reason in Chinese."""
        return self._rows.zh()[self._n]


def take(rows: list[T], n: int) -> T | Row:
    """Row n, as a `Row` that keeps its Chinese reason when `rows` is a `Rows`."""
    return Row(rows, n) if isinstance(rows, Rows) else rows[n]


def reasons_of(rows: list[Any], lang: str) -> list[str]:
    """The `reason` of each row in `lang`: with zh, the Chinese a `Rows` makes from data;
    rows read back from a file (a plain list) keep the text they carry (see
    `i18n.reason`)."""
    from placement.i18n import reason

    if lang == "zh" and isinstance(rows, Rows):
        return rows.zh()
    return [reason(r.get("reason"), lang) for r in rows]


def reason_of(row: dict[str, Any], lang: str) -> str:
    """One row's `reason` in `lang` (a `Row` carries its Chinese)."""
    from placement.i18n import reason

    if lang == "zh" and isinstance(row, Row):
        return row.zh()
    return reason(row.get("reason"), lang)


class Said:
    """A reason standing in a Message's field (`{why:reason}`): its English text, and its
    Chinese, made on the first call of `zh()` for the whole batch it was made with."""

    __slots__ = ("_batch", "_n", "en")

    def __init__(self, en: str, batch: Callable[[], list[str]], n: int) -> None:
        self.en, self._batch, self._n = en, batch, n

    def __str__(self) -> str:
        return self.en

    def __repr__(self) -> str:
        return repr(self.en)

    def __eq__(self, other: object) -> bool:
        return self.en == (other.en if isinstance(other, Said) else other)

    def __hash__(self) -> int:
        return hash(self.en)

    def zh(self) -> str:
        """The reason in Chinese."""
        return self._batch()[self._n]


def said(en: list[str], make_zh: Callable[[], list[str]]) -> list[Said]:
    """The reasons `en` as Saids sharing one `make_zh()` (one Chinese reason per English one,
    in order), called at most once and only when one of them is shown in Chinese."""
    made: list[list[str]] = []

    def batch() -> list[str]:
        if not made:
            made.append(make_zh())
        return made[0]

    return [Said(t, batch, n) for n, t in enumerate(en)]
