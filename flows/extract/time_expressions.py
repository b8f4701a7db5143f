"""Time expressions (points in time) in news text, resolved against the publication date.

Modest on purpose: explicit dates (March 5, 2019; 5 March), months (in March; March 2019), years
(in 2017), weekdays (on Sunday), and relative days, weeks, months and years (yesterday, last week).
A mention that needs the publication date resolves to None when the article has none.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, timedelta

from flows.extract.base import ArticleText, Row
from flows.extract.numbers import read_lexicon
from flows.extract.patterns import trie_pattern

_ROWS = read_lexicon("time_words.csv")
MONTHS = {r["word"]: int(r["value"]) for r in _ROWS if r["kind"] == "month"}
WEEKDAYS = {r["word"]: int(r["value"]) for r in _ROWS if r["kind"] == "weekday"}
RELATIVE_DAYS = {r["word"]: int(r["value"]) for r in _ROWS if r["kind"] == "relative_day"}
SHIFTS = {r["word"]: int(r["value"]) for r in _ROWS if r["kind"] == "shift"}


_M = trie_pattern(MONTHS)
_YEAR = r"(?:1[89]|20)\d\d"
_TIME = (  # every alternative starts a word
    rf"(?:(?:(?i:on)\s+)?(?P<md_m>{_M})\s+(?P<md_d>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<md_y>{_YEAR})\b)?"
    rf"|(?:(?i:on)\s+)?(?P<dm_d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<dm_m>{_M})(?:,?\s+(?P<dm_y>{_YEAR})\b)?"
    rf"|(?:(?i:in)\s+)?(?P<my_m>{_M})(?:\s+of)?,?\s+(?P<my_y>{_YEAR})\b"
    rf"|(?i:in)\s+(?:(?i:early|late|mid)[\s-]+)?(?P<m_m>{_M})(?!\w)"
    rf"|(?i:in)\s+(?:(?i:early|late|mid)[\s-]+)?(?P<y_y>{_YEAR})\b(?![,.]?\d)"
    rf"|(?i:(?P<rel>{trie_pattern(SHIFTS)})\s+(?P<span>week|month|year))\b"
    rf"|(?:(?P<wd_p>(?i:on|last|this|next))\s+)?(?P<wd>{trie_pattern(WEEKDAYS)})\b"
    rf"|\b(?i:(?P<day>{trie_pattern(RELATIVE_DAYS)}))\b)"
)
TIME_RE = re.compile(rf"(?<!\w){_TIME}")
# TIME_RE starts with a lookbehind, so its search tries every alternative at every position. Matches
# are found instead from the non-word character before them, a class sre skips to in C, and only where
# the next characters can start one: a digit, or the first two letters of a month or weekday, or of an
# ignore-case word in either case; any non-ASCII character passes, as it may fold to an ASCII letter.
_OPENERS = [*MONTHS, *WEEKDAYS] + [v for w in ("on", "in", "last", "this", "next", *SHIFTS, *RELATIVE_DAYS)
                                   for v in (w.lower(), w.upper())]


def _letters(k: int) -> str:
    """A class of the k-th letters of the words a match can start with, and of non-ASCII characters."""
    return "[" + re.escape("".join(sorted({w[k] for w in _OPENERS}))) + r"\x80-\U0010ffff]"


_BEFORE_TIME = re.compile(rf"\W(?=\d|{_letters(0)}{_letters(1)})(?={_TIME})")


def _time_matches(text: str) -> Iterator[re.Match]:
    """The matches of TIME_RE.finditer(text)."""
    m = TIME_RE.match(text)  # no character comes before a match at 0
    if m:
        yield m
    pos = m.end() - 1 if m else 0
    while c := _BEFORE_TIME.search(text, pos):
        m = TIME_RE.match(text, c.end())
        yield m
        pos = m.end() - 1  # the last character of a match may be the one before the next


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _month_shift(d: date, months: int) -> date:
    k = d.year * 12 + d.month - 1 + months
    return date(k // 12, k % 12 + 1, 1)


def _past_year(month: int, day: int, pub: date | None) -> int | None:
    """Year of a month (and day) written without one: the publication year, or the year before
    when that date would fall after publication."""
    if pub is None:
        return None
    return pub.year if (month, day) <= (pub.month, pub.day) else pub.year - 1


def _granularity(m: re.Match) -> str:
    if m.group("span"):
        return m.group("span").lower()
    if m.group("my_m") or m.group("m_m"):
        return "month"
    return "year" if m.group("y_y") else "day"


def _resolve(m: re.Match, pub: date | None) -> tuple[str, date | None] | None:
    """(granularity, resolved date) of a match, or None when it is not a valid date."""
    g = m.groupdict()
    for prefix in ("md", "dm"):
        if g[f"{prefix}_m"]:
            month, day = MONTHS[g[f"{prefix}_m"]], int(g[f"{prefix}_d"])
            if not 1 <= day <= 31:
                return None
            year = int(g[f"{prefix}_y"]) if g[f"{prefix}_y"] else _past_year(month, day, pub)
            if year is None:
                return "day", None
            resolved = _safe_date(year, month, day)
            return ("day", resolved) if resolved else None
    if g["my_m"]:
        return "month", date(int(g["my_y"]), MONTHS[g["my_m"]], 1)
    if g["m_m"]:
        year = _past_year(MONTHS[g["m_m"]], 1, pub)
        return "month", None if year is None else date(year, MONTHS[g["m_m"]], 1)
    if g["y_y"]:
        return "year", date(int(g["y_y"]), 1, 1)
    if pub is None:
        return _granularity(m), None
    if g["rel"]:
        shift, span = SHIFTS[g["rel"].lower()], g["span"].lower()
        if span == "week":
            return "week", pub - timedelta(days=pub.weekday()) + timedelta(weeks=shift)
        if span == "month":
            return "month", _month_shift(pub, shift)
        return "year", date(pub.year + shift, 1, 1)
    if g["wd"]:
        back = (pub.weekday() - WEEKDAYS[g["wd"]]) % 7
        prep = (g["wd_p"] or "").lower()
        if prep == "next":
            return "day", pub + timedelta(days=(7 - back) % 7 or 7)
        if prep == "last" and back == 0:
            back = 7
        return "day", pub - timedelta(days=back)
    return "day", pub + timedelta(days=RELATIVE_DAYS[g["day"].lower()])


class TimeExpressionExtractor:
    relation = "time_expressions"
    version = "0.1.0"

    def extract(self, article: ArticleText) -> list[Row]:
        text, pub = article.text or "", article.published
        out: list[Row] = []
        for m in _time_matches(text):
            try:
                res = _resolve(m, pub)
            except (OverflowError, ValueError):  # a publication date at the edge of the calendar
                res = (_granularity(m), None)
            if res is None:
                continue
            out.append({"mention_text": m.group(), "start_char": m.start(), "end_char": m.end(),
                        "granularity": res[0], "resolved_date": res[1]})
        return out
