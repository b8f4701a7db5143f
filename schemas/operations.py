"""`rejects` and `runs`: the relations that say what a run did and what it quarantined.

They are sinks, not validated input, but they are published and documented like the others.
"""
from __future__ import annotations

import pandera.polars as pa
import polars as pl


def _count(meaning: str):
    return pa.Field(ge=0, nullable=True, description=f"{meaning} NULL for a failed run.")


def _seconds(meaning: str):
    return pa.Field(ge=0, nullable=True, description=f"Seconds {meaning}, summed over batches.")


class RejectModel(pa.DataFrameModel):
    """`rejects`: every file, line or row that was quarantined, with the check that failed and why."""

    reject_id: str = pa.Field(unique=True, description="Stable id of the reject (relation, check and content).")
    run_id: str = pa.Field(description="The run that quarantined it (runs.run_id).")
    relation: str = pa.Field(description="Relation the rejected row was meant for; 'input' for a file or line "
                                         "that never became an article.")
    article_id: str = pa.Field(nullable=True, description="The article the row belongs to, when there is one.")
    source_file: str = pa.Field(nullable=True, description="Path of the input file, relative to the raw folder.")
    source_line: pl.Int32 = pa.Field(nullable=True, description="Line number in a JSON Lines file, when known.")
    failed_check: str = pa.Field(description="The check(s) that failed, '; '-separated (not `check`, which is "
                                             "reserved in SQL).")
    reason: str = pa.Field(description="What a person reads: why the row was quarantined.")
    content: str = pa.Field(nullable=True, description="The rejected row as JSON, or the first characters of "
                                                       "the rejected input.")

    class Config:
        strict = True


class RunModel(pa.DataFrameModel):
    """`runs`: one row per run, failed runs included, rebuilt from `.state/runs.jsonl` at each publish."""

    run_id: str = pa.Field(unique=True, description="Id of the run: its start time and a random suffix.")
    started_at: pl.Datetime("us", "UTC") = pa.Field(description="When the run started (UTC).")
    ended_at: pl.Datetime("us", "UTC") = pa.Field(nullable=True, description="When the run ended (UTC).")
    status: str = pa.Field(isin=["completed", "failed"], description="completed or failed.")
    message: str = pa.Field(nullable=True, description="Why a failed run failed.")
    raw_dir: str = pa.Field(description="The raw folder the run read.")
    extractor_version: str = pa.Field(description="Versions of the extractors and schemas the run used.")
    articles_seen: pl.Int64 = _count("Distinct articles read in the run.")
    articles_new: pl.Int64 = _count("Articles from files not published before.")
    articles_changed: pl.Int64 = _count("Articles re-extracted because their file's text or the extractor "
                                        "version changed.")
    articles_unchanged: pl.Int64 = _count("Articles already published with the same text and extractor "
                                          "version: carried over, not re-extracted.")
    articles_removed: pl.Int64 = _count("Published articles no longer in the raw folder: removed with their "
                                        "facts.")
    inputs_rejected: pl.Int64 = _count("Files or lines that could not become articles.")
    rows_rejected: pl.Int64 = _count("Rows quarantined by validation or extractor failures.")
    claims_written: pl.Int64 = _count("Claims extracted in this run.")
    places_written: pl.Int64 = _count("Place mentions extracted in this run.")
    quantities_written: pl.Int64 = _count("Quantities extracted in this run.")
    time_expressions_written: pl.Int64 = _count("Time expressions extracted in this run.")
    seconds_ingest: pl.Float64 = _seconds("reading input")
    seconds_claims: pl.Float64 = _seconds("in the claim extractor")
    seconds_places: pl.Float64 = _seconds("in the place extractor")
    seconds_quantities: pl.Float64 = _seconds("in the quantity extractor")
    seconds_time_expressions: pl.Float64 = _seconds("in the time-expression extractor")
    seconds_validate: pl.Float64 = _seconds("in Pandera validation")
    seconds_stage: pl.Float64 = _seconds("writing batches and carried-over rows into the new version")
    seconds_publish: pl.Float64 = pa.Field(
        ge=0, nullable=True, description="Seconds writing Parquet and swapping the new version in; known once the "
                                         "publish is over, so it shows from the next run on.")

    class Config:
        strict = True
