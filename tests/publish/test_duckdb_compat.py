"""The published DuckDB file opens in the DuckDB 1.x engines that BI drivers bundle."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from flows.config import load_settings
from flows.runner import run_pipeline


@pytest.mark.parametrize("version", ["1.1.3", "1.4.4"])
def test_duckdb_1x_reads_the_warehouse_from_another_directory(prefect_server, raw_dir, tmp_path, version):
    warehouse = tmp_path / "warehouse"
    run_pipeline(load_settings({"raw": raw_dir, "warehouse": warehouse}))
    target = tmp_path / f"duckdb-{version}"
    subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--disable-pip-version-check", "--no-deps",
                    "--target", str(target), f"duckdb=={version}"], check=True, capture_output=True)
    code = ("import duckdb, sys; con = duckdb.connect(sys.argv[1], read_only=True); "
            "print(duckdb.__version__, con.execute('select count(*) from claims').fetchone()[0])")
    out = subprocess.run([sys.executable, "-I", "-c", f"import sys; sys.path.insert(0, {str(target)!r}); " + code,
                          str(warehouse / "warehouse.duckdb")], capture_output=True, text=True, cwd="/")
    assert out.returncode == 0, out.stderr
    got_version, claims = out.stdout.split()
    assert got_version == version and int(claims) == 10
