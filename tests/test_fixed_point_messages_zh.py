"""The destination and fixed-point messages (SPEC §1.4, §2 point 6) speak Chinese whole in
`--lang zh`: the facts that made the rule fire and the empty fields are rendered in Chinese,
as in a transfer's reason, not left as the English reason and raw field names."""

from __future__ import annotations

import re

import pytest

from placement.messages.render import render

FACTS = "military_transfer yes; unit.tags does not contain complex; unit.tier organ; age 38 ≤ 40"
FIELDS = {
    "rule": "military-transfer-complex",
    "facts": FACTS,
    "rules": ["flag-move"],
    "fields": ["appraisal", "exam_passed"],
    "field": "home_district",
    "post": "instructor",
}
CODES = [
    "destination-none",
    "destination-unknown",
    "fixed-point-excluded",
    "fixed-point-unknown",
    "set-post-excluded",
    "set-post-unknown",
]
IDENTS = {"military-transfer-complex", "flag-move"}


@pytest.mark.parametrize("code", CODES)
def test_zh_has_no_english_words_but_identifiers(code):
    text = render(code, FIELDS, "zh")
    for ident in IDENTS:
        text = text.replace(ident, "")
    assert re.findall(r"[A-Za-z_]{2,}", text) == [], text
    assert "机关" in text and "38 ≤ 40" in text


@pytest.mark.parametrize("code", ["fixed-point-unknown", "set-post-unknown"])
def test_empty_fields_are_named_in_both_languages(code):
    assert "年度考核" in render(code, FIELDS, "zh")
    en = render(code, FIELDS, "en")
    assert "appraisal, exam_passed" in en and FACTS in en


def test_move_carries_post_names_the_unit_kinds_in_chinese():
    """validate --lang zh said "organ 类单位的副科长 … 不设副科长的 frontline 类单位"."""
    fields = {"rule": "r", "post": "deputy_section_chief", "origin": "organ", "dest": "frontline"}
    text = render("move-carries-post", fields, "zh")
    assert "机关的副科长" in text and text.count("单位") == 1  # 一线实战单位, not 单位单位
    assert "organ" not in text and "frontline" not in text
