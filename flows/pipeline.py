"""The pipeline flow: ingest -> extract -> validate -> publish, batch by batch.

The flow only orchestrates: it cuts the raw folder into batches, submits one task per batch
that runs ingest, extract and validate (plain functions, each timed) to the task runner (so the
executor can be threads, processes or Dask without touching the logic), stages what comes
back, and publishes the complete result in one swap.
"""
from __future__ import annotations

import functools
import gc
import logging
import os
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import polars as pl
from prefect import flow, get_run_logger, task
from prefect.cache_policies import NO_CACHE

from flows.config import Settings, load_settings
from flows.extract.registry import extract_articles, extractor_version
from flows.ingest.articles import Article, InputReject
from flows.ingest.readers import Unit, plan_units, read_unit
from flows.publish.lock import RunLock
from flows.publish.runlog import append_run, new_run_id, now_utc, read_runs, runs_frame
from flows.publish.warehouse import Staging, Warehouse
from flows.validate.quarantine import reject_row, rejects_frame, validate
from schemas import FACT_RELATIONS, polars_schema

progress = logging.getLogger("newsfacts.progress")
# Where a run's time goes, summed over batches (with parallel workers, more than the wall time).
STAGES = ("ingest", *FACT_RELATIONS, "validate", "stage")
TASK_OPTIONS = {"cache_policy": NO_CACHE, "persist_result": False, "retries": 0}


@dataclass
class Ingested:
    articles: list[Article]  # to extract: new or changed
    unchanged: list[tuple[str, str, int | None]]  # (article_id, source_file, line) published as they are
    rejects: list[InputReject]
    seconds: float = 0.0
    files: dict[str, list[str]] = field(default_factory=dict)  # source file -> ids of its articles


@dataclass
class Batch:
    articles: pl.DataFrame
    facts: dict[str, pl.DataFrame]
    rejects: pl.DataFrame
    unchanged: list[tuple[str, str, int | None]] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)  # stage -> seconds spent in this batch
    files: dict[str, list[str]] = field(default_factory=dict)


def _input_reject_rows(run_id: str, rejects: list[InputReject]) -> list[dict]:
    return [reject_row(run_id, "input", r.check, f"{r.source_file}: {r.reason}", r.content,
                       source_file=r.source_file, source_line=r.source_line) for r in rejects]


@functools.lru_cache(maxsize=1)
def published_ids(path: str) -> frozenset[str]:
    """Ids already published, read once per worker process: sending 100k ids with every batch
    would cost more than the batch."""
    return frozenset(Path(path).read_text(encoding="utf-8").split()) if path else frozenset()


def ingest(units: list[Unit], max_chars: int, published: frozenset[str]) -> Ingested:
    """Read a batch of files; articles already published as they are are only noted, not extracted."""
    started = time.perf_counter()
    out = Ingested([], [], [])
    seen: set[str] = set()
    for unit in units:
        articles, rejects = read_unit(unit, max_chars)
        out.rejects.extend(rejects)
        out.files.setdefault(unit.source_file, []).extend(a.article_id for a in articles)
        for article in articles:
            if article.article_id in published:
                out.unchanged.append((article.article_id, article.source_file, article.source_line))
            elif article.article_id in seen:
                out.rejects.append(InputReject(article.source_file, "duplicate_article",
                                               f"same text as article {article.article_id} read earlier; kept once",
                                               article.article_id, article.source_line))
            else:
                seen.add(article.article_id)
                out.articles.append(article)
    out.seconds = time.perf_counter() - started
    return out


def validate_batch(ingested: Ingested, extracted: tuple[dict[str, pl.DataFrame], list[dict], dict[str, float]],
                   run_id: str, version: str) -> Batch:
    started = time.perf_counter()
    frames, failures, extract_seconds = extracted
    schema = polars_schema("articles")
    articles = pl.DataFrame([{**{c: getattr(a, c, None) for c in schema}, "n_chars": len(a.text),
                              "extractor_version": version} for a in ingested.articles], schema=schema)
    articles, rejects = validate("articles", articles, articles, run_id)
    reject_parts = [rejects, rejects_frame(_input_reject_rows(run_id, ingested.rejects)),
                    rejects_frame([reject_row(run_id, f["relation"], f["check"], f["reason"], f["content"],
                                              f["article_id"], f["source_file"]) for f in failures])]
    facts = {}
    for relation in FACT_RELATIONS:
        facts[relation], rejects = validate(relation, frames[relation], articles, run_id)
        reject_parts.append(rejects)
    seconds = {"ingest": ingested.seconds, **extract_seconds, "validate": time.perf_counter() - started}
    return Batch(articles, facts, pl.concat(reject_parts), ingested.unchanged, seconds, ingested.files)


@task(name="ingest-extract-validate", **TASK_OPTIONS)
def process_batch(units: list[Unit], max_chars: int, published_file: str, run_id: str, version: str) -> Batch:
    """The three stages of one batch in one worker: an article's text then crosses a process
    boundary once, validated, instead of four times through the flow process, which measurably
    capped throughput on two cores. Each stage stays its own function, timed on its own."""
    ingested = ingest(units, max_chars, published_ids(published_file))
    return validate_batch(ingested, extract_articles(ingested.articles), run_id, version)


def _duplicate_rejects(run_id: str, dupes: list[tuple[str, str, int | None]]) -> pl.DataFrame:
    return rejects_frame([reject_row(run_id, "input", "duplicate_article",
                                     f"{source}: same text as article {article_id} read earlier; kept once",
                                     article_id, None, source, line) for article_id, source, line in dupes])


def stage_batch(staging: Staging, batch: Batch, staged: set[str], run_id: str) -> tuple[Batch, list[str]]:
    """Append a batch, dropping articles a previous batch already staged (the same text twice)."""
    rows = batch.articles.select("article_id", "source_file", "source_line").rows()
    dupes = [r for r in rows if r[0] in staged]
    keep_unchanged = []
    for record in batch.unchanged:
        if record[0] in staged:
            dupes.append(record)
        else:
            keep_unchanged.append(record[0])
            staged.add(record[0])
    if dupes:
        drop = pl.col("article_id").is_in([d[0] for d in dupes])
        batch = Batch(batch.articles.filter(~drop), {r: f.filter(~drop) for r, f in batch.facts.items()},
                      pl.concat([batch.rejects.filter(~drop.fill_null(False)), _duplicate_rejects(run_id, dupes)]),
                      seconds=batch.seconds, files=batch.files)
    staged.update(batch.articles["article_id"].to_list())
    staging.append("articles", batch.articles)
    for relation, frame in batch.facts.items():
        staging.append(relation, frame)
    staging.append("rejects", batch.rejects)
    return batch, keep_unchanged


def _batches(units: list[Unit], batch_bytes: int) -> Iterator[list[Unit]]:
    """Group units so each batch carries about `batch_bytes` of input."""
    group, size = [], 0
    for unit in units:
        group.append(unit)
        size += (unit.end or _size(unit)) - unit.start
        if size >= batch_bytes:
            yield group
            group, size = [], 0
    if group:
        yield group


def _size(unit: Unit) -> int:
    try:
        return os.path.getsize(unit.path)
    except OSError:
        return 0


@flow(name="newsfacts-pipeline", log_prints=False)
def pipeline(raw: str | None = None, warehouse: str | None = None, batch_bytes: int | None = None,
             max_article_chars: int | None = None) -> dict:
    """One run over the raw folder; returns the run record (also appended to the run log).

    Parameters are plain values so a deployment can carry them; anything left out comes from
    NEWSFACTS_* variables, newsfacts.toml or the defaults (see flows/config.py).
    """
    settings = load_settings({"raw": raw, "warehouse": warehouse, "batch_bytes": batch_bytes,
                              "max_article_chars": max_article_chars})
    return run_once(settings)


def run_once(settings: Settings) -> dict:
    logger = get_run_logger()
    started = now_utc()
    run_id = new_run_id(started)
    version = extractor_version()
    settings.warehouse.mkdir(parents=True, exist_ok=True)
    warehouse = Warehouse(settings.warehouse)
    run = {"run_id": run_id, "started_at": started.isoformat(), "ended_at": None, "status": "failed",
           "message": None, "raw_dir": str(settings.raw), "extractor_version": version}
    with RunLock(settings.state_dir):
        warehouse.clean_stale()
        staging = warehouse.begin(run_id, version)
        try:
            counts, files = _run(settings, warehouse, staging, run_id, version, logger)
            run.update(counts)
            run["status"] = "completed"
            publish_started = time.perf_counter()
            run["ended_at"] = now_utc().isoformat()
            staging.append("runs", runs_frame([*read_runs(settings.state_dir), run]))
            staging.publish(files)
            run["seconds_publish"] = round(time.perf_counter() - publish_started, 3)
        except BaseException as exc:
            run["message"] = f"{type(exc).__name__}: {exc}"
            run["status"], run["ended_at"] = "failed", now_utc().isoformat()
            staging.abort()
            append_run(settings.state_dir, run)
            raise
        append_run(settings.state_dir, run)
    return run


def _stat(path: str) -> list[int]:
    st = os.stat(path)
    return [st.st_size, st.st_mtime_ns]


def _skip_unchanged_files(units: list[Unit], manifest: dict) -> tuple[list[Unit], dict[str, dict], dict]:
    """Units still to read; the manifest entries of files whose size and mtime have not moved since
    the live version was built (their articles are carried over unread); and every file's stat,
    taken before reading so that a file changed during the run is read again next time."""
    known = manifest.get("files", {})
    stats = {u.source_file: _stat(u.path) for u in units}
    unchanged = {f: known[f] for f, st in stats.items() if f in known and known[f]["stat"] == st}
    return [u for u in units if u.source_file not in unchanged], unchanged, stats


def _run(settings: Settings, warehouse: Warehouse, staging: Staging, run_id: str, version: str,
         logger) -> tuple[dict, dict]:
    if not settings.raw.is_dir():
        raise FileNotFoundError(f"raw folder {settings.raw} does not exist")
    live = warehouse.live_articles()
    manifest = warehouse.live_manifest()
    same_version = manifest.get("extractor_version") == version
    published = staging.write_ids("published.txt", live["article_id"].to_list() if same_version else [])
    live_sources = set(live["source_file"].to_list())
    units, unit_rejects = plan_units(settings.raw, settings.batch_bytes)
    units, files, stats = _skip_unchanged_files(units, manifest if same_version else {})
    staging.forget_input_rejects(keep_files=set(files))
    staging.append("rejects", rejects_frame(_input_reject_rows(run_id, unit_rejects)))
    staged: set[str] = {i for entry in files.values() for i in entry["articles"]}
    carried: list[str] = list(staged)
    read_files: dict[str, list[str]] = {}
    batches = list(_batches(units, settings.batch_bytes))
    logger.info("run %s: %d input unit(s) in %d batch(es) from %s; %d file(s) unchanged", run_id, len(units),
                len(batches), settings.raw, len(files))
    counts = {"articles_new": 0, "articles_changed": 0, "rows_rejected": 0,
              "inputs_rejected": len(unit_rejects), **{f"{r}_written": 0 for r in FACT_RELATIONS}}
    seconds = dict.fromkeys(STAGES, 0.0)
    window = (settings.workers or os.cpu_count() or 1) * 2  # batches in flight: bounded memory
    pending = []
    t0, done_articles, done_batches = time.perf_counter(), 0, 0

    def drain(future) -> None:
        nonlocal done_articles, done_batches
        done_batches += 1
        result = future.result()
        stage_started = time.perf_counter()
        batch, unchanged = stage_batch(staging, result, staged, run_id)
        for stage, spent in batch.seconds.items():
            seconds[stage] += spent
        seconds["stage"] += time.perf_counter() - stage_started
        carried.extend(unchanged)
        for source, ids in batch.files.items():
            read_files.setdefault(source, []).extend(ids)
        for source in batch.articles["source_file"].to_list():
            counts["articles_changed" if source in live_sources else "articles_new"] += 1
        for relation, frame in batch.facts.items():
            counts[f"{relation}_written"] += frame.height
        is_input = pl.col("relation") == "input"
        counts["inputs_rejected"] += batch.rejects.filter(is_input).height
        counts["rows_rejected"] += batch.rejects.filter(~is_input).height
        done_articles += batch.articles.height + len(unchanged)
        # Prefect's result record of a task sits in a reference cycle, so a staged batch's frames
        # would wait for a full collection that comes only every dozen batches or so: collected
        # now, the flow process holds one batch at a time (measured: 880 -> 380 MB at 20k).
        # The objects that exist before the loop are frozen out of it, so this costs milliseconds.
        del result, batch
        gc.collect()
        rate = done_articles / max(1e-9, time.perf_counter() - t0)
        progress.info("%d/%d batches, %d articles (%.0f articles/s)", done_batches, len(batches),
                      done_articles, rate, extra={"done": done_batches, "total": len(batches)})

    gc.freeze()
    try:
        for units_in_batch in batches:
            pending.append(process_batch.submit(units_in_batch, settings.max_article_chars, published, run_id,
                                                version))
            if len(pending) >= window:
                drain(pending.pop(0))
        while pending:
            drain(pending.pop(0))
    finally:
        gc.unfreeze()  # a long-lived process (newsfacts serve) runs many flows
    keep_started = time.perf_counter()
    staging.keep_only(staged)
    seconds["stage"] += time.perf_counter() - keep_started
    removed = live.filter(~pl.col("article_id").is_in(list(staged))).height
    # Every file read this run can be skipped next time while its size and mtime stay the same.
    files.update({f: {"stat": stats[f], "articles": ids} for f, ids in read_files.items()})
    counts = {**counts, "articles_seen": len(staged), "articles_unchanged": len(carried), "articles_removed": removed,
              **{f"seconds_{k}": round(v, 3) for k, v in seconds.items()}}
    return counts, files
