"""The registry of codes: every declaration renders in both languages over the same fields,
every code the source uses is declared, and Chinese output comes from the zh templates."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from placement.messages import REGISTRY, Kind, Message, Severity, render, template_fields
from placement.messages.registry import example_fields
from placement.problems import Problem, problem

SOURCE = Path(__file__).resolve().parents[1] / "placement"


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
        assert render(code, example_fields(entry), lang)


def test_message_value_renders_by_language():
    m = Message("internal-error", {"error": "KeyError: 'x'", "variable": "PLACEMENT_DEBUG"})
    assert (
        m.text("en") == "internal error KeyError: 'x'; set PLACEMENT_DEBUG=1 to see the traceback"
    )
    assert m.text("zh") == "内部错误 KeyError: 'x'；设置 PLACEMENT_DEBUG=1 可查看调用栈"


def test_an_undeclared_code_cannot_be_made():
    with pytest.raises(KeyError):
        Message("no-such-code-anywhere")
    with pytest.raises(KeyError):
        problem("no-such-code-anywhere", "x.yaml")


def test_a_missing_field_fails_to_render():
    with pytest.raises(KeyError):
        Message("duplicate-unit", {}).text("en")
    with pytest.raises(KeyError):
        Message("duplicate-unit", {}).text("zh")


# Literal codes in the source: Message("code"...), problem("code"...), doc.problem(path, "code"),
# scope.error(path, "code"), entry(id, row, "code", ...), Problem(file, l, c, "code", ...),
# _fail(path, msg, "code"), _warn(r, "code", ...), _syntax(f, l, c, "code"), group members.
_USES = [
    re.compile(r"""\bMessage\(\s*["']([a-z][a-z0-9_-]*)["']"""),
    re.compile(r"""\bproblem\(\s*["']([a-z][a-z0-9_-]*)["']"""),
    re.compile(r"""\.problem\(\s*[^,]+?,\s*["']([a-z][a-z0-9_-]*)["']"""),
    re.compile(r"""\.error\(\s*[^,]+?,\s*["']([a-z][a-z0-9_-]*)["']"""),
    re.compile(r"""\bentry\(\s*[^,]+?,\s*[^,]+?,\s*["']([a-z][a-z0-9_-]*)["']"""),
    re.compile(r"""_fail\([^)]*?["']([a-z][a-z0-9_-]*)["']\s*\)"""),
    re.compile(r"""_warn\(\s*\w+,\s*["']([a-z][a-z0-9_-]*)["']"""),
    re.compile(r"""_syntax\([^)]*?,\s*["']([a-z][a-z0-9_-]*)["']"""),
    re.compile(r"""_(?:cell|fixed)\(\s*["']([a-z][a-z0-9_-]+)["']"""),
    re.compile(r"""\bgroup\([^)]*?["']([a-z][a-z0-9_-]*)["'],\s*(?:severity=\w+)?\s*\)""", re.S),
]


def _used_codes() -> dict[str, str]:
    used: dict[str, str] = {}
    for path in sorted(SOURCE.rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        for rx in _USES:
            for m in rx.finditer(text):
                used.setdefault(m[1], f"{path.relative_to(SOURCE.parent)}")
    return used


def test_every_code_the_source_uses_is_declared():
    used = _used_codes()
    assert len(used) > 80, "the scan no longer finds the codes the source uses"
    undeclared = {c: where for c, where in used.items() if c not in REGISTRY}
    assert not undeclared, f"codes used without a declaration: {undeclared}"


def test_the_source_builds_no_problem_from_a_finished_sentence():
    """Problem(...) with a string message is the old way; problems come from problem()."""
    bad = []
    for path in sorted(SOURCE.rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        for m in re.finditer(r"\bProblem\((?:[^()]|\([^()]*\))*\)", text):
            if re.search(r"""["'f]["'][^"']*\s[^"']*["']\s*[,)]""", m[0]):
                bad.append(f"{path.name}: {m[0][:80]}")
    assert not bad, bad


# ASCII words a zh rendering may keep: identifiers (`move.post`), what the example's fields
# hold, file names, units, formats, and the names of options and keys the user types.
_KEEP = re.compile(r"[A-Za-z_$.][\w.$/:*<>-]*")


def _example_words(entry) -> set[str]:
    words: set[str] = set()

    def walk(v):
        if isinstance(v, Message):
            for x in v.fields.values():
                walk(x)
            walk(v.text("en"))
        elif isinstance(v, list | tuple):
            for x in v:
                walk(x)
        else:
            words.update(_KEEP.findall(str(v)))

    for v in example_fields(entry).values():
        walk(v)
    return words


# Words the zh templates quote on purpose: keys, options and formats the user types.
_QUOTED = {
    "PATH",
    "*.yaml",
    ".yaml",
    "CSV",
    "XLSX",
    "YAML",
    "JSON",
    "UTF-8",
    "UTF-16",
    "GB18030",
    "NUL",
    "MiB",
    "GiB",
    "sha256",
    "M/F",
    "YYYY-MM-DD",
    "true",
    "false",
    "null",
    "stay",
    "unit",
    "officer",
    "transfers",
    "values",
    "at_least",
    "at_most",
    "effective_until",
    "effective_from",
    "merged_into",
    "move",
    "set_post",
    "flag",
    "keep",
    "then",
    "move.post",
    "ruleset:",
    "rules:",
    "units:",
    "is_null",
    "contains",
    "eq",
    "in",
    "between",
    "name",
    "-o",
    "--format",
    "--force",
    "--sheet",
    "csv",
    "xlsx",
    "zh",
    "PLACEMENT_DEBUG",
    "$officer.",
    "stay:",
    "officer:",
    "unit:",
    # keys of units.yaml and of the appointments section, written as the user writes them
    "id",
    "posts",
    "post_defaults",
    "appointments",
    "eligible",
    "merit",
    "desc",
    "asc",
    "where",
    "at",
    "prefer",
    "slate",
    "vocab",
}


@pytest.mark.parametrize("code", sorted(REGISTRY))
def test_chinese_comes_from_the_zh_template(code):
    """Every example in zh holds no English words but identifiers and field values: rewording
    an English template cannot leave its Chinese rendering behind."""
    entry = REGISTRY[code]
    zh = render(code, example_fields(entry), "zh")
    allowed = _example_words(entry) | _QUOTED
    stray = [
        w
        for w in _KEEP.findall(re.sub(r"`[^`]*`", "", zh))  # `code` is an identifier
        if w not in allowed
        and w.strip(".:") not in allowed
        and not w.startswith("$officer.")
        and not any(w in a or a in w for a in allowed if len(a) > 3)
    ]
    assert not stray, f"{code}: English words in the zh rendering {zh!r}: {stray}"
    if entry.en != entry.zh:
        assert zh != render(code, example_fields(entry), "en")


def test_problem_carries_message_and_location():
    p = problem("duplicate-unit", "units.yaml", 3, 5, unit="BGS")
    assert isinstance(p, Problem) and p.render() == (
        "units.yaml:3:5: duplicate-unit: unit id 'BGS' is defined twice"
    )
    assert p.message.text("zh") == "单位编码 'BGS' 定义了两次"
