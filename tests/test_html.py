"""The committee report (`render_html`): escaping, masking, languages, no external
references, the charts; and the shipped scenario's page in headless Chromium."""

from __future__ import annotations

import csv
import datetime as dt
import json
import re
import subprocess
import sys
import warnings
from pathlib import Path

import pytest
import yaml

from placement.report.html import mask, render_html

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = Path("/usr/bin/chromium")

# Anything that would make the page fetch something: URLs, protocol-relative
# paths, src/href attributes, CSS url() and @import, scripts, links, frames.
EXTERNAL = re.compile(
    r"(?i)(https?:|ftp:|//[\w.-]+\.\w|\bsrc\s*=|\bhref\s*=|url\s*\(|@import|"
    r"<script|<link|<iframe|<object|<embed|<img|<image)"
)

ID = "110105199001011234"
ID_X = "11010519900101123X"


def small_doc() -> dict:
    return {
        "ruleset": "Test rules <b>",
        "as_of": "2026-10-01",
        "inputs": {
            "roster": {"path": "roster.csv", "sha256": "ab" * 32, "rows": 4},
            "rules": {"sha256": "cd" * 32},
            "units": {"sha256": "ef" * 32},
        },
        "summary": {
            "officers": 4,
            "transfers": 2,
            "post_changes": 1,
            "flags": 1,
            "exceptions": 2,
            "exceptions_by_code": {"data_conflict": 1, "exempt": 1},
            "grassroots_share": {"before": 0.5, "after": 0.75},
            "targets": [
                {
                    "id": "share",
                    "title": "Grassroots share ≥ 70%",
                    "value_before": 0.5,
                    "value_after": 0.75,
                    "met_after": True,
                },
                {
                    "id": "quota",
                    "title": "Award quota",
                    "value_before": 0.2,
                    "value_after": 0.3,
                    "met_after": False,
                },
            ],
            "allowance_monthly_total": {"before": 1000, "after": 1240},
        },
        "transfers": [
            {
                "officer_id": "A1",
                "name": "<script>alert(1)</script>",
                "from_unit": "OLD",
                "to_unit": "ORG",
                "from_post": "officer",
                "to_post": "officer",
                "rule_id": "unit_merge",
                "rule_title": "unit merge",
                "reason": "OLD merged into ORG",
            },
            {
                "officer_id": "A2",
                "name": "张三",
                "from_unit": "ORG",
                "to_unit": "ST",
                "from_post": "section_chief",
                "to_post": "officer",
                "rule_id": "down",
                "rule_title": "Young organ officers go down",
                "reason": f"id number {ID} checked; age 28",
            },
            {
                "officer_id": "A4",
                "name": "李四",
                "from_unit": "ST",
                "to_unit": "ST",
                "from_post": "station_head",
                "to_post": "instructor",
                "rule_id": "head-to-instructor",
                "rule_title": "Old heads become instructors",
                "reason": "age 50",
            },
        ],
        "flags": [
            {
                "officer_id": "A2",
                "code": "promotion_ineligible",
                "rule_id": "promo",
                "reason": "grassroots_years 0",
            }
        ],
        "exceptions": [
            {
                "officer_id": "A3",
                "row": 4,
                "code": "data_conflict",
                "rule_id": None,
                "field": "id_number",
                "message": f"身份证号{ID_X}与出生日期不符",
            },
            {
                "officer_id": "A5",
                "row": 6,
                "code": "exempt",
                "rule_id": "down",
                "field": None,
                "message": "exempt from down: special_talent yes",
            },
        ],
        "units": [
            {
                "unit_id": "ORG",
                "name": "机关<科>",
                "before": 3,
                "after": 3,
                "capacity": 4,
                "min_staff": 1,
            },
            {
                "unit_id": "OLD",
                "name": "旧科",
                "before": 1,
                "after": 0,
                "capacity": 2,
                "min_staff": 0,
            },
            {
                "unit_id": "ST",
                "name": "派出所",
                "before": 2,
                "after": 3,
                "capacity": 2,
                "min_staff": 1,
            },
            {
                "unit_id": "EMPTY",
                "name": "空单位",
                "before": 0,
                "after": 0,
                "capacity": 5,
                "min_staff": 0,
            },
        ],
    }


SMALL_AGES = {
    "organ": {"before": [24, 28, 45, 52], "after": [45, 52, 60]},
    "grassroots": {"before": [31, 33], "after": [24, 28, 31, 33]},
}


def svg(page: str, chart_id: str) -> str:
    m = re.search(rf'<svg id="{chart_id}".*?</svg>', page, re.S)
    assert m, f"chart {chart_id} missing"
    return m.group(0)


def test_user_text_is_escaped():
    page = render_html(small_doc())
    assert "<script" not in page.lower()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "Test rules &lt;b&gt;" in page and "<b>Test" not in page
    assert "机关&lt;科&gt;" in page


def test_resident_ids_are_masked_everywhere():
    for lang in ("en", "zh"):
        page = render_html(small_doc(), lang)
        assert ID not in page and ID_X not in page
        assert "110105********1234" in page
        assert "110105********123X" in page
    assert mask(f"a{ID}b") == "a110105********1234b"
    assert mask("1234567") == "1234567"
    assert mask("1" * 19) == "1" * 19  # not an 18-character ID number


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_no_external_references(lang):
    page = render_html(small_doc(), lang, SMALL_AGES)
    assert not EXTERNAL.findall(page)
    assert page.startswith("<!DOCTYPE html>") and '<meta charset="utf-8">' in page


def test_english_labels():
    page = render_html(small_doc(), "en", SMALL_AGES)
    assert '<html lang="en">' in page
    for label in (
        "Transfer plan",
        "Summary",
        "Officers",
        "Transfers",
        "Post changes",
        "Flags",
        "Exceptions by code",
        "Grassroots share",
        "Targets",
        "Monthly allowances",
        "Headcount by unit",
        "Capacity",
        "Age profile",
        "Organ",
        "Grassroots",
        "Transfers by rule",
        "not met",
    ):
        assert label in page, label
    assert "调前" not in page and "调动方案" not in page


def test_chinese_labels():
    page = render_html(small_doc(), "zh", SMALL_AGES)
    assert '<html lang="zh-Hans">' in page
    for label in (
        "调动方案",
        "人员",
        "调动",
        "职务变动",
        "标记",
        "例外",
        "基层警力占比",
        "目标",
        "津贴",
        "单位",
        "调前",
        "调后",
        "编制",
        "年龄结构",
        "机关",
        "基层",
        "按规则分组的调动",
        "按类别分组的例外",
        "未达成",
        "数据矛盾",
        "所长",
        "教导员",
    ):
        assert label in page, label
    for english in ("Transfer plan", "Summary", "Before", "After", "Capacity", "Age profile"):
        assert english not in page, english


def test_summary_figures():
    page = render_html(small_doc())
    assert "50.0%" in page and "75.0%" in page and "+25.0 pts" in page
    assert "1,000" in page and "1,240" in page and "+240" in page
    assert "✔ met" in page and "✘ not met" in page
    assert "data_conflict</span> 1" in page and "exempt</span> 1" in page


def test_sections_in_order_and_grouped():
    page = render_html(small_doc(), "en", SMALL_AGES)
    order = [
        page.index(f'id="{s}"')
        for s in (
            "summary",
            "units",
            "chart-units",
            "ages",
            "chart-ages",
            "transfers",
            "exceptions",
        )
    ]
    assert order == sorted(order)
    transfers = page[page.index('id="transfers"') : page.index('id="exceptions"')]
    for rule_id in ("unit_merge", "down", "head-to-instructor"):
        assert f'<span class="id">{rule_id}</span>' in transfers
    assert "Young organ officers go down" in transfers
    exceptions = page[page.index('id="exceptions"') :]
    assert exceptions.index("data_conflict") < exceptions.index("exempt")


def test_unit_chart():
    chart = svg(render_html(small_doc()), "chart-units")
    assert re.search(r"<title[^>]*>[^<]+</title>", chart)
    assert "EMPTY" not in chart and "空单位" not in chart  # 0 before and 0 after: left out
    assert "merged into 机关&lt;科&gt; ORG" in chart  # dissolved unit shown as merged
    assert 'fill="#c0392b"' in chart  # ST is over capacity after the plan
    assert chart.count("<line") >= 2  # capacity ticks (ORG, ST) besides the grid


def test_age_chart_only_with_ages():
    assert 'id="chart-ages"' not in render_html(small_doc())
    page = render_html(small_doc(), "en", SMALL_AGES)
    chart = svg(page, "chart-ages")
    assert re.search(r"<title[^>]*>[^<]+</title>", chart)
    for band in ("20–24", "25–29", "45–49", "60–64"):
        assert band in chart
    assert "Organ: 4 → 3 officers" in chart and "Grassroots: 2 → 4 officers" in chart


# --- the shipped scenario in a real browser --------------------------------------------


def seed_ages(plan: dict) -> dict:
    """Ages on as_of of organ and grassroots officers, before and after the plan."""
    units = {
        u["id"]: u for u in yaml.safe_load((ROOT / "data/units.yaml").read_text("utf-8"))["units"]
    }

    def final(uid: str) -> str:
        while units[uid].get("merged_into"):
            uid = units[uid]["merged_into"]
        return uid

    def tier(uid: str) -> str:
        return "organ" if units[uid]["kind"] == "organ" else "grassroots"

    as_of = dt.date.fromisoformat(plan["as_of"])
    moved = {t["officer_id"]: t["to_unit"] for t in plan["transfers"]}
    ages = {t: {"before": [], "after": []} for t in ("organ", "grassroots")}
    with open(ROOT / "data/roster.csv", encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            if not r["birth_date"] or r["unit"] not in units:
                continue
            born = dt.date.fromisoformat(r["birth_date"])
            age = as_of.year - born.year - ((as_of.month, as_of.day) < (born.month, born.day))
            ages[tier(r["unit"])]["before"].append(age)
            ages[tier(moved.get(r["officer_id"], final(r["unit"])))]["after"].append(age)
    return ages


def chromium(args: list[str], profile: Path) -> subprocess.CompletedProcess:
    flags = [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={profile}",
        "--host-resolver-rules=MAP * ~NOTFOUND",
    ]
    return subprocess.run(
        [str(CHROMIUM), *flags, *args], capture_output=True, text=True, timeout=60
    )


# Chromium's own background traffic (update checks, clock sync), never the page's.
BROWSER_HOSTS = re.compile(
    r"^https?://[^/]*(google\.com|googleapis\.com|gstatic\.com|gvt1\.com)(:\d+)?/"
)


@pytest.mark.skipif(
    not CHROMIUM.exists(),
    reason="/usr/bin/chromium is missing: apt-get install chromium chromium-driver",
)
def test_shipped_scenario_in_headless_chromium(tmp_path):
    plan_path = tmp_path / "plan.json"
    subprocess.run(
        [
            sys.executable,
            "-c",
            "from placement.cli.main import main; main()",
            "plan",
            "data/roster.csv",
            "--format",
            "json",
            "-o",
            str(plan_path),
        ],
        cwd=ROOT,
        check=True,
        capture_output=True,
        timeout=120,
    )
    plan = json.loads(plan_path.read_text("utf-8"))
    ages = seed_ages(plan)
    assert sum(len(v["before"]) for v in ages.values()) > 300
    page = render_html(plan, "zh", ages)
    assert not EXTERNAL.findall(page)
    html_path = tmp_path / "plan.html"
    html_path.write_text(page, encoding="utf-8")
    url = html_path.as_uri()

    # Load it, with every request logged: the page is the only thing it fetches.
    dom = chromium(["--enable-logging=stderr", "--v=1", "--dump-dom", url], tmp_path / "profile")
    assert dom.returncode == 0, dom.stderr[-2000:]
    for chart_id in ("chart-units", "chart-ages"):
        assert f'id="{chart_id}"' in dom.stdout
    assert dom.stdout.count("<rect") > 100 and "</table>" in dom.stdout
    requested = re.findall(r"(?:NotifyBeforeURLRequest|FileURLLoader::Start): (\S+)", dom.stderr)
    if url not in requested:  # the verbose log changed format: only the static check holds
        warnings.warn("Chromium's --v=1 log lists no requests; request check skipped", stacklevel=1)
    extra = [u for u in requested if u != url and not BROWSER_HOSTS.match(u)]
    assert not extra, f"the page requested {extra}"
    assert "net::ERR_FILE_NOT_FOUND" not in dom.stderr

    # A4-sized screenshot (1240 × 1754 px is A4 at 150 dpi).
    png = tmp_path / "plan.png"
    shot = chromium(
        ["--hide-scrollbars", f"--screenshot={png}", "--window-size=1240,1754", url],
        tmp_path / "profile",
    )
    assert shot.returncode == 0, shot.stderr[-2000:]
    data = png.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert int.from_bytes(data[16:20], "big") == 1240 and int.from_bytes(data[20:24], "big") == 1754
    assert len(data) > 50_000  # a rendered page, not a blank one
