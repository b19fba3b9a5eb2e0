"""`placement apply`: write the roster as it will be after a plan."""

from __future__ import annotations

import click

from placement.cli.main import Command, handle_errors, input_options, lang_option, resolve_lang


@click.command("apply", cls=Command)
@click.argument("plan", type=click.Path(dir_okay=False))
@click.argument("roster", type=click.Path(dir_okay=False))
@click.option(
    "-o", "--output", required=True, type=click.Path(dir_okay=False), help="The new roster."
)
@click.option("--force", is_flag=True, help="Apply a plan made from a different roster.")
@input_options
@lang_option
@handle_errors
def command(plan, roster, output, force, rules, units, as_of, sheet, lang):
    """Write ROSTER with each planned officer's unit and post updated (same rows and columns).

    Example: placement apply plan.json data/roster.csv -o roster-after.csv
    """
    from placement.commands.run import run_apply

    done, _code = run_apply(plan, roster, output, force, rules, units, sheet=sheet)
    if resolve_lang(lang) == "zh":
        from placement.i18n import label

        click.echo(label("wrote_rows", "zh").format(path=output, n=done["rows"]), err=True)
    else:
        click.echo(f"wrote {output}: {done['rows']} rows", err=True)
