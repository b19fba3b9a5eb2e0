"""The post and rank vocabulary: canonical terms with Chinese aliases."""

from __future__ import annotations

from placement.messages.registry import Message
from placement.problems import did_you_mean

RANK: dict[str, list[str]] = {
    "chief_division": ["正處", "正处", "正處級", "正处级"],
    "deputy_division": ["副處", "副处", "副處級", "副处级"],
    "chief_section": ["正科", "正科級", "正科级"],
    "deputy_section": ["副科", "副科級", "副科级"],
    "staff": ["科員", "科员", "辦事員", "办事员", "科員及以下", "科员及以下"],
}

POST: dict[str, list[str]] = {
    "station_head": ["所長", "所长"],
    "instructor": ["教導員", "教导员"],
    "deputy_head": ["副所長", "副所长"],
    "brigade_chief": ["大隊長", "大队长"],
    "deputy_brigade_chief": ["副大隊長", "副大队长"],
    "squad_leader": ["中隊長", "中队长"],
    "section_chief": ["科長", "科长", "主任"],
    "deputy_section_chief": ["副科長", "副科长", "副主任"],
    "community_officer": ["社區民警", "社区民警"],
    "officer": ["民警"],
}

APPRAISAL: dict[str, list[str]] = {
    "excellent": ["優秀", "优秀"],
    "competent": ["稱職", "称职"],
    "basically_competent": ["基本稱職", "基本称职"],
    "incompetent": ["不稱職", "不称职"],
}

SEX: dict[str, list[str]] = {"M": ["男", "m", "male"], "F": ["女", "f", "female"]}


class Vocabulary:
    """Terms per kind (post, rank, ...) and an alias → term lookup."""

    def __init__(self) -> None:
        self.terms: dict[str, dict[str, list[str]]] = {
            "post": {k: list(v) for k, v in POST.items()},
            "rank": {k: list(v) for k, v in RANK.items()},
        }

    def extend(self, kind: str, term: str, aliases: list[str]) -> None:
        """Add `term` of `kind` (post, rank, or a new kind) if new, and the `aliases` it does
        not have yet, in order. Clashes are checked by the caller (load.rules.load)."""
        self.terms.setdefault(kind, {}).setdefault(term, [])
        self.terms[kind][term].extend(a for a in aliases if a not in self.terms[kind][term])

    def lookup(self, kind: str) -> dict[str, str]:
        """Map of every accepted spelling (term, alias, lower case) to its term."""
        table: dict[str, str] = {}
        for term, aliases in self.terms[kind].items():
            table[term] = term
            table[term.lower()] = term
            for alias in aliases:
                table[alias] = term
                table[alias.lower()] = term
        return table

    def is_term(self, kind: str, value: str) -> bool:
        """Is `value` a term (not merely an alias) of `kind`? False for an unknown kind."""
        return value in self.terms.get(kind, {})

    def hint(self, kind: str, value: str) -> Message:
        """A hint for a value not in the vocabulary: the term an alias stands for, the
        spellings it looks like (did-you-mean), else the known terms."""
        table = self.terms.get(kind, {})
        alias_hit = self.lookup(kind).get(str(value).strip()) if kind in self.terms else None
        if alias_hit:
            return Message("did-you-mean", {"names": [alias_hit]})
        spellings = list(table) + [a for al in table.values() for a in al]
        hint = did_you_mean(value, spellings)
        return hint if isinstance(hint, Message) else Message("known-terms", {"terms": list(table)})

    def label(self, kind: str, term: str) -> str:
        """The first Chinese alias, for reasons: 'deputy_section (副科)'."""
        aliases = self.terms.get(kind, {}).get(term)
        return f"{term} ({aliases[0]})" if aliases else str(term)
