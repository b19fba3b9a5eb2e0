"""Rosters as real exports come (issue 15): titles, two-row headers, footers, sheets, far blanks,
padded headers, Excel's value habits, old .xls and "Unicode text", the 2019 police grades.

Every fixture is generated here from the first 8 officers of the shipped Chinese roster
(GB18030, Chinese headers and values), so each kind is one small file built the way exports
are written."""

from __future__ import annotations

import csv
import io
import re
import subprocess
import sys
import time
from pathlib import Path

import openpyxl
import pytest

from placement.load.inputs import load_inputs
from placement.load.roster.fetch import read_roster_file
from placement.place.plan import make_plan
from placement.problems import InputError

ROOT = Path(__file__).resolve().parent.parent
DATA, RULES = ROOT / "data", ROOT / "rules"


def officers8() -> tuple[list[str], list[list[str]]]:
    rows = list(csv.reader(io.StringIO((DATA / "roster_zh.csv").read_bytes().decode("gb18030"))))
    return rows[0], rows[1:9]


HEADER, ROWS = officers8()


def plan_of(path, sheet=None) -> dict:
    return make_plan(load_inputs(path, RULES, DATA / "units.yaml", sheet=sheet))


def same_plan(a: dict, b: dict) -> None:
    """The two plans move, flag and except the same officers in the same way."""
    assert a["summary"] == b["summary"]
    assert a["transfers"] == b["transfers"]
    assert a["flags"] == b["flags"]
    strip = [{k: v for k, v in e.items() if k not in ("row", "message")} for e in a["exceptions"]]
    assert strip == [
        {k: v for k, v in e.items() if k not in ("row", "message")} for e in b["exceptions"]
    ]


@pytest.fixture(scope="module")
def clean(tmp_path_factory) -> dict:
    path = tmp_path_factory.mktemp("clean") / "clean.csv"
    write_csv(path, [HEADER, *ROWS])
    return plan_of(path)


def write_csv(path: Path, rows, encoding="utf-8", delimiter=",") -> Path:
    buf = io.StringIO()
    csv.writer(buf, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    path.write_bytes(buf.getvalue().encode(encoding))
    return path


def workbook(path: Path, sheets: list[tuple[str, list[list], str]], active: int = 0) -> Path:
    """sheets: (title, rows, state 'visible'|'hidden'); rows of cell values (None: no cell)."""
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for title, rows, state in sheets:
        ws = wb.create_sheet(title)
        ws.sheet_state = state
        for r in rows:
            ws.append(r)
    wb.active = active
    wb.save(path)
    return path


# 1. the header is not on row 1 ---------------------------------------------------------------


def titled(header=HEADER, rows=ROWS) -> list[list]:
    group = ["基本信息"] + [""] * 7 + ["任職情況"] + [""] * (len(header) - 9)
    upper = [c if c == "姓名" else "" for c in header]  # 姓名 merged down over both header rows
    lower = ["" if c == "姓名" else c for c in header]
    return [
        ["XX分局民警花名冊"],
        ["制表日期：2026年9月1日", "", "", "單位：政治處"],
        [g or u for g, u in zip(group, upper, strict=True)],
        lower,
        *rows,
    ]


def test_header_below_a_title_and_a_group_row_csv(tmp_path, clean):
    path = write_csv(tmp_path / "titled.csv", titled(), "gb18030")
    table, _sha = read_roster_file(path)
    assert table.header_row == 4
    assert table.ignored == [{"row": r, "kind": "title"} for r in (1, 2, 3)]
    same_plan(plan_of(path), clean)


def test_header_below_a_merged_title_xlsx(tmp_path, clean):
    path = tmp_path / "titled.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    for r in titled():
        ws.append(r)
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(HEADER))
    ws.merge_cells("B3:B4")
    wb.save(path)
    doc = plan_of(path)
    roster = doc["inputs"]["roster"]
    assert (roster["sheet"], roster["header_row"], roster["rows"]) == ("Sheet", 4, 8)
    same_plan(doc, clean)


# 2. footers ----------------------------------------------------------------------------------

FOOTER = [["合計", "8人"], [], ["備註：本表由政治處填報"], ["制表人：張三", "", "審核人：李四"]]


def test_footers_are_reported_not_read_as_officers(tmp_path, clean):
    path = write_csv(tmp_path / "footer.csv", [HEADER, *ROWS, *FOOTER], "gb18030")
    doc = plan_of(path)
    assert doc["summary"]["officers"] == 8
    assert doc["inputs"]["roster"]["ignored_rows"] == [
        {"row": 10, "kind": "footer"},
        {"row": 12, "kind": "footer"},
        {"row": 13, "kind": "footer"},
    ]
    same_plan(doc, clean)


def test_a_last_officer_without_name_is_not_a_footer(tmp_path):
    last = list(ROWS[-1])
    last[1] = ""
    path = write_csv(tmp_path / "r.csv", [HEADER, *ROWS[:-1], last], "gb18030")
    table, _ = read_roster_file(path)
    assert table.frame.height == 8 and table.ignored == []


# 3. which sheet ------------------------------------------------------------------------------

GUIDE = [["填表說明"], ["1. 每人一行"], ["2. 日期寫成 YYYY-MM-DD"]]


def test_the_active_visible_sheet_not_a_hidden_one(tmp_path, clean):
    old = [HEADER, *ROWS[:3]]
    path = workbook(
        tmp_path / "book.xlsx",
        [
            ("2025", old, "hidden"),
            ("填表說明", GUIDE, "visible"),
            ("花名冊", [HEADER, *ROWS], "visible"),
        ],
        active=2,
    )
    doc = plan_of(path)
    assert doc["inputs"]["roster"]["sheet"] == "花名冊"
    same_plan(doc, clean)


def test_the_one_matching_sheet_behind_a_guide(tmp_path, clean):
    path = workbook(
        tmp_path / "book.xlsx",
        [("填表說明", GUIDE, "visible"), ("花名冊", [HEADER, *ROWS], "visible")],
        active=0,
    )
    same_plan(plan_of(path), clean)


def test_a_hidden_roster_is_never_read_unasked(tmp_path):
    path = workbook(
        tmp_path / "book.xlsx",
        [("2025", [HEADER, *ROWS], "hidden"), ("填表說明", GUIDE, "visible")],
        active=1,
    )
    with pytest.raises(InputError) as info:
        read_roster_file(path)
    assert "roster-sheet-hidden" in str(info.value) and "'2025'" in str(info.value)
    assert read_roster_file(path, "2025")[0].sheet == "2025"
    assert read_roster_file(path, "1")[0].sheet == "2025"


def test_sheet_option_on_the_command_line(tmp_path):
    path = workbook(
        tmp_path / "book.xlsx",
        [("城區", [HEADER, *ROWS[:4]], "visible"), ("郊區", [HEADER, *ROWS[4:]], "visible")],
        active=0,
    )
    run = [str(Path(sys.executable).parent / "placement"), "plan", str(path), "--format", "json"]
    cwd = {"cwd": ROOT, "capture_output": True, "text": True}
    out = subprocess.run([*run, "--sheet", "郊區"], **cwd)
    assert out.returncode == 0, out.stderr
    assert '"sheet": "郊區"' in out.stdout and '"rows": 4' in out.stdout
    out = subprocess.run([*run, "--sheet", "9"], **cwd)
    assert out.returncode == 2 and "roster-sheet-missing" in out.stderr
    assert "1 城區, 2 郊區" in out.stderr


def test_messages_name_the_sheet(tmp_path):
    bad = [c.replace("出生日期", "出生時間") for c in HEADER]
    path = workbook(tmp_path / "book.xlsx", [("花名冊", [["標題"], bad, *ROWS], "visible")])
    with pytest.raises(InputError) as info:
        plan_of(path)
    text = str(info.value)
    assert f"{path}:花名冊:2: missing-column" in text
    assert f"{path}:花名冊:2:3: header-near-miss: header '出生時間' looks like birth_date" in text


# 4. a stray blank far away -------------------------------------------------------------------


def far_blank(path: Path) -> Path:
    import xlsxwriter

    wb = xlsxwriter.Workbook(str(path))
    ws = wb.add_worksheet("花名冊")
    for i, r in enumerate([HEADER, *ROWS]):
        ws.write_row(i, 0, r)
    ws.write_string(1048575, 59, " ")  # BH1048576
    ws.write_string(65535, 0, "\u3000")
    wb.close()
    return path


def test_a_stray_far_blank_costs_nothing(tmp_path, clean):
    path = far_blank(tmp_path / "far.xlsx")
    start = time.perf_counter()
    table, _ = read_roster_file(path)
    assert time.perf_counter() - start < 1.0
    assert table.frame.height == 8
    same_plan(plan_of(path), clean)


def test_far_blank_in_a_fresh_process_small_memory(tmp_path):
    path = far_blank(tmp_path / "far.xlsx")
    # VmHWM is the peak of this process image (ru_maxrss would carry pytest's over the exec)
    code = (
        "import sys, re; from placement.load.roster.fetch import read_roster_file as r; "
        "t = r(sys.argv[1])[0]; status = open('/proc/self/status').read(); "
        "print(t.frame.height, re.search(r'VmHWM:\\s+(\\d+)', status).group(1))"
    )
    out = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True)
    rows, peak_kb = map(int, out.stdout.split())
    assert rows == 8 and peak_kb < 200_000, out.stderr


def test_rows_of_unicode_blanks_are_not_officers(tmp_path, clean):
    blanks = [["\u3000"] * len(HEADER), ["\u00a0", " ", "\u3000"] + [""] * (len(HEADER) - 3)]
    path = write_csv(tmp_path / "r.csv", [HEADER, *ROWS[:4], *blanks, *ROWS[4:]], "utf-8")
    doc = plan_of(path)
    assert doc["summary"]["officers"] == 8
    assert [e for e in doc["exceptions"] if e["code"] == "invalid_row"] == []


# 5. header cells as exports write them -------------------------------------------------------


def test_padded_headers_and_the_everyday_id_label(tmp_path, clean):
    header = [
        {"姓名": "姓　　名", "職務": "職　　務", "身份证号": "身份證號碼"}.get(c, c) for c in HEADER
    ]
    path = write_csv(tmp_path / "r.csv", [header, *ROWS], "gb18030")
    same_plan(plan_of(path), clean)
    rows = [list(r) for r in ROWS]
    j = HEADER.index("身份证号")
    rows[0][j] = rows[0][j][:17] + ("0" if rows[0][j][17] != "0" else "1")  # wrong check digit
    path = write_csv(tmp_path / "bad.csv", [header, *rows], "gb18030")
    codes = {(e["row"], e["code"], e["field"]) for e in plan_of(path)["exceptions"]}
    assert (2, "invalid_row", "id_number") in codes


# 6. Excel's value habits ---------------------------------------------------------------------


def test_month_precision_birth_dates_do_not_conflict_with_ids(tmp_path, clean):
    j = HEADER.index("出生日期")
    header = [("出生年月" if c == "出生日期" else c) for c in HEADER]
    rows = []
    for k, r in enumerate(ROWS):
        r = list(r)
        y, m = re.match(r"(\d{4})\D?(\d{2}|\d(?=\D))", r[j]).groups()
        r[j] = f"{y}.{m}" if k % 2 else f"{y}年{m}月"
        rows.append(r)
    path = write_csv(tmp_path / "r.csv", [header, *rows], "gb18030")
    inputs = load_inputs(path, RULES, DATA / "units.yaml")
    assert inputs.roster.issues == []  # no data_conflict, every officer planned
    assert inputs.roster.officers["_valid"].all()
    assert str(inputs.roster.officers["birth_date"][0]) == "1974-01-01"


def test_year_point_one_is_ambiguous_and_the_row_still_planned(tmp_path):
    j = HEADER.index("出生日期")
    rows = [list(r) for r in ROWS]
    rows[2][j] = "1985.1"
    rows[3][j] = "1985.10"
    path = write_csv(tmp_path / "r.csv", [HEADER, *rows], "gb18030")
    inputs = load_inputs(path, RULES, DATA / "units.yaml")
    issues = {(e["row"], e["code"]): e for e in inputs.roster.issues}
    assert (4, "ambiguous_value") in issues and str(issues[4, "ambiguous_value"]["message"]) == (
        "row 4: birth_date '1985.1' could be 1985-01 or 1985-10; write it as 1985-10"
    )
    officers = inputs.roster.officers
    assert officers.filter(officers["_row"] == 4)["_valid"].item() is True
    assert officers.filter(officers["_row"] == 4)["birth_date"].item() is None
    assert str(officers.filter(officers["_row"] == 5)["birth_date"].item()) == "1985-10-01"


def test_a_number_shown_with_two_decimals_reads_as_displayed(tmp_path):
    header = ["警號", "姓名", "出生年月", "單位", "職務", "職級"]
    path = tmp_path / "r.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(header)
    ws.append(["A1", "甲", 1985.1, "BGS", "民警", "科員"])
    ws.append(["A2", "乙", 1985.1, "BGS", "民警", "科員"])
    ws["C2"].number_format = "0.00"
    wb.save(path)
    inputs = load_inputs(path, RULES, DATA / "units.yaml")
    births = inputs.roster.officers["birth_date"].to_list()
    assert str(births[0]) == "1985-10-01" and births[1] is None
    assert [(e["row"], e["code"]) for e in inputs.roster.issues] == [(3, "ambiguous_value")]


def test_excel_serial_dates_in_a_csv_are_read(tmp_path, clean):
    j = HEADER.index("出生日期")
    rows = [list(r) for r in ROWS]
    rows[0][j] = "27044"  # 1974-01-15, the first officer's birth date
    path = write_csv(tmp_path / "r.csv", [HEADER, *rows], "gb18030")
    same_plan(plan_of(path), clean)


def test_ids_excel_turned_into_numbers_lose_digits_not_rows(tmp_path):
    j = HEADER.index("身份证号")
    rows = [list(r) for r in ROWS]
    rows[0][j] = "1.40181E+17"
    rows[1][j] = "140110198010196600"  # a float's 18 digits: wrong check digit, trailing zeros
    path = write_csv(tmp_path / "r.csv", [HEADER, *rows], "gb18030")
    doc = plan_of(path)
    lost = [e for e in doc["exceptions"] if e["code"] == "lost_digits"]
    assert [(e["row"], e["field"]) for e in lost] == [(2, "id_number"), (3, "id_number")]
    assert "turned into a number by Excel" in str(lost[0]["message"])
    assert [e for e in doc["exceptions"] if e["code"] == "invalid_row"] == []
    assert doc["summary"]["officers"] == 8


def test_old_fifteen_digit_ids_are_accepted_and_checked(tmp_path):
    j, b = HEADER.index("身份证号"), HEADER.index("出生日期")
    rows = [list(r) for r in ROWS]
    new = rows[0][j]  # 140181197401155190: born 1974-01-15
    rows[0][j] = new[:6] + new[8:17]  # 15 digits: 140181740115519
    rows[1][j] = new[:6] + "740116" + new[14:17]  # a different birth date than row 3's
    rows[1][b] = "1980-10-19"
    path = write_csv(tmp_path / "r.csv", [HEADER, *rows], "gb18030")
    inputs = load_inputs(path, RULES, DATA / "units.yaml")
    codes = {(e["row"], e["code"]) for e in inputs.roster.issues}
    assert (2, "invalid_row") not in codes and (2, "data_conflict") not in codes
    assert (3, "data_conflict") in codes
    assert inputs.roster.officers["id_number"][0] == new


# 7. other formats ----------------------------------------------------------------------------


def test_old_binary_xls(tmp_path, clean):
    xlwt = pytest.importorskip("xlwt")
    book = xlwt.Workbook(encoding="utf-8")
    guide = book.add_sheet("填表說明")
    guide.write(0, 0, "填表說明")
    ws = book.add_sheet("花名冊")
    for i, r in enumerate([["XX分局民警花名冊"], HEADER, *ROWS]):
        for k, c in enumerate(r):
            ws.write(i, k, c)
    path = tmp_path / "old.xls"
    book.save(str(path))
    doc = plan_of(path)
    assert (doc["inputs"]["roster"]["sheet"], doc["inputs"]["roster"]["header_row"]) == (
        "花名冊",
        2,
    )
    same_plan(doc, clean)


@pytest.mark.parametrize("delimiter", ["\t", ";"])
def test_unicode_text_and_other_delimiters(tmp_path, clean, delimiter):
    path = write_csv(tmp_path / "r.txt", [HEADER, *ROWS], "utf-16", delimiter)
    assert path.read_bytes()[:2] == b"\xff\xfe"
    table, _ = read_roster_file(path)
    assert table.delimiter == delimiter
    same_plan(plan_of(path), clean)


# done when: everything at once plans as the clean file ---------------------------------------


def test_a_real_export_plans_the_same_officers_as_the_clean_file(tmp_path, clean):
    """A title row, a two-row header, padded headers, a footer, a hidden sheet in front and a
    stray far blank: the same 8 officers, the same plan, and `inputs` says where they were."""
    import xlsxwriter

    padded = [{"姓名": "姓　　名", "职务": "职　　务"}.get(c, c) for c in HEADER]
    path = tmp_path / "export.xlsx"
    wb = xlsxwriter.Workbook(str(path))
    old = wb.add_worksheet("2025年")
    for i, r in enumerate([HEADER, *ROWS[:5]]):
        old.write_row(i, 0, r)
    old.hide()
    ws = wb.add_worksheet("花名冊")
    ws.merge_range(0, 0, 0, len(HEADER) - 1, "XX分局民警花名冊")
    ws.write_row(1, 0, ["制表日期：2026年9月1日"])
    rows = titled(padded)[2:] + [*FOOTER]
    for i, r in enumerate(rows):
        ws.write_row(i + 2, 0, r)
    ws.write_string(1048575, 59, " ")
    ws.activate()
    wb.close()
    doc = plan_of(path)
    roster = doc["inputs"]["roster"]
    assert (roster["sheet"], roster["header_row"], roster["rows"]) == ("花名冊", 4, 8)
    assert roster["ignored_rows"] == [
        *({"row": r, "kind": "title"} for r in (1, 2, 3)),
        {"row": 13, "kind": "footer"},
        {"row": 15, "kind": "footer"},
        {"row": 16, "kind": "footer"},
    ]
    same_plan(doc, clean)


def test_apply_writes_back_to_the_sheet_and_rows_read(tmp_path):
    """apply to a real export: the sheet read (not the hidden one in front), the rows where
    the officers were (below a title and a two-row header), titles and footers untouched."""
    path = tmp_path / "export.xlsx"
    wb = openpyxl.Workbook()
    old = wb.active
    old.title = "2025"
    for r in [HEADER, *ROWS[:3]]:
        old.append(r)
    old.sheet_state = "hidden"
    ws = wb.create_sheet("花名冊")
    for r in titled() + FOOTER:
        ws.append(r)
    wb.active = 1
    wb.save(path)
    exe = str(Path(sys.executable).parent / "placement")
    opts = {"cwd": ROOT, "capture_output": True, "text": True}
    plan = tmp_path / "plan.json"
    out = subprocess.run([exe, "plan", str(path), "--format", "json", "-o", str(plan)], **opts)
    assert out.returncode == 0, out.stderr
    applied = tmp_path / "applied.xlsx"
    out = subprocess.run([exe, "apply", str(plan), str(path), "-o", str(applied)], **opts)
    assert out.returncode == 0, out.stderr
    import json

    moves = {t["officer_id"]: t["to_unit"] for t in json.loads(plan.read_text())["transfers"]}
    assert moves
    book = openpyxl.load_workbook(applied)
    sheet, hidden = book["花名冊"], book["2025"]
    assert [c.value for c in hidden[2]][:4] == ROWS[0][:4]  # untouched
    assert sheet["A1"].value == "XX分局民警花名冊" and sheet.cell(13, 1).value == "合計"
    unit = HEADER.index("单位") + 1
    for k, row in enumerate(ROWS):
        if row[0] in moves:
            assert sheet.cell(5 + k, 1).value == row[0]
            assert sheet.cell(5 + k, unit).value != row[unit - 1]
