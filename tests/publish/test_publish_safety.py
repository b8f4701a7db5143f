"""Publishing users can trust: killed runs, readers holding the file, changed and deleted input."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import duckdb
import pyarrow.parquet as pq
import pytest

from flows.config import load_settings
from flows.runner import run_pipeline

ROOT = Path(__file__).resolve().parents[2]
ARTICLE_B = "MOSUL, Iraq - The governor of Nineveh said on Monday that 40 families had returned to the old city.\n"


def run(raw: Path, warehouse: Path) -> dict:
    return run_pipeline(load_settings({"raw": raw, "warehouse": warehouse}))


def counts(warehouse: Path) -> dict[str, int]:
    with duckdb.connect(str(warehouse / "warehouse.duckdb"), read_only=True) as con:
        return {r: con.execute(f"select count(*) from {r}").fetchone()[0]
                for r in ("articles", "claims", "places", "quantities")}


def parquet_counts(warehouse: Path) -> dict[str, int]:
    return {r: pq.read_metadata(warehouse / "parquet" / f"{r}.parquet").num_rows
            for r in ("articles", "claims", "places", "quantities")}


def orphans(warehouse: Path) -> int:
    with duckdb.connect(str(warehouse / "warehouse.duckdb"), read_only=True) as con:
        return sum(con.execute(f"select count(*) from {r} where article_id not in (select article_id from articles)")
                   .fetchone()[0] for r in ("claims", "places", "quantities", "time_expressions"))


@pytest.mark.parametrize("step", ["staged", "parquet:claims", "renamed", "linked", "swapped"])
def test_sigkill_while_publishing_leaves_old_or_new_warehouse(prefect_server, raw_dir, tmp_path, step):
    from prefect.settings import PREFECT_API_URL

    warehouse = tmp_path / "warehouse"
    run(raw_dir, warehouse)
    old = counts(warehouse)
    (raw_dir / "b.txt").write_text(ARTICLE_B, encoding="utf-8")
    env = {**os.environ, "NEWSFACTS_CRASH_AT": step, "PREFECT_API_URL": PREFECT_API_URL.value()}
    code = ("import sys; from flows.config import load_settings; from flows.runner import run_pipeline; "
            "run_pipeline(load_settings({'raw': sys.argv[1], 'warehouse': sys.argv[2]}))")
    killed = subprocess.run([sys.executable, "-c", code, str(raw_dir), str(warehouse)], env=env, cwd=ROOT,
                            capture_output=True, timeout=300)
    assert killed.returncode == -signal.SIGKILL
    after = counts(warehouse)
    assert after == parquet_counts(warehouse)  # the database and the Parquet files agree
    assert after["articles"] == (2 if step == "swapped" else 1)
    if step != "swapped":
        assert after == old
    result = run(raw_dir, warehouse)  # the next run completes normally
    assert result["status"] == "completed" and counts(warehouse)["articles"] == 2
    assert sorted(p.name for p in (warehouse / ".versions").iterdir()).__len__() <= 2


def test_reader_holding_the_file_open_neither_blocks_nor_sees_partial_state(prefect_server, raw_dir, tmp_path):
    warehouse = tmp_path / "warehouse"
    run(raw_dir, warehouse)
    reader = duckdb.connect(str(warehouse / "warehouse.duckdb"), read_only=True)
    try:
        assert reader.execute("select count(*) from articles").fetchone()[0] == 1
        (raw_dir / "b.txt").write_text(ARTICLE_B, encoding="utf-8")
        assert run(raw_dir, warehouse)["status"] == "completed"
        assert reader.execute("select count(*) from articles").fetchone()[0] == 1  # its snapshot, whole
        assert reader.execute("select count(*) from claims where article_id not in "
                          "(select article_id from articles)").fetchone()[0] == 0
    finally:
        reader.close()
    assert counts(warehouse)["articles"] == 2


def test_changed_and_deleted_files(prefect_server, raw_dir, tmp_path):
    warehouse = tmp_path / "warehouse"
    (raw_dir / "b.txt").write_text(ARTICLE_B, encoding="utf-8")
    first = run(raw_dir, warehouse)
    assert first["articles_new"] == 2
    with duckdb.connect(str(warehouse / "warehouse.duckdb"), read_only=True) as con:
        seed_claims = con.execute("select count(*) from claims join articles using (article_id) "
                                  "where source_file <> 'b.txt'").fetchone()[0]
    (raw_dir / "b.txt").write_text(ARTICLE_B.replace("40 families", "55 families"), encoding="utf-8")
    changed = run(raw_dir, warehouse)
    assert (changed["articles_changed"], changed["articles_unchanged"], changed["articles_removed"]) == (1, 1, 1)
    with duckdb.connect(str(warehouse / "warehouse.duckdb"), read_only=True) as con:
        assert con.sql("select value from quantities where unit = 'family'").fetchall() == [(55.0,)]
    assert orphans(warehouse) == 0
    (raw_dir / "b.txt").unlink()
    deleted = run(raw_dir, warehouse)
    assert deleted["articles_removed"] == 1 and counts(warehouse)["articles"] == 1
    assert counts(warehouse)["claims"] == seed_claims and orphans(warehouse) == 0


def test_new_extractor_version_re_extracts_everything(prefect_server, raw_dir, tmp_path, monkeypatch):
    warehouse = tmp_path / "warehouse"
    run(raw_dir, warehouse)
    ids = counts(warehouse)
    import flows.pipeline

    monkeypatch.setattr(flows.pipeline, "extractor_version", lambda: "claims=next")
    again = run(raw_dir, warehouse)
    assert again["articles_changed"] == 1 and again["articles_unchanged"] == 0
    assert counts(warehouse) == ids
    with duckdb.connect(str(warehouse / "warehouse.duckdb"), read_only=True) as con:
        assert con.sql("select distinct extractor_version from articles").fetchall() == [("claims=next",)]


def test_bad_inputs_each_get_a_reject_and_the_rest_is_published(prefect_server, raw_dir, tmp_path):
    (raw_dir / "empty.txt").write_bytes(b"")
    (raw_dir / "binary.txt").write_bytes(bytes(range(256)) * 64)
    (raw_dir / "legacy.txt").write_bytes("Caf\u00e9 owners in Erbil said prices rose by 10 percent.".encode("cp1252"))
    (raw_dir / "broken.jsonl").write_text('{"text": "Officials in Basra said 12 people were hurt."}\n{cut\n',
                                          encoding="utf-8")
    (raw_dir / "nav.html").write_text("<html><body><nav>Home | News</nav></body></html>", encoding="utf-8")
    with open(raw_dir / "huge.txt", "w", encoding="utf-8") as fh:  # 50 MB of text
        fh.write("The convoy moved north along the road near Kirkuk. " * 1_000_000)
    warehouse = tmp_path / "warehouse"
    result = run(raw_dir, warehouse)
    assert result["status"] == "completed"
    with duckdb.connect(str(warehouse / "warehouse.duckdb"), read_only=True) as con:
        rejects = dict(con.sql("select source_file, failed_check from rejects where relation = 'input'").fetchall())
        encodings = dict(con.sql("select source_file, encoding from articles").fetchall())
    assert rejects == {"empty.txt": "empty", "binary.txt": "binary", "broken.jsonl": "invalid_json",
                       "nav.html": "no_article", "huge.txt": "too_large"}
    assert encodings["legacy.txt"] == "cp1252" and "broken.jsonl" in encodings
    assert "000_15f880b2d732555a.txt" in encodings


def test_no_op_rerun_reads_nothing_and_rewrites_no_fact_file(prefect_server, raw_dir, tmp_path):
    warehouse = tmp_path / "warehouse"
    (raw_dir / "b.txt").write_text(ARTICLE_B, encoding="utf-8")
    run(raw_dir, warehouse)
    before = {p.name: p.stat().st_ino for p in (warehouse / "parquet").iterdir()}
    again = run(raw_dir, warehouse)
    assert (again["articles_unchanged"], again["articles_new"], again["articles_changed"]) == (2, 0, 0)
    assert again["seconds_claims"] == 0 and again["seconds_ingest"] == 0  # nothing read, nothing extracted
    after = {p.name: p.stat().st_ino for p in (warehouse / "parquet").iterdir()}
    for relation in ("articles", "claims", "places", "quantities", "time_expressions", "speakers"):
        assert after[f"{relation}.parquet"] == before[f"{relation}.parquet"]  # the same file, hard-linked
    assert after["runs.parquet"] != before["runs.parquet"]
    assert counts(warehouse) == parquet_counts(warehouse)


def test_touched_file_is_re_read_but_not_re_extracted(prefect_server, raw_dir, tmp_path):
    warehouse = tmp_path / "warehouse"
    run(raw_dir, warehouse)
    seed = next(raw_dir.iterdir())
    os.utime(seed, ns=(seed.stat().st_atime_ns, seed.stat().st_mtime_ns + 10**9))
    again = run(raw_dir, warehouse)
    assert again["articles_unchanged"] == 1 and again["seconds_claims"] == 0
    manifest = json.loads((warehouse / "current" / "manifest.json").read_text())
    assert manifest["files"][seed.name]["stat"] == [seed.stat().st_size, seed.stat().st_mtime_ns]  # read again


def test_rejects_of_skipped_files_are_kept_and_of_read_files_renewed(prefect_server, raw_dir, tmp_path):
    warehouse = tmp_path / "warehouse"
    (raw_dir / "batch.jsonl").write_text('{"text": "Officials in Basra said 12 people were hurt."}\n{cut\n',
                                         encoding="utf-8")
    (raw_dir / "empty.txt").write_bytes(b"")
    run(raw_dir, warehouse)
    (raw_dir / "empty.txt").write_bytes(b"\n")  # still empty, but changed: read again
    run(raw_dir, warehouse)
    with duckdb.connect(str(warehouse / "warehouse.duckdb"), read_only=True) as con:
        rejects = sorted(con.execute("select source_file, failed_check from rejects").fetchall())
    assert rejects == [("batch.jsonl", "invalid_json"), ("empty.txt", "empty")]
