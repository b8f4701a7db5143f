"""`rejects` and `runs`: the relations that say what a run did and what it quarantined.

They are sinks, not validated input, but they are published and documented like the others.
"""
from __future__ import annotations

import pandera.polars as pa
import polars as pl


class RejectModel(pa.DataFrameModel):
    reject_id: str = pa.Field(unique=True,
        description="Stable id of the reject (relation, check and content).")
    run_id: str = pa.Field(description="The run (runs.run_id).")
    relation: str = pa.Field(description="Relation the rejected row was meant for; 'input' for a file or line that never became an article.")  # 'input' for a file or line that never became an article
    article_id: str = pa.Field(nullable=True,
        description="The article this row belongs to (articles.article_id).")
    source_file: str = pa.Field(nullable=True,
        description="Path of the input file, relative to the raw folder.")
    source_line: pl.Int32 = pa.Field(nullable=True,
        description="Line number in a JSON Lines file; NULL for other formats.")
    failed_check: str = pa.Field(description="The check(s) that failed, '; '-separated.")  # the failed check(s), "; "-separated (`check` is reserved in SQL)
    reason: str = pa.Field(description="What a person reads: why the row was quarantined.")  # what a person reads: why the row was quarantined
    content: str = pa.Field(nullable=True,
        description="The rejected row as JSON, or the first characters of the rejected input.")  # the row (JSON) or the first bytes of the input

    class Config:
        strict = True


class RunModel(pa.DataFrameModel):
    run_id: str = pa.Field(unique=True, description="The run (runs.run_id).")
    started_at: pl.Datetime("us", "UTC") = pa.Field(description="When the run started (UTC).")
    ended_at: pl.Datetime("us", "UTC") = pa.Field(nullable=True, description="When the run ended (UTC).")
    status: str = pa.Field(isin=["completed", "failed"], description="completed or failed.")
    message: str = pa.Field(nullable=True, description="Why a failed run failed.")
    raw_dir: str = pa.Field(description="The raw folder the run read.")
    extractor_version: str = pa.Field(description="Versions of the extractors and schemas that produced this article's rows.")
    articles_seen: pl.Int64 = pa.Field(ge=0, nullable=True,
        description="Distinct articles read in the run.")  # null for a failed run
    articles_new: pl.Int64 = pa.Field(ge=0, nullable=True,
        description="Articles from files not published before.")  # null for a failed run
    articles_changed: pl.Int64 = pa.Field(ge=0, nullable=True,
        description="Articles re-extracted because their file's text or the extractor version changed.")  # null for a failed run
    articles_unchanged: pl.Int64 = pa.Field(ge=0, nullable=True,
        description="Articles already published with the same text and extractor version: carried over.")  # null for a failed run
    articles_removed: pl.Int64 = pa.Field(ge=0, nullable=True,
        description="Published articles no longer in the raw folder: removed with their facts.")  # null for a failed run
    inputs_rejected: pl.Int64 = pa.Field(ge=0, nullable=True,
        description="Files or lines that could not become articles.")  # null for a failed run
    rows_rejected: pl.Int64 = pa.Field(ge=0, nullable=True,
        description="Rows quarantined by validation or extractor failures.")  # null for a failed run
    claims_written: pl.Int64 = pa.Field(ge=0, nullable=True,
        description="Claims extracted in this run.")  # null for a failed run
    places_written: pl.Int64 = pa.Field(ge=0, nullable=True,
        description="Place mentions extracted in this run.")  # null for a failed run
    quantities_written: pl.Int64 = pa.Field(ge=0, nullable=True,
        description="Quantities extracted in this run.")  # null for a failed run
    time_expressions_written: pl.Int64 = pa.Field(ge=0, nullable=True,
        description="Time expressions extracted in this run.")  # null for a failed run

    class Config:
        strict = True
