"""Each Pandera model quarantines a bad row with the failed check, and passes the good rows."""
from __future__ import annotations

import json
from datetime import date

import polars as pl
import pytest

from flows.ingest.articles import Article
from flows.validate.quarantine import validate
from schemas import polars_schema

TEXT = "Officials in Erbil said 37 people were hurt on Sunday."
ART = Article(source_file="a.txt", text=TEXT)


def articles_frame(*articles: Article, **override) -> pl.DataFrame:
    schema = polars_schema("articles")
    rows = [{**{c: getattr(a, c, None) for c in schema}, "n_chars": len(a.text), "extractor_version": "t=1",
             **override} for a in articles]
    return pl.DataFrame(rows, schema=schema)


def frame(relation: str, rows: list[dict]) -> pl.DataFrame:
    schema = polars_schema(relation)
    return pl.DataFrame([{c: r.get(c) for c in schema} for r in rows], schema=schema)


def span(text: str, part: str) -> dict:
    start = text.index(part)
    return {"start_char": start, "end_char": start + len(part)}


GOOD = {
    "claims": {"claim_id": "c1", "kind": "indirect", "claim_text": "37 people were hurt on Sunday",
               "speaker": "Officials in Erbil", "speaker_mention": "Officials in Erbil", "reporting_verb": "say",
               **span(TEXT, "37 people were hurt on Sunday")},
    "places": {"place_mention_id": "p1", "mention_text": "Erbil", "place_name": "Erbil", "place_type": "city",
               "country_code": "IQ", "admin1_code": "IQ-AR", "admin1_pcode": "IQG11", **span(TEXT, "Erbil")},
    "quantities": {"quantity_id": "q1", "mention_text": "37 people", "value": 37.0, "unit": "person",
                   "bound": "=", **span(TEXT, "37 people")},
    "time_expressions": {"time_expression_id": "t1", "mention_text": "on Sunday", "granularity": "day",
                         "resolved_date": date(2020, 1, 5), **span(TEXT, "on Sunday")},
}

BAD = [
    ("claims", {"kind": "rumour"}, "kind: isin"),
    ("claims", {"claim_text": "37 people were hurt on Monday"}, "span_is_claim_text"),
    ("claims", {"reporting_verb": "Said!"}, "reporting_verb: str_matches"),
    ("places", {"admin1_code": "IQ-XX"}, "admin1_code: isin"),
    ("places", {"country_code": "SY", "admin1_code": "IQ-AR"}, "admin1_only_in_iraq"),
    ("places", {"start_char": 30, "end_char": 24}, "start_before_end"),
    ("quantities", {"bound": ">="}, "bound: isin"),
    ("quantities", {"value": float("inf")}, "value_finite"),
    ("quantities", {"value_max": 10.0}, "range_ordered"),
    ("quantities", {"article_id": "0" * 20}, "article_in_articles"),
    ("time_expressions", {"granularity": "century"}, "granularity: isin"),
]


@pytest.mark.parametrize("relation,change,check", BAD)
def test_bad_fact_row_is_quarantined_with_its_check(relation, change, check):
    good = {**GOOD[relation], "article_id": ART.article_id}
    bad = {**good, **change, KEY[relation]: "bad-1"}
    valid, rejects = validate(relation, frame(relation, [good, bad]), articles_frame(ART), "run-1")
    assert valid[KEY[relation]].to_list() == [good[KEY[relation]]]
    [reject] = rejects.to_dicts()
    assert check.split(":")[0] in reject["failed_check"]
    assert reject["relation"] == relation and reject["run_id"] == "run-1"
    assert json.loads(reject["content"])[KEY[relation]] == "bad-1"


KEY = {"claims": "claim_id", "places": "place_mention_id", "quantities": "quantity_id",
       "time_expressions": "time_expression_id"}


def test_duplicate_key_rows_are_quarantined_but_identical_rows_are_one_fact():
    good = {**GOOD["places"], "article_id": ART.article_id}
    twice, rejects = validate("places", frame("places", [good, good]), articles_frame(ART), "r")
    assert twice.height == 1 and rejects.height == 0
    clash = {**good, "place_name": "Arbil"}
    valid, rejects = validate("places", frame("places", [good, clash]), articles_frame(ART), "r")
    assert valid.height == 0 and set(rejects["failed_check"]) == {"place_mention_id: field_uniqueness"}


def test_article_model_rejects_bad_rows():
    other = Article(source_file="b.txt", text="Another text.")
    arts = pl.concat([articles_frame(ART), articles_frame(other, encoding="latin-9")])
    valid, rejects = validate("articles", arts, arts, "r")
    assert valid["article_id"].to_list() == [ART.article_id]
    [reject] = rejects.to_dicts()
    assert reject["failed_check"].startswith("encoding") and reject["source_file"] == "b.txt"
    forged = articles_frame(ART, article_id="f" * 20)
    valid, rejects = validate("articles", forged, forged, "r")
    assert valid.height == 0 and "id_from_content" in rejects["failed_check"][0]
