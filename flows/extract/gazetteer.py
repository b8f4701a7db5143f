"""The place lexicon as one Aho–Corasick automaton over folded text.

Everything comes from the CSV files under `lexicons/places/` (see SOURCES.md there); nothing is
read from outside the repository at run time. Text and names are folded the same way — lower
case, accents stripped, every non-alphanumeric character turned into a space — by a
length-preserving table, so a hit's offsets in the folded text are its offsets in the article,
and "Salah al-Din", "Salah al Din" and "Şalāḩ ad-Dīn"-style spellings meet. Keys are padded with
a space on both sides and searched in the space-padded text, so only whole words match.
"""
from __future__ import annotations

import csv
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import ahocorasick

LEXICON = Path(__file__).resolve().parent / "lexicons" / "places"
# Load order is priority order: when a name fits several places and the article gives no hint,
# the first one listed wins (curated Iraqi places before GeoNames, countries before US states).
PLACE_FILES = ("curated_iraq.csv", "iraq_places.csv", "iraq_governorates.csv", "iraq_districts.csv",
               "countries.csv", "curated_world.csv", "us_states.csv", "world_cities.csv")
ARTICLE_PREFIXES = ("al ", "el ", "an ", "ar ", "as ", "ash ", "ad ", "at ", "az ")
APOSTROPHE_LETTERS = "\u02bb\u02bc\u02bd\u02be\u02bf\u02c8"
FOLD_RANGE = 0x3000  # Latin, Greek, Cyrillic, Arabic, punctuation; CJK and beyond pass unchanged


def _fold_table() -> dict[int, str]:
    table = {}
    for cp in range(FOLD_RANGE):
        ch = chr(cp)
        if not ch.isalnum() or ch in APOSTROPHE_LETTERS:
            table[cp] = " "
            continue
        base = "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c)).lower()
        low = ch.lower()
        table[cp] = base if len(base) == 1 and base.isalnum() else low if len(low) == 1 else ch
    table[0xFEFF] = " "
    return table


FOLD = _fold_table()


def fold(text: str) -> str:
    """Lower-case, accent-free, punctuation as spaces; always the same length as `text`."""
    return text.translate(FOLD)


@dataclass(frozen=True, slots=True)
class Place:
    name: str
    place_type: str
    country_code: str
    admin1_code: str | None


@dataclass(frozen=True, slots=True)
class Key:
    """Everything the automaton knows about one folded spelling."""
    length: int  # of the folded spelling, without the padding
    places: tuple[Place, ...]  # candidates, in priority order; empty for a not-a-place phrase
    rule: str  # '', 'caps', 'person', 'locative' or 'after_comma' (see places.py)
    ends_with_dot: bool  # "U.S." and "Va." keep their final period in the mention


@dataclass(frozen=True, slots=True)
class Lexicon:
    automaton: ahocorasick.Automaton
    admin1: dict[str, tuple[str | None, str]]  # ISO 3166-2 -> (OCHA p-code, name)
    words: dict[str, frozenset[str]]  # context words by role


def _rows(name: str) -> list[dict]:
    with open(LEXICON / name, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def folded_key(text: str) -> str:
    """The form the automaton matches: folded, with single spaces and no padding."""
    return " ".join(fold(text).split())


def _exclusions() -> dict[str, str]:
    """Folded spelling -> the country whose places may not use it ('' for every place)."""
    return {folded_key(r["variant"]): r["country_code"] for r in _rows("exclude_variants.csv")}


def _spellings(variant: str, place: Place) -> set[str]:
    """Folded spellings of one variant: as written, with runs of spaces collapsed, and with the
    Arabic article (al-/el-) added where the name is Arabic-world and lacks one."""
    raw = fold(variant).strip()
    out = {raw, " ".join(raw.split())}
    if place.place_type != "country" and place.country_code not in ("US",) and not raw.startswith(ARTICLE_PREFIXES):
        out |= {"al " + s for s in list(out)} | {"el " + s for s in list(out)}
    return {s for s in out if s}


@lru_cache(maxsize=1)
def load() -> Lexicon:
    entries: dict[str, dict] = {}  # folded spelling -> {"places": [...], "rule": str, "dot": bool}
    excluded = _exclusions()  # checked after the spelling expansion, for every file
    for file in PLACE_FILES:
        for row in _rows(file):
            place = Place(row["name"], row["place_type"], row["country_code"], row["admin1_code"] or None)
            for variant in row["variants"].split("|"):
                for spelling in _spellings(variant, place):
                    if excluded.get(spelling) in ("", place.country_code):
                        continue
                    e = entries.setdefault(spelling, {"places": [], "rule": "", "dot": False})
                    if place not in e["places"]:
                        e["places"].append(place)
                    e["rule"] = e["rule"] or row["rule"]
                    e["dot"] = e["dot"] or variant.endswith(".")
    # not-a-place phrases, and spellings excluded for every place ("Al-Madinah" the word), are
    # keys without places, so the names inside them ("Madinah") do not match on their own
    phrases = {fold(r["phrase"]).strip() for r in _rows("not_places.csv")} | {s for s, c in excluded.items() if not c}
    for phrase in phrases:
        for spelling in {phrase, " ".join(phrase.split())}:
            entries[spelling] = {"places": [], "rule": "", "dot": False}

    automaton = ahocorasick.Automaton()
    for spelling, e in entries.items():
        automaton.add_word(f" {spelling} ", Key(len(spelling), tuple(e["places"]), e["rule"], e["dot"]))
    automaton.make_automaton()

    admin1 = {r["iso_3166_2"]: (r["ocha_pcode"] or None, r["name"]) for r in _rows("admin1.csv")}
    words: dict[str, set[str]] = {}
    for r in _rows("context_words.csv"):
        words.setdefault(r["role"], set()).add(r["word"])
    return Lexicon(automaton, admin1, {k: frozenset(v) for k, v in words.items()})


def find(lexicon: Lexicon, text: str) -> list[tuple[int, int, Key]]:
    """Every whole-word hit in `text` as (start, end, key), overlapping hits included."""
    padded = " " + fold(text) + " "
    hits = []
    for last, key in lexicon.automaton.iter(padded):
        start = last - key.length - 1  # padded index of the leading space == text index of the word
        hits.append((start, start + key.length, key))
    return hits
