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
                as_of: dt.date | None = None, keep_cells: bool = True) -> Roster:
    """Read, parse and check a roster file. Bad rows become `issues`; a bad file raises.

    Without keep_cells the file's text cells are let go once parsed (plan and check do not
    write the roster back), which lowers the peak memory of a province-sized run."""
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
    sha = hashlib.sha256(raw).hexdigest()
    del raw
    roster = parse_roster(str(path), sha, table, columns, units, vocab, extras, as_of)
    if not keep_cells:
        table.frame = table.frame.clear()
    return roster


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
    n = frame.height
    xlsx = table.format == "xlsx"
    names = {i: name for name, i in columns.items()}
    others = [c for j, c in enumerate(frame.columns) if j not in names]
    unit_table = {u.id: u.id for u in units.list} | {u.name: u.id for u in units.list}
    specs = _specs(vocab, extras, unit_table)
    kinds = {name: kind for name, kind, _t in specs}
    # text fields are trimmed here; typed ones only where their fast path fails (below).
    # One query cleans and parses every column (on all cores).
    raw_exprs = [V.clean(pl.col(f"c{columns[name]}"), table.fullwidth, kinds[name] in ("str", "units"))
                 if name in columns else pl.lit(None, pl.String) for name, _k, _t in specs]
    lazy = frame.lazy().with_columns([e.alias(f"raw:{name}") for e, (name, _k, _t) in zip(raw_exprs, specs,
                                                                                         strict=True)])
    exprs = [pl.int_range(ROW_OFFSET, n + ROW_OFFSET, dtype=pl.Int64).alias("_row")]
    for name, kind, table_ in specs:
        c = pl.col(f"raw:{name}")
        if kind == "date":
            e = V.date_fast(c)
        elif kind == "bool":
            e = V.bool_expr(c)
        elif kind == "number":
            e = V.number_expr(c)
        elif kind in ("choice", "unit"):
            e = V.choice_expr(c, table_)
        elif kind == "units":
            e = V.split_wishes(c).list.eval(pl.element().replace_strict(table_, default=None,
                                                                        return_dtype=pl.String))
        else:
            e = c
        exprs.append(e.alias(name))
    known = [pl.col(f"raw:{name}").is_null() for name in columns]
    others_blank = [pl.col(c).is_null() | (pl.col(c).str.len_bytes() == 0) for c in others]
    out = lazy.select([pl.col(f"raw:{name}") for name, _k, _t in specs] + exprs
                      + [pl.all_horizontal(known + others_blank or [pl.lit(False)]).alias("_blank"),
                         pl.all_horizontal(others_blank or [pl.lit(True)]).alias("_blank_others")]).collect()
    cleaned = out.select([pl.col(f"raw:{name}").alias(name) for name, _k, _t in specs])
    officers = out.select(["_row", *[name for name, _k, _t in specs]])
    blank = out["_blank"] if columns else pl.Series([False] * n, dtype=pl.Boolean)
    maybe = cleaned["officer_id"].is_null() & ~blank
    if maybe.any():  # rows of blanks only: typed cells are not trimmed yet, look again
        idx = maybe.arg_true()
        sub = cleaned[idx]
        spaces = sub.select(pl.all_horizontal([pl.col(c).is_null() | (pl.col(c).str.strip_chars() == "")
                                               for c in columns]).alias("b"))["b"]
        others_sub = out["_blank_others"][idx] if "_blank_others" in out.columns else None
        spaces = spaces & others_sub if others_sub is not None else spaces
        blank = blank.scatter(idx.filter(spaces), True)
    typed = [name for name, kind, _t in specs if kind in ("date", "bool", "number", "choice", "unit")]
    both = pl.concat([cleaned.select([pl.col(c).alias(f"raw:{c}") for c in typed]), officers.select(typed)],
                     how="horizontal")
    failing = both.select([(pl.col(f"raw:{c}").is_not_null() & pl.col(c).is_null()).any().alias(c)
                           for c in typed]).row(0) if typed else ()
    fixes = {}
    tables = {name: t for name, _k, t in specs}
    for name, fails in zip(typed, failing, strict=True):
        if not fails:
            continue
        kind = kinds[name]
        raw, value = cleaned[name], officers[name]
        idx = (raw.is_not_null() & value.is_null()).arg_true()
        sub = raw.gather(idx).str.strip_chars()
        spaces = (sub == "").to_numpy()
        if spaces.any():  # cells of blanks only: empty, not bad
            cleaned = cleaned.with_columns(raw.scatter(idx.filter(pl.Series(spaces)), None))
        slow = (V.date_slow(sub, xlsx) if kind == "date" else V.bool_slow(sub) if kind == "bool"
                else V.number_slow(sub) if kind == "number" else V.choice_slow(sub, tables[name]))
        fixes[name] = value.scatter(idx, slow)
    if fixes:
        officers = officers.with_columns(list(fixes.values()))
    # every check as an expression over the raw cells and the parsed values
    checks: list[tuple[str, pl.Expr, str, object]] = []  # field, mask, code, message
    for name, kind, _table in specs:
        raw, value = pl.col(f"raw:{name}"), pl.col(name)
        if name in ROSTER_FIELDS and ROSTER_FIELDS[name][1]:
            checks.append((name, raw.is_null(), "invalid_row", f"{name} is empty"))
        if kind == "units":
            checks.append((name, value.list.eval(pl.element().is_null()).list.any().fill_null(False),
                           "unknown_unit", "wishes '{raw}' name a unit not in the units file"))
        elif kind == "unit":
            checks.append((name, raw.is_not_null() & value.is_null(), "unknown_unit",
                           "unit '{raw}' is not in the units file"))
        elif kind != "str":
            checks.append((name, raw.is_not_null() & value.is_null(), "invalid_row",
                           _message(name, kind, vocab, extras)))
    if as_of is not None:
        checks.append(("birth_date", (pl.col("birth_date") > as_of).fill_null(False), "invalid_row",
                       f"birth_date '{{raw}}' is after the as-of date {as_of}"))
    oid = pl.col("officer_id")
    checks.append(("officer_id", (oid.is_not_null() & oid.is_duplicated() & ~oid.is_first_distinct()).fill_null(False),
                   "duplicate_id", "officer_id '{raw}' appears on an earlier row"))
    both = pl.concat([cleaned.select([pl.col(c).alias(f"raw:{c}") for c in [*ROSTER_FIELDS, *extras]]),
                      officers], how="horizontal")
    hits = both.select([m.fill_null(False).any().alias(str(i)) for i, (_n, m, _c, _t) in enumerate(checks)]).row(0)
    live = [ch for ch, hit in zip(checks, hits, strict=True) if hit]
    masks = both.select([m.fill_null(False).alias(str(i)) for i, (_n, m, _c, _t) in enumerate(live)])
    bad = [(n, masks[str(i)], code, t) for i, (n, _m, code, t) in enumerate(live)]
    officers = officers.with_columns(pl.col("wishes").list.drop_nulls(),
                                     *[pl.col(f).fill_null(False) for f in FALSE_WHEN_EMPTY])
    if "id_number" in columns:
        ids, shape_bad, conflict = V.id_numbers(cleaned["id_number"], officers["birth_date"])
        officers = officers.with_columns(ids.alias("id_number"))
        bad.append(("id_number", shape_bad, "invalid_row", "id_number '{raw}' is not a valid resident ID"))
        bad.append(("id_number", conflict, "data_conflict",
                    "id_number's birth date does not agree with birth_date"))
    for r, width in table.ragged.items():
        m = pl.Series([False] * n, dtype=pl.Boolean)
        m[r] = True
        bad.append(("row", m, "invalid_row", f"row has {width} cells, the header has {len(table.headers)}"))
    keep = ~blank
    issues, invalid = _collect(bad, officers, cleaned, keep)
    officers = officers.with_columns(_valid=~invalid).filter(keep)
    issues.sort(key=lambda e: (e["officer_id"] or "", e["row"]))
    return Roster(path, sha, table, columns, officers, issues)


def _specs(vocab: Vocabulary, extras: dict, unit_table: dict) -> list[tuple[str, str, dict | None]]:
    """(field, how to parse it, lookup table) for every known field."""
    out = []
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
            out.append((name, k, None))
        else:
            out.append((name, "str", None))
    for name, (ftype, _aliases) in extras.items():
        k = ftype.kind
        if k == "enum":
            out.append((name, "choice", {x: x for x in ftype.values}))
        elif k in ("date", "bool", "number"):
            out.append((name, k, None))
        else:
            out.append((name, "str", None))
    return out


def _message(name: str, kind: str, vocab: Vocabulary, extras: dict):
    if kind == "date":
        return f"{name} '{{raw}}' is not a date"
    if kind == "bool":
        return f"{name} '{{raw}}' is not yes/no"
    if kind == "number":
        return f"{name} '{{raw}}' is not a number ≥ 0"
    if name in ("post", "rank"):
        def term(raw, name=name):
            return f"{name} '{raw}' is not in the vocabulary ({vocab.hint(name, raw)})"
        return term
    if name == "sex":
        return "sex '{raw}' is not M/F (男/女)"
    if name == "appraisal":
        return "appraisal '{raw}' is not excellent/competent/basically_competent/incompetent"
    values = "/".join(extras[name][0].values) if name in extras else ""
    return f"{name} '{{raw}}' is not one of {values}"


def _collect(bad, officers, cleaned, keep):
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
        idx = mask.arg_true()
        raws = cleaned[name].gather(idx).to_list() if name in cleaned.columns else [None] * len(idx)
        for oid, row, raw in zip(ids.gather(idx).to_list(), rows.gather(idx).to_list(), raws, strict=True):
            text = template(raw) if callable(template) else template.replace("{raw}", str(raw))
            issues.append({"officer_id": oid, "row": row, "code": code, "rule_id": None,
                           "field": None if name == "row" else name, "message": f"row {row}: {text}"})
    return issues, invalid
