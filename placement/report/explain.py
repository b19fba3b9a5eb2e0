"""The explain document as text, in English or Chinese: each rule's condition tree with the
truth value of every node, the deciding tests, the decision and the plan's outcome."""

from __future__ import annotations

import unicodedata

from rich.markup import escape

from placement.i18n import (
    DECISIONS,
    STATUS,
    TRUTH,
    action,
    code,
    label,
    reason,
    term,
    translate,
    word,
)
from placement.messages import Message
from placement.messages.rows import reason_of
from placement.report.terminal import mask

_SEP = {"en": "; ", "zh": "；"}


def render_explain(doc: dict, c, lang: str) -> None:
    """Print `doc` (placement.commands.explain) on the rich console `c` in `lang`."""

    def L(key: str) -> str:
        return label(key, lang)

    def t(text) -> str:
        return escape(mask(text))

    if "name" in doc:
        age = int(doc["age"]) if doc["age"] is not None else "?"
        c.print(
            "[bold]"
            + t(doc["officer_id"])
            + "[/]"
            + L("ex_head").format(
                id="",
                name=t(doc["name"]),
                row=doc["row"],
                unit=t(doc["unit"]),
                post=t(term(doc["post"], lang)),
                age=age,
            )
        )
    for e in doc["row_issues"]:
        c.print(f"[red]{code(e['code'], lang)}[/] {t(translate(e['message'], lang))}")
    for r in doc["rules"]:
        color = {"applies": "green", "exempt": "yellow"}.get(r["status"], "dim")
        note = f" — {t(translate(r['note'], lang))}" if "note" in r else ""
        c.print(
            f"[{color}]{t(r['rule_id'])}[/]"
            + (" " if lang == "en" else "")
            + L("ex_rule").format(
                priority=r["priority"],
                action=action(r["action"], lang),
                status=word(STATUS, r["status"], lang),
            )
            + note
        )
        for part, heading in (("when", "explain-when"), ("unless", "explain-unless")):
            if part in r:
                c.print("    " + _note(heading, lang))
                for line in tree_lines(r[part], lang):
                    c.print("    " + t(line))
        for key, code_ in (("why_not", "explain-why-not"), ("unknown", "explain-unknown")):
            if r.get(key):
                tests = _SEP[lang].join(reason(x, lang) for x in r[key])
                c.print("    " + t(Message(code_, {"tests": tests}).text(lang)))
    _policies(doc.get("appointment_policies", []), c, lang)
    if "conflicting_rule" in doc:
        who = L("ex_and").format(a=t(doc["deciding_rule"]), b=t(doc["conflicting_rule"]))
    else:
        who = L("ex_by").format(v=t(doc["deciding_rule"])) if "deciding_rule" in doc else ""
    c.print(L("ex_decision").format(v=word(DECISIONS, doc["decision"], lang)) + who)
    for p in doc.get("pins", []):
        said = p["pin"]
        pin = L("pin_stay") if said.get("stay") else L("pin_to").format(unit=said.get("unit"))
        fields = {"pin": pin, "outcome": p["outcome"]}
        m = (
            Message("explain-pin-overrode", {**fields, "rule": p["overrode"]})
            if p.get("overrode")
            else Message("explain-pin", fields)
        )
        c.print(t(m.text(lang)))
    if doc.get("transfer"):
        x = doc["transfer"]
        c.print(
            L("ex_plan").format(
                from_unit=t(x["from_unit"]),
                to_unit=t(x["to_unit"]),
                from_post=t(term(x["from_post"], lang)),
                to_post=t(term(x["to_post"], lang)),
                reason=t(reason_of(x, lang)),
            )
        )
    for e in doc.get("exceptions", []):
        if e not in doc["row_issues"]:
            c.print(
                L("ex_exception").format(
                    code=code(e["code"], lang), message=t(translate(e["message"], lang))
                )
            )


def _policies(items: list[dict], c, lang: str) -> None:
    """Each appointment policy: eligible or not (the `eligible` tree), `where` at the officer's
    unit, the merit position, and appointed or why not."""
    if not items:
        return
    c.print(label("ex_policies", lang))
    for p in items:
        color = {"true": "green", "unknown": "yellow"}.get(p["eligible"], "dim")
        c.print(
            f"[{color}]{escape(p['policy_id'])}[/]"
            + (" " if lang == "en" else "")
            + label("ex_policy", lang).format(
                post=escape(term(p["post"], lang)),
                priority=p["priority"],
                eligible=word(TRUTH, p["eligible"], lang),
            )
        )
        for line in tree_lines(p["tree"], lang):
            c.print("    " + escape(mask(line)))
        for key, code_ in (("why_not", "explain-why-not"), ("unknown", "explain-unknown")):
            if p.get(key):
                tests = _SEP[lang].join(reason(x, lang) for x in p[key])
                c.print("    " + escape(mask(Message(code_, {"tests": tests}).text(lang))))
        if "where" in p:
            c.print("    " + label("ex_where", lang).format(v=word(TRUTH, p["where"], lang)))
        if p.get("merit"):
            m = p["merit"]
            c.print(
                "    "
                + label("ex_merit", lang).format(position=m["position"], eligible=m["eligible"])
            )
        c.print("    → " + escape(mask(translate(p["outcome"], lang))))


def tree_lines(node: dict, lang: str, depth: int = 0) -> list[str]:
    """One line per node, the truth value right-aligned in a column of 7 and the tree
    indented after it; a test that decides the result is marked with `*`."""
    truth = _pad(word(TRUTH, node["result"], lang), 7)
    indent = "  " * depth
    if node["node"] == "test":
        mark = "*" if node.get("decides") else " "
        return [f"{truth} {mark}{indent}{reason(node['text'], lang)}"]
    if node["node"] == "all" and not node["parts"] and depth == 0:
        return [f"{truth}  {_note('explain-always', lang)}"]
    lines = [f"{truth}  {indent}{_note('explain-' + node['node'], lang)}"]
    for part in node["parts"]:
        lines += tree_lines(part, lang, depth + 1)
    return lines


def _note(code_: str, lang: str) -> str:
    return Message(code_).text(lang)


def _pad(text: str, width: int) -> str:
    """Right-align by display width (a Chinese character takes two columns)."""
    cols = sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)
    return " " * max(0, width - cols) + text
