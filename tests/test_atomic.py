"""Atomic output (SPEC §3: `-o` writes a temporary file and renames it into place).

A real `placement plan ... --format json -o OUT` is killed with SIGKILL at several moments,
from start-up to the middle of the write; OUT must then be absent, or still the complete
file that was there before, or the complete new plan: never a partial document.

What a SIGKILL can leave behind: the temporary file of the killed write, named
`.OUT.<random>.tmp` beside OUT. Nothing can remove it once the process is killed, but it
is never mistaken for output: it is hidden (leading dot), ends in `.tmp` (no `*.json` glob
matches it) and is never renamed by anyone but the process that made it. Any other stray
file fails the test.
"""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from placement.report.write import write_atomic

ROOT = Path(__file__).resolve().parent.parent
ROWS = 50_000  # ~6.5 MB of JSON out: a write that lasts some milliseconds, a run of a few seconds
OLD = b'{"old": "a complete plan written earlier"}\n'


@pytest.fixture(scope="module")
def big_roster(tmp_path_factory) -> Path:
    """The shipped roster's rows repeated with new officer_ids."""
    lines = (ROOT / "data" / "roster.csv").read_text(encoding="utf-8").splitlines()
    header, rest = lines[0], [line.split(",", 1)[1] for line in lines[1:]]
    path = tmp_path_factory.mktemp("big") / "roster.csv"
    with path.open("w", encoding="utf-8") as fh:
        fh.write(header + "\n")
        fh.writelines(f"Z{i:07d},{rest[i % len(rest)]}\n" for i in range(ROWS))
    return path


def start(roster: Path, out: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "placement",
            "plan",
            str(roster),
            "--rules",
            str(ROOT / "rules"),
            "--units",
            str(ROOT / "data" / "units.yaml"),
            "--format",
            "json",
            "-o",
            str(out),
        ],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def temp_files(folder: Path) -> list[Path]:
    return [p for p in folder.iterdir() if p.name.endswith(".tmp")]


# (name, when to kill: seconds after start, or "tmp+MS" = MS milliseconds after the temporary
# file appears, or None = let it finish), and whether an older complete OUT is there first
TRIALS = [
    ("startup", 0.3, False),
    ("loading", 1.5, True),
    ("write-begins", "tmp+0", False),
    ("write-begins-over-old", "tmp+0", True),
    ("mid-write", "tmp+3", False),
    ("late-write-over-old", "tmp+10", True),
    ("completes", None, False),
]


def test_sigkill_never_leaves_a_partial_output(big_roster, tmp_path):
    """All trials run at once (each in its own folder); one loop watches and kills them.

    Every attempt checks that no output is ever partial. A kill must also land inside the
    write at least once, or the attempt proved nothing about the write: on a busy machine
    the watcher can miss the temporary file's short life, so up to three attempts are made."""
    for attempt in range(3):
        if _sigkill_trials(big_roster, tmp_path / f"attempt-{attempt}"):
            return
    raise AssertionError("no kill landed inside the write in three attempts")


def _sigkill_trials(big_roster, tmp_path) -> bool:
    """One attempt of every trial; True when a kill landed inside the write."""
    runs = {}
    for name, when, old in TRIALS:
        folder = tmp_path / name
        folder.mkdir(parents=True)
        out = folder / "plan.json"
        if old:
            out.write_bytes(OLD)
        runs[name] = {
            "proc": start(big_roster, out),
            "t0": time.monotonic(),
            "when": when,
            "out": out,
            "tmp_seen": None,
            "killed_with_tmp": False,
            "killed": False,
        }
    deadline = time.monotonic() + 120
    while any(r["proc"].poll() is None for r in runs.values()):
        now = time.monotonic()
        assert now < deadline, "placement plan did not finish in 120 s"
        for r in runs.values():
            p, when = r["proc"], r["when"]
            if p.poll() is not None or when is None:
                continue
            if isinstance(when, float):
                fire = now - r["t0"] >= when
            else:
                if r["tmp_seen"] is None and temp_files(r["out"].parent):
                    r["tmp_seen"] = now
                fire = r["tmp_seen"] is not None and (now - r["tmp_seen"]) * 1000 >= int(when[4:])
            if fire:
                p.send_signal(signal.SIGKILL)
                p.wait()
                r["killed"] = True
                r["killed_with_tmp"] = bool(temp_files(r["out"].parent))
        time.sleep(0.0005)

    leftovers = 0
    for name, r in runs.items():
        out, folder = r["out"], r["out"].parent
        if r["killed"]:
            assert r["proc"].returncode == -signal.SIGKILL, name
        else:
            assert r["proc"].returncode == 0, name
        if out.exists():
            data = out.read_bytes()
            if data != OLD:  # not the earlier file: then the complete new plan
                doc = json.loads(data)  # a partial document would not parse
                assert doc["summary"]["officers"] == ROWS, name
        else:
            assert r["killed"], f"{name}: a finished run wrote no output"
        for p in folder.iterdir():
            if p == out:
                continue
            # the only possible stray: the killed process's own temporary file
            assert r["killed"] and re.fullmatch(r"\.plan\.json\..+\.tmp", p.name), (
                f"{name}: stray {p.name}"
            )
            assert not p.name.endswith(".json")
            leftovers += 1
        if not r["killed"]:
            assert json.loads(out.read_bytes())["summary"]["officers"] == ROWS
    # the attempt reached the write itself at least once (else it proved nothing about it)
    return leftovers >= 1 and any(r["killed_with_tmp"] for r in runs.values())


def test_write_atomic_replaces_an_existing_file_whole(tmp_path):
    out = tmp_path / "plan.json"
    out.write_bytes(b"x" * 100_000)
    write_atomic(out, b'{"short": true}\n')
    assert out.read_bytes() == b'{"short": true}\n'  # nothing of the longer old file remains
    write_atomic(out, b"y" * 50_000)
    assert out.read_bytes() == b"y" * 50_000
    assert [p.name for p in tmp_path.iterdir()] == ["plan.json"]
    mask = os.umask(0)
    os.umask(mask)
    assert out.stat().st_mode & 0o777 == 0o666 & ~mask  # an ordinary file, not mkstemp's 0600


def test_failed_write_keeps_the_old_file_and_removes_its_temporary(tmp_path):
    out = tmp_path / "plan.json"
    out.write_bytes(OLD)
    with pytest.raises(TypeError):
        write_atomic(out, "text, not bytes")  # fails inside the write
    assert out.read_bytes() == OLD
    assert [p.name for p in tmp_path.iterdir()] == ["plan.json"]
