"""Posts bind the transfers (SPEC §2.1) and min_staff counts only movers who can leave
(SPEC §2 point 2)."""

from __future__ import annotations

from collections import Counter

from placement.load.inputs import load_inputs
from placement.place.plan import make_plan
from tests.scenario import officer, unit, write_scenario

ROTATE = {
    "id": "rotate",
    "priority": 10,
    "when": {"unit.kind": "station", "post": "station_head", "age": {"le": 30}},
    # every head would rather go to the hub: without slots they would all stack there
    "then": {"move": {"to": {"kind": "station"}, "prefer": [{"tags": {"contains": "hub"}}]}},
}


def plan(tmp_path, units, rules, officers):
    paths = write_scenario(tmp_path, units, rules, officers)
    return make_plan(load_inputs(paths["roster"], paths["rules"], paths["units"]))


def station(uid, heads=1, tags=()):
    return unit(uid, "station", tags=tags) | {"posts": {"station_head": heads}}


def heads_after(doc, officers):
    where = {o["officer_id"]: (o["unit"], o["post"]) for o in officers}
    for t in doc["transfers"]:
        where[t["officer_id"]] = (t["to_unit"], t["to_post"])
    return Counter(u for u, p in where.values() if p == "station_head")


def test_rotation_leaves_one_head_per_station(tmp_path):
    units = [station("S0", tags=["hub"]), station("S1"), station("S2"), station("S3")]
    officers = [officer(f"H{i}", f"S{i}", 25, post="station_head") for i in range(3)]
    officers.append(officer("H3", "S3", 50, post="station_head"))  # stays, S3's slot is taken
    officers += [officer(f"P{i}", f"S{i}", 40) for i in range(4)]
    doc = plan(tmp_path, units, [ROTATE], officers)
    moved = {t["officer_id"]: t["to_unit"] for t in doc["transfers"]}
    assert set(moved) == {"H0", "H1", "H2"}
    assert all(moved[f"H{i}"] != f"S{i}" for i in range(3))
    assert heads_after(doc, officers) == {"S0": 1, "S1": 1, "S2": 1, "S3": 1}
    assert not doc["exceptions"]


def test_head_with_no_free_slot_is_no_capacity(tmp_path):
    units = [station("S0"), station("S1"), station("S2", heads=1)]
    officers = [
        officer("H0", "S0", 25, post="station_head"),
        officer("H1", "S1", 50, post="station_head"),  # S1's one slot is held
        officer("H2", "S2", 50, post="station_head"),  # S2 is above its establishment:
        officer("H3", "S2", 50, post="station_head"),  # it receives no head
    ]
    doc = plan(tmp_path, units, [ROTATE], officers)
    assert doc["transfers"] == []
    (e,) = [x for x in doc["exceptions"] if x["officer_id"]]  # beside the posts' own
    assert (e["officer_id"], e["code"], e["rule_id"]) == ("H0", "no_capacity", "rotate")
    assert "no free station_head slot" in e["message"]


def test_every_destination_above_establishment(tmp_path):
    units = [station("S0"), station("S1")]
    officers = [officer("H0", "S0", 25, post="station_head")]
    officers += [officer(f"H{i}", "S1", 50, post="station_head") for i in (1, 2)]
    doc = plan(tmp_path, units, [ROTATE], officers)
    (e,) = [x for x in doc["exceptions"] if x["officer_id"]]  # beside the posts' own
    assert e["code"] == "no_capacity"
    assert "above its station_head establishment" in e["message"]


def test_a_post_not_established_there_is_carried_uncounted(tmp_path):
    units = [station("S0"), unit("S1", "station")]  # S1 has no posts
    officers = [officer("H0", "S0", 25, post="station_head")]
    officers += [officer(f"H{i}", "S1", 50, post="station_head") for i in (1, 2)]
    doc = plan(tmp_path, units, [ROTATE], officers)
    assert [(t["officer_id"], t["to_unit"], t["to_post"]) for t in doc["transfers"]] == [
        ("H0", "S1", "station_head")
    ]


def test_set_post_slot_and_departure_slot(tmp_path):
    """A move with `post:` lands where a departure frees the slot in the same plan."""
    lead = {
        "id": "lead",
        "priority": 5,
        "when": {"unit.kind": "frontline", "age": {"le": 30}},
        "then": {"move": {"to": {"kind": "station"}, "post": "station_head"}},
    }
    up = {
        "id": "up",
        "priority": 5,
        "when": {"post": "station_head", "age": {"ge": 50}},
        "then": {"move": {"to": {"kind": "organ"}, "post": "officer"}},
    }
    units = [station("S0"), station("S1"), unit("F", "frontline"), unit("O", "organ")]
    officers = [
        officer("A", "S0", 50, post="station_head"),  # leaves: S0's slot opens
        officer("B", "S1", 40, post="station_head"),  # stays: S1's slot stays held
        officer("C", "F", 25),
    ]
    doc = plan(tmp_path, units, [lead, up], officers)
    moved = {t["officer_id"]: (t["to_unit"], t["to_post"]) for t in doc["transfers"]}
    assert moved == {"A": ("O", "officer"), "C": ("S0", "station_head")}


def test_min_staff_counts_only_movers_who_can_leave(tmp_path):
    """A mover left with no destination does not use up the unit's min_staff allowance."""
    up = {
        "id": "up",
        "priority": 0,
        "when": {"unit.kind": "station", "post": "station_head", "age": {"ge": 43}},
        "then": {"move": {"to": {"kind": "organ"}, "post": "officer"}},
    }
    rotate = ROTATE | {"priority": 20}  # higher: would be counted first
    units = [unit("U1", "station", min_staff=2), unit("O", "organ")]
    officers = [
        officer("O0", "U1", 35),
        officer("O1", "U1", 25, post="station_head"),  # rotates, but no other station exists
        officer("O2", "U1", 46, post="station_head"),
    ]
    doc = plan(tmp_path, units, [rotate, up], officers)
    assert [(t["officer_id"], t["to_unit"]) for t in doc["transfers"]] == [("O2", "O")]
    codes = {(e["officer_id"], e["code"]) for e in doc["exceptions"]}
    assert codes == {("O1", "no_capacity")}


def test_pin_names_the_rules_that_would_act_again(tmp_path):
    """SPEC §2 point 6: pins are obeyed even where a rule would act again; the reason says
    which."""
    from placement.place.constraints import Pin

    guard = {
        "id": "guard",
        "priority": 10,
        "when": {"special_talent": True, "not": {"unit.tags": {"contains": "complex"}}},
        "then": {"move": {"to": {"tags": {"contains": "complex"}}}},
    }
    units = [unit("C", "station", tags=["complex"]), unit("N", "station"), station("H")]
    officers = [
        officer("T", "C", 40, special_talent="true"),  # pinned away from a complex station
        officer("S", "N", 40, special_talent="true"),  # pinned to stay: guard moves him
        officer("Q", "N", 40, special_talent="false"),  # pinned, no rule acts there
    ]
    paths = write_scenario(tmp_path, units, [guard], officers)
    inputs = load_inputs(paths["roster"], paths["rules"], paths["units"])
    pins = [Pin("T", "N"), Pin("S", None), Pin("Q", "H")]
    doc = make_plan(inputs, pins)
    reason = {t["officer_id"]: str(t["reason"]) for t in doc["transfers"]}
    assert reason["T"] == "pinned by a manual decision; rules guard would act again there"
    assert reason["Q"] == "pinned by a manual decision"
    outcome = {p["officer_id"]: str(p["outcome"]) for p in doc["pins"]}
    overrode = {p["officer_id"]: p["overrode"] for p in doc["pins"]}
    assert overrode == {"T": None, "S": "guard", "Q": None}
    assert outcome == {
        "T": "moved to N; rules guard would act again there",
        "S": "stays",  # the rule that acts again is the one it overrode
        "Q": "moved to H",
    }
