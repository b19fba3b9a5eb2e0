"""The plan's guarantees on generated rosters, for the shipped units and rules (SPEC §4, §5).

Rosters mix valid rows (the shipped roster's) with rows carrying junk in random cells,
under random header spellings and orders, with random extra columns. For each:

- nothing but PlacementError escapes;
- nothing is lost: `summary.officers` equals the data rows (blank rows aside), every row is
  either planned (a valid officer of the frame) or in the exceptions with its row number,
  and a row whose required field is certainly unreadable is in the exceptions;
- the plan is deterministic: two runs from the files give identical JSON.
"""

from __future__ import annotations

import csv
import io
import json
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from placement.load.inputs import load_inputs
from placement.load.roster.load import read_roster
from placement.load.rules.load import load_ruleset
from placement.load.schema import ROSTER_FIELDS
from placement.load.units import load_units
from placement.place.plan import make_plan
from placement.problems import PlacementError

ROOT = Path(__file__).resolve().parent.parent
RULES, UNITS = ROOT / "rules", ROOT / "data" / "units.yaml"
_lines = (ROOT / "data" / "roster.csv").read_text(encoding="utf-8").splitlines()
SHIPPED_HEADER = _lines[0].split(",")
SHIPPED_ROWS = [dict(zip(SHIPPED_HEADER, line.split(","), strict=True)) for line in _lines[1:60]]
REQUIRED = [n for n, (_t, req, _a) in ROSTER_FIELDS.items() if req]
OPTIONAL = [n for n in SHIPPED_HEADER if n not in REQUIRED]
ALIASES = {n: a for n, (_t, _r, a) in ROSTER_FIELDS.items()} | {"squad": ("中隊", "中队")}
EXTRA_COLUMNS = ["note", "备注", "Remarks", "编制类别", "x"]  # no field or alias of the schema

# values no reading can accept in a required field: blanks, and the field's impossible values
EMPTY = ["", " ", "\u3000", "\t"]
BAD = {
    "officer_id": EMPTY,
    "name": EMPTY,
    "birth_date": [*EMPTY, "1980-13-45", "2000-02-30", "tomorrow", "9999-99-99", "2100-01-01"],
    "unit": [*EMPTY, "NOWHERE", "不存在派出所"],
    "post": [*EMPTY, "chief", "所長長"],
    "rank": [*EMPTY, "general", "正部"],
}
ODD = [
    "",
    " ",
    "=cmd()",
    "@x",
    "-1",
    "nan",
    "1e400",
    "是",
    "√",
    "１２",
    "2000年1月",
    "PCS-HF;NOPE",
    "BGS",
    "辦公室",
    "station_head",
    "deputy_section",
    "11010519800101123X",
    '"',
    "a,b",
    "；、",
]
junk_text = st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=8)


def spell(draw, field: str) -> str:
    return draw(st.sampled_from([field, field.upper(), f" {field} ", *ALIASES.get(field, ())]))


@st.composite
def rosters(draw):
    """(csv bytes, per row: None if blank, else (officer_id or None, fields made unreadable))."""
    fields = REQUIRED + draw(
        st.lists(st.sampled_from(OPTIONAL), unique=True, max_size=len(OPTIONAL))
    )
    extras = draw(st.lists(st.sampled_from(EXTRA_COLUMNS), unique=True, max_size=2))
    columns = draw(st.permutations(fields + extras))
    header = [c if c in extras else spell(draw, c) for c in columns]
    body, truth = [], []
    for i in range(draw(st.integers(1, 12))):
        if draw(st.integers(0, 9)) == 0:
            body.append([""] * len(columns))
            truth.append(None)
            continue
        row = dict(draw(st.sampled_from(SHIPPED_ROWS)))
        row["officer_id"] = f"H{i:03d}" if i == 0 or draw(st.integers(0, 5)) else "H000"
        cells = {c: row.get(c, draw(junk_text) if c in extras else "") for c in columns}
        unreadable = set()
        for c in draw(st.lists(st.sampled_from(columns), unique=True, max_size=3)):
            if c in BAD and draw(st.booleans()):
                cells[c] = draw(st.sampled_from(BAD[c]))
                unreadable.add(c)
            else:
                cells[c] = draw(st.one_of(st.sampled_from(ODD), junk_text))
                unreadable.discard(c)
        if not any(v.strip() for v in cells.values()):  # nothing visible: a blank row
            body.append([""] * len(columns))
            truth.append(None)
            continue
        body.append([cells[c] for c in columns])
        kept_id = cells["officer_id"] == row["officer_id"]  # else junk: not known here
        truth.append((row["officer_id"] if kept_id else None, unreadable))
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows([header, *body])
    bom = "\ufeff" if draw(st.booleans()) else ""
    return (bom + buf.getvalue()).encode("utf-8"), truth


def plan_json(path: Path) -> tuple[object, dict, str]:
    inputs = load_inputs(path, RULES, UNITS)
    doc = make_plan(inputs)
    return inputs, doc, json.dumps(doc, sort_keys=True, ensure_ascii=False, default=str)


@settings(
    max_examples=50,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(rosters())
def test_nothing_lost_and_deterministic(case):
    data, truth = case
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "roster.csv"
        path.write_bytes(data)
        try:
            inputs, doc, first = plan_json(path)
        except PlacementError:
            event("refused")
            return
        _, _, second = plan_json(path)
    event("planned")
    if any(t and t[1] for t in truth):
        event("planned, with a row whose required field is unreadable")
    assert first == second, "two runs on the same files give different plans"

    data_rows = {k + 2: t for k, t in enumerate(truth) if t is not None}  # sheet rows: header is 1
    assert doc["summary"]["officers"] == len(data_rows)
    frame = inputs.frame
    planned = set(frame.filter(frame["_valid"])["_row"].to_list())
    entries = [
        e
        for e in doc["exceptions"]
        if e["code"] not in ("target_unmet", "vacancy", "over_establishment")  # no row
    ]
    listed = {e["row"] for e in entries}
    assert planned | listed == set(data_rows), "a row is neither planned nor an exception"
    assert not planned & {
        e["row"]
        for e in entries
        if e["code"] in ("invalid_row", "unknown_unit", "data_conflict", "duplicate_id")
    }
    assert all(
        e["row"] is None and e["officer_id"] is None
        for e in doc["exceptions"]
        if e["code"] == "target_unmet"
    )
    for row, (oid, unreadable) in data_rows.items():
        mine = [e for e in entries if e["row"] == row]
        if unreadable:
            assert mine, f"row {row}: {sorted(unreadable)} unreadable, but no exception"
            assert {e["code"] for e in mine} & {"invalid_row", "unknown_unit"}
        if oid is not None:
            assert all(e["officer_id"] == oid for e in mine)
    assert {t["officer_id"] for t in doc["transfers"]} <= set(inputs.roster.officers["officer_id"])
    repeated = {e["officer_id"] for e in entries if e["code"] == "duplicate_id"}
    ids = [t["officer_id"] for t in doc["transfers"] if t["officer_id"] not in repeated]
    assert len(ids) == len(set(ids)), "an officer appears twice in transfers"
    assert sum(u["before"] for u in doc["units"]) == sum(u["after"] for u in doc["units"])


# --- bugs found while writing the tests above (placement/ is not ours to fix here) ----------


@pytest.fixture(scope="module")
def shipped():
    units = load_units(UNITS)
    return units, load_ruleset([RULES], units)


@pytest.mark.parametrize("blank_row", [",,  ,,,", ",,,\t,,", ",,,,  ,"])
def test_a_row_of_blanks_is_a_blank_row(tmp_path, shipped, blank_row):
    units, ruleset = shipped
    path = tmp_path / "r.csv"
    path.write_text(
        "officer_id,name,birth_date,unit,post,rank\n"
        f"A1,n,1980-01-01,BGS,officer,staff\n{blank_row}\n",
        encoding="utf-8",
    )
    # the same row with its blank in the officer_id column, or full-width, is skipped
    for skipped in (" ,,,,,", ",,\u3000,,,"):
        other = tmp_path / "s.csv"
        other.write_text(
            path.read_text(encoding="utf-8").replace(blank_row, skipped), encoding="utf-8"
        )
        assert read_roster(other, units, ruleset.vocab, ruleset.extras, ruleset.as_of).rows == 1
    roster = read_roster(path, units, ruleset.vocab, ruleset.extras, ruleset.as_of)
    assert roster.rows == 1 and roster.issues == []


def test_repeated_id_in_a_dissolved_unit_is_one_transfer(tmp_path):
    units = load_units(UNITS)
    dissolved = next(u.id for u in units.list if u.dissolved)
    row = dict(SHIPPED_ROWS[0], unit=dissolved)
    line = ",".join(row[c] for c in SHIPPED_HEADER)
    path = tmp_path / "r.csv"
    path.write_text(",".join(SHIPPED_HEADER) + f"\n{line}\n{line}\n", encoding="utf-8")
    doc = make_plan(load_inputs(path, RULES, UNITS))
    assert [e["code"] for e in doc["exceptions"] if e["officer_id"] == row["officer_id"]] == [
        "duplicate_id"
    ]
    assert [t["officer_id"] for t in doc["transfers"]] == [row["officer_id"]]


# --- resident ID numbers never reach the terminal whole (SPEC §3) ---------------------------


@pytest.mark.parametrize(
    "args", [["plan"], ["plan", "--lang", "zh"], ["check"], ["explain", "@ID"]]
)
def test_resident_ids_are_masked_on_the_terminal(tmp_path, args):
    from click.testing import CliRunner

    from placement.cli.main import main

    row = dict(SHIPPED_ROWS[0])
    real = row["id_number"]
    wrong = real[:-1] + ("1" if real[-1] != "1" else "2")  # a bad check digit: echoed in a message
    row["id_number"] = wrong
    path = tmp_path / "r.csv"
    path.write_text(
        ",".join(SHIPPED_HEADER) + "\n" + ",".join(row[c] for c in SHIPPED_HEADER) + "\n",
        encoding="utf-8",
    )
    argv = [a.replace("@ID", row["officer_id"]) for a in args]
    r = CliRunner().invoke(
        main,
        [argv[0], str(path), *argv[1:], "--rules", str(RULES), "--units", str(UNITS)],
        env={"COLUMNS": "300"},
        catch_exceptions=False,
    )
    assert r.exit_code in (0, 1), r.output
    digits = "".join(
        ch for ch in r.output if ch.isdigit() or ch in "Xx*"
    )  # immune to line wrapping
    assert wrong not in digits and real not in digits
    assert f"{wrong[:6]}********{wrong[-4:]}" in r.output
