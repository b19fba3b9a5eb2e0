"""`placement plan`: the proposed transfer plan."""

from __future__ import annotations

import sys
from typing import Any, cast

import click

from placement.cli.main import Command, handle_errors, input_options, lang_option, resolve_lang
from placement.cli.output import FORMATS, Progress, choose_format, emit


@click.command("plan", cls=Command)
@click.argument("roster", type=click.Path(dir_okay=False))
@input_options
@click.option("--pin", "pin_file", type=click.Path(dir_okay=False), help="Manual decisions (YAML).")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS["plan"]),
    default=None,
    help="Output format (default: from the -o suffix; table without -o).",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(),
    help="Write here: a file, or a folder for csv (transfers, flags, exceptions, units, pins).",
)
@lang_option
@handle_errors
def command(roster, rules, units, as_of, sheet, pin_file, fmt, output, lang):
    """Plan the transfers the rules ask for, placing every mover in a concrete unit.

    Example: placement plan data/roster.csv --format json -o plan.json
    """
    from placement.load.roster.fetch import Reading

    sources = [roster, rules or "rules", units or "data/units.yaml", pin_file]
    fmt = choose_format("plan", fmt, output, sources)  # refuse a bad -o before any work
    reading = Reading(roster, sheet)  # the file is read while the modules below are imported
    from placement.commands.run import run_plan
    from placement.i18n import render_problem

    progress = Progress(resolve_lang(lang))
    seen: dict = {}
    doc, code = run_plan(
        roster, rules, units, as_of, pin_file, reading=reading, step=progress.step, seen=seen
    )
    for warning in seen["warnings"]:
        click.echo(render_problem(warning, resolve_lang(lang), warning=True), err=True)
    progress.step("writing the plan", "输出调动方案")
    ages = None
    if fmt == "html":
        from placement.report.profile import age_profile

        ages = age_profile(seen["inputs"].frame, seen["inputs"].units, doc)
    emit(
        cast("dict[str, Any]", doc),  # report/ takes documents as plain dicts
        "plan",
        fmt,
        output,
        sources,
        lang=resolve_lang(lang),
        ages=ages,
    )
    sys.exit(code)
