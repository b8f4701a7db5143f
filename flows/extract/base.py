"""The one interface every extractor implements.

Extractors are plain Python over text: no Prefect, no I/O. The pipeline hands each one an
`ArticleText` and gets back rows (dicts of the relation's columns, without `article_id` and the
fact id, which the pipeline adds). Keeping the interface this small is what lets a model-backed
extractor be dropped in later as an option.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, Protocol

Row = dict[str, Any]


@dataclass(frozen=True, slots=True)
class ArticleText:
    article_id: str
    text: str
    published: date | None = None


class Extractor(Protocol):
    relation: str  # the warehouse relation its rows go to, e.g. "claims"
    version: str  # bump when output changes: re-extraction is keyed on it

    def extract(self, article: ArticleText) -> list[Row]: ...
