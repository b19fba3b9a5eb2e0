"""`placement schema rules` types conditions and selectors: the shipped rules validate against
it, and a misspelt field, operator or value does not (checked with the jsonschema library)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from placement.cli.main import main
from placement.load.yamlsafe import load_yaml

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = sorted((ROOT / "rules").glob("*.yaml"))


def as_json(value):
    """A YAML value as an editor's YAML server hands it to JSON Schema (dates as text)."""
    if isinstance(value, dict):
        return {str(k): as_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [as_json(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def schema(*args) -> dict:
    r = CliRunner().invoke(main, ["schema", "rules", *args])
    assert r.exit_code == 0, r.output
    return json.loads(r.output)


@pytest.fixture(scope="module")
def validator():
    s = schema("--rules", str(ROOT / "rules"))
    jsonschema.Draft202012Validator.check_schema(s)
    return jsonschema.Draft202012Validator(s)


def errors(validator, text: str) -> list[str]:
    data = as_json(load_yaml(text, "x.yaml").data)
    return [e.message for e in validator.iter_errors(data)]


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.name)
def test_shipped_rules_validate(validator, path):
    assert errors(validator, path.read_text(encoding="utf-8")) == []


def test_declared_fields_come_with_rules_only():
    plain = jsonschema.Draft202012Validator(schema())
    data = as_json(load_yaml((ROOT / "rules" / "00-bureau.yaml").read_bytes(), "x").data)
    assert not plain.is_valid(data)  # `squad` is declared by the rule set, not built in
    assert plain.is_valid(as_json(load_yaml(SHIPPED[1].read_bytes(), "x").data))


RULE = "rules:\n  - id: r\n    when: {when}\n    then: {then}\n"


@pytest.mark.parametrize(
    "when, then",
    [
        ("{agee: {le: 40}}", "{flag: x}"),  # field
        ("{age: {lee: 40}}", "{flag: x}"),  # operator
        ("{age: {contains: 40}}", "{flag: x}"),  # operator not for a number
        ("{post: {lt: officer}}", "{flag: x}"),  # ordered operator on a term
        ("{unit.kind: statoin}", "{flag: x}"),  # enum value
        ("{age: forty}", "{flag: x}"),  # literal of the wrong type
        ("{all: [{agee: 3}]}", "{flag: x}"),  # inside all
        ("{not: {exam_passed: {is_null: maybe}}}", "{flag: x}"),
        ("{age: 3}", "{move: {to: {tier: grasroots}}}"),  # selector value
        ("{age: 3}", "{move: {to: {unit.tier: grassroots}}}"),  # selector takes no unit. prefix
        ("{age: 3}", "{move: {to: {}, prefer: [{tags: {eq: complex}}]}}"),  # list field: contains
    ],
)
def test_a_typo_fails(validator, when, then):
    assert errors(validator, RULE.format(when=when, then=then))
    good = RULE.format(when="{age: {le: $x}, unit.tags: {contains: a}}", then="{flag: x}")
    assert errors(validator, good) == []
