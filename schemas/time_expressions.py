"""`time_expressions`: when things happened, resolved against the publication date where known."""
from __future__ import annotations

import pandera.polars as pa
import polars as pl

from schemas.facts import MentionModel


class TimeExpressionModel(MentionModel):
    time_expression_id: str = pa.Field(unique=True, str_length={"min_value": 1},
        description="Stable id of the time expression.")
    granularity: str = pa.Field(isin=["day", "week", "month", "year"],
        description="day, week, month or year: how precise the expression is.")
    resolved_date: pl.Date = pa.Field(nullable=True,
        description="The date the expression refers to (first day of its week, month or year), given the publication date; NULL when that is unknown.")
