"""Problems are values: a code, a location, a message and an optional hint.

A `Problem` is collected in lists and sorted by location; `InputError` carries
the problems that stop a command (exit code 2) and is caught in one place, the CLI.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass
from enum import IntEnum

from placement.messages.registry import Message


class Exit(IntEnum):
    OK = 0
    FOUND = 1  # violations, failed tests, invalid rules
    BAD_INPUT = 2
    INTERNAL = 3  # a bug: the `internal-error` message names the variable for the traceback


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    line: int
    col: int
    code: str
    message: Message  # rendered in the reader's language at the edge
    hint: Message | str = ""  # a hint Message (did-you-mean), or nothing
    severity: str = "error"  # error | warning

    def render(self) -> str:
        where = self.file
        if self.line:
            where += f":{self.line}"
            if self.col:
                where += f":{self.col}"
        text = f"{where}: {self.code}: {self.message}"
        if self.hint:
            text += f" ({self.hint})"
        return text

    def as_dict(self) -> dict:
        return {
            "file": self.file,
            "line": self.line,
            "col": self.col,
            "severity": self.severity,
            "code": self.code,
            "message": str(self.message),
            "hint": str(self.hint),
        }


def problem(
    code: str,
    file: str,
    line: int = 0,
    col: int = 0,
    /,
    *,
    hint: Message | str = "",
    message: Message | None = None,
    **fields: object,
) -> Problem:
    """A Problem of the declared `code` at file:line:col.

    Its message is `message` when given (a sentence of a group code such as `bad-value`),
    else the code's own template over `fields`. KeyError for an undeclared code."""
    from placement.messages import REGISTRY

    severity = str(REGISTRY[code].severity)
    return Problem(file, line, col, code, message or Message(code, fields), hint, severity)


class PlacementError(Exception):
    """Root of the errors the tool raises on purpose."""


class InputError(PlacementError):
    """Input that stops a command: one or more problems, exit code 2."""

    def __init__(self, problems: list[Problem] | Problem):
        if isinstance(problems, Problem):
            problems = [problems]
        self.problems = sorted(problems)
        super().__init__("\n".join(p.render() for p in self.problems))


def closest(word: str, candidates: Iterable[str], n: int = 3) -> list[str]:
    """Candidates that look like `word`, best first."""
    pool = [str(c) for c in candidates]
    return difflib.get_close_matches(str(word), pool, n=n, cutoff=0.6)


def did_you_mean(word: str, candidates: Iterable[str]) -> Message | str:
    """A `did-you-mean` hint naming the candidates like `word`, or "" when none is."""
    names = closest(word, candidates)
    if not names:
        return ""
    return Message("did-you-mean", {"names": names})
