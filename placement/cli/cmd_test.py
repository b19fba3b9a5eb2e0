"""`placement test`: run the rule files' own tests."""

from __future__ import annotations

import sys

import click
from rich.console import Console
from rich.markup import escape

from ..problems import Exit
from .main import handle_errors, lang_option


@click.command("test")
@click.argument("path", required=False, type=click.Path())
@click.option("--units", type=click.Path(dir_okay=False), help="Units file [data/units.yaml].")
@click.option("--coverage", is_flag=True, help="Show which rules the tests exercised, both ways.")
@click.option("--min-coverage", type=click.FloatRange(0, 100), default=None,
              help="Fail when coverage is below this percentage.")
@click.option("-v", "--verbose", is_flag=True, help="One line per test case.")
@lang_option
@handle_errors
def command(path, units, coverage, min_coverage, verbose, lang):
    """Run every `tests:` case in the rule files (an officer and what the rules should do).

    Example: placement test rules/ --coverage --min-coverage 100
    """
    from ..inputs import default_path
    from ..rules.load import load_ruleset
    from ..ruletest import run_tests
    from ..units import load_units

    unit_set = load_units(default_path(units, "data/units.yaml", "--units"))
    rs = load_ruleset([default_path(path, "rules", "DIR")], unit_set)
    results, cov = run_tests(rs, unit_set)
    c = Console(highlight=False)
    marks = "".join("." if r.passed else "F" for r in results)
    if verbose:
        for r in results:
            c.print(f"{'PASS' if r.passed else '[red]FAIL[/]'}  {r.file}:{r.line}  {r.name}")
    else:
        c.print(marks)
    failed = [r for r in results if not r.passed]
    for r in failed:
        c.rule(f"[red]{r.file}:{r.line}: {r.name}[/]")
        for f in r.failures:
            c.print(f"  expected: {escape(f)}")
        c.print(f"  happened: {escape(r.happened)}")
        if r.trace:
            for item in r.trace["rules"]:
                c.print(f"    {item['rule_id']}: {item['status']}")
                for t in item.get("tests", []):
                    c.print(f"      {t['result']:>7}  {escape(t['text'])}")
    pct = cov.percent(rs)
    if coverage:
        for rule_id, items in cov.items(rs).items():
            missing = [w for w, ok in items if not ok]
            c.print(f"  {rule_id}: " + ("covered" if not missing else "[yellow]not seen: " + ", ".join(missing) + "[/]"))
        c.print(f"coverage {pct:.1f}%")
    c.print(f"{len(results) - len(failed)} passed, {len(failed)} failed")
    low = min_coverage is not None and pct < min_coverage
    if low:
        c.print(f"[red]coverage {pct:.1f}% is below {min_coverage}%[/]")
    sys.exit(Exit.FOUND if failed or low else Exit.OK)


