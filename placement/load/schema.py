"""The roster schema: built-in fields, their types and header aliases (SPEC §1.1)."""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class FieldType:
    """Type of a field as rules see it."""

    kind: str  # str | date | bool | number | enum | term | unit | units | tags
    values: tuple = ()  # enum values
    vocab: str = ""  # term: which vocabulary

    @property
    def ordered(self) -> bool:
        """May the field be compared with lt/le/gt/ge/between (dates, numbers and ranks, §1.3)?"""
        return self.kind in ("date", "number") or (self.kind == "term" and self.vocab == "rank")


# the rules' declared roster columns (RuleSet.extras): name -> (type, header aliases)
Extras = dict[str, tuple[FieldType, tuple[str, ...]]]

STR = FieldType("str")
DATE = FieldType("date")
BOOL = FieldType("bool")
NUMBER = FieldType("number")
UNIT = FieldType("unit")
UNITS = FieldType("units")
TAGS = FieldType("tags")

APPRAISALS = ("excellent", "competent", "basically_competent", "incompetent")

# name -> (type, required, header aliases)
ROSTER_FIELDS: dict[str, tuple[FieldType, bool, tuple[str, ...]]] = {
    "officer_id": (
        STR,
        True,
        (
            "警號",
            "警号",
            "人員編號",
            "人员编号",
            "編號",
            "编号",
            "警員編號",
            "警员编号",
            "工號",
            "工号",
        ),
    ),
    "name": (STR, True, ("姓名",)),
    "birth_date": (DATE, True, ("出生日期", "出生年月", "出生年月日")),
    "unit": (
        UNIT,
        True,
        (
            "單位",
            "单位",
            "所在單位",
            "所在单位",
            "單位編碼",
            "单位编码",
            "部門（隊、所）",
            "部门（队、所）",
        ),
    ),
    "post": (FieldType("term", vocab="post"), True, ("職務", "职务", "現任職務", "现任职务")),
    "rank": (
        FieldType("term", vocab="rank"),
        True,
        (
            "職級",
            "职级",
            "現任職級",
            "现任职级",
            "警員職務等級",
            "警员职务等级",
            "職務等級",
            "职务等级",
        ),
    ),
    "sex": (FieldType("enum", ("M", "F")), False, ("性別", "性别")),
    "id_number": (
        STR,
        False,
        (
            "身份證號",
            "身份证号",
            "身份證號碼",
            "身份证号码",
            "身份證",
            "身份证",
            "居民身份證號",
            "居民身份证号",
            "居民身份證號碼",
            "居民身份证号码",
            "公民身份號碼",
            "公民身份号码",
            "證件號碼",
            "证件号码",
        ),
    ),
    "joined_police": (
        DATE,
        False,
        ("參加公安工作時間", "参加公安工作时间", "參加公安工作日期", "参加公安工作日期"),
    ),
    "post_since": (
        DATE,
        False,
        ("任職時間", "任职时间", "任現職時間", "任现职时间", "任職日期", "任职日期"),
    ),
    "grassroots_years": (NUMBER, False, ("基層工作年限", "基层工作年限")),
    "special_post": (BOOL, False, ("特殊崗位", "特殊岗位")),
    "special_talent": (BOOL, False, ("特殊人才",)),
    "new_recruit": (BOOL, False, ("新錄用", "新录用")),
    "long_term_illness": (BOOL, False, ("長期患病", "长期患病")),
    "military_transfer": (BOOL, False, ("軍轉幹部", "军转干部")),
    "discipline_date": (DATE, False, ("最近處分時間", "最近处分时间")),
    "exam_passed": (BOOL, False, ("業務考試合格", "业务考试合格")),
    "appraisal": (FieldType("enum", APPRAISALS), False, ("年度考核", "考核等次")),
    "democratic_eval_passed": (BOOL, False, ("民主測評", "民主测评")),
    "promotion_candidate": (BOOL, False, ("擬提拔", "拟提拔")),
    "awarded": (BOOL, False, ("受表彰", "表彰")),
    "home_district": (STR, False, ("居住區縣", "居住区县")),
    "wishes": (UNITS, False, ("個人意願", "个人意愿")),
}

# Flags that are false (not unknown) when empty or absent.
FALSE_WHEN_EMPTY = (
    "special_post",
    "special_talent",
    "new_recruit",
    "long_term_illness",
    "military_transfer",
    "promotion_candidate",
    "awarded",
)

DERIVED_FIELDS: dict[str, FieldType] = {
    "age": NUMBER,
    "years_of_service": NUMBER,
    "years_in_post": NUMBER,
    "years_since_discipline": NUMBER,
}

UNIT_FIELDS: dict[str, FieldType] = {
    "id": UNIT,
    "name": STR,
    "kind": FieldType("enum", ("organ", "frontline", "station")),
    "tier": FieldType("enum", ("organ", "grassroots")),
    "area": FieldType("enum", ("urban", "rural")),
    "district": STR,
    "capacity": NUMBER,
    "min_staff": NUMBER,
    "tags": TAGS,
}

EXTRA_TYPES = ("str", "number", "date", "bool", "enum")


def header_lookup() -> dict[str, str]:
    """Normalised header text -> field name."""
    table: dict[str, str] = {}
    for name, (_t, _r, aliases) in ROSTER_FIELDS.items():
        table[name.lower()] = name
        for alias in aliases:
            table[normalise_header(alias)] = name
    return table


_BLANKS = re.compile(r"[\s\u3000\u00a0\u200b\ufeff]+")


def normalise_header(text: str) -> str:
    """Headers match case-insensitively with every blank folded away (`姓　　名` is `姓名`,
    as exports pad names to align columns; `officer id` would be `officerid`, so blanks
    between ASCII words become `_`); full-width brackets equal ASCII ones."""
    text = str(text).strip().strip("\u3000\u00a0\ufeff").lower()
    text = re.sub(r"(?<=[a-z0-9])\s+(?=[a-z0-9])", "_", text)
    text = _BLANKS.sub("", text)
    return text.replace("(", "（").replace(")", "）").replace(",", "、")


def near_miss(header: str, field: str) -> bool:
    """Whether a header looks like one of the field's aliases without being one: the same
    first two characters (`出生時間` for `出生日期`), or one contains the other."""
    h = normalise_header(header)
    if not h:
        return False
    aliases = [normalise_header(a) for a in (field, *ROSTER_FIELDS[field][2])]
    if h in aliases:
        return False
    for a in aliases:
        if len(a) >= 2 and len(h) >= 2 and (h[:2] == a[:2] or a in h or h in a):
            return True
    return False
