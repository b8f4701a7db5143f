"""Sentence and paragraph segmentation with offsets, on sentences written for these tests."""
from __future__ import annotations

import time

import pytest

from flows.extract.sentences import split_paragraphs, split_sentences


def spans(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text)]


def test_paragraphs_are_trimmed_lines_with_offsets():
    text = "  First line.\n\n\nSecond line here.  \n"
    paras = split_paragraphs(text)
    assert [text[s:e] for s, e in paras] == ["First line.", "Second line here."]


def test_sentences_split_at_end_punctuation():
    assert spans("The dam held. Water rose again! Why now? Nobody knows.") == [
        "The dam held.", "Water rose again!", "Why now?", "Nobody knows."]


def test_abbreviations_and_initials_do_not_end_sentences():
    text = "Gen. Omar met Mr. Saleh in the U.S. Embassy. Then Howard P. Kane left at 5 p.m. on time."
    assert spans(text) == ["Gen. Omar met Mr. Saleh in the U.S. Embassy.",
                           "Then Howard P. Kane left at 5 p.m. on time."]


def test_closing_quote_stays_with_its_sentence():
    text = "“We will return.” He said it twice. “Soon,” she said."
    assert spans(text) == ["“We will return.”", "He said it twice.", "“Soon,” she said."]


def test_sentences_never_cross_paragraphs_and_respect_a_range():
    text = "One two three\nFour five six. Seven eight."
    assert spans(text) == ["One two three", "Four five six.", "Seven eight."]
    start = text.index("Four")
    assert [text[s:e] for s, e in split_sentences(text, start, len(text))] == ["Four five six.", "Seven eight."]


def test_empty_text():
    assert split_sentences("") == [] and split_paragraphs("\n \n") == []


def test_lost_space_after_period_still_splits():
    assert spans("The dam was built in 2009.On Friday it was closed.") == [
        "The dam was built in 2009.", "On Friday it was closed."]


@pytest.mark.parametrize("text", [
    "a" + "." * 80_000 + " b",  # a run of end marks with no sentence after it
    "a" + "!?" * 40_000 + " b",
    "x\n" + " " * 80_000 + "\ny",  # a long blank line
    "x\n" + " \t" * 40_000 + "z\n",
])
def test_long_runs_take_linear_time(text):
    t0 = time.perf_counter()
    split_sentences(text)
    assert time.perf_counter() - t0 < 2.0


def test_a_run_of_marks_still_ends_a_sentence():
    assert spans("Really?! Yes... And then? No.") == ["Really?!", "Yes...", "And then?", "No."]
