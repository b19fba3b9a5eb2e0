"""`placement schema`: JSON Schema for rule files and the documents the commands write."""

from __future__ import annotations

import json

import click

from placement.cli.main import Command, handle_errors, lang_option


@click.command("schema", cls=Command)
@click.argument(
    "which",
    type=click.Choice(["rules", "plan", "check", "explain", "explain-post", "diff"]),
    default="rules",
)
@click.option(
    "--rules",
    type=click.Path(exists=True),
    help="Rules folder or file whose declared fields and vocabulary the schema includes.",
)
@lang_option
@handle_errors
def command(which, rules, lang):
    """Print the JSON Schema of a rule file or of a plan, check, explain or diff document
    (machine output: English, whatever --lang says). A rule file's conditions and selectors
    are typed: field names, the operators each field takes and its values. With --rules,
    the fields and terms that rule set declares are part of it.

    Example: placement schema rules --rules rules/ > .placement-rules.schema.json
    """
    from placement.commands.run import run_schema

    schema, _code = run_schema(which, rules)
    click.echo(json.dumps(schema, ensure_ascii=False, indent=2))
