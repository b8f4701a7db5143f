"""Split a frame into the rows that pass its Pandera model and reject rows that say why.

Pandera's Polars backend reports the failing row's index for every check, which is what lets
one bad row be quarantined while the rest of its batch is published.
"""
from __future__ import annotations

import hashlib
import json

import pandera.polars as pa
import polars as pl

from schemas import FACT_RELATIONS, KEYS, MODELS, polars_schema
from schemas.facts import ARTICLE_TEXT

ROW = "_row"


def reject_id(relation: str, check: str, content: str | None) -> str:
    return hashlib.sha256(f"{relation}\x1f{check}\x1f{content}".encode("utf-8")).hexdigest()[:20]


def reject_row(run_id: str, relation: str, check: str, reason: str, content: str | None = None,
               article_id: str | None = None, source_file: str | None = None,
               source_line: int | None = None) -> dict:
    return {"reject_id": reject_id(relation, check, content), "run_id": run_id, "relation": relation,
            "article_id": article_id, "source_file": source_file, "source_line": source_line,
            "failed_check": check, "reason": reason, "content": content}


def rejects_frame(rows: list[dict]) -> pl.DataFrame:
    schema = polars_schema("rejects")
    return pl.DataFrame(rows, schema=schema).unique("reject_id", keep="first", maintain_order=True)


def _row_json(row: dict) -> str:
    return json.dumps({k: v for k, v in row.items() if not k.startswith("_")}, default=str, ensure_ascii=False)


def validate(relation: str, frame: pl.DataFrame, articles: pl.DataFrame, run_id: str
             ) -> tuple[pl.DataFrame, pl.DataFrame]:
    """(valid rows, reject rows). `articles` needs article_id, text and source_file of the batch."""
    if frame.height == 0:  # nothing to check: Pandera's fixed cost per call is not worth paying
        return frame, rejects_frame([])
    frame = frame.unique(maintain_order=True)  # an identical row twice is one fact, not a conflict
    checked = frame
    if relation in FACT_RELATIONS:
        texts = articles.select("article_id", pl.col("text").alias(ARTICLE_TEXT))
        checked = checked.join(texts, on="article_id", how="left", maintain_order="left")
    try:
        MODELS[relation].validate(checked, lazy=True)
        return frame, rejects_frame([])
    except pa.errors.SchemaErrors as exc:
        failures = exc.failure_cases
    model = MODELS[relation]
    by_row: dict[int | None, list[str]] = {}
    for case in failures.iter_rows(named=True):
        if case["schema_context"] == "Column":
            label = f"{case['column']}: {case['check']}"
        else:  # a dataframe check: its docstring says what it demands
            doc = getattr(getattr(model, case["check"], None), "__doc__", None)
            label = f"{case['check']} ({doc.strip().rstrip('.')})" if doc else case["check"]
        by_row.setdefault(case["index"], []).append(label)
    if None in by_row:  # a frame-level failure (a missing column or a wrong type) condemns every row
        bad = set(range(frame.height))
        for i in bad:
            by_row.setdefault(i, []).extend(by_row[None])
        del by_row[None]
    sources = dict(zip(articles["article_id"], articles["source_file"])) if articles.height else {}
    rows = frame.to_dicts()
    key = KEYS[relation]
    rejects = []
    for index, checks in sorted(by_row.items()):
        row = rows[index]
        check = "; ".join(dict.fromkeys(checks))
        rejects.append(reject_row(
            run_id, relation, check,
            f"{relation} row {row.get(key)} failed: {check}", _row_json(row),
            article_id=row.get("article_id"),
            source_file=row.get("source_file") or sources.get(row.get("article_id"))))
    keep = pl.Series(ROW, sorted(set(range(frame.height)) - set(by_row)), dtype=pl.UInt32)
    valid = frame.with_row_index(ROW).filter(pl.col(ROW).is_in(keep.implode())).drop(ROW)
    return valid, rejects_frame(rejects)
