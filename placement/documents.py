"""The documents the commands produce (SPEC §4): plan, check, explain and diff.

They are TypedDicts, not pydantic models: a 1,000,000-officer plan has hundreds of thousands
of transfers, and building a model object for each costs seconds; a TypedDict is a plain dict
at run time that mypy checks where it is built. `placement schema plan|check|explain|diff`
publishes the JSON Schema of these types (pydantic's TypeAdapter), and
`tests/test_documents_schema.py` validates every produced document against it.

Units: shares and target values are fractions in [0, 1] (6 decimals); allowance totals are
yuan per month; `row` is the roster's sheet row (1 = the header), never a frame position.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal, NotRequired

from pydantic import ConfigDict, PlainValidator, TypeAdapter, WithJsonSchema
from typing_extensions import TypedDict

from placement.messages.registry import Message

# a message is a Message value inside the program and its English text in JSON
Text = Annotated[str | Message, PlainValidator(lambda v: v), WithJsonSchema({"type": "string"})]

# -- shared parts ---------------------------------------------------------------------------


class Entry(TypedDict):
    """One item of `exceptions` (or `row_issues`): what a person must look at."""

    officer_id: str | None
    row: int | None  # sheet row of the roster, None when not about one row
    code: str  # an exception code of the registry: invalid_row, missing_data, exempt, ...
    rule_id: str | None
    field: str | None  # roster field name
    message: Text
    # a unit's post (`vacancy`, `over_establishment`; SPEC §4), no officer
    unit_id: NotRequired[str]
    post: NotRequired[str]
    count: NotRequired[int]  # vacancy: vacant slots left after the plan
    reason: NotRequired[str]  # vacancy: no_policy | no_eligible | taken_or_cannot_move
    unknown_candidates: NotRequired[int]  # vacancy: candidates lacking data
    holders: NotRequired[list[str]]  # over_establishment: officer ids


class FlagEntry(TypedDict):
    officer_id: str
    code: str  # the rule's `flag`
    rule_id: str
    reason: str


class Transfer(TypedDict):
    officer_id: str
    name: str
    from_unit: str
    to_unit: str  # equal to from_unit for a post change only
    from_post: str
    to_post: str
    rule_id: str  # a rule id, `unit_merge` or `pin`
    rule_title: str
    reason: Text  # a Message for an appointee (the appointment's reason)


# -- plan -----------------------------------------------------------------------------------


class FileRef(TypedDict):
    path: NotRequired[str | None]
    sha256: str
    rows: NotRequired[int | None]


class IgnoredRow(TypedDict):
    row: int  # the file's row (sheet row in a workbook, line in a CSV)
    kind: Literal["title", "footer"]


class RosterRef(TypedDict):
    """The roster read: where its table was (SPEC §1.1, §4)."""

    path: NotRequired[str | None]
    sha256: str
    rows: NotRequired[int | None]
    sheet: NotRequired[str | None]  # None for CSV
    header_row: NotRequired[int]  # 1-based row of the header
    ignored_rows: NotRequired[list[IgnoredRow]]  # titles above the header, footers after data


class PlanInputs(TypedDict):
    roster: RosterRef
    rules: FileRef
    units: FileRef


class Share(TypedDict):
    before: float | None  # None for an empty roster
    after: float | None


class TargetResult(TypedDict):
    id: str
    title: str
    value_before: float | None
    value_after: float | None
    met_after: bool


class Money(TypedDict):
    before: float  # yuan per month (an int when whole)
    after: float


class BeforeAfter(TypedDict):
    before: int
    after: int


class Summary(TypedDict):
    officers: int
    transfers: int
    post_changes: int
    flags: int
    exceptions: int
    exceptions_by_code: dict[str, int]
    grassroots_share: Share
    targets: list[TargetResult]
    allowance_monthly_total: Money
    appointments: int  # pinned ones included
    vacancies: BeforeAfter  # vacant slots of `posts`
    over_establishment: BeforeAfter  # surplus holders of `posts`


class UnitPosts(TypedDict):
    """One post of a unit's `posts` (SPEC §1.2): establishment and holders before (after the
    merges) and after the plan."""

    post: str
    establishment: int
    before: int
    after: int


class Merit(TypedDict):
    position: int  # 1 = best among the governing policy's eligible candidates
    eligible: int
    unknown: int  # candidates whose eligibility is unknown for lack of data


class Appointment(TypedDict):
    """One appointment (任職, SPEC §2.1, §4): who takes which post where, under which policy."""

    officer_id: str
    name: str
    unit_id: str
    post: str
    from_unit: str
    from_post: str | None
    rank_before: str | None
    rank_after: str | None
    policy_id: str  # an appointment policy id, or `pin`
    policy_title: str
    merit: Merit | None  # null for a pin
    alternates: list[str]  # officer ids (差額), merit order
    reason: Text


class UnitCount(TypedDict):
    unit_id: str
    name: str
    before: int
    after: int
    capacity: int | None
    min_staff: int
    posts: list[UnitPosts]


class PinSaid(TypedDict):
    """What a pin said: `{"unit": UNIT}` or `{"stay": true}` (load.pins)."""

    unit: NotRequired[str]
    stay: NotRequired[bool]
    post: NotRequired[str]  # an appointment pin
    rank: NotRequired[str]


class PinEntry(TypedDict):
    """One manual decision (`--pin`) and what came of it (place.pinned)."""

    officer_id: str
    pin: PinSaid
    overrode: str | None  # the rule whose decision the pin undid, None when none
    outcome: Text  # "stays" | "moved to UNIT"


class PlanDocument(TypedDict):
    ruleset: str
    as_of: str  # YYYY-MM-DD
    inputs: PlanInputs
    summary: Summary
    transfers: list[Transfer]
    flags: list[FlagEntry]
    exceptions: list[Entry]
    appointments: list[Appointment]
    pins: list[PinEntry]
    units: list[UnitCount]


# -- check ----------------------------------------------------------------------------------


class Violation(TypedDict):
    officer_id: str
    rule_id: str
    action: str  # move | set_post | keep
    reason: str


class TargetValue(TypedDict):
    id: str
    title: str
    value: float | None
    at_least: float | None
    at_most: float | None
    met: bool


class PostStatus(TypedDict):
    """A leadership post of `posts` (SPEC §1.2) that is vacant or over its establishment."""

    unit_id: str
    post: str  # post term
    establishment: int  # 職數: how many the unit should have
    holders: int  # how many hold it in the roster as it is (after merges)
    status: Literal["vacant", "over"]


class CheckDocument(TypedDict):
    violations: list[Violation]
    flags: list[FlagEntry]
    exceptions: list[Entry]
    targets: list[TargetValue]
    posts: list[PostStatus]


# -- explain --------------------------------------------------------------------------------


class ConditionNode(TypedDict):
    """One node of a rule's condition for one officer: `all`, `any`, `not` with `parts`, or a
    `test` with the officer's value; `decides` marks the tests that decide the tree's value."""

    node: Literal["all", "any", "not", "test"]
    result: Literal["true", "false", "unknown"]
    parts: NotRequired[list[ConditionNode]]
    test: NotRequired[str]  # `field op literal`, as the rule file reads
    value: NotRequired[Any]  # the officer's value (dates ISO, lists as lists)
    text: NotRequired[Text]
    decides: NotRequired[bool]


class RuleExplained(TypedDict):
    rule_id: str
    title: str
    priority: int
    action: str
    status: str
    note: NotRequired[Text]
    when: NotRequired[ConditionNode]
    unless: NotRequired[ConditionNode]
    why_not: NotRequired[list[Text]]  # the deciding tests of a false `when` or a true `unless`
    unknown: NotRequired[list[Text]]  # the tests that leave the rule unknown


class PolicyMerit(TypedDict):
    position: int | None  # among the policy's eligible candidates; None: not a candidate
    eligible: int  # eligible candidates


class PolicyExplained(TypedDict):
    """One appointment policy for one officer (SPEC §3 explain)."""

    policy_id: str
    title: str
    post: str
    priority: int
    eligible: Literal["true", "false", "unknown"]
    tree: ConditionNode  # the `eligible` condition with the officer's values
    why_not: NotRequired[list[str]]
    unknown: NotRequired[list[str]]
    where: NotRequired[Literal["true", "false", "unknown"]]  # at the officer's own unit
    merit: NotRequired[PolicyMerit]  # when eligible: position among the eligible
    outcome: Text  # appointed, alternate, or why not


class ExplainDocument(TypedDict):
    officer_id: str
    name: NotRequired[str]
    row: NotRequired[int]
    unit: NotRequired[str]
    post: NotRequired[str]
    age: NotRequired[float | None]  # completed years on as_of
    rules: list[RuleExplained]
    decision: str
    row_issues: list[Entry]
    deciding_rule: NotRequired[str]
    conflicting_rule: NotRequired[str]
    transfer: NotRequired[Transfer]
    exceptions: NotRequired[list[Entry]]
    pins: NotRequired[list[PinEntry]]  # the plan's pins that concern the officer
    appointment_policies: NotRequired[list[PolicyExplained]]  # when the rules have any


# -- explain --post -------------------------------------------------------------------------


class PostPolicy(TypedDict):
    policy_id: str
    title: str
    priority: int
    rank: str | None  # the appointee's rank afterwards
    slate: int


class PostCandidate(TypedDict):
    """An eligible candidate for one post, in merit order (SPEC §3 explain --post)."""

    officer_id: str
    name: str
    unit: str
    post: str | None
    rank: str | None
    position: int | None  # among the policy's eligible candidates; None: not a candidate
    appointed: bool  # to this post by the plan
    alternate: bool  # on this post's slate
    reason: str | None  # appointed_elsewhere | cannot_move | lower_merit | needed_for_count |
    # no_vacancy | pinned; None for the appointee or when the plan makes no appointments
    why: Text | None


class UnknownCandidate(TypedDict):
    officer_id: str
    name: str
    unit: str
    fields: list[str]  # the empty fields that leave eligibility unknown


class ExplainPostDocument(TypedDict):
    unit_id: str
    unit_name: str
    post: str
    established: bool
    establishment: int | None
    holders_before: list[str]
    holders_after: list[str]
    policy: PostPolicy | None
    eligible: int  # eligible candidates at this unit
    eligible_policy: NotRequired[int]  # eligible officers under the policy, all units
    shown: int
    candidates: list[PostCandidate]
    unknown: list[UnknownCandidate]
    appointments: list[Appointment]  # the plan's to this post
    notes: list[Text]


# -- diff -----------------------------------------------------------------------------------


class TransferChange(TypedDict):
    officer_id: str
    name: str
    old_to_unit: str
    new_to_unit: str
    old_to_post: str
    new_to_post: str
    old_rule_id: str
    new_rule_id: str


class AppointmentChange(TypedDict):
    officer_id: str
    name: str
    old_unit_id: str
    new_unit_id: str
    old_post: str
    new_post: str
    old_rank_after: str | None
    new_rank_after: str | None
    old_policy_id: str
    new_policy_id: str


class Change(TypedDict):
    old: Any
    new: Any
    delta: float | None  # new - old, when both are numbers


class TargetChange(TypedDict):
    id: str
    old: float | None
    new: float | None
    old_met: bool | None
    new_met: bool | None


class DiffDocument(TypedDict):
    transfers_added: list[Transfer]
    transfers_removed: list[Transfer]
    transfers_changed: list[TransferChange]
    appointments_added: list[Appointment]
    appointments_removed: list[Appointment]
    appointments_changed: list[AppointmentChange]
    exceptions_appeared: list[Entry]
    exceptions_gone: list[Entry]
    summary: dict[str, Change]
    targets: list[TargetChange]


# every key is declared: the published schema says additionalProperties: false
for _t in list(globals().values()):
    if isinstance(_t, type) and issubclass(_t, dict) and hasattr(_t, "__required_keys__"):
        setattr(_t, "__pydantic_config__", ConfigDict(extra="forbid"))  # noqa: B010

DOCUMENTS: dict[str, type] = {
    "plan": PlanDocument,
    "check": CheckDocument,
    "explain": ExplainDocument,
    "explain-post": ExplainPostDocument,
    "diff": DiffDocument,
}


def json_schema(which: str) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a document kind: plan, check, explain or diff."""
    schema: dict[str, Any] = TypeAdapter(DOCUMENTS[which]).json_schema()
    schema["title"] = f"placement {which} document"
    return schema
