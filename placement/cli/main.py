"""`placement`: the command group, shared options and the one place errors are caught."""

from __future__ import annotations

import datetime as dt
import functools
import os
import sys

import click

from ..problems import Exit, InputError, PlacementError


def handle_errors(fn):
    """Turn the tool's own errors into `file:line:col: code: message` and exit code 2."""

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except InputError as e:
            for p in e.problems:
                click.echo(p.render(), err=True)
            sys.exit(Exit.BAD_INPUT)
        except PlacementError as e:
            click.echo(f"error: {e}", err=True)
            sys.exit(Exit.BAD_INPUT)
        except (KeyboardInterrupt, SystemExit, click.exceptions.ClickException, click.exceptions.Exit):
            raise
        except Exception as e:  # a bug: still no traceback for the user, unless asked for
            if os.environ.get("PLACEMENT_DEBUG"):
                raise
            click.echo(f"error: internal error {type(e).__name__}: {e} "
                       "(set PLACEMENT_DEBUG=1 for details)", err=True)
            sys.exit(Exit.BAD_INPUT)

    return wrapper


def parse_date(ctx, param, value):
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"'{value}' is not a date (YYYY-MM-DD)") from None


def input_options(fn):
    """--rules, --units, --as-of: the inputs every roster command reads."""
    fn = click.option("--as-of", callback=parse_date, help="Reference date (YYYY-MM-DD) for ages.")(fn)
    fn = click.option("--units", type=click.Path(dir_okay=False), help="Units file [data/units.yaml].")(fn)
    fn = click.option("--rules", type=click.Path(), help="Rules folder or file [rules/].")(fn)
    return fn


def resolve_lang(option: str | None) -> str:
    """--lang, else zh when LANG starts with zh, else en."""
    if option:
        return option
    return "zh" if os.environ.get("LANG", "").lower().startswith("zh") else "en"


def lang_option(fn):
    return click.option("--lang", type=click.Choice(["en", "zh"]), default=None,
                        help="Language of human-facing text (default from LANG).")(fn)


COMMANDS = {
    "validate": ("cmd_validate", "Check rule and units files, for CI."),
    "check": ("cmd_check", "List a roster's rule violations, flags and exceptions."),
    "plan": ("cmd_plan", "Propose the transfer plan for a roster."),
    "apply": ("cmd_apply", "Write the roster as it will be after a plan."),
    "explain": ("cmd_explain", "Show why the rules treat one officer as they do."),
    "test": ("cmd_test", "Run the rule files' own tests."),
    "schema": ("cmd_schema", "Print the JSON Schema of rule files or plans."),
    "diff": ("cmd_diff", "Compare two plans."),
}


class Group(click.Group):
    """Commands are imported when used, so that start-up stays fast."""

    def list_commands(self, ctx):
        return list(COMMANDS)

    def get_command(self, ctx, name):
        if name not in COMMANDS:
            return None
        import importlib

        return importlib.import_module(f"placement.cli.{COMMANDS[name][0]}").command

    def format_commands(self, ctx, formatter):
        with formatter.section("Commands"):
            formatter.write_dl([(n, h) for n, (_m, h) in COMMANDS.items()])


@click.group(cls=Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="placement")
def main():
    """Turn a reorganisation policy (YAML rules) and a roster into a reviewable transfer plan.

    Example: placement plan data/roster.csv
    """
