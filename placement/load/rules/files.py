"""The shape of a rule file, as pydantic models (also the source of `placement schema rules`)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StrictBool, StrictInt, WithJsonSchema

from placement.load.rules.appointments import AppointmentFile

if TYPE_CHECKING:
    from placement.load.schema import FieldType
    from placement.load.vocab import Vocabulary

_Raw = dict[str, Any] | list[Any]
Condition = Annotated[_Raw, WithJsonSchema({"x-condition": "Condition"})]
"""A condition over the officer (`when`, `unless`, targets' and allowances' `where`)."""
Selector = Annotated[_Raw, WithJsonSchema({"x-condition": "Selector"})]
"""A condition over unit fields without the `unit.` prefix (`to`, `prefer`, `move_to`)."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class FieldDecl(_Strict):
    type: Literal["str", "number", "date", "bool", "enum"]
    values: list[str] | None = None
    aliases: list[str] = Field(default_factory=list, description="header aliases")


class Share(_Strict):
    where: Condition = Field(default_factory=dict)
    of: Condition = Field(default_factory=dict)
    at_least: float | None = Field(default=None, ge=0, le=1)
    at_most: float | None = Field(default=None, ge=0, le=1)


class TargetFile(_Strict):
    id: str = Field(min_length=1)
    title: str = ""
    share: Share


class AllowanceFile(_Strict):
    where: Condition = Field(default_factory=dict)
    amount: float = Field(ge=0)
    title: str = ""


class MoveFile(_Strict):
    to: Selector
    prefer: list[Selector] = Field(default_factory=list)
    post: str | None = None


class ThenFile(_Strict):
    move: MoveFile | None = None
    set_post: str | None = None
    flag: str | None = Field(default=None, min_length=1)
    keep: StrictBool | None = None


class RuleFile(_Strict):
    id: str = Field(min_length=1, pattern=r"^[A-Za-z0-9_.\-]+$")
    title: str = ""
    source: str = ""
    priority: StrictInt = 0
    when: Condition | None = None
    unless: Condition | None = None
    then: ThenFile
    effective_from: dt.date | None = None
    effective_until: dt.date | None = None


class ExpectFile(_Strict):
    rule: str | None = None
    move_to: Selector | None = None
    post: str | None = None
    set_post: str | None = None
    keep: StrictBool | None = None
    flag: str | None = None
    flags: list[str] | None = None
    exempt: str | None = None
    missing_data: str | None = None
    conflict: list[str] | None = None
    no_action: StrictBool | None = None
    eligible: str | None = Field(default=None, description="an appointment policy id")
    not_eligible: str | None = Field(default=None, description="an appointment policy id")
    unknown: list[str] | None = Field(
        default=None, description="with not_eligible: eligibility unknown for lack of these fields"
    )


class RuleTestFile(_Strict):
    name: str
    officer: dict[str, Any]
    units: list[dict[str, Any]] | None = None
    as_of: dt.date | None = None
    expect: ExpectFile


class RuleSetFile(_Strict):
    """One file of a rule set; the files of a folder together form the rule set."""

    ruleset: str | None = None
    as_of: dt.date | None = None
    constants: dict[str, int | float | str | dt.date | bool | list[Any]] | None = None
    fields: dict[str, FieldDecl] | None = None
    vocab: dict[Literal["post", "rank"], dict[str, list[str]]] | None = None
    targets: list[TargetFile] | None = None
    allowances: list[AllowanceFile] | None = None
    rules: list[RuleFile] | None = None
    appointments: list[AppointmentFile] | None = None
    tests: list[RuleTestFile] | None = None


HEAD_KEYS: tuple[str, ...] = (
    "ruleset",
    "as_of",
    "constants",
    "fields",
    "vocab",
    "targets",
    "allowances",
)


# JSON Schema of conditions and selectors (`placement schema rules`): every field with the
# operators its type takes and its values, so that an editor completes and checks them.

_REF = {
    "type": "string",
    "pattern": r"^\$[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_.]*)?$",
    "description": "$constant, or $officer.FIELD for the officer's own value",
}
_ORDERED = ("eq", "ne", "lt", "le", "gt", "ge", "in", "not_in", "between", "is_null")
_SCALAR = ("eq", "ne", "in", "not_in", "is_null")
_LIST = ("contains", "is_null")


def _value_schema(ftype: FieldType, vocab: Vocabulary) -> dict[str, Any]:
    k = ftype.kind
    if k == "number":
        return {"type": "number"}
    if k == "bool":
        return {"type": "boolean"}
    if k == "date":
        return {"type": "string", "format": "date"}
    if k == "enum":
        return {"enum": list(ftype.values)}
    if k == "term":
        spellings = sorted(vocab.lookup(ftype.vocab))
        return {"anyOf": [{"enum": spellings}, {"type": "string"}]}  # `vocab:` may add terms
    return {"type": "string"}


def _test_schema(ftype: FieldType, vocab: Vocabulary) -> dict[str, Any]:
    """A test on one field: a literal (equality; a list reads as `in`) or operators."""
    one = {"anyOf": [_value_schema(ftype, vocab), _REF]}
    many = {"anyOf": [{"type": "array", "items": one}, _REF]}
    if ftype.kind in ("tags", "units"):
        ops = {"contains": one, "is_null": {"type": "boolean"}}
        literal = one
    else:
        names = _ORDERED if ftype.ordered else _SCALAR
        ops = {}
        for op in names:
            if op == "is_null":
                ops[op] = {"type": "boolean"}
            elif op in ("in", "not_in"):
                ops[op] = many
            elif op == "between":
                ops[op] = {"type": "array", "items": one, "minItems": 2, "maxItems": 2}
            else:
                ops[op] = one
        literal = {"anyOf": [one, {"type": "array", "items": one}]}
    return {
        "anyOf": [
            literal,
            {
                "type": "object",
                "properties": ops,
                "additionalProperties": False,
                "minProperties": 1,
            },
        ]
    }


def _condition_defs(
    name: str, fields: dict[str, FieldType], vocab: Vocabulary, defs: dict[str, Any]
) -> None:
    props: dict[str, Any] = {
        "all": {"type": "array", "items": {"$ref": f"#/$defs/{name}"}},
        "any": {"type": "array", "items": {"$ref": f"#/$defs/{name}"}},
        "not": {"$ref": f"#/$defs/{name}"},
    }
    for field, ftype in fields.items():
        key = f"test_{ftype.kind}" + (
            f"_{field.replace('.', '_')}" if ftype.kind in ("enum", "term") else ""
        )
        defs.setdefault(key, _test_schema(ftype, vocab))
        props[field] = {"$ref": f"#/$defs/{key}"}
    defs[name] = {
        "anyOf": [
            {"type": "object", "properties": props, "additionalProperties": False},
            {"type": "array", "items": {"$ref": f"#/$defs/{name}"}},
        ]
    }


def rules_schema(
    fields: dict[str, FieldType] | None = None, vocab: Vocabulary | None = None
) -> dict[str, Any]:
    """The JSON Schema of a rule file, conditions and selectors typed: `Condition` over the
    officer's fields (`fields`: name -> FieldType; default the built-in roster, derived and
    `unit.` fields), `Selector` over unit fields; term values from `vocab` (default built-in)."""
    from placement.load.schema import DERIVED_FIELDS, ROSTER_FIELDS, UNIT_FIELDS
    from placement.load.vocab import Vocabulary as _Vocabulary

    vocab = vocab or _Vocabulary()
    if fields is None:
        fields = {n: t for n, (t, _r, _a) in ROSTER_FIELDS.items()}
        fields.update(DERIVED_FIELDS)
        fields.update({f"unit.{n}": t for n, t in UNIT_FIELDS.items()})
    schema: dict[str, Any] = _typed_conditions(RuleSetFile.model_json_schema())
    defs = schema.setdefault("$defs", {})
    _condition_defs("Condition", fields, vocab, defs)
    _condition_defs("Selector", UNIT_FIELDS, vocab, defs)
    schema["title"] = "placement rule file"
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return schema


def _typed_conditions(node: Any) -> Any:
    """Replace the models' condition placeholders by references to the typed definitions."""
    if isinstance(node, dict):
        if "x-condition" in node:
            return {"$ref": f"#/$defs/{node['x-condition']}"}
        return {k: _typed_conditions(v) for k, v in node.items()}
    if isinstance(node, list):
        return [_typed_conditions(v) for v in node]
    return node
