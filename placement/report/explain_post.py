"""`explain --post` as text, in English or Chinese: the post's establishment and holders, the
governing policy, the candidates in merit order with the appointee and each other's reason,
and the candidates whose eligibility is unknown."""

from __future__ import annotations

from rich.markup import escape

from placement.i18n import field, label, term, translate
from placement.report.terminal import mask


def render_explain_post(doc: dict, c, lang: str) -> None:
    """Print `doc` (placement.commands.explain_post) on the rich console `c` in `lang`."""

    def L(key: str) -> str:
        return label(key, lang)

    def t(text) -> str:
        return escape(mask("" if text is None else str(text)))

    def ids(xs: list[str]) -> str:
        return t(" ".join(xs)) if xs else L("xp_nobody")

    c.print(
        L("xp_head").format(
            unit=t(doc["unit_id"]), name=t(doc["unit_name"]), post=t(term(doc["post"], lang))
        )
    )
    if doc["established"]:
        c.print(L("xp_establishment").format(n=doc["establishment"]))
        c.print(L("xp_before").format(n=len(doc["holders_before"]), ids=ids(doc["holders_before"])))
        c.print(L("xp_after").format(n=len(doc["holders_after"]), ids=ids(doc["holders_after"])))
    for note in doc["notes"]:
        c.print(f"[yellow]{t(translate(note, lang))}[/]")
    pol = doc["policy"]
    if pol is None:
        return
    c.print(
        L("xp_policy").format(
            id=t(pol["policy_id"]),
            title=t(pol["title"]),
            priority=pol["priority"],
            rank=t(term(pol["rank"], lang)) if pol["rank"] else "—",
            slate=pol["slate"],
        )
    )
    for a in doc["appointments"]:
        c.print(
            "[green]"
            + L("xp_appointed").format(
                id=t(a["officer_id"]),
                name=t(a["name"]),
                policy=t(a["policy_id"]),
                alternates=t(" ".join(a.get("alternates") or [])) or "—",
            )
            + "[/]"
        )
    c.print(
        L("xp_candidates").format(
            shown=doc["shown"], eligible=doc["eligible"], policy=doc.get("eligible_policy", 0)
        )
    )
    for k in doc["candidates"]:
        mark = "[green]✔[/]" if k["appointed"] else "·"
        alt = L("xp_alternate") if k["alternate"] else ""
        why = t(translate(k["why"], lang)) if k["why"] is not None else ""
        if k["appointed"]:
            why = "[green]" + L("xp_is_appointed") + "[/]"
        pos = "—" if k["position"] is None else k["position"]
        c.print(
            f"  {mark} {pos:>3}  {t(k['officer_id'])} {t(k['name'])}  "
            f"{t(k['unit'])} {t(term(k['post'], lang))} {t(term(k['rank'], lang))}{alt}  {why}"
        )
    if doc["unknown"]:
        c.print(L("xp_unknown").format(n=len(doc["unknown"])))
        for u in doc["unknown"]:
            empty = L("list_sep").join(field(f, lang) for f in u["fields"])
            c.print(
                f"  ? {t(u['officer_id'])} {t(u['name'])}  {t(u['unit'])}  "
                + L("xp_empty").format(fields=t(empty))
            )
