"""`placement diff`: compare two plans."""

from __future__ import annotations

import json

import click
from rich.console import Console

from placement.cli.main import Command, handle_errors, lang_option, resolve_lang


@click.command("diff", cls=Command)
@click.argument("old_plan", type=click.Path(dir_okay=False))
@click.argument("new_plan", type=click.Path(dir_okay=False))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json", "md"]),
    default="table",
    help="Output format.",
)
@lang_option
@handle_errors
def command(old_plan, new_plan, fmt, lang):
    """Show what a policy change does: transfers added, removed or sent elsewhere,
    exceptions that appeared or went away, and the summary deltas.

    Example: placement diff plan-2026.json plan-2027.json --format md
    """
    from placement.commands.diff import diff_markdown
    from placement.commands.run import run_diff

    d, _code = run_diff(old_plan, new_plan)
    if fmt == "json":
        click.echo(json.dumps(d, ensure_ascii=False, indent=2))
    elif fmt == "md":
        click.echo(diff_markdown(d, resolve_lang(lang)))
    else:
        Console(highlight=False).print(diff_markdown(d, resolve_lang(lang)), markup=False)
