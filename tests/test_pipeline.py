"""The flow end to end through the real Prefect engine, a real DuckDB file and real Parquet."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import duckdb
import pyarrow.parquet as pq
import pytest

from flows.config import load_settings
from flows.runner import run_pipeline

ROOT = Path(__file__).resolve().parents[1]


def run(raw: Path, warehouse: Path) -> dict:
    return run_pipeline(load_settings({"raw": raw, "warehouse": warehouse}))


def rows(warehouse: Path, sql: str) -> list[tuple]:
    with duckdb.connect(str(warehouse / "warehouse.duckdb"), read_only=True) as con:
        return con.sql(sql).fetchall()


@pytest.fixture
def published(prefect_server, raw_dir, tmp_path):
    warehouse = tmp_path / "warehouse"
    return raw_dir, warehouse, run(raw_dir, warehouse)


def test_seed_article_end_to_end(published):
    raw, warehouse, result = published
    assert result["status"] == "completed" and result["articles_new"] == 1
    [(source_file, text_sha)] = rows(warehouse, "select source_file, text_sha256 from articles")
    assert source_file == "000_15f880b2d732555a.txt" and len(text_sha) == 64
    speakers = dict(rows(warehouse, "select speaker, count(*) from claims group by 1"))
    assert speakers["Sabah al-Numan"] == 9
    assert rows(warehouse, "select value, unit, bound, item from quantities where unit = 'ton'") == \
        [(1.0, "ton", ">", "Captagon pills")]
    assert {r[0] for r in rows(warehouse, "select admin1_code from places where admin1_code is not null")} >= \
        {"IQ-AR", "IQ-KR", "IQ-BG", "IQ-KI", "IQ-DI", "IQ-SD", "IQ-NI"}
    # every published span is exactly the text it claims to be
    text = (raw / source_file).read_text(encoding="utf-8")
    for start, end, span in rows(warehouse, "select start_char, end_char, claim_text from claims union all "
                                            "select start_char, end_char, mention_text from places union all "
                                            "select start_char, end_char, mention_text from quantities"):
        assert text[start:end] == span


def test_speakers_relation_joins_claims(published):
    _, warehouse, _ = published
    joined = rows(warehouse, "select s.speaker, s.claims, count(c.claim_id) from speakers s join claims c "
                             "using (article_id, speaker) group by all order by 1")
    assert joined and all(n == count for _, n, count in joined)
    assert rows(warehouse, "select count(*) from claims where speaker is not null and (article_id, speaker) "
                           "not in (select article_id, speaker from speakers)") == [(0,)]
    [(role,)] = rows(warehouse, "select speaker_role from speakers where speaker = 'Sabah al-Numan'")
    assert role and "spokesman" in role


def test_parquet_matches_duckdb_and_is_readable_anywhere(published, tmp_path, monkeypatch):
    _, warehouse, _ = published
    monkeypatch.chdir(tmp_path)  # no relative path inside the warehouse may depend on the cwd
    for relation in ("articles", "claims", "places", "quantities", "time_expressions", "speakers", "rejects",
                     "runs"):
        table = pq.read_table(warehouse / "parquet" / f"{relation}.parquet")
        [(count,)] = rows(warehouse, f"select count(*) from {relation}")
        assert table.num_rows == count
    claims = pq.read_table(warehouse / "parquet" / "claims.parquet")
    assert {"claim_id", "article_id", "kind", "claim_text", "speaker", "speaker_mention", "speaker_role",
            "reporting_verb", "start_char", "end_char"} <= set(claims.column_names)
    assert str(claims.schema.field("start_char").type) == "int32"


def test_rerun_gives_same_ids_and_no_duplicates(published):
    raw, warehouse, first = published
    before = {r: rows(warehouse, f"select * exclude (run_id) from {r} order by all") if r == "rejects" else
              rows(warehouse, f"select * from {r} order by all") for r in ("articles", "claims", "places",
                                                                          "quantities")}
    second = run(raw, warehouse)
    assert second["articles_unchanged"] == 1 and second["articles_new"] == 0
    for relation, old in before.items():
        assert rows(warehouse, f"select * from {relation} order by all") == old
    assert rows(warehouse, "select count(*), count(distinct run_id) from runs") == [(2, 2)]


def test_bad_input_is_quarantined_and_the_rest_published(prefect_server, raw_dir, tmp_path):
    (raw_dir / "empty.txt").write_bytes(b"")
    (raw_dir / "batch.jsonl").write_text('{"text": "Officials in Basra said 12 people were hurt."}\n{oops\n',
                                         encoding="utf-8")
    warehouse = tmp_path / "warehouse"
    result = run(raw_dir, warehouse)
    assert result["status"] == "completed" and result["articles_seen"] == 2
    checks = dict(rows(warehouse, "select source_file, failed_check from rejects where relation = 'input'"))
    assert checks == {"empty.txt": "empty", "batch.jsonl": "invalid_json"}


def test_failed_run_keeps_the_last_good_warehouse(prefect_server, raw_dir, tmp_path):
    warehouse = tmp_path / "warehouse"
    run(raw_dir, warehouse)
    with pytest.raises(FileNotFoundError):
        run(tmp_path / "missing", warehouse)
    assert rows(warehouse, "select count(*) from articles") == [(1,)]
    log = [json.loads(line) for line in (warehouse / ".state" / "runs.jsonl").read_text().splitlines()]
    assert [r["status"] for r in log] == ["completed", "failed"]


def test_published_date_resolves_time_expressions_and_said_on(prefect_server, tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "wire.jsonl").write_text(
        '{"id": "w1", "date": "2020-03-11", "title": "Road reopens", "text": '
        '"The governor of Nineveh said on Sunday that the road to Sinjar would reopen in March."}\n',
        encoding="utf-8")
    warehouse = tmp_path / "warehouse"
    run(raw, warehouse)
    [(title, published)] = rows(warehouse, "select title, published::varchar from articles")
    assert (title, published) == ("Road reopens", "2020-03-11")
    assert rows(warehouse, "select said_on::varchar from claims") == [("2020-03-08",)]
    times = dict(rows(warehouse, "select mention_text, resolved_date::varchar from time_expressions"))
    assert times["on Sunday"] == "2020-03-08"
