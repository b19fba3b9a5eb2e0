"""`placement test`: run the rule files' own tests."""

from __future__ import annotations

import sys

import click
from rich.console import Console

from placement.cli.main import Command, handle_errors, lang_option, resolve_lang


@click.command("test", cls=Command)
@click.argument("path", required=False, type=click.Path())
@click.option("--units", type=click.Path(dir_okay=False), help="Units file [data/units.yaml].")
@click.option("--coverage", is_flag=True, help="Show which rules the tests exercised, both ways.")
@click.option(
    "--min-coverage",
    type=click.FloatRange(0, 100),
    default=None,
    help="Fail when coverage is below this percentage.",
)
@click.option("-v", "--verbose", is_flag=True, help="One line per test case.")
@lang_option
@handle_errors
def command(path, units, coverage, min_coverage, verbose, lang):
    """Run every `tests:` case in the rule files (an officer and what the rules should do).

    Example: placement test rules/ --coverage --min-coverage 100
    """
    from placement.commands.run import run_rule_tests
    from placement.report.ruletest import print_tests

    run, code = run_rule_tests(path, units, min_coverage)
    print_tests(run, Console(highlight=False), resolve_lang(lang), verbose, coverage)
    sys.exit(code)
