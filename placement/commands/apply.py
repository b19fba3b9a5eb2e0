"""`apply`: the roster after the plan — same rows, columns, order and encoding."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from placement.load.roster.load import Roster
from placement.load.roster.read import OLE
from placement.load.units import Units
from placement.load.vocab import Vocabulary
from placement.messages.registry import Message
from placement.problems import InputError, problem


def load_plan(path: str) -> dict[str, Any]:
    """A plan document as `placement plan --format json` wrote it, read from `path`: a JSON
    object whose `transfers` is a list (nothing else is checked; commands use .get for
    the rest). Raises InputError: `plan-unreadable` (cannot open the file) or `plan-invalid`
    (not JSON, with its line; not an object with a `transfers` list)."""
    try:
        doc = json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as e:
        raise InputError(problem("plan-unreadable", path, error=e.strerror)) from None
    except (json.JSONDecodeError, UnicodeDecodeError) as e:
        line = getattr(e, "lineno", 0)
        raise InputError(
            problem(
                "plan-invalid", path, line, message=Message("plan-not-json", {"detail": str(e)})
            )
        ) from None
    if not isinstance(doc, dict) or not isinstance(doc.get("transfers"), list):
        raise InputError(problem("plan-invalid", path, message=Message("no-transfers")))
    return doc


XLSX_SUFFIXES = (".xlsx", ".xlsm")
# names that promise another format than CSV text
NOT_CSV = XLSX_SUFFIXES + (".xls", ".json", ".md", ".html", ".htm", ".yaml", ".yml")
# workbook formats read but not written back (an .ods is a zip, an .xls an OLE file)
UNWRITABLE = (".xls", ".ods")


def check_suffix(roster: str, output: str) -> None:
    """InputError (`apply-output-suffix`) when -o names a format other than the roster's:
    an XLSX roster is written as XLSX (.xlsx/.xlsm), a CSV roster as CSV text (any name
    but one of another format's suffixes). An old .xls or .ods roster passes: whatever -o
    says, it is refused once read (`roster-format-unwritable`), not told it is CSV."""
    from placement.problems import problem

    out = Path(output).suffix.lower()
    if Path(roster).suffix.lower() in UNWRITABLE or _magic(roster) == OLE:
        return  # an old workbook is refused once read, by roster-format-unwritable
    xlsx = Path(roster).suffix.lower() in XLSX_SUFFIXES or _magic(roster) == b"PK\x03\x04"
    if xlsx and out not in XLSX_SUFFIXES:
        raise InputError(
            problem(
                "apply-output-suffix",
                output,
                format="xlsx",
                suffixes=" or ".join(XLSX_SUFFIXES),
                path=output,
            )
        )
    if not xlsx and out in NOT_CSV:
        raise InputError(
            problem("apply-output-suffix", output, format="csv", suffixes=".csv", path=output)
        )


def plan_sheet(plan: Mapping[str, Any], roster: str, sheet: str | None, force: bool) -> str | None:
    """The sheet apply reads and writes: the one the plan was made from (`inputs.roster.sheet`,
    null for a CSV), so that a plan of a hidden or chosen sheet is not written over the active
    one; `sheet` (--sheet) when the plan names none or it agrees. InputError
    `plan-other-sheet` when --sheet names another sheet than the plan's, unless `force`."""
    roster_doc = plan.get("inputs", {}).get("roster", {})
    planned = roster_doc.get("sheet") if isinstance(roster_doc, dict) else None
    if not isinstance(planned, str) or not planned:
        return sheet
    if sheet is None or str(sheet).strip() == planned:
        return planned
    if force:
        return sheet
    raise InputError(problem("plan-other-sheet", roster, planned=planned, sheet=str(sheet)))


def _magic(path: str) -> bytes:
    try:
        with open(path, "rb") as fh:
            return fh.read(len(OLE))
    except OSError:
        return b""  # the roster's own reading reports it


def applied_rows(
    plan: Mapping[str, Any], roster: Roster, units: Units, vocab: Vocabulary, force: bool
) -> list[list[str]]:
    """The roster's header plus its data rows in file order, as text cells (empty cell ""),
    with each transferred officer's unit and post set to the plan's to_unit/to_post, written
    as the roster wrote them (a unit by name if the cell held a name, a post by the alias in
    the same position), and `post_since` set to the plan's as_of for whoever a rule, an
    appointment or a pin moved (SPEC §5). `plan` as load_plan reads it. Raises InputError
    `plan-other-roster` when the plan was made from another roster (sha256) unless `force`."""
    sha = plan.get("inputs", {}).get("roster", {}).get("sha256")
    if sha != roster.sha256 and not force:
        raise InputError(problem("plan-other-roster", roster.path))
    table = roster.table
    ucol, pcol = roster.columns["unit"], roster.columns["post"]
    idcol = roster.columns["officer_id"]
    moves = {t["officer_id"]: t for t in plan["transfers"]}
    # appointments (SPEC §4): unit, post and rank; a same-unit one is not in `transfers`
    for a in plan.get("appointments") or []:
        moves[a["officer_id"]] = {"to_unit": a["unit_id"], "to_post": a["post"]} | (
            {"to_rank": a["rank_after"]} if a.get("rank_after") else {}
        )
    rcol = roster.columns.get("rank")
    since = roster.columns.get("post_since")
    changed = _post_changed(plan) if since is not None else set()
    rows = [list(table.headers)]
    for row in table.frame.iter_rows():
        cells: list[str] = ["" if c is None else c for c in row]
        oid = cells[idcol].strip()
        t = moves.get(oid)
        if t is not None:
            cells[ucol] = _unit_cell(cells[ucol], t["to_unit"], units)
            cells[pcol] = _post_cell(cells[pcol], t["to_post"], vocab)
            if rcol is not None and t.get("to_rank"):
                cells[rcol] = _term_cell(cells[rcol], t["to_rank"], vocab, "rank")
        if since is not None and oid in changed:
            cells[since] = str(plan.get("as_of", ""))
        rows.append(cells)
    return rows


def _post_changed(plan: Mapping[str, Any]) -> set[str]:
    """Officers whose unit or post a rule, an appointment or a pin changed: their post
    begins on the plan's as-of date (SPEC §5 Correct). A merge alone changes neither."""
    out = {t["officer_id"] for t in plan["transfers"] if t.get("rule_id") != "unit_merge"}
    out |= {a["officer_id"] for a in plan.get("appointments") or [] if a.get("officer_id")}
    return out


def _unit_cell(old: str, new_id: str, units: Units) -> str:
    """Write the unit the way the roster wrote it: by name if it used names."""
    if old.strip() in units.by_name and new_id in units.by_id:
        return units.by_id[new_id].name
    return new_id


def _post_cell(old: str, new_term: str, vocab: Vocabulary) -> str:
    return _term_cell(old, new_term, vocab, "post")


def _term_cell(old: str, new_term: str, vocab: Vocabulary, kind: str) -> str:
    """The new term written the way the roster wrote the old one (the same alias position:
    a roster in Chinese gets the Chinese alias). A rank is written as its level's term: a
    roster of police grades gets the level term, not a grade (TODO once the 2019 grades are
    vocabulary terms: the lowest grade of the new level, SPEC §1.4)."""
    old = old.strip()
    if old == new_term or old == "":
        return new_term
    for aliases in vocab.terms[kind].values():
        if old in aliases:
            k = aliases.index(old)
            new_aliases = vocab.terms[kind].get(new_term, [])
            return new_aliases[min(k, len(new_aliases) - 1)] if new_aliases else new_term
    return new_term


def serialise(rows: list[list[str]], roster: Roster, as_of: dt.date | None = None) -> bytes:
    """The file's bytes in the roster's own format, from `rows` (applied_rows). CSV: same
    encoding, BOM and line ends. XLSX: the roster's workbook with only the changed cells
    rewritten, in their types and formats (commands.apply_xlsx); `as_of` dates its
    modification. Raises OSError when the roster file cannot be read again."""
    table = roster.table
    if table.format in ("xls", "ods"):  # no writer here keeps such a workbook as it was
        raise InputError(
            problem("roster-format-unwritable", roster.path, format=table.format.upper())
        )
    if table.format == "xlsx":
        from placement.commands.apply_xlsx import rewrite_xlsx

        old = [list(table.headers)] + [
            ["" if c is None else c for c in cells] for cells in table.frame.iter_rows()
        ]
        numbers = table.rows.to_list() if table.rows is not None else None
        return rewrite_xlsx(roster.path, old, rows, as_of, table.sheet, table.header_row, numbers)
    out = io.StringIO()
    # the line ends as the roster's own text has them (UTF-16 writes CR LF as 0D 00 0A 00)
    head = _head(roster)
    ends = "\r\n" if "\r\n" in head[: len(head) & ~3].decode(table.encoding, "ignore") else "\n"
    csv.writer(out, delimiter=table.delimiter, lineterminator=ends).writerows(rows)
    text = out.getvalue()
    enc = table.encoding
    if enc == "utf-8-sig":
        return b"\xef\xbb\xbf" + text.encode("utf-8")
    return text.encode(enc)


def _head(roster: Roster) -> bytes:
    with open(roster.path, "rb") as fh:
        return fh.read(4096)
