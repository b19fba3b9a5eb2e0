"""`placement ... | head` is no internal error: a closed stdout exits 1 in silence, without
the `internal-error` message (exit 3) or Python's "Exception ignored" noise."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from placement.cli.main import DEBUG_VARIABLE


@pytest.mark.parametrize(
    "argv", [["codes", "--format", "json"], ["schema", "rules"], ["codes", "--lang", "zh"]]
)
def test_a_closed_stdout_is_not_an_internal_error(argv, tmp_path, monkeypatch):
    monkeypatch.delenv(DEBUG_VARIABLE, raising=False)
    read, write = os.pipe()
    os.close(read)  # the reader is gone before the first byte is written
    with open(write, "wb") as out:
        r = subprocess.run(
            [sys.executable, "-m", "placement", *argv],
            stdout=out,
            stderr=subprocess.PIPE,
            cwd=tmp_path,
            timeout=60,
        )
    assert r.returncode == 1, r.stderr
    assert r.stderr == b""
