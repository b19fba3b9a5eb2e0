"""`placement schema`: JSON Schema for rule files and the documents the commands write."""

from __future__ import annotations

import json

import click

from placement.cli.main import Command, handle_errors, lang_option


@click.command("schema", cls=Command)
@click.argument(
    "which", type=click.Choice(["rules", "plan", "check", "explain", "diff"]), default="rules"
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
    if which == "rules":
        from placement.load.rules.files import rules_schema

        if rules:
            from placement.load.rules.load import check_ruleset

            rs, _problems = check_ruleset([rules], None)
            schema = rules_schema(rs.fields, rs.vocab)
        else:
            schema = rules_schema()
    else:
        from placement.documents import json_schema

        schema = json_schema(which)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    click.echo(json.dumps(schema, ensure_ascii=False, indent=2))
