"""`placement apply`: write the roster as it will be after a plan."""

from __future__ import annotations

from pathlib import Path

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
    from placement.commands.apply import applied_rows, check_suffix, load_plan, serialise
    from placement.load.inputs import RULES_DEFAULT, UNITS_DEFAULT, default_paths
    from placement.load.roster.load import read_roster
    from placement.load.rules.load import load_ruleset
    from placement.load.units import load_units
    from placement.report.write import guard, write_atomic

    # refuse a bad -o before any work: never an input, and in the roster's own format
    target = guard(Path(output), [plan, roster, rules or "rules", units or "data/units.yaml"])
    check_suffix(roster, output)
    doc = load_plan(plan)
    units_path, rules_path = default_paths((units, UNITS_DEFAULT), (rules, RULES_DEFAULT))
    unit_set = load_units(units_path)
    ruleset = load_ruleset([rules_path], unit_set)
    r = read_roster(roster, unit_set, ruleset.vocab, ruleset.extras, sheet=sheet)
    rows = applied_rows(doc, r, unit_set, ruleset.vocab, force)
    write_atomic(target, serialise(rows, r, doc.get("as_of")))
    if resolve_lang(lang) == "zh":
        from placement.i18n import label

        click.echo(label("wrote_rows", "zh").format(path=output, n=len(rows) - 1), err=True)
    else:
        click.echo(f"wrote {output}: {len(rows) - 1} rows", err=True)
