"""`placement validate`: check rule and units files, for CI."""

from __future__ import annotations

import json
import sys

import click

from placement.cli.main import Command, handle_errors, lang_option, resolve_lang


@click.command("validate", cls=Command)
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--units", type=click.Path(dir_okay=False), help="Units file [data/units.yaml].")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json", "github"]),
    default="text",
    help="Output format: text, json or github (GitHub annotations).",
)
@click.option("--strict", is_flag=True, help="Warnings fail too.")
@lang_option
@handle_errors
def command(paths, units, fmt, strict, lang):
    """Check rule files (and the units file) without a roster.

    Prints nothing and exits 0 when valid; otherwise one line per problem,
    `file:line:col: code: message`, and exits 1.

    Example: placement validate rules/ --units data/units.yaml
    """
    from placement.commands.run import run_validate

    problems, code = run_validate(list(paths), units, strict)
    if fmt == "json":
        click.echo(json.dumps([p.as_dict() for p in problems], ensure_ascii=False, indent=2))
    elif fmt == "github":
        for p in problems:
            level = "error" if p.severity == "error" or strict else "warning"
            click.echo(
                f"::{level} file={p.file},line={p.line},col={p.col}::{p.code}: {_message(p, lang)}"
            )
    elif resolve_lang(lang) == "zh":
        from placement.i18n import render_problem

        for p in problems:
            click.echo(render_problem(p, "zh", warning=p.severity != "error"))
    else:
        for p in problems:
            text = p.render()
            click.echo(
                text
                if p.severity == "error"
                else text.replace(f": {p.code}:", f": warning: {p.code}:", 1)
            )
    sys.exit(code)


def _message(p, lang) -> str:
    """`message (hint)` of a problem, in Chinese with --lang zh."""
    if resolve_lang(lang) != "zh":
        return f"{p.message}" + (f" ({p.hint})" if p.hint else "")
    from placement.i18n import translate

    return translate(p.message, "zh") + (f"（{translate(p.hint, 'zh')}）" if p.hint else "")
