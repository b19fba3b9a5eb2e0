"""The exception entries of a roster's bad cells and rows: the checks `parse_roster` makes
(each a mask of rows, an exception code and the sentence that says what is wrong) and the
entries they give (SPEC §4)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt
import polars as pl

from placement.load.schema import Extras
from placement.load.vocab import Vocabulary
from placement.messages.registry import Message

if TYPE_CHECKING:
    from placement.documents import Entry


def nowhere(n: int) -> pl.Series:
    """A mask of n rows, none set."""
    return pl.Series(np.zeros(n, dtype=bool))


class Cells:
    """The file's cells of a field, cleaned as the query cleans them, for a few rows at a time."""

    def __init__(
        self, frame: pl.DataFrame, columns: dict[str, int], cleaner: Callable[[str], pl.Expr]
    ) -> None:
        self.frame, self.columns, self.cleaner = frame, columns, cleaner

    def text(self, name: str, idx: pl.Series) -> pl.Series:
        """The cleaned text (String, null for no cell) of field `name` at data indexes
        `idx`; all null when the file has no column for it."""
        if name not in self.columns:
            return pl.Series([None] * len(idx), dtype=pl.String)
        sub = self.frame.select(pl.col(f"c{self.columns[name]}").gather(idx))
        return sub.select(self.cleaner(name).alias(name))[name]

    def blank(self, name: str, idx: pl.Series) -> npt.NDArray[np.bool_]:
        """Whether each of field `name`'s cells at `idx` is empty or blanks only."""
        t = self.text(name, idx)
        return (t.is_null() | (t.str.strip_chars() == "")).to_numpy()


# A cell's sentence: its code ("" for an exception code whose own template is the whole
# sentence: duplicate_id ...) and the cell's text (None for a row-level check) → its fields.
Sentence = tuple[str, Callable[[str | None], dict[str, object]]]


def quote(code: str, key: str = "value", **fields: object) -> Sentence:
    """The sentence `code` over `fields` and the cell's text as `key`."""
    return code, lambda raw: {**fields, key: str(raw)}


def fixed(code: str, **fields: object) -> Sentence:
    """The sentence `code` over `fields`, not quoting the cell."""
    return code, lambda raw: fields


def sentence_for(name: str, kind: str, vocab: Vocabulary, extras: Extras) -> Sentence:
    """The sentence of a typed cell of field `name` (parsed as `kind`: date, bool, number,
    choice) that could not be read: not-a-date, not-yes-no, not-a-count, not-in-vocabulary
    (post, rank; with a did-you-mean hint from `vocab`), not-a-sex, not-an-appraisal, or
    not-an-enum-value (an `extras` column, with its values)."""
    if kind == "date":
        return quote("not-a-date", field=name)
    if kind == "bool":
        return quote("not-yes-no", field=name)
    if kind == "number":
        return quote("not-a-count", field=name)
    if name in ("post", "rank"):
        return "not-in-vocabulary", lambda raw: {
            "field": name,
            "value": str(raw),
            "hint": vocab.hint(name, str(raw)),
        }
    if name == "sex":
        return quote("not-a-sex")
    if name == "appraisal":
        return quote("not-an-appraisal")
    values = list(extras[name][0].values) if name in extras else []
    return quote("not-an-enum-value", field=name, values=values)


@dataclass
class Note:
    """An entry that reports a cell without making the row invalid (ambiguous_value,
    lost_digits): the field is unknown and the row is planned. `make(raw, row)` -> Message."""

    make: Callable[[str, int], Message]


# a check: the field (None: the row), the mask of rows it fails, the exception code, and
# the message's sentence for a cell (or a Note)
Check = tuple[str | None, pl.Series, str, Sentence | Note]


def collect(
    bad: list[Check], officers: pl.DataFrame, cells: Cells, keep: pl.Series
) -> tuple[list[Entry], pl.Series]:
    """The exception entries (plan `exceptions` items, SPEC §4) of the checks `bad` on the
    rows kept (`keep`, a Boolean mask of `officers`' height), and the Boolean mask of rows
    made invalid (by every check but a Note's). `officers` needs `officer_id` and `_row`;
    `cells` gives the quoted cell texts. Raises nothing."""
    n = officers.height
    invalid = nowhere(n)
    issues: list[Entry] = []
    ids = officers["officer_id"]
    rows = officers["_row"]
    for name, mask, code, template in bad:
        mask = mask.fill_null(False) & keep
        if not mask.any():
            continue
        if not isinstance(template, Note):
            invalid = invalid | mask
        idx = mask.arg_true()
        raws = cells.text(name, idx).to_list() if name is not None else [None] * len(idx)
        for oid, row, raw in zip(
            ids.gather(idx).to_list(), rows.gather(idx).to_list(), raws, strict=True
        ):
            if isinstance(template, Note):  # a declared code: the message carries the row
                message = template.make(raw, row)
            elif template[0]:  # the exception's template wraps the cell's sentence
                sentence, fields = template
                message = Message(code, {"row": row, "detail": Message(sentence, fields(raw))})
            else:
                message = Message(code, {"row": row, **template[1](raw)})
            issues.append(
                {
                    "officer_id": oid,
                    "row": row,
                    "code": code,
                    "rule_id": None,
                    "field": name,
                    "message": message,
                }
            )
    return issues, invalid
