"""`time_expressions`: when things happened, resolved against the publication date where known."""
from __future__ import annotations

import pandera.polars as pa
import polars as pl

from schemas.facts import FactModel, span_matches


class TimeExpressionModel(FactModel):
    time_expression_id: str = pa.Field(unique=True, str_length={"min_value": 1})
    mention_text: str = pa.Field(str_length={"min_value": 1})
    granularity: str = pa.Field(isin=["day", "week", "month", "year"])
    resolved_date: pl.Date = pa.Field(nullable=True)

    @pa.dataframe_check
    def span_is_mention_text(cls, data: pa.PolarsData) -> pl.LazyFrame:
        """mention_text must equal the article text at [start_char, end_char)."""
        return span_matches(data, "mention_text")
