"""Outputs a clerk can trust (issue 13 §3): every command × format × -o works or is refused
with one clear line (exit 2); nothing vanishes (csv without -o, pins); XLSX reports are
byte-identical, typed and localised; `apply` keeps an XLSX roster's sheet, types and formats.

One small scenario serves every test (written once per module).
"""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from placement.cli.main import main
from tests.scenario import officer, unit, write_scenario

DOWN = {
    "id": "down",
    "title": "young organ officers go down",
    "priority": 10,
    "when": {"unit.tier": "organ", "age": {"le": 30}},
    "then": {"move": {"to": {"tier": "grassroots"}}},
}
MARK = {
    "id": "mark",
    "title": "old officers are marked",
    "priority": 5,
    "when": {"age": {"ge": 50}},
    "then": {"flag": "review"},
}


@pytest.fixture(scope="module")
def scene(tmp_path_factory):
    """A folder with rules/, units.yaml, roster.csv, pins.yaml, plan.json and an empty folder."""
    root = tmp_path_factory.mktemp("outputs")
    units = [unit("ORG", "organ"), unit("PCS1", "station"), unit("PCS2", "station")]
    officers = [
        officer("A1", "ORG", 25),
        officer("A2", "ORG", 26),
        officer("A3", "ORG", 27),  # pinned to stay: overrides `down`
        officer("A4", "ORG", 45),  # pinned to PCS2: no rule decided
        officer("B1", "PCS1", 55),
    ]
    write_scenario(root, units, [DOWN, MARK], officers)
    (root / "pins.yaml").write_text(
        "- {officer: A3, stay: true}\n- {officer: A4, unit: PCS2}\n", encoding="utf-8"
    )
    (root / "folder").mkdir()
    r = _run(root, "plan", "roster.csv", "--pin", "pins.yaml", "-o", "plan.json")
    assert r.exit_code == 0, r.output
    r = _run(root, "plan", "roster.csv", "-o", "plan0.json")
    assert r.exit_code == 0, r.output
    return root


def _run(root: Path, *argv: str):
    import os

    here = os.getcwd()
    os.chdir(root)
    try:
        base = ["--rules", "rules", "--units", "units.yaml"]
        return CliRunner().invoke(main, [*argv, *base], catch_exceptions=False)
    finally:
        os.chdir(here)


# --- every command × format × -o ---------------------------------------------------------

OFFERED = {
    "plan": ["table", "json", "csv", "xlsx", "md", "html"],
    "check": ["table", "json", "csv", "xlsx", "md"],
}
SUFFIX = {".json": "json", ".md": "md", ".html": "html", ".xlsx": "xlsx", ".txt": "table"}
OUTS = [None, ".json", ".md", ".html", ".xlsx", ".txt", ".csv", ".out", "", "folder", "input"]


def expected(command: str, fmt: str | None, out: str | None) -> str:
    """What SPEC §3 (and the README's reading of it) asks: "ok" or the refusal's code."""
    if out == "input":
        return "output-is-input"
    if out is None:
        return {"csv": "output-needs-folder", "xlsx": "output-needs-file"}.get(fmt or "", "ok")
    if out == "folder":
        return "ok" if fmt in (None, "csv") else "output-is-folder"
    guessed = SUFFIX.get(out, "csv" if out == ".csv" else None)
    if fmt is None:
        if guessed is None:
            return "output-format-unknown"
        if guessed == "csv":
            return "output-needs-folder"
        return "ok" if guessed in OFFERED[command] else "output-format-not-offered"
    if guessed is not None and guessed != fmt:
        return "output-suffix-mismatch"
    if fmt == "csv" and out == ".csv":
        return "output-needs-folder"
    return "ok"


CASES = [
    (command, fmt, out)
    for command in ("plan", "check")
    for fmt in [None, *OFFERED[command]]
    for out in OUTS
]


@pytest.mark.parametrize(("command", "fmt", "out"), CASES, ids=[str(c) for c in CASES])
def test_plan_and_check_every_format_and_output(scene, command, fmt, out):
    name = f"{command}-{fmt}-{(out or 'stdout').strip('.') or 'bare'}"
    path = {None: None, "folder": "folder", "input": "roster.csv"}.get(out, f"{name}{out}")
    argv = [command, "roster.csv"]
    if command == "plan":
        argv += ["--pin", "pins.yaml"]
    argv += ["--format", fmt] if fmt else []
    argv += ["-o", path] if path else []
    r = _run(scene, *argv)
    want = expected(command, fmt, out)
    assert "Traceback" not in r.output and "internal error" not in r.output, r.output
    if want != "ok":
        assert r.exit_code == 2, r.output
        assert f": {want}: " in r.output and len(r.output.strip().splitlines()) == 1, r.output
        return
    assert r.exit_code == (0 if command == "plan" else 1), r.output
    written = scene / path if path else None
    tables = (
        {"transfers", "flags", "exceptions", "units", "pins"}
        if command == "plan"
        else {"violations", "flags", "exceptions", "targets", "posts"}
    )
    if written is None:
        assert r.stdout.strip()
        if fmt == "json":
            json.loads(r.stdout)
    elif written.is_dir():
        assert {p.name for p in written.glob("*.csv")} >= {f"{t}.csv" for t in tables}
    else:
        data = written.read_bytes()
        assert data
        if data[:2] == b"PK":
            assert openpyxl.load_workbook(io.BytesIO(data)).sheetnames == [
                "summary",
                *sorted_tables(command),
            ]
        elif (fmt or SUFFIX.get(out)) == "json":
            json.loads(data)


def sorted_tables(command: str) -> list[str]:
    if command == "plan":
        return ["transfers", "flags", "exceptions", "units", "pins"]
    return ["violations", "flags", "exceptions", "targets", "posts"]


OTHER = [
    ("explain", ["explain", "roster.csv", "A1"], ["text", "json"], {0}),
    ("diff", ["diff", "plan0.json", "plan.json"], ["table", "json", "md"], {0}),
    ("validate", ["validate", "rules", "--units", "units.yaml"], ["text", "json", "github"], {0}),
    ("schema", ["schema", "plan"], [None], {0}),
    ("test", ["test", "rules", "--units", "units.yaml"], [None], {0}),
]


@pytest.mark.parametrize(("name", "argv", "formats", "ok"), OTHER, ids=[o[0] for o in OTHER])
def test_other_commands_print_every_format_and_refuse_o(scene, name, argv, formats, ok):
    """explain, diff, validate, schema and test print to stdout; -o is no option of theirs."""
    extra = ["--rules", "rules", "--units", "units.yaml"] if name == "explain" else []
    for fmt in formats:
        args = [*argv, *extra, *(["--format", fmt] if fmt else [])]
        r = _invoke(scene, args)
        assert r.exit_code in ok, (args, r.output)
        assert r.stdout.strip() or name == "validate", args  # valid rules: validate is quiet
        if fmt == "json":
            json.loads(r.stdout)
        for target in ("out.json", "folder", "roster.csv"):
            r = _invoke(scene, [*args, "-o", target])
            assert r.exit_code == 2 and "No such option" in r.output and "-o" in r.output
    assert (scene / "roster.csv").read_text(encoding="utf-8").startswith("officer_id")


def _invoke(root: Path, argv: list[str]):
    import os

    here = os.getcwd()
    os.chdir(root)
    try:
        return CliRunner().invoke(main, argv, catch_exceptions=False)
    finally:
        os.chdir(here)


@pytest.mark.parametrize(
    ("out", "want"),
    [
        ("after.csv", "ok"),
        ("after.txt", "ok"),
        ("after.xlsx", "apply-output-suffix"),
        ("after.json", "apply-output-suffix"),
        ("roster.csv", "output-is-input"),
        ("plan.json", "output-is-input"),
        ("units.yaml", "output-is-input"),
        ("folder", "is a directory"),
        ("no/such/after.csv", "output-folder-missing"),
        (None, "Missing option"),
    ],
)
def test_apply_every_output(scene, out, want):
    before = (scene / "roster.csv").read_bytes()
    r = _run(scene, "apply", "plan.json", "roster.csv", *(["-o", out] if out else []))
    assert "Traceback" not in r.output and "internal error" not in r.output
    if want == "ok":
        assert r.exit_code == 0, r.output
        assert len((scene / out).read_text().splitlines()) == len(before.splitlines())
    else:
        assert r.exit_code == 2 and want in r.output, r.output
    assert (scene / "roster.csv").read_bytes() == before


def test_check_html_is_refused_not_a_crash(scene):
    r = _run(scene, "check", "roster.csv", "-o", "check.html")
    assert r.exit_code == 2
    assert r.output == (
        "check.html: output-format-not-offered: placement check does not write html (asked by "
        "the name check.html); it writes table, json, csv, xlsx, md\n"
    )
    r = _run(scene, "check", "roster.csv", "-o", "check.html", "--lang", "zh")
    assert "output-format-not-offered" in r.output and "不输出 html" in r.output


def test_csv_without_o_is_refused_naming_every_table(scene):
    """Printing transfers.csv alone would drop flags, exceptions, units and pins in silence."""
    r = _run(scene, "plan", "roster.csv", "--format", "csv")
    assert r.exit_code == 2 and r.stdout == ""
    for name in ("transfers.csv", "flags.csv", "exceptions.csv", "units.csv", "pins.csv"):
        assert name in r.output
    r = _run(scene, "check", "roster.csv", "--format", "csv")
    assert r.exit_code == 2 and "violations.csv" in r.output and "targets.csv" in r.output


# --- pins ----------------------------------------------------------------------------------


def test_every_pin_is_listed_with_what_it_overrode(scene):
    doc = json.loads((scene / "plan.json").read_text(encoding="utf-8"))
    assert doc["pins"] == [
        {"officer_id": "A3", "pin": {"stay": True}, "overrode": "down", "outcome": "stays"},
        {"officer_id": "A4", "pin": {"unit": "PCS2"}, "overrode": None, "outcome": "moved to PCS2"},
    ]
    assert list(doc).index("pins") == list(doc).index("units") - 1
    assert "A3" not in {t["officer_id"] for t in doc["transfers"]}
    assert json.loads((scene / "plan0.json").read_text(encoding="utf-8"))["pins"] == []


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_pins_appear_in_every_format(scene, lang):
    words = {
        "en": ("stays", "moved to PCS2", "pins"),
        "zh": ("留在原单位", "调往 PCS2", "人工决定"),
    }[lang]
    for fmt in ("table", "md"):
        r = _run(scene, "plan", "roster.csv", "--pin", "pins.yaml", "--format", fmt, "--lang", lang)
        assert r.exit_code == 0
        for w in (*words, "A3", "A4", "down"):
            assert w in r.stdout, (fmt, w)
    r = _run(
        scene, "plan", "roster.csv", "--pin", "pins.yaml", "-o", f"pins-{lang}.html", "--lang", lang
    )
    page = (scene / f"pins-{lang}.html").read_text(encoding="utf-8")
    assert 'id="pins"' in page and all(w in page for w in words[:2])
    r = _run(
        scene, "plan", "roster.csv", "--pin", "pins.yaml", "-o", f"pins-{lang}.xlsx", "--lang", lang
    )
    book = openpyxl.load_workbook(scene / f"pins-{lang}.xlsx")
    sheet = book[words[2] if lang == "zh" else "pins"]
    rows = [[c.value for c in r] for r in sheet.iter_rows(min_row=2)]
    assert [r[0] for r in rows] == ["A3", "A4"] and rows[0][2] is True and rows[0][3] == "down"
    assert rows[1][4] == words[1]
    r = _run(
        scene, "plan", "roster.csv", "--pin", "pins.yaml", "--format", "csv", "-o", f"pins-{lang}"
    )
    text = (scene / f"pins-{lang}" / "pins.csv").read_text(encoding="utf-8-sig")
    assert text == (
        "officer_id,pin_unit,pin_stay,overrode,outcome\nA3,,True,down,stays\n"
        "A4,PCS2,,,moved to PCS2\n"
    )  # machine keys and values stay English whatever --lang says


def test_no_pin_no_pins_section_in_reader_formats(scene):
    r = _run(scene, "plan", "roster.csv", "--format", "md")
    assert "## pins" not in r.stdout and "## transfers" in r.stdout


# --- XLSX reports --------------------------------------------------------------------------


@pytest.mark.parametrize("command", ["plan", "check"])
def test_xlsx_runs_are_byte_identical(scene, command, monkeypatch):
    import time

    outs = []
    for i in range(2):
        path = f"same-{command}-{i}.xlsx"
        _run(scene, command, "roster.csv", "-o", path)
        outs.append((scene / path).read_bytes())
        if i == 0:
            real = time.time
            monkeypatch.setattr(time, "time", lambda real=real: real() + 86400 * 400)  # later
    assert outs[0] == outs[1]
    props = openpyxl.load_workbook(scene / f"same-{command}-0.xlsx").properties
    assert props.created == dt.datetime(2026, 10, 1)


def test_xlsx_is_typed_filtered_frozen_and_localised(scene):
    _run(scene, "plan", "roster.csv", "--pin", "pins.yaml", "-o", "typed.xlsx")
    book = openpyxl.load_workbook(scene / "typed.xlsx")
    units = book["units"]
    assert units.freeze_panes == "A2" and units.auto_filter.ref == "A1:F4"
    assert [c.value for c in units[1]] == [
        "unit_id",
        "name",
        "before",
        "after",
        "capacity",
        "min_staff",
    ]
    assert isinstance(units["C2"].value, int) and units.column_dimensions["B"].width >= 8
    summary = {r[0].value: r[1] for r in book["summary"].iter_rows(min_row=2)}
    share = summary["grassroots_share_after"]
    assert isinstance(share.value, float) and share.number_format == "0.0%"
    assert isinstance(summary["officers"].value, int) and summary["officers"].value == 5
    _run(scene, "plan", "roster.csv", "--pin", "pins.yaml", "-o", "typed-zh.xlsx", "--lang", "zh")
    zh = openpyxl.load_workbook(scene / "typed-zh.xlsx")
    assert zh.sheetnames == ["概要", "调动", "标记", "例外", "单位", "人工决定"]
    assert [c.value for c in zh["单位"][1]] == ["单位", "名称", "调前", "调后", "编制", "最低警力"]
    _run(scene, "check", "roster.csv", "-o", "check.xlsx")
    targets = openpyxl.load_workbook(scene / "check.xlsx")["summary"]
    assert [c.value for c in targets[1]] == ["item", "value"]


# --- apply to an XLSX roster ---------------------------------------------------------------


def test_apply_keeps_an_xlsx_rosters_sheet_types_and_formats(scene):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "花名冊"
    head = [
        "officer_id",
        "name",
        "birth_date",
        "unit",
        "post",
        "rank",
        "post_since",
        "grassroots_years",
        "special_talent",
        "remark",
    ]
    sheet.append(head)
    people = [
        ("A1", 25, "ORG"),
        ("A2", 26, "ORG"),
        ("A3", 27, "ORG"),
        ("A4", 45, "ORG"),
        ("B1", 55, "PCS1"),
    ]
    for i, (oid, age, uid) in enumerate(people):
        sheet.append(
            [
                oid,
                f"n{oid}",
                dt.datetime(2026 - age, 1, 1),
                uid,
                "officer",
                "staff",
                dt.datetime(2020, 3, 1),
                i + 0.5,
                i % 2 == 0,
                f"=1+{i}",
            ]
        )
    for row in sheet.iter_rows(min_row=2):
        row[2].number_format = "yyyy年m月d日"
        row[6].number_format = "yyyy-mm-dd"
        row[7].number_format = "0.0"
    book.create_sheet("notes")["A1"] = "kept"
    book.save(scene / "roster.xlsx")
    r = _run(scene, "plan", "roster.xlsx", "--pin", "pins.yaml", "-o", "plan-x.json")
    assert r.exit_code == 0, r.output
    plan = json.loads((scene / "plan-x.json").read_text(encoding="utf-8"))
    moved = {t["officer_id"]: t["to_unit"] for t in plan["transfers"]}
    assert moved and "A3" not in moved
    r = _run(scene, "apply", "plan-x.json", "roster.xlsx", "-o", "after.xlsx")
    assert r.exit_code == 0, r.output
    old = openpyxl.load_workbook(scene / "roster.xlsx")
    new = openpyxl.load_workbook(scene / "after.xlsx")
    assert new.sheetnames == ["花名冊", "notes"] and new["notes"]["A1"].value == "kept"
    a, b = old["花名冊"], new["花名冊"]
    assert a.max_row == b.max_row == 6 and a.max_column == b.max_column
    changeable = {"unit", "post", "rank", "post_since"}
    for ra, rb in zip(a.iter_rows(), b.iter_rows(), strict=True):
        oid = ra[0].value
        for name, ca, cb in zip(head, ra, rb, strict=True):
            assert cb.number_format == ca.number_format, (oid, name)
            if name == "unit" and oid in moved:
                assert cb.value == moved[oid]
            elif name == "post_since" and oid in moved:
                assert isinstance(cb.value, dt.datetime)  # apply may date the new post
            elif name not in changeable or oid not in moved:
                assert cb.value == ca.value and type(cb.value) is type(ca.value), (oid, name)
    assert isinstance(b["C2"].value, dt.datetime) and isinstance(b["H2"].value, float)
    assert b["I2"].value is True and b["J2"].value == "=1+0"
    r = _run(scene, "apply", "plan-x.json", "roster.xlsx", "-o", "after2.xlsx")
    assert (scene / "after2.xlsx").read_bytes() == (scene / "after.xlsx").read_bytes()


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_explain_takes_the_pins_and_says_what_they_did(scene, lang):
    r = _run(scene, "explain", "roster.csv", "A3", "--pin", "pins.yaml", "--lang", lang)
    assert r.exit_code == 0, r.output
    assert (
        r.stdout.splitlines()[-1]
        == {
            "en": "pin: stay, overriding down: stays",
            "zh": "人工决定：留任（越过规则 down）：留在原单位",
        }[lang]
    )
    r = _run(scene, "explain", "roster.csv", "A3", "--pin", "pins.yaml", "--format", "json")
    assert json.loads(r.stdout)["pins"][0]["overrode"] == "down"
    r = _run(scene, "explain", "roster.csv", "A3")
    assert "pin" not in r.stdout and "transfer" in json.loads(
        _run(scene, "explain", "roster.csv", "A3", "--format", "json").stdout
    )
