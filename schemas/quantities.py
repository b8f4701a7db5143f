"""`quantities`: a number with its unit, bound and item, plus a base-unit value BI can sum."""
from __future__ import annotations

import pandera.polars as pa
import polars as pl

from schemas.facts import FactModel, span_matches


class QuantityModel(FactModel):
    quantity_id: str = pa.Field(unique=True, str_length={"min_value": 1})
    mention_text: str = pa.Field(str_length={"min_value": 1})
    value: pl.Float64 = pa.Field()
    value_max: pl.Float64 = pa.Field(nullable=True)
    unit: str = pa.Field(str_length={"min_value": 1})
    bound: str = pa.Field(isin=["=", "~", ">", "<"])
    item: str = pa.Field(nullable=True)
    normalized_value: pl.Float64 = pa.Field(nullable=True)
    normalized_unit: str = pa.Field(nullable=True)

    @pa.dataframe_check
    def span_is_mention_text(cls, data: pa.PolarsData) -> pl.LazyFrame:
        """mention_text must equal the article text at [start_char, end_char)."""
        return span_matches(data, "mention_text")

    @pa.dataframe_check
    def value_finite(cls, data: pa.PolarsData) -> pl.LazyFrame:
        """value must be a finite number."""
        return data.lazyframe.select(pl.col("value").is_finite().fill_null(False))

    @pa.dataframe_check
    def range_ordered(cls, data: pa.PolarsData) -> pl.LazyFrame:
        """value_max, when given, must be >= value."""
        return data.lazyframe.select(pl.col("value_max").is_null() | (pl.col("value_max") >= pl.col("value")))
