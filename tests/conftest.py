"""Shared fixtures: a real Prefect engine against a temporary server, and the seed article."""
from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from pathlib import Path

import pytest

from flows import prefect_env

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "raw" / "000_15f880b2d732555a.txt"
_PREFECT_STATE = Path(tempfile.mkdtemp(prefix="newsfacts-test-prefect-"))
atexit.register(shutil.rmtree, _PREFECT_STATE, ignore_errors=True)  # also when no test needed a server
prefect_env.configure(_PREFECT_STATE)


@pytest.fixture(scope="session")
def prefect_server():
    """One temporary Prefect server for the in-process flow tests (the real engine, not a mock)."""
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=60):
        yield


@pytest.fixture
def raw_dir(tmp_path: Path) -> Path:
    raw = tmp_path / "raw"
    raw.mkdir()
    shutil.copy(SEED, raw / SEED.name)
    return raw


def cli_env_for(home: Path) -> dict[str, str]:
    """Environment for the installed `newsfacts` command: the user's, without our test settings."""
    return {k: v for k, v in os.environ.items()
            if not k.startswith(("PREFECT_", "NEWSFACTS_")) and k != "DO_NOT_TRACK"}
