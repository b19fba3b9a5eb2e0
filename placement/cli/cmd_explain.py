"""`placement explain`: why the rules treat one officer as they do."""

from __future__ import annotations

import json

import click
from rich.console import Console
from rich.markup import escape

from .main import handle_errors, input_options, lang_option


@click.command("explain")
@click.argument("roster", type=click.Path(dir_okay=False))
@click.argument("officer_id")
@input_options
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
@lang_option
@handle_errors
def command(roster, officer_id, rules, units, as_of, fmt, lang):
    """Show each rule for one officer: matched or not, each test with the officer's value,
    exemptions, the decision and where the plan sends them.

    Example: placement explain data/roster.csv J0042
    """
    from ..explain import explain
    from ..inputs import load_inputs
    from ..place.plan import make_plan
    from ..report.terminal import mask

    inputs = load_inputs(roster, rules, units, as_of)
    doc = explain(inputs, officer_id, make_plan(inputs))
    if fmt == "json":
        click.echo(json.dumps(doc, ensure_ascii=False, indent=2, default=str))
        return
    c = Console(highlight=False)
    if "name" in doc:
        c.print(f"[bold]{doc['officer_id']}[/] {doc['name']} (row {doc['row']}): {doc['unit']}, "
                f"{doc['post']}, age {int(doc['age']) if doc['age'] is not None else '?'}")
    for e in doc["row_issues"]:
        c.print(f"[red]{e['code']}[/] {escape(mask(e['message']))}")
    for r in doc["rules"]:
        color = {"applies": "green", "exempt": "yellow"}.get(r["status"], "dim")
        c.print(f"[{color}]{r['rule_id']}[/] (priority {r['priority']}, {r['action']}): {r['status']}"
                + (f" — {r['note']}" if "note" in r else ""))
        for t in r.get("tests", []):
            c.print(f"    {t['result']:>7}  {escape(mask(t['text']))}")
        if "unless_tests" in r:
            c.print(f"    unless: {r['unless']}")
            for t in r["unless_tests"]:
                c.print(f"      {t['result']:>7}  {escape(mask(t['text']))}")
        if "why_not" in r:
            c.print(f"    why not: {escape(mask(r['why_not']))}")
    c.print(f"decision: [bold]{doc['decision']}[/]"
            + (f" by {doc['deciding_rule']}" if "deciding_rule" in doc else "")
            + (f" and {doc['conflicting_rule']}" if "conflicting_rule" in doc else ""))
    if doc.get("transfer"):
        t = doc["transfer"]
        c.print(f"plan: {t['from_unit']} → {t['to_unit']}, {t['from_post']} → {t['to_post']}: {escape(mask(t['reason']))}")
    for e in doc.get("exceptions", []):
        if e not in doc["row_issues"]:
            c.print(f"exception [yellow]{e['code']}[/]: {escape(mask(e['message']))}")
