"""Load a roster: map headers, parse every column, and turn bad rows into exception entries."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from pathlib import Path

import polars as pl

from ..problems import InputError, Problem
from ..schema import FALSE_WHEN_EMPTY, ROSTER_FIELDS, header_lookup, normalise_header
from ..units import Units
from ..vocab import APPRAISAL, SEX, Vocabulary
from . import values as V
from .read import MAX_ROSTER_BYTES, RawTable, read_table

ROW_OFFSET = 2  # sheet row of the first data row: the header is row 1


@dataclass
class Roster:
    path: str
    sha256: str
    table: RawTable
    columns: dict[str, int]  # field name -> column index in the file
    officers: pl.DataFrame  # typed; `_row`, `_valid`, one column per known field
    issues: list[dict] = field(default_factory=list)  # exception entries for bad rows

    @property
    def rows(self) -> int:
        return self.officers.height


def read_roster(path: str | Path, units: Units, vocab: Vocabulary, extras: dict,
                as_of: dt.date | None = None) -> Roster:
    """Read, parse and check a roster file. Bad rows become `issues`; a bad file raises."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_ROSTER_BYTES:
            raise InputError(Problem(str(path), 0, 0, "roster-too-large", "the file is larger than 2 GiB"))
        raw = path.read_bytes()
    except FileNotFoundError:
        raise InputError(Problem(str(path), 0, 0, "roster-missing", "no such file")) from None
    except IsADirectoryError:
        raise InputError(Problem(str(path), 0, 0, "roster-unreadable", "is a folder, not a roster file")) from None
    except OSError as e:
        raise InputError(Problem(str(path), 0, 0, "roster-unreadable", f"cannot read: {e.strerror}")) from None
    table = read_table(path, raw)
    columns = map_headers(str(path), table.headers, extras)
    return parse_roster(str(path), hashlib.sha256(raw).hexdigest(), table, columns, units, vocab,
                        extras, as_of)


def map_headers(path: str, headers: list[str], extras: dict) -> dict[str, int]:
    lookup = header_lookup()
    for name, (_t, aliases) in extras.items():
        lookup[name.lower()] = name
        for a in aliases:
            lookup[normalise_header(a)] = name
    columns: dict[str, int] = {}
    seen: dict[str, int] = {}
    problems = []
    for i, h in enumerate(headers):
        key = normalise_header(h)
        if not key:
            continue
        if key in seen:
            problems.append(Problem(path, 1, i + 1, "duplicate-header",
                                    f"header '{h}' appears twice (columns {seen[key] + 1} and {i + 1})"))
            continue
        seen[key] = i
        name = lookup.get(key)
        if name is None:
            continue
        if name in columns:
            j = columns[name]
            problems.append(Problem(path, 1, i + 1, "duplicate-header",
                                    f"columns {j + 1} '{headers[j]}' and {i + 1} '{h}' both give {name}"))
            continue
        columns[name] = i
    missing = [n for n, (_t, req, _a) in ROSTER_FIELDS.items() if req and n not in columns]
    if missing:
        names = "; ".join(f"{n} ({'/'.join(ROSTER_FIELDS[n][2][:2])})" for n in missing)
        problems.append(Problem(path, 1, 0, "missing-column",
                                f"required column missing: {names}; is this a roster?"))
    if problems:
        raise InputError(problems)
    return columns


def parse_roster(path, sha, table: RawTable, columns, units: Units, vocab: Vocabulary, extras,
                 as_of) -> Roster:
    frame = table.frame
    xlsx = table.format == "xlsx"
    cleaned = {name: V.clean(frame[f"c{i}"]) for name, i in columns.items()}
    n = frame.height
    blank = pl.select(pl.all_horizontal([frame[c].is_null() | (frame[c].str.strip_chars() == "")
                                         for c in frame.columns])).to_series() if frame.width else None
    out: dict[str, pl.Series] = {"_row": pl.Series(range(ROW_OFFSET, n + ROW_OFFSET), dtype=pl.Int64)}
    bad: list[tuple[str, pl.Series, str, str]] = []  # field, mask, code, message template

    def empty(name):
        return pl.Series(name, [None] * n, dtype=pl.String)

    for name, (ftype, required, _a) in ROSTER_FIELDS.items():
        s = cleaned.get(name, empty(name))
        if required:
            bad.append((name, s.is_null(), "invalid_row", f"{name} is empty"))
        k = ftype.kind
        if k == "date":
            v, b = V.parse_date(s, xlsx)
            bad.append((name, b, "invalid_row", f"{name} '{{raw}}' is not a date"))
        elif k == "bool":
            v, b = V.parse_bool(s)
            bad.append((name, b, "invalid_row", f"{name} '{{raw}}' is not yes/no"))
            if name in FALSE_WHEN_EMPTY:
                v = v.fill_null(False)
        elif k == "number":
            v, b = V.parse_number(s)
            bad.append((name, b, "invalid_row", f"{name} '{{raw}}' is not a number ≥ 0"))
        elif k == "term":
            v, b = V.parse_choice(s, vocab.lookup(ftype.vocab))
            bad.append((name, b, "invalid_row", f"{name} '{{raw}}' is not in the vocabulary"))
        elif name == "sex":
            v, b = V.parse_choice(s, {a: t for t, al in SEX.items() for a in [t, *al]})
            bad.append((name, b, "invalid_row", "sex '{raw}' is not M/F (男/女)"))
        elif name == "appraisal":
            v, b = V.parse_choice(s, {a: t for t, al in APPRAISAL.items() for a in [t, *al]})
            bad.append((name, b, "invalid_row",
                        "appraisal '{raw}' is not excellent/competent/basically_competent/incompetent"))
        elif name == "unit":
            table_ = {u.id: u.id for u in units.list} | {u.name: u.id for u in units.list}
            v = s.replace_strict(table_, default=None, return_dtype=pl.String)
            bad.append((name, s.is_not_null() & v.is_null(), "unknown_unit",
                        "unit '{raw}' is not in the units file"))
        elif name == "wishes":
            parts = V.split_wishes(s)
            table_ = {u.id: u.id for u in units.list} | {u.name: u.id for u in units.list}
            resolved = parts.list.eval(pl.element().replace_strict(table_, default=None,
                                                                   return_dtype=pl.String))
            unknown = resolved.list.eval(pl.element().is_null()).list.any().fill_null(False)
            bad.append((name, unknown, "unknown_unit", "wishes '{raw}' name a unit not in the units file"))
            v = resolved.list.drop_nulls()
        elif name == "id_number":
            v, b, birth = V.parse_id_number(s)
            bad.append((name, b, "invalid_row", "id_number '{raw}' is not a valid resident ID"))
            out["_id_birth"] = birth
        else:
            v = s
        out[name] = v.alias(name)
    for name, (ftype, _aliases) in extras.items():
        s = cleaned.get(name, empty(name))
        k = ftype.kind
        if k == "date":
            v, b = V.parse_date(s, xlsx)
        elif k == "bool":
            v, b = V.parse_bool(s)
        elif k == "number":
            v, b = s.cast(pl.Float64, strict=False), None
            b = s.is_not_null() & v.is_null()
        elif k == "enum":
            v, b = V.parse_choice(s, {x: x for x in ftype.values})
        else:
            v, b = s, None
        if b is not None:
            bad.append((name, b, "invalid_row", f"{name} '{{raw}}' is not {k}"
                        + (f" ({'/'.join(ftype.values)})" if k == "enum" else "")))
        out[name] = v.alias(name)
    officers = pl.DataFrame(out)
    # data conflicts and duplicates
    if "_id_birth" in officers.columns:
        conflict = (officers["_id_birth"] != officers["birth_date"]).fill_null(False)
        bad.append(("id_number", conflict, "data_conflict",
                    "id_number's birth date does not agree with birth_date"))
        officers = officers.drop("_id_birth")
    if as_of is not None:
        bad.append(("birth_date", (officers["birth_date"] > as_of).fill_null(False), "invalid_row",
                    f"birth_date '{{raw}}' is after the as-of date {as_of}"))
    dup = officers["officer_id"].is_duplicated() & ~officers["officer_id"].is_first_distinct()
    bad.append(("officer_id", dup.fill_null(False), "duplicate_id", "officer_id '{raw}' appears on an earlier row"))
    for r, width in table.ragged.items():
        m = pl.Series([False] * n, dtype=pl.Boolean)
        m[r] = True
        bad.append(("row", m, "invalid_row", f"row has {width} cells, the header has {len(table.headers)}"))
    keep = ~blank if blank is not None else pl.Series([True] * n, dtype=pl.Boolean)
    issues, invalid = _collect(bad, officers, cleaned, keep, frame, columns)
    officers = officers.with_columns(_valid=~invalid).filter(keep)
    issues.sort(key=lambda e: (e["officer_id"] or "", e["row"]))
    return Roster(path, sha, table, columns, officers, issues)


def _collect(bad, officers, cleaned, keep, frame, columns):
    n = officers.height
    invalid = pl.Series([False] * n, dtype=pl.Boolean)
    issues = []
    ids = officers["officer_id"]
    rows = officers["_row"]
    for name, mask, code, template in bad:
        mask = (mask.fill_null(False) & keep) if mask.len() else mask
        if not mask.any():
            continue
        invalid = invalid | mask
        idx = mask.arg_true().to_list()
        raws = cleaned[name].gather(idx).to_list() if name in cleaned else [None] * len(idx)
        oids = ids.gather(idx).to_list()
        rws = rows.gather(idx).to_list()
        for oid, row, raw in zip(oids, rws, raws, strict=True):
            issues.append({"officer_id": oid, "row": row, "code": code, "rule_id": None,
                           "field": None if name == "row" else name,
                           "message": f"row {row}: " + template.replace("{raw}", str(raw))})
    return issues, invalid
