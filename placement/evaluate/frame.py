"""The evaluation frame: officers after merges, with derived and `unit.X` columns."""

from __future__ import annotations

import datetime as dt
import weakref

import polars as pl

from placement.load.units import Units

UNIT_COLUMNS = ("id", "name", "kind", "tier", "area", "district", "capacity", "min_staff", "tags")


_FRAMES: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def units_frame(units: Units) -> pl.DataFrame:
    """One row per unit: `unit` and every `unit.X` column (built once per Units)."""
    hit = _FRAMES.get(units)
    if hit is None:
        hit = _FRAMES[units] = _units_frame(units)
    return hit


def _units_frame(units: Units) -> pl.DataFrame:
    return pl.DataFrame(
        {
            "unit": [u.id for u in units.list],
            **{f"unit.{c}": [u.value(c) for u in units.list] for c in UNIT_COLUMNS},
        },
        schema={
            "unit": pl.String,
            "unit.id": pl.String,
            "unit.name": pl.String,
            "unit.kind": pl.String,
            "unit.tier": pl.String,
            "unit.area": pl.String,
            "unit.district": pl.String,
            "unit.capacity": pl.Float64,
            "unit.min_staff": pl.Float64,
            "unit.tags": pl.List(pl.String),
        },
    )


def completed_years(col: str, as_of: dt.date) -> pl.Expr:
    """Whole years from the date column `col` to `as_of` (age, years of service): the year
    difference, less one when the month-day falls after as_of's. Float64, so that a null
    date gives null (unknown)."""
    d = pl.col(col)
    later = (d.dt.month().cast(pl.Int32) * 100 + d.dt.day().cast(pl.Int32)) > (
        as_of.month * 100 + as_of.day
    )
    return (pl.lit(as_of.year, pl.Int32) - d.dt.year().cast(pl.Int32) - later.cast(pl.Int32)).cast(
        pl.Float64
    )


def build_frame(officers: pl.DataFrame, units: Units, as_of: dt.date) -> pl.DataFrame:
    """The evaluation frame: one row per officer whose unit is known (frame position k is
    the row index), `_from_unit` the roster's unit, `unit` its final unit along merges, the
    derived fields in completed years at `as_of` (age, years_of_service, years_in_post,
    years_since_discipline; null when the date is empty) and every `unit.X` column."""
    final = {uid: units.final[uid] for uid in units.by_id}
    f = officers.filter(pl.col("unit").is_not_null())
    f = f.with_columns(
        pl.col("unit").alias("_from_unit"),
        pl.col("unit").replace_strict(final, return_dtype=pl.String).alias("unit"),
        completed_years("birth_date", as_of).alias("age"),
        completed_years("joined_police", as_of).alias("years_of_service"),
        completed_years("post_since", as_of).alias("years_in_post"),
        completed_years("discipline_date", as_of).alias("years_since_discipline"),
    )
    return with_units(f, units)


def with_units(f: pl.DataFrame, units: Units) -> pl.DataFrame:
    """(Re)attach the `unit.X` columns for each officer's current `unit`."""
    f = f.drop([c for c in f.columns if c.startswith("unit.")])
    return f.join(units_frame(units), on="unit", how="left", maintain_order="left")
