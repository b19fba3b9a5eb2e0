"""`placement explain`: why the rules treat one officer as they do."""

from __future__ import annotations

import json

import click
from rich.console import Console

from placement.cli.main import Command, handle_errors, input_options, lang_option, resolve_lang


@click.command("explain", cls=Command)
@click.argument("roster", type=click.Path(dir_okay=False))
@click.argument("officer_id")
@input_options
@click.option("--pin", "pin_file", type=click.Path(dir_okay=False), help="Manual decisions (YAML).")
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", help="Output format."
)
@lang_option
@handle_errors
def command(roster, officer_id, rules, units, as_of, sheet, pin_file, fmt, lang):
    """Show each rule for one officer: its condition as a tree with the truth value of every
    part, the tests that decided it, exemptions, the decision and where the plan (made with
    the same options, pins included) sends them.

    Example: placement explain data/roster.csv J0042
    """
    from placement.commands.run import run_explain
    from placement.report.explain import render_explain

    doc, _code = run_explain(roster, officer_id, rules, units, as_of, pin_file, sheet=sheet)
    if fmt == "json":
        click.echo(json.dumps(doc, ensure_ascii=False, indent=2, default=str))
        return
    render_explain(doc, Console(highlight=False), resolve_lang(lang))
