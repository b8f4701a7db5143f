"""Checks shared by every fact relation: known article, ordered offsets, span equal to the text.

The pipeline joins each fact batch to its article's text as `_article_text` before validating,
so these are real checks on the data, not promises.
"""
from __future__ import annotations

import pandera.polars as pa
import polars as pl

ARTICLE_TEXT = "_article_text"


def article_known(data: pa.PolarsData) -> pl.LazyFrame:
    return data.lazyframe.select(pl.col(ARTICLE_TEXT).is_not_null())


def offsets_ordered(data: pa.PolarsData) -> pl.LazyFrame:
    return data.lazyframe.select(pl.col("start_char") < pl.col("end_char"))


def span_matches(data: pa.PolarsData, column: str) -> pl.LazyFrame:
    length = (pl.col("end_char") - pl.col("start_char")).clip(lower_bound=0)
    span = pl.col(ARTICLE_TEXT).str.slice(pl.col("start_char"), length)
    return data.lazyframe.select((span == pl.col(column)).fill_null(False))


class FactModel(pa.DataFrameModel):
    article_id: str = pa.Field(str_length={"min_value": 1},
        description="The article this row belongs to (articles.article_id).")
    start_char: pl.Int32 = pa.Field(ge=0,
        description="Start offset of the span in articles.text (Python string index).")
    end_char: pl.Int32 = pa.Field(ge=1, description="End offset of the span in articles.text, exclusive.")

    @pa.dataframe_check
    def article_in_articles(cls, data: pa.PolarsData) -> pl.LazyFrame:
        """article_id must be present in articles."""
        return article_known(data)

    @pa.dataframe_check
    def start_before_end(cls, data: pa.PolarsData) -> pl.LazyFrame:
        """start_char must be < end_char."""
        return offsets_ordered(data)

    class Config:
        strict = False  # the joined `_article_text` column is allowed, and dropped after validation
        coerce = False


class MentionModel(FactModel):
    """A fact read from one mention: places, quantities and time expressions."""

    mention_text: str = pa.Field(str_length={"min_value": 1}, description="The words as they stand in the article.")

    @pa.dataframe_check
    def span_is_mention_text(cls, data: pa.PolarsData) -> pl.LazyFrame:
        """mention_text must equal the article text at [start_char, end_char)."""
        return span_matches(data, "mention_text")
