"""Prefect settings for a quiet, offline, self-contained run; applied before Prefect is imported.

Without them Prefect's temporary server writes a telemetry heartbeat that fails (and prints a
traceback) and keeps its database in ~/.prefect. A user's own PREFECT_* settings always win.
"""
from __future__ import annotations

import os
from pathlib import Path

DEFAULTS = {
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",  # the heartbeat behind the shutdown traceback
    "DO_NOT_TRACK": "1",
    "PREFECT_CLOUD_ENABLE_ORCHESTRATION_TELEMETRY": "false",
    "PREFECT_SERVER_UI_ENABLED": "false",
    "PREFECT_UI_ENABLED": "false",
    "PREFECT_LOGGING_LEVEL": "WARNING",  # our own summary and progress lines say what happened
    # A failed run is reported in one line by the CLI and in the run log; Prefect's traceback of it
    # is for --verbose, where PREFECT_LOGGING_LEVEL=INFO brings it back.
    "PREFECT_LOGGING_LOGGERS_PREFECT_FLOW_RUNS_LEVEL": "CRITICAL",
    "PREFECT_LOGGING_LOGGERS_PREFECT_TASK_RUNS_LEVEL": "CRITICAL",
    "PREFECT_TASKS_DEFAULT_PERSIST_RESULT": "false",
    "PREFECT_RESULTS_PERSIST_BY_DEFAULT": "false",
}


def configure(state_dir: Path, verbose: bool = False) -> None:
    os.environ.setdefault("PREFECT_HOME", str(state_dir / "prefect"))
    Path(os.environ["PREFECT_HOME"]).mkdir(parents=True, exist_ok=True)
    for key, value in DEFAULTS.items():
        os.environ.setdefault(key, value)
    if verbose:
        os.environ["PREFECT_LOGGING_LEVEL"] = "INFO"
        os.environ["PREFECT_LOGGING_LOGGERS_PREFECT_FLOW_RUNS_LEVEL"] = "INFO"
        os.environ["PREFECT_LOGGING_LOGGERS_PREFECT_TASK_RUNS_LEVEL"] = "INFO"
