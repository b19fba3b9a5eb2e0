"""Load a roster: map headers, parse every column, and turn bad rows into exception entries."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import polars as pl

from placement.load.roster import habits as H
from placement.load.roster import values as V
from placement.load.roster.entries import (
    Cells,
    Check,
    Note,
    collect,
    fixed,
    nowhere,
    quote,
    sentence_for,
)
from placement.load.roster.fetch import read_roster_file
from placement.load.roster.read import RawTable
from placement.load.schema import (
    FALSE_WHEN_EMPTY,
    ROSTER_FIELDS,
    Extras,
    header_lookup,
    near_miss,
    normalise_header,
)
from placement.load.units import Units
from placement.load.vocab import APPRAISAL, SEX, Vocabulary
from placement.messages.registry import Message
from placement.problems import InputError, Problem, problem

if TYPE_CHECKING:
    from placement.documents import Entry, RosterRef


@dataclass
class Roster:
    """A roster read and parsed: one row of `officers` per officer row of the file."""

    path: str
    sha256: str
    table: RawTable
    columns: dict[str, int]  # field name -> column index in the file
    officers: pl.DataFrame  # typed; `_row`, `_valid`, one column per known field
    issues: list[Entry] = field(default_factory=list)  # exception entries for bad rows

    @property
    def rows(self) -> int:
        """How many officer rows were read (blank rows not counted; invalid ones counted)."""
        return self.officers.height

    def describe(self) -> RosterRef:
        """The plan's `inputs.roster` (SPEC §4): path, sha256, rows read, the sheet (None for
        CSV), the header's row and the rows not read as officers (titles, footers)."""
        return {
            "path": self.path,
            "sha256": self.sha256,
            "rows": self.rows,
            "sheet": self.table.sheet,
            "header_row": self.table.header_row,
            "ignored_rows": list(self.table.ignored),
        }


def read_roster(
    path: str | Path,
    units: Units,
    vocab: Vocabulary,
    extras: Extras,
    as_of: dt.date | None = None,
    keep_cells: bool = True,
    file: tuple[RawTable, str] | None = None,
    sheet: str | None = None,
) -> Roster:
    """Read, parse and check a roster file (CSV/XLSX/XLS/ODS, SPEC §1.1, §4): a Roster whose
    `officers` has `_row`, `_valid` and one typed column per known field (built-in and
    `extras`); bad rows become `issues` (exception entries) and are still in `officers`
    with `_valid` false; a bad file raises.

    `units` resolves unit names and ids; `vocab` the rank/post terms; `as_of` (the plan date)
    makes a birth date after it invalid. `file` is what `read_roster_file` gave, when the
    caller read the file beforehand; `sheet` chooses a workbook's sheet.
    Without keep_cells the file's text cells are let go once parsed (plan and check do not
    write the roster back), which lowers the peak memory of a province-sized run.
    Raises InputError: the file's problems (roster-*, see `read_table`) or its header's
    (`map_headers`)."""
    path = Path(path)
    table, sha = file if file is not None else read_roster_file(path, sheet)
    where = f"{path}:{table.sheet}" if table.sheet else str(path)
    columns = map_headers(where, table.headers, extras, table.header_row)
    roster = parse_roster(str(path), sha, table, columns, units, vocab, extras, as_of)
    if not keep_cells:
        table.frame = table.frame.clear()
    return roster


def map_headers(path: str, headers: list[str], extras: Extras, line: int = 1) -> dict[str, int]:
    """Field name -> 0-based column index, for every header naming a known field (built-in
    aliases, SPEC §1.1, or a declared extra column's name or alias); other headers are kept
    as unknown columns.

    `path` and `line` (the header's 1-based row) locate the problems. Raises InputError with
    every problem found: duplicate-header (one header twice, or two columns of one field),
    missing-column (a required field without a column) and header-near-miss (a header that
    looks like a missing field's)."""
    lookup = header_lookup()
    for extra, (_t, aliases) in extras.items():
        lookup[extra.lower()] = extra
        for a in aliases:
            lookup[normalise_header(a)] = extra
    columns: dict[str, int] = {}
    seen: dict[str, int] = {}
    problems: list[Problem] = []
    for i, h in enumerate(headers):
        key = normalise_header(h)
        if not key:
            continue
        if key in seen:
            problems.append(
                problem(
                    "duplicate-header",
                    path,
                    line,
                    i + 1,
                    message=Message(
                        "header-twice", {"header": h, "first": seen[key] + 1, "second": i + 1}
                    ),
                )
            )
            continue
        seen[key] = i
        name = lookup.get(key)
        if name is None:
            continue
        if name in columns:
            j = columns[name]
            problems.append(
                problem(
                    "duplicate-header",
                    path,
                    line,
                    i + 1,
                    message=Message(
                        "columns-same-field",
                        {"first": j + 1, "a": headers[j], "second": i + 1, "b": h, "field": name},
                    ),
                )
            )
            continue
        columns[name] = i
    missing = [n for n, (_t, req, _a) in ROSTER_FIELDS.items() if req and n not in columns]
    if missing:
        names = [(n, "/".join(ROSTER_FIELDS[n][2][:2])) for n in missing]
        problems.append(problem("missing-column", path, line, 0, columns=names))
        for n in missing:
            for i, h in enumerate(headers):
                if i not in columns.values() and near_miss(h, n):
                    alias = ROSTER_FIELDS[n][2][0]
                    problems.append(
                        problem(
                            "header-near-miss", path, line, i + 1, header=h, field=n, alias=alias
                        )
                    )
    if problems:
        raise InputError(problems)
    return columns


def parse_roster(
    path: str,
    sha: str,
    table: RawTable,
    columns: dict[str, int],
    units: Units,
    vocab: Vocabulary,
    extras: Extras,
    as_of: dt.date | None,
) -> Roster:
    """Parse `table` (its columns `columns` maps fields to, as `map_headers` gave) into a
    Roster of `path` with digest `sha`: every field typed (dates, booleans, numbers, terms,
    unit ids, wish lists), every row checked; a bad cell makes an exception entry (SPEC §4:
    invalid_row, unknown_unit, duplicate_id, data_conflict, ambiguous_value, lost_digits) and,
    except for the last two, the row invalid (`_valid` false). Blank rows are dropped.

    One query cleans and parses every column (on all cores) and computes every row check;
    only the cells its fast paths could not read are looked at again. Raises nothing for bad
    cells."""
    frame = table.frame
    n = frame.height
    mapped = set(columns.values())
    others = [c for j, c in enumerate(frame.columns) if j not in mapped]
    unit_table = {u.id: u.id for u in units.list} | {u.name: u.id for u in units.list}
    specs = _specs(vocab, extras, unit_table)
    kinds = {name: kind for name, kind, _t in specs}
    tables = {name: t for name, _k, t in specs}

    def cleaner(name: str) -> pl.Expr:  # text fields are trimmed; typed ones only on the slow path
        return V.clean(
            pl.col(f"c{columns[name]}"), table.fullwidth, kinds[name] in ("str", "units")
        )

    # A typed cell is read as it is (its parser fails on blanks, sent to the slow path); only
    # text fields, and every field of a file with full-width characters, are cleaned first.
    def direct(name: str, kind: str) -> bool:
        return name in columns and kind in TYPED and not table.fullwidth

    lazy = frame.lazy().with_columns(
        [
            (cleaner(name) if name in columns else pl.lit(None, pl.String)).alias(f"raw:{name}")
            for name, kind, _t in specs
            if not direct(name, kind)
        ]
    )
    # every column the query makes has a name no roster field can have (':' in it): values are
    # made as `value:X` beside the file's `cN` columns, then named X by the last step
    names = ["_row", *[name for name, _k, _t in specs]]
    values: list[pl.Expr] = [
        (
            pl.int_range(table.first_row, n + table.first_row, dtype=pl.Int64)
            if table.rows is None
            else pl.lit(table.rows)
        ).alias("value:_row")
    ]
    masks: list[pl.Expr] = []
    for name, kind, table_ in specs:
        if direct(name, kind):
            raw = pl.col(f"c{columns[name]}")
            is_empty = raw.is_null() | (raw.str.len_bytes() == 0)
        else:
            raw = pl.col(f"raw:{name}")
            is_empty = raw.is_null()
        values.append(_value(raw, kind, table_).alias(f"value:{name}"))
        masks.append(is_empty.alias(f"empty:{name}"))
        if kind in TYPED:
            value = pl.col(f"value:{name}")
            ok = V.date_ok(value) if kind == "date" else value.is_not_null()
            masks.append((~is_empty & ~ok).alias(f"fail:{name}"))
    known = [pl.col(f"empty:{name}") for name in columns]
    others_blank = [pl.col(c).is_null() | (pl.col(c).str.len_bytes() == 0) for c in others]
    oid = pl.col("value:officer_id")
    rows = [
        pl.col("value:wishes")
        .list.eval(pl.element().is_null())
        .list.any()
        .fill_null(False)
        .alias("bad:wishes"),
        (oid.is_not_null() & ~oid.hash().is_first_distinct()).alias("check:dup"),  # exact below
        pl.all_horizontal(known + others_blank or [pl.lit(False)]).alias("check:blank"),
        pl.all_horizontal(others_blank or [pl.lit(True)]).alias("check:blank_others"),
    ]
    out = (
        lazy.with_columns(values)
        .with_columns(masks)
        .with_columns(rows)  # each step reads the one before
        .select([_finished(name) for name in names] + [m.meta.output_name() for m in masks + rows])
        .collect()
    )
    # columns of unequal chunking make every select copy them all: take Series, align once
    col = out.get_column
    officers = pl.DataFrame([col(name) for name in names]).rechunk()
    cells = Cells(frame, columns, cleaner)

    blank = col("check:blank") if columns else nowhere(n)
    maybe = officers["officer_id"].is_null() & ~blank
    if maybe.any():  # rows of blanks only: typed cells are not trimmed yet, look again
        idx = maybe.arg_true()
        spaces = pl.Series(np.logical_and.reduce([cells.blank(name, idx) for name in columns]))
        spaces = spaces & col("check:blank_others").gather(idx)
        blank = blank.scatter(idx.filter(spaces), True)

    empty: dict[str, pl.Series] = {}
    invalid_cells: dict[str, pl.Series] = {}  # typed fields only
    fixes: dict[str, pl.Series] = {}
    ambiguous: dict[str, pl.Series] = {}
    birth_month: pl.Series | None = None  # birth dates given to the month only
    for name, kind, _t in specs:
        empty[name] = col(f"empty:{name}")
        if kind not in TYPED:
            continue
        if not col(f"fail:{name}").any():
            invalid_cells[name] = col(f"fail:{name}")
            continue
        idx = col(f"fail:{name}").arg_true()
        sub = cells.text(name, idx).str.strip_chars()
        spaces = pl.Series((sub == "").to_numpy())
        if spaces.any():  # cells of blanks only: empty, not bad
            empty[name] = empty[name].scatter(idx.filter(spaces), True)
        slow = (
            V.date_slow(sub, table.format != "csv")
            if kind == "date"
            else V.bool_slow(sub)
            if kind == "bool"
            else V.number_slow(sub)
            if kind == "number"
            else V.choice_slow(sub, tables[name])
        )
        fixes[name] = officers[name].scatter(
            idx, slow.fill_null(False) if name in FALSE_WHEN_EMPTY else slow
        )
        unread = slow.is_null() & ~spaces
        if kind == "date":
            amb = H.ambiguous_month(sub)
            if amb.any():  # 1985.1: January, or October with a zero dropped: unknown, reported
                fixes[name] = fixes[name].scatter(idx.filter(amb), None)
                ambiguous[name] = nowhere(n).scatter(idx, amb)
                unread = unread & ~amb
            if name == "birth_date":
                birth_month = nowhere(n).scatter(idx, H.month_precision(sub))
        invalid_cells[name] = nowhere(n).scatter(idx, unread)
    if fixes:
        officers = officers.with_columns(list(fixes.values()))

    # field (None: the row), mask, exception code, the message's sentence for a cell
    bad: list[Check] = []
    for name, kind, _table in specs:
        if name in ROSTER_FIELDS and ROSTER_FIELDS[name][1]:
            bad.append((name, empty[name], "invalid_row", fixed("cell-empty", field=name)))
        if kind == "units":
            bad.append((name, col(f"bad:{name}"), "unknown_unit", quote("wishes-unknown-unit")))
        elif kind == "unit":
            bad.append(
                (name, invalid_cells[name], "unknown_unit", quote("unit-not-in-file", "unit"))
            )
        elif kind != "str":
            bad.append(
                (name, invalid_cells[name], "invalid_row", sentence_for(name, kind, vocab, extras))
            )
    if as_of is not None:
        bad.append(
            (
                "birth_date",
                (officers["birth_date"] > as_of).fill_null(False),
                "invalid_row",
                quote("born-after-as-of", as_of=str(as_of)),
            )
        )
    dup = col("check:dup")
    if dup.any():  # a repeated hash: compare the ids themselves (a collision is not a duplicate)
        ids = officers["officer_id"]
        dup = ids.is_not_null() & ~ids.is_first_distinct()
    bad.append(("officer_id", dup, "duplicate_id", quote("")))
    for name, mask in ambiguous.items():
        bad.append((name, mask, "ambiguous_value", Note(H.ambiguous_message(name))))
    if "id_number" in columns:
        given = H.upgrade_legacy(officers["id_number"])
        ids, shape_bad, conflict = V.id_numbers(given, officers["birth_date"], birth_month)
        lost = H.lost_digits(ids, shape_bad)
        if lost.any():  # unknown, not wrong: the row is planned without it
            ids = ids.scatter(lost.arg_true(), None)
            shape_bad, conflict = shape_bad & ~lost, conflict & ~lost
            bad.append(("id_number", lost, "lost_digits", Note(H.lost_message)))
        officers = officers.with_columns(ids.alias("id_number"))
        bad.append(("id_number", shape_bad, "invalid_row", quote("bad-resident-id")))
        bad.append(("id_number", conflict, "data_conflict", fixed("")))
    for r, width in table.ragged.items():
        bad.append(
            (
                None,
                nowhere(n).scatter(r, True),
                "invalid_row",
                fixed("ragged-row", cells=width, header=len(table.headers)),
            )
        )
    keep = ~blank
    issues, invalid = collect(bad, officers, cells, keep)
    officers = officers.with_columns(_valid=~invalid).filter(keep)
    issues.sort(key=lambda e: (e["officer_id"] or "", e["row"]))
    return Roster(path, sha, table, columns, officers, issues)


TYPED = ("date", "bool", "number", "choice", "unit")


def _finished(name: str) -> pl.Expr:
    """A parsed column as officers hold it, once the checks have read it: wishes without the
    units not found (reported), flags that are false when empty."""
    value = pl.col(f"value:{name}")
    if name == "wishes":
        value = value.list.drop_nulls()
    elif name in FALSE_WHEN_EMPTY:
        value = value.fill_null(False)
    return value.alias(name)


def _value(raw: pl.Expr, kind: str, table: dict[str, str]) -> pl.Expr:
    """The fast path of a field's parser."""
    if kind == "date":
        return V.date_fast(raw)
    if kind == "bool":
        return V.bool_expr(raw)
    if kind == "number":
        return V.number_expr(raw)
    if kind in ("choice", "unit"):
        return V.choice_expr(raw, table)
    if kind == "units":
        return V.split_wishes(raw).list.eval(
            pl.element().replace_strict(table, default=None, return_dtype=pl.String)
        )
    return raw


# a known field: its name, how to parse it (TYPED, "units" or "str") and the lookup table of
# a choice/unit/units field (spelling -> term or unit id; empty for the others)
Spec = tuple[str, str, dict[str, str]]


def _specs(vocab: Vocabulary, extras: Extras, unit_table: dict[str, str]) -> list[Spec]:
    """(field, how to parse it, lookup table) for every known field."""
    out: list[Spec] = []
    for name, (ftype, _r, _a) in ROSTER_FIELDS.items():
        k = ftype.kind
        if k == "term":
            out.append((name, "choice", vocab.lookup(ftype.vocab)))
        elif name == "sex":
            out.append((name, "choice", {a: t for t, al in SEX.items() for a in [t, *al]}))
        elif name == "appraisal":
            out.append((name, "choice", {a: t for t, al in APPRAISAL.items() for a in [t, *al]}))
        elif k in ("unit", "units"):
            out.append((name, k, unit_table))
        elif k in ("date", "bool", "number"):
            out.append((name, k, {}))
        else:
            out.append((name, "str", {}))
    for name, (ftype, _aliases) in extras.items():
        k = ftype.kind
        if k == "enum":
            out.append((name, "choice", {x: x for x in ftype.values}))
        elif k in ("date", "bool", "number"):
            out.append((name, k, {}))
        else:
            out.append((name, "str", {}))
    return out
