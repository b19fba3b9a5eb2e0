"""Golden scenarios: inputs in tests/golden/NAME, expected outputs in NAME/expected.

Regenerate after an intended change with:  UPDATE_GOLDEN=1 .venv/bin/pytest tests/test_golden.py
"""

from __future__ import annotations

import html
import json
import os
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from placement.cli.main import main

GOLDEN = Path(__file__).resolve().parent / "golden"
CASES = sorted(p.name for p in GOLDEN.iterdir() if p.is_dir())


def _run(case: Path, command: str) -> tuple[int, dict]:
    r = CliRunner().invoke(
        main,
        [command, "roster.csv", "--rules", "rules", "--units", "units.yaml", "--format", "json"],
        catch_exceptions=False,
    )
    return r.exit_code, json.loads(r.output)


@pytest.mark.parametrize("name", CASES)
@pytest.mark.parametrize("command", ["plan", "check"])
def test_golden(name, command, monkeypatch):
    case = GOLDEN / name
    monkeypatch.chdir(case)
    code, doc = _run(case, command)
    expected_file = case / "expected" / f"{command}.json"
    got = {"exit_code": code, "output": doc}
    if os.environ.get("UPDATE_GOLDEN"):
        expected_file.parent.mkdir(exist_ok=True)
        expected_file.write_text(
            json.dumps(got, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
        )
    expected = json.loads(expected_file.read_text(encoding="utf-8"))
    assert got == expected, (
        "golden output changed; if intended, run: "
        "UPDATE_GOLDEN=1 .venv/bin/pytest tests/test_golden.py"
    )


# every other output format, as text: name -> (argv after the roster, how to read the output)
FORMATS: dict[str, tuple[list[str], str]] = {
    "plan-en.md": (["plan", "--format", "md", "--lang", "en"], "stdout"),
    "check-en.md": (["check", "--format", "md", "--lang", "en"], "stdout"),
    "plan-table-zh.txt": (["plan", "--format", "table", "--lang", "zh"], "stdout"),
    "check-table-zh.txt": (["check", "--format", "table", "--lang", "zh"], "stdout"),
    "plan-en.html.txt": (["plan", "--format", "html", "--lang", "en", "-o", "{out}"], "html"),
    "plan-zh.html.txt": (["plan", "--format", "html", "--lang", "zh", "-o", "{out}"], "html"),
    "plan-csv.txt": (["plan", "--format", "csv", "-o", "{out}"], "dir"),
}


def _html_text(page: str) -> str:
    """The words of the page, one block per line: what a reader sees, without markup."""
    page = re.sub(r"<(style|script)[^>]*>.*?</\1>", "", page, flags=re.S)
    page = re.sub(r"<svg.*?</svg>", "", page, flags=re.S)
    text = re.sub(r"<(?:/p|/h\d|/tr|br|/li|/div)[^>]*>", "\n", page)
    text = html.unescape(re.sub(r"<[^>]+>", " ", text))
    lines = (re.sub(r"\s+", " ", line).strip() for line in text.splitlines())
    return "\n".join(line for line in lines if line) + "\n"


@pytest.mark.parametrize("name", CASES)
@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_golden_format(name, fmt, monkeypatch, tmp_path):
    case = GOLDEN / name
    monkeypatch.chdir(case)
    argv, kind = FORMATS[fmt]
    out = tmp_path / ("out" if kind == "dir" else "out.html")
    command, *rest = [a.replace("{out}", str(out)) for a in argv]
    r = CliRunner().invoke(
        main,
        [command, "roster.csv", "--rules", "rules", "--units", "units.yaml", *rest],
        catch_exceptions=False,
    )
    if kind == "stdout":
        text = r.output
    elif kind == "html":
        text = _html_text(out.read_text(encoding="utf-8"))
    else:
        text = "".join(
            f"== {f.name}\n{f.read_text(encoding='utf-8-sig')}" for f in sorted(out.iterdir())
        )
    got = f"exit {r.exit_code}\n{text}"
    expected_file = case / "expected" / fmt
    if os.environ.get("UPDATE_GOLDEN"):
        expected_file.write_text(got, encoding="utf-8")
    assert got == expected_file.read_text(encoding="utf-8"), (
        f"golden {fmt} changed; if intended, run: "
        "UPDATE_GOLDEN=1 .venv/bin/pytest tests/test_golden.py"
    )
