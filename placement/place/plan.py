"""Build the plan: merges, pins, minimum staffing, the solve, and the plan document."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

import numpy as np
import polars as pl

from ..check import flag_entries
from ..engine.decide import DECIDED
from ..engine.frame import with_units
from ..engine.measure import measure
from ..inputs import Inputs, entry, rule_entries, sort_entries
from ..problems import InputError, Problem
from .groups import place_movers


@dataclass
class Pin:
    officer: str
    unit: str | None  # None with stay
    where: tuple = (0, 0)
    file: str = ""


@dataclass
class Mover:
    row: int  # frame index
    officer_id: str
    origin: str
    rule: int  # index into judgement.rules
    level: int
    wishes: tuple = ()


def make_plan(inputs: Inputs, pins: list[Pin] | None = None) -> dict:
    j = inputs.judgement
    f = j.frame
    units = inputs.units
    ids = f["officer_id"].to_list()
    sheet_rows = f["_row"].to_list()
    unit_now = f["unit"].to_list()
    count: dict[str, int] = defaultdict(int, Counter(unit_now))
    cap = {u.id: u.capacity for u in units.list}
    receives = {u.id: (not u.dissolved) and (cap[u.id] is None or count[u.id] <= cap[u.id])
                for u in units.list}
    final_unit = list(unit_now)
    final_post = f["post"].to_list()
    deciding: dict[int, str] = {}  # row -> rule id
    why: dict[int, str] = {}
    exceptions = list(inputs.roster.issues) + rule_entries(inputs)
    pinned = _apply_pins(inputs, pins or [], count, cap, receives, final_unit, deciding, why)

    movers: list[Mover] = []
    decided = (j.state == DECIDED)
    if pinned:
        decided[np.fromiter(pinned, dtype=np.int64)] = False
    for i, r in enumerate(j.rules):
        rows = np.flatnonzero(decided & (j.decision == i)).tolist()
        if not rows:
            continue
        if r.set_post is not None:
            change = [k for k in rows if final_post[k] != r.set_post]
            for k, reason in zip(change, j.reasons(i, change), strict=True):
                final_post[k] = r.set_post
                deciding[k] = r.id
                why[k] = reason
        if r.move is not None:
            wishes = f["wishes"].gather(rows).to_list()
            movers += [Mover(k, ids[k], unit_now[k], i, r.priority, wishes=tuple(w) if w else ())
                       for k, w in zip(rows, wishes, strict=True)]
    movers = _min_staffing(inputs, movers, count, pinned, exceptions)
    placed = place_movers(inputs, movers, count, cap, receives)
    by_rule: dict[int, list[Mover]] = {}
    for m in movers:
        by_rule.setdefault(m.rule, []).append(m)
    for i, ms in sorted(by_rule.items()):
        r = j.rules[i]
        for m, facts in zip(ms, j.reasons(i, [m.row for m in ms]), strict=True):
            if m.row in placed:
                dest, how = placed[m.row]
                final_unit[m.row] = dest
                if r.move.post:
                    final_post[m.row] = r.move.post
                deciding[m.row] = r.id
                why[m.row] = f"{facts}; to {dest}: {how}"
            else:
                exceptions.append(entry(m.officer_id, sheet_rows[m.row], "no_capacity", r.id, None,
                                        f"rule {r.id} moves this officer ({facts}) but no unit matching "
                                        f"its destination has a free place"))
    return _document(inputs, final_unit, final_post, deciding, why, exceptions)


def _apply_pins(inputs, pins, count, cap, receives, final_unit, deciding, why) -> set[int]:
    f = inputs.frame
    index = {oid: k for k, oid in enumerate(f["officer_id"].to_list())}
    problems = []
    done = set()
    for p in pins:
        k = index.get(p.officer)
        if k is None:
            problems.append(Problem(p.file, *p.where, "pin-unknown-officer",
                                    f"officer '{p.officer}' is not a planned officer of the roster"))
            continue
        done.add(k)
        if p.unit is None:
            continue
        uid = inputs.units.resolve(p.unit)
        if uid is None or inputs.units.by_id[uid].dissolved:
            problems.append(Problem(p.file, *p.where, "pin-unknown-unit",
                                    f"unit '{p.unit}' is not a unit that can receive officers"))
            continue
        if uid != final_unit[k]:
            count[final_unit[k]] -= 1
            count[uid] += 1
            final_unit[k] = uid
            deciding[k] = "pin"
            why[k] = "pinned by a manual decision"
    for uid, c in count.items():
        if cap.get(uid) is not None and c > cap[uid] and any(
                final_unit[k] == uid and deciding.get(k) == "pin" for k in done):
            problems.append(Problem(pins[0].file, 0, 0, "pin-capacity",
                                    f"pins put {c} officers in {uid}, above its capacity {cap[uid]}"))
    if problems:
        raise InputError(problems)
    return done


def _min_staffing(inputs, movers, count, pinned, exceptions) -> list[Mover]:
    min_staff = {u.id: u.min_staff for u in inputs.units.list}
    allowed = {u: max(0, count[u] - min_staff.get(u, 0)) for u in count}
    rows = inputs.frame["_row"].to_list()
    keep = []
    by_origin = defaultdict(list)
    for m in movers:
        by_origin[m.origin].append(m)
    for origin, ms in by_origin.items():
        ms.sort(key=lambda m: (-m.level, m.officer_id))
        n = allowed.get(origin, 0)
        keep += ms[:n]
        for m in ms[n:]:
            r = inputs.judgement.rules[m.rule]
            exceptions.append(entry(m.officer_id, rows[m.row], "min_staffing", r.id, None,
                                    f"moving would leave {origin} below its minimum staff "
                                    f"{min_staff.get(origin, 0)}"))
    keep.sort(key=lambda m: m.row)
    return keep


def _document(inputs: Inputs, final_unit, final_post, deciding, why, exceptions) -> dict:
    j = inputs.judgement
    f = j.frame
    before = measure(f, inputs.ruleset)
    after_frame = with_units(f.with_columns(pl.Series("unit", final_unit, dtype=pl.String),
                                            pl.Series("post", final_post, dtype=pl.String)),
                             inputs.units)
    after = measure(after_frame, inputs.ruleset)
    from_units, ids, names, posts, rows, now = (
        f["_from_unit"].to_list(), f["officer_id"].to_list(), f["name"].to_list(), f["post"].to_list(),
        f["_row"].to_list(), f["unit"].to_list())
    titles = {r.id: r.title for r in j.rules} | {"unit_merge": "unit merge", "pin": "manual decision"}
    changed = f.select((pl.col("_from_unit") != pl.Series(final_unit, dtype=pl.String))
                       | (pl.col("post") != pl.Series(final_post, dtype=pl.String)))
    transfers = []
    for k in np.flatnonzero(changed.to_series().to_numpy()).tolist():
        rule_id = deciding.get(k, "unit_merge")
        reason = why.get(k)
        if reason is None:
            reason = f"{from_units[k]} merged into {final_unit[k]}"
        elif from_units[k] != now[k]:
            reason += f" (after {from_units[k]} merged into {now[k]})"
        transfers.append({"officer_id": ids[k], "name": names[k], "from_unit": from_units[k],
                          "to_unit": final_unit[k], "from_post": posts[k], "to_post": final_post[k],
                          "rule_id": rule_id, "rule_title": titles.get(rule_id, ""), "reason": reason,
                          "row": rows[k]})
    transfers.sort(key=lambda t: (t["officer_id"], t["row"]))
    for t in transfers:
        del t["row"]
    targets = []
    for t, vb, va in zip(inputs.ruleset.targets, before["targets"], after["targets"], strict=True):
        targets.append({"id": t.id, "title": t.title, "value_before": vb, "value_after": va,
                        "met_after": t.met(va)})
        if not t.met(va):
            exceptions.append(entry(None, None, "target_unmet", None, None,
                                    f"target {t.id} is not met after the plan: {_pct(va)}"))
    exceptions = sort_entries(exceptions)
    flags = flag_entries(inputs)
    by_code: dict[str, int] = {}
    for e in exceptions:
        by_code[e["code"]] = by_code.get(e["code"], 0) + 1
    before_counts, after_counts = Counter(from_units), Counter(final_unit)
    roster = inputs.roster
    moved = sum(1 for t in transfers if t["from_unit"] != t["to_unit"])
    return {
        "ruleset": inputs.ruleset.name,
        "as_of": inputs.as_of.isoformat(),
        "inputs": {"roster": {"path": roster.path, "sha256": roster.sha256, "rows": roster.rows},
                   "rules": {"sha256": inputs.ruleset.sha256},
                   "units": {"sha256": inputs.units.sha256}},
        "summary": {
            "officers": roster.rows,
            "transfers": moved,
            "post_changes": len(transfers) - moved,
            "flags": len(flags),
            "exceptions": len(exceptions),
            "exceptions_by_code": dict(sorted(by_code.items())),
            "grassroots_share": {"before": before["share"], "after": after["share"]},
            "targets": targets,
            "allowance_monthly_total": {"before": before["allowance"], "after": after["allowance"]},
        },
        "transfers": transfers,
        "flags": flags,
        "exceptions": exceptions,
        "units": [{"unit_id": u.id, "name": u.name, "before": before_counts[u.id],
                   "after": after_counts[u.id], "capacity": u.capacity, "min_staff": u.min_staff}
                  for u in inputs.units.list],
    }


def _pct(v) -> str:
    return "no officers counted" if v is None else f"{v:.1%}"
