"""The leadership side of every plan report (SPEC §3, §4), on a hand-built plan document:
appointments and each unit's team in the terminal table, Markdown, HTML, the CSV folder and
the XLSX workbook, in English and Chinese; a plan without posts has none of it."""

from __future__ import annotations

import csv
import io
import json
import re

import jsonschema
import pytest
from post_plan_fixture import post_plan

from placement.cli.output import emit
from placement.documents import json_schema


def _emit(doc, fmt, tmp_path, lang, capsysbinary=None):
    out = tmp_path / {"table": "p.txt", "md": "p.md", "html": "p.html", "csv": "dir"}[fmt]
    emit(doc, "plan", fmt, str(out), [], lang)
    return out


def test_fixture_is_a_valid_plan_document():
    schema = json_schema("plan")
    jsonschema.validators.validator_for(schema)(schema).validate(
        json.loads(json.dumps(post_plan()))
    )


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_table_shows_teams_appointments_and_summary(tmp_path, lang):
    text = _emit(post_plan(), "table", tmp_path, lang).read_text(encoding="utf-8")
    if lang == "en":
        assert "appointments 3  vacancies 3 → 1  over establishment 1 → 1" in text
        assert "leadership teams" in text and "appointments (3)" in text
        assert "1 of 4" in text and "1 of 3 (1 unknown)" in text
        assert "staff → deputy_section" in text
        assert re.search(r"PCS-XS .*instructor .*vacant 1", text)
        assert re.search(r"section_chief .*over 2", text)
        assert "A005 B004" in text
        assert "to PCS-DJ as instructor" in text
    else:
        assert "任职 3  空缺 3 → 1  超职数 1 → 1" in text
        assert "领导班子" in text and "任职（3）" in text
        assert "4 人中第 1" in text and "副科 → 正科" in text
        assert "空缺 1" in text and "超配 2" in text and "满员" in text
        assert "调往 PCS-DJ任教导员" in text
        assert "filled" not in text and "vacant 1" not in text


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_markdown(tmp_path, lang):
    text = _emit(post_plan(), "md", tmp_path, lang).read_text(encoding="utf-8")
    if lang == "en":
        assert "- **appointments**: 3" in text and "- **vacancies_after**: 1" in text
        assert "## appointments (3)" in text and "## posts (5)" in text
        row = next(r for r in text.splitlines() if r.startswith("| PCS-DJ | station_head | A001"))
        assert "| deputy_section → chief_section | station-head | 1 of 4 | A005 B004 |" in row
        assert "| pin |" in next(r for r in text.splitlines() if "| instructor | A009 |" in r)
        assert "no_eligible" in text and "C001 C002 C003" in text
    else:
        assert "- **任职**: 3" in text and "- **调后空缺**: 1" in text
        assert "## 任职 (3)" in text and "## 领导职数 (5)" in text
        assert (
            "| 所长 | A001 | 張三 | PCS-DJ | 副所长 | 副科 → 正科 | station-head | 4 人中第 1 |"
            in text
        )
        assert "无符合条件人选" in text and "超职数" in text


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_html(tmp_path, lang):
    text = _emit(post_plan(), "html", tmp_path, lang).read_text(encoding="utf-8")
    assert 'id="teams"' in text and 'id="appointments"' in text
    if lang == "en":
        assert "Leadership teams" in text and "Proposed appointments (3)" in text
        assert "vacant 1" in text and "over 2" in text and "1 of 4" in text
        assert "3 appointments · vacancies 3 → <b>1</b>" in text
    else:
        assert "领导班子" in text and "拟任职人选 (3)" in text
        assert "4 人中第 1" in text and "空缺 1" in text and "超配 2" in text
        assert "副科" in text and "正科" in text and "空缺" in text


def test_csv_folder(tmp_path):
    out = _emit(post_plan(), "csv", tmp_path, "en")
    names = sorted(p.name for p in out.iterdir())
    assert "appointments.csv" in names and "posts.csv" in names

    def rows(name):
        return list(csv.DictReader(io.StringIO((out / name).read_text(encoding="utf-8-sig"))))

    appts = rows("appointments.csv")
    assert [a["officer_id"] for a in appts] == ["B002", "A001", "A009"]
    assert appts[1]["merit_position"] == "1" and appts[1]["merit_eligible"] == "4"
    assert appts[1]["alternates"] == "A005 B004" and appts[2]["merit_position"] == ""
    posts = rows("posts.csv")
    jjz = next(p for p in posts if p["unit_id"] == "JJZ")
    assert (jjz["over_before"], jjz["over_after"], jjz["vacant_after"]) == ("2", "2", "0")
    exc = rows("exceptions.csv")
    vac = next(e for e in exc if e["code"] == "vacancy")
    assert (vac["count"], vac["reason"], vac["unknown_candidates"]) == ("1", "no_eligible", "1")
    pins = rows("pins.csv")
    assert pins[0]["pin_post"] == "instructor"


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_xlsx_sheets(tmp_path, lang):
    import openpyxl

    out = tmp_path / "p.xlsx"
    emit(post_plan(), "plan", "xlsx", str(out), [], lang)
    book = openpyxl.load_workbook(out)
    want = ("appointments", "posts") if lang == "en" else ("任职", "领导职数")
    assert all(w in book.sheetnames for w in want)
    sheet = book[want[0]]
    head = [c.value for c in sheet[1]]
    assert head[:3] == (
        ["unit_id", "post", "officer_id"] if lang == "en" else ["单位", "职务", "警号"]
    )
    summary = {r[0].value: r[1].value for r in book[book.sheetnames[0]].iter_rows(min_row=2)}
    assert summary["vacancies after" if lang == "en" else "调后空缺"] == 1


def test_no_posts_no_leadership_side(tmp_path):
    doc = post_plan()
    del doc["appointments"]
    for k in ("appointments", "vacancies", "over_establishment"):
        del doc["summary"][k]
    for u in doc["units"]:
        del u["posts"]
    doc["exceptions"] = []
    doc["pins"] = []
    text = _emit(doc, "table", tmp_path, "en").read_text(encoding="utf-8")
    assert "leadership" not in text and "vacancies" not in text
    html = _emit(doc, "html", tmp_path, "en").read_text(encoding="utf-8")
    assert 'id="teams"' not in html and 'id="appointments"' not in html
    out = _emit(doc, "csv", tmp_path, "en")
    assert not (out / "appointments.csv").exists()
    header = (out / "exceptions.csv").read_text(encoding="utf-8-sig").splitlines()[0]
    assert header == "officer_id,row,code,rule_id,field,message"


def test_empty_posts_as_the_planner_writes_them(tmp_path):
    """A plan whose units establish no posts still carries `appointments: []`, `posts: []`
    and the summary counts (SPEC §4); its reports show no leadership side."""
    doc = post_plan()
    doc["appointments"] = []
    doc["summary"].update(
        appointments=0,
        vacancies={"before": 0, "after": 0},
        over_establishment={"before": 0, "after": 0},
    )
    for u in doc["units"]:
        u["posts"] = []
    doc["exceptions"] = []
    doc["pins"] = []
    text = _emit(doc, "table", tmp_path, "en").read_text(encoding="utf-8")
    assert "leadership" not in text and "vacancies" not in text
    html = _emit(doc, "html", tmp_path, "en").read_text(encoding="utf-8")
    assert 'id="teams"' not in html and 'id="appointments"' not in html
    out = _emit(doc, "csv", tmp_path, "en")
    assert not (out / "appointments.csv").exists() and not (out / "posts.csv").exists()


def test_seed_plan_teams_appointments_and_explain_agree(tmp_path, monkeypatch):
    """On the shipped scenario: appointments.csv holds every appointment, posts.csv's vacancies
    add up to the summary's, and `explain --post` lists each appointee as appointed at the merit
    position and among the eligible count the plan gives (two computations, one answer)."""
    from pathlib import Path

    from placement.commands.explain_post import explain_post
    from placement.load.inputs import load_inputs
    from placement.place.plan import make_plan

    monkeypatch.chdir(Path(__file__).resolve().parent.parent)
    inputs = load_inputs("data/roster.csv")
    plan = make_plan(inputs, [])
    if "appointments" not in plan:  # until the planner makes appointments (issue 14 §2)
        pytest.skip("the planner does not make appointments yet")
    assert plan["appointments"], "the seed plan makes appointments"
    out = _emit(plan, "csv", tmp_path, "en")

    def rows(name):
        return list(csv.DictReader(io.StringIO((out / name).read_text(encoding="utf-8-sig"))))

    assert [r["officer_id"] for r in rows("appointments.csv")] == [
        a["officer_id"] for a in plan["appointments"]
    ]
    posts = rows("posts.csv")
    s = plan["summary"]
    assert sum(int(p["vacant_before"]) for p in posts) == s["vacancies"]["before"]
    assert sum(int(p["vacant_after"]) for p in posts) == s["vacancies"]["after"]
    assert sum(int(p["over_after"]) for p in posts) == s["over_establishment"]["after"]
    for a in plan["appointments"]:
        if a["merit"] is None:
            continue
        doc = explain_post(inputs, f"{a['unit_id']}:{a['post']}", plan, None)
        mine = next(c for c in doc["candidates"] if c["officer_id"] == a["officer_id"])
        assert mine["appointed"] and mine["position"] == a["merit"]["position"]
        assert doc["eligible_policy"] == a["merit"]["eligible"]
        assert a["officer_id"] in doc["holders_after"]
    text = _emit(plan, "table", tmp_path, "zh").read_text(encoding="utf-8")
    assert "领导班子" in text and f"任职（{len(plan['appointments'])}）" in text
