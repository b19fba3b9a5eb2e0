"""Export habits found by trying `placement` on hand-made HR exports: an ID number held in a
workbook number cell, and `apply` on a workbook format it cannot write back. Fixtures are
generated here from the first 8 officers of the shipped Chinese roster."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from placement.cli.main import main
from placement.commands.apply import check_suffix
from placement.load.inputs import load_inputs
from placement.place.plan import make_plan
from placement.problems import InputError

ROOT = Path(__file__).resolve().parent.parent
DATA, RULES = ROOT / "data", ROOT / "rules"


def officers8() -> tuple[list[str], list[list[str]]]:
    rows = list(csv.reader(io.StringIO((DATA / "roster_zh.csv").read_bytes().decode("gb18030"))))
    return rows[0], rows[1:9]


HEADER, ROWS = officers8()


def test_an_id_in_a_number_cell_lost_digits_even_when_not_ending_in_zeros(tmp_path):
    """A workbook number cell holds a double: 18 digits come back as 140110198010196608 (not
    the ...663X typed), which fails the check digit without trailing zeros. It is lost_digits,
    never an invalid_row that drops the officer, nor a wrong ID accepted."""
    j = HEADER.index("身份证号")
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(HEADER)
    for r in ROWS:
        ws.append(r)
    for i, r in enumerate(ROWS):
        cell = ws.cell(row=i + 2, column=j + 1)
        cell.value = int(r[j]) if r[j][-1] != "X" else int(r[j][:17] + "0")
    wb.save(tmp_path / "ids.xlsx")
    doc = make_plan(load_inputs(tmp_path / "ids.xlsx", RULES, DATA / "units.yaml"))
    lost = sorted(e["row"] for e in doc["exceptions"] if e["code"] == "lost_digits")
    assert lost == list(range(2, 10))
    assert [
        e for e in doc["exceptions"] if e.get("field") == "id_number" and e["code"] != "lost_digits"
    ] == []
    assert doc["summary"]["officers"] == 8


@pytest.mark.parametrize("out", ["after.xlsx", "after.xls", "after.csv"])
def test_apply_on_an_old_xls_roster_says_xls_not_csv(tmp_path, out):
    """An .xls roster with any -o is refused as an .xls (roster-format-unwritable), never with
    `apply-output-suffix` calling the roster CSV and asking for a .csv name."""
    xlwt = pytest.importorskip("xlwt")
    book = xlwt.Workbook(encoding="utf-8")
    ws = book.add_sheet("花名冊")
    for i, r in enumerate([HEADER, *ROWS]):
        for k, c in enumerate(r):
            ws.write(i, k, c)
    roster = tmp_path / "old.xls"
    book.save(str(roster))
    check_suffix(str(roster), str(tmp_path / out))  # passes: the read refuses it below
    plan = tmp_path / "plan.json"
    r = CliRunner().invoke(main, ["plan", str(roster), "--format", "json", "-o", str(plan)])
    assert r.exit_code == 0, r.output
    r = CliRunner().invoke(main, ["apply", str(plan), str(roster), "-o", str(tmp_path / out)])
    assert r.exit_code == 2
    assert "roster-format-unwritable" in r.output and "roster is csv" not in r.output
    assert not (tmp_path / out).exists()


def test_apply_still_refuses_a_csv_name_for_an_xlsx_roster(tmp_path):
    wb = openpyxl.Workbook()
    wb.active.append(HEADER)
    wb.save(tmp_path / "r.xlsx")
    with pytest.raises(InputError) as e:
        check_suffix(str(tmp_path / "r.xlsx"), str(tmp_path / "after.csv"))
    assert "apply-output-suffix" in str(e.value)


@pytest.mark.parametrize("ends", ["\r\n", "\n"])
def test_apply_keeps_the_line_ends_of_unicode_text(tmp_path, ends):
    """Excel's "Unicode text" (UTF-16 LE with BOM, tab-separated, CR LF): apply writes it back
    with the same line ends, so only the changed cells differ."""
    text = ends.join("\t".join(r) for r in [HEADER, *ROWS]) + ends
    roster = tmp_path / "r.txt"
    roster.write_bytes(text.encode("utf-16"))
    plan = tmp_path / "plan.json"
    r = CliRunner().invoke(main, ["plan", str(roster), "--format", "json", "-o", str(plan)])
    assert r.exit_code == 0, r.output
    out = tmp_path / "after.txt"
    r = CliRunner().invoke(main, ["apply", str(plan), str(roster), "-o", str(out)])
    assert r.exit_code == 0, r.output
    after = out.read_bytes()
    assert after[:2] == b"\xff\xfe"
    assert after.decode("utf-16").count(ends) == len(ROWS) + 1
    assert after.decode("utf-16").count("\r") == (len(ROWS) + 1 if ends == "\r\n" else 0)


def two_sheets(path: Path) -> Path:
    """Last year's roster on a hidden first sheet, this year's on the active one."""
    wb = openpyxl.Workbook()
    old = wb.active
    old.title = "2025年"
    old.sheet_state = "hidden"
    now = wb.create_sheet("花名冊")
    for ws in (old, now):
        ws.append(HEADER)
        for r in ROWS:
            ws.append(r)
    old.cell(row=2, column=HEADER.index("单位") + 1).value = "指揮室"  # merged into BGS
    wb.active = 1
    wb.save(path)
    return path


def test_apply_writes_the_sheet_the_plan_was_made_from(tmp_path):
    """A plan of the hidden sheet (--sheet) is applied to that sheet, never to the active one,
    and --sheet naming another sheet than the plan's is refused unless --force."""
    roster, plan = two_sheets(tmp_path / "r.xlsx"), tmp_path / "plan.json"
    run = CliRunner().invoke
    r = run(main, ["plan", str(roster), "--sheet", "2025年", "--format", "json", "-o", str(plan)])
    assert r.exit_code == 0, r.output
    out = tmp_path / "after.xlsx"
    r = run(main, ["apply", str(plan), str(roster), "-o", str(out)])
    assert r.exit_code == 0, r.output
    before, after = openpyxl.load_workbook(roster), openpyxl.load_workbook(out)
    rows = lambda ws: [[c.value for c in r] for r in ws.iter_rows()]  # noqa: E731
    assert rows(after["花名冊"]) == rows(before["花名冊"])  # the active sheet untouched
    assert after["2025年"].cell(row=2, column=HEADER.index("单位") + 1).value != "指揮室"
    other = tmp_path / "other.xlsx"
    r = run(main, ["apply", str(plan), str(roster), "--sheet", "花名冊", "-o", str(other)])
    assert r.exit_code == 2 and "plan-other-sheet" in r.output
    assert not other.exists()


def test_every_exception_code_has_a_chinese_name():
    """The zh summary (例外：…) and exception tables name each exception code in Chinese;
    `ambiguous_value` and `lost_digits` (issue 15) showed as English identifiers."""
    from placement.i18n.words import CODES
    from placement.messages.registry import REGISTRY, Kind
    from placement.report.html_text import CODES_ZH

    codes = [c for c, v in REGISTRY.items() if v.kind == Kind.EXCEPTION]
    assert "lost_digits" in codes and "ambiguous_value" in codes
    assert [c for c in codes if c not in CODES] == []
    assert [c for c in codes if c not in CODES_ZH] == []


def test_sheet_lists_are_in_the_readers_language():
    """A workbook's sheet list says which sheets are hidden in the message's own language."""
    from placement.messages import Message, render

    sheets = [
        Message("sheet-listed-hidden", {"n": 1, "name": "2025年花名冊"}),
        Message("sheet-listed", {"n": 2, "name": "花名冊"}),
    ]
    fields = {"sheet": "2025年花名冊", "sheets": sheets}
    assert "1 2025年花名冊 (hidden), 2 花名冊" in render("roster-sheet-hidden", fields, "en")
    zh = render("roster-sheet-hidden", fields, "zh")
    assert "1 2025年花名冊（隐藏）、2 花名冊" in zh and "hidden" not in zh
