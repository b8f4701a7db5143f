"""Time-expression extractor: each construction resolved against a publication date, on
sentences written for these tests."""
from __future__ import annotations

from datetime import date

import pytest

from flows.extract.base import ArticleText
from flows.extract.time_expressions import TimeExpressionExtractor

PUB = date(2019, 6, 12)  # a Wednesday
EX = TimeExpressionExtractor()


def rows(text: str, published: date | None = PUB) -> list[dict]:
    return EX.extract(ArticleText("t", text, published))


@pytest.mark.parametrize("text, mention, granularity, resolved", [
    ("The minister spoke on Sunday in Erbil.", "on Sunday", "day", date(2019, 6, 9)),
    ("Officials met on Wednesday.", "on Wednesday", "day", date(2019, 6, 12)),  # the publication day itself
    ("The vote was held last Wednesday.", "last Wednesday", "day", date(2019, 6, 5)),
    ("Talks resume next Monday.", "next Monday", "day", date(2019, 6, 17)),
    ("The dam was retaken in March.", "in March", "month", date(2019, 3, 1)),
    ("The offensive began in September.", "in September", "month", date(2018, 9, 1)),  # after June: last year
    ("The city fell in 2017.", "in 2017", "year", date(2017, 1, 1)),
    ("Talks began in early 2014.", "in early 2014", "year", date(2014, 1, 1)),
    ("The law passed on March 5, 2019.", "on March 5, 2019", "day", date(2019, 3, 5)),
    ("Voting ended 12 May 2018 in the north.", "12 May 2018", "day", date(2018, 5, 12)),
    ("The report was filed Sept. 30.", "Sept. 30", "day", date(2018, 9, 30)),
    ("Fighting resumed in August 2014.", "in August 2014", "month", date(2014, 8, 1)),
    ("Talks stalled in Sept. and resumed.", "in Sept.", "month", date(2018, 9, 1)),
    ("Police arrested him yesterday.", "yesterday", "day", date(2019, 6, 11)),
    ("Aid arrived last week.", "last week", "week", date(2019, 6, 3)),
    ("Prices rose last month.", "last month", "month", date(2019, 5, 1)),
    ("Elections are due next year.", "next year", "year", date(2020, 1, 1)),
])
def test_resolution(text, mention, granularity, resolved):
    got = [(r["mention_text"], r["granularity"], r["resolved_date"]) for r in rows(text)]
    assert got == [(mention, granularity, resolved)]


def test_without_publication_date_relative_mentions_do_not_resolve():
    got = {r["mention_text"]: r["resolved_date"] for r in rows("On Sunday, in March and in 2017, and March 5, 2019.",
                                                               None)}
    assert got == {"On Sunday": None, "in March": None, "in 2017": date(2017, 1, 1),
                   "March 5, 2019": date(2019, 3, 5)}


@pytest.mark.parametrize("text", [
    "The militia may attack the town.",  # the verb, not the month
    "They seized 2017 rifles.",  # a number without 'in' is no year mention
    "The report came on February 30, 2019.",  # no such day
    "It was a March for peace.",
])
def test_not_time_expressions(text):
    assert rows(text) == []


def test_offsets_point_at_the_mention():
    text = "ERBIL – On Monday, after talks in May and on 3 June 2018, the minister said yesterday that..."
    out = rows(text)
    assert len(out) == 4
    for r in out:
        assert text[r["start_char"]:r["end_char"]] == r["mention_text"]


@pytest.mark.parametrize("text", ["", "\x00\ufffd", "Ã¢â‚¬ on Sunday Ã¢", "in 2017 " * 5000])
def test_odd_input_never_raises(text):
    for r in rows(text):
        assert text[r["start_char"]:r["end_char"]] == r["mention_text"]


@pytest.mark.parametrize("published", [date.min, date.max])
def test_publication_dates_at_the_calendar_edges_never_raise(published):
    out = rows("On Sunday, in March, last month, next year and yesterday.", published)
    assert [r["granularity"] for r in out] == ["day", "month", "month", "year", "day"]
