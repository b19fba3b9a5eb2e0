"""Roster loading (SPEC §1.1).

Encodings, XLSX, value forms, bad rows as entries, bad files as errors.
"""

from __future__ import annotations

import datetime as dt

import polars as pl
import pytest
from polars.testing import assert_frame_equal

from placement.load.roster.load import read_roster
from placement.load.schema import FieldType
from placement.load.vocab import Vocabulary
from placement.problems import InputError

D = dt.date
MINIMAL = "officer_id,name,birth_date,unit,post,rank"


@pytest.fixture
def load(write, units):
    """load(name, content, extras=None, as_of=None) -> Roster."""

    def _load(name, content, extras=None, as_of=None):
        path = write(name, content)
        return read_roster(path, units, Vocabulary(), extras or {}, as_of)

    return _load


@pytest.fixture
def refuse(write, units):
    """refuse(name, content) -> the InputError's text, the path shown as FILE."""

    def _refuse(name, content):
        path = write(name, content)
        with pytest.raises(InputError) as info:
            read_roster(path, units, Vocabulary(), {}, None)
        return str(info.value).replace(str(path), "FILE")

    return _refuse


def valid(roster) -> dict[str, bool]:
    return dict(zip(roster.officers["officer_id"], roster.officers["_valid"], strict=True))


# --- the same three officers in five files ------------------------------------------

ENGLISH = [
    "officer_id,name,birth_date,unit,post,rank,sex,id_number,special_post,appraisal,"
    "grassroots_years,joined_police,note",
    "A1,王一,1980-01-15,BGS,station_head,deputy_section,M,{id},true,excellent,5,2000-07-01,x",
    "A2,李四,1985-02-03,PCS-HF,officer,staff,F,,false,competent,0,2005-03-01,",
    "A3,周五,1990-03-04,PCS-XX,community_officer,chief_section,M,,,,,,z",
]
SIMPLIFIED = [
    "警号,姓名,出生日期,单位,职务,职级,性别,身份证号,特殊岗位,年度考核,基层工作年限,参加公安工作时间,备注",
    "A1,王一,1980年1月15日,BGS,所长,副科,男,{id},是,优秀,5,2000年7月,x",
    "A2,李四,1985.02.03,匯豐派出所,民警,科员,女,,否,称职,0,2005-03,",
    "A3,周五,19900304,西郊派出所,社区民警,正科,男,,,,,,z",
]
TRADITIONAL = [
    "警號,姓名,出生日期,單位,職務,職級,性別,身份證號,特殊崗位,年度考核,基層工作年限,參加公安工作時間,備註",
    "A1,王一,1980/01/15,BGS,所長,副科,男,{id},是,優秀,5,2000.07,x",
    "A2,李四,1985-02-03,匯豐派出所,民警,科員,女,,否,稱職,0,2005年3月1日,",
    "A3,周五,1990-03-04,PCS-XX,社區民警,正科,男,,,,,,z",
]


def _text(lines, resident_id) -> str:
    return "\n".join(lines).replace("{id}", resident_id("19800115")) + "\n"


def _expected_officers(roster) -> None:
    o = roster.officers
    assert o["officer_id"].to_list() == ["A1", "A2", "A3"]
    assert o["_row"].to_list() == [2, 3, 4]
    assert o["birth_date"].to_list() == [D(1980, 1, 15), D(1985, 2, 3), D(1990, 3, 4)]
    assert o["unit"].to_list() == ["BGS", "PCS-HF", "PCS-XX"]
    assert o["post"].to_list() == ["station_head", "officer", "community_officer"]
    assert o["rank"].to_list() == ["deputy_section", "staff", "chief_section"]
    assert o["sex"].to_list() == ["M", "F", "M"]
    assert o["special_post"].to_list() == [True, False, False]  # empty flag is false
    assert o["appraisal"].to_list() == ["excellent", "competent", None]
    assert o["grassroots_years"].to_list() == [5.0, 0.0, None]
    assert o["joined_police"].to_list() == [D(2000, 7, 1), D(2005, 3, 1), None]
    assert o["exam_passed"].to_list() == [None, None, None]  # absent, not a flag: unknown
    assert o["_valid"].to_list() == [True, True, True]
    assert roster.issues == []


@pytest.fixture
def english(load, resident_id):
    roster = load("en.csv", _text(ENGLISH, resident_id))
    _expected_officers(roster)
    return roster


def test_utf8(english):
    assert english.table.encoding == "utf-8"
    assert english.table.headers[-1] == "note"
    assert english.table.frame["c12"].to_list() == ["x", None, "z"]  # passed through untouched


def test_utf8_with_bom(load, english, resident_id):
    roster = load("bom.csv", "\ufeff" + _text(ENGLISH, resident_id))
    assert roster.table.encoding == "utf-8-sig"
    assert roster.table.headers[0] == "officer_id"
    assert_frame_equal(roster.officers, english.officers)


def test_gb18030_simplified(load, english, resident_id):
    roster = load("zh.csv", _text(SIMPLIFIED, resident_id).encode("gb18030"))
    assert roster.table.encoding == "gb18030"
    assert roster.table.headers[-1] == "备注"
    assert_frame_equal(roster.officers, english.officers)


def test_traditional_headers(load, english, resident_id):
    roster = load("tw.csv", _text(TRADITIONAL, resident_id))
    assert roster.table.headers[-1] == "備註"
    assert_frame_equal(roster.officers, english.officers)


def test_utf16_with_bom(load, english, resident_id):
    roster = load("u16.csv", _text(ENGLISH, resident_id).encode("utf-16"))
    assert roster.table.encoding == "utf-16"
    assert_frame_equal(roster.officers, english.officers)


def test_xlsx(tmp_path, load, english, resident_id):
    xlsxwriter = pytest.importorskip("xlsxwriter")
    path = tmp_path / "roster.xlsx"
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet()
    date = book.add_format({"num_format": "yyyy-mm-dd"})
    header = ENGLISH[0].split(",")
    sheet.write_row(0, 0, header)
    rows = [
        [
            "A1",
            "王一",
            dt.datetime(1980, 1, 15),
            "BGS",
            "station_head",
            "deputy_section",
            "M",
            resident_id("19800115"),
            True,
            "excellent",
            5,
            dt.datetime(2000, 7, 1),
            "x",
        ],
        # birth date as a plain serial number in a cell not formatted as a date
        [
            "A2",
            "李四",
            (D(1985, 2, 3) - D(1899, 12, 30)).days,
            "匯豐派出所",
            "民警",
            "科员",
            "女",
            None,
            False,
            "competent",
            0,
            dt.datetime(2005, 3, 1),
            None,
        ],
        [
            "A3",
            "周五",
            "1990-03-04",
            "PCS-XX",
            "community_officer",
            "chief_section",
            "M",
            None,
            None,
            None,
            None,
            None,
            "z",
        ],
    ]
    for r, values in enumerate(rows, start=1):
        for c, v in enumerate(values):
            if v is None:
                continue
            if isinstance(v, dt.datetime):
                sheet.write_datetime(r, c, v, date)
            elif isinstance(v, bool):
                sheet.write_boolean(r, c, v)
            elif isinstance(v, int):
                sheet.write_number(r, c, v)
            else:
                sheet.write_string(r, c, v)
    book.close()
    roster = load("copy.xlsx", path.read_bytes())
    assert roster.table.format == "xlsx"
    assert roster.table.headers[-1] == "note"
    assert_frame_equal(roster.officers, english.officers)


# --- values ---------------------------------------------------------------------------


DATE_FORMS = [
    ("2000-07-15", D(2000, 7, 15)),
    ("2000/07/15", D(2000, 7, 15)),
    ("2000/7/5", D(2000, 7, 5)),
    ("20000715", D(2000, 7, 15)),
    ("2000.07.15", D(2000, 7, 15)),
    ("2000年7月15日", D(2000, 7, 15)),
    ("2000-07", D(2000, 7, 1)),
    ("2000.07", D(2000, 7, 1)),
    ("2000年7月", D(2000, 7, 1)),
    ("２０００－０７－１５", D(2000, 7, 15)),
    ("  2000-07-15\u3000", D(2000, 7, 15)),
]


def test_date_forms(load):
    lines = [MINIMAL + ",joined_police"]
    lines += [
        f"A{i},n,1980-01-01,BGS,officer,staff,{text}" for i, (text, _) in enumerate(DATE_FORMS)
    ]
    roster = load("dates.csv", "\n".join(lines) + "\n")
    assert roster.issues == []
    got = dict(zip(roster.officers["officer_id"], roster.officers["joined_police"], strict=True))
    assert got == {f"A{i}": want for i, (_, want) in enumerate(DATE_FORMS)}


@pytest.mark.parametrize(
    "text",
    [
        "2000-13-01",
        "2000-02-30",
        "15/07/2000",
        "July 2000",
        "2000年",
        "0",
        "1899-12-31",
        "2101-01-01",
        "0001-01-01",
        "9999-12-31",
    ],
)
def test_bad_date_is_invalid_row(load, text):
    roster = load("d.csv", f"{MINIMAL},joined_police\nA1,n,1980-01-01,BGS,officer,staff,{text}\n")
    assert roster.issues == [
        {
            "officer_id": "A1",
            "row": 2,
            "code": "invalid_row",
            "rule_id": None,
            "field": "joined_police",
            "message": f"row 2: joined_police '{text}' is not a date",
        }
    ]
    assert valid(roster) == {"A1": False}


BOOL_FORMS = [
    ("true", True),
    ("false", False),
    ("TRUE", True),
    ("yes", True),
    ("no", False),
    ("Y", True),
    ("n", False),
    ("1", True),
    ("0", False),
    ("是", True),
    ("否", False),
    ("√", True),
    ("×", False),
    ("１", True),
    (" 是 ", True),
    ("", None),
]


def test_boolean_forms(load):
    lines = [MINIMAL + ",exam_passed,awarded"]
    lines += [
        f"A{i},n,1980-01-01,BGS,officer,staff,{text},{text}"
        for i, (text, _) in enumerate(BOOL_FORMS)
    ]
    roster = load("bools.csv", "\n".join(lines) + "\n")
    assert roster.issues == []
    assert roster.officers["exam_passed"].to_list() == [want for _, want in BOOL_FORMS]
    # awarded is a yes/no flag: empty is false, not unknown
    assert roster.officers["awarded"].to_list() == [bool(want) for _, want in BOOL_FORMS]


def test_bad_boolean_is_invalid_row(load):
    roster = load("b.csv", f"{MINIMAL},exam_passed\nA1,n,1980-01-01,BGS,officer,staff,maybe\n")
    assert [(e["row"], e["code"], e["field"], e["message"]) for e in roster.issues] == [
        (2, "invalid_row", "exam_passed", "row 2: exam_passed 'maybe' is not yes/no")
    ]


def test_full_width_digits_and_blanks(load):
    roster = load(
        "fw.csv",
        f"{MINIMAL},grassroots_years\n"
        " Ａ1 ,\u3000王一\u3000,１９８０年１月１５日, BGS ,officer,staff,１２\n",
    )
    assert roster.issues == []
    o = roster.officers.row(0, named=True)
    assert o["name"] == "王一"
    assert o["birth_date"] == D(1980, 1, 15)
    assert o["unit"] == "BGS"
    assert o["grassroots_years"] == 12.0


def test_wishes_split_and_resolved(load):
    roster = load(
        "w.csv", f"{MINIMAL},wishes\nA1,n,1980-01-01,BGS,officer,staff,PCS-HF；西郊派出所、BGS\n"
    )
    assert roster.issues == []
    assert roster.officers["wishes"].to_list() == [["PCS-HF", "PCS-XX", "BGS"]]


def test_unknown_wish(load):
    roster = load("w.csv", f"{MINIMAL},wishes\nA1,n,1980-01-01,BGS,officer,staff,PCS-HF;NOPE\n")
    assert [(e["code"], e["field"]) for e in roster.issues] == [("unknown_unit", "wishes")]


def test_declared_extra_column(load):
    extras = {
        "education": (FieldType("enum", ("bachelor", "master")), ("学历",)),
        "score": (FieldType("number"), ()),
    }
    roster = load(
        "x.csv",
        f"{MINIMAL},学历,score,other\n"
        "A1,n,1980-01-01,BGS,officer,staff,master,88,k\n"
        "A2,n,1980-01-01,BGS,officer,staff,phd,,k\n",
        extras,
    )
    assert roster.officers["education"].to_list() == ["master", None]
    assert roster.officers["score"].to_list() == [88.0, None]
    assert [(e["officer_id"], e["field"], e["message"]) for e in roster.issues] == [
        ("A2", "education", "row 3: education 'phd' is not one of bachelor/master")
    ]
    assert "other" not in roster.officers.columns and roster.table.headers[-1] == "other"


@pytest.mark.parametrize("name", ["row", "dup", "c2", "c0", "empty", "raw", "value"])
def test_extra_fields_may_share_names_with_the_loaders_own(load, name):
    """The loader's own columns hold ':' (or begin with '_'), which field names may not."""
    extras = {name: (FieldType("number"), ())}
    roster = load(
        "x.csv",
        f"{MINIMAL},{name}\nA1,n,1980-01-01,BGS,officer,staff,abc\n"
        "A2,n,1980-01-02,BGS,officer,staff,4\n",
        extras,
    )
    assert roster.officers[name].to_list() == [None, 4.0]
    assert roster.officers["birth_date"].to_list() == [D(1980, 1, 1), D(1980, 1, 2)]
    assert [(e["field"], e["message"]) for e in roster.issues] == [
        (name, f"row 2: {name} 'abc' is not a number ≥ 0")
    ]


# --- resident ID ----------------------------------------------------------------------


def test_resident_id_valid(load, resident_id):
    roster = load(
        "id.csv",
        f"{MINIMAL},id_number\n"
        f"A1,n,1980-01-15,BGS,officer,staff,{resident_id('19800115')}\n"
        "A2,n,1985-02-03,BGS,officer,staff,11010519850203100x\n",
    )
    assert roster.issues == []
    assert roster.officers["id_number"].to_list() == [resident_id("19800115"), "11010519850203100X"]


def test_resident_id_wrong_check_digit(load, resident_id):
    good = resident_id("19800115")
    bad = good[:-1] + ("1" if good[-1] != "1" else "2")
    roster = load("id.csv", f"{MINIMAL},id_number\nA1,n,1980-01-15,BGS,officer,staff,{bad}\n")
    assert roster.issues == [
        {
            "officer_id": "A1",
            "row": 2,
            "code": "invalid_row",
            "rule_id": None,
            "field": "id_number",
            "message": f"row 2: id_number '{bad}' is not a valid resident ID",
        }
    ]


@pytest.mark.parametrize(
    "text", ["12345", "11010519800115123", "1101051980011512345", "ABCDEFGHIJKLMNOPQR"]
)
def test_resident_id_bad_shape(load, text):
    roster = load("id.csv", f"{MINIMAL},id_number\nA1,n,1980-01-15,BGS,officer,staff,{text}\n")
    assert [(e["code"], e["field"]) for e in roster.issues] == [("invalid_row", "id_number")]


def test_resident_id_birth_date_mismatch(load, resident_id):
    roster = load(
        "id.csv",
        f"{MINIMAL},id_number\nA1,n,1980-01-16,BGS,officer,staff,{resident_id('19800115')}\n",
    )
    assert roster.issues == [
        {
            "officer_id": "A1",
            "row": 2,
            "code": "data_conflict",
            "rule_id": None,
            "field": "id_number",
            "message": "row 2: id_number's birth date does not agree with birth_date",
        }
    ]
    assert valid(roster) == {"A1": False}


# --- bad rows -------------------------------------------------------------------------


def test_bad_rows_become_entries_and_others_load(load):
    roster = load(
        "bad.csv",
        "\n".join(
            [
                MINIMAL,
                "A1,甲,1980-01-15,BGS,officer,staff",  # row 2: good
                "A2,,1980-01-15,BGS,officer,staff",  # row 3: empty name
                "A3,丙,1980-13-45,BGS,officer,staff",  # row 4: bad date
                "A4,丁,1980-01-15,NOPE,officer,staff",  # row 5: unknown unit
                "A1,戊,1980-01-15,BGS,officer,staff",  # row 6: duplicate id
                "A6,己,1980-01-15,BGS,officer,deputy_sectoin",  # row 7: unknown term
                "A7,庚,1980-01-15,匯豐派出所,所长,副科",  # row 8: good
            ]
        )
        + "\n",
    )
    got = [(e["officer_id"], e["row"], e["code"], e["field"], e["message"]) for e in roster.issues]
    assert got == [
        ("A1", 6, "duplicate_id", "officer_id", "row 6: officer_id 'A1' appears on an earlier row"),
        ("A2", 3, "invalid_row", "name", "row 3: name is empty"),
        ("A3", 4, "invalid_row", "birth_date", "row 4: birth_date '1980-13-45' is not a date"),
        ("A4", 5, "unknown_unit", "unit", "row 5: unit 'NOPE' is not in the units file"),
        (
            "A6",
            7,
            "invalid_row",
            "rank",
            "row 7: rank 'deputy_sectoin' is not in the vocabulary "
            "(did you mean 'deputy_section' or 'deputy_division'?)",
        ),
    ]
    o = roster.officers
    assert o["_row"].to_list() == [2, 3, 4, 5, 6, 7, 8]  # nothing is lost
    assert o.filter(pl.col("_valid"))["_row"].to_list() == [2, 8]
    assert o.filter(pl.col("_row") == 8).row(0, named=True)["unit"] == "PCS-HF"


def test_empty_required_officer_id(load):
    roster = load(
        "b.csv",
        f"{MINIMAL}\n,甲,1980-01-15,BGS,officer,staff\nA2,乙,1980-01-15,BGS,officer,staff\n",
    )
    assert [(e["officer_id"], e["row"], e["code"], e["field"]) for e in roster.issues] == [
        (None, 2, "invalid_row", "officer_id")
    ]
    assert roster.officers["_valid"].to_list() == [False, True]


def test_unknown_term_names_closest(load):
    roster = load("t.csv", f"{MINIMAL}\nA1,甲,1980-01-15,BGS,officer,deputy_sectoin\n")
    assert "deputy_section" in roster.issues[0]["message"]


def test_blank_rows_skipped_but_numbered(load):
    roster = load(
        "b.csv",
        f"{MINIMAL}\nA1,n,1980-01-01,BGS,officer,staff\n,,,,,\nA2,n,1980-01-01,BGS,officer,staff\n",
    )
    assert roster.officers["_row"].to_list() == [2, 4]
    assert roster.issues == []


def test_ragged_row(load):
    roster = load(
        "r.csv",
        f"{MINIMAL}\nA1,n,1980-01-01,BGS,officer,staff\nA2,n,1980-01-01,BGS,officer,staff,extra\n",
    )
    assert [
        (e["officer_id"], e["row"], e["code"], e["field"], e["message"]) for e in roster.issues
    ] == [("A2", 3, "invalid_row", None, "row 3: row has 7 cells, the header has 6")]


def test_birth_after_as_of(load):
    roster = load("b.csv", f"{MINIMAL}\nA1,n,2030-01-01,BGS,officer,staff\n", as_of=D(2026, 10, 1))
    assert [(e["code"], e["field"], e["message"]) for e in roster.issues] == [
        (
            "invalid_row",
            "birth_date",
            "row 2: birth_date '2030-01-01' is after the as-of date 2026-10-01",
        )
    ]


# --- bad files ------------------------------------------------------------------------


def test_empty_file(refuse):
    assert refuse("e.csv", b"") == "FILE: roster-empty: the file is empty"
    assert refuse("e.csv", b" \n\n") == "FILE: roster-empty: the file is empty"


def test_binary_file(refuse):
    assert refuse("b.csv", b"officer_id,name\x00\x01\n") == (
        "FILE: roster-binary: the file is binary (contains NUL bytes); save it as CSV or XLSX"
    )


def test_no_required_columns(refuse):
    assert refuse("n.csv", "x,y\n1,2\n") == (
        "FILE:1: missing-column: required column missing: officer_id (警號/警号); name (姓名); "
        "birth_date (出生日期/出生年月); unit (單位/单位); post (職務/职务); rank (職級/职级); "
        "is this a roster?"
    )


def test_some_required_columns_missing(refuse):
    assert refuse(
        "n.csv", "officer_id,name,birth_date,unit,post\nA1,n,1980-01-01,BGS,officer\n"
    ) == ("FILE:1: missing-column: required column missing: rank (職級/职级); is this a roster?")


def test_duplicate_headers(refuse):
    assert refuse("d.csv", f"{MINIMAL},rank\n") == (
        "FILE:1:7: duplicate-header: header 'rank' appears twice (columns 6 and 7)"
    )
    assert refuse("d.csv", f"{MINIMAL},姓名\n") == (
        "FILE:1:7: duplicate-header: columns 2 'name' and 7 '姓名' both give name"
    )


def test_missing_file(tmp_path, units):
    with pytest.raises(InputError) as info:
        read_roster(tmp_path / "nope.csv", units, Vocabulary(), {}, None)
    assert str(info.value) == f"{tmp_path}/nope.csv: roster-missing: no such file"


def test_broken_xlsx(refuse):
    message = refuse("x.xlsx", b"PK\x03\x04 not really a zip")
    assert message.startswith("FILE: roster-unreadable: not a readable XLSX workbook")


def test_undecodable_text(refuse):
    assert refuse("g.csv", b"officer_id,name\n\x81\x20\n").startswith("FILE:2: roster-encoding: ")


def test_header_only_roster(load):
    # regression: used to crash in parse_roster (a polars Null-typed mask)
    roster = load("h.csv", MINIMAL + "\n")
    assert roster.officers.height == 0
    assert roster.issues == []


def test_lone_carriage_return_in_ragged_csv(load):
    data = f"{MINIMAL}\nA1,x\ry,1980-01-01,BGS,officer,staff,extra\n".encode()
    try:
        roster = load("cr.csv", data)
    except InputError:
        return
    assert [e["row"] for e in roster.issues] == [2]


def test_headers_match_case_insensitively_after_trimming(load):
    roster = load(
        "h.csv",
        " Officer_ID ,NAME,Birth_Date,部门(队、所), POST ,Rank,Note\n"
        "A1,n,1980-01-01,BGS,officer,staff,x\n",
    )
    assert roster.issues == []
    assert roster.columns == {
        "officer_id": 0,
        "name": 1,
        "birth_date": 2,
        "unit": 3,
        "post": 4,
        "rank": 5,
    }
    assert roster.table.headers[6] == "Note"


@pytest.mark.parametrize("text", ["nan", "inf", "1e400"])
def test_non_finite_number_is_invalid_row(load, text):
    roster = load(
        "n.csv", f"{MINIMAL},grassroots_years\nA1,n,1980-01-01,BGS,officer,staff,{text}\n"
    )
    assert [(e["code"], e["field"]) for e in roster.issues] == [("invalid_row", "grassroots_years")]


def test_two_empty_officer_ids_are_not_duplicates(load):
    roster = load(
        "e.csv", f"{MINIMAL}\n,a,1980-01-01,BGS,officer,staff\n,b,1980-01-01,BGS,officer,staff\n"
    )
    assert [(e["row"], e["code"], e["field"]) for e in roster.issues] == [
        (2, "invalid_row", "officer_id"),
        (3, "invalid_row", "officer_id"),
    ]


def test_typed_cells_of_blanks_only_are_empty_not_bad(load):
    """Typed cells are parsed untrimmed; one of spaces only is empty (a required one says so)."""
    roster = load(
        "b.csv",
        f"{MINIMAL},joined_police,special_post,grassroots_years\n"
        "A1,n,1980-01-01,BGS,officer,staff,   ,  , \n"
        "A2,n,   ,BGS,officer,staff,2000-01-01,true,3\n",
    )
    assert [(e["officer_id"], e["code"], e["message"]) for e in roster.issues] == [
        ("A2", "invalid_row", "row 3: birth_date is empty")
    ]
    first = roster.officers.row(0, named=True)
    assert (first["joined_police"], first["special_post"], first["grassroots_years"]) == (
        None,
        False,
        None,
    )


def test_padded_typed_cells_read_by_the_slow_path(load):
    roster = load(
        "p.csv",
        f"{MINIMAL},joined_police,exam_passed\n"
        "A1,n, 1980-01-01 ,BGS, officer ,staff, 2000-02-03 , Yes \n",
    )
    assert roster.issues == []
    row = roster.officers.row(0, named=True)
    assert (row["birth_date"], row["post"], row["joined_police"], row["exam_passed"]) == (
        D(1980, 1, 1),
        "officer",
        D(2000, 2, 3),
        True,
    )


def test_full_width_scan_finds_the_sequence_and_gives_up_safely():
    from placement.load.roster.read import _has

    assert _has("ab\uff11".encode(), b"\xef", b"\xbc")
    assert not _has("plain ascii, 中文".encode(), b"\xef", b"\xbc")
    near = "\uffe5" * 50  # lead byte 0xEF, then 0xBF: a near miss each time
    assert not _has(near.encode(), b"\xef", b"\xbc")
    assert _has(
        near.encode(), b"\xef", b"\xbc", limit=10
    )  # past the limit it may: fold, to be safe
