"""The summary lines of a plan or check report and the Markdown report that leads with them."""

from __future__ import annotations

from placement.report import tables as T


def markdown_report(doc: dict, kind: str, shown: dict, lang: str = "en") -> str:
    """The Markdown report of a plan or check document (`kind`): a title, the summary
    lines, then the tables `shown` (`tables.shown_tables`), in `lang` ('en' or 'zh')."""
    if lang == "zh":
        from placement.i18n import label

        title = label("md_plan" if kind == "plan" else "md_check", lang)
        return T.markdown(title, summary_lines(doc, kind, lang), shown, lang=lang)
    return T.markdown(f"placement {kind}", summary_lines(doc, kind), shown)


def summary_pairs(doc: dict, kind: str) -> list[tuple[str, object]]:
    """The summary of a plan or check document as (key, value) pairs, in report order."""
    if kind != "plan":
        return [
            ("violations", len(doc["violations"])),
            ("flags", len(doc["flags"])),
            ("exceptions", len(doc["exceptions"])),
            ("posts", len(doc.get("posts", []))),
        ]
    s = doc["summary"]
    pairs = [("ruleset", doc["ruleset"]), ("as_of", doc["as_of"])]
    pairs += [(k, s[k]) for k in ("officers", "transfers", "post_changes", "flags", "exceptions")]
    pairs += [
        ("grassroots_share_before", s["grassroots_share"]["before"]),
        ("grassroots_share_after", s["grassroots_share"]["after"]),
        ("allowance_before", s["allowance_monthly_total"]["before"]),
        ("allowance_after", s["allowance_monthly_total"]["after"]),
    ]
    pairs += [
        (f"target {t['id']}", f"{t['value_before']} -> {t['value_after']} met={t['met_after']}")
        for t in s["targets"]
    ]
    from placement.report.posts import summary_pairs as post_pairs

    return pairs + post_pairs(doc)


def summary_lines(doc: dict, kind: str, lang: str = "en") -> list[str]:
    """The summary as Markdown list lines (`- **key**: value`), the keys in `lang`."""
    if lang != "zh":
        return [f"- **{k}**: {v}" for k, v in summary_pairs(doc, kind)]
    from placement.i18n import boolean, label

    lines = []
    for k, v in summary_pairs(doc, kind):
        if k.startswith("target "):
            t = next(t for t in doc["summary"]["targets"] if f"target {t['id']}" == k)
            k = label("sum_target", lang).format(id=t["id"])
            v = label("sum_target_value", lang).format(
                before=t["value_before"], after=t["value_after"], met=boolean(t["met_after"], lang)
            )
        else:
            k = label(f"sum_{k}", lang)
        lines.append(f"- **{k}**: {v}")
    return lines
