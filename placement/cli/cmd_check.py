"""`placement check`: list a roster's rule violations."""

from __future__ import annotations

import sys
from typing import Any, cast

import click

from placement.cli.main import Command, handle_errors, input_options, lang_option, resolve_lang
from placement.cli.output import FORMATS, Progress, choose_format, emit


@click.command("check", cls=Command)
@click.argument("roster", type=click.Path(dir_okay=False))
@input_options
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS["check"]),
    default=None,
    help="Output format (default: from the -o suffix; table without -o).",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(),
    help="Write here: a file, or a folder for csv (violations, flags, exceptions, targets).",
)
@lang_option
@handle_errors
def command(roster, rules, units, as_of, sheet, fmt, output, lang):
    """Judge the roster as it is: violations, flags, unmet targets and exceptions.

    Exits 0 when there is nothing to report, 1 when there is, 2 on bad input.

    Example: placement check data/roster.csv --format json
    """
    from placement.load.roster.fetch import Reading

    sources = [roster, rules or "rules", units or "data/units.yaml"]
    fmt = choose_format("check", fmt, output, sources)  # refuse a bad -o before any work
    reading = Reading(roster, sheet)  # the file is read while the modules below are imported
    from placement.commands.run import run_check

    seen: dict = {}
    progress = Progress(resolve_lang(lang))
    doc, code = run_check(
        roster, rules, units, as_of, reading=reading, step=progress.step, seen=seen
    )
    emit(
        cast("dict[str, Any]", doc),
        "check",
        fmt,
        output,
        sources,
        lang=resolve_lang(lang),
        as_of=seen["inputs"].as_of,
    )
    sys.exit(code)
