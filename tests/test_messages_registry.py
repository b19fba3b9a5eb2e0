"""The registry of codes: every declaration renders in both languages over the same fields."""

from __future__ import annotations

import pytest

from placement.messages import REGISTRY, Kind, Message, Severity, render, template_fields


@pytest.mark.parametrize("code", sorted(REGISTRY))
def test_templates_name_the_same_fields_and_render_their_example(code):
    entry = REGISTRY[code]
    assert entry.kind in Kind and entry.severity in Severity
    assert entry.summary and entry.summary_zh, "a code needs a one-line summary in both languages"
    assert template_fields(entry.en) == template_fields(entry.zh), (
        "en and zh templates differ in fields"
    )
    assert template_fields(entry.en) <= set(entry.example), "the example must give every field"
    for lang in ("en", "zh"):
        text = render(code, entry.example, lang)
        assert text and "{" not in text.replace("{{", "")


def test_message_value_renders_by_language():
    m = Message("internal-error", {"error": "KeyError: 'x'", "variable": "PLACEMENT_DEBUG"})
    assert (
        m.text("en") == "internal error KeyError: 'x'; set PLACEMENT_DEBUG=1 to see the traceback"
    )
    assert m.text("zh") == "内部错误 KeyError: 'x'；设置 PLACEMENT_DEBUG=1 可查看调用栈"
