"""said_on: the date in the claim's own sentence, never one inside the quoted content."""
from __future__ import annotations

from datetime import date

from flows.extract.base import ArticleText
from flows.extract.said_on import attach_said_on
from flows.extract.time_expressions import TimeExpressionExtractor

PUBLISHED = date(2020, 3, 11)  # a Wednesday


def said_on(text: str, content: str) -> date | None:
    start = text.index(content)
    claim = {"start_char": start, "end_char": start + len(content)}
    times = TimeExpressionExtractor().extract(ArticleText("a", text, PUBLISHED))
    attach_said_on(text, [claim], times)
    return claim["said_on"]


def test_frame_before_the_content():
    text = "The governor said on Sunday that the road to Sinjar would reopen."
    assert said_on(text, "the road to Sinjar would reopen") == date(2020, 3, 8)


def test_frame_after_the_content():
    text = "\u201cWe will reopen the road,\u201d the governor told reporters on Monday."
    assert said_on(text, "We will reopen the road") == date(2020, 3, 9)


def test_date_inside_the_content_is_not_when_it_was_said():
    text = "The governor said that the attack on Sunday killed nobody."
    assert said_on(text, "the attack on Sunday killed nobody") is None


def test_a_date_in_another_sentence_does_not_count():
    text = "The convoy left on Sunday. The governor said that the road was open."
    assert said_on(text, "the road was open") is None
