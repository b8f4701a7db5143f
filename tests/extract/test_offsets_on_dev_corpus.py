"""Every extracted span is exactly the text it names, over the shared dev corpus.

The corpus is read where it lies beside the project (../shared), never copied into it; the test
is skipped where that folder is absent.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from flows.extract.base import ArticleText
from flows.extract.registry import EXTRACTORS

DEV = Path(__file__).resolve().parents[3] / "shared" / "corpora" / "iraq-dev"
TEXT_COLUMN = {"claims": "claim_text"}


@pytest.mark.skipif(not DEV.is_dir(), reason="the shared dev corpus is not beside the project")
def test_every_span_equals_its_text_on_the_dev_corpus():
    checked = 0
    for path in sorted(DEV.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        article = ArticleText("dev", text)
        for extractor in EXTRACTORS:
            for row in extractor.extract(article):
                span = text[row["start_char"]:row["end_char"]]
                assert span == row[TEXT_COLUMN.get(extractor.relation, "mention_text")], (path.name, row)
                checked += 1
    assert checked > 1000
