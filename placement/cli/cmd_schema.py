"""`placement schema`: JSON Schema for rule files and plan documents."""

from __future__ import annotations

import json

import click

from placement.cli.main import Command, lang_option


@click.command("schema", cls=Command)
@click.argument(
    "which", type=click.Choice(["rules", "plan", "check", "explain", "diff"]), default="rules"
)
@lang_option
def command(which, lang):
    """Print the JSON Schema of a rule file or of a plan, check, explain or diff document
    (machine output: English, whatever --lang says).

    Example: placement schema rules > placement-rules.schema.json
    """
    if which == "rules":
        from placement.load.rules.files import RuleSetFile

        schema = RuleSetFile.model_json_schema()
        schema["title"] = "placement rule file"
    else:
        from placement.documents import json_schema

        schema = json_schema(which)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    click.echo(json.dumps(schema, ensure_ascii=False, indent=2))
