"""`placement explain`: why the rules treat one officer as they do."""

from __future__ import annotations

import json

import click
from rich.console import Console
from rich.markup import escape

from placement.cli.main import Command, handle_errors, input_options, lang_option, resolve_lang


@click.command("explain", cls=Command)
@click.argument("roster", type=click.Path(dir_okay=False))
@click.argument("officer_id")
@input_options
@click.option("--pin", "pin_file", type=click.Path(dir_okay=False), help="Manual decisions (YAML).")
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", help="Output format."
)
@lang_option
@handle_errors
def command(roster, officer_id, rules, units, as_of, pin_file, fmt, lang):
    """Show each rule for one officer: matched or not, each test with the officer's value,
    exemptions, the decision and where the plan sends them.

    Example: placement explain data/roster.csv J0042
    """
    from placement.commands.explain import explain
    from placement.i18n import label
    from placement.load.inputs import load_inputs
    from placement.load.pins import load_pins
    from placement.place.plan import make_plan
    from placement.report.terminal import mask

    inputs = load_inputs(roster, rules, units, as_of)
    pins = load_pins(pin_file) if pin_file else []
    doc = explain(inputs, officer_id, make_plan(inputs, pins))
    if fmt == "json":
        click.echo(json.dumps(doc, ensure_ascii=False, indent=2, default=str))
        return
    c = Console(highlight=False)
    if resolve_lang(lang) == "zh":
        _text_zh(doc, c)
        return
    if "name" in doc:
        c.print(
            f"[bold]{doc['officer_id']}[/] {doc['name']} (row {doc['row']}): {doc['unit']}, "
            f"{doc['post']}, age {int(doc['age']) if doc['age'] is not None else '?'}"
        )
    for e in doc["row_issues"]:
        c.print(f"[red]{e['code']}[/] {escape(mask(e['message']))}")
    for r in doc["rules"]:
        color = {"applies": "green", "exempt": "yellow"}.get(r["status"], "dim")
        c.print(
            f"[{color}]{r['rule_id']}[/] (priority {r['priority']}, {r['action']}): {r['status']}"
            + (f" — {r['note']}" if "note" in r else "")
        )
        for t in r.get("tests", []):
            c.print(f"    {t['result']:>7}  {escape(mask(t['text']))}")
        if "unless_tests" in r:
            c.print(f"    unless: {r['unless']}")
            for t in r["unless_tests"]:
                c.print(f"      {t['result']:>7}  {escape(mask(t['text']))}")
        if "why_not" in r:
            c.print(f"    why not: {escape(mask(r['why_not']))}")
    c.print(
        f"decision: [bold]{doc['decision']}[/]"
        + (f" by {doc['deciding_rule']}" if "deciding_rule" in doc else "")
        + (f" and {doc['conflicting_rule']}" if "conflicting_rule" in doc else "")
    )
    if doc.get("transfer"):
        t = doc["transfer"]
        c.print(
            f"plan: {t['from_unit']} → {t['to_unit']}, {t['from_post']} → {t['to_post']}: {escape(mask(t['reason']))}"
        )
    if "pin" in doc:
        p = doc["pin"]
        said = "stay" if p["pin"].get("stay") else f"to {p['pin'].get('unit')}"
        key = "ex_pin_over" if p["overrode"] else "ex_pin"
        c.print(
            label(key, "en").format(
                pin=escape(said), rule=escape(str(p["overrode"])), outcome=escape(str(p["outcome"]))
            )
        )
    for e in doc.get("exceptions", []):
        if e not in doc["row_issues"]:
            c.print(f"exception [yellow]{e['code']}[/]: {escape(mask(e['message']))}")


def _text_zh(doc: dict, c) -> None:
    """The explain text in Chinese: rule ids, unit ids and data as they are."""
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
    from placement.report.terminal import mask

    def L(key: str) -> str:
        return label(key, "zh")

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
                post=t(term(doc["post"])),
                age=age,
            )
        )
    for e in doc["row_issues"]:
        c.print(f"[red]{code(e['code'])}[/] {t(translate(e['message']))}")
    for r in doc["rules"]:
        color = {"applies": "green", "exempt": "yellow"}.get(r["status"], "dim")
        note = f" — {t(translate(r['note']))}" if "note" in r else ""
        c.print(
            f"[{color}]{t(r['rule_id'])}[/]"
            + L("ex_rule").format(
                priority=r["priority"], action=action(r["action"]), status=word(STATUS, r["status"])
            )
            + note
        )
        for x in r.get("tests", []):
            c.print(f"    {_pad(word(TRUTH, x['result']), 7)}  {t(reason(x['text']))}")
        if "unless_tests" in r:
            c.print("    " + L("ex_unless").format(v=word(TRUTH, r["unless"])))
            for x in r["unless_tests"]:
                c.print(f"      {_pad(word(TRUTH, x['result']), 7)}  {t(reason(x['text']))}")
        if "why_not" in r:
            c.print("    " + L("ex_why_not").format(v=t(reason(r["why_not"]))))
    if "conflicting_rule" in doc:
        who = L("ex_and").format(a=t(doc["deciding_rule"]), b=t(doc["conflicting_rule"]))
    else:
        who = L("ex_by").format(v=t(doc["deciding_rule"])) if "deciding_rule" in doc else ""
    c.print(L("ex_decision").format(v=word(DECISIONS, doc["decision"])) + who)
    if doc.get("transfer"):
        x = doc["transfer"]
        c.print(
            L("ex_plan").format(
                from_unit=t(x["from_unit"]),
                to_unit=t(x["to_unit"]),
                from_post=t(term(x["from_post"])),
                to_post=t(term(x["to_post"])),
                reason=t(reason(x["reason"])),
            )
        )
    if "pin" in doc:
        p = doc["pin"]
        said = (
            L("pin_stay")
            if p["pin"].get("stay")
            else L("pin_unit").format(unit=p["pin"].get("unit"))
        )
        key = "ex_pin_over" if p["overrode"] else "ex_pin"
        c.print(
            L(key).format(pin=t(said), rule=t(p["overrode"]), outcome=t(translate(p["outcome"])))
        )
    for e in doc.get("exceptions", []):
        if e not in doc["row_issues"]:
            c.print(
                L("ex_exception").format(code=code(e["code"]), message=t(translate(e["message"])))
            )


def _pad(text: str, width: int) -> str:
    """Right-align by display width (a Chinese character takes two columns)."""
    import unicodedata

    cols = sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)
    return " " * max(0, width - cols) + text
