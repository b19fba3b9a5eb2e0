#!/usr/bin/env python3
"""Write the seed scenario's roster files from a fixed random seed.

Run from anywhere:  python scripts/make_seed.py

Reads data/units.yaml and writes, in data/:
  roster.csv          UTF-8, English headers and terms
  roster_zh.csv       the same officers, GB18030, Chinese headers and terms,
                      units by name, dates in mixed Chinese spellings
  roster.xlsx         the same officers as roster.csv, real Excel dates
  pins.example.yaml   two manual decisions for `plan --pin`

The same run always writes the same bytes. Every officer a rule in rules/ is
meant to act on is placed here on purpose (see the groups below); the rest are
filled in at random so that no rule fires on them. Ages are completed years on
AS_OF. Needs only the standard library and xlsxwriter.
"""

from __future__ import annotations

import csv
import datetime as dt
import random
import re
from pathlib import Path

import xlsxwriter

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
AS_OF = dt.date(2026, 10, 1)
SEED = 20261001
MT_ARRIVAL = dt.date(2026, 7, 18)  # 7月18日,市局下派18名軍轉幹部
DISTRICTS = ["城區", "東郊", "西山", "南河"]

COLUMNS = [
    "officer_id",
    "name",
    "birth_date",
    "unit",
    "post",
    "rank",
    "sex",
    "id_number",
    "joined_police",
    "post_since",
    "grassroots_years",
    "special_post",
    "special_talent",
    "new_recruit",
    "long_term_illness",
    "military_transfer",
    "discipline_date",
    "exam_passed",
    "appraisal",
    "democratic_eval_passed",
    "promotion_candidate",
    "awarded",
    "home_district",
    "wishes",
    "squad",
]
ZH_COLUMNS = [
    "警号",
    "姓名",
    "出生日期",
    "单位",
    "职务",
    "职级",
    "性别",
    "身份证号",
    "参加公安工作时间",
    "任职时间",
    "基层工作年限",
    "特殊岗位",
    "特殊人才",
    "新录用",
    "长期患病",
    "军转干部",
    "最近处分时间",
    "业务考试合格",
    "考核等次",
    "民主测评",
    "拟提拔",
    "受表彰",
    "居住区县",
    "个人意愿",
    "中队",
]
DATE_FIELDS = {"birth_date", "joined_police", "post_since", "discipline_date"}
BOOL_FIELDS = {
    "special_post",
    "special_talent",
    "new_recruit",
    "long_term_illness",
    "military_transfer",
    "exam_passed",
    "democratic_eval_passed",
    "promotion_candidate",
    "awarded",
}
ZH_POST = {
    "station_head": "所长",
    "instructor": "教导员",
    "deputy_head": "副所长",
    "brigade_chief": "大队长",
    "deputy_brigade_chief": "副大队长",
    "squad_leader": "中队长",
    "section_chief": "科长",
    "deputy_section_chief": "副科长",
    "community_officer": "社区民警",
    "officer": "民警",
}
ZH_RANK = {
    "chief_division": "正处",
    "deputy_division": "副处",
    "chief_section": "正科",
    "deputy_section": "副科",
    "staff": "科员",
}
ZH_APPRAISAL = {
    "excellent": "优秀",
    "competent": "称职",
    "basically_competent": "基本称职",
    "incompetent": "不称职",
}
LEADER_POSTS = {"station_head", "brigade_chief", "instructor"}

# Officers per unit as the roster stands, before any merge (407 in all).
HEADCOUNT = {
    "BGS": 12,
    "ZZC": 28,
    "JJDC": 6,
    "JCK": 6,
    "ZHS": 4,
    "XCK": 3,
    "DCS": 3,
    "JCS": 2,
    "HQK": 2,
    "FZK": 10,
    "NBDD": 10,
    "ZADD": 14,
    "XZDD": 20,
    "XJDD": 16,
    "JJDD": 18,
    "KSS": 14,
    "GBDD": 6,
    "MBK": 4,
    "HZDD": 8,
    "JZDD": 8,
    "JDDD": 6,
    "XZDD-ZA": 6,
    "ZADD-XD": 5,
    "XJDD-TQ": 5,
    "JJDD-JD": 5,
    "PCS-HF": 24,
    "PCS-HCZ": 22,
    "PCS-DJ": 16,
    "PCS-NG": 17,
    "PCS-BM": 15,
    "PCS-DZ": 12,
    "PCS-LG": 11,
    "PCS-XS": 12,
    "PCS-SH": 11,
    "PCS-NH": 13,
    "PCS-MC": 12,
    "PCS-XJ": 8,
    "PCS-DG": 7,
    "PCS-GJ": 6,
}
# Hardship squads inside brigades (一傾斜): how many of each brigade's officers.
SQUADS = {"XZDD": ("technical", 5), "JJDD": ("accident", 6), "XJDD": ("rapid_response", 6)}

SURNAMES = (
    "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董程曹袁邓许傅沈曾彭吕苏"
    "卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史"
    "顾侯邵孟龙段雷钱汤尹黎常武乔贺赖龚文牛温樊霍"
)
MALE_CHARS = (
    "伟强磊军勇杰涛斌超明刚平辉鹏华飞鑫波宁建国志俊峰浩亮林新海东晓文宏庆春永利卫兵成龙德彬凯宇晨旭"
)
FEMALE_CHARS = "芳娜敏静丽艳娟霞燕玲婷雪琳慧颖洁红梅莉萍倩晶丹蕾"
REGION_CODES = [
    "140105",
    "140106",
    "140107",
    "140108",
    "140109",
    "140110",
    "140121",
    "140122",
    "140181",
]


# --------------------------------------------------------------------------
# Units: data/units.yaml is one flow mapping per line, so a line parser will do
# (the script stays stdlib-only).


def load_units(path: Path) -> dict[str, dict]:
    units = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        m = re.match(r"\s*- \{(.*)\}\s*$", line)
        if not m:
            continue
        parts, depth, cur = [], 0, ""
        for ch in m.group(1):
            depth += ch == "["
            depth -= ch == "]"
            if ch == "," and depth == 0:
                parts.append(cur)
                cur = ""
            else:
                cur += ch
        parts.append(cur)
        unit = {}
        for part in parts:
            key, value = (s.strip() for s in part.split(":", 1))
            unit[key] = None if value == "null" else value
        units[unit["id"]] = unit
    for unit in units.values():
        final = unit
        while final["merged_into"]:
            final = units[final["merged_into"]]
        unit["final"] = final["id"]
        unit["tier"] = "organ" if final["kind"] == "organ" else "grassroots"
    return units


# --------------------------------------------------------------------------
# Who is in the roster on purpose. P(unit, post, rank, age, key=..., **fields):
# a field given here is used as is (None = empty cell); the others are drawn.

SPECS: list[dict] = []


def P(unit, post, rank, age, key=None, **fields):
    SPECS.append({"unit": unit, "post": post, "rank": rank, "age": age, "key": key, **fields})


def build_specs() -> None:
    # Organ cadres who stay (16): section chiefs, older deputies and staff.
    P("BGS", "section_chief", "chief_section", 52)
    # promotion candidate who never served in grassroots → promotion_ineligible
    P(
        "BGS",
        "deputy_section_chief",
        "deputy_section",
        45,
        promotion_candidate=True,
        grassroots_years=0,
    )
    P("BGS", "officer", "staff", 48, awarded=True)
    P("ZHS", "section_chief", "chief_section", 55)  # 原指揮室主任
    P("ZHS", "officer", "deputy_section", 44)
    P("ZZC", "section_chief", "chief_section", 50)
    P("ZZC", "deputy_section_chief", "deputy_section", 43)
    P("XCK", "section_chief", "chief_section", 47)
    P("JJDC", "section_chief", "chief_section", 49)
    P("JJDC", "officer", "deputy_section", 46)
    P("DCS", "section_chief", "chief_section", 45)
    P("JCS", "section_chief", "chief_section", 56)  # 原監察室主任
    P("JCS", "deputy_section_chief", "deputy_section", 53)  # 原監察室副主任
    P("JCK", "section_chief", "chief_section", 47)
    P("JCK", "officer", "staff", 38, special_post=True)  # accountant
    P("HQK", "section_chief", "chief_section", 51)

    # Iron rule 1a: organ deputy_section cadres aged ≤ 40 (13; 2 exempt).
    for unit, age, extra in [
        ("BGS", 40, {}),
        ("BGS", 36, {"key": "pin-move"}),
        ("BGS", 33, {"promotion_candidate": True, "grassroots_years": 0}),
        ("BGS", 38, {}),
        ("ZHS", 35, {}),
        ("ZZC", 39, {}),
        ("ZZC", 32, {"promotion_candidate": True, "grassroots_years": 0}),
        ("ZZC", 37, {"special_talent": True}),  # exempt: 特殊人才
        ("XCK", 34, {}),
        ("JJDC", 31, {}),
        ("JJDC", 40, {}),
        ("DCS", 36, {"special_post": True}),  # exempt: 特殊崗位
        ("JCK", 35, {}),
    ]:
        P(unit, "officer", "deputy_section", age, **extra)

    # Iron rule 1b: organ officers of rank staff aged ≤ 30 (13).
    for unit, age in [
        ("BGS", 30),
        ("BGS", 27),
        ("BGS", 25),
        ("ZHS", 29),
        ("ZZC", 28),
        ("ZZC", 26),
        ("ZZC", 30),
        ("XCK", 27),
        ("JJDC", 29),
        ("DCS", 26),
        ("JCK", 28),
        ("JCK", 24),
        ("HQK", 29),
    ]:
        P(unit, "officer", "staff", age)

    # Iron rule 4: new recruits in organ units (6) ... and 4 already in stations.
    for unit, age in [
        ("BGS", 23),
        ("BGS", 24),
        ("ZZC", 22),
        ("ZZC", 25),
        ("JJDC", 23),
        ("JCK", 24),
        ("PCS-HF", 23),
        ("PCS-NG", 24),
        ("PCS-XS", 22),
        ("PCS-MC", 25),
    ]:
        P(
            unit,
            "officer",
            "staff",
            age,
            new_recruit=True,
            recruit=True,
            appraisal=None,
            democratic_eval_passed=None,
        )

    # 18 military-transfer cadres in 政治處 awaiting placement (2 of them are
    # also deputies aged ≤ 40), and 3 placed years ago in complex stations.
    # None is a 副科 aged ≥ 45 or a 正科 aged ≥ 48: iron rule 3 would send
    # such a cadre straight back from the station to the organ.
    for rank, age, wishes in [
        ("deputy_section", 41, ["PCS-HF"]),
        ("deputy_section", 42, []),
        ("deputy_section", 43, ["PCS-HCZ"]),
        ("deputy_section", 43, []),
        ("deputy_section", 44, ["PCS-HF"]),
        ("deputy_section", 44, []),
        ("deputy_section", 42, ["PCS-HF", "PCS-HCZ"]),
        ("deputy_section", 41, []),
        ("deputy_section", 38, ["PCS-HCZ"]),
        ("deputy_section", 39, []),
        ("staff", 32, ["PCS-HF"]),
        ("staff", 33, []),
        ("staff", 35, ["PCS-HCZ", "PCS-HF"]),
        ("staff", 36, []),
        ("staff", 38, ["PCS-HF"]),
        ("staff", 40, []),
        ("chief_section", 44, []),
        ("chief_section", 47, ["PCS-HF"]),
    ]:
        P(
            "ZZC",
            "officer",
            rank,
            age,
            military_transfer=True,
            joined_police=MT_ARRIVAL,
            post_since=MT_ARRIVAL,
            grassroots_years=0,
            appraisal=None,
            democratic_eval_passed=None,
            wishes=wishes,
        )
    P("PCS-HF", "officer", "staff", 44, military_transfer=True)
    P("PCS-HF", "community_officer", "deputy_section", 42, military_transfer=True)
    P("PCS-HCZ", "officer", "staff", 50, military_transfer=True)

    # Stations: head (正科), instructor and deputies. Heads aged ≥ 43 are
    # recalled in June (DJ 43, DZ 46, XS 45, NH 50 — NH also ≥ 48); two
    # non-head 正科 ≥ 48 (HCZ instructor 49, SH 52) and two 副科 ≥ 45 (NG 46,
    # MC 47) go to the organ by iron rule 3. The leadership standards catch
    # NG (sanction 2025), LG (exam result unknown), SH (appraisal), MC (vote);
    # BM's sanction (2023) is too old to count.
    cand = {"promotion_candidate": True}
    head, instr, dep = "station_head", "instructor", "deputy_head"
    ch, dp = "chief_section", "deputy_section"
    P("PCS-HF", head, ch, 39)
    P("PCS-HF", instr, ch, 44)
    P("PCS-HF", dep, dp, 36, **cand)
    P("PCS-HF", dep, dp, 41)
    P("PCS-HCZ", head, ch, 41)
    P("PCS-HCZ", instr, ch, 49)
    P("PCS-HCZ", dep, dp, 38)
    P("PCS-DJ", head, ch, 43, wishes=["BGS"])
    P("PCS-DJ", instr, ch, 45)
    P("PCS-DJ", dep, dp, 40, **cand)
    P("PCS-NG", head, ch, 38, discipline_date=dt.date(2025, 6, 15))
    P("PCS-NG", instr, ch, 42)
    P("PCS-NG", dep, dp, 46)
    P("PCS-BM", head, ch, 42, discipline_date=dt.date(2023, 5, 10))
    P("PCS-BM", instr, ch, 46)
    P("PCS-BM", dep, dp, 37, **cand)
    P("PCS-DZ", head, ch, 46, wishes=["JJDC", "ZZC"])
    P("PCS-DZ", instr, ch, 40)
    P("PCS-DZ", dep, dp, 35, **cand)
    P("PCS-LG", head, ch, 36, exam_passed=None)  # missing data
    P("PCS-LG", instr, ch, 43)
    P("PCS-LG", dep, dp, 33, **cand)
    P("PCS-XS", head, ch, 45, key="pin-stay")
    P("PCS-XS", instr, ch, 47)
    P("PCS-XS", dep, dp, 39, **cand)
    P("PCS-SH", head, ch, 40)
    P("PCS-SH", instr, ch, 44, appraisal="basically_competent")
    P("PCS-SH", "officer", ch, 52)  # former head, no post
    P("PCS-NH", head, ch, 50, wishes=["BGS"])
    P("PCS-NH", instr, ch, 41)
    P("PCS-NH", dep, dp, 42)
    P("PCS-MC", head, ch, 37, democratic_eval_passed=False)
    P("PCS-MC", instr, ch, 39)
    P("PCS-MC", "community_officer", dp, 47)
    P("PCS-XJ", dep, dp, 44)  # dissolved stations
    P("PCS-DG", dep, dp, 41)
    P("PCS-GJ", dep, dp, 43)

    # Front-line units: one brigade_chief (一把手) each; ZADD 51, JJDD 49 and
    # KSS 50 become instructors (June). XJDD's chief failed the exam; NBDD's
    # deputy is a promotion candidate whose grassroots years are unknown.
    bc, ins, dbc, sq = "brigade_chief", "instructor", "deputy_brigade_chief", "squad_leader"
    P("FZK", bc, ch, 44)
    P("FZK", "officer", "staff", 32, **cand)
    P("NBDD", bc, ch, 46)
    P("NBDD", ins, ch, 50)
    P("NBDD", dbc, dp, 42, grassroots_years=None, **cand)  # missing data
    P("ZADD", bc, ch, 51)
    P("ZADD", ins, ch, 47)
    P("ZADD", dbc, dp, 44)
    P("XZDD", bc, ch, 47)
    P("XZDD", ins, ch, 45)
    P("XZDD", dbc, dp, 43)
    P("XZDD", sq, dp, 38, discipline_date=dt.date(2025, 12, 1), **cand)
    P("XZDD", sq, dp, 41, squad="technical")
    P("XJDD", bc, ch, 41, exam_passed=False)
    P("XJDD", ins, ch, 44)
    P("XJDD", sq, dp, 35, **cand)
    P("XJDD", sq, dp, 37, squad="rapid_response")
    P("JJDD", bc, ch, 49)
    P("JJDD", ins, ch, 46)
    P("JJDD", dbc, dp, 45)
    P("JJDD", sq, dp, 36, **cand)
    P("JJDD", sq, dp, 40, squad="accident")
    P("KSS", bc, ch, 50)
    P("KSS", ins, ch, 48)
    P("KSS", dbc, dp, 44)
    P("GBDD", dbc, dp, 48)  # dissolved units
    P("MBK", "section_chief", dp, 45)
    P("HZDD", dbc, dp, 47)
    P("JZDD", dbc, dp, 44)
    P("JDDD", dbc, dp, 42)
    P("XZDD-ZA", sq, dp, 39)
    P("ZADD-XD", sq, dp, 41)
    P("XJDD-TQ", sq, dp, 36)
    P("JJDD-JD", sq, dp, 43)

    # 11 long-term ill officers, each serving outside their home district.
    for unit, age, home, wishes in [
        ("PCS-DJ", 52, "東郊", ["PCS-LG"]),
        ("PCS-NG", 47, "東郊", []),
        ("PCS-BM", 55, "西山", []),
        ("XZDD", 49, "南河", []),
        ("JJDD", 44, "南河", []),
        ("KSS", 50, "西山", []),
        ("PCS-NH", 46, "西山", ["PCS-SH"]),
        ("PCS-MC", 53, "東郊", []),
        ("PCS-XS", 41, "南河", ["PCS-MC"]),
        ("PCS-DZ", 54, "城區", ["FZK"]),
        ("PCS-SH", 48, "城區", ["ZADD", "FZK"]),
    ]:
        P(unit, "officer", "staff", age, long_term_illness=True, home_district=home, wishes=wishes)


# --------------------------------------------------------------------------
# Drawing the rest.


def years_before(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February in a common year
        return day.replace(year=day.year - years, day=28)


def completed_years(start: dt.date, end: dt.date = AS_OF) -> int:
    return end.year - start.year - ((end.month, end.day) < (start.month, start.day))


def birth_for_age(rng: random.Random, age: int) -> dt.date:
    """A birth date giving exactly `age` completed years on AS_OF."""
    latest = years_before(AS_OF, age)
    earliest = years_before(AS_OF, age + 1) + dt.timedelta(days=1)
    return earliest + dt.timedelta(days=rng.randint(0, (latest - earliest).days))


def id_number(rng: random.Random, birth: dt.date, sex: str, taken: set) -> str:
    """An 18-char resident ID with a valid ISO 7064 MOD 11-2 check digit."""
    weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    while True:
        parity = rng.choice("13579" if sex == "M" else "02468")
        body = f"{rng.choice(REGION_CODES)}{birth:%Y%m%d}{rng.randint(0, 99):02d}{parity}"
        check = "10X98765432"[sum(int(c) * w for c, w in zip(body, weights, strict=True)) % 11]
        if body + check not in taken:
            taken.add(body + check)
            return body + check


def random_day(rng: random.Random, start: dt.date, end: dt.date) -> dt.date:
    return start + dt.timedelta(days=rng.randint(0, max(0, (end - start).days)))


def generic_spec(rng: random.Random, unit: dict) -> dict:
    """An officer on whom no rule acts."""
    age = rng.randint(24, 57 if unit["tier"] == "grassroots" else 55)
    # no 副科 aged ≥ 45 in stations (iron rule 3); organ units have no fill
    rank = "deputy_section" if 30 <= age < 45 and rng.random() < 0.2 else "staff"
    post = "officer"
    if unit["kind"] == "station" and rng.random() < 0.45:
        post = "community_officer"
    return {
        "unit": unit["id"],
        "post": post,
        "rank": rank,
        "age": age,
        "key": None,
        "generic": True,
    }


def make_name(rng: random.Random, sex: str, taken: set) -> str:
    chars = MALE_CHARS if sex == "M" else FEMALE_CHARS
    while True:
        given = "".join(rng.choice(chars) for _ in range(rng.choice([1, 2, 2])))
        name = rng.choice(SURNAMES) + given
        if name not in taken:
            taken.add(name)
            return name


def realise(rng: random.Random, spec: dict, units: dict, taken: dict) -> dict:
    unit = units[spec["unit"]]
    generic = spec.get("generic", False)
    leader = spec["post"] in LEADER_POSTS or spec.get("promotion_candidate")
    sex = spec.get("sex") or ("F" if rng.random() < (0.06 if leader else 0.18) else "M")
    birth = birth_for_age(rng, spec["age"])
    if spec.get("recruit"):
        joined = random_day(rng, dt.date(2025, 9, 1), dt.date(2026, 8, 31))
    else:
        joined = spec.get("joined_police") or min(
            random_day(rng, years_before(birth, -20), years_before(birth, -24)),
            AS_OF - dt.timedelta(days=400),
        )
    service = completed_years(joined)
    if "post_since" in spec:
        post_since = spec["post_since"]
    elif spec["post"] in ("officer", "community_officer"):
        post_since = random_day(rng, joined, AS_OF - dt.timedelta(days=60))
    else:
        post_since = random_day(
            rng, max(joined, years_before(AS_OF, 8)), AS_OF - dt.timedelta(days=200)
        )
    if "grassroots_years" in spec:
        grassroots = spec["grassroots_years"]
    elif unit["tier"] == "grassroots":
        grassroots = rng.randint(min(1, service), service)
    else:
        grassroots = 0 if rng.random() < 0.4 else rng.randint(min(1, service), min(service, 6))
    row = {
        "name": make_name(rng, sex, taken["names"]),
        "birth_date": birth,
        "unit": unit["id"],
        "post": spec["post"],
        "rank": spec["rank"],
        "sex": sex,
        "id_number": id_number(rng, birth, sex, taken["ids"]),
        "joined_police": joined,
        "post_since": post_since,
        "grassroots_years": grassroots,
    }
    for flag in (
        "special_post",
        "special_talent",
        "new_recruit",
        "long_term_illness",
        "military_transfer",
        "promotion_candidate",
        "awarded",
    ):
        row[flag] = spec.get(flag, False)
    draws = {
        "discipline_date": (
            random_day(rng, dt.date(2014, 1, 1), dt.date(2026, 8, 31))
            if generic and rng.random() < 0.04
            else None
        ),
        "exam_passed": rng.random() < 0.95 if generic else True,
        "appraisal": (
            rng.choices(list(ZH_APPRAISAL), [15, 78, 5, 2])[0]
            if generic
            else rng.choice(["excellent", "competent", "competent"])
        ),
        "democratic_eval_passed": rng.random() < 0.95 if generic else True,
        "home_district": (unit["district"] if rng.random() < 0.7 else rng.choice(DISTRICTS)),
        "wishes": [],
        "squad": None,
    }
    for field, value in draws.items():
        row[field] = spec[field] if field in spec else value
    return row


def build_roster(units: dict) -> tuple[list[dict], dict]:
    rng = random.Random(SEED)
    build_specs()
    order = list(units)
    kept_grassroots = sorted(
        u for u, x in units.items() if x["tier"] == "grassroots" and not x["merged_into"]
    )
    by_unit: dict[str, list[dict]] = {u: [] for u in order}
    for spec in SPECS:
        by_unit[spec["unit"]].append(spec)
    specs = []
    for u in order:
        fill = HEADCOUNT[u] - len(by_unit[u])
        assert fill >= 0 and (fill == 0 or units[u]["tier"] == "grassroots"), u
        generic = [generic_spec(rng, units[u]) for _ in range(fill)]
        squad, n = SQUADS.get(u, (None, 0))
        for spec in generic[: n - 1]:  # the squad leader is in SPECS
            spec["squad"] = squad
        specs += by_unit[u] + generic
    # Some movers say where they would like to go.
    for spec in specs:
        if (
            "wishes" not in spec
            and not spec.get("generic")
            and spec["unit"] in ("BGS", "ZHS", "ZZC", "XCK", "JJDC", "DCS", "JCK", "HQK")
            and spec["age"] <= 40
            and rng.random() < 0.5
        ):
            spec["wishes"] = rng.sample(kept_grassroots, rng.randint(1, 3))
        elif "wishes" not in spec and spec.get("generic") and rng.random() < 0.04:
            spec["wishes"] = rng.sample(kept_grassroots, 1)
    # 40 awarded officers, 31 of them community, criminal or public-security
    # police (the 75% quota): only officers on whom no rule acts.
    generic = [s for s in specs if s.get("generic")]
    pools = [
        ([s for s in generic if s["post"] == "community_officer"], 24),
        ([s for s in generic if s["unit"] == "XZDD" and not s.get("squad")], 4),
        ([s for s in generic if s["unit"] == "ZADD"], 3),
        (
            [
                s
                for s in generic
                if s["unit"] in ("JJDD", "XJDD", "KSS", "NBDD", "FZK") and not s.get("squad")
            ],
            8,
        ),
    ]
    for pool, n in pools:
        for spec in rng.sample(pool, n):
            spec["awarded"] = True
    taken = {"names": set(), "ids": set()}
    rows, keys = [], {}
    for i, spec in enumerate(specs, 1):
        row = {"officer_id": f"J{i:04d}", **realise(rng, spec, units, taken)}
        rows.append(row)
        if spec["key"]:
            keys[spec["key"]] = row["officer_id"]
    check(rows, units)
    return rows, keys


def check(rows: list[dict], units: dict) -> None:
    assert len(rows) == 407
    final = [units[r["unit"]]["final"] for r in rows]
    for uid, unit in units.items():
        if unit["merged_into"]:
            continue
        posts = [r["post"] for r, f in zip(rows, final, strict=True) if f == uid]
        if unit["kind"] == "station":
            assert posts.count("station_head") == 1 and posts.count("instructor") == 1, uid
        if unit["kind"] == "frontline":
            assert posts.count("brigade_chief") == 1, uid
    organ = sum(units[r["unit"]]["tier"] == "organ" for r in rows)
    assert organ == 66, organ


# --------------------------------------------------------------------------
# Writers.


def en_value(field: str, value) -> str:
    if value is None:
        return ""
    if field in BOOL_FIELDS:
        return "true" if value else "false"
    if field == "wishes":
        return ";".join(value)
    if field == "sex":
        return value
    return str(value)  # dates print as YYYY-MM-DD


def zh_date(rng: random.Random, day: dt.date) -> str:
    style = rng.randrange(4)
    if style == 0:
        return f"{day.year}年{day.month}月{day.day}日"
    if style == 1:
        return f"{day:%Y.%m.%d}"
    if style == 2:
        return f"{day.year}/{day.month}/{day.day}"
    return f"{day:%Y%m%d}"


def zh_value(rng: random.Random, field: str, value, units: dict) -> str:
    if value is None:
        return ""
    if field in DATE_FIELDS:
        return zh_date(rng, value)
    if field in BOOL_FIELDS:
        return "是" if value else "否"
    return {
        "unit": lambda v: units[v]["name"],
        "post": ZH_POST.get,
        "rank": ZH_RANK.get,
        "sex": lambda v: "男" if v == "M" else "女",
        "appraisal": ZH_APPRAISAL.get,
        "wishes": lambda v: "、".join(units[u]["name"] for u in v),
    }.get(field, str)(value)


def write_csv(path: Path, header: list[str], lines: list[list[str]], encoding: str) -> None:
    with path.open("w", encoding=encoding, newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(lines)


def write_xlsx(path: Path, rows: list[dict]) -> None:
    book = xlsxwriter.Workbook(str(path))
    book.set_properties({"title": "Seed roster", "created": dt.datetime(2026, 10, 1)})
    sheet = book.add_worksheet("roster")
    bold = book.add_format({"bold": True})
    date_format = book.add_format({"num_format": "yyyy-mm-dd"})
    sheet.write_row(0, 0, COLUMNS, bold)
    sheet.freeze_panes(1, 0)
    for i, row in enumerate(rows, 1):
        for j, field in enumerate(COLUMNS):
            value = row[field]
            if value is None or value == []:
                continue
            if field in DATE_FIELDS:
                sheet.write_datetime(
                    i, j, dt.datetime(value.year, value.month, value.day), date_format
                )
            elif field == "grassroots_years":
                sheet.write_number(i, j, value)
            else:
                sheet.write_string(
                    i,
                    j,
                    en_value(field, value).upper()
                    if field in BOOL_FIELDS
                    else en_value(field, value),
                )
    sheet.set_column(0, len(COLUMNS) - 1, 12)
    sheet.set_column(COLUMNS.index("id_number"), COLUMNS.index("id_number"), 20)
    book.close()


def write_pins(path: Path, keys: dict) -> None:
    path.write_text(
        "# Manual decisions of the Party committee, for `placement plan --pin`.\n"
        "# A young cadre of 辦公室 is sent to 匯豐派出所 by name; the head of\n"
        "# 西山派出所 (45) stays in post although the June recall applies to him.\n"
        f"- {{officer: {keys['pin-move']}, unit: PCS-HF}}\n"
        f"- {{officer: {keys['pin-stay']}, stay: true}}\n",
        encoding="utf-8",
    )


def main() -> None:
    units = load_units(DATA / "units.yaml")
    rows, keys = build_roster(units)
    write_csv(
        DATA / "roster.csv", COLUMNS, [[en_value(f, r[f]) for f in COLUMNS] for r in rows], "utf-8"
    )
    fmt_rng = random.Random(SEED + 1)
    write_csv(
        DATA / "roster_zh.csv",
        ZH_COLUMNS,
        [[zh_value(fmt_rng, f, r[f], units) for f in COLUMNS] for r in rows],
        "gb18030",
    )
    write_xlsx(DATA / "roster.xlsx", rows)
    write_pins(DATA / "pins.example.yaml", keys)
    organ = sum(units[r["unit"]]["tier"] == "organ" for r in rows)
    print(f"wrote {len(rows)} officers ({len(rows) - organ} grassroots, {organ} organ) to {DATA}")


if __name__ == "__main__":
    main()
