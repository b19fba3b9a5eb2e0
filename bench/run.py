"""Run the benchmark (issue 6) and write bench/RESULTS.md.

CLI commands run as whole processes; wall time and peak RSS are the median of --repeat runs
(/usr/bin/time -f '%e %M', else getrusage(RUSAGE_CHILDREN) in a fresh child). A run that takes
longer than --long seconds is not repeated; one that exceeds --timeout is stopped and counted
as a miss. Then the floor and ZEN (compare.py) and placement only (place.py).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
from collections import Counter
from importlib import metadata
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
OUT = HERE / "out"
BIN = Path(sys.executable).parent
GIB = 1 << 30
RUSAGE = (
    "import resource, subprocess, sys, time; t = time.perf_counter(); "
    "r = subprocess.run(sys.argv[1:]).returncode; w = time.perf_counter() - t; "
    "print(f'{w} {resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}', file=sys.stderr); "
    "sys.exit(r)"
)


def cli(*args: str) -> list[str]:
    return [str(BIN / "placement"), *args]


def scenario(cmd: str, size: str) -> list[str]:
    return cli(
        cmd,
        f"bench/out/roster_{size}.csv",
        "--rules",
        "bench/out/rules",
        "--units",
        f"bench/out/units_{size}.yaml",
        "--format",
        "json",
        "-o",
        f"bench/out/{cmd}_{size}.json",
    )


# label, command, accepted exit codes, bar (seconds, bytes) or None
CASES = [
    ("plan 100k", scenario("plan", "100k"), {0}, None),
    ("plan 1M", scenario("plan", "1m"), {0}, (10, 2 * GIB)),
    ("check 100k", scenario("check", "100k"), {0, 1}, None),
    ("check 1M", scenario("check", "1m"), {0, 1}, (5, None)),
    (
        "validate (shipped rules)",
        cli("validate", "rules", "--units", "data/units.yaml"),
        {0},
        (0.5, None),
    ),
    ("--help", cli("--help"), {0}, (0.3, None)),
]


def once(cmd: list[str], timeout: float) -> tuple[float, int, int]:
    """(wall s, peak RSS KiB, exit code) of one whole-process run."""
    with tempfile.NamedTemporaryFile("r") as out:
        if shutil.which("time", path="/usr/bin"):
            wrap = ["/usr/bin/time", "-f", "%e %M", "-o", out.name, *cmd]
        else:
            wrap = [sys.executable, "-c", RUSAGE, *cmd]
        p = subprocess.Popen(
            wrap,
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
            start_new_session=True,
        )
        try:
            _, err = p.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(p.pid, signal.SIGKILL)  # the wrapper and the command under it
            p.communicate()
            return timeout, 0, -1
        last = (out.read() or err).strip().splitlines()[-1]
        wall, kib = last.split()[-2:]
        return float(wall), int(kib), p.returncode


def measure(cmd, codes, repeat, long, timeout) -> dict:
    runs = []
    for _ in range(repeat):
        wall, kib, rc = once(cmd, timeout)
        if rc == -1 or rc not in codes:
            return {
                "error": "timeout" if rc == -1 else f"exit {rc}",
                "wall": wall,
                "peak": kib << 10,
                "n": 1,
            }
        runs.append((wall, kib << 10))
        if wall > long:
            break
    return {
        "wall": statistics.median(r[0] for r in runs),
        "peak": statistics.median(r[1] for r in runs),
        "n": len(runs),
    }


def verdict(r: dict, bar) -> str:
    if bar is None:
        return ""
    ok = "error" not in r and r["wall"] <= bar[0] and (bar[1] is None or r["peak"] <= bar[1])
    return "PASS" if ok else "MISS"


def fmt_bar(bar) -> str:
    if bar is None:
        return "-"
    return f"≤ {bar[0]:g} s" + (f", ≤ {bar[1] / GIB:g} GiB" if bar[1] else "")


def fmt_time(r: dict, repeat: int) -> str:
    s = f"{r['wall']:.2f} s" if r["wall"] < 100 else f"{r['wall']:.0f} s"
    if "error" in r:
        return f"> {s} (timeout)" if r["error"] == "timeout" else f"{s} ({r['error']})"
    return s if r["n"] == repeat else f"{s} (n={r['n']})"


def hotspots(cmd: list[str], top: int = 10) -> list[str]:
    """py-spy profile of one run: self and total shares of wall time per project function."""
    with tempfile.NamedTemporaryFile(suffix=".txt") as raw:
        subprocess.run(
            [
                str(BIN / "py-spy"),
                "record",
                "-r",
                "100",
                "--idle",
                "--nonblocking",
                "--format",
                "raw",
                "-o",
                raw.name,
                "--",
                *cmd,
            ],
            cwd=ROOT,
            capture_output=True,
        )
        own, total, under, where, n_all = Counter(), Counter(), {}, {}, 0
        for row in Path(raw.name).read_text().splitlines():
            stack, n = row.rsplit(" ", 1)
            n, frames = (
                int(n),
                [
                    re.sub(
                        r"^(.*) \((?:.*/site-packages/|.*/work/main/)?(.*?):(\d+)\)$",
                        r"\2:\1:\3",
                        f,
                    )
                    for f in stack.split(";")
                ],
            )
            mine = [f for f in frames if f.startswith("placement/")]
            leaf = frames[-1].rsplit(":", 1)[0] or "no Python frame"
            fn, line = mine[-1].rsplit(":", 1) if mine else (f"(outside the project: {leaf})", "")
            n_all += n
            own[fn] += n
            where.setdefault(fn, Counter())[line] += n
            under.setdefault(fn, Counter())[leaf if mine and leaf != fn else "itself"] += n
            for f in {f.rsplit(":", 1)[0] for f in mine}:
                total[f] += n
    if not n_all:
        return ["(py-spy recorded nothing)"]
    out = [
        f"Self, by project function ({n_all:,} samples; library time, polars included, is charged to "
        "the project function that called it):",
        "",
    ]
    out += [
        f"- {v / n_all:.0%} {k}"
        + (
            f", hottest line {where[k].most_common(1)[0][0]}, in {under[k].most_common(1)[0][0]}"
            if k.startswith("placement/")
            else ""
        )
        for k, v in own.most_common(top)
    ]
    out += ["", "Total (on the stack), project functions:", ""]
    out += [f"- {v / n_all:.0%} {k}" for k, v in total.most_common(top + 6)]
    return out


def machine() -> list[str]:
    cpu = next(
        (
            ln.split(":", 1)[1].strip()
            for ln in open("/proc/cpuinfo")
            if ln.startswith("model name")
        ),
        "?",
    )
    free = subprocess.run(["free", "-h"], capture_output=True, text=True).stdout.strip("\n")
    pkgs = ", ".join(
        f"{p} {metadata.version(p)}"
        for p in ("placement", "polars", "numpy", "ortools", "pydantic", "pyyaml", "zen-engine")
    )
    git = subprocess.run(
        ["git", "log", "-1", "--format=%h %ci"], cwd=ROOT, capture_output=True, text=True
    ).stdout.strip()
    dirty = subprocess.run(
        ["git", "status", "--porcelain", "placement"], cwd=ROOT, capture_output=True, text=True
    ).stdout.count("\n")
    return [
        f"- code: commit {git or '?'}"
        + (f", {dirty} uncommitted file(s) under placement/" if dirty else ""),
        f"- CPU: {cpu}, nproc {os.cpu_count()}",
        f"- Python {platform.python_version()}, {pkgs}",
        f"- load average at start: {' '.join(f'{x:.2f}' for x in os.getloadavg())}",
        "- memory (`free -h`):",
        "",
        "```",
        free,
        "```",
    ]


def movers_share(size: str) -> str:
    try:
        s = json.loads((OUT / f"plan_{size}.json").read_text())["summary"]
        return f"{s['transfers'] / s['officers']:.1%} of officers transferred, {s['post_changes']:,} post changes"
    except (OSError, KeyError, ValueError):
        return "no plan output"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument(
        "--long", type=float, default=60, help="do not repeat runs longer than this (s)"
    )
    ap.add_argument("--timeout", type=float, default=1800, help="stop a run after this long (s)")
    ap.add_argument("--profile", action="store_true", help="py-spy profile of each missed CLI bar")
    ap.add_argument("--skip", nargs="*", default=[], choices=["cli", "compare", "place", "appoint"])
    args = ap.parse_args()
    if not (OUT / ".generated").exists():
        sys.exit("bench/out/ is missing: run bench/generate.py (or make bench) first")
    started = dt.datetime.now().isoformat(timespec="seconds")
    md = [f"# Benchmark results ({started})", "", "## Machine", "", *machine(), ""]
    lines = []

    def say(text=""):
        print(text, flush=True)
        lines.append(text)

    results = {}
    if "cli" not in args.skip:
        say(f"## CLI, whole processes (median of {args.repeat}; bars of SPEC §5 and issue 6)")
        say("")
        say("| run | wall | peak RSS | bar | verdict | load before |")
        say("|---|---|---|---|---|---|")
        for label, cmd, codes, bar in CASES:
            load = os.getloadavg()[0]
            r = results[label] = measure(cmd, codes, args.repeat, args.long, args.timeout)
            peak = (
                f"{r['peak'] / GIB:.2f} GiB" if r["peak"] >= GIB / 4 else f"{r['peak'] >> 20} MiB"
            )
            say(
                f"| {label} | {fmt_time(r, args.repeat)} | {peak} | {fmt_bar(bar)} | {verdict(r, bar)} | {load:.1f} |"
            )
        say("")
        for cmd in ("plan", "check"):
            a, b = results[f"{cmd} 100k"], results[f"{cmd} 1M"]
            if "error" not in a and "error" not in b:
                say(
                    f"- {cmd} 100k → 1M (10× rows): time ×{b['wall'] / a['wall']:.1f}, "
                    f"peak memory ×{b['peak'] / a['peak']:.1f}"
                )
        say(f"- movers: 100k plan: {movers_share('100k')}; 1M plan: {movers_share('1m')}")
        say("")
        for label, cmd, _codes, bar in CASES if args.profile else ():
            if verdict(results[label], bar) == "MISS":
                say(
                    f"### Profile of {label} (py-spy, 100 Hz, idle samples included: wall-clock shares)"
                )
                say("")
                for line in hotspots(cmd):
                    say(line)
                say("")
    if "compare" not in args.skip:
        sys.path.insert(0, str(HERE))
        import compare

        say("## Same 1M roster and rules: floor and ZEN (in-process, wall time)")
        say("")
        roster, units = str(OUT / "roster_1m.csv"), str(OUT / "units_1m.yaml")
        floor_s, _ = compare.floor(roster, units)
        z = compare.zen_run(roster, units)
        rates = ", ".join(f"{k} {v:,.0f}/s" for k, v in z["rates"].items())
        sampled = (
            f"{z['evaluated']:,} evaluated, extrapolated linearly to {z['rows']:,}"
            if z["evaluated"] < z["rows"]
            else f"all {z['rows']:,} evaluated"
        )
        say(
            f"- floor (polars read, merge, age, hand-written rule filters, counts): {floor_s:.2f} s"
        )
        say(
            f"- ZEN decision table ({z['mode']}, the fastest of: {rates}; {sampled}): "
            f"{z['total_s']:.1f} s = prep {z['prep_s']:.2f} s + evaluate {z['eval_s']:.1f} s; "
            f"match counts agree with the floor: {'yes' if z['agree'] else 'NO'}"
        )
        for label in ("check 1M", "plan 1M"):
            r = results.get(label)
            if r and "error" not in r:
                say(
                    f"- {label}: placement/ZEN {r['wall'] / z['total_s']:.2f}, placement/floor {r['wall'] / floor_s:.1f}"
                )
        say("")
    if "place" not in args.skip:
        import place

        say(
            "## Placement only (in-process; SPEC §5: 50,000 movers over 2,000 units optimally in ≤ 10 s)"
        )
        say("")
        for line in place.report(place.run()):
            say(line)
        say("")
    if "appoint" not in args.skip:
        import appoint

        say(
            "## Appointments only (in-process; SPEC §5: 20,000 vacancies from 200,000 candidates "
            "optimally in ≤ 5 s; wall and CPU time)"
        )
        say("")
        for scale in appoint.SCALES:
            for line in appoint.report(appoint.run(scale)):
                say(line)
        say("")
    md += lines + [
        f"Finished {dt.datetime.now().isoformat(timespec='seconds')}; load average at end: "
        f"{' '.join(f'{x:.2f}' for x in os.getloadavg())}.",
        "",
    ]
    if not args.skip:
        (HERE / "RESULTS.md").write_text("\n".join(md), encoding="utf-8")
        print("wrote bench/RESULTS.md")


if __name__ == "__main__":
    main()
