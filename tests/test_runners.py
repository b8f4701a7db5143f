"""The same flow on another executor gives exactly the same warehouse."""
from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from flows.config import load_settings
from flows.runner import run_pipeline

ARTICLES = {
    "a.txt": ("MOSUL, Iraq - \u201cThe road to Sinjar is open again,\u201d the governor of Nineveh, Najm al-Jubouri, "
              "told reporters on Monday. He said that 40 families had returned.\n"),
    "b.txt": ("Officials in Basra said more than 300 kilograms of hashish were seized near the Iranian border "
              "last week. The interior ministry condemned the smugglers.\n"),
    "c.jsonl": '{"id": "x1", "date": "2020-02-03", "text": "Kirkuk police said two soldiers were wounded."}\n'
               '{"id": "x2", "text": "The Kurdistan Region\u2019s health ministry announced 12 new cases in Duhok."}\n',
}
FACTS = ("articles", "claims", "places", "quantities", "time_expressions", "rejects")


def snapshot(warehouse: Path) -> dict[str, list]:
    with duckdb.connect(str(warehouse / "warehouse.duckdb"), read_only=True) as con:
        return {r: con.execute(f"select * exclude (run_id) from {r} order by all" if r == "rejects"
                               else f"select * from {r} order by all").fetchall() for r in FACTS}


@pytest.mark.parametrize("runner", ["process", "dask"])
def test_runner_gives_the_same_warehouse_as_local(prefect_server, raw_dir, tmp_path, runner):
    for name, text in ARTICLES.items():
        (raw_dir / name).write_text(text, encoding="utf-8")
    small_batches = {"raw": raw_dir, "batch_bytes": 200, "workers": 2}  # several batches in flight
    run_pipeline(load_settings({**small_batches, "warehouse": tmp_path / "local"}))
    run_pipeline(load_settings({**small_batches, "warehouse": tmp_path / runner, "runner": runner}))
    local, other = snapshot(tmp_path / "local"), snapshot(tmp_path / runner)
    assert local["articles"] and local["claims"] and local["places"]
    assert other == local


def test_auto_runner_uses_processes_only_when_input_repays_them(tmp_path, monkeypatch):
    from flows.runner import chosen_runner

    monkeypatch.setattr("os.cpu_count", lambda: 2)
    (tmp_path / "small.txt").write_text("x" * 1000, encoding="utf-8")
    assert chosen_runner(load_settings({"raw": tmp_path, "batch_bytes": 1000})) == "local"
    (tmp_path / "big.txt").write_text("x" * 4000, encoding="utf-8")
    assert chosen_runner(load_settings({"raw": tmp_path, "batch_bytes": 1000})) == "process"
    assert chosen_runner(load_settings({"raw": tmp_path, "batch_bytes": 1000, "workers": 1})) == "local"
    assert chosen_runner(load_settings({"raw": tmp_path, "batch_bytes": 1000, "runner": "dask"})) == "dask"
