"""The extractors the pipeline runs, and how their rows become typed, id-carrying frames.

An extractor that raises on one article costs that article's rows for that relation only:
the failure becomes a reject row, the rest of the batch goes on.
"""
from __future__ import annotations

import hashlib
import time
import traceback
from collections.abc import Iterable

import polars as pl

from flows.extract.base import ArticleText, Extractor
from flows.extract.claims import ClaimExtractor
from flows.extract.places import PlaceExtractor
from flows.extract.quantities import QuantityExtractor
from flows.extract.said_on import attach_said_on
from flows.extract.time_expressions import TimeExpressionExtractor
from flows.ingest.articles import Article
from schemas import KEYS, polars_schema

EXTRACTORS: tuple[Extractor, ...] = (ClaimExtractor(), PlaceExtractor(), QuantityExtractor(),
                                     TimeExpressionExtractor())

# What makes two rows of a relation the same fact (besides the article): its span, and for a
# claim also its speaker (one span can be attributed to two sources).
IDENTITY = {"claims": ("start_char", "end_char", "speaker")}
DEFAULT_IDENTITY = ("start_char", "end_char")


def extractor_version() -> str:
    """Every extractor's version and the schemas' shape: when either changes, everything is re-extracted."""
    shape = repr([(r, list(polars_schema(r).items())) for r in KEYS if r in {e.relation for e in EXTRACTORS}])
    schema = hashlib.sha256(shape.encode()).hexdigest()[:8]
    return ";".join([*(f"{e.relation}={e.version}" for e in EXTRACTORS), f"schema={schema}"])


def fact_id(relation: str, article_id: str, row: dict) -> str:
    """Stable for unchanged text and output, so BI joins on fact ids survive re-runs."""
    parts = [relation, article_id, *(str(row.get(c)) for c in IDENTITY.get(relation, DEFAULT_IDENTITY))]
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:20]


def extract_articles(articles: Iterable[Article]) -> tuple[dict[str, pl.DataFrame], list[dict], dict[str, float]]:
    """Run every extractor over every article: frames per relation, extractor failures, and the
    seconds each extractor took (the benchmark and the `runs` relation report them)."""
    rows: dict[str, list[dict]] = {e.relation: [] for e in EXTRACTORS}
    failures: list[dict] = []
    seconds = dict.fromkeys(rows, 0.0)
    clock = time.perf_counter
    for article in articles:
        view = ArticleText(article.article_id, article.text, article.published)
        found_here: dict[str, list[dict]] = {}
        for extractor in EXTRACTORS:
            started = clock()
            try:
                found = extractor.extract(view)
            except Exception as exc:  # one bad article must not sink the batch
                failures.append({"relation": extractor.relation, "article_id": article.article_id,
                                 "source_file": article.source_file, "check": "extractor_error",
                                 "reason": f"{type(exc).__name__}: {exc}",
                                 "content": traceback.format_exc(limit=3)})
                continue
            finally:
                seconds[extractor.relation] += clock() - started
            key = KEYS[extractor.relation]
            for row in found:
                row["article_id"] = article.article_id
                row[key] = fact_id(extractor.relation, article.article_id, row)
            rows[extractor.relation].extend(found)
            found_here[extractor.relation] = found
        attach_said_on(article.text, found_here.get("claims", []), found_here.get("time_expressions", []))
    frames = {}
    for relation, found in rows.items():
        schema = polars_schema(relation)
        frames[relation] = pl.DataFrame([{c: r.get(c) for c in schema} for r in found], schema=schema,
                                        strict=False)
    return frames, failures, seconds
