"""The terminal report of `placement test`: a mark per case (or a line with -v), each
failure with what was expected, what happened and the rule trace, the coverage, the totals."""

from __future__ import annotations

from rich.console import Console
from rich.markup import escape

from placement.commands.run import TestRun
from placement.i18n import COVERAGE, STATUS, label, render_problem, word
from placement.messages import Message
from placement.report.explain import tree_lines


def print_tests(run: TestRun, c: Console, lang: str, verbose: bool, coverage: bool) -> None:
    """Print `run` (the document of `placement test`) on `c` in `lang` ('en' or 'zh');
    `verbose`: one line per case; `coverage`: per rule the outcomes not seen."""

    def L(key: str) -> str:
        return label(key, lang)

    results = run.results
    if verbose:
        for r in results:
            mark = L("t_pass") if r.passed else f"[red]{L('t_fail')}[/]"
            c.print(f"{mark}  {escape(r.file)}:{r.line}  {escape(r.name)}")
    else:
        c.print("".join("." if r.passed else "F" for r in results))
    failed = run.failed
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
    pct = run.percent
    if coverage:
        for rule_id, items in run.coverage.items(run.ruleset).items():
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
    if run.low:
        c.print("[red]" + L("t_low").format(pct=f"{pct:.1f}", min=run.min_coverage) + "[/]")
