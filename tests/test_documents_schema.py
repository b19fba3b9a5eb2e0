"""Every document the commands produce validates against what `placement schema` publishes.

The schema is taken from the CLI (`placement schema plan|check|explain|diff`), the documents
from the CLI's JSON output, for the seed scenario and the golden edge cases, with every variant
of a document we know how to make: pins, a Chinese-header roster, every officer of the edge
cases explained (planned, not planned, with issues), a diff both ways.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from placement.cli.main import main

ROOT = Path(__file__).resolve().parent.parent
EDGE = Path(__file__).resolve().parent / "golden" / "edge-cases"
EDGE_ARGS = ["--rules", "rules", "--units", "units.yaml"]


def _cli(*argv: str) -> tuple[int, dict]:
    r = CliRunner().invoke(main, list(argv), catch_exceptions=False)
    return r.exit_code, json.loads(r.output)


@pytest.fixture(scope="module")
def schemas() -> dict[str, jsonschema.protocols.Validator]:
    out = {}
    for which in ("plan", "check", "explain", "diff"):
        code, schema = _cli("schema", which)
        assert code == 0
        cls = jsonschema.validators.validator_for(schema)
        cls.check_schema(schema)
        out[which] = cls(schema)
    return out


def _valid(validator: jsonschema.protocols.Validator, doc: dict) -> None:
    errors = sorted(validator.iter_errors(doc), key=lambda e: list(e.absolute_path))
    assert not errors, "\n".join(
        f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in errors[:10]
    )


def _seed_documents(tmp_path: Path) -> list[tuple[str, dict]]:
    docs = []
    for roster in ("data/roster.csv", "data/roster_zh.csv", "data/roster.xlsx"):
        docs.append(("plan", _cli("plan", roster, "--format", "json")[1]))
    pins = ["--pin", "data/pins.example.yaml"]
    docs.append(("plan", _cli("plan", "data/roster.csv", *pins, "--format", "json")[1]))
    docs.append(("check", _cli("check", "data/roster.csv", "--format", "json")[1]))
    for officer in ("J0042", "J0017", "J0079", "J0340", "J0005", "J0004", "J0002"):
        docs.append(("explain", _cli("explain", "data/roster.csv", officer, "--format", "json")[1]))
    return docs


def test_seed_documents_validate(schemas, tmp_path, monkeypatch):
    monkeypatch.chdir(ROOT)
    docs = _seed_documents(tmp_path)
    a = tmp_path / "a.json"
    b = tmp_path / "b.json"
    a.write_text(json.dumps(docs[0][1], ensure_ascii=False), encoding="utf-8")
    b.write_text(json.dumps(docs[3][1], ensure_ascii=False), encoding="utf-8")  # with pins
    for old, new in ((a, b), (b, a), (a, a)):
        docs.append(("diff", _cli("diff", str(old), str(new), "--format", "json")[1]))
    for which, doc in docs:
        _valid(schemas[which], doc)


def test_edge_case_documents_validate(schemas, tmp_path, monkeypatch):
    monkeypatch.chdir(EDGE)
    code, plan = _cli("plan", "roster.csv", *EDGE_ARGS, "--format", "json")
    _valid(schemas["plan"], plan)
    assert plan["exceptions"], "the edge cases are meant to produce exceptions"
    _valid(schemas["check"], _cli("check", "roster.csv", *EDGE_ARGS, "--format", "json")[1])
    with (EDGE / "roster.csv").open(encoding="utf-8") as fh:
        ids = [r["officer_id"] for r in csv.DictReader(fh) if r["officer_id"]]
    assert len(ids) > 10
    for officer in ids:
        r = CliRunner().invoke(
            main, ["explain", "roster.csv", officer, *EDGE_ARGS, "--format", "json"]
        )
        if r.exit_code == 2:  # an officer id the roster does not plan and has no issue for
            continue
        _valid(schemas["explain"], json.loads(r.output))
    seed = ROOT / "tests" / "golden_seed" / "plan.json"
    mine = tmp_path / "edge.json"
    mine.write_text(json.dumps(plan, ensure_ascii=False), encoding="utf-8")
    _valid(schemas["diff"], _cli("diff", str(seed), str(mine), "--format", "json")[1])


def test_schema_rejects_a_wrong_document(schemas):
    """The validation can fail: a missing key, an unknown key and a wrong type are caught."""
    plan = json.loads((ROOT / "tests" / "golden_seed" / "plan.json").read_text(encoding="utf-8"))
    _valid(schemas["plan"], plan)
    for broken in (
        {k: v for k, v in plan.items() if k != "summary"},
        {**plan, "extra": 1},
        {**plan, "transfers": [{**plan["transfers"][0], "to_unit": 3}]},
    ):
        assert list(schemas["plan"].iter_errors(broken))
