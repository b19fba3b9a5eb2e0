"""`placement codes [CODE]`: every problem and exception code, like `ruff rule`."""

from __future__ import annotations

import json
import sys

import click

from placement.cli.main import Command, handle_errors, lang_option, resolve_lang


@click.command("codes", cls=Command)
@click.argument("code", required=False)
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json", "md"]), default="text", show_default=True
)
@lang_option
@handle_errors
def command(code, fmt, lang):
    """List the codes of problems and plan exceptions: kind, severity, summary, an example
    message and the fix. Exit 0; an unknown CODE exits 2 with the codes it looks like.

    Example: placement codes unknown-field
    """
    from placement.commands.codes import codes
    from placement.report.codes import codes_markdown, codes_text

    lang = resolve_lang(lang)
    doc, status = codes(code, lang)
    if fmt == "json":
        click.echo(json.dumps(doc, ensure_ascii=False, indent=2))
    elif fmt == "md" and not status:
        click.echo(codes_markdown(doc, lang), nl=False)
    else:
        click.echo(codes_text(doc, lang), nl=False, err=bool(status))
    sys.exit(status)
