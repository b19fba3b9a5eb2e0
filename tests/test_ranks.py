"""Ranks since the 2019 reform (SPEC §1.3): each police grade a term at its 職級 level; a level term
matches every grade of its level, a grade only itself; ordered tests by level, then grade.
The column evaluator (judging the roster) and the row evaluator (explain, rule tests) agree."""

from __future__ import annotations

import itertools

import pytest
from test_engine import build, statuses

from placement.evaluate.truth import evaluate
from placement.load.rules import conditions as cond
from placement.load.schema import ROSTER_FIELDS
from placement.load.vocab import GRADES, LEVELS, rank_compare

# officer_id order = this order: a plain level, the grades around it, an empty rank
RANKS = [
    ("A", "副科"),
    ("B", "四級警長"),
    ("C", "三级警长"),
    ("D", "二級警長"),
    ("E", "一級警員"),
    ("F", "二級高級警長"),
    ("G", "警務技術三級主管"),
    ("H", "科員"),
]

CASES = [
    ("{rank: deputy_section}", "TTTFFFTF"),
    ("{rank: 三級警長}", "FFTFFFFF"),
    ("{rank: sergeant_3}", "FFTFFFFF"),
    ("{rank: {ne: deputy_section}}", "FFFTTTFT"),
    ("{rank: {in: [staff, sergeant_2]}}", "FFFTTFFT"),
    ("{rank: {ge: deputy_section}}", "TTTTFTTF"),
    ("{rank: {gt: deputy_section}}", "FFFTFTFF"),
    ("{rank: {ge: 三級警長}}", "TFTTFTTF"),  # a plain 副科 sits at the level: equal to it
    ("{rank: {lt: 三級警長}}", "FTFFTFFT"),
    ("{rank: {gt: 四級警長}}", "FFTTFTTF"),
    ("{rank: {between: [sergeant_4, chief_section]}}", "TTTTFFTF"),
    ("{rank: {le: staff}}", "FFFFTFFT"),
]


@pytest.fixture(scope="module")
def judged(tmp_path_factory, units_yaml):
    rules = "rules:\n" + "".join(
        f"  - id: r{k}\n    when: {when}\n    then: {{flag: f}}\n"
        for k, (when, _e) in enumerate(CASES)
    )
    rows = [{"officer_id": oid, "rank": rank} for oid, rank in RANKS]
    return build(tmp_path_factory.mktemp("ranks"), units_yaml, rules, rows)


@pytest.mark.parametrize(("k", "expected"), [(k, e) for k, (_w, e) in enumerate(CASES)])
def test_rank_semantics(judged, k, expected):
    assert judged.roster.issues == []
    assert statuses(judged, f"r{k}") == expected


def test_every_grade_maps_to_a_level_and_the_grades_order_within_it():
    for _term, (level, place, aliases) in GRADES.items():
        assert level in LEVELS and place >= 1 and aliases
    assert rank_compare("gt", "sergeant_1", "sergeant_2") is True
    assert rank_compare("gt", "senior_sergeant_4", "sergeant_1") is True
    assert rank_compare("lt", "constable_1", "sergeant_4") is True
    assert rank_compare("eq", "sergeant_2", "chief_section") is True
    assert rank_compare("eq", "chief_section", "sergeant_2") is False  # a grade is exact
    assert rank_compare("ge", None, "staff") is None


def test_row_evaluator_agrees_with_the_column_evaluator(judged):
    """Every pair of terms under every operator: `truth.evaluate` gives what the compiled
    column gives for the same officer (the column side is tested above on a roster)."""
    rank = ROSTER_FIELDS["rank"][0]
    terms = [*LEVELS, *GRADES]
    for a, b in itertools.product(terms, terms):
        for op in ("eq", "ne", "lt", "le", "gt", "ge"):
            got = evaluate(cond.Test("rank", op, rank, b), {"rank": a})
            assert got == rank_compare(op, a, b)
    # the column evaluator over a frame of every term against one literal per operator
    import polars as pl

    from placement.evaluate.compile import expr

    frame = pl.DataFrame({"rank": terms + [None], "_row": range(len(terms) + 1)})
    for b in terms:
        for op in ("eq", "ne", "lt", "le", "gt", "ge"):
            col = frame.select(expr(cond.Test("rank", op, rank, b)).alias("x"))["x"].to_list()
            assert col == [rank_compare(op, a, b) for a in terms] + [None], (op, b)
