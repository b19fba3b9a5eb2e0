"""`placement`: the command group, shared options and the one place errors are caught."""

from __future__ import annotations

import datetime as dt
import functools
import gc
import os
import sys

import click

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
    names the variable that shows the traceback (SPEC §3).

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


def resolve_lang(option: str | None) -> str:
    """--lang, else zh when LANG starts with zh, else en."""
    if option:
        return option
    return "zh" if os.environ.get("LANG", "").lower().startswith("zh") else "en"


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

_LANG_KEY = "placement.lang"
_ARGV_KEY = "placement.argv"


def help_lang(ctx: click.Context | None = None) -> str:
    """The language of help and usage: LANG (help is printed before --lang is read)."""
    if ctx is not None and ctx.meta.get(_LANG_KEY):
        return ctx.meta[_LANG_KEY]
    return resolve_lang(None)


def _lang_from(argv) -> str:
    """--lang as written on the command line (for errors raised while parsing it), else LANG."""
    argv = list(argv or [])
    for i, a in enumerate(argv):
        if a == "--lang" and i + 1 < len(argv) and argv[i + 1] in ("en", "zh"):
            return argv[i + 1]
        if a.startswith("--lang=") and a[7:] in ("en", "zh"):
            return a[7:]
    return resolve_lang(None)


def _wrap(text: str, width: int) -> str:
    """Chinese text wrapped by display width (a CJK character is two columns), each
    paragraph marked so that click keeps the lines as they are."""
    import unicodedata

    def cols(s: str) -> int:
        return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in s)

    width = max(width, 20)
    out = []
    for para in text.split("\n\n"):
        lines, line = [], ""
        for token in _tokens(para.replace("\n", " ")):
            if line and cols(line + token) > width and token not in "，。；：）、？":
                lines.append(line.rstrip())
                line = token.lstrip()
            else:
                line += token
        if line.strip():
            lines.append(line.rstrip())
        out.append("\b\n" + "\n".join(lines))
    return "\n\n".join(out)


def _tokens(text: str) -> list[str]:
    """ASCII words (with the blank before them) stay whole; other characters are one token each."""
    import re

    return re.findall(r" *[\x21-\x7e]+| +|[^ \x21-\x7e]", text)


class _Localised:
    """Help and usage in Chinese when LANG starts with zh (mixed into Command and Group)."""

    def format_usage(self, ctx, formatter):
        if help_lang(ctx) != "zh":
            return super().format_usage(ctx, formatter)
        from placement.i18n import label

        pieces = " ".join(self.collect_usage_pieces(ctx))
        pieces = pieces.replace("[OPTIONS]", label("opt_metavar", "zh")).replace(
            "COMMAND [ARGS]...", label("cmd_metavar", "zh")
        )
        formatter.write_usage(ctx.command_path, pieces, prefix=label("usage", "zh"))

    def format_help_text(self, ctx, formatter):
        if help_lang(ctx) != "zh":
            return super().format_help_text(ctx, formatter)
        from placement.i18n import HELP_ZH

        text = HELP_ZH.get(self.name)
        if text is None:
            return super().format_help_text(ctx, formatter)
        formatter.write_paragraph()
        with formatter.indentation():
            formatter.write_text(_wrap(text, formatter.width - formatter.current_indent))

    def format_options(self, ctx, formatter):
        if help_lang(ctx) != "zh":
            return super().format_options(ctx, formatter)
        from placement.i18n import TEXT_ZH, label, option_help

        rows = []
        for param in self.get_params(ctx):
            rec = param.get_help_record(ctx)
            if rec is None or isinstance(param, click.Argument):
                continue
            text = option_help(self.name, param.name, param.help or "")
            if getattr(param, "required", False):
                text += f" [{TEXT_ZH['required']}]"
            rows.append((rec[0], text))
        if rows:
            with formatter.section(label("options", "zh")):
                formatter.write_dl(_wrapped_rows(rows, formatter))
        if isinstance(self, click.Group):
            self.format_commands(ctx, formatter)


def _wrapped_rows(rows, formatter):
    first = min(max(len(a) for a, _ in rows), 30) + 2
    width = formatter.width - first - 2 - formatter.current_indent
    return [(a, _wrap(b, width)) for a, b in rows]


class Command(_Localised, click.Command):
    """A command whose help follows LANG."""


class Group(_Localised, click.Group):
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
                    _wrapped_rows(
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
            raise _localised_error(e, _lang_from(argv)) from None
        ctx.meta[_ARGV_KEY] = argv
        return ctx

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except click.ClickException as e:
            raise _localised_error(e, _lang_from(ctx.meta.get(_ARGV_KEY))) from None


def _localised_error(e: click.ClickException, lang: str) -> click.ClickException:
    help_error = getattr(click.exceptions, "NoArgsIsHelpError", ())
    if lang != "zh" or isinstance(e, (_ChineseError, help_error)):
        return e
    return _ChineseError(e)


class _ChineseError(click.ClickException):
    """A click error (bad option, missing argument, ...) shown in Chinese."""

    def __init__(self, original: click.ClickException):
        from placement.i18n.library import click_message
        from placement.messages import Message

        text = original.format_message()
        own = getattr(original, "message", None)
        if isinstance(own, Message):  # our own message inside click's sentence
            english = str(own)
            text = click_message(text[: -len(english)] + "\x00").replace("\x00", own.text("zh"))
        else:
            text = click_message(text)
        super().__init__(text)
        self.exit_code = original.exit_code
        self.ctx = getattr(original, "ctx", None)

    def show(self, file=None):
        from placement.i18n import label

        err = file is None
        ctx = self.ctx
        if ctx is not None:
            ctx.meta[_LANG_KEY] = "zh"
            hint = ""
            if ctx.command.get_help_option(ctx) is not None:
                hint = (
                    label("try_help", "zh").format(
                        command=ctx.command_path, option=max(ctx.help_option_names, key=len)
                    )
                    + "\n"
                )
            click.echo(f"{ctx.get_usage()}\n{hint}", file=file, err=err, color=ctx.color)
        click.echo(label("click_error", "zh").format(v=self.format_message()), file=file, err=err)


@click.group(cls=Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(
    package_name="placement",
    message="%(prog)s，版本 %(version)s" if resolve_lang(None) == "zh" else None,
)
def main():
    """Turn a reorganisation policy (YAML rules) and a roster into a reviewable transfer plan.

    Example: placement plan data/roster.csv
    """
