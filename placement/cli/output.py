"""Send a plan or check document to the terminal or a file, in the format asked for."""

from __future__ import annotations

import sys
from pathlib import Path

import click
from rich.console import Console

from placement.problems import InputError, problem
from placement.report import tables as T
from placement.report.write import guard, to_json, write_atomic


def emit(
    doc: dict,
    kind: str,
    fmt: str | None,
    output: str | None,
    inputs: list,
    lang: str = "en",
    ages: dict | None = None,
) -> None:
    if output is not None:
        guard(Path(output), inputs)
    if fmt is None:
        fmt = _guess(output) or ("table" if sys.stdout.isatty() or output is None else "json")
    tabs = T.plan_tables(doc) if kind == "plan" else T.check_tables(doc)
    if fmt == "csv":
        if output is None:
            cols, rows = next(iter(tabs.values()))
            sys.stdout.write(T.csv_bytes(cols, rows).decode("utf-8-sig"))
            return
        folder = Path(output)
        if folder.exists() and not folder.is_dir():
            raise InputError(problem("output-not-folder", output))
        folder.mkdir(exist_ok=True)
        for name, (cols, rows) in tabs.items():
            target = guard(folder / f"{name}.csv", inputs)
            write_atomic(target, T.csv_bytes(cols, rows))
        return
    if fmt == "json":
        data = to_json(doc)
    elif fmt == "md":
        if lang == "zh":
            from placement.i18n import label

            title = label("md_plan" if kind == "plan" else "md_check", lang)
            data = T.markdown(title, _summary_lines(doc, kind, lang), tabs, lang=lang).encode(
                "utf-8"
            )
        else:
            data = T.markdown(f"placement {kind}", _summary_lines(doc, kind), tabs).encode("utf-8")
    elif fmt == "html":
        from placement.report.html import render_html

        data = render_html(doc, lang=lang, ages=ages).encode("utf-8")
    elif fmt == "xlsx":
        if output is None:
            raise InputError(problem("output-missing", "-o"))
        data = T.xlsx_bytes(tabs, _summary_pairs(doc, kind))
    else:
        from placement.report.terminal import render_check, render_plan

        if output is None:
            console = Console(highlight=False)
            (render_plan if kind == "plan" else render_check)(doc, console, lang)
            return
        console = Console(record=True, width=160, file=open("/dev/null", "w"), highlight=False)
        (render_plan if kind == "plan" else render_check)(doc, console, lang)
        data = console.export_text().encode("utf-8")
    if output is None:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return
    write_atomic(guard(Path(output), inputs), data)
    if lang == "zh":
        from placement.i18n import label

        click.echo(label("wrote", lang).format(path=output), err=True)
    else:
        click.echo(f"wrote {output}", err=True)


def _guess(output: str | None) -> str | None:
    if not output:
        return None
    return {
        ".json": "json",
        ".md": "md",
        ".xlsx": "xlsx",
        ".csv": "csv",
        ".html": "html",
        ".htm": "html",
    }.get(Path(output).suffix.lower())


def _summary_pairs(doc: dict, kind: str) -> list[tuple[str, object]]:
    if kind != "plan":
        return [
            ("violations", len(doc["violations"])),
            ("flags", len(doc["flags"])),
            ("exceptions", len(doc["exceptions"])),
            ("posts", len(doc.get("posts", []))),
        ]
    s = doc["summary"]
    pairs = [("ruleset", doc["ruleset"]), ("as_of", doc["as_of"])]
    pairs += [(k, s[k]) for k in ("officers", "transfers", "post_changes", "flags", "exceptions")]
    pairs += [
        ("grassroots_share_before", s["grassroots_share"]["before"]),
        ("grassroots_share_after", s["grassroots_share"]["after"]),
        ("allowance_before", s["allowance_monthly_total"]["before"]),
        ("allowance_after", s["allowance_monthly_total"]["after"]),
    ]
    pairs += [
        (f"target {t['id']}", f"{t['value_before']} -> {t['value_after']} met={t['met_after']}")
        for t in s["targets"]
    ]
    return pairs


def _summary_lines(doc: dict, kind: str, lang: str = "en") -> list[str]:
    if lang != "zh":
        return [f"- **{k}**: {v}" for k, v in _summary_pairs(doc, kind)]
    from placement.i18n import boolean, label

    lines = []
    for k, v in _summary_pairs(doc, kind):
        if k.startswith("target "):
            t = next(t for t in doc["summary"]["targets"] if f"target {t['id']}" == k)
            k = label("sum_target", lang).format(id=t["id"])
            v = label("sum_target_value", lang).format(
                before=t["value_before"], after=t["value_after"], met=boolean(t["met_after"], lang)
            )
        else:
            k = label(f"sum_{k}", lang)
        lines.append(f"- **{k}**: {v}")
    return lines


class Progress:
    """Stage lines on stderr with the time so far, only when stderr is a terminal."""

    def __init__(self, lang: str):
        import time

        self._clock = time.monotonic
        self.start = self._clock()
        self.lang = lang
        self.on = sys.stderr.isatty()

    def step(self, en: str, zh: str) -> None:
        if self.on:
            click.echo(
                f"[{self._clock() - self.start:6.1f}s] {zh if self.lang == 'zh' else en} …",
                err=True,
            )
