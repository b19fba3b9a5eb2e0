"""Send a plan or check document to the terminal or a file, in the format asked for.

Where a report goes and in which format is decided once, by `choose_format`, before any
work: every combination of --format and -o either has one meaning or is refused with a
message (exit 2). The rules (SPEC §3 "Defaults"):

- without -o: --format, else `table` (resident IDs masked, as on a terminal); csv
  (several tables) and xlsx (binary) need -o;
- with -o and no --format: the suffix decides (.json .md .html .htm .xlsx .txt = table);
  an existing folder means csv; any other name is refused (give --format);
- with both: a suffix that names another format is refused; an unknown suffix is fine;
- csv writes a folder: -o must not be a file, nor a name ending in .csv;
- every other format writes one file: -o must not be an existing folder;
- -o never names an input (file or folder), and its folder must exist.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click
from rich.console import Console

from placement.problems import InputError, problem
from placement.report import tables as T
from placement.report.write import guard, to_json, write_atomic

FORMATS = {
    "plan": ("table", "json", "csv", "xlsx", "md", "html"),
    "check": ("table", "json", "csv", "xlsx", "md"),
}
SUFFIXES = {
    ".json": "json",
    ".md": "md",
    ".markdown": "md",
    ".xlsx": "xlsx",
    ".html": "html",
    ".htm": "html",
    ".txt": "table",
    ".csv": "csv",
}


def choose_format(kind: str, fmt: str | None, output: str | None, inputs: list) -> str:
    """The format a `plan`/`check` report is written in; InputError (exit 2) for a
    combination of --format and -o that has no single meaning (see the module doc)."""
    offered = FORMATS[kind]
    if output is None:
        fmt = fmt or "table"
        if fmt == "csv":
            raise InputError(
                problem("output-needs-folder", "-o", tables=_csv_names(kind), path="stdout")
            )
        if fmt == "xlsx":
            raise InputError(problem("output-needs-file", "-o", format=fmt, suffix=".xlsx"))
        return fmt
    out = Path(output)
    guard(out, inputs)
    suffix = out.suffix.lower()
    guessed = SUFFIXES.get(suffix)
    if fmt is None:
        if out.is_dir():
            fmt = "csv"
        elif guessed is None:
            raise InputError(
                problem("output-format-unknown", output, path=output, formats=", ".join(offered))
            )
        else:
            fmt = guessed
        if fmt not in offered:
            raise InputError(
                problem(
                    "output-format-not-offered",
                    output,
                    command=kind,
                    format=fmt,
                    path=output,
                    formats=", ".join(offered),
                )
            )
    elif guessed is not None and guessed != fmt and not (fmt == "csv" and guessed == "csv"):
        raise InputError(
            problem(
                "output-suffix-mismatch",
                output,
                format=fmt,
                path=output,
                suffix=suffix,
                other=guessed,
            )
        )
    if fmt == "csv":
        if (out.exists() and not out.is_dir()) or (suffix == ".csv" and not out.is_dir()):
            raise InputError(
                problem("output-needs-folder", output, tables=_csv_names(kind), path=output)
            )
    elif out.is_dir():
        raise InputError(problem("output-is-folder", output, path=output, format=fmt))
    return fmt


def _csv_names(kind: str) -> str:
    names = T.PLAN_TABLES if kind == "plan" else T.CHECK_TABLES
    return ", ".join(f"{n}.csv" for n in names)


def emit(
    doc: dict,
    kind: str,
    fmt: str | None,
    output: str | None,
    inputs: list,
    lang: str = "en",
    ages: dict | None = None,
    as_of=None,
) -> None:
    """Write `doc` (a plan or check document) as `fmt` to `output`, or to stdout.
    `as_of` dates an XLSX workbook whose document has no `as_of` (a check report)."""
    fmt = choose_format(kind, fmt, output, inputs)
    tabs = T.plan_tables(doc) if kind == "plan" else T.check_tables(doc)
    if fmt == "csv":
        assert output is not None  # choose_format: csv needs -o
        folder = Path(output)
        if folder.exists() and not folder.is_dir():
            raise InputError(problem("output-not-folder", output))
        folder.mkdir(exist_ok=True)
        for name, (cols, rows) in tabs.items():
            target = guard(folder / f"{name}.csv", inputs)
            write_atomic(target, T.csv_bytes(cols, rows))
        _wrote(output, lang)
        return
    shown = T.shown_tables(tabs)
    if fmt == "json":
        data = to_json(doc)
    elif fmt == "md":
        from placement.report.summary import markdown_report

        data = markdown_report(doc, kind, shown, lang).encode("utf-8")
    elif fmt == "html":
        from placement.report.html import render_html

        data = render_html(doc, lang=lang, ages=ages).encode("utf-8")
    elif fmt == "xlsx":
        from placement.report.xlsx import xlsx_bytes

        data = xlsx_bytes(doc, kind, tabs, lang, as_of)
    else:
        from placement.report.terminal import render_check, render_plan

        if output is None:
            console = Console(highlight=False)
            (render_plan if kind == "plan" else render_check)(doc, console, lang)
            return
        console = Console(record=True, width=160, file=open("/dev/null", "w"), highlight=False)
        (render_plan if kind == "plan" else render_check)(doc, console, lang)
        data = console.export_text().encode("utf-8")
    if output is None:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return
    write_atomic(guard(Path(output), inputs), data)
    _wrote(output, lang)


def _wrote(output: str, lang: str) -> None:
    if lang == "zh":
        from placement.i18n import label

        click.echo(label("wrote", lang).format(path=output), err=True)
    else:
        click.echo(f"wrote {output}", err=True)


class Progress:
    """Stage lines on stderr with the time so far, only when stderr is a terminal."""

    def __init__(self, lang: str):
        import time

        self._clock = time.monotonic
        self.start = self._clock()
        self.lang = lang
        self.on = sys.stderr.isatty()

    def step(self, en: str, zh: str) -> None:
        if self.on:
            click.echo(
                f"[{self._clock() - self.start:6.1f}s] {zh if self.lang == 'zh' else en} …",
                err=True,
            )
