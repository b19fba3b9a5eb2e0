"""`placement codes`: the registry as a command, and docs/codes*.md generated from it."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from placement.cli.main import main
from placement.commands.codes import codes
from placement.messages import REGISTRY
from placement.report.codes import codes_markdown

DOCS = Path(__file__).resolve().parents[1] / "docs"


def run(*args):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_codes_lists_every_code_with_its_example_and_exits_0():
    r = run("codes", "--format", "json")
    assert r.exit_code == 0
    doc = json.loads(r.output)
    assert [c["code"] for c in doc["codes"]] == sorted(REGISTRY)
    one = next(c for c in doc["codes"] if c["code"] == "duplicate-unit")
    assert one == {
        "code": "duplicate-unit",
        "kind": "problem",
        "severity": "error",
        "summary": "Two units with one id.",
        "example": "unit id 'BGS' is defined twice",
        "fix": "",
    }


def test_one_code_in_chinese():
    r = run("codes", "invalid_row", "--lang", "zh")
    assert r.exit_code == 0
    assert r.output.startswith("invalid_row (exception, error)\n")
    assert "第 5 行：出生日期 '1985-13-01' 不是日期" in r.output


def test_an_unknown_code_exits_2_with_did_you_mean():
    doc, status = codes("unknown-fiel")
    assert status == 2 and "unknown-field" in doc["did_you_mean"]
    r = run("codes", "unknown-fiel")
    assert r.exit_code == 2
    assert "did you mean 'unknown-field'" in r.output


def test_codes_help_has_an_example():
    r = run("codes", "--help")
    assert r.exit_code == 0 and "Example: placement codes" in r.output


def test_the_committed_docs_are_current():
    """Regenerate with: placement codes --format md > docs/codes.md (and --lang zh)."""
    for lang, name in (("en", "codes.md"), ("zh", "codes.zh.md")):
        doc, _ = codes(None, lang)
        assert (DOCS / name).read_text(encoding="utf-8") == codes_markdown(doc, lang), (
            f"docs/{name} is stale: run placement codes --format md --lang {lang} > docs/{name}"
        )


def test_an_internal_error_exits_3_and_names_the_variable(monkeypatch):
    """A bug is not bad input: exit 3, the internal-error message, no traceback (SPEC §3)."""
    import placement.commands.codes as mod

    def broken(code=None, lang="en"):
        raise KeyError("summary")

    monkeypatch.delenv("PLACEMENT_DEBUG", raising=False)
    monkeypatch.setattr(mod, "codes", broken)
    r = CliRunner().invoke(main, ["codes"])
    assert r.exit_code == 3
    assert r.output == (
        "error: internal error KeyError: 'summary'; set PLACEMENT_DEBUG=1 to see the traceback\n"
    )
    r = CliRunner().invoke(main, ["codes", "--lang", "zh"])
    assert r.exit_code == 3 and "设置 PLACEMENT_DEBUG=1 可查看调用栈" in r.output
    monkeypatch.setenv("PLACEMENT_DEBUG", "1")
    r = CliRunner().invoke(main, ["codes"])
    assert isinstance(r.exception, KeyError)
