"""Coverage-guided fuzzing of the roster loader, the rule loader and the whole plan (issue 7).

    make fuzz                                   # FUZZ_SECONDS=600 by default
    .venv/bin/python fuzz/fuzz_placement.py --seconds 60
    .venv/bin/python fuzz/fuzz_placement.py --repro fuzz/findings/finding-XXXX.bin

Every input is tried three ways:

(a) as a roster (`placement.load.roster.load.read_roster`, written to a temporary `roster.csv`;
    the units `data/units.yaml` and the rules `rules/` are loaded once);
(b) as a rule file (`placement.load.rules.load.check_ruleset` on a temporary folder holding it
    as `r.yaml`); when it has no error, the whole plan of a small shipped roster runs
    under it, since a rule set that validates must plan;
(c) when (a) loaded it: the whole plan (`placement.load.inputs.load_inputs` then
    `placement.place.plan.make_plan`) on it.

Invariants (SPEC §3-§5):

- nothing but `placement.problems.PlacementError` (InputError included) escapes;
- for a roster that loads: `summary.officers` equals the data rows read (`roster.rows`);
  every exception entry names a real row (its row number exists and the officer_id is that
  row's); every row that cannot be read is in the exceptions with its row number;
  `summary.exceptions`/`transfers`/`post_changes` count what the lists hold; the unit
  headcounts add up to the same total before and after; the JSON output is valid JSON;
- determinism, on a fifth of the inputs (chosen by a hash of the input, so a reproducer is
  checked the same way): `make_plan` twice on the same inputs, and once more on freshly
  loaded inputs, give byte-identical JSON.

A broken invariant or an escaping exception is a *finding*: the harness records it and goes
on fuzzing (one finding must not hide the next). Findings are deduplicated by signature
(exception type and innermost `placement/` frame, or the invariant's name) and saved as
`fuzz/findings/finding-<hash>.bin` (the smallest input seen) with `.txt` (signature,
traceback, the input's bytes as a Python literal). libFuzzer's own artifacts (a crash
outside Python, a timeout, running out of memory) land beside them as `crash-*`,
`timeout-*`, `oom-*`, `slow-unit-*`. The grown corpus is `fuzz/findings/corpus/`, libFuzzer's
log `fuzz/findings/libfuzzer.log`; `fuzz/corpus/` (the seeds) is never written to.
Everything under `fuzz/findings/` is generated and belongs in .gitignore.

The run exits 1 when it made a finding, 0 otherwise.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import traceback
import zlib
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
FINDINGS = HERE / "findings"
SEEDS = HERE / "corpus"
UNITS = ROOT / "data" / "units.yaml"
RULES = ROOT / "rules"
SHIPPED_ROSTER = ROOT / "data" / "roster.csv"
STATS = FINDINGS / "stats.json"
LOG = FINDINGS / "libfuzzer.log"
MAX_LEN = 8192  # bytes: the seeds are at most ~6 KB; larger inputs only slow the loop
DETERMINISM_EVERY = 5  # one input in five (by crc32) is planned three times
PROGRESS_SECONDS = 60
ENV_WORK = "PLACEMENT_FUZZ_WORK"  # the scratch folder the driver hands to the fuzzing child


class Violation(Exception):
    """A broken invariant; `name` is its signature."""

    def __init__(self, name: str, detail: str):
        self.name = name
        super().__init__(f"{name}: {detail}")


# --- the target --------------------------------------------------------------------------


class Target:
    """Loaded once per process: the shipped units and rules, and a scratch folder."""

    def __init__(self, work: Path):
        from placement.load.rules.load import load_ruleset
        from placement.load.units import load_units

        self.units = load_units(UNITS)
        self.ruleset = load_ruleset([RULES], self.units)
        self.work = work
        self.roster_path = work / "roster.csv"
        self.rules_dir = work / "rules"
        self.rules_dir.mkdir(exist_ok=True)
        self.rules_path = self.rules_dir / "r.yaml"
        # a small shipped roster to plan under fuzzed rule sets that validate
        self.small_roster = work / "small-roster.csv"
        lines = SHIPPED_ROSTER.read_text(encoding="utf-8").splitlines(keepends=True)
        self.small_roster.write_text("".join(lines[:41]), encoding="utf-8")
        self.stats: Counter = Counter()

    # (a) + (c)
    def roster(self, data: bytes) -> None:
        from placement.load.inputs import load_inputs
        from placement.load.roster.load import read_roster
        from placement.place.plan import make_plan
        from placement.problems import PlacementError

        self.roster_path.write_bytes(data)
        try:
            roster = read_roster(
                self.roster_path,
                self.units,
                self.ruleset.vocab,
                self.ruleset.extras,
                self.ruleset.as_of,
            )
        except PlacementError:
            self.stats["roster_refused"] += 1
            return
        self.stats["roster_loaded"] += 1
        check_roster(roster)
        try:
            inputs = load_inputs(self.roster_path, RULES, UNITS)
        except PlacementError as e:
            raise Violation("load_inputs-refuses-a-loadable-roster", str(e)) from None
        if inputs.roster.rows != roster.rows:
            raise Violation("rows-differ-between-loads", f"{roster.rows} then {inputs.roster.rows}")
        doc = make_plan(inputs)
        self.stats["plans"] += 1
        out = check_plan(inputs, doc)
        if zlib.crc32(data) % DETERMINISM_EVERY == 0:
            self.stats["determinism_checks"] += 1
            again = plan_json(make_plan(inputs))
            if again != out:
                raise Violation("make_plan-not-deterministic", "two runs on the same inputs differ")
            fresh = plan_json(make_plan(load_inputs(self.roster_path, RULES, UNITS)))
            if fresh != out:
                raise Violation(
                    "plan-not-deterministic-across-loads", "a fresh load plans differently"
                )

    # (b)
    def rules(self, data: bytes) -> None:
        from placement.load.inputs import load_inputs
        from placement.load.rules.load import check_ruleset
        from placement.place.plan import make_plan
        from placement.problems import PlacementError, Problem

        self.rules_path.write_bytes(data)
        try:
            _ruleset, problems = check_ruleset([self.rules_dir], self.units)
        except PlacementError:
            self.stats["rules_refused"] += 1
            return
        for p in problems:
            if not isinstance(p, Problem) or not p.file or p.line < 0 or p.col < 0:
                raise Violation("rule-problem-without-location", repr(p))
            p.render()
        if any(p.severity == "error" for p in problems):
            self.stats["rules_with_errors"] += 1
            return
        self.stats["rules_valid"] += 1
        try:
            inputs = load_inputs(self.small_roster, self.rules_dir, UNITS)
        except PlacementError as e:
            raise Violation("load_inputs-refuses-rules-that-validate", str(e)) from None
        check_plan(inputs, make_plan(inputs))
        self.stats["plans_under_fuzzed_rules"] += 1

    def __call__(self, data: bytes) -> None:
        self.roster(data)
        self.rules(data)


def plan_json(doc: dict) -> bytes:
    from placement.report.write import to_json

    return to_json(doc)


def check_roster(roster) -> None:
    o = roster.officers
    if roster.rows != o.height:
        raise Violation("roster-rows", f"rows {roster.rows} != {o.height} officers")
    rows = o["_row"].to_list()
    if len(set(rows)) != len(rows) or any(not isinstance(r, int) or r < 2 for r in rows):
        raise Violation("roster-row-numbers", f"row numbers not unique sheet rows ≥ 2: {rows[:10]}")
    by_row = dict(zip(rows, o["officer_id"].to_list(), strict=True))
    for e in roster.issues:
        real_row(e, by_row, "roster-issue")
    listed = {e["row"] for e in roster.issues}
    for row, valid in zip(rows, o["_valid"].to_list(), strict=True):
        if not valid and row not in listed:
            raise Violation("invalid-row-not-listed", f"row {row} is invalid but has no issue")


def real_row(e: dict, by_row: dict, what: str) -> None:
    if e["row"] not in by_row:
        raise Violation(f"{what}-names-no-row", f"{e}")
    if by_row[e["row"]] != e["officer_id"]:
        raise Violation(
            f"{what}-officer-not-on-its-row", f"{e} but row {e['row']} holds {by_row[e['row']]!r}"
        )


def check_plan(inputs, doc: dict) -> bytes:
    """The plan invariants; the plan's JSON bytes."""
    roster = inputs.roster
    s = doc["summary"]
    if s["officers"] != roster.rows:
        raise Violation(
            "summary-officers", f"summary.officers {s['officers']} != {roster.rows} rows read"
        )
    o = roster.officers
    by_row = dict(zip(o["_row"].to_list(), o["officer_id"].to_list(), strict=True))
    for e in doc["exceptions"]:
        if e["row"] is None and e["officer_id"] is None and e["code"] == "target_unmet":
            continue
        real_row(e, by_row, "exception")
    listed = {e["row"] for e in doc["exceptions"]}
    for row, valid in zip(o["_row"].to_list(), o["_valid"].to_list(), strict=True):
        if not valid and row not in listed:
            raise Violation("invalid-row-not-in-exceptions", f"row {row}")
    ids = set(by_row.values())
    for t in doc["transfers"]:
        if t["officer_id"] not in ids:
            raise Violation("transfer-of-unknown-officer", f"{t}")
    if s["exceptions"] != len(doc["exceptions"]):
        raise Violation("summary-exceptions", f"{s['exceptions']} != {len(doc['exceptions'])}")
    if s["transfers"] + s["post_changes"] != len(doc["transfers"]):
        raise Violation(
            "summary-transfers",
            f"{s['transfers']} + {s['post_changes']} != {len(doc['transfers'])}",
        )
    before = sum(u["before"] for u in doc["units"])
    after = sum(u["after"] for u in doc["units"])
    if before != after:
        raise Violation(
            "headcount-not-conserved", f"{before} officers in units before, {after} after"
        )
    out = plan_json(doc)
    try:
        json.loads(out)
    except ValueError as e:
        raise Violation("plan-json-invalid", str(e)) from None
    return out


# --- findings -----------------------------------------------------------------------------


def signature(exc: BaseException) -> str:
    if isinstance(exc, Violation):
        return f"invariant {exc.name}"
    frames = traceback.extract_tb(exc.__traceback__)
    ours = [f for f in frames if f"{os.sep}placement{os.sep}" in f.filename]
    f = (ours or frames or [None])[-1]
    where = (
        "?"
        if f is None
        else f"{Path(f.filename).relative_to(ROOT) if f.filename.startswith(str(ROOT)) else f.filename}:{f.lineno} in {f.name}"
    )
    return f"{type(exc).__module__}.{type(exc).__qualname__} at {where}"


class Recorder:
    def __init__(self, target: Target):
        self.target = target
        self.counts: Counter = Counter()
        self.first: dict[str, str] = {}
        self.runs = 0
        self.start = time.monotonic()
        self.last_write = 0.0
        self.last_print = self.start

    def __call__(self, data: bytes) -> None:
        self.runs += 1
        try:
            self.target(data)
        except KeyboardInterrupt:
            raise
        except BaseException as e:  # noqa: BLE001 - a polars panic is a BaseException
            self.record(data, e)
        now = time.monotonic()
        if now - self.last_write > 2:
            self.write_stats(now)
        if now - self.last_print > PROGRESS_SECONDS:
            self.last_print = now
            st = self.target.stats
            print(
                f"fuzz: {now - self.start:5.0f} s  {self.runs} runs ({self.runs / (now - self.start):.1f}/s)  "
                f"rosters loaded {st['roster_loaded']} refused {st['roster_refused']}  "
                f"plans {st['plans']} (+{st['plans_under_fuzzed_rules']} under fuzzed rules)  "
                f"findings {len(self.counts)}",
                flush=True,
            )

    def record(self, data: bytes, exc: BaseException) -> None:
        sig = signature(exc)
        self.counts[sig] += 1
        name = "finding-" + hashlib.sha1(sig.encode()).hexdigest()[:10]
        binary, text = FINDINGS / f"{name}.bin", FINDINGS / f"{name}.txt"
        if sig not in self.first:
            self.first[sig] = name
            print(f"fuzz: FINDING {name}: {sig}", flush=True)
        if binary.exists() and binary.stat().st_size <= len(data) and text.exists():
            return
        tb = "".join(traceback.format_exception(exc))
        binary.write_bytes(data)
        text.write_text(
            f"signature: {sig}\n\ninput ({len(data)} bytes):\n{data!r}\n\n{tb}\n"
            f"reproduce: .venv/bin/python fuzz/fuzz_placement.py --repro fuzz/findings/{name}.bin\n",
            encoding="utf-8",
        )

    def write_stats(self, now: float) -> None:
        self.last_write = now
        doc = {
            "runs": self.runs,
            "seconds": round(now - self.start, 1),
            "counts": dict(self.target.stats),
            "findings": [
                {"file": self.first[s], "signature": s, "hits": n} for s, n in self.counts.items()
            ],
        }
        tmp = STATS.with_suffix(".tmp")
        tmp.write_text(json.dumps(doc, indent=1), encoding="utf-8")
        os.replace(tmp, STATS)


# --- entry points -------------------------------------------------------------------------


def fuzz_child(argv: list[str]) -> None:
    """Run under libFuzzer (the driver starts this with `--libfuzzer`)."""
    import atheris

    with atheris.instrument_imports(include=["placement"]):
        import pkgutil

        import placement

        for m in pkgutil.walk_packages(placement.__path__, "placement."):
            if not m.name.endswith("__main__"):
                __import__(m.name)  # lazily imported modules are instrumented too
    recorder = Recorder(Target(Path(os.environ[ENV_WORK])))
    recorder.write_stats(time.monotonic())
    atheris.Setup(argv, recorder)
    atheris.Fuzz()


def drive(seconds: int, extra: list[str]) -> int:
    FINDINGS.mkdir(exist_ok=True)
    grown = FINDINGS / "corpus"
    grown.mkdir(exist_ok=True)
    STATS.unlink(missing_ok=True)
    before = {p.name for p in FINDINGS.iterdir() if p.is_file()}
    work = Path(
        tempfile.mkdtemp(
            prefix="placement-fuzz-", dir="/dev/shm" if Path("/dev/shm").is_dir() else None
        )
    )
    args = [
        sys.executable,
        str(Path(__file__).resolve()),
        "--libfuzzer",
        f"-max_total_time={seconds}",
        f"-max_len={MAX_LEN}",
        "-timeout=60",
        "-rss_limit_mb=4096",
        "-print_final_stats=1",
        f"-dict={HERE / 'placement.dict'}",
        f"-artifact_prefix={FINDINGS}{os.sep}",
        *extra,
        str(grown),
        str(SEEDS),
    ]
    print(
        f"fuzz: {seconds} s; seeds {SEEDS.relative_to(ROOT)}, findings and grown corpus in "
        f"{FINDINGS.relative_to(ROOT)}/, libFuzzer log {LOG.relative_to(ROOT)}",
        flush=True,
    )
    start = time.monotonic()
    try:
        with LOG.open("wb") as log:
            rc = subprocess.call(args, stderr=log, env=os.environ | {ENV_WORK: str(work)})
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return summary(rc, time.monotonic() - start, before)


def summary(rc: int, wall: float, before: set[str]) -> int:
    log = LOG.read_text(encoding="utf-8", errors="replace") if LOG.exists() else ""
    stats = json.loads(STATS.read_text(encoding="utf-8")) if STATS.exists() else {}
    m = re.search(r"stat::number_of_executed_units:\s*(\d+)", log) or re.search(
        r"Done (\d+) runs", log
    )
    runs = int(m.group(1)) if m else stats.get("runs", 0)
    artifacts = sorted(
        p.name
        for p in FINDINGS.iterdir()
        if p.is_file()
        and p.name.startswith(("crash-", "timeout-", "oom-", "leak-", "slow-unit-"))
        and p.name not in before
    )
    findings = stats.get("findings", [])
    cov = re.findall(r"cov: (\d+) ft: (\d+)", log)
    c = stats.get("counts", {})
    print("\n=== fuzz summary ===")
    print(f"time        {wall:.0f} s wall, libFuzzer exit code {rc}")
    print(f"executions  {runs} ({runs / max(wall, 1):.1f}/s)")
    if cov:
        print(f"coverage    {cov[-1][0]} edges, {cov[-1][1]} features (placement/ instrumented)")
    print(
        f"rosters     {c.get('roster_loaded', 0)} loaded, {c.get('roster_refused', 0)} refused with a "
        f"message; {c.get('plans', 0)} planned, {c.get('determinism_checks', 0)} checked for determinism"
    )
    print(
        f"rule files  {c.get('rules_valid', 0)} valid (each planned: "
        f"{c.get('plans_under_fuzzed_rules', 0)}), {c.get('rules_with_errors', 0)} with errors, "
        f"{c.get('rules_refused', 0)} refused"
    )
    print(
        f"corpus      {sum(1 for _ in (FINDINGS / 'corpus').iterdir())} inputs in fuzz/findings/corpus/"
    )
    if not findings and not artifacts:
        print("findings    none")
        return 0
    print(f"findings    {len(findings) + len(artifacts)}:")
    for f in findings:
        print(f"  fuzz/findings/{f['file']}.bin  ({f['hits']} hits)  {f['signature']}")
        print(f"      details: fuzz/findings/{f['file']}.txt")
    for a in artifacts:
        print(f"  fuzz/findings/{a}  (libFuzzer artifact; see {LOG.relative_to(ROOT)})")
    print("reproduce: .venv/bin/python fuzz/fuzz_placement.py --repro FILE")
    return 1


def repro(paths: list[str]) -> int:
    """Run inputs once, letting whatever escapes print its traceback."""
    failed = 0
    with tempfile.TemporaryDirectory(prefix="placement-repro-") as tmp:
        target = Target(Path(tmp))
        for p in paths:
            data = Path(p).read_bytes()
            print(f"== {p} ({len(data)} bytes)", flush=True)
            try:
                target(data)
            except BaseException as e:  # noqa: BLE001
                if isinstance(e, KeyboardInterrupt):
                    raise
                failed += 1
                traceback.print_exception(e)
                print(f"signature: {signature(e)}")
            else:
                print(f"ok: {dict(target.stats)}")
            target.stats.clear()
    return 1 if failed else 0


def main(argv: list[str]) -> int:
    if argv[1:2] == ["--libfuzzer"]:
        fuzz_child([argv[0], *argv[2:]])
        return 0
    if argv[1:2] == ["--repro"]:
        return repro(argv[2:])
    seconds = int(os.environ.get("FUZZ_SECONDS", "600"))
    rest = argv[1:]
    if rest[:1] == ["--seconds"]:
        seconds, rest = int(rest[1]), rest[2:]
    return drive(seconds, rest)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
