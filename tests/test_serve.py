"""`newsfacts serve --interval 5` against a real local Prefect server it starts and stops itself."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb

from tests.conftest import SEED, cli_env_for

NEWSFACTS = str(Path(sys.executable).with_name("newsfacts"))
NEW_ARTICLE = ("BASRA, Iraq - The governor of Basra said on Tuesday that 120 families had returned "
               "to their homes in Abu al-Khasib.\n")


def completed_runs(warehouse: Path) -> list[dict]:
    log = warehouse / ".state" / "runs.jsonl"
    if not log.exists():
        return []
    return [r for r in map(json.loads, log.read_text().splitlines()) if r["status"] == "completed"]


def processes_mentioning(marker: str) -> list[int]:
    found = []
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            if marker.encode() in Path(f"/proc/{pid}/environ").read_bytes() + Path(f"/proc/{pid}/cmdline").read_bytes():
                found.append(int(pid))
        except OSError:
            continue
    return found


def wait_for(condition, timeout: float, what: str):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(1)
    raise AssertionError(f"timed out waiting for {what}")


def test_serve_runs_on_schedule_publishes_new_input_and_stops_cleanly(tmp_path):
    raw, warehouse = tmp_path / "raw", tmp_path / "warehouse"
    raw.mkdir()
    (raw / SEED.name).write_bytes(SEED.read_bytes())
    env = cli_env_for(tmp_path)
    proc = subprocess.Popen([NEWSFACTS, "serve", "--interval", "5", "--raw", str(raw), "--warehouse", str(warehouse)],
                            env=env, cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                            start_new_session=True)
    try:
        wait_for(lambda: completed_runs(warehouse), 180, "a first scheduled run")
        (raw / "basra.txt").write_text(NEW_ARTICLE, encoding="utf-8")
        first = len(completed_runs(warehouse))
        wait_for(lambda: len(completed_runs(warehouse)) >= first + 2, 180, "two more scheduled runs")
        with duckdb.connect(str(warehouse / "warehouse.duckdb"), read_only=True) as con:
            sources = {r[0] for r in con.execute("select source_file from articles").fetchall()}
            places = {r[0] for r in con.execute("select place_name from places join articles using (article_id) "
                                                "where source_file = 'basra.txt'").fetchall()}
        assert sources == {SEED.name, "basra.txt"}
        assert "Basra" in places
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        output = proc.communicate(timeout=60)[0]
    assert proc.returncode == 0, output
    assert "Traceback" not in output
    wait_for(lambda: not processes_mentioning(str(warehouse)), 30, "every serve process to end")
