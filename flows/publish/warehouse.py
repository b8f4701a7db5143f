"""The warehouse folder: a live version that readers see, and a staged one a run builds.

Layout (what BI tools and the DuckDB CLI open):

    warehouse/warehouse.duckdb  -> current/warehouse.duckdb
    warehouse/parquet           -> current/parquet            (one <relation>.parquet each)
    warehouse/report.html       -> current/report.html        (counts and charts of this version)
    warehouse/current           -> .versions/<run_id>         (the one thing a publish swaps)
    warehouse/.state/           run log, lock, Prefect's home

A run builds `.staging/<run_id>/` completely, then renames it into `.versions/` and swaps the
`current` link with one atomic rename. A reader, or a run killed at any moment, therefore sees
the previous complete warehouse or the new complete one, never a mixture. DuckDB allows one
writer per file: the live file is never written, so readers holding it open never block a run.
"""
from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
from pathlib import Path

import duckdb
import polars as pl

from flows.report import render_report
from schemas import FACT_RELATIONS, polars_schema

RELATIONS = ("articles", *FACT_RELATIONS, "speakers", "rejects", "runs")
# One row per canonical speaker per article; mode() picks the role stated most often.
SPEAKERS_SQL = """
INSERT INTO speakers
SELECT substr(sha256(article_id || chr(31) || speaker), 1, 20), article_id, speaker, mode(speaker_role),
       string_agg(DISTINCT speaker_mention, '; ' ORDER BY speaker_mention), count(*)::INTEGER,
       min(start_char)::INTEGER
FROM claims WHERE speaker IS NOT NULL
GROUP BY article_id, speaker
"""
# DuckDB 2.0 writes a storage format the 1.x engines inside BI drivers cannot open; v1.1.0 they can.
STORAGE_VERSION = "v1.1.0"
# DuckDB's buffer for the staged database: it spills to the file beyond this, so a run's peak
# memory does not grow with the corpus. 320 MB holds every step at 100k articles.
STAGING_MEMORY = "320MB"
# Parquet row groups bounded in bytes as well as rows: an articles row group of the default
# 122,880 rows carries ~800 MB of text, which the writer must buffer whole.
PARQUET_OPTIONS = "FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE_BYTES '32MB'"
MANIFEST = "manifest.json"  # per version: extractor version and the input files it was built from
# Fault injection for the crash-safety tests: SIGKILL this process when publishing reaches the
# named step. Unset in normal use; a killed run must leave the previous warehouse intact.
CRASH_AT = "NEWSFACTS_CRASH_AT"


def _step(name: str) -> None:
    if os.environ.get(CRASH_AT) == name:
        os.kill(os.getpid(), signal.SIGKILL)


def _duck_type(dtype: pl.DataType) -> str:
    if dtype == pl.String:
        return "VARCHAR"
    if dtype == pl.Int32:
        return "INTEGER"
    if dtype == pl.Int64:
        return "BIGINT"
    if dtype == pl.Float64:
        return "DOUBLE"
    if dtype == pl.Date:
        return "DATE"
    if isinstance(dtype, pl.Datetime):
        return "TIMESTAMPTZ"
    raise TypeError(f"no DuckDB type for {dtype}")


def create_table_sql(relation: str) -> str:
    cols = ", ".join(f'"{name}" {_duck_type(dtype)}' for name, dtype in polars_schema(relation).items())
    return f"CREATE TABLE {relation} ({cols})"


def _fsync_tree(path: Path) -> None:
    for item in [*path.rglob("*"), path]:
        fd = os.open(item, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


class Warehouse:
    def __init__(self, root: Path):
        self.root = root
        self.versions = root / ".versions"
        self.staging_root = root / ".staging"
        self.current = root / "current"

    @property
    def live_db(self) -> Path | None:
        db = self.current / "warehouse.duckdb"
        return db.resolve() if db.exists() else None

    def live_articles(self) -> pl.DataFrame:
        """article_id, source_file, extractor_version of what is published now (empty if nothing)."""
        empty = pl.DataFrame(schema={"article_id": pl.String, "source_file": pl.String,
                                     "extractor_version": pl.String})
        if self.live_db is None:
            return empty
        with duckdb.connect(str(self.live_db), read_only=True) as con:
            return con.sql("select article_id, source_file, extractor_version from articles").pl()

    def live_manifest(self) -> dict:
        """What the live version was built from: extractor version and input files' stat and ids."""
        path = self.current / MANIFEST
        if not path.exists():
            return {}
        return json.loads(path.read_text(encoding="utf-8"))

    def clean_stale(self) -> None:
        """Leftovers of a killed run: safe to drop, the caller holds the run lock."""
        shutil.rmtree(self.staging_root, ignore_errors=True)
        for link in self.root.glob(".current-*"):
            link.unlink()

    def begin(self, run_id: str, version: str) -> Staging:
        return Staging(self, run_id, version)


class Staging:
    """A new complete warehouse under construction; nothing here is visible until `publish`.

    It starts as a copy of the live version when that was built by the same extractor version,
    so an incremental run only deletes the rows of changed or removed articles and appends new
    ones, and relations it did not touch keep their Parquet files (hard-linked, not rewritten).
    """

    def __init__(self, warehouse: Warehouse, run_id: str, version: str):
        self.warehouse = warehouse
        self.run_id = run_id
        self.version = version
        self.dir = warehouse.staging_root / run_id
        self.dir.mkdir(parents=True, exist_ok=False)
        self.db_path = self.dir / "warehouse.duckdb"
        base = warehouse.live_db if warehouse.live_manifest().get("extractor_version") == version else None
        self.base_parquet = (warehouse.current / "parquet").resolve() if base else None
        if base:
            shutil.copyfile(base, self.db_path)
        # Row order in the Parquet files carries no meaning; not preserving it lets COPY stream
        # (and is what ROW_GROUP_SIZE_BYTES requires).
        # Checkpoints every 256 MB of log instead of DuckDB's 16 MB: each one rewrites the row
        # groups just appended to, so frequent ones cost more than the inserts (staging 20k
        # articles: 5.0 s, now 2.5 s). None at all until publish would leave the work to the end,
        # when the workers are idle (staging 60k articles: 7 s of inserts, then a 6.6 s final
        # checkpoint; with 256 MB, 10 s of inserts alongside the workers, then 1 s).
        self.con = duckdb.connect(config={"memory_limit": STAGING_MEMORY, "preserve_insertion_order": False,
                                          "checkpoint_threshold": "256MB"})
        self.con.execute(f"ATTACH '{self.db_path}' AS staged (STORAGE_VERSION '{STORAGE_VERSION}')")
        self.con.execute("USE staged")
        self.changed: set[str] = {"runs"}
        self.side_files: list[Path] = []  # working files of the run, not part of the version
        if base:
            self.con.execute("DELETE FROM runs")
        else:
            for relation in RELATIONS:
                self.con.execute(create_table_sql(relation))
            self.changed.update(RELATIONS)

    def _delete(self, relation: str, where: str) -> None:
        deleted = self.con.execute(f"DELETE FROM {relation} WHERE {where}").fetchone()[0]
        if deleted:
            self.changed.add(relation)

    def append(self, relation: str, frame: pl.DataFrame) -> None:
        if frame.height:
            self.con.register("batch_frame", frame.select(list(polars_schema(relation))))
            self.con.execute(f"INSERT INTO {relation} SELECT * FROM batch_frame")
            self.con.unregister("batch_frame")
            self.changed.add(relation)

    def keep_only(self, article_ids: set[str]) -> None:
        """Drop the rows of every article not seen in this run: changed texts' old ids, deleted files."""
        self.con.register("keep_frame", pl.DataFrame({"article_id": list(article_ids)}, schema={"article_id": pl.String}))
        for relation in ("articles", *FACT_RELATIONS, "rejects"):
            self._delete(relation, "article_id IS NOT NULL AND article_id NOT IN (SELECT article_id FROM keep_frame)")
        self.con.unregister("keep_frame")

    def write_ids(self, name: str, ids: list[str]) -> str:
        """A side file of this run's staging folder, for tasks to read instead of receiving."""
        path = self.dir / name
        path.write_text("\n".join(ids), encoding="utf-8")
        self.side_files.append(path)
        return str(path)

    def forget_input_rejects(self, keep_files: set[str]) -> None:
        """Input is judged afresh each run, except in files skipped as unchanged: theirs stay."""
        self.con.register("keep_files", pl.DataFrame({"source_file": list(keep_files)},
                                                     schema={"source_file": pl.String}))
        self._delete("rejects", "relation = 'input' AND (source_file IS NULL OR source_file NOT IN "
                                "(SELECT source_file FROM keep_files))")
        self.con.unregister("keep_files")

    def publish(self, files: dict) -> Path:
        """Parquet beside the database, then one atomic swap of `current`."""
        if "claims" in self.changed:
            self.con.execute("DELETE FROM speakers")
            self.con.execute(SPEAKERS_SQL)
            self.changed.add("speakers")
        self.con.execute("CHECKPOINT")
        _step("staged")
        parquet = self.dir / "parquet"
        parquet.mkdir()
        for relation in RELATIONS:
            target = parquet / f"{relation}.parquet"
            if relation in self.changed or self.base_parquet is None:
                self.con.execute(f"COPY {relation} TO '{target}' ({PARQUET_OPTIONS})")
            else:
                os.link(self.base_parquet / target.name, target)  # unchanged: the same bytes, not rewritten
            _step(f"parquet:{relation}")
        self.con.execute("USE memory")
        self.con.execute("DETACH staged")
        self.con.close()
        (self.dir / "report.html").write_text(render_report(self.db_path), encoding="utf-8")
        for path in self.side_files:
            path.unlink(missing_ok=True)
        manifest = {"extractor_version": self.version, "run_id": self.run_id, "files": files}
        (self.dir / MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")
        _fsync_tree(self.dir)
        wh = self.warehouse
        wh.versions.mkdir(exist_ok=True)
        version = wh.versions / self.run_id
        os.rename(self.dir, version)
        _step("renamed")
        with contextlib.suppress(OSError):
            wh.staging_root.rmdir()  # only when empty
        previous = wh.current.resolve() if wh.current.exists() else None
        tmp_link = wh.root / f".current-{self.run_id}"
        tmp_link.symlink_to(Path(".versions") / self.run_id)
        _step("linked")
        os.replace(tmp_link, wh.current)  # the commit point
        _step("swapped")
        for name in ("warehouse.duckdb", "parquet", "report.html"):
            target = f"current/{name}"
            link = wh.root / name
            if not link.is_symlink():
                if link.exists():
                    shutil.rmtree(link) if link.is_dir() else link.unlink()
                link.symlink_to(target)
        self._prune(keep={version, previous})
        return version

    def abort(self) -> None:
        try:
            self.con.close()
        finally:
            shutil.rmtree(self.dir, ignore_errors=True)

    def _prune(self, keep: set[Path | None]) -> None:
        """Keep the new version and the one it replaced (a reader may still hold it); drop the rest,
        including versions a killed run renamed in but never made current."""
        for path in self.warehouse.versions.iterdir():
            if path.resolve() not in keep:
                shutil.rmtree(path, ignore_errors=True)
