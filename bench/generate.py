"""Deterministic synthetic inputs for the benchmark, written to bench/out/ (git-ignored).

- units_{100k,1m}.yaml: 2,000 units (150 organ, 350 frontline, 1,500 stations, 20 of them
  dissolved, one merge chain). Each unit copies the kind, area, district family and tags of
  one kept unit of data/units.yaml (its prototype); capacity and min_staff keep the
  prototype's ratio to headcount, so organ units are full and the 東街 prototype is over
  capacity (congestion), as in the shipped scenario.
- roster_{100k,1m}.csv: officers resampled from data/roster.csv (same columns, value forms and
  joint distributions; dates jittered, ids and resident ids regenerated) into the units of the
  same prototype, so the shipped rules fire in the same proportions.
- rules/: the shipped rules, with every unit id they name replaced by the generated units of
  that prototype; their `tests:` sections, which name shipped units, are dropped.
- place_50k.npz: a placement-only problem, 50,000 movers over the 2,000 units.
"""

from __future__ import annotations

import re
import sys
import time
from pathlib import Path

import numpy as np
import polars as pl
import yaml

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
SEED = 20260601
SIZES = {"100k": 100_000, "1m": 1_000_000}
KINDS = {"organ": (150, 4, "ORG"), "frontline": (350, 4, "FL"), "station": (1500, 12, "PCS")}
DISTRICT_COPIES = 12  # each shipped district becomes 12 generated ones
AS_OF = np.datetime64("2026-10-01")
# placement-only problem: (priority, movers, selector) after the shipped rules' destinations
PLACE_MIX = [
    (40, 3_000, "home_district"),
    (30, 4_000, "complex_station"),
    (25, 5_000, "organ"),
    (20, 10_000, "organ"),
    (12, 6_000, "grassroots"),
    (10, 22_000, "grassroots_home"),
]


def load_shipped():
    units = yaml.safe_load((ROOT / "data/units.yaml").read_text())["units"]
    by_id = {u["id"]: u for u in units}

    def final(uid):
        while by_id[uid]["merged_into"]:
            uid = by_id[uid]["merged_into"]
        return uid

    roster = pl.read_csv(ROOT / "data/roster.csv", infer_schema=False)
    roster = roster.with_columns(proto=pl.col("unit").replace_strict({u: final(u) for u in by_id}))
    return by_id, roster


def make_units(rng, shipped):
    kept = [u for u in shipped.values() if not u["merged_into"]]
    units = []
    for kind, (n, n_dissolved, prefix) in KINDS.items():
        protos = [u for u in kept if u["kind"] == kind]
        base = len(units)
        for i in range(n):
            p = protos[i % len(protos)]
            # the last units of each kind dissolve into the unit one prototype cycle earlier
            # (same prototype); for stations that one is dissolved too: a merge chain
            merged = units[base + i - len(protos)]["id"] if i >= n - n_dissolved else None
            units.append(
                {
                    "id": f"{prefix}-{i + 1:04d}",
                    "name": f"{p['name']}{i + 1:04d}",
                    "kind": kind,
                    "area": p["area"],
                    "district": f"{p['district']}{rng.integers(1, DISTRICT_COPIES + 1):02d}",
                    "tags": p["tags"],
                    "merged_into": merged,
                    "proto": p["id"],
                }
            )
    ids = {u["id"]: k for k, u in enumerate(units)}
    final = np.arange(len(units))
    for k in range(len(units)):
        while units[final[k]]["merged_into"]:
            final[k] = ids[units[final[k]]["merged_into"]]
    weight = rng.lognormal(0, 0.4, len(units)) * np.where([u["merged_into"] for u in units], 0.3, 1)
    return units, final, weight


def make_roster(rng, n, template, units, final, weight, shipped):
    t = template[rng.integers(0, template.height, n)]
    protos = sorted({u["proto"] for u in units})
    unit = np.empty(n, np.int64)
    proto = t["proto"].to_numpy()
    for p in protos:
        cands = np.array([k for k, u in enumerate(units) if u["proto"] == p])
        mask = proto == p
        unit[mask] = rng.choice(cands, mask.sum(), p=weight[cands] / weight[cands].sum())
    ids = np.array([u["id"] for u in units])
    district = np.array([u["district"] for u in units])[final[unit]]

    # dates: birth jittered by up to a year; service dates move with it (2026 arrivals stay)
    jitter = rng.integers(-365, 366, n).astype("timedelta64[D]")

    def date(col, shift):  # none after the as-of date
        d = t[col].str.to_date().to_numpy().astype("datetime64[D]") + shift
        return pl.Series(col, np.minimum(d, AS_OF - np.timedelta64(1, "D"))).cast(pl.Date)

    recent = t["joined_police"].str.to_date().to_numpy() >= np.datetime64("2026-01-01")
    service = np.where(recent, np.timedelta64(0, "D"), jitter)
    birth = date("birth_date", jitter)
    sanction = date("discipline_date", rng.integers(-90, 91, n).astype("timedelta64[D]"))

    # resident id: template's region code, the new birth date, a sequence of the right parity
    male = (t["sex"] == "M").to_numpy()
    region = t["id_number"].str.slice(0, 6).cast(pl.Int64).to_numpy()
    ymd = birth.dt.strftime("%Y%m%d").cast(pl.Int64).to_numpy()
    seq = rng.integers(0, 500, n) * 2 + male
    body = region * 10**11 + ymd * 1000 + seq
    digits = (body[:, None] // 10 ** np.arange(16, -1, -1)) % 10
    check = np.array(list("10X98765432"))[
        (digits @ np.array([7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2])) % 11
    ]
    id_number = pl.Series(body).cast(pl.String) + pl.Series(check)

    # home district: the unit's own when the template lives in its unit's district, else another
    names = sorted({u["district"] for u in units})
    same = (
        t["home_district"]
        == t["proto"].replace_strict({k: u["district"] for k, u in shipped.items()})
    ).to_numpy()
    own = np.searchsorted(names, district)
    other = (own + rng.integers(1, len(names), n)) % len(names)
    home = np.array(names)[np.where(same, own, other)]

    # wishes: each wished shipped unit becomes a random kept unit of that prototype
    kept = [[u["id"] for u in units if u["proto"] == p and not u["merged_into"]] for p in protos]
    size = np.array([len(c) for c in kept])
    table = np.array([c + c[:1] * (size.max() - len(c)) for c in kept])
    slots = []
    for j in range(3):
        w = t["wishes"].str.split(";").list.get(j, null_on_oob=True)
        code = w.replace_strict({p: c for c, p in enumerate(protos)}, default=0).to_numpy()
        pick = pl.Series(table[code, (rng.random(n) * size[code]).astype(int)])
        slots.append(pick.zip_with(w.is_not_null(), w))
    wishes = pl.select(pl.concat_list(slots).list.drop_nulls().list.join(";")).to_series()
    wishes = wishes.set(wishes == "", None)

    return t.with_columns(
        officer_id="P" + pl.Series(np.arange(1, n + 1)).cast(pl.String).str.zfill(7),
        birth_date=birth,
        unit=pl.Series(ids[unit]),
        id_number=id_number,
        joined_police=date("joined_police", service),
        post_since=date("post_since", service),
        discipline_date=sanction,
        home_district=pl.Series(home),
        wishes=wishes,
    ).select(template.columns[:-1]), unit


def write_units(path, units, final, unit_of_officer, ratios):
    count = np.bincount(final[unit_of_officer], minlength=len(units))
    own = np.bincount(unit_of_officer, minlength=len(units))
    lines = ["# generated by bench/generate.py", "units:"]
    for k, u in enumerate(units):
        cap_r, min_r = ratios[u["proto"]]
        cap, low = (
            (int(own[k]), 0)
            if u["merged_into"]
            else (max(1, round(count[k] * cap_r)), int(count[k] * min_r))
        )
        lines.append(
            f"  - {{id: {u['id']}, name: {u['name']}, kind: {u['kind']}, area: {u['area']}, "
            f"district: {u['district']}, capacity: {cap}, min_staff: {low}, "
            f"tags: [{', '.join(u['tags'])}], merged_into: {u['merged_into'] or 'null'}}}"
        )
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def write_rules(units):
    by_proto: dict[str, list[str]] = {}
    for u in units:
        if not u["merged_into"]:
            by_proto.setdefault(u["proto"], []).append(u["id"])

    def scaled(names):
        ids = [i for name in re.split(r",\s*", names.strip()) for i in by_proto[name]]
        return f"unit.id: {{in: [{', '.join(ids)}]}}"

    (OUT / "rules").mkdir(exist_ok=True)
    for src in sorted((ROOT / "rules").glob("*.yaml")):
        text = src.read_text(encoding="utf-8").split("\ntests:")[0]
        text = re.sub(r"unit\.id: \{in: \[([^\]]*)\]\}", lambda m: scaled(m[1]), text)
        text = re.sub(r"unit\.id: ([A-Za-z][\w-]*)", lambda m: scaled(m[1]), text)
        (OUT / "rules" / src.name).write_text(text.rstrip() + "\n", encoding="utf-8")


def make_place(rng, units):
    """Free places per unit and 50,000 movers: origin, priority, destination selector, home, wishes."""
    nu = len(units)
    kept = np.array([not u["merged_into"] for u in units])
    kind = np.array([u["kind"] for u in units])
    state = rng.choice(3, nu, p=[0.65, 0.25, 0.10])  # some free places / full / over capacity
    free = np.where(
        state == 0, rng.poisson(4, nu), np.where(state == 1, 0, -rng.integers(1, 5, nu))
    )
    receives = kept & (state < 2)
    origin_pool = {
        "home_district": np.flatnonzero(kept),
        "complex_station": np.flatnonzero(kept & (kind != "station")),
        "organ": np.flatnonzero(kept & (kind == "station")),
        "grassroots": np.flatnonzero(kept & (kind == "organ")),
    }
    origin_pool["grassroots_home"] = origin_pool["grassroots"]
    names = sorted({u["district"] for u in units})
    movers = {"origin": [], "level": [], "selector": [], "home": [], "wishes": []}
    selectors = [s for _, _, s in PLACE_MIX]
    for level, n, sel in PLACE_MIX:
        movers["origin"].append(rng.choice(origin_pool[sel], n))
        movers["level"].append(np.full(n, level))
        movers["selector"].append(np.full(n, selectors.index(sel)))
        movers["home"].append(rng.integers(0, len(names), n))
        wish = rng.choice(np.flatnonzero(kept), (n, 2))
        wish[rng.random(n) > 0.08] = -1  # 8% of movers state one or two wishes
        wish[rng.random(n) > 0.5, 1] = -1
        movers["wishes"].append(wish)
    np.savez_compressed(
        OUT / "place_50k.npz",
        free=free,
        receives=receives,
        kept=kept,
        kind=kind,
        district=np.searchsorted(names, [u["district"] for u in units]),
        complex=np.array(["complex" in u["tags"] for u in units]),
        hardship=np.array(["hardship" in u["tags"] for u in units]),
        selectors=np.array(selectors),
        levels=np.array([lv for lv, _, _ in PLACE_MIX]),
        **{k: np.concatenate(v) for k, v in movers.items()},
    )


def main() -> None:
    t0 = time.perf_counter()
    OUT.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(SEED)
    shipped, template = load_shipped()
    units, final, weight = make_units(rng, shipped)
    counts = template.group_by("proto").len()
    ratios = {
        p: (shipped[p]["capacity"] / c, shipped[p]["min_staff"] / c) for p, c in counts.iter_rows()
    }
    for label, n in SIZES.items():
        t = time.perf_counter()
        roster, unit_of = make_roster(rng, n, template, units, final, weight, shipped)
        tmp = OUT / f".roster_{label}.csv.tmp"  # renamed into place: readers never see half a file
        roster.write_csv(tmp)
        tmp.replace(OUT / f"roster_{label}.csv")
        write_units(OUT / f"units_{label}.yaml", units, final, unit_of, ratios)
        print(
            f"roster_{label}.csv: {n:,} officers in {time.perf_counter() - t:.1f} s",
            file=sys.stderr,
        )
    write_rules(units)
    make_place(rng, units)
    (OUT / ".generated").touch()
    print(f"generated bench/out/ in {time.perf_counter() - t0:.1f} s", file=sys.stderr)


if __name__ == "__main__":
    main()
