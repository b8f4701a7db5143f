"""Number parsing for the quantity extractor: digits, number words, fractions and multipliers.

One compiled regex finds every number-looking span; word sequences are then parsed token by token
so that "two thousand five hundred" is one number and "two three" is two. The quantity extractor
decides from context whether a number is a quantity; this module only reads numbers.
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from flows.extract.patterns import trie_pattern

LEXICONS = Path(__file__).with_name("lexicons")


@lru_cache(maxsize=None)
def read_lexicon(name: str) -> tuple[dict[str, str], ...]:
    """Rows of a lexicon CSV under lexicons/, skipping its '#' comment header."""
    with open(LEXICONS / name, encoding="utf-8", newline="") as fh:
        lines = [line for line in fh if not line.startswith("#")]
    return tuple(csv.DictReader(lines))


WORDS: dict[str, tuple[float, str]] = {r["word"]: (float(r["value"]), r["kind"]) for r in read_lexicon("numbers.csv")}
ABBREV = {w: v for w, (v, k) in WORDS.items() if k == "abbrev"}


_NUMBER_WORDS = {w for w, (_, k) in WORDS.items() if k not in ("abbrev", "article")}
_W = trie_pattern(_NUMBER_WORDS)
_VULGAR = {"½": 0.5, "¼": 0.25, "¾": 0.75, "⅓": 1 / 3, "⅔": 2 / 3}


def _cased_initial_trie(words: set[str]) -> str:
    """(?i:trie_pattern(words)) with each initial tested case-sensitively, in lower and in upper case:
    sre skips a branch that starts with a plain letter without entering it, and enters every
    ignore-case one. An initial that is no ASCII letter (one may fold to it) takes the ignore-case trie."""
    branches = [f"{c}(?i:{rest})|{c.upper()}(?i:{rest})" for c in sorted({w[0] for w in words})
                for rest in [trie_pattern(w[1:] for w in words if w[0] == c)]]
    return "(?:" + "|".join(branches) + rf"|(?![A-Za-z])(?i:{trie_pattern(words)}))"


# Digits (300,000 / 1.5 / 10 1/2 / 1/4 / ½) or a run of number words, optionally led by a/an; a
# number needs at most 12 words, and the bound keeps a long run of number words from rescans.
# Digit groups: Western thousands (1,250,000), also with a stray space before a group that starts
# with 0 ("80, 000": no number is written with a leading zero, so it continues the one before);
# and the Indian lakh/crore grouping of South Asian English (12,34,567 = 1,234,567; 1,00,000), at
# most six two-digit groups so that a long run of them is not rescanned from every start.
NUMBER_RE = re.compile(
    rf"(?P<digits>(?<![\d.])(?:\d{{1,2}}(?:,\d\d){{1,6}},\d{{3}}(?!\d|,\d)|\d{{1,3}}(?:,\d{{3}}|, 0\d\d(?!\d))+|\d+)(?:\.\d+)?(?:\s+\d/\d{{1,2}}\b)?(?:/\d+)?[½¼¾⅓⅔]?)"
    rf"|(?P<vulgar>[½¼¾⅓⅔])"
    rf"|(?P<words>(?<!\w)(?:an?[\s-]+)?(?:{_W})(?:(?:[\s-]+|\s+and\s+)(?:{_W})){{0,11}}\b)",
    re.IGNORECASE,
)
# NUMBER_RE's branches start with lookbehinds, so its search tries a match at every position. Candidate
# starts are found instead by searches that start with a character class, which sre skips to in C:
# _DIGIT admits ASCII digits, vulgar fractions and everything from U+0660 (the first other decimal
# digit), and its lookbehind checks those few characters (a bare \d costs a Unicode lookup at every
# character); _BEFORE_WORDS finds the non-word character before a number word (the test (?<!\w) makes),
# checking its initial before the costlier word trie, which then branches on the initial cheaply.
_DIGIT = re.compile(r"[0-9½¼¾⅓⅔\u0660-\U0010ffff](?<=[\d½¼¾⅓⅔])")
_INITIALS = "".join(sorted({w[0] for w, (_, k) in WORDS.items() if k != "abbrev"}))
_BEFORE_WORDS = re.compile(
    rf"\W(?=(?i:[{_INITIALS}]))(?=(?i:(?:an?[\s-]+)?){_cased_initial_trie(_NUMBER_WORDS)}\b)")
# A multiplier right after digits: "1.5 million", "300 thousand", "2bn", "$3.5m", "two dozen".
SCALE_AFTER_DIGITS = re.compile(
    r"[\s-]?(" + "|".join(w for w, (_, k) in WORDS.items() if k in ("scale", "dozen")) + r")\b", re.IGNORECASE)
AND_A_HALF = re.compile(r"\s+and\s+a\s+half\b", re.IGNORECASE)
# a fraction of a multiplier: half a million, a quarter of a million, half a dozen
OF_A_SCALE = re.compile(
    r"\s+(?:of\s+)?an?\s+(" + "|".join(w for w, (_, k) in WORDS.items() if k in ("scale", "dozen")) + r")\b", re.IGNORECASE)
ABBREV_AFTER_DIGITS = re.compile(r"\s?(bn|mn|tn|m|b|k)\b(?!\.\w)", re.IGNORECASE)
_TOKEN = re.compile(r"[a-z]+", re.IGNORECASE)


@dataclass(slots=True)
class Number:
    start: int
    end: int
    value: float
    spelled: bool  # written in words ("three"), not digits
    fraction: bool  # a bare fraction word or vulgar fraction (half, a third, 1/4): value below one
    abbrev: float | None = None  # an ambiguous multiplier abbreviation after digits (m, k, b)
    abbrev_end: int = 0


def _digits_value(s: str) -> float | None:
    """300,000 -> 300000; 10 1/2 -> 10.5; 1/4 -> 0.25; 2½ -> 2.5; None for a date-like 9/11."""
    s = s.replace(", ", "").replace(",", "")
    if len(s) > 18:
        return None  # a long digit string is an identifier, and would overflow a float
    extra = 0.0
    if s and s[-1] in _VULGAR:
        extra, s = _VULGAR[s[-1]], s[:-1]
    parts = s.split()
    if len(parts) == 2:  # whole and fraction
        frac = _digits_value(parts[1])
        return None if frac is None else float(parts[0]) + frac
    if "/" in s:
        parts = s.split("/")
        if len(parts) != 2 or "." in s or int(parts[1]) not in (2, 3, 4, 8) or int(parts[0]) >= int(parts[1]):
            return None  # a date (2/21/19) or a score, not a fraction
        num, den = parts
        return int(num) / int(den)
    return float(s) + extra


def _parse_words(tokens: list[str]) -> tuple[float, int, bool] | None:
    """(value, tokens used, ends in a fraction) for the longest valid number prefix of tokens."""
    total, current, last, used, value = 0.0, None, None, 0, None
    is_fraction = False
    for i, tok in enumerate(tokens):
        if tok == "and":
            if last not in ("hundred", "scale"):
                break
            last = "and"
            continue
        v, kind = WORDS.get(tok, (None, None))
        if kind == "article":  # only first: the word run holds no other article
            current, last = 1.0, "article"
            continue
        if kind == "unit":
            ok = last in (None, "tens", "hundred", "scale", "and") and not (last == "tens" and v == 0)
        elif kind in ("teen", "tens"):
            ok = last in (None, "hundred", "scale", "and")
        elif kind == "hundred":
            ok = last in ("unit", "teen", "tens", "article") and current
        elif kind == "scale":
            ok = last in ("unit", "teen", "tens", "hundred", "article", "fraction")
        elif kind == "dozen":
            ok = last in ("unit", "article", "fraction")
        elif kind == "fraction":
            ok = i == 0 or i == 1 and last in ("unit", "article") and current != 0  # two thirds, not fifty one-third
        else:
            ok = False
        if not ok:
            break
        if kind in ("unit", "teen", "tens"):
            current = (current or 0.0) + v
        elif kind == "hundred":
            current *= v
        elif kind == "scale":
            total += (current or 1.0) * v
            current = 0.0
        elif kind == "dozen":
            current = (current or 1.0) * v
        elif kind == "fraction":
            current = (current or 1.0) * v
        last, used = kind, i + 1
        value = total + (current or 0.0)
        is_fraction = kind == "fraction"
    if not used or value is None or last == "article":
        return None
    return value, used, is_fraction


class _NumberSearch:
    """NUMBER_RE.search over one text for positions that never decrease: the next digit and the next
    number word are each searched again only once pos has passed them, so neither search rescans."""

    __slots__ = ("text", "digit", "word")

    def __init__(self, text: str):
        self.text, self.digit, self.word = text, -1, 0  # a number word at 0 has no character before it

    def search(self, pos: int) -> re.Match | None:
        text, n = self.text, len(self.text)
        while True:
            if self.digit < pos:
                m = _DIGIT.search(text, pos)
                self.digit = m.start() if m else n
            if self.word < pos:
                m = _BEFORE_WORDS.search(text, pos - 1)
                self.word = m.end() if m else n
            start = min(self.digit, self.word)
            if start >= n:
                return None
            m = NUMBER_RE.match(text, start)
            if m:
                return m
            pos = start + 1  # a digit right after a digit or a point


def scan_numbers(text: str) -> list[Number]:
    """Every number in text, left to right, non-overlapping."""
    out: list[Number] = []
    pos, n = 0, len(text)
    numbers = _NumberSearch(text)
    while pos < n:
        m = numbers.search(pos)
        if not m:
            break
        pos = m.end()
        if m.group("digits"):
            value = _digits_value(m.group("digits"))
            if value is None:
                continue
            num = Number(m.start(), m.end(), value, False, "/" in m.group("digits") and value < 1)
            half = AND_A_HALF.match(text, num.end)  # two and a half years
            if half:
                num.value += 0.5
                num.end = pos = half.end()
            sm = SCALE_AFTER_DIGITS.match(text, num.end)
            if sm:
                num.value *= WORDS[sm.group(1).casefold()][0]
                num.end = pos = sm.end()
            else:
                am = ABBREV_AFTER_DIGITS.match(text, num.end)
                if am:
                    num.abbrev, num.abbrev_end = ABBREV[am.group(1).casefold()], am.end()
            out.append(num)
        elif m.group("vulgar"):
            out.append(Number(m.start(), m.end(), _VULGAR[m.group("vulgar")], False, True))
        else:
            toks = list(_TOKEN.finditer(m.group("words")))
            parsed = _parse_words([t.group().casefold() for t in toks])
            if parsed is None:
                # a leading article that does not start a number ("a two-day visit"): retry after it
                pos = m.start() + toks[0].end() if len(toks) > 1 else m.end()
                continue
            value, used, is_fraction = parsed
            end = m.start() + toks[used - 1].end()
            half = None if is_fraction else AND_A_HALF.match(text, end)
            if half:  # two and a half, one and a half million
                value, end = value + 0.5, half.end()
            scale = OF_A_SCALE.match(text, end) if is_fraction else half and SCALE_AFTER_DIGITS.match(text, end)
            if scale:
                value, end, is_fraction = value * WORDS[scale.group(1).casefold()][0], scale.end(), False
            out.append(Number(m.start(), end, value, True, is_fraction))
            pos = end
    return out
