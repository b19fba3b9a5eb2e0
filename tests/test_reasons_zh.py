"""Chinese reasons are made from data, never by reading the English text (issue 12 item 1).

Rewording the English of a reason (the facts of `compile._fact_text`, the destination's
`How`) must leave the Chinese outputs (transfers, flags, violations, and the exceptions whose
messages carry a reason) exactly as they were, and still Chinese. The old sentence grammar
is gone: `i18n.reason` shows plain text as it is."""

from __future__ import annotations

import polars as pl
import pytest
from click.testing import CliRunner

import placement.evaluate.compile as compile_
import placement.place.how as how
from placement import i18n
from placement.cli.main import main
from placement.i18n import label


def _sections(text: str) -> dict[str, str]:
    """Markdown sections by the heading's first word (`调动`, `标记`, ...)."""
    out = {}
    for part in text.split("\n## ")[1:]:
        out[part.split(" ", 1)[0]] = part
    return out


def _run(*argv: str) -> str:
    result = CliRunner().invoke(main, list(argv))
    assert result.exit_code in (0, 1), result.output
    return result.output


def _outputs() -> dict[str, str]:
    plan = _sections(_run("plan", "data/roster.csv", "--format", "md", "--lang", "zh"))
    check = _sections(_run("check", "data/roster.csv", "--format", "md", "--lang", "zh"))
    return {
        "transfers": plan[label("tab_transfers", "zh")],
        "flags": plan[label("tab_flags", "zh")],
        "exceptions": plan[label("tab_exceptions", "zh")],  # exempt, no_capacity: {why:reason}
        "violations": check[label("tab_violations", "zh")],
    }


def test_rewording_the_english_leaves_the_chinese_as_it_was(monkeypatch):
    monkeypatch.chdir(__import__("pathlib").Path(__file__).resolve().parent.parent)
    before = _outputs()
    assert "调往" in before["transfers"] and "满足第" in before["transfers"]
    assert "并入" in before["transfers"]
    assert "豁免于规则" in before["exceptions"]

    fact_text = compile_._fact_text
    monkeypatch.setattr(
        compile_,
        "_fact_text",
        lambda t, vocab, negated: pl.concat_str(pl.lit("REWORDED "), fact_text(t, vocab, negated)),
    )
    monkeypatch.setattr(how, "_english", lambda h: f"CHOSE BY {h.kind}")

    english = _run("plan", "data/roster.csv", "--format", "md", "--lang", "en")
    assert "REWORDED " in english and "CHOSE BY wish" in english  # the patches took effect
    after = _outputs()
    assert after == before
    assert i18n.reason("age 38 ≤ 40", "zh") == "age 38 ≤ 40"  # plain text is not translated
    for text in after.values():
        assert "REWORDED" not in text and "CHOSE BY" not in text


@pytest.mark.parametrize(
    ("n", "en", "zh"),
    [
        (how.wish(2), "wish 2 honoured", "满足第 2 志愿"),
        (how.preference(1), "preference 1 met", "符合第 1 项优先条件"),
        (how.EVEN, "even fill", "均衡分配"),
    ],
)
def test_how_a_destination_was_chosen_in_both_languages(n, en, zh):
    assert str(n) == en
    assert f"to X: {n}" == f"to X: {en}"
    assert n.message.text("zh") == zh
