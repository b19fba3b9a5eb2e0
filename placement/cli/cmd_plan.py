"""`placement plan`: the proposed transfer plan."""

from __future__ import annotations

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
    from placement.load.inputs import load_inputs
    from placement.load.pins import load_pins
    from placement.place.plan import make_plan, plan_warnings

    progress = Progress(resolve_lang(lang))
    progress.step(
        "reading the rules, units and roster; judging every officer",
        "读取规则、单位和名册，逐人判定",
    )
    inputs = load_inputs(roster, rules, units, as_of, keep_cells=False, reading=reading)
    pins = load_pins(pin_file) if pin_file else []
    progress.step(
        f"placing the movers of {inputs.roster.rows} officers",
        f"为 {inputs.roster.rows} 名民警中的调动人员安排单位",
    )
    doc = make_plan(inputs, pins)
    from placement.i18n import render_problem

    for warning in plan_warnings(inputs):
        click.echo(render_problem(warning, resolve_lang(lang), warning=True), err=True)
    progress.step("writing the plan", "输出调动方案")
    ages = None
    if fmt == "html":
        from placement.report.profile import age_profile

        ages = age_profile(inputs.frame, inputs.units, doc)
    emit(
        cast("dict[str, Any]", doc),  # report/ takes documents as plain dicts
        "plan",
        fmt,
        output,
        sources,
        lang=resolve_lang(lang),
        ages=ages,
    )
