"""The installed `newsfacts` command as a user runs it: a real process, a real warehouse file."""
from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

NEWSFACTS = str(Path(sys.executable).with_name("newsfacts"))


def newsfacts(*args: str, env: dict, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([NEWSFACTS, *args], capture_output=True, text=True, env=env, cwd=cwd, timeout=300)


@pytest.fixture(scope="module")
def ran(tmp_path_factory):
    """One real `newsfacts run` in a project-like folder, reused by the query tests."""
    from tests.conftest import SEED, cli_env_for

    home = tmp_path_factory.mktemp("project")
    (home / "raw").mkdir()
    (home / "raw" / SEED.name).write_bytes(SEED.read_bytes())
    env = cli_env_for(home)
    result = newsfacts("run", env=env, cwd=home)
    return home, env, result


def test_run_prints_a_short_summary_and_no_traceback(ran):
    home, _, result = ran
    assert result.returncode == 0, result.stderr
    assert "1 articles read (1 new" in result.stdout and "claims" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr
    assert "ERROR" not in result.stderr and "telemetry" not in result.stderr.lower()
    assert (home / "warehouse" / "warehouse.duckdb").exists()


def test_query_table_csv_json(ran):
    home, env, _ = ran
    sql = "select speaker, count(*) as n from claims group by 1 order by 2 desc"
    table = newsfacts("query", sql, env=env, cwd=home)
    assert table.returncode == 0 and "Sabah al-Numan" in table.stdout
    as_csv = list(csv.reader(io.StringIO(newsfacts("query", sql, "--format", "csv", env=env, cwd=home).stdout)))
    assert as_csv[0] == ["speaker", "n"] and as_csv[1] == ["Sabah al-Numan", "9"]
    as_json = json.loads(newsfacts("query", sql, "--format", "json", env=env, cwd=home).stdout)
    assert as_json[0] == {"speaker": "Sabah al-Numan", "n": 9}


def test_query_is_read_only_and_errors_are_clear(ran, tmp_path):
    home, env, _ = ran
    write = newsfacts("query", "delete from claims", env=env, cwd=home)
    assert write.returncode != 0 and "read-only" in write.stderr.lower()
    missing = newsfacts("query", "select 1", "--warehouse", str(tmp_path / "nowhere"), env=env, cwd=home)
    assert missing.returncode != 0 and "newsfacts run" in missing.stderr


def test_second_run_at_once_exits_with_a_clear_message(ran):
    home, env, _ = ran
    from flows.publish.lock import RunLock

    with RunLock(home / "warehouse" / ".state"):
        busy = newsfacts("run", env=env, cwd=home)
    assert busy.returncode == 75 and "another newsfacts run" in busy.stderr
