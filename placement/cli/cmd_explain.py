"""`placement explain`: why the rules treat one officer as they do."""

from __future__ import annotations

import json

import click
from rich.console import Console

from placement.cli.main import Command, handle_errors, input_options, lang_option, resolve_lang


@click.command("explain", cls=Command)
@click.argument("roster", type=click.Path(dir_okay=False))
@click.argument("officer_id", required=False)
@input_options
@click.option(
    "--post",
    "post_spec",
    metavar="UNIT:POST",
    help="Explain one leadership post instead of an officer: UNIT an id or exact name, POST a "
    "term or alias.",
)
@click.option(
    "--limit", type=click.IntRange(min=1), default=20, show_default=True, help="Candidates shown."
)
@click.option("--all", "show_all", is_flag=True, help="Show every candidate.")
@click.option("--pin", "pin_file", type=click.Path(dir_okay=False), help="Manual decisions (YAML).")
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", help="Output format."
)
@lang_option
@handle_errors
def command(
    roster, officer_id, rules, units, as_of, sheet, post_spec, limit, show_all, pin_file, fmt, lang
):
    """Show each rule for one officer: its condition as a tree with the truth value of every
    part, the tests that decided it, exemptions, the decision and where the plan (made with
    the same options, pins included) sends them.

    With --post UNIT:POST, one leadership post instead: its establishment and holders before
    and after, the governing policy, the eligible candidates in merit order with who was
    appointed and why each other was not, and the candidates whose eligibility is unknown.

    Example: placement explain data/roster.csv J0042
    """
    from placement.commands.run import run_explain
    from placement.report.explain import render_explain
    from placement.report.write import to_json

    if (officer_id is None) == (post_spec is None):
        from placement.problems import InputError, problem

        raise InputError(problem("explain-needs-one", "explain"))
    if post_spec is not None:
        from placement.commands.run import run_explain_post
        from placement.report.explain_post import render_explain_post

        limit = None if show_all else limit
        post_doc, _code = run_explain_post(
            roster, post_spec, rules, units, as_of, pin_file, sheet=sheet, limit=limit
        )
        if fmt == "json":
            click.echo(to_json(post_doc).decode("utf-8"), nl=False)
            return
        render_explain_post(post_doc, Console(highlight=False), resolve_lang(lang))
        return
    doc, _code = run_explain(roster, officer_id, rules, units, as_of, pin_file, sheet=sheet)
    if fmt == "json":
        click.echo(json.dumps(doc, ensure_ascii=False, indent=2, default=str))
        return
    render_explain(doc, Console(highlight=False), resolve_lang(lang))
