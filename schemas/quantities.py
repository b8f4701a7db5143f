"""`quantities`: a number with its unit, bound and item, plus a base-unit value BI can sum."""
from __future__ import annotations

import pandera.polars as pa
import polars as pl

from schemas.facts import MentionModel


class QuantityModel(MentionModel):
    quantity_id: str = pa.Field(unique=True, str_length={"min_value": 1},
        description="Stable id of the quantity mention.")
    value: pl.Float64 = pa.Field(description="The number as stated, scaled by its multiplier word (1.5 billion -> 1500000000).")
    value_max: pl.Float64 = pa.Field(nullable=True,
        description="Upper end of a range (10 to 15 -> 15); NULL otherwise.")
    unit: str = pa.Field(str_length={"min_value": 1},
        description="Lower-case singular unit (ton, kilometre, dollar, percent, year) or counted noun (person, soldier, pill).")
    bound: str = pa.Field(isin=["=", "~", ">", "<"],
        description="= exact, ~ approximate (about, nearly), > lower bound (over, at least), < upper bound (up to, fewer than).")
    item: str = pa.Field(nullable=True,
        description="What the number measures when it is not the unit itself (Captagon pills in 'one ton of Captagon pills').")
    normalized_value: pl.Float64 = pa.Field(nullable=True,
        description="value in normalized_unit, so amounts can be summed (1 ton -> 1000 kilogram).")
    normalized_unit: str = pa.Field(nullable=True,
        description="Base unit of normalized_value (kilogram, kilometre, USD, day, percent, or the counted noun).")

    @pa.dataframe_check
    def value_finite(cls, data: pa.PolarsData) -> pl.LazyFrame:
        """value must be a finite number."""
        return data.lazyframe.select(pl.col("value").is_finite().fill_null(False))

    @pa.dataframe_check
    def range_ordered(cls, data: pa.PolarsData) -> pl.LazyFrame:
        """value_max, when given, must be >= value."""
        return data.lazyframe.select(pl.col("value_max").is_null() | (pl.col("value_max") >= pl.col("value")))
