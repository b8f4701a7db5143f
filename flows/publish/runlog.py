"""The run log: one JSON line per run, appended when a run ends, failed runs included.

The `runs` relation is rebuilt from it at each publish; a failed run publishes nothing but
still lands here, so `newsfacts status` can say that the last run failed.
"""
from __future__ import annotations

import json
import os
import secrets
from datetime import UTC, datetime
from pathlib import Path

import polars as pl

from schemas import polars_schema

RUNS_FILE = "runs.jsonl"


def new_run_id(now: datetime) -> str:
    return now.strftime("%Y%m%dT%H%M%S%fZ") + "-" + secrets.token_hex(3)


def now_utc() -> datetime:
    return datetime.now(UTC)


def append_run(state_dir: Path, run: dict) -> None:
    state_dir.mkdir(parents=True, exist_ok=True)
    line = json.dumps(run, default=str) + "\n"
    with open(state_dir / RUNS_FILE, "a", encoding="utf-8") as fh:
        fh.write(line)
        fh.flush()
        os.fsync(fh.fileno())


def read_runs(state_dir: Path) -> list[dict]:
    path = state_dir / RUNS_FILE
    if not path.exists():
        return []
    runs = []
    for line in path.read_text(encoding="utf-8").splitlines():
        try:
            runs.append(json.loads(line))
        except json.JSONDecodeError:
            continue  # a line cut by a kill mid-write: that run never finished
    return runs


def runs_frame(runs: list[dict]) -> pl.DataFrame:
    schema = polars_schema("runs")
    rows = []
    for run in runs:
        row = {c: run.get(c) for c in schema}
        for c in ("started_at", "ended_at"):
            if isinstance(row[c], str):
                row[c] = datetime.fromisoformat(row[c])
        rows.append(row)
    return pl.DataFrame(rows, schema=schema)
