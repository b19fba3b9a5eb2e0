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

# The levels of 職級, lowest first: a rank term's level is its index here.
LEVELS = ("staff", "deputy_section", "chief_section", "deputy_division", "chief_division")

# The police grades since the 2019 reform (警員職務等級) and the police-technology grades
# (警務技術職務), each with the level it is equivalent to and its place within that level
# (1 the lowest). Source: the 2019 scheme makes 警員 correspond to 科員, 警長 (一至四級) to
# 主任科員 and 高級警長 (一至四級) to 調研員; 《公務員職務與職級並行規定》(2019) puts 一級、二級
# 調研員 at 縣處級正職, 三級、四級 at 副職, 一級、二級主任科員 at 鄉科級正職, 三級、四級 at 副職,
# and 科員 at 科員級. 警務技術 follows the same steps (主任 ↔ 調研員, 主管 ↔ 主任科員,
# 警務技術員 ↔ 科員). See docs/ranks.md for the table and what is uncertain.
GRADES: dict[str, tuple[str, int, list[str]]] = {
    "constable_2": ("staff", 1, ["二級警員", "二级警员"]),
    "constable_1": ("staff", 2, ["一級警員", "一级警员"]),
    "police_technician": ("staff", 1, ["警務技術員", "警务技术员"]),
    "sergeant_4": ("deputy_section", 1, ["四級警長", "四级警长"]),
    "sergeant_3": ("deputy_section", 2, ["三級警長", "三级警长"]),
    "sergeant_2": ("chief_section", 1, ["二級警長", "二级警长"]),
    "sergeant_1": ("chief_section", 2, ["一級警長", "一级警长"]),
    "senior_sergeant_4": ("deputy_division", 1, ["四級高級警長", "四级高级警长"]),
    "senior_sergeant_3": ("deputy_division", 2, ["三級高級警長", "三级高级警长"]),
    "senior_sergeant_2": ("chief_division", 1, ["二級高級警長", "二级高级警长"]),
    "senior_sergeant_1": ("chief_division", 2, ["一級高級警長", "一级高级警长"]),
    "tech_supervisor_4": ("deputy_section", 1, ["警務技術四級主管", "警务技术四级主管"]),
    "tech_supervisor_3": ("deputy_section", 2, ["警務技術三級主管", "警务技术三级主管"]),
    "tech_supervisor_2": ("chief_section", 1, ["警務技術二級主管", "警务技术二级主管"]),
    "tech_supervisor_1": ("chief_section", 2, ["警務技術一級主管", "警务技术一级主管"]),
    "tech_chief_4": ("deputy_division", 1, ["警務技術四級主任", "警务技术四级主任"]),
    "tech_chief_3": ("deputy_division", 2, ["警務技術三級主任", "警务技术三级主任"]),
    "tech_chief_2": ("chief_division", 1, ["警務技術二級主任", "警务技术二级主任"]),
    "tech_chief_1": ("chief_division", 2, ["警務技術一級主任", "警务技术一级主任"]),
}
RANK.update({term: list(aliases) for term, (_l, _g, aliases) in GRADES.items()})


def rank_level(term: object) -> tuple[int | None, int | None]:
    """(level index in LEVELS, key within the order) of a rank term: a level term has key
    None (it stands for its whole level); a grade has key level * 10 + its place. A term
    added by a rule file's `vocab:` has neither."""
    if not isinstance(term, str):
        return None, None
    if term in LEVELS:
        return LEVELS.index(term), None
    if term in GRADES:
        level, place, _a = GRADES[term]
        return LEVELS.index(level), LEVELS.index(level) * 10 + place
    return None, None


def rank_compare(op: str, actual: object, expected: object) -> bool | None:
    """A rank test on one officer (SPEC §1.3): a level term matches every grade of its level
    (`rank: deputy_section` matches 三級警長), a grade only itself; lt/le/gt/ge/between
    compare by level, and by grade when both sides are grades (一級警長 > 二級警長). None when
    the officer's rank is empty; False for a term without a level in an ordered test."""
    if actual is None or expected is None:
        return None
    actual = str(actual)
    if op in ("in", "not_in"):
        assert isinstance(expected, (tuple, list))
        hit = any(_rank_eq(actual, v) for v in expected)
        return hit if op == "in" else not hit
    if op == "between":
        assert isinstance(expected, (tuple, list))
        lo, hi = expected
        a, b = _rank_cmp(actual, lo), _rank_cmp(actual, hi)
        return a is not None and b is not None and a >= 0 and b <= 0
    if op == "eq":
        return _rank_eq(actual, expected)
    if op == "ne":
        return not _rank_eq(actual, expected)
    c = _rank_cmp(actual, expected)
    if c is None:
        return False
    return {"lt": c < 0, "le": c <= 0, "gt": c > 0, "ge": c >= 0}[op]


def _rank_eq(actual: str, expected: object) -> bool:
    if expected in LEVELS and actual not in LEVELS:
        return rank_level(actual)[0] == LEVELS.index(expected)
    return actual == expected


def _rank_cmp(actual: str, expected: object) -> int | None:
    (la, ka), (le, ke) = rank_level(actual), rank_level(expected)
    if la is None or le is None:
        return None
    a, b = (la, le) if ka is None or ke is None else (ka, ke)
    return (a > b) - (a < b)


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
