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
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING

from ..problems import InputError, Problem

if TYPE_CHECKING:
    from .read import RawTable

MAX_ROSTER_BYTES = 2 * 1024**3


def read_roster_file(path: str | Path) -> tuple[RawTable, str]:
    """The file's cells as text, and its SHA-256. Needs neither the units nor the rules."""
    from .read import read_table

    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_ROSTER_BYTES:
            raise InputError(Problem(str(path), 0, 0, "roster-too-large", "the file is larger than 2 GiB"))
        raw = path.read_bytes()
    except FileNotFoundError:
        raise InputError(Problem(str(path), 0, 0, "roster-missing", "no such file")) from None
    except IsADirectoryError:
        raise InputError(Problem(str(path), 0, 0, "roster-unreadable", "is a folder, not a roster file")) from None
    except OSError as e:
        raise InputError(Problem(str(path), 0, 0, "roster-unreadable", f"cannot read: {e.strerror}")) from None
    hasher = hashlib.sha256()  # hashed beside the parsing: hashlib lets go of the GIL
    hashing = threading.Thread(target=hasher.update, args=(raw,), daemon=True)
    hashing.start()
    try:
        table = read_table(path, raw)
    finally:
        hashing.join()
    return table, hasher.hexdigest()


class Reading:
    """`read_roster_file(path)`, started now in a worker thread; its errors are raised where
    the result is taken, and the result is given once (so its memory goes with its user)."""

    def __init__(self, path: str | Path):
        pool = ThreadPoolExecutor(1)
        self._future: Future | None = pool.submit(read_roster_file, path)
        pool.shutdown(wait=False)

    def take(self):
        if self._future is None:
            raise RuntimeError("a roster reading is taken once")
        future, self._future = self._future, None
        return future.result()
