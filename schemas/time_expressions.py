"""`time_expressions`: when things happened, resolved against the publication date where known."""
from __future__ import annotations

import pandera.polars as pa
import polars as pl

from schemas.facts import FactModel, span_matches


class TimeExpressionModel(FactModel):
    time_expression_id: str = pa.Field(unique=True, str_length={"min_value": 1},
        description="Stable id of the time expression.")
    mention_text: str = pa.Field(str_length={"min_value": 1},
        description="The words as they stand in the article.")
    granularity: str = pa.Field(isin=["day", "week", "month", "year"],
        description="day, week, month or year: how precise the expression is.")
    resolved_date: pl.Date = pa.Field(nullable=True,
        description="The date the expression refers to (first day of its week, month or year), given the publication date; NULL when that is unknown.")

    @pa.dataframe_check
    def span_is_mention_text(cls, data: pa.PolarsData) -> pl.LazyFrame:
        """mention_text must equal the article text at [start_char, end_char)."""
        return span_matches(data, "mention_text")
