"""Rule files combine into one rule set (SPEC §1.4): sections add up in file order, `ruleset`
and `as_of` may repeat when equal, and every name is defined once — a second definition, even
an identical one, is an error naming both places."""

from __future__ import annotations

import pytest

from placement.load.rules.load import check_ruleset


@pytest.fixture
def rules(tmp_path, units):
    """rules({name: text}) -> (rendered problems with the folder stripped, rule set)."""

    def _load(files: dict[str, str]):
        folder = tmp_path / "rules"
        folder.mkdir(exist_ok=True)
        for name, text in files.items():
            (folder / name).write_text(text, encoding="utf-8")
        ruleset, problems = check_ruleset([folder], units)
        return [p.render().replace(f"{folder}/", "") for p in sorted(problems)], ruleset

    return _load


def rule(rule_id: str, when: str = "{age: 3}", then: str = "flag: x") -> str:
    return f"  - id: {rule_id}\n    when: {when}\n    then: {{{then}}}\n"


def test_sections_from_every_file_are_combined_in_file_order(rules):
    problems, rs = rules(
        {
            "20-b.yaml": "constants: {b_age: 50}\n"
            "fields:\n  score: {type: number}\n"
            "vocab:\n  post: {tech_officer: [技術民警]}\n"
            "targets:\n  - {id: t2, share: {where: {post: tech_officer}, at_most: 0.5}}\n"
            "allowances:\n  - {where: {unit.kind: station}, amount: 10}\n"
            "rules:\n" + rule("b1", "{age: {ge: $a_age}, score: {ge: 1}}"),
            "10-a.yaml": "ruleset: t\nas_of: 2026-10-01\nconstants: {a_age: 40}\n"
            "fields:\n  squad: {type: enum, values: [x, y]}\n"
            "vocab:\n  rank: {chief_section: [正科長]}\n"
            "targets:\n  - {id: t1, share: {where: {unit.tier: grassroots}, at_least: 0.9}}\n"
            "allowances:\n  - {where: {unit.area: rural}, amount: 80}\n"
            "rules:\n" + rule("a1", "{post: 技術民警, squad: x, age: {le: $b_age}}"),
            "30-c.yaml": "ruleset: t\nas_of: 2026-10-01\ntests:\n"
            "  - {name: n, officer: {birth_date: 1990-01-01, rank: 正科長, post: officer,"
            " unit: BGS}, expect: {no_action: true}}\n",
        }
    )
    assert problems == []
    assert rs.name == "t" and str(rs.as_of) == "2026-10-01"
    assert rs.constants == {"a_age": 40, "b_age": 50}
    assert set(rs.extras) == {"squad", "score"}
    assert [t.id for t in rs.targets] == ["t1", "t2"]
    assert [a.amount for a in rs.allowances] == [80, 10]
    assert [r.id for r in rs.rules] == ["a1", "b1"]
    assert rs.vocab.lookup("rank")["正科長"] == "chief_section"
    assert rs.vocab.lookup("rank")["正科"] == "chief_section"  # built-in aliases kept
    assert [t.name for _d, _i, t in rs.tests] == ["n"]


def test_equal_ruleset_and_as_of_may_repeat(rules):
    problems, rs = rules(
        {"a.yaml": "ruleset: t\nas_of: 2026-10-01\n", "b.yaml": "as_of: 2026-10-01\nruleset: t\n"}
    )
    assert problems == []


def test_different_ruleset_or_as_of_name_both_places(rules):
    problems, rs = rules(
        {"a.yaml": "ruleset: a\nas_of: 2026-10-01\n", "b.yaml": "\nas_of: 2026-06-01\nruleset: b\n"}
    )
    assert problems == [
        "b.yaml:2:8: conflicting-value: 'as_of' is 2026-06-01 here but 2026-10-01 at a.yaml:2:8",
        "b.yaml:3:10: conflicting-value: 'ruleset' is b here but a at a.yaml:1:10",
    ]
    assert rs.name == "a"


@pytest.mark.parametrize(
    "a, b, message",
    [
        (
            "constants: {x: 1}\n",
            "\nconstants: {x: 1}\n",
            "b.yaml:2:13: duplicate-name: constant 'x' is defined twice: here and as constant "
            "at a.yaml:1:13",
        ),
        (
            "fields:\n  score: {type: number}\n",
            "fields:\n  score: {type: number}\n",
            "b.yaml:2:3: duplicate-name: field 'score' is defined twice: here and as field "
            "at a.yaml:2:3",
        ),
        (
            "vocab:\n  post: {officer: [警員]}\n",
            "vocab:\n  post: {officer: [警員]}\n",
            "b.yaml:2:10: duplicate-name: post term 'officer' is defined twice: here and as "
            "post term at a.yaml:2:10",
        ),
        (
            "rules:\n" + rule("r1"),
            "rules:\n" + rule("other") + rule("r1"),
            "b.yaml:5:9: duplicate-name: rule id 'r1' is defined twice: here and as rule id "
            "at a.yaml:2:9",
        ),
        (
            "targets:\n  - {id: r1, share: {at_least: 0.5}}\n",
            "rules:\n" + rule("r1"),
            "b.yaml:2:9: duplicate-name: rule id 'r1' is defined twice: here and as target id "
            "at a.yaml:2:10",
        ),
    ],
    ids=["constant", "field", "vocab-term", "rule-id", "rule-and-target-share-ids"],
)
def test_a_name_defined_twice_even_identically_names_both_places(rules, a, b, message):
    problems, _ = rules({"a.yaml": a, "b.yaml": b})
    assert problems == [message]


def test_a_duplicate_within_one_file_is_caught_too(rules):
    problems, rs = rules({"a.yaml": "rules:\n" + rule("r1") + rule("r1")})
    assert problems == [
        "a.yaml:5:9: duplicate-name: rule id 'r1' is defined twice: here and as rule id "
        "at a.yaml:2:9"
    ]
    assert [r.id for r in rs.rules] == ["r1"]


@pytest.mark.parametrize("name", ["pin", "unit_merge"])
def test_reserved_ids(rules, name):
    problems, rs = rules({"a.yaml": "rules:\n" + rule(name)})
    assert len(problems) == 1 and f"reserved-name: rule id '{name}' is reserved" in problems[0]
    assert rs.rules == []


def test_an_alias_mapped_to_two_terms_is_an_error(rules):
    problems, _ = rules(
        {
            "a.yaml": "vocab:\n  post: {tech_officer: [技術民警, 民警]}\n",
            "b.yaml": "vocab:\n  post: {net_officer: [技術民警]}\n",
        }
    )
    assert problems == [
        "a.yaml:2:31: alias-clash: post term alias '民警' of 'tech_officer' already means "
        "'officer' (the built-in vocabulary)",
        "b.yaml:2:24: alias-clash: post term alias '技術民警' of 'net_officer' already means "
        "'tech_officer' (a.yaml:2:25)",
    ]


def test_a_vocab_entry_for_a_built_in_term_adds_aliases(rules):
    problems, rs = rules({"a.yaml": "vocab:\n  post: {station_head: [派出所所長]}\n"})
    assert problems == []
    table = rs.vocab.lookup("post")
    assert table["派出所所長"] == table["所長"] == "station_head"
