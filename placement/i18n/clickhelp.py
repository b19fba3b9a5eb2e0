"""Help, usage and click's usage errors in Chinese: a mixin for click commands and groups.

Help follows LANG only (it is printed before options are read); usage errors follow
--lang as written on the command line, else LANG. Click's own messages are library text:
`library.click_message` phrase-tables them; our own messages inside them (a `Message` given
to `click.BadParameter`) are rendered from their templates.
"""

from __future__ import annotations

import os

import click


def resolve_lang(option: str | None) -> str:
    """--lang, else zh when LANG starts with zh, else en."""
    if option:
        return option
    return "zh" if os.environ.get("LANG", "").lower().startswith("zh") else "en"


_LANG_KEY = "placement.lang"
_ARGV_KEY = "placement.argv"


def help_lang(ctx: click.Context | None = None) -> str:
    """The language of help and usage: LANG (help is printed before --lang is read)."""
    if ctx is not None and ctx.meta.get(_LANG_KEY):
        return ctx.meta[_LANG_KEY]
    return resolve_lang(None)


def lang_from(argv) -> str:
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


class Localised(click.Command):
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

        text = HELP_ZH.get(self.name or "")
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
            text = option_help(
                self.name or "", param.name or "", getattr(param, "help", None) or ""
            )
            if getattr(param, "required", False):
                text += f" [{TEXT_ZH['required']}]"
            rows.append((rec[0], text))
        if rows:
            with formatter.section(label("options", "zh")):
                formatter.write_dl(wrapped_rows(rows, formatter))
        if isinstance(self, click.Group):
            self.format_commands(ctx, formatter)


def wrapped_rows(rows, formatter):
    first = min(max(len(a) for a, _ in rows), 30) + 2
    width = formatter.width - first - 2 - formatter.current_indent
    return [(a, _wrap(b, width)) for a, b in rows]


def localised_error(e: click.ClickException, lang: str) -> click.ClickException:
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
        self.exit_code = original.exit_code  # type: ignore[misc]
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
