"""`placement test`: run the rule files' own tests."""

from __future__ import annotations

import sys
from pathlib import Path

import click
from rich.console import Console
from rich.markup import escape

from placement.cli.main import Command, handle_errors, lang_option, resolve_lang
from placement.problems import Exit, InputError, problem


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
    from placement.commands.ruletest import run_tests
    from placement.i18n import STATUS
    from placement.load.inputs import UNITS_DEFAULT, default_paths
    from placement.load.rules.load import load_ruleset
    from placement.load.units import load_units

    units_path, rules_path = default_paths(
        (units, UNITS_DEFAULT), (path, ("rules/", "the rules folder: placement test DIR"))
    )
    if path is not None and not _rule_files(rules_path):
        raise InputError(problem("test-argument", str(rules_path), path=str(rules_path)))
    unit_set = load_units(units_path)
    rs = load_ruleset([rules_path], unit_set)
    results, cov = run_tests(rs, unit_set)
    c = Console(highlight=False)
    lang = resolve_lang(lang)
    from placement.i18n import COVERAGE, label, render_problem, word
    from placement.messages import Message
    from placement.report.explain import tree_lines

    def L(key: str) -> str:
        return label(key, lang)

    marks = "".join("." if r.passed else "F" for r in results)
    if verbose:
        for r in results:
            mark = L("t_pass") if r.passed else f"[red]{L('t_fail')}[/]"
            c.print(f"{mark}  {escape(r.file)}:{r.line}  {escape(r.name)}")
    else:
        c.print(marks)
    failed = [r for r in results if not r.passed]
    for r in failed:
        c.rule(f"[red]{escape(r.file)}:{r.line}: {escape(r.name)}[/]")
        for f in r.failures:
            shown = f.text(lang) if isinstance(f, Message) else render_problem(f, lang)
            c.print(L("t_expected").format(v=escape(shown)))
        if r.happened is not None:
            c.print(L("t_happened").format(v=escape(r.happened.text(lang))))
        if r.trace:
            for item in r.trace["rules"]:
                c.print(f"    {item['rule_id']}: {word(STATUS, item['status'], lang)}")
                for part, heading in (("when", "explain-when"), ("unless", "explain-unless")):
                    if part in item:
                        c.print("      " + escape(Message(heading).text(lang)))
                        for line in tree_lines(item[part], lang):
                            c.print("      " + escape(line))
    pct = cov.percent(rs)
    if coverage:
        for rule_id, items in cov.items(rs).items():
            missing = [word(COVERAGE, w, lang) for w, ok in items if not ok]
            c.print(
                f"  {rule_id}: "
                + (
                    L("t_covered")
                    if not missing
                    else "[yellow]" + L("t_not_seen") + L("list_sep").join(missing) + "[/]"
                )
            )
        c.print(L("t_coverage").format(pct=f"{pct:.1f}"))
    c.print(L("t_totals").format(passed=len(results) - len(failed), failed=len(failed)))
    low = min_coverage is not None and pct < min_coverage
    if low:
        c.print("[red]" + L("t_low").format(pct=f"{pct:.1f}", min=min_coverage) + "[/]")
    sys.exit(Exit.FOUND if failed or low else Exit.OK)


def _rule_files(path: Path) -> bool:
    """Is `path` a rule file (*.yaml, *.yml) or a folder holding one?"""
    if path.is_dir():
        return any(f.suffix in (".yaml", ".yml") for f in path.iterdir())
    return path.suffix in (".yaml", ".yml") and path.exists()
