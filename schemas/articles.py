"""`articles`: one row per distinct article text; its id is derived from that text."""
from __future__ import annotations

import pandera.polars as pa
import polars as pl


class ArticleModel(pa.DataFrameModel):
    article_id: str = pa.Field(unique=True, str_matches=r"^[0-9a-f]{20}$")
    source_file: str = pa.Field(str_length={"min_value": 1})
    source_line: pl.Int32 = pa.Field(nullable=True, ge=1)
    title: str = pa.Field(nullable=True)
    published: pl.Date = pa.Field(nullable=True)
    source: str = pa.Field(nullable=True)
    url: str = pa.Field(nullable=True)
    external_id: str = pa.Field(nullable=True)
    encoding: str = pa.Field(isin=["utf-8", "cp1252", "cp1256"])
    text: str = pa.Field(str_length={"min_value": 1})
    text_sha256: str = pa.Field(str_matches=r"^[0-9a-f]{64}$")
    n_chars: pl.Int32 = pa.Field(ge=1)
    extractor_version: str = pa.Field(str_length={"min_value": 1})

    @pa.dataframe_check
    def id_from_content(cls, data: pa.PolarsData) -> pl.LazyFrame:
        """article_id must be the first 20 hex digits of text_sha256."""
        return data.lazyframe.select(pl.col("text_sha256").str.slice(0, 20) == pl.col("article_id"))

    class Config:
        strict = True
        coerce = False
