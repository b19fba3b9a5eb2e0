"""The seed scenario's outputs in every format and language, byte for byte.

Each case runs one command on the shipped data (rules/, data/) and compares what it
writes with `tests/golden_seed/NAME`. Refactors must leave these files unchanged;
a change of behaviour updates them on purpose with:

    UPDATE_GOLDEN=1 .venv/bin/pytest tests/test_seed_outputs.py

XLSX files are compared by their cell values per sheet (a readable diff; that two runs
give the same bytes is tests/test_outputs.py::test_xlsx_runs_are_byte_identical),
everything else as bytes.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from placement.cli.main import main

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = Path(__file__).resolve().parent / "golden_seed"
EXPLAINED = ["J0042", "J0017", "J0079", "J0340", "J0005"]

# name -> (argv, output kind): "stdout" compares what the command prints, "file" the -o file,
# "dir" every file of the -o folder, "xlsx" the cells of the -o workbook.
CASES: dict[str, tuple[list[str], str]] = {}
for lang in ("en", "zh"):
    CASES[f"plan-table-{lang}.txt"] = (
        ["plan", "data/roster.csv", "--format", "table", "--lang", lang],
        "stdout",
    )
    CASES[f"plan-{lang}.md"] = (
        ["plan", "data/roster.csv", "--format", "md", "--lang", lang],
        "stdout",
    )
    CASES[f"plan-{lang}.html"] = (
        ["plan", "data/roster.csv", "--format", "html", "--lang", lang, "-o", "{out}"],
        "file",
    )
    CASES[f"plan-{lang}.xlsx.json"] = (
        ["plan", "data/roster.csv", "--format", "xlsx", "--lang", lang, "-o", "{out}"],
        "xlsx",
    )
    CASES[f"plan-pins-table-{lang}.txt"] = (
        [
            "plan",
            "data/roster.csv",
            "--pin",
            "data/pins.example.yaml",
            "--format",
            "table",
            "--lang",
            lang,
        ],
        "stdout",
    )
    CASES[f"check-table-{lang}.txt"] = (
        ["check", "data/roster.csv", "--format", "table", "--lang", lang],
        "stdout",
    )
    CASES[f"check-{lang}.md"] = (
        ["check", "data/roster.csv", "--format", "md", "--lang", lang],
        "stdout",
    )
    for officer in EXPLAINED:
        CASES[f"explain-{officer}-{lang}.txt"] = (
            ["explain", "data/roster.csv", officer, "--lang", lang],
            "stdout",
        )
    CASES[f"explain-post-PCS-DJ-{lang}.txt"] = (
        ["explain", "data/roster.csv", "--post", "PCS-DJ:station_head", "--lang", lang],
        "stdout",
    )
    CASES[f"validate-{lang}.txt"] = (["validate", "--lang", lang], "stdout")
    CASES[f"test-{lang}.txt"] = (["test", "rules", "--coverage", "--lang", lang], "stdout")
CASES["plan.json"] = (["plan", "data/roster.csv", "--format", "json"], "stdout")
CASES["plan-zh-roster.json"] = (["plan", "data/roster_zh.csv", "--format", "json"], "stdout")
CASES["plan-xlsx-roster.json"] = (["plan", "data/roster.xlsx", "--format", "json"], "stdout")
CASES["plan-pins.json"] = (
    ["plan", "data/roster.csv", "--pin", "data/pins.example.yaml", "--format", "json"],
    "stdout",
)
CASES["plan-csv"] = (["plan", "data/roster.csv", "--format", "csv", "-o", "{out}"], "dir")
CASES["check.json"] = (["check", "data/roster.csv", "--format", "json"], "stdout")
CASES["check-csv"] = (["check", "data/roster.csv", "--format", "csv", "-o", "{out}"], "dir")
CASES["explain-post-PCS-DJ.json"] = (
    ["explain", "data/roster.csv", "--post", "PCS-DJ:station_head", "--format", "json"],
    "stdout",
)
CASES["explain-J0042.json"] = (
    ["explain", "data/roster.csv", "J0042", "--format", "json"],
    "stdout",
)


def _xlsx_cells(path: Path) -> str:
    from python_calamine import CalamineWorkbook

    book = CalamineWorkbook.from_path(str(path))
    sheets = {name: book.get_sheet_by_name(name).to_python() for name in book.sheet_names}
    return json.dumps(sheets, ensure_ascii=False, indent=1, default=str) + "\n"


def _outputs(name: str, tmp_path: Path) -> dict[str, bytes]:
    argv, kind = CASES[name]
    out = tmp_path / ("out" if kind == "dir" else "out" + Path(name.removesuffix(".json")).suffix)
    argv = [a.replace("{out}", str(out)) for a in argv]
    result = CliRunner().invoke(main, argv, catch_exceptions=False)
    got = {f"{name}.exit": f"{result.exit_code}\n".encode()}
    if kind == "stdout":
        got[name] = result.stdout_bytes
    elif kind == "file":
        got[name] = out.read_bytes()
    elif kind == "xlsx":
        got[name] = _xlsx_cells(out).encode()
    else:
        for f in sorted(out.iterdir()):
            got[f"{name}/{f.name}"] = f.read_bytes()
    return got


@pytest.mark.parametrize("name", sorted(CASES))
def test_seed_output(name, tmp_path, monkeypatch):
    monkeypatch.chdir(ROOT)
    got = _outputs(name, tmp_path)
    for rel, content in got.items():
        expected = GOLDEN / rel
        if os.environ.get("UPDATE_GOLDEN"):
            expected.parent.mkdir(parents=True, exist_ok=True)
            expected.write_bytes(content)
        assert expected.exists(), (
            f"no golden file {rel}; run UPDATE_GOLDEN=1 .venv/bin/pytest {__file__}"
        )
        assert content == expected.read_bytes(), (
            f"{rel} differs from the golden file; if intended, run: "
            "UPDATE_GOLDEN=1 .venv/bin/pytest tests/test_seed_outputs.py"
        )
