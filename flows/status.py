"""`newsfacts status`: the last runs from the run log and what the live warehouse holds."""
from __future__ import annotations

from datetime import datetime
from pathlib import Path

import duckdb

from flows.publish.runlog import read_runs
from flows.publish.warehouse import RELATIONS


def _duration(run: dict) -> str:
    if not run.get("ended_at"):
        return "-"
    seconds = (datetime.fromisoformat(run["ended_at"]) - datetime.fromisoformat(run["started_at"])).total_seconds()
    return f"{seconds:.1f}s"


def _facts(run: dict) -> str:
    return "/".join(str(run.get(f"{r}_written", "-")) for r in ("claims", "places", "quantities", "time_expressions"))


def render_status(warehouse: Path, last: int = 5) -> tuple[str, int]:
    """(text, exit code): 0 when the last run completed, 1 when it failed, 2 when there is none."""
    runs = read_runs(warehouse / ".state")
    lines = [f"warehouse: {warehouse}"]
    if not runs:
        return "\n".join(lines + ["no runs yet: run `newsfacts run`"]), 2
    lines.append(f"{'started (UTC)':<20} {'took':>7} {'status':<10} {'seen':>6} {'new':>6} {'changed':>7} "
                 f"{'same':>6} {'rejected':>8}  claims/places/quantities/times")
    for run in runs[-last:][::-1]:
        rejected = (run.get("inputs_rejected") or 0) + (run.get("rows_rejected") or 0)
        lines.append(f"{run['started_at'][:19].replace('T', ' '):<20} {_duration(run):>7} {run['status']:<10} "
                     f"{run.get('articles_seen', '-')!s:>6} {run.get('articles_new', '-')!s:>6} "
                     f"{run.get('articles_changed', '-')!s:>7} {run.get('articles_unchanged', '-')!s:>6} "
                     f"{rejected:>8}  {_facts(run)}")
        if run["status"] == "failed" and run.get("message"):
            lines.append(f"{'':<20} {run['message']}")
    db = warehouse / "warehouse.duckdb"
    if db.exists():
        with duckdb.connect(str(db), read_only=True) as con:
            counts = {r: con.execute(f"select count(*) from {r}").fetchone()[0] for r in RELATIONS}
        lines.append("rows: " + ", ".join(f"{r} {n:,}" for r, n in counts.items()))
    else:
        lines.append("rows: nothing published yet")
    return "\n".join(lines), 0 if runs[-1]["status"] == "completed" else 1
