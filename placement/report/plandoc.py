"""The plan document (SPEC §4) as models: the source of `placement schema plan`."""

from __future__ import annotations

from pydantic import BaseModel


class FileRef(BaseModel):
    path: str | None = None
    sha256: str
    rows: int | None = None


class Inputs(BaseModel):
    roster: FileRef
    rules: FileRef
    units: FileRef


class Share(BaseModel):
    before: float | None
    after: float | None


class TargetResult(BaseModel):
    id: str
    title: str
    value_before: float | None
    value_after: float | None
    met_after: bool


class Money(BaseModel):
    before: float
    after: float


class Summary(BaseModel):
    officers: int
    transfers: int
    post_changes: int
    flags: int
    exceptions: int
    exceptions_by_code: dict[str, int]
    grassroots_share: Share
    targets: list[TargetResult]
    allowance_monthly_total: Money


class Transfer(BaseModel):
    officer_id: str
    name: str
    from_unit: str
    to_unit: str
    from_post: str
    to_post: str
    rule_id: str
    rule_title: str
    reason: str


class Flag(BaseModel):
    officer_id: str
    code: str
    rule_id: str
    reason: str


class ReviewItem(BaseModel):
    officer_id: str | None
    row: int | None
    code: str
    rule_id: str | None
    field: str | None
    message: str


class UnitCount(BaseModel):
    unit_id: str
    name: str
    before: int
    after: int
    capacity: int | None
    min_staff: int


class PlanDocument(BaseModel):
    ruleset: str
    as_of: str
    inputs: Inputs
    summary: Summary
    transfers: list[Transfer]
    flags: list[Flag]
    exceptions: list[ReviewItem]
    units: list[UnitCount]
