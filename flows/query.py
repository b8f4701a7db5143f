"""Read-only SQL over the published warehouse, printed as a table, CSV or JSON."""
from __future__ import annotations

import io
import json
from pathlib import Path

import duckdb


def run_query(warehouse: Path, sql: str, fmt: str = "table") -> str:
    db = warehouse / "warehouse.duckdb"
    if not db.exists():
        raise FileNotFoundError(f"no warehouse at {db}: run `newsfacts run` first")
    with duckdb.connect(str(db), read_only=True) as con:
        rel = con.sql(sql)
        if rel is None:
            return ""
        if fmt == "table":
            frame = rel.pl()
            import polars as pl

            with pl.Config(tbl_rows=-1, tbl_cols=-1, fmt_str_lengths=200, tbl_width_chars=10_000,
                           tbl_hide_dataframe_shape=True, tbl_hide_column_data_types=True):
                return str(frame)
        columns, rows = rel.columns, rel.fetchall()
    if fmt == "json":
        return json.dumps([dict(zip(columns, r)) for r in rows], default=str, ensure_ascii=False, indent=1)
    import csv

    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(columns)
    writer.writerows(rows)
    return buf.getvalue().rstrip("\n")
