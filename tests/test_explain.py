"""`explain`: each rule's condition as a tree with every node's truth value, the tests that
decided it (SPEC §1.4 three-valued logic), and the plan's outcome with the plan's options."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from placement.cli.main import main
from placement.commands.explain import deciding

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture()
def seed_dir(tmp_path, monkeypatch):
    shutil.copytree(ROOT / "data", tmp_path / "data")
    shutil.copytree(ROOT / "rules", tmp_path / "rules")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("LANG", raising=False)
    return tmp_path


def run(*args):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def leaf(name: str, result: str) -> dict:
    return {"node": "test", "text": name, "result": result}


def node(kind: str, result: str, *parts) -> dict:
    return {"node": kind, "result": result, "parts": list(parts)}


T, F, U = "true", "false", "unknown"


@pytest.mark.parametrize(
    "tree, expected",
    [
        (node("all", F, leaf("a", T), leaf("b", F), leaf("c", U), leaf("d", F)), ["b", "d"]),
        (node("all", T, leaf("a", T), leaf("b", T)), ["a", "b"]),
        (node("all", U, leaf("a", T), leaf("b", U)), ["b"]),
        (node("any", T, leaf("a", F), leaf("b", T), leaf("c", U)), ["b"]),
        (node("any", F, leaf("a", F), leaf("b", F)), ["a", "b"]),
        (node("any", U, leaf("a", F), leaf("b", U)), ["b"]),
        (node("not", F, node("any", T, leaf("a", T), leaf("b", F))), ["a"]),
        # leader-exam for a station head who passed: the `any` is true, the exam test decides
        (
            node(
                "all",
                F,
                node("any", T, leaf("post in leaders", T), leaf("promotion_candidate", F)),
                leaf("exam_passed yes ≠ no", F),
            ),
            ["exam_passed yes ≠ no"],
        ),
    ],
)
def test_deciding_tests(tree, expected):
    assert deciding(tree) == expected


def _station_head_who_passed(seed_dir) -> str:
    import csv

    with open(seed_dir / "data" / "roster.csv", encoding="utf-8") as f:
        return next(
            r["officer_id"]
            for r in csv.DictReader(f)
            if r["post"] == "station_head" and r["exam_passed"] == "true"
        )


def test_leader_exam_names_the_exam_not_promotion_candidate(seed_dir):
    oid = _station_head_who_passed(seed_dir)
    doc = json.loads(run("explain", "data/roster.csv", oid, "--format", "json").output)
    rule = next(r for r in doc["rules"] if r["rule_id"] == "leader-exam")
    assert rule["why_not"] == ["exam_passed yes ≠ no"]
    when = rule["when"]
    assert (when["node"], when["result"]) == ("all", "false")
    assert [(p["node"], p["result"]) for p in when["parts"]] == [("any", "true"), ("test", "false")]
    assert [p["decides"] for p in when["parts"][0]["parts"]] == [False, False]
    text = run("explain", "data/roster.csv", oid).output
    block = text[text.index("leader-exam") : text.index("leader-appraisal")]
    assert "   true    any of\n" in block
    assert "  false *  exam_passed yes ≠ no\n" in block
    assert "    why not: exam_passed yes ≠ no\n" in block
    zh = run("explain", "data/roster.csv", oid, "--lang", "zh").output
    block = zh[zh.index("leader-exam") : zh.index("leader-appraisal")]
    assert "任一满足" in block and "未适用原因：业务考试合格 是 ≠ 否" in block


def test_unknown_rule_names_the_unknown_tests(seed_dir):
    doc = json.loads(run("plan", "data/roster.csv", "--format", "json").output)
    gap = next(e for e in doc["exceptions"] if e["code"] == "missing_data")
    out = json.loads(
        run("explain", "data/roster.csv", gap["officer_id"], "--format", "json").output
    )
    rule = next(r for r in out["rules"] if r["rule_id"] == gap["rule_id"])
    assert rule["status"] == "unknown (missing data)"
    assert rule["unknown"] and all(gap["field"] in t for t in rule["unknown"])


def test_explain_takes_the_plans_pins(seed_dir):
    pins = ["--pin", "data/pins.example.yaml"]
    plan = json.loads(run("plan", "data/roster.csv", *pins, "--format", "json").output)
    for oid in ("J0005", "J0340"):
        doc = json.loads(run("explain", "data/roster.csv", oid, *pins, "--format", "json").output)
        moved = next((t for t in plan["transfers"] if t["officer_id"] == oid), None)
        assert doc.get("transfer") == moved
        assert doc["exceptions"] == [e for e in plan["exceptions"] if e["officer_id"] == oid]
    head = json.loads(run("explain", "data/roster.csv", "J0340", *pins, "--format", "json").output)
    assert "transfer" not in head  # stays, as pinned
    unpinned = json.loads(run("explain", "data/roster.csv", "J0340", "--format", "json").output)
    assert unpinned["transfer"]["rule_id"] == "june-station-head-recall"


def test_missing_defaults_are_named_all_at_once(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    roster = ROOT / "data" / "roster.csv"
    r = CliRunner().invoke(main, ["plan", str(roster), "--lang", "en"])
    assert r.exit_code == 2
    assert r.output.splitlines() == [
        f"data/units.yaml: missing-default: no data/units.yaml in {tmp_path}; give --units FILE",
        f"rules/: missing-default: no rules/ in {tmp_path}; give --rules DIR",
    ]
    r = CliRunner().invoke(main, ["plan", str(roster), "--units", str(ROOT / "data/units.yaml")])
    assert r.output.splitlines() == [
        f"rules/: missing-default: no rules/ in {tmp_path}; give --rules DIR"
    ]


@pytest.mark.parametrize("arg", ["data/roster.csv", "nowhere"])
def test_placement_test_hints_its_argument(seed_dir, arg):
    r = CliRunner().invoke(main, ["test", arg])
    assert r.exit_code == 2
    assert r.output == (
        f"{arg}: test-argument: placement test reads rule files (*.yaml) or a folder of them, "
        f"not {arg}\n"
    )
