"""`rejects` and `runs`: the relations that say what a run did and what it quarantined.

They are sinks, not validated input, but they are published and documented like the others.
"""
from __future__ import annotations

import pandera.polars as pa
import polars as pl


class RejectModel(pa.DataFrameModel):
    reject_id: str = pa.Field(unique=True)
    run_id: str = pa.Field()
    relation: str = pa.Field()  # 'input' for a file or line that never became an article
    article_id: str = pa.Field(nullable=True)
    source_file: str = pa.Field(nullable=True)
    source_line: pl.Int32 = pa.Field(nullable=True)
    check: str = pa.Field()  # the check(s) that failed, '; '-separated
    reason: str = pa.Field()  # what a person reads: why the row was quarantined
    content: str = pa.Field(nullable=True)  # the row (JSON) or the first bytes of the input

    class Config:
        strict = True


class RunModel(pa.DataFrameModel):
    run_id: str = pa.Field(unique=True)
    started_at: pl.Datetime("us", "UTC") = pa.Field()
    ended_at: pl.Datetime("us", "UTC") = pa.Field(nullable=True)
    status: str = pa.Field(isin=["completed", "failed"])
    message: str = pa.Field(nullable=True)
    raw_dir: str = pa.Field()
    extractor_version: str = pa.Field()
    articles_seen: pl.Int64 = pa.Field(ge=0, nullable=True)  # null for a failed run
    articles_new: pl.Int64 = pa.Field(ge=0, nullable=True)  # null for a failed run
    articles_changed: pl.Int64 = pa.Field(ge=0, nullable=True)  # null for a failed run
    articles_unchanged: pl.Int64 = pa.Field(ge=0, nullable=True)  # null for a failed run
    articles_removed: pl.Int64 = pa.Field(ge=0, nullable=True)  # null for a failed run
    inputs_rejected: pl.Int64 = pa.Field(ge=0, nullable=True)  # null for a failed run
    rows_rejected: pl.Int64 = pa.Field(ge=0, nullable=True)  # null for a failed run
    claims_written: pl.Int64 = pa.Field(ge=0, nullable=True)  # null for a failed run
    places_written: pl.Int64 = pa.Field(ge=0, nullable=True)  # null for a failed run
    quantities_written: pl.Int64 = pa.Field(ge=0, nullable=True)  # null for a failed run
    time_expressions_written: pl.Int64 = pa.Field(ge=0, nullable=True)  # null for a failed run

    class Config:
        strict = True
