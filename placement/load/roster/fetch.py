"""Reading a roster file: its cells as text and its SHA-256, in a worker thread if wished.

`plan` and `check` start the reading first and import their modules (polars, numpy,
pydantic: about half a second) and load the units and rules meanwhile: reading, hashing and
the CSV reader let go of the GIL. This module imports nothing heavy for that reason, and the
worker imports only `read.py` (polars and the problem types), which imports nothing else of
the project.
"""

from __future__ import annotations

import hashlib
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from placement.messages.registry import Message
from placement.problems import InputError, problem

if TYPE_CHECKING:
    from placement.load.roster.read import RawTable

MAX_ROSTER_BYTES = 2 * 1024**3


def read_roster_file(path: str | Path, sheet: str | None = None) -> tuple[RawTable, str]:
    """The file's cells as text, and its SHA-256. Needs neither the units nor the rules.
    `sheet` (name or 1-based index) chooses a workbook's sheet (`--sheet`)."""
    from placement.load.roster.read import read_table

    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_ROSTER_BYTES:
            raise InputError(problem("roster-too-large", str(path), size="2 GiB"))
        raw = path.read_bytes()
    except FileNotFoundError:
        raise InputError(problem("roster-missing", str(path))) from None
    except IsADirectoryError:
        raise InputError(
            problem("roster-unreadable", str(path), message=Message("roster-folder"))
        ) from None
    except OSError as e:
        raise InputError(
            problem(
                "roster-unreadable",
                str(path),
                message=Message("cannot-read", {"error": e.strerror}),
            )
        ) from None
    hasher = hashlib.sha256()  # hashed beside the parsing: hashlib lets go of the GIL
    hashing = threading.Thread(target=hasher.update, args=(raw,), daemon=True)
    hashing.start()
    try:
        table = read_table(path, raw, sheet)
    finally:
        hashing.join()
    return table, hasher.hexdigest()


class Reading:
    """`read_roster_file(path)`, started now in a worker thread; its errors are raised where
    the result is taken, and the result is given once (so its memory goes with its user).

    The thread is a daemon: when the units or rules are bad, the command reports them and
    exits at once, without waiting for a large (or never-ending) roster file."""

    def __init__(self, path: str | Path, sheet: str | None = None):
        self._result: tuple[RawTable, str] | None = None
        self._error: BaseException | None = None
        self._thread: threading.Thread | None = threading.Thread(
            target=self._run, args=(path, sheet), daemon=True
        )
        self._thread.start()

    def _run(self, path: str | Path, sheet: str | None) -> None:
        try:
            self._result = read_roster_file(path, sheet)
        except BaseException as e:  # handed to the caller by take()
            self._error = e

    def take(self) -> tuple[RawTable, str]:
        """What `read_roster_file` gave: (the table, the file's sha256 in hex), waiting for
        the thread; raises what it raised (InputError roster-*), and RuntimeError when taken
        a second time."""
        if self._thread is None:
            raise RuntimeError("a roster reading is taken once")
        self._thread.join()
        self._thread = None
        result, error, self._result, self._error = self._result, self._error, None, None
        if error is not None:
            raise error
        assert result is not None
        return result
