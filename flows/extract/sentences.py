"""Paragraph and sentence segmentation with character offsets.

Rule-based so that every extractor can share it without a model: paragraphs are runs of
non-blank lines' text (each line of a news text is a paragraph), sentences end at . ! ? (plus
closing quotes/brackets) followed by space and a capital, a digit or an opening quote (or,
in scraped text that lost the space, directly by a capitalised word), unless
the period belongs to a known abbreviation or an initial (*Howard P. McKeon*).
Offsets are Python str offsets, end exclusive, with surrounding whitespace trimmed.
"""
from __future__ import annotations

import re
from pathlib import Path

_LEXICON = Path(__file__).parent / "lexicons" / "claims" / "abbreviations.txt"
ABBREVIATIONS = frozenset(
    line.strip() for line in _LEXICON.read_text(encoding="utf-8").splitlines()
    if line.strip() and not line.startswith("#")
)

# A sentence end is found from its first mark (the fast scan for a mark stays on), then a run of
# marks is taken from its start only and never given back (possessive): a retry at every mark of
# a long run would be quadratic.
_BOUNDARY = re.compile(r"[.!?](?:(?<![.!?]{2})[.!?]*+[\"”’')\]]*+(?=\s++[\"“‘(\[]?[A-Z0-9])"
                       r"|(?<=[a-z0-9][.!?])”?(?=[\"“]?[A-Z][a-z]))")  # "…in 2009.On Friday" (space lost)
_WORD_BEFORE = re.compile(r"([\w.]+)$")


def split_paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of every line that holds text, trimmed (string methods, not a regex: a pattern
    for "a line with a non-space" rescans a long blank line from each of its positions)."""
    out, pos = [], 0
    for line in text.split("\n"):
        s, e = pos + len(line) - len(line.lstrip()), pos + len(line.rstrip())
        if e > s:
            out.append((s, e))
        pos += len(line) + 1
    return out


def _is_abbreviation(text: str, dot: int) -> bool:
    """True when the period at `dot` closes an abbreviation or a single-letter initial."""
    m = _WORD_BEFORE.search(text, max(0, dot - 12), dot)
    if not m:
        return False
    word = m.group(1).strip(".")
    return word in ABBREVIATIONS or (len(word) == 1 and word.isupper())


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """(start, end) of each sentence of text[start:end], never crossing a paragraph break."""
    end = len(text) if end is None else end
    out = []
    for ps, pe in split_paragraphs(text[start:end]):
        ps, pe = ps + start, pe + start
        s = ps
        for m in _BOUNDARY.finditer(text, ps, pe):
            if text[m.start()] == "." and m.end() - m.start() == 1 and _is_abbreviation(text, m.start()):
                continue
            out.append((s, m.end()))
            s = m.end()
            while s < pe and text[s].isspace():
                s += 1
        if s < pe:
            out.append((s, pe))
    return out
