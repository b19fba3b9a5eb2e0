"""Export habits found by trying `placement` on hand-made HR exports: an ID number held in a
workbook number cell, and `apply` on a workbook format it cannot write back. Fixtures are
generated here from the first 8 officers of the shipped Chinese roster."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import openpyxl

from placement.load.inputs import load_inputs
from placement.place.plan import make_plan

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
