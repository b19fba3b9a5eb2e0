"""The destination and fixed-point messages (SPEC §1.4, §2 point 6) speak Chinese whole in
`--lang zh`: the facts that made the rule fire and the empty fields are rendered in Chinese,
as in a transfer's reason, not left as the English reason and raw field names."""

from __future__ import annotations

import re

import pytest

from placement.messages.render import render


def _facts():
    """The facts of one officer as the planner gives them to these messages: the English of
    `compile.reason_expr` with its Chinese twin made from the same tests (a `Said`)."""
    import polars as pl

    from placement.evaluate.compile import reason_expr
    from placement.evaluate.facts_zh import reason_expr_zh
    from placement.load.rules.conditions import All, Not, Test
    from placement.load.schema import FieldType
    from placement.messages.rows import said

    cond = All(
        (
            Test("military_transfer", "eq", FieldType("bool"), True),
            Not(Test("unit.tags", "contains", FieldType("tags"), "complex")),
            Test("unit.tier", "eq", FieldType("enum", ("organ", "grassroots")), "organ"),
            Test("age", "le", FieldType("number"), 40),
        )
    )
    frame = pl.DataFrame(
        {
            "_row": [2],
            "military_transfer": [True],
            "unit.tags": [["quiet"]],
            "unit.tier": ["organ"],
            "age": [38.0],
        }
    )
    en = frame.select(reason_expr(cond, None).alias("r"))["r"].to_list()
    return said(en, lambda: frame.select(reason_expr_zh(cond, None).alias("r"))["r"].to_list())[0]


FACTS = _facts()
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
    assert "appraisal, exam_passed" in en and str(FACTS) in en
    assert str(FACTS) == (
        "military_transfer yes; unit.tags does not contain complex; unit.tier organ; age 38 ≤ 40"
    )


def test_move_carries_post_names_the_unit_kinds_in_chinese():
    """validate --lang zh said "organ 类单位的副科长 … 不设副科长的 frontline 类单位"."""
    fields = {"rule": "r", "post": "deputy_section_chief", "origin": "organ", "dest": "frontline"}
    text = render("move-carries-post", fields, "zh")
    assert "机关的副科长" in text and text.count("单位") == 1  # 一线实战单位, not 单位单位
    assert "organ" not in text and "frontline" not in text
