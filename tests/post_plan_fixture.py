"""A hand-built plan document of the SPEC §4 shape with leadership posts: two units with
`posts`, a same-unit promotion that opens a deputy post, a cross-unit appointment, a pinned
appointment, a vacancy left open and a post over its establishment."""

from __future__ import annotations

import copy


def post_plan() -> dict:
    doc = {
        "ruleset": "警力下沉 2026",
        "as_of": "2026-10-01",
        "inputs": {
            "roster": {"path": "roster.csv", "sha256": "0" * 64, "rows": 6},
            "rules": {"sha256": "1" * 64},
            "units": {"sha256": "2" * 64},
        },
        "summary": {
            "officers": 6,
            "transfers": 1,
            "post_changes": 0,
            "flags": 0,
            "exceptions": 2,
            "exceptions_by_code": {"over_establishment": 1, "vacancy": 1},
            "grassroots_share": {"before": 0.5, "after": 0.5},
            "targets": [],
            "allowance_monthly_total": {"before": 0, "after": 0},
            "appointments": 3,
            "vacancies": {"before": 3, "after": 1},
            "over_establishment": {"before": 1, "after": 1},
        },
        "transfers": [
            {
                "officer_id": "B002",
                "name": "李四",
                "from_unit": "PCS-XS",
                "to_unit": "PCS-DJ",
                "from_post": "officer",
                "to_post": "deputy_head",
                "rule_id": "deputy-head",
                "rule_title": "副所長選配",
                "reason": "appointed deputy_head at PCS-DJ",
            }
        ],
        "flags": [],
        "exceptions": [
            {
                "officer_id": None,
                "row": None,
                "code": "over_establishment",
                "rule_id": None,
                "field": None,
                "message": "JJZ section_chief: 3 holders, establishment 1",
                "unit_id": "JJZ",
                "post": "section_chief",
                "holders": ["C001", "C002", "C003"],
            },
            {
                "officer_id": None,
                "row": None,
                "code": "vacancy",
                "rule_id": "instructor",
                "field": None,
                "message": "PCS-XS instructor: 1 vacant, no eligible candidate",
                "unit_id": "PCS-XS",
                "post": "instructor",
                "count": 1,
                "reason": "no_eligible",
                "unknown_candidates": 1,
            },
        ],
        "appointments": [
            {
                "officer_id": "B002",
                "name": "李四",
                "unit_id": "PCS-DJ",
                "post": "deputy_head",
                "from_unit": "PCS-XS",
                "from_post": "officer",
                "rank_before": "staff",
                "rank_after": "deputy_section",
                "policy_id": "deputy-head",
                "policy_title": "副所長選配",
                "merit": {"position": 1, "eligible": 3, "unknown": 1},
                "alternates": ["B004"],
                "reason": "eligible; merit 1 of 3; free place at PCS-DJ",
            },
            {
                "officer_id": "A001",
                "name": "張三",
                "unit_id": "PCS-DJ",
                "post": "station_head",
                "from_unit": "PCS-DJ",
                "from_post": "deputy_head",
                "rank_before": "deputy_section",
                "rank_after": "chief_section",
                "policy_id": "station-head",
                "policy_title": "所長選配",
                "merit": {"position": 1, "eligible": 4, "unknown": 0},
                "alternates": ["A005", "B004"],
                "reason": "eligible; merit 1 of 4; same unit",
            },
            {
                "officer_id": "A009",
                "name": "王五",
                "unit_id": "PCS-DJ",
                "post": "instructor",
                "from_unit": "PCS-DJ",
                "from_post": "officer",
                "rank_before": "chief_section",
                "rank_after": "chief_section",
                "policy_id": "pin",
                "policy_title": "manual decision",
                "merit": None,
                "alternates": [],
                "reason": "pinned by the committee",
            },
        ],
        "pins": [
            {
                "officer_id": "A009",
                "pin": {"unit": "PCS-DJ", "post": "instructor"},
                "overrode": None,
                "outcome": "appointed instructor at PCS-DJ",
            }
        ],
        "units": [
            {
                "unit_id": "PCS-DJ",
                "name": "東街派出所",
                "before": 3,
                "after": 4,
                "capacity": 30,
                "min_staff": 2,
                "posts": [
                    {"post": "deputy_head", "establishment": 1, "before": 1, "after": 1},
                    {"post": "instructor", "establishment": 1, "before": 0, "after": 1},
                    {"post": "station_head", "establishment": 1, "before": 0, "after": 1},
                ],
            },
            {
                "unit_id": "PCS-XS",
                "name": "西山派出所",
                "before": 3,
                "after": 2,
                "capacity": 20,
                "min_staff": 1,
                "posts": [{"post": "instructor", "establishment": 1, "before": 0, "after": 0}],
            },
            {
                "unit_id": "JJZ",
                "name": "紀檢督察室",
                "before": 3,
                "after": 3,
                "capacity": 5,
                "min_staff": 1,
                "posts": [{"post": "section_chief", "establishment": 1, "before": 3, "after": 3}],
            },
        ],
    }
    return copy.deepcopy(doc)
