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


def lang_option(fn):
    return click.option("--lang", type=click.Choice(["en", "zh"]), default=None,
                        help="Language of human-facing text (default from LANG).")(fn)


class Group(click.Group):
    def main(self, *args, **kwargs):
        kwargs.setdefault("standalone_mode", True)
        try:
            return super().main(*args, **kwargs)
        except click.exceptions.Exit as e:  # pragma: no cover - click handles it
            sys.exit(e.exit_code)


@click.group(cls=Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="placement")
def main():
    """Turn a reorganisation policy (YAML rules) and a roster into a reviewable transfer plan.

    Example: placement plan data/roster.csv
    """


def _register():
    from . import (
        cmd_apply,
        cmd_check,
        cmd_diff,
        cmd_explain,
        cmd_plan,
        cmd_schema,
        cmd_test,
        cmd_validate,
    )

    for mod in (cmd_validate, cmd_check, cmd_explain, cmd_plan, cmd_apply, cmd_test, cmd_schema,
                cmd_diff):
        main.add_command(mod.command)


_register()
