"""`placement`: the command group, shared options and the one place errors are caught."""

from __future__ import annotations

import datetime as dt
import functools
import gc
import os
import sys

import click

from placement.i18n.clickhelp import (
    _ARGV_KEY,
    Localised,
    help_lang,
    lang_from,
    localised_error,
    resolve_lang,
    wrapped_rows,
)
from placement.problems import Exit, InputError, PlacementError


def handle_errors(fn):
    """A command's entry: the collector off while it runs (`gc_paused`), and its errors
    turned into messages and exit codes (`report_errors`)."""
    return report_errors(gc_paused(fn))


def gc_paused(fn):
    """Run `fn` with the garbage collector off: a run makes millions of short-lived records
    and no cycles worth a collection. The collector's state is restored after."""

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        collecting = gc.isenabled()
        gc.disable()
        try:
            return fn(*args, **kwargs)
        finally:
            if collecting:
                gc.enable()

    return wrapper


def report_errors(fn):
    """Turn the tool's own errors into `file:line:col: code: message` and exit code 2, and
    any other exception (a bug) into the `internal-error` message and exit code 3, which
    names the variable that shows the traceback (SPEC §3). A closed stdout (a pipe into
    `head`) is no bug: exit 1 in silence.

    With `--lang zh` (or LANG=zh...), the messages are in Chinese; codes and locations stay.
    """

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        lang = resolve_lang(kwargs.get("lang"))
        try:
            return fn(*args, **kwargs)
        except InputError as e:
            from placement.i18n import render_problem

            for p in e.problems:
                click.echo(render_problem(p, lang), err=True)
            sys.exit(Exit.BAD_INPUT)
        except PlacementError as e:
            from placement.i18n import label

            click.echo(label("error", lang).format(v=e), err=True)
            sys.exit(Exit.BAD_INPUT)
        except (
            KeyboardInterrupt,
            SystemExit,
            click.exceptions.ClickException,
            click.exceptions.Exit,
        ):
            raise
        except BrokenPipeError:
            # the reader of stdout went away (`placement plan --format json | head`): not a
            # bug. Point stdout at /dev/null so that the flush at exit cannot fail again, and
            # exit 1 as rich does for the terminal formats (Python docs, "Note on SIGPIPE").
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            sys.exit(Exit.FOUND)
        except Exception as e:  # a bug: still no traceback for the user, unless asked for
            if os.environ.get(DEBUG_VARIABLE):
                raise
            from placement.i18n import label
            from placement.messages import Message

            error = f"{type(e).__name__}: {e}"
            m = Message("internal-error", {"error": error, "variable": DEBUG_VARIABLE})
            click.echo(label("error", lang).format(v=m.text(lang)), err=True)
            sys.exit(Exit.INTERNAL)

    return wrapper


DEBUG_VARIABLE = "PLACEMENT_DEBUG"  # set it to see the traceback of an internal error


def parse_date(ctx, param, value):
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        from placement.messages import Message

        # click shows str(message) (English); _ChineseError renders the Message in Chinese
        raise click.BadParameter(Message("option-not-a-date", {"value": value})) from None  # type: ignore[arg-type]


def input_options(fn):
    """--rules, --units, --as-of, --sheet: the inputs every roster command reads."""
    fn = click.option(
        "--sheet",
        help="A workbook's sheet to read, by name or position from 1 "
        "[the active visible sheet, or the one whose header names roster fields].",
    )(fn)
    fn = click.option("--as-of", callback=parse_date, help="Reference date (YYYY-MM-DD) for ages.")(
        fn
    )
    fn = click.option(
        "--units", type=click.Path(dir_okay=False), help="Units file [data/units.yaml]."
    )(fn)
    fn = click.option("--rules", type=click.Path(), help="Rules folder or file [rules/].")(fn)
    return fn


def lang_option(fn):
    return click.option(
        "--lang",
        type=click.Choice(["en", "zh"]),
        default=None,
        help="Language of human-facing text: en or zh (default: zh when LANG starts "
        "with zh, else en). --help follows LANG only: it is printed before "
        "options are read.",
    )(fn)


COMMANDS = {
    "validate": ("cmd_validate", "Check rule and units files, for CI."),
    "check": ("cmd_check", "List a roster's rule violations, flags and exceptions."),
    "plan": ("cmd_plan", "Propose the transfer plan for a roster."),
    "apply": ("cmd_apply", "Write the roster as it will be after a plan."),
    "explain": ("cmd_explain", "Show why the rules treat one officer as they do."),
    "test": ("cmd_test", "Run the rule files' own tests."),
    "schema": ("cmd_schema", "Print the JSON Schema of rule files or plans."),
    "diff": ("cmd_diff", "Compare two plans."),
    "codes": ("cmd_codes", "List the problem and exception codes."),
}


class Command(Localised, click.Command):
    """A command whose help follows LANG."""


class Group(Localised, click.Group):
    """Commands are imported when used, so that start-up stays fast. Help follows LANG;
    usage errors follow --lang (or LANG)."""

    def list_commands(self, ctx):
        return list(COMMANDS)

    def get_command(self, ctx, name):
        if name not in COMMANDS:
            return None
        import importlib

        return importlib.import_module(f"placement.cli.{COMMANDS[name][0]}").command

    def format_commands(self, ctx, formatter):
        if help_lang(ctx) == "zh":
            from placement.i18n import SHORT_ZH, label

            with formatter.section(label("commands", "zh")):
                formatter.write_dl(
                    wrapped_rows(
                        [(n, SHORT_ZH.get(n, h)) for n, (_m, h) in COMMANDS.items()], formatter
                    )
                )
            return
        with formatter.section("Commands"):
            formatter.write_dl([(n, h) for n, (_m, h) in COMMANDS.items()])

    def make_context(self, info_name, args, parent=None, **extra):
        argv = list(args)
        try:
            ctx = super().make_context(info_name, args, parent=parent, **extra)
        except click.ClickException as e:
            raise localised_error(e, lang_from(argv)) from None
        ctx.meta[_ARGV_KEY] = argv
        return ctx

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except click.ClickException as e:
            raise localised_error(e, lang_from(ctx.meta.get(_ARGV_KEY))) from None


@click.group(cls=Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(
    package_name="placement",
    message="%(prog)s，版本 %(version)s" if resolve_lang(None) == "zh" else None,
)
def main():
    """Turn a reorganisation policy (YAML rules) and a roster into a reviewable transfer plan.

    Example: placement plan data/roster.csv
    """
