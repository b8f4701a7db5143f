"""`articles`: one row per distinct article text; its id is derived from that text."""
from __future__ import annotations

import pandera.polars as pa
import polars as pl


class ArticleModel(pa.DataFrameModel):
    article_id: str = pa.Field(unique=True, str_matches=r"^[0-9a-f]{20}$",
        description="Id of the article: the first 20 hex digits of the SHA-256 of its text.")
    source_file: str = pa.Field(str_length={"min_value": 1},
        description="Path of the input file, relative to the raw folder.")
    source_line: pl.Int32 = pa.Field(nullable=True, ge=1,
        description="Line number in a JSON Lines file; NULL for other formats.")
    title: str = pa.Field(nullable=True,
        description="Title from the JSON Lines record or the HTML page; NULL for plain text.")
    published: pl.Date = pa.Field(nullable=True,
        description="Publication date when the input gives one that can be read; NULL otherwise.")
    source: str = pa.Field(nullable=True, description="Publisher or site name when the input gives one.")
    url: str = pa.Field(nullable=True, description="Address of the article when the input gives one.")
    external_id: str = pa.Field(nullable=True,
        description="The id the input record carried (JSON Lines 'id'), if any.")
    encoding: str = pa.Field(isin=["utf-8", "cp1252", "cp1256"],
        description="How the bytes were decoded: utf-8, or the cp1252 / cp1256 fallback for legacy files.")
    text: str = pa.Field(str_length={"min_value": 1},
        description="The article text as stored; every offset points into it.")
    text_sha256: str = pa.Field(str_matches=r"^[0-9a-f]{64}$",
        description="SHA-256 of the text (hex); article_id is its first 20 digits.")
    n_chars: pl.Int32 = pa.Field(ge=1, description="Length of the text in characters.")
    extractor_version: str = pa.Field(str_length={"min_value": 1},
        description="Versions of the extractors and schemas that produced this article's rows.")

    @pa.dataframe_check
    def id_from_content(cls, data: pa.PolarsData) -> pl.LazyFrame:
        """article_id must be the first 20 hex digits of text_sha256."""
        return data.lazyframe.select(pl.col("text_sha256").str.slice(0, 20) == pl.col("article_id"))

    class Config:
        strict = True
        coerce = False
