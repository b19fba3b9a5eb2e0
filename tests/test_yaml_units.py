"""Safe YAML with positions, and the units file (SPEC §1.2, §5 Safe)."""

from __future__ import annotations

import time

import pytest

from placement.load.units import Units, load_units, parse_units
from placement.load.yamlsafe import MAX_DEPTH, load_yaml
from placement.problems import InputError


def yaml_error(text: str | bytes, file: str = "f.yaml") -> str:
    with pytest.raises(InputError) as info:
        load_yaml(text, file)
    return str(info.value)


# --- YAML ---------------------------------------------------------------------------


def test_plain_document_keeps_positions():
    doc = load_yaml("a: 1\nb:\n  - x\n  - {c: 2}\n", "f.yaml")
    assert doc.data == {"a": 1, "b": ["x", {"c": 2}]}
    assert doc.where(("b", 1, "c")) == (4, 9)
    assert doc.where(("b", 1, "c"), key=True) == (4, 6)
    assert doc.where(("b", 0)) == (3, 5)


SCALARS = [
    "1",
    "0",
    "012",
    "0x1f",
    "1_000",
    "-3",
    "+4",
    "1.5",
    ".5",
    ".inf",
    "-.inf",
    ".nan",
    "1e3",
    "null",
    "Null",
    "NULL",
    "~",
    "",
    "yes",
    "No",
    "ON",
    "off",
    "true",
    "False",
    "y",
    "n",
    "2024-01-01",
    "2024-01-01 10:00:00",
    "12:30",
    "中文",
    "PCS-0001",
    "城區02",
    "'quoted'",
    '"7"',
    "|\n  block",
    "a b c",
    "<<x",
    "=",
    "@@",
    "1:20",
]


@pytest.mark.parametrize("scalar", SCALARS)
def test_scalars_read_as_yaml_reads_them(scalar):
    """The resolver is skipped for text that cannot be typed: the values must not change."""
    import yaml

    for text in (
        f"k: {scalar}\n",
        f"- {scalar}\n",
        f"{{k: [{scalar}]}}\n" if "\n" not in scalar else "k: x\n",
    ):
        try:
            expected = yaml.safe_load(text)
        except yaml.YAMLError:
            continue
        assert load_yaml(text, "t.yaml").data == expected, text


@pytest.mark.parametrize("key", ["1", "012", "x", "中"])
def test_keys_read_as_yaml_reads_them(key):
    import yaml

    text = f"{key}: v\n"
    assert load_yaml(text, "t.yaml").data == yaml.safe_load(text)


@pytest.mark.parametrize("key", ["true", "null", "1.5", "2024-01-01"])
def test_keys_other_than_integers_stay_text(key):
    assert load_yaml(f"{key}: v\n", "t.yaml").data == {key: "v"}


def test_duplicate_key():
    assert yaml_error("a: 1\nb: 2\na: 3\n") == (
        "f.yaml:3:1: duplicate-key: key 'a' appears twice (first at line 1)"
    )


def test_duplicate_key_nested():
    assert yaml_error("top:\n  k: 1\n  k: 2\n") == (
        "f.yaml:3:3: duplicate-key: key 'k' appears twice (first at line 2)"
    )


def test_alias_refused():
    assert yaml_error("a: &x 1\nb: *x\n") == (
        "f.yaml:2:4: yaml-syntax: aliases (*name) are not allowed"
    )


def test_alias_bomb_refused_fast():
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for prev, name in zip("abcdefgh", "bcdefghi", strict=True):
        lines.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
    bomb = "\n".join(lines) + "\n"
    start = time.perf_counter()
    message = yaml_error(bomb)
    assert time.perf_counter() - start < 1.0
    assert message == "f.yaml:2:8: yaml-syntax: aliases (*name) are not allowed"


def test_merge_key_refused():
    assert yaml_error("a: {<<: {b: 1}}\n") == (
        "f.yaml:1:5: yaml-key: merge keys (<<) are not allowed"
    )


def test_python_tag_on_scalar_refused():
    assert yaml_error("a: !!python/name:os.system ''\n") == (
        "f.yaml:1:4: yaml-tag: tag tag:yaml.org,2002:python/name:os.system is not allowed"
    )


@pytest.mark.parametrize(
    ("text", "tag"),
    [
        ("a: !!python/object:os.system {}\n", "python/object:os.system"),
        ("a: !!python/object/apply:os.system [ls]\n", "python/object/apply:os.system"),
        ("a: !!python/object/new:os.system\n  args: [ls]\n", "python/object/new:os.system"),
    ],
)
def test_python_object_tag_refused(text, tag):
    # regression: a python tag on a mapping or a sequence used to be dropped silently
    assert yaml_error(text) == f"f.yaml:1:4: yaml-tag: tag tag:yaml.org,2002:{tag} is not allowed"


def test_custom_tag_refused():
    assert yaml_error("a: !foo 1\n") == "f.yaml:1:4: yaml-tag: tag !foo is not allowed"


def test_tab_indentation():
    # the middle is the YAML parser's own wording (libyaml and PyYAML differ); ours is the hint
    message = yaml_error("a:\n\tb: 1\n")
    assert message.startswith("f.yaml:2:1: yaml-syntax: ")
    assert message.endswith(" (use spaces for indentation, not tabs)")


def test_nesting_limit():
    assert MAX_DEPTH == 40
    ok = "a: " + "[" * 39 + "]" * 39 + "\n"  # the mapping and 39 lists: 40 levels
    assert load_yaml(ok, "f.yaml").data is not None
    deep = "a: " + "[" * 41 + "]" * 41 + "\n"
    assert yaml_error(deep) == "f.yaml:1:43: yaml-syntax: nesting deeper than 40 levels"


def test_binary_and_encoding_refused():
    assert yaml_error(b"a: 1\x00\n") == (
        "f.yaml: yaml-binary: file is binary (contains NUL bytes), not YAML"
    )
    assert yaml_error(b"a: \xff\xfe\n") == "f.yaml: yaml-encoding: not UTF-8 text (byte 3)"


def test_bom_accepted():
    assert load_yaml("\ufeffa: 1\n".encode(), "f.yaml").data == {"a": 1}


def test_empty_document_is_none():
    assert load_yaml(b"", "f.yaml").data is None


# --- units --------------------------------------------------------------------------


def units_error(write, body: str) -> str:
    path = write("units.yaml", body)
    with pytest.raises(InputError) as info:
        load_units(path)
    return str(info.value).replace(str(path), "units.yaml")


def test_units_non_mapping_document(write):
    assert units_error(write, "- a\n- b\n") == (
        "units.yaml:1:1: units-shape: a units file is a mapping with a 'units:' list"
    )


def test_units_duplicate_ids(write):
    assert units_error(
        write, "units:\n  - {id: A, name: a, kind: station}\n  - {id: A, name: b, kind: station}\n"
    ) == ("units.yaml:3:10: duplicate-unit: unit id 'A' is defined twice")


def test_units_unknown_merged_into(write):
    assert units_error(
        write,
        "units:\n"
        "  - {id: PCS-HF, name: a, kind: station}\n"
        "  - {id: B, name: b, kind: station, merged_into: PCS-HG}\n",
    ) == (
        "units.yaml:3:50: unknown-unit: unit B: merged_into 'PCS-HG' is not a unit "
        "(did you mean 'PCS-HF'?)"
    )


def test_units_merge_cycle(write):
    assert units_error(
        write,
        "units:\n"
        "  - {id: A, name: a, kind: station, merged_into: B}\n"
        "  - {id: B, name: b, kind: station, merged_into: A}\n",
    ) == ("units.yaml:2:50: merge-cycle: unit A: merges form a cycle: A -> B -> A")


def test_units_self_merge_is_a_cycle(write):
    assert units_error(write, "units:\n  - {id: A, name: a, kind: station, merged_into: A}\n") == (
        "units.yaml:2:50: merge-cycle: unit A: merges form a cycle: A -> A"
    )


def test_units_negative_capacity(write):
    assert units_error(write, "units:\n  - {id: A, name: a, kind: station, capacity: -1}\n") == (
        "units.yaml:2:47: bad-value: unit A: capacity: input should be greater than or equal "
        "to 0 (got -1)"
    )


def test_units_min_staff_above_capacity(write):
    assert units_error(
        write, "units:\n  - {id: A, name: a, kind: station, capacity: 3, min_staff: 5}\n"
    ) == ("units.yaml:2:61: min-staff-above-capacity: unit A: min_staff 5 is above capacity 3")


def test_units_unknown_kind(write):
    assert units_error(write, "units:\n  - {id: A, name: a, kind: statoin}\n") == (
        "units.yaml:2:28: bad-value: unit A: kind: input should be 'organ', 'frontline' or "
        "'station' (got 'statoin')"
    )


def test_units_unknown_key_with_suggestion(write):
    assert units_error(write, "units:\n  - {id: A, name: a, kind: station, capacty: 3}\n") == (
        "units.yaml:2:37: unknown-key: unit A: unknown key 'capacty' (did you mean 'capacity'?)"
    )


def test_units_missing_key(write):
    assert units_error(write, "units:\n  - {id: A, kind: station}\n") == (
        "units.yaml:2:5: missing-key: unit A: 'name' is required"
    )


def test_units_every_problem_reported(write):
    message = units_error(
        write,
        "units:\n"
        "  - {id: A, name: a, kind: statoin}\n"
        "  - {id: B, name: b, kind: station, capacity: 1, min_staff: 2}\n"
        "  - {id: C, name: c, kind: station, merged_into: Z}\n",
    )
    codes = [line.split(": ")[1] for line in message.splitlines()]
    assert codes == ["bad-value", "min-staff-above-capacity", "unknown-unit"]


def test_units_merge_chain_followed(write):
    doc = load_yaml(
        "units:\n"
        "  - {id: A, name: a, kind: station, merged_into: B}\n"
        "  - {id: B, name: b, kind: station, merged_into: C}\n"
        "  - {id: C, name: c, kind: organ}\n",
        "units.yaml",
    )
    listed, problems = parse_units(doc)
    assert problems == []
    units = Units(listed)
    assert units.final == {"A": "C", "B": "C", "C": "C"}
    assert [u.id for u in units.kept] == ["C"]
    assert units.by_id["C"].tier == "organ" and units.by_id["A"].tier == "grassroots"
    assert units.resolve("b") == "B" and units.resolve("B") == "B" and units.resolve("z") is None


def test_units_fixture_loads(units):
    assert units.final["OLD"] == "BGS"
    assert units.by_id["PCS-XX"].capacity is None and units.by_id["PCS-XX"].min_staff == 0
    assert units.by_id["PCS-HF"].tags == ("complex", "hardship")


def test_units_unknown_top_level_key_suggests(write):
    assert "unknown-key: unknown key 'unit' (did you mean 'units'?)" in units_error(
        write, "unit: []\n"
    )
