"""The data dictionary, generated from the Pandera models so it cannot drift from what is checked."""
from __future__ import annotations

import sys

from flows.publish.warehouse import RELATIONS, _duck_type
from schemas import ALL_MODELS, KEYS, polars_schema

HEADER = """# newsfacts data dictionary

Generated from the Pandera models in `schemas/` by `newsfacts dictionary`; do not edit by hand.
Every relation is a table in `warehouse/warehouse.duckdb` and a file
`warehouse/parquet/<relation>.parquet`. Types are DuckDB's (Parquet: INTEGER is int32, VARCHAR
is string). Offsets are Python string offsets into `articles.text`, end exclusive.
"""

SYMBOLS = {"greater_than_or_equal_to": "≥", "greater_than": ">", "less_than_or_equal_to": "≤", "less_than": "<"}


def _checks(column) -> str:
    parts = []
    for check in column.checks:
        stats = check.statistics or {}
        if "allowed_values" in stats:
            parts.append("one of " + ", ".join(f"`{v}`" for v in stats["allowed_values"]))
        elif check.name == "str_length" and stats.get("min_value") == 1 and stats.get("max_value") is None:
            parts.append("non-empty")
        elif check.name in SYMBOLS:
            parts.append(f"{SYMBOLS[check.name]} {next(iter(stats.values()))}")
        elif "pattern" in stats:
            parts.append(f"matches `{stats['pattern']}`")
        elif stats:
            parts.append(f"{check.name} " + ", ".join(f"{k}={v}" for k, v in stats.items() if v is not None))
        else:
            parts.append(check.name)
    if column.unique:
        parts.append("unique")
    return "; ".join(parts)


def _doc(model) -> str:
    doc = model.__doc__ or sys.modules[model.__module__].__doc__ or ""
    return " ".join(doc.split())


def render() -> str:
    out = [HEADER]
    for relation in RELATIONS:
        model = ALL_MODELS[relation]
        schema = model.to_schema()
        out += [f"## `{relation}`", "", _doc(model), "", f"Key: `{KEYS[relation]}`.", "",
                "| column | type | null | allowed values | meaning |", "| --- | --- | --- | --- | --- |"]
        for name, dtype in polars_schema(relation).items():
            column = schema.columns[name]
            allowed = _checks(column).replace("|", r"\|")
            out.append(f"| `{name}` | {_duck_type(dtype)} | {'yes' if column.nullable else 'no'} | "
                       f"{allowed} | {column.description or ''} |")
        frame_checks = [c for c in schema.checks]
        if frame_checks:
            out += ["", "Row checks: " + "; ".join(
                f"{getattr(getattr(model, c.name, None), '__doc__', None) or c.name}".strip() for c in frame_checks)]
        out.append("")
    return "\n".join(out)
