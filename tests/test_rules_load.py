"""Rule files: every error typed at load time, with file:line:col and a suggestion (SPEC §1.4)."""

from __future__ import annotations

import pytest

from placement.load.rules import conditions as cond
from placement.load.rules.load import check_ruleset, load_ruleset
from placement.problems import InputError


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


def one_rule(when: str, then: str = "flag: x") -> str:
    # line 3 holds `when`, line 4 `then`
    return f"rules:\n  - id: r1\n    when: {when}\n    then: {{{then}}}\n"


def problems_of(rules, when: str, then: str = "flag: x") -> list[str]:
    return rules({"r.yaml": one_rule(when, then)})[0]


def test_clean_rule_set(rules):
    problems, rs = rules(
        {"r.yaml": "ruleset: t\nas_of: 2026-10-01\n" + one_rule("{age: {le: 40}}")}
    )
    assert problems == []
    assert rs.name == "t" and str(rs.as_of) == "2026-10-01"
    assert rs.rules[0].when == cond.Test("age", "le", rs.fields["age"], 40)


@pytest.mark.parametrize(
    ("when", "then", "expected"),
    [
        ("{agee: 3}", "flag: x", "r.yaml:3:12: unknown-field: agee (did you mean 'age'?)"),
        (
            "{age: {lte: 3}}",
            "flag: x",
            "r.yaml:3:18: unknown-operator: lte on age (did you mean 'lt' or 'le'?)",
        ),
        (
            "{post: {lt: officer}}",
            "flag: x",
            "r.yaml:3:19: bad-operator: lt needs a number or a date; post is a vocabulary term",
        ),
        (
            "{age: {contains: 3}}",
            "flag: x",
            "r.yaml:3:18: bad-operator: contains needs a list field; "
            "age is a number (use eq or in)",
        ),
        (
            "{unit.tags: {eq: x}}",
            "flag: x",
            "r.yaml:3:24: bad-operator: eq on the list field unit.tags (use contains)",
        ),
        ("{age: abc}", "flag: x", "r.yaml:3:17: bad-literal: age is a number, not 'abc'"),
        ("{special_post: 3}", "flag: x", "r.yaml:3:26: bad-literal: special_post is yes/no, not 3"),
        (
            "{birth_date: {lt: notadate}}",
            "flag: x",
            "r.yaml:3:29: bad-literal: birth_date is a date, not 'notadate' (dates are YYYY-MM-DD)",
        ),
        (
            "{appraisal: great}",
            "flag: x",
            "r.yaml:3:23: bad-literal: appraisal is one of "
            "excellent, competent, basically_competent, "
            "incompetent, not 'great'",
        ),
        (
            "{age: {between: [1]}}",
            "flag: x",
            "r.yaml:3:27: bad-literal: between takes [low, high], not 1 values",
        ),
        (
            "{age: {is_null: 1}}",
            "flag: x",
            "r.yaml:3:27: bad-literal: is_null takes true or false, not 1",
        ),
        (
            "{rank: deputy_sectoin}",
            "flag: x",
            "r.yaml:3:18: unknown-term: rank 'deputy_sectoin' is not in the vocabulary "
            "(did you mean 'deputy_section' or 'deputy_division'?)",
        ),
        ("{age: {le: $organ_young}}", "flag: x", "r.yaml:3:22: unknown-constant: $organ_young"),
        (
            "{unit.district: {eq: $officer.home_distrct}}",
            "flag: x",
            "r.yaml:3:32: unknown-field: $officer.home_distrct (did you mean 'home_district'?)",
        ),
        (
            "{age: {eq: $officer.birth_date}}",
            "flag: x",
            "r.yaml:3:22: bad-literal: age (a number) cannot be compared with "
            "$officer.birth_date (a date)",
        ),
        (
            "{unit.id: PCS-HG}",
            "flag: x",
            "r.yaml:3:21: unknown-unit: unit 'PCS-HG' is not in the units file "
            "(did you mean 'PCS-HF' or 'PCS-XX'?)",
        ),
        (
            "{age: 3}",
            "move: {to: {id: PCS-HG}}",
            "r.yaml:4:28: unknown-unit: unit 'PCS-HG' is not in the units file "
            "(did you mean 'PCS-HF' or 'PCS-XX'?)",
        ),
        (
            "{age: 3}",
            "move: {to: {tierr: grassroots}}",
            "r.yaml:4:24: unknown-field: tierr (did you mean 'tier'?)",
        ),
        (
            "{age: 3}",
            "set_post: chief",
            "r.yaml:4:22: unknown-term: post 'chief' is not in the vocabulary (known terms: "
            "station_head, instructor, deputy_head, brigade_chief, deputy_brigade_chief, "
            "squad_leader, "
            "section_chief, deputy_section_chief, community_officer, officer)",
        ),
        (
            "{age: 3}",
            "move: {to: {tier: grassroots}}, set_post: officer",
            "r.yaml:4:11: bad-action: rule r1: move and set_post cannot be combined "
            "(a move may set the post with move.post)",
        ),
        (
            "{age: 3}",
            "keep: true, set_post: officer",
            "r.yaml:4:11: bad-action: rule r1: set_post and keep cannot be combined "
            "(a move may set the post with move.post)",
        ),
    ],
)
def test_error_text(rules, when, then, expected):
    assert problems_of(rules, when, then) == [expected]


def test_unknown_constant_suggests_the_closest(rules):
    problems, _ = rules(
        {"r.yaml": "constants: {organ_young_age: 40}\n" + one_rule("{age: {le: $organ_young}}")}
    )
    assert problems == [
        "r.yaml:4:22: unknown-constant: $organ_young (did you mean '$organ_young_age'?)"
    ]


def test_constant_resolved(rules):
    problems, rs = rules({"r.yaml": "constants: {young: 40}\n" + one_rule("{age: {le: $young}}")})
    assert problems == []
    assert rs.rules[0].when.value == 40


@pytest.mark.parametrize(
    ("alias", "field", "term"),
    [
        ("所长", "post", "station_head"),
        ("所長", "post", "station_head"),
        ("教導員", "post", "instructor"),
        ("副科", "rank", "deputy_section"),
        ("科员", "rank", "staff"),
        ("Deputy_Section", "rank", "deputy_section"),
    ],
)
def test_chinese_alias_canonicalised(rules, alias, field, term):
    problems, rs = rules({"r.yaml": one_rule(f"{{{field}: {alias}}}")})
    assert problems == []
    assert rs.rules[0].when.value == term


def test_alias_in_list_and_action_canonicalised(rules):
    problems, rs = rules(
        {
            "r.yaml": one_rule(
                "{post: {in: [所长, 副所長]}}", "move: {to: {tier: grassroots}, post: 民警}"
            )
        }
    )
    assert problems == []
    rule = rs.rules[0]
    assert rule.when.value == ("station_head", "deputy_head")
    assert rule.move.post == "officer"


def test_unit_name_canonicalised_to_id(rules):
    problems, rs = rules({"r.yaml": one_rule("{unit.id: 匯豐派出所}")})
    assert problems == []
    assert rs.rules[0].when.value == "PCS-HF"


def test_vocab_extension_usable(rules):
    problems, rs = rules(
        {
            "r.yaml": "vocab:\n  post: {tech_officer: [技術民警, 技术民警]}\n"
            + one_rule("{post: 技术民警}")
        }
    )
    assert problems == []
    assert rs.rules[0].when.value == "tech_officer"


def test_declared_fields_usable(rules):
    problems, rs = rules(
        {
            "r.yaml": "fields:\n"
            "  education: {type: enum, values: [bachelor, master]}\n"
            "  score: {type: number, aliases: [分數]}\n"
            + one_rule("{education: master, score: {ge: 60}}")
        }
    )
    assert problems == []
    when = rs.rules[0].when
    assert isinstance(when, cond.All)
    assert [(t.field, t.op, t.value) for t in when.parts] == [
        ("education", "eq", "master"),
        ("score", "ge", 60),
    ]
    assert set(rs.extras) == {"education", "score"}
    assert rs.extras["score"][1] == ("分數",)


def test_declared_enum_value_checked(rules):
    problems, _ = rules(
        {
            "r.yaml": "fields:\n"
            "  education: {type: enum, values: [bachelor, master]}\n"
            + one_rule("{education: mastr}")
        }
    )
    assert problems == [
        "r.yaml:5:23: bad-literal: education is one of bachelor, master, not 'mastr' "
        "(did you mean 'master'?)"
    ]


def test_undeclared_column_is_unknown(rules):
    assert problems_of(rules, "{education: master}") == ["r.yaml:3:12: unknown-field: education"]


def test_declared_field_shadowing_builtin(rules):
    problems, _ = rules({"r.yaml": "fields:\n  age: {type: number}\n"})
    assert problems == ["r.yaml:2:3: duplicate-field: 'age' is a built-in field"]


@pytest.mark.parametrize("name", ["_row", "_valid", "a:b"])
def test_declared_field_with_a_reserved_name(rules, name):
    problems, _ = rules({"r.yaml": f"fields:\n  '{name}': {{type: number}}\n"})
    assert problems == [
        f"r.yaml:2:3: bad-value: field name '{name}': names that begin with '_' or hold ':' "
        "are kept for the tool's own columns"
    ]


def test_all_problems_collected(rules):
    problems = problems_of(rules, "{agee: 3, post: {lt: officer}, rank: bogus}")
    assert [p.split(": ")[1] for p in problems] == ["unknown-field", "bad-operator", "unknown-term"]
    assert [p.split(": ")[0] for p in problems] == ["r.yaml:3:12", "r.yaml:3:28", "r.yaml:3:48"]


def test_problems_across_rules_and_files_collected(rules):
    problems, _ = rules(
        {
            "a.yaml": "rules:\n  - id: a1\n    when: {agee: 1}\n    then: {flag: x}\n"
            "  - id: a2\n    when: {age: {lte: 1}}\n    then: {flag: x}\n",
            "b.yaml": "rules:\n  - id: b1\n    then: {flag: x}\n    priorty: 3\n",
            "c.yaml": "ruels: []\n",
        }
    )
    assert problems == [
        "a.yaml:3:12: unknown-field: agee (did you mean 'age'?)",
        "a.yaml:6:18: unknown-operator: lte on age (did you mean 'lt' or 'le'?)",
        "b.yaml:4:5: unknown-key: rule b1: unknown key 'priorty' (did you mean 'priority'?)",
        "c.yaml:1:1: unknown-key: unknown key 'ruels' (did you mean 'rules' or 'ruleset'?)",
    ]


def test_non_mapping_rule_file(rules):
    assert rules({"r.yaml": "- a\n"})[0] == [
        "r.yaml:1:1: rules-shape: a rule file is a mapping (ruleset:, rules:, ...)"
    ]


def test_yaml_error_reported_with_others(rules):
    problems, _ = rules({"a.yaml": "a: 1\na: 2\n", "b.yaml": one_rule("{agee: 1}")})
    assert problems == [
        "a.yaml:2:1: duplicate-key: key 'a' appears twice (first at line 1)",
        "b.yaml:3:12: unknown-field: agee (did you mean 'age'?)",
    ]


def test_load_ruleset_raises(tmp_path, units):
    folder = tmp_path / "rules"
    folder.mkdir()
    (folder / "r.yaml").write_text(one_rule("{agee: 3}"), encoding="utf-8")
    with pytest.raises(InputError) as info:
        load_ruleset([folder], units)
    assert str(info.value) == f"{folder}/r.yaml:3:12: unknown-field: agee (did you mean 'age'?)"


def test_missing_rules_folder(tmp_path, units):
    with pytest.raises(InputError) as info:
        load_ruleset([tmp_path / "nope"], units)
    assert str(info.value) == f"{tmp_path}/nope: rules-missing: no such file or folder"


def test_rule_order_is_file_name_then_position(rules):
    problems, rs = rules(
        {
            "b.yaml": "rules:\n  - {id: b1, then: {flag: x}}\n  - {id: b2, then: {flag: x}}\n",
            "a.yaml": "rules:\n  - {id: a2, then: {flag: x}}\n  - {id: a1, then: {flag: x}}\n",
        }
    )
    assert problems == []
    assert [r.id for r in rs.rules] == ["a2", "a1", "b1", "b2"]
    assert [r.order for r in rs.rules] == [0, 1, 2, 3]


@pytest.mark.parametrize(
    "when",
    [
        "{unit.id: {eq: $officer.wishes}}",
        "{unit.tags: {contains: $officer.wishes}}",
        "{home_district: {eq: $officer.unit.tags}}",
    ],
)
def test_officer_reference_to_a_list_field_refused(rules, when):
    problems, _ = rules({"r.yaml": one_rule(when)})
    assert len(problems) == 1 and "bad-literal" in problems[0] and "$officer." in problems[0]
