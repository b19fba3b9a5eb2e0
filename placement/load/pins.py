"""Manual decisions (`--pin pins.yaml`).

Each entry is `- {officer: ID, unit: UNIT}`, `- {officer: ID, stay: true}` or an appointment
`- {officer: ID, unit: UNIT, post: TERM[, rank: TERM]}` (SPEC §2, §2.1 "Pins"; the post and
rank terms are resolved against the rule set's vocabulary when the plan is made).
"""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, ConfigDict, StrictBool, ValidationError

from placement.load.pyderr import problems_from
from placement.load.yamlsafe import load_yaml
from placement.messages.registry import Message
from placement.place.plan import Pin
from placement.problems import InputError, problem


class PinFile(BaseModel):
    model_config = ConfigDict(extra="forbid")
    officer: str
    unit: str | None = None
    stay: StrictBool | None = None
    post: str | None = None
    rank: str | None = None


def load_pins(path: str) -> list[Pin]:
    """The pins of a `--pin` YAML file, in file order: a list of `{officer: ID, unit: UNIT}`
    or `{officer: ID, stay: true}` (an empty file: none). Each Pin keeps its (line, col) and
    file for problems. Only the shape is checked here; officers and units are checked by
    the planner (place.constraints.apply_pins).

    Raises InputError: `pins-unreadable` (cannot read the file), a YAML error of load_yaml,
    `pins-shape` (not a list; an entry with both or neither of `unit` and `stay`) or the
    field problems of an entry (unknown key, wrong type), every problem at once."""
    try:
        raw = Path(path).read_bytes()
    except OSError as e:
        raise InputError(problem("pins-unreadable", path, error=e.strerror)) from None
    doc = load_yaml(raw, path)
    if doc.data is None:
        return []
    if not isinstance(doc.data, list):
        raise InputError(doc.problem((), "pins-shape", Message("pins-not-list")))
    pins, problems = [], []
    for i, item in enumerate(doc.data):
        try:
            p = PinFile.model_validate(item)
        except ValidationError as e:
            problems += problems_from(e, doc, (i,), list(PinFile.model_fields), f"pin {i + 1}")
            continue
        if (p.post is not None or p.rank is not None) and (p.unit is None or p.stay):
            problems.append(
                doc.problem((i,), "pins-shape", Message("pin-needs-unit", {"pin": i + 1}))
            )
            continue
        if (p.unit is None) == (not p.stay):
            problems.append(
                doc.problem((i,), "pins-shape", Message("pin-needs-one", {"pin": i + 1}))
            )
            continue
        pins.append(Pin(str(p.officer), p.unit, doc.where((i,)), path, p.post, p.rank))
    if problems:
        raise InputError(problems)
    return pins
