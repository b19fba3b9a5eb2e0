"""The same roster and rules without `placement`: a bare polars filter (the floor) and GoRules ZEN.

Both read the CSV, resolve merges, compute age, and count, per shipped rule, the officers for
whom `when` holds and `unless` does not (a null counts as false: no validation, no
three-valued logic, no exceptions). The ZEN side evaluates one decision table (hit policy
collect, one row per rule or per branch of an `any`) per officer, in the fastest of the
Python binding's modes, measured on a sample first.
"""

from __future__ import annotations

import json
import time
from collections import Counter

import polars as pl
import yaml

LEADERS = ["station_head", "brigade_chief", "instructor"]
AS_OF = (2026, 10, 1)
ZEN_BUDGET_S = 180  # above this for the whole roster, evaluate a 100k sample and extrapolate

c = pl.col
# the ZEN decision table: (rule, row), one row per rule or per branch of an `any`
ROWS = [
    (
        "organ-young-cadre-down",
        {
            "unit_tier": '"organ"',
            "rank": '"deputy_section"',
            "age": "<= 40",
            "special_post": "false",
            "special_talent": "false",
        },
    ),
    (
        "organ-young-officer-down",
        {
            "unit_tier": '"organ"',
            "rank": '"staff"',
            "age": "<= 30",
            "special_post": "false",
            "special_talent": "false",
        },
    ),
    ("no-promotion-without-grassroots", {"promotion_candidate": "true", "grassroots_years": "0"}),
    (
        "station-senior-to-organ",
        {"unit_kind": '"station"', "rank": '"chief_section"', "age": ">= 48"},
    ),
    (
        "station-senior-to-organ",
        {"unit_kind": '"station"', "rank": '"deputy_section"', "age": ">= 45"},
    ),
    ("new-recruits-grassroots", {"new_recruit": "true", "unit_tier": '"organ"'}),
    (
        "june-station-head-recall",
        {"unit_kind": '"station"', "post": '"station_head"', "age": ">= 43"},
    ),
    (
        "june-frontline-chief-to-instructor",
        {"unit_kind": '"frontline"', "post": '"brigade_chief"', "age": ">= 48"},
    ),
    (
        "long-illness-near-home",
        {"long_term_illness": "true", "home_district": "$ != null and $ != unit_district"},
    ),
    ("military-transfer-complex", {"military_transfer": "true", "complex": "false"}),
]
for rule, cell in [
    ("leader-discipline", {"years_since_discipline": "$ != null and $ < 2"}),
    ("leader-exam", {"exam_passed": "false"}),
    ("leader-appraisal", {"appraisal": '"basically_competent", "incompetent"'}),
    ("leader-democratic", {"democratic_eval_passed": "false"}),
]:
    ROWS.append((rule, {"post": ", ".join(f'"{p}"' for p in LEADERS), **cell}))
    ROWS.append(
        (rule, {"post": f"not ($ in {json.dumps(LEADERS)})", "promotion_candidate": "true", **cell})
    )

# the floor: one polars expression per rule, written by hand
LEADER = c("post").is_in(LEADERS) | c("promotion_candidate")
FLOOR = {
    "organ-young-cadre-down": (c("unit_tier") == "organ")
    & (c("rank") == "deputy_section")
    & (c("age") <= 40)
    & ~(c("special_post") | c("special_talent")),
    "organ-young-officer-down": (c("unit_tier") == "organ")
    & (c("rank") == "staff")
    & (c("age") <= 30)
    & ~(c("special_post") | c("special_talent")),
    "no-promotion-without-grassroots": c("promotion_candidate") & (c("grassroots_years") == 0),
    "station-senior-to-organ": (c("unit_kind") == "station")
    & (
        ((c("rank") == "chief_section") & (c("age") >= 48))
        | ((c("rank") == "deputy_section") & (c("age") >= 45))
    ),
    "new-recruits-grassroots": c("new_recruit") & (c("unit_tier") == "organ"),
    "june-station-head-recall": (c("unit_kind") == "station")
    & (c("post") == "station_head")
    & (c("age") >= 43),
    "june-frontline-chief-to-instructor": (c("unit_kind") == "frontline")
    & (c("post") == "brigade_chief")
    & (c("age") >= 48),
    "leader-discipline": LEADER & (c("years_since_discipline") < 2),
    "leader-exam": LEADER & ~c("exam_passed"),
    "leader-appraisal": LEADER & c("appraisal").is_in(["basically_competent", "incompetent"]),
    "leader-democratic": LEADER & ~c("democratic_eval_passed"),
    "long-illness-near-home": c("long_term_illness") & (c("unit_district") != c("home_district")),
    "military-transfer-complex": c("military_transfer") & ~c("complex"),
}
BOOLS = [
    "special_post",
    "special_talent",
    "promotion_candidate",
    "new_recruit",
    "long_term_illness",
    "military_transfer",
    "exam_passed",
    "democratic_eval_passed",
]
COLUMNS = [
    "unit_tier",
    "unit_kind",
    "unit_district",
    "complex",
    "rank",
    "post",
    "age",
    "grassroots_years",
    "home_district",
    "years_since_discipline",
    "appraisal",
    *BOOLS,
]


def years(col: str) -> pl.Expr:
    d = c(col).str.to_date()
    later = (d.dt.month() * 100 + d.dt.day()) > AS_OF[1] * 100 + AS_OF[2]
    return AS_OF[0] - d.dt.year().cast(pl.Int32) - later.cast(pl.Int32)


def frame(roster: str, units_file: str) -> pl.DataFrame:
    """The roster with merges resolved, unit fields attached, age and sanction years computed."""
    units = yaml.load(
        open(units_file, encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    )["units"]
    by_id = {u["id"]: u for u in units}

    def final(uid):
        while by_id[uid]["merged_into"]:
            uid = by_id[uid]["merged_into"]
        return by_id[uid]

    table = pl.DataFrame(
        [
            {
                "unit": u["id"],
                "unit_tier": "organ" if f["kind"] == "organ" else "grassroots",
                "unit_kind": f["kind"],
                "unit_district": f["district"],
                "complex": "complex" in f["tags"],
            }
            for u in units
            for f in [final(u["id"])]
        ]
    )
    return (
        pl.scan_csv(roster, infer_schema=False)
        .with_columns(
            age=years("birth_date"),
            years_since_discipline=years("discipline_date"),
            grassroots_years=c("grassroots_years").cast(pl.Float64),
            **{b: c(b) == "true" for b in BOOLS},
        )
        .join(table.lazy(), on="unit", how="left")
        .select(COLUMNS)
        .collect()
    )


def count(f: pl.DataFrame) -> Counter:
    return Counter(
        f.select(**{k: e.fill_null(False).sum() for k, e in FLOOR.items()}).row(0, named=True)
    )


def floor(roster: str, units_file: str) -> tuple[float, Counter]:
    t0 = time.perf_counter()
    counts = count(frame(roster, units_file))
    return time.perf_counter() - t0, counts


def decision_table() -> str:
    inputs = sorted({k for _, row in ROWS for k in row})
    rules = [
        {"_id": f"r{i}", **{f"i_{k}": row.get(k, "") for k in inputs}, "o": json.dumps(rule)}
        for i, (rule, row) in enumerate(ROWS)
    ]
    node = {
        "id": "rules",
        "type": "decisionTableNode",
        "name": "rules",
        "position": {"x": 0, "y": 0},
        "content": {
            "hitPolicy": "collect",
            "rules": rules,
            "inputs": [{"id": f"i_{k}", "name": k, "field": k} for k in inputs],
            "outputs": [{"id": "o", "name": "rule", "field": "rule"}],
        },
    }
    ends = [
        {"id": n, "type": t, "name": n, "position": {"x": 0, "y": 0}}
        for n, t in [("in", "inputNode"), ("out", "outputNode")]
    ]
    return json.dumps(
        {
            "nodes": [ends[0], node, ends[1]],
            "edges": [
                {"id": "e1", "sourceId": "in", "targetId": "rules", "type": "edge"},
                {"id": "e2", "sourceId": "rules", "targetId": "out", "type": "edge"},
            ],
        }
    )


def zen_run(roster: str, units_file: str, sample: int = 5_000) -> dict:
    import zen

    content = zen.ZenDecisionContent(decision_table())
    engine = zen.ZenEngine({"loader": lambda key: content})
    decision = engine.create_decision(content)

    def batch(contexts):
        return [
            r["data"]["result"]
            for r in engine.evaluate_batch([{"key": "rules", "context": x} for x in contexts])
        ]

    modes = {  # contexts as Python dicts or as JSON text, one call per officer or one batch
        "evaluate(dict)": lambda f: [decision.evaluate(x)["result"] for x in f.to_dicts()],
        "evaluate(json)": lambda f: [
            decision.evaluate(x)["result"] for x in f.write_ndjson().splitlines()
        ],
        "evaluate_batch(dict)": lambda f: batch(f.to_dicts()),
        "evaluate_batch(json)": lambda f: batch(f.write_ndjson().splitlines()),
    }
    t0 = time.perf_counter()
    f = frame(roster, units_file)
    prep = time.perf_counter() - t0
    rates = {}
    for name, run in modes.items():
        t = time.perf_counter()
        run(f.head(sample))
        rates[name] = sample / (time.perf_counter() - t)
    best = max(rates, key=rates.get)
    n = f.height if f.height / rates[best] <= ZEN_BUDGET_S else 100_000
    t = time.perf_counter()
    results = modes[best](f.head(n))
    evaluate = (time.perf_counter() - t) * f.height / n
    counts = Counter(r for res in results for r in {x["rule"] for x in res})
    return {
        "agree": counts == +count(f.head(n)),
        "prep_s": prep,
        "eval_s": evaluate,
        "total_s": prep + evaluate,
        "mode": best,
        "rates": rates,
        "evaluated": n,
        "rows": f.height,
        "counts": counts,
    }


if __name__ == "__main__":
    import sys

    roster, units_file = sys.argv[1:3]
    s, counts = floor(roster, units_file)
    print(f"floor {s:.2f} s", dict(counts))
    z = zen_run(roster, units_file)
    print({k: v for k, v in z.items() if k != "counts"})
    print("zen agrees with the floor:", z["agree"], dict(z["counts"]))
