"""The shape of a rule file, as pydantic models (also the source of `placement schema rules`)."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StrictBool, StrictInt

from placement.load.rules.appointments import AppointmentFile

Condition = dict[str, Any] | list[Any]


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
    to: Condition
    prefer: list[Condition] = Field(default_factory=list)
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
    move_to: Condition | None = None
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


HEAD_KEYS = ("ruleset", "as_of", "constants", "fields", "vocab", "targets", "allowances")
