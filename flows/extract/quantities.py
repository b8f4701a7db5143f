"""Quantities in news text: counts, measures, money, durations, percentages and fractions.

One scan finds every number (numbers.scan_numbers); each is then read from its local context:
what makes it not a quantity (a year, date, time, age, ordinal, identifier), a currency sign before
it, a bound word before it, a range partner, and the unit or counted noun after it. Rules follow
gold/GUIDELINES.md (Quantities); every word list lives in lexicons/*.csv.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from flows.extract.base import ArticleText, Row
from flows.extract.numbers import ABBREV, WORDS, Number, read_lexicon, scan_numbers
from flows.extract.patterns import trie_pattern


def _alternation(words) -> str:
    return trie_pattern(set(words))


@dataclass(frozen=True, slots=True)
class Unit:
    name: str
    normalized: str
    factor: float
    kind: str

    @property
    def currency(self) -> bool:
        return self.kind == "currency"

    def per(self, denominator: Unit) -> Unit:
        """A rate: barrels a day, dollars a share."""
        return Unit(f"{self.name} per {denominator.name}", f"{self.normalized} per {denominator.name}",
                    self.factor, "rate")


def _unit_key(surface: str, position: str) -> str:
    """Lookup key of a unit as written: suffix and per words ignore case, '$' forms ignore case and spaces."""
    if position in ("suffix", "per"):
        return surface.casefold()
    return surface.replace(" ", "").upper() if "$" in surface else surface


_UNITS = {(_unit_key(r["surface"], r["position"]), r["position"]):
          Unit(r["unit"], r["normalized_unit"], float(r["factor"]), r["kind"]) for r in read_lexicon("units.csv")}


def _currency_units() -> dict[tuple[str, str], Unit]:
    """Every currency of currencies.csv as units.csv rows: its code before or after digits (also in
    lower case after), a sign (€, ₡) before or after digits, letters with a sign (HK$, CN¥) before,
    its names after."""
    out = {}
    for r in read_lexicon("currencies.csv"):
        unit = Unit(r["unit"], "USD" if r["code"] == "USD" else r["unit"], 1.0, "currency")
        keys = [(r["unit"], "suffix"), (r["name"], "suffix"), (r["plural"], "suffix")]
        if r["read_code"] == "yes":
            keys += [(r["code"], "prefix"), (r["code"], "abbrev"), (r["code"].lower(), "suffix")]
        for sym in r["symbols"].split():
            keys.append((_unit_key(sym, "prefix"), "prefix"))
            if not any(ch.isalpha() for ch in sym):
                keys.append((sym, "abbrev"))
        out.update(dict.fromkeys(((_unit_key(k, p), p) for k, p in keys), unit))
    return out


_UNITS.update(_currency_units())


def _surfaces(position: str, dollar: bool | None = None) -> str:
    return _alternation(s for s, p in _UNITS if p == position and (dollar is None or ("$" in s) == dollar))


SUFFIX_UNIT_RE = re.compile(r"[ \t-]?(" + _surfaces("suffix") + r")(?![\w$€£])", re.IGNORECASE)
ABBREV_UNIT_RE = re.compile(r"[ -]?(" + _surfaces("abbrev") + r")(?![\w$€£])")  # 5 km, 9-mm, 5 USD, 100₡
# possessive spaces: a long whitespace run after a unit must not backtrack (quadratic)
PER_UNIT_RE = re.compile(r"\s*+-?\s*+(?:(?:per|an?|each|every)(?:\s*+-\s*+|\s++)|/\s*+)(" + _surfaces("per") + r")\b"
                         r"(?!\s++(?:earlier|later|ago|before|after|from)\b)", re.IGNORECASE)  # not: a year earlier
# a currency before digits: €, USD (case as written), or $ with a letter code (US$, HK $, C$; not "a $5")
PREFIX_UNIT_RE = re.compile(r"(?<![A-Za-z])(?:(" + _surfaces("prefix", False) + r")|((?:[A-Za-z.]{2,4}\s?|[A-Z])?\$)) ?$")

# an ISO code with a scale prefix, as financial reports write amounts: 30 MUSD, MEUR 120, 500 kSEK;
# only for the currencies such reports use (ECB reference rates' majors and the Nordic crowns), since
# M or k before any code makes words and numerals ("2 MARS", MMXV)
_SCALED_CODES = ("USD", "EUR", "GBP", "CHF", "JPY", "CNY", "SEK", "NOK", "DKK", "ISK", "AUD", "CAD")
_SCALED_CODE = r"(M|k)(" + _alternation(_SCALED_CODES) + r")"
SCALED_CODE_AFTER = re.compile(r" ?" + _SCALED_CODE + r"(?![\w$€£])")
SCALED_CODE_BEFORE = re.compile(r"(?<![\w$€£])" + _SCALED_CODE + r" ?$")
CODE_SCALE = {"M": 1e6, "k": 1e3}
# a multiplier after a currency written after the number: 75 USD million
SCALE_AFTER_CURRENCY = re.compile(
    r" (" + _alternation(w for w, (_, k) in WORDS.items() if k == "scale") + r")\b", re.IGNORECASE)
# a whole amount and its minor part: 3 dollars 50 cents, thirteen dollars and forty-five cents,
# 15 dollars 50. (the minor part alone ends the clause)
MINOR_JOIN = re.compile(r"\s+(?:and\s+)?", re.IGNORECASE)
MINOR_AFTER = re.compile(r"\s*(cents?|pence)\b|(?=\s*(?:[.!?;,]|$))", re.IGNORECASE)

# a vote tally: "the vote was 31-12", "voted 5-4", "on a 61-38 vote" (each side counts votes); the
# vote word stands in the same clause
VOTE_BEFORE = re.compile(r"\bvot(?:e[sd]?|ing)\b[^.,;\d\n]{0,20}$", re.IGNORECASE)
VOTE_AFTER = re.compile(r"\s+votes?\b", re.IGNORECASE)
TALLY_JOIN = re.compile(r"\s?[-–]\s?")
NOT_VOTE_AFTER = re.compile(r"\s*(?:%|percent|per\b|percentage)", re.IGNORECASE)

BOUNDS = {r["phrase"]: r["bound"] for r in read_lexicon("bounds.csv")}
BOUND_RE = re.compile(r"\b(" + _alternation(BOUNDS) + r")\s+$", re.IGNORECASE)

_NOUNS = read_lexicon("count_nouns.csv")
IRREGULAR = {r["surface"]: r["unit"] for r in _NOUNS if r["kind"] == "irregular"}
COMPOUNDS = {r["surface"]: r["unit"] for r in _NOUNS if r["kind"] == "compound"}
PERSON_NOUNS = {r["surface"] for r in _NOUNS if r["kind"] == "person"}
COMPOUND_UNITS = set(COMPOUNDS.values())
CAPITALISED_PLURALS = {r["surface"] for r in _NOUNS if r["kind"] == "capitalised"}
GROUP_NOUNS = {r["surface"] for r in _NOUNS if r["kind"] == "group"}
NUMBER_WORDS = {w for w, (_, kind) in WORDS.items() if kind not in ("article", "abbrev", "fraction")}

CUES: dict[str, set[str]] = {}
for _r in read_lexicon("quantity_cues.csv"):
    CUES.setdefault(_r["cue"], set()).add(_r["word"])
STOP, ADJECTIVES, NOT_NOUN = CUES["stop"], CUES["adjective"], CUES["not_noun"]
ABSTRACT, REPORTING, CASUALTY = CUES["abstract"], CUES["reporting"], CUES["casualty"]
ATTRIBUTIVE, DETERMINERS = CUES["attributive"], CUES["determiner"]
COMPARATIVE, OBJECT_OPENERS, KIND_NOUNS = CUES["comparative"], CUES["object"], CUES["kind"]

_MONTHS = _alternation(CUES["month"])
IDENTIFIERS, MONTHS, AGES = CUES["identifier"], CUES["month"], CUES["age"]
QUOTES = "\"“”‘’'"
DAY_OF_MONTH = re.compile(r"\d{1,2}(?:st|nd|rd|th)?,?")
LABEL_BEFORE = re.compile(r"[A-Za-z][-/]?$|\d[:/.\-–]$|\+$")  # F-16, AK-47, G20, 10:30, 3/4, +964
PREV_WORD = re.compile(r"([A-Za-z]+)\s+$")
NAME_COMMA_BEFORE = re.compile(r"[A-Z][\w'’.-]+,\s$|[A-Z][\w'’.-]+\s\($")
NOT_QUANTITY_AFTER = re.compile(
    r"(?:st|nd|rd|th)\b|:\d\d|['’]?s\b|[\s-]*(?:years?|months?)[\s-]*old\b|\s*(?:a\.m\.|p\.m\.|am\b|pm\b|o['’]clock|GMT)"
    r"|,?\s+(?:" + _MONTHS + r")\b|-(?:time|way|off|sided|fold|on-one)\b", re.IGNORECASE)
AGE_AFTER_COMMA = re.compile(r"\s?[,)]")
AGO_AFTER = re.compile(r"\s+(?:ago|from\s+now)\b", re.IGNORECASE)
OF_AFTER = re.compile(r"\s+of\s+", re.IGNORECASE)
AGE_BEFORE = re.compile(r"\b(?:" + _alternation(CUES["age"]) + r")\s+$", re.IGNORECASE)
ARTICLE_AFTER = re.compile(r"\s+(?:of\s+)?an?(?=\s)", re.IGNORECASE)
RANGE_JOIN = re.compile(r"\s*(?:to|-|–|—|or)\s*(?:[$€£]\s?)?", re.IGNORECASE)  # $1.5 to $2bn
AND_JOIN = re.compile(r"\s+and\s+(?:[$€£]\s?)?", re.IGNORECASE)
BETWEEN_BEFORE = re.compile(r"\b(?:anywhere\s+)?between\s+$", re.IGNORECASE)
FROM_BEFORE = re.compile(r"\bfrom\s+$", re.IGNORECASE)
OTHER_BEFORE = re.compile(r"\b(?:the\s+(?:other|remaining|final|last|rest\s+of\s+the)|another)\s+$", re.IGNORECASE)
PRONOUN_ONE_BEFORE = re.compile(r"\b(?:" + _alternation(CUES["pronoun_one"]) + r")\s+$", re.IGNORECASE)
PRONOUN_ONE_AFTER = re.compile(r"\s+(?:another|of|or\s+(?:two|more|another))\b", re.IGNORECASE)
REPORTING_BEFORE = re.compile(r"\b(?:" + _alternation(REPORTING) + r"|according\s+to)\s+\w+\s*$", re.IGNORECASE)
ONE_DAY_AFTER = re.compile(r"\s+(?:day|time)\b", re.IGNORECASE)
DURATION_BEFORE = re.compile(r"\b(?:for|within|in|than|after|only|just|last|lasted|over)\s+$", re.IGNORECASE)
ORDINAL_BEFORE = re.compile(r"\b(?:" + _alternation(CUES["ordinal"]) + r")\s+$", re.IGNORECASE)
SCALED = re.compile(r"illion|bn|\dm\b", re.IGNORECASE)
SCALE_WORD = re.compile(r"(?<![a-z])(?:thousand|[mb]illion|trillion|lakh|crore|bn|mn|m|k)\b", re.IGNORECASE)
BARE_LABEL_AFTER = re.compile(r"\)|\s?[-–]\s?\d|\s\d|\s+per\b|\s+(?:a|an|per)\s+(?:day|week|month|year)\b", re.IGNORECASE)
NAME_BEFORE = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][A-Za-z]+\s$|\d\s$")  # Cooper 360; 123 4567
LIST_JOIN = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|\s(?:and|or|to)\s)\s*")
COORDINATED = re.compile(r"\b(?:and|or)\b|,")
CASUALTY_BEFORE = re.compile(r"\b(?:" + _alternation(CUES["casualty_verb"]) + r")\s+(?:(?:" + _alternation(BOUNDS)
                             + r")\s+)?$", re.IGNORECASE)
ADJECTIVE_ONLY_SUFFIX = re.compile(r"(?:ous|ful|able|ible|less)$", re.IGNORECASE)
ADJECTIVE_FORM = re.compile(r"(?:al|ic|ive|ous|ful|able|ible|less|ary|ern|ish|ed|ing|est|ly|ant|(?<!m)ent|que|ular|ilar|lear)$")
AGENT_NOUN = re.compile(r"[a-z]{3}(?:er|or|ist)$")  # driver, bomber, operator, activist
LOWER_WORD_AFTER = re.compile(r"\s+[a-z]")
AUXILIARY = re.compile(r"\s*(?:(?:were|are|was|have|had|has|been|being|reportedly)\s+)*", re.IGNORECASE)
TOLL_BEFORE = re.compile(r"\btoll\b[\w\s]{0,20}?\b(?:to|at|of)\s+$", re.IGNORECASE)
OR_MORE_AFTER = re.compile(r"\s+or\s+more\b", re.IGNORECASE)
HYPHEN_WORD = re.compile(r"-([a-z]+)\b(?!-)")
TOKEN = re.compile(r"[A-Za-z](?:\.[A-Za-z])+\.?|[A-Za-z][\w/'’-]*|[^\sA-Za-z]")
CLOSING_QUOTE = re.compile(r"[\"”’']\s*")
SPACES = re.compile(r"\s*")
COORDINATION = re.compile(r"(?:,\s*|\s+)(?:and|or)\s+|,\s*")
SENTENCE_END = re.compile(r"[.!?][\"”’)]*\s+(?=[A-Z\"“‘(])|\n+")


def singular(word: str) -> str:
    """Lower-case singular of a plural noun (airstrikes -> airstrike, churches -> church)."""
    w = word.lower()
    if w in IRREGULAR:
        return IRREGULAR[w]
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if w.endswith(("ches", "shes", "sses", "xes")):
        return w[:-2]
    if len(w) > 3 and w.endswith("s") and not w.endswith("ss"):
        return w[:-1]
    return w


def is_plural(tok: str) -> bool:
    t = tok.lower()
    if t in IRREGULAR:
        return True
    if not tok[0].isalpha() or (tok.isupper() and len(tok) > 1) or any(c in tok for c in "'’./"):
        return False
    if len(t) <= 3 or not t.endswith("s") or t in NOT_NOUN:
        return False
    if t.endswith(("ss", "us", "ous")):
        return False
    if tok[0].isupper():  # Kansas, Adams, Texas are names; Iraqis, Marines are listed
        return t in CAPITALISED_PLURALS
    return not t.endswith("is")  # crisis, analysis


def _acronym(tok: str) -> bool:
    return len(tok) > 1 and tok.isupper()  # US, IS: never a function word or verb


def _is_word(tok: str) -> bool:
    """A content word: no function word and no number word (a number never is the counted noun)."""
    return tok[0].isalpha() and (_acronym(tok) or tok.lower() not in STOP and tok.lower() not in NUMBER_WORDS)


def _verb_like(tok: str) -> bool:
    t = tok.lower()
    return not _acronym(tok) and (t.endswith(("ed", "ly")) or t in NOT_NOUN or t in REPORTING)


@dataclass(slots=True)
class Noun:
    unit: str
    end: int
    item: str | None = None


def _words_at(text: str, pos: int, limit: int = 6) -> list[re.Match]:
    """Up to limit content words from pos, stopping at punctuation, a function word or a verb form."""
    out = []
    for m in TOKEN.finditer(text, pos, min(len(text), pos + 120)):
        if len(out) >= limit or not _is_word(m.group()) or (out and _verb_like(m.group())):
            break
        if text[out[-1].end() if out else pos:m.start()].strip():
            break
        out.append(m)
    while len(out) > 1 and out[-1].group().lower().endswith("ing"):
        out.pop()  # a participle ends the phrase (fighters guarding...) but may modify (a fighting force)
    return out


def _noun_phrase_end(text: str, pos: int) -> int | None:
    """End of the noun phrase at pos, through its first plural noun and an 'of' complement
    (an item: Captagon pills, the country, teams of advisers), or None."""
    pos = SPACES.match(text, pos).end()
    first = TOKEN.match(text, pos)
    if first and first.group().lower() in DETERMINERS:
        pos = first.end()
    words = _words_at(text, pos)
    if not words or words[0].group().lower() in NOT_NOUN or words[0].group().endswith("ed"):
        return None
    for k, w in enumerate(words):
        if is_plural(w.group()) and not (w.group().lower() in ATTRIBUTIVE and k + 1 < len(words)):
            words = words[:k + 1]
            break
    end = words[-1].end()
    of = OF_AFTER.match(text, end)
    more = _words_at(text, of.end(), 3) if of else None
    return more[-1].end() if more else end


def _noun_modifier(tok: str) -> bool:
    """A lower-case noun before an agent noun that says what the agent does (truck, car, aid): no
    adjective by form or lexicon, and no body of people, which says whose (militia fighters)."""
    t = tok.lower()
    return (tok.isalpha() and tok.islower() and t not in ADJECTIVES and t not in GROUP_NOUNS
            and t not in PERSON_NOUNS and t not in IRREGULAR and not ADJECTIVE_FORM.search(t))


def _unit_of(words: list[re.Match]) -> str:
    """Singular unit of a noun phrase ending in its head, kept whole when it is a known compound or
    an agent noun with noun modifiers (truck drivers, suicide car bombers, aid workers)."""
    toks = [w.group().lower() for w in words]
    for n in (3, 2):
        phrase = " ".join(toks[-n:]) if len(toks) >= n else ""
        if phrase in COMPOUNDS or phrase in COMPOUND_UNITS:
            return COMPOUNDS.get(phrase, phrase)
    unit = singular(toks[-1])
    if AGENT_NOUN.search(unit) and words[-1].group().islower():
        k = len(words) - 1
        while k > max(0, len(words) - 3) and _noun_modifier(words[k - 1].group()):
            k -= 1
        unit = " ".join(toks[k:-1] + [unit])
    return unit


def _counted_noun(text: str, pos: int, one: bool) -> Noun | None:
    """The counted noun right after a number: 'two key northern cities' -> city, 'one tank' -> tank."""
    q = CLOSING_QUOTE.match(text, pos)  # "around 100" additional Marines
    if q and q.group().strip():
        pos = q.end()
    words = _words_at(text, pos)
    if not words or text[pos:words[0].start()].strip():
        return None
    if one:  # the noun ends the phrase: one serious obstacle, one former U.S. garrison
        cut = next((k for k, w in enumerate(words) if w.group().lower() in COMPARATIVE), len(words))
        if cut == 0:
            return None  # one more, one better
        words = words[:cut]  # one vote short: the noun is vote
        head = len(words) - 1
        t = words[head].group()
        after = TOKEN.match(text, SPACES.match(text, words[-1].end()).end())
        if (_verb_like(words[0].group()) or _verb_like(t) or t.lower() in ADJECTIVES or not t[0].islower()
                or not t.replace("-", "").isalpha() or is_plural(t) and t.lower() not in IRREGULAR
                or any(w.group().lower() in ABSTRACT for w in words)
                or head == 0 and (ADJECTIVE_ONLY_SUFFIX.search(t) or after and after.group() == "to")):
            return None  # one goes wrong, one willing to, one reason
        if t.lower().endswith("ing") and after and after.group().lower() in OBJECT_OPENERS:
            return None  # the only one holding the key: a participle with its object
        if after and after.group().lower() in REPORTING or REPORTING_BEFORE.search(text[max(0, pos - 40):pos]):
            return None  # "one official said", "said one official": a source, not a count
    else:
        head = next((i for i, w in enumerate(words) if is_plural(w.group())), None)
        if head is None:
            return None
        while (head + 1 < len(words) and is_plural(words[head + 1].group())
               and (words[head].group().lower() in ATTRIBUTIVE or words[head].group()[0].isupper()
                    or IRREGULAR.get(words[head].group().lower()) == words[head].group().lower())):
            head += 1  # weapons depots, United States soldiers, militia fighters; not "26 people shares"
    unit = _unit_of(words[:head + 1])
    noun = Noun(unit, words[head].end())
    # coordinated nouns: "men and boys" count people; "churches and monasteries" keep the first;
    # a comma list counts only when "and"/"or" closes it ("days, members of" is no list)
    conj, end, people = None if one else COORDINATION.match(text, noun.end), None, False
    while conj:
        nxt = _words_at(text, conj.end(), 3)
        if not nxt or not is_plural(nxt[-1].group()) or nxt[0].group().lower() in WORDS:
            break  # no plural noun, or another number: 10 individuals and two groups
        other = singular(nxt[-1].group())
        people = people or unit in PERSON_NOUNS and other in PERSON_NOUNS and other != unit
        if conj.group().strip(" ,\t\n"):
            end = nxt[-1].end()
        conj = COORDINATION.match(text, nxt[-1].end())
    if end is not None:
        noun.item, noun.end = text[words[0].start():end], end
        noun.unit = "person" if people else unit
    return noun


class _Sentences:
    """Sentence bounds of a text, found left to right as numbers ask for them: each stretch of text
    is scanned once, so a dense run of bare numbers stays linear and most of a text is never scanned."""

    __slots__ = ("text", "ends", "scanned")

    def __init__(self, text: str):
        self.text, self.ends, self.scanned = text, [], 0

    def start(self, pos: int, back: int, floor: int) -> int:
        """Start of the sentence holding pos (back=1) or of the one before it (back=2), not before
        floor; pos never decreases from one call to the next."""
        lo = max(self.scanned, floor)
        if lo < pos:
            self.ends += [m.end() for m in SENTENCE_END.finditer(self.text, lo, pos)]
            self.scanned = pos
        k = bisect_right(self.ends, pos) - back
        return max(floor, self.ends[k]) if k >= 0 else floor


@dataclass(slots=True)
class Quantity:
    start: int
    end: int
    value: float
    value_max: float | None
    unit: str
    bound: str
    item: str | None
    unit_info: Unit | None  # None for a counted noun or a fraction

    @property
    def count(self) -> bool:
        return self.unit_info is None and self.unit != "fraction"

    def row(self, text: str) -> Row:
        f = self.unit_info.factor if self.unit_info else 1.0
        norm_unit = self.unit_info.normalized if self.unit_info else self.unit
        return {"mention_text": text[self.start:self.end], "value": self.value, "value_max": self.value_max,
                "unit": self.unit, "bound": self.bound, "item": self.item,
                "normalized_value": self.value * f, "normalized_unit": norm_unit,
                "start_char": self.start, "end_char": self.end}


def _excluded(text: str, num: Number, range_end: bool = False) -> bool:
    """A number that is a label, date, time, age or ordinal rather than a quantity."""
    left = text[max(0, num.start - 40):num.start]
    # a LABEL_BEFORE match is at most two characters, ending at the end or before a final newline
    if not num.spelled and not range_end and LABEL_BEFORE.search(left[-3:]) and not PREFIX_UNIT_RE.search(left):
        return True
    words = [w.strip(QUOTES).rsplit("-", 1)[-1] for w in left.replace("(", " ").lower().split()[-2:]]
    prev = words[-1] if words and left[-1:] in " \t\n(" + QUOTES else ""  # "Section, post-June
    before = words[-2] if len(words) > 1 else ""
    if (prev in IDENTIFIERS or left.endswith("#") or prev in MONTHS or prev in AGES
            or DAY_OF_MONTH.fullmatch(prev) and before in MONTHS or prev == "of" and before in AGES):
        return True  # Resolution 2379, March 5, March 5, 2019, aged 54, the age of 54
    if NOT_QUANTITY_AFTER.match(text, num.end):
        return True
    if num.spelled and text[num.start:num.end].lower() == "one" and (
            PRONOUN_ONE_BEFORE.search(left) or PRONOUN_ONE_AFTER.match(text, num.end)
            or ONE_DAY_AFTER.match(text, num.end) and not DURATION_BEFORE.search(left)
            or text[num.start].isupper() and NAME_BEFORE.search(left) and LOWER_WORD_AFTER.match(text, num.end)):
        return True  # no one, one of, one day (some day), at one time, Air Force One flew
    return (not num.spelled and num.value == int(num.value) and num.value <= 120
            and NAME_COMMA_BEFORE.search(left) is not None and AGE_AFTER_COMMA.match(text, num.end) is not None)


def _year_like(text: str, num: Number) -> bool:
    s = text[num.start:num.end]
    return s.isdigit() and len(s) == 4 and 1800 <= num.value <= 2100


def _suffix_unit(text: str, pos: int, digits: bool) -> tuple[Unit, int] | None:
    """The unit written right after pos: '5 tons', '100km', '95%'."""
    m = SUFFIX_UNIT_RE.match(text, pos)
    if m:
        return _UNITS[(m.group(1).casefold(), "suffix")], m.end()
    m = ABBREV_UNIT_RE.match(text, pos) if digits else None
    return (_UNITS[(m.group(1), "abbrev")], m.end()) if m else None


def _titled_unit(text: str, num: Number) -> bool:
    """Digits before a Title-case unit word are a name (the show 60 Minutes), unless the whole
    phrase is in title case (a headline)."""
    m = SUFFIX_UNIT_RE.match(text, num.end)
    if m is None or num.spelled or not m.group(1).istitle() or len(m.group(1)) <= 3:
        return False
    prev = PREV_WORD.search(text, max(0, num.start - 30), num.start)
    return not (prev and prev.group(1).istitle())


def _item_after(text: str, pos: int) -> str | None:
    """What an amount measures: the noun phrase after 'of' (one ton of Captagon pills)."""
    span = _item_span(text, pos)
    return span[0] if span else None


def _item_span(text: str, pos: int) -> tuple[str, int] | None:
    """_item_after's noun phrase and where it ends."""
    of = OF_AFTER.match(text, pos)
    end = _noun_phrase_end(text, of.end()) if of else None
    return (text[of.end():end], end) if end else None


def _item_modified(text: str, pos: int) -> str | None:
    """The lower-case noun phrase an amount modifies: a $500 million arms package, a four-year term."""
    first = TOKEN.match(text, pos + 1) if text[pos:pos + 1] == " " else None
    if first is None or first.group().lower() in DETERMINERS:
        return None
    end = _noun_phrase_end(text, pos + 1)
    if end is None or not text[pos + 1:end].split()[-1][0].islower():
        return None  # the head noun is lower case: a 5,000-strong Syrian force, not $5 million Tuesday
    return text[pos + 1:end]


class QuantityExtractor:
    relation = "quantities"
    version = "0.3.1"

    def extract(self, article: ArticleText) -> list[Row]:
        text = article.text or ""
        return [q.row(text) for q in self.quantities(text)]

    def quantities(self, text: str) -> list[Quantity]:
        numbers = scan_numbers(text)
        sentences = _Sentences(text)
        out: list[Quantity] = []
        i, dropped_end = 0, -1
        while i < len(numbers):
            if out and numbers[i].start < out[-1].end:
                i += 1  # inside the last mention: mentions never overlap
                continue
            q, used = self._read(text, numbers, i, out, dropped_end, sentences)
            if q is not None:
                out.append(q)
            else:
                dropped_end = numbers[i + used - 1].end
            i += used
        return out

    def _read(self, text: str, numbers: list[Number], i: int, done: list[Quantity],
              dropped_end: int, sentences: _Sentences) -> tuple[Quantity | None, int]:
        """The quantity that starts at numbers[i], if any, and how many numbers it used;
        dropped_end is where the last number that was no quantity ended."""
        num = numbers[i]
        nxt = numbers[i + 1] if i + 1 < len(numbers) else None
        if _vote_tally(text, num, nxt, done):
            return Quantity(num.start, num.end, num.value, None, "vote", "=", None, None), 1
        if _excluded(text, num) or _titled_unit(text, num):
            join = OF_AFTER.match(text, num.end) or AGE_BEFORE.search(text, max(0, num.start - 12), num.start) \
                and RANGE_JOIN.match(text, num.end)
            return None, 2 if join and nxt is not None and nxt.start == join.end() else 1  # 2 of 8, ages 18 to 29
        unit, start = _currency_before(text, num)
        value, end = num.value, num.end
        code_scale = 1.0
        if unit is None and not num.spelled:
            sc = SCALED_CODE_BEFORE.search(text, max(0, num.start - 6), num.start)
            if sc:  # MEUR 120
                unit, start, code_scale = _UNITS[(sc.group(2), "prefix")], sc.start(), CODE_SCALE[sc.group(1)]
        if num.abbrev:  # $3.5m, 2bn, 1.3m documents; but 48m alone is 48 metres
            after = _suffix_unit(text, num.abbrev_end, True)
            word = TOKEN.match(text, SPACES.match(text, num.abbrev_end).end())
            if (unit or num.abbrev >= 1e9 or (after and after[0].currency)
                    or word is not None and word.start() > num.abbrev_end and is_plural(word.group())):
                value, end = value * num.abbrev, num.abbrev_end
        value, value_max, start, end, used = _range(text, num, nxt, start, end, value, unit)
        su = _suffix_unit(text, end, not num.spelled)
        if su is None and unit is None:
            sc = SCALED_CODE_AFTER.match(text, end)
            if sc:  # 30 MUSD, twenty MUSD
                su, code_scale = (_UNITS[(sc.group(2), "prefix")], sc.end()), CODE_SCALE[sc.group(1)]
        if code_scale != 1.0:
            value *= code_scale
            value_max = None if value_max is None else value_max * code_scale
        article = ARTICLE_AFTER.match(text, end) if su is None and num.fraction else None
        if article:
            su = _suffix_unit(text, article.end(), False)  # half an hour, a quarter of a mile
        adjectival = False
        if su and (unit is None or su[0] == unit):  # "$10 dollars" is one unit
            adjectival = text[end:end + 1] == "-"
            unit, end = su
            if unit.currency and value == num.value and not SCALE_WORD.search(text, num.start, num.end):
                sm = SCALE_AFTER_CURRENCY.match(text, end)
                if sm:  # 75 USD million
                    value, end = value * WORDS[sm.group(1).casefold()][0], sm.end()
                    value_max = None if value_max is None else value_max * WORDS[sm.group(1).casefold()][0]
            if (unit.currency or unit.name == "pound-mass") and value == num.value and value_max is None and used == 1:
                value, end, unit, used = _minor_part(text, num, nxt, value, end, unit)
        left = text[max(0, num.start - 40):num.start]
        item = None
        if unit is not None:
            if unit.name == "pound-mass" and SCALED.search(text, num.start, num.end):
                unit = _UNITS[("pounds sterling", "suffix")]  # 361 million pounds is money
            rate, span = PER_UNIT_RE.match(text, end), None
            if rate is None:  # the rate after the item: 2 million barrels of oil a day
                span = _item_span(text, end)
                rate = PER_UNIT_RE.match(text, span[1]) if span else None
            if rate:
                unit, end = unit.per(_UNITS[(rate.group(1).casefold(), "per")]), rate.end()
            if unit.kind == "time" and AGO_AFTER.match(text, end):
                return None, used  # two months ago is a point in time
            unit_name = unit.name
            if rate and span:
                item = span[0]
            else:
                item = _item_modified(text, end) if adjectival or unit.currency else None  # a four-year term
        elif num.fraction:
            if (ORDINAL_BEFORE.search(left)
                    or not (OF_AFTER.match(text, end) or BOUND_RE.search(left) or OTHER_BEFORE.search(left))):
                return None, used  # "the third quarter", "the second half of the year"
            unit_name = "fraction"
        elif _year_like(text, num):
            return None, used
        else:
            counted = _count(text, num, nxt, end, value_max is None, done, dropped_end, sentences)
            if counted is None:
                return None, used
            unit_name, end, item = counted
        item = _item_after(text, end) or item
        bound, start = _bound(text, start, end, done)
        return Quantity(start, end, value, value_max, unit_name, bound, item, unit), used


def _vote_tally(text: str, num: Number, nxt: Number | None, done: list[Quantity]) -> bool:
    """A side of a vote tally: 31-12 after 'vote was', 'voted', 'by a vote of', or before 'vote'.
    Written winner first; a counted noun after it makes it a range ('the votes of 3-4 members')."""
    if num.spelled or num.value != int(num.value) or num.abbrev:
        return False
    if done and done[-1].unit == "vote" and TALLY_JOIN.fullmatch(text, done[-1].end, num.start):
        return True  # the second side
    if (nxt is None or nxt.spelled or nxt.value != int(nxt.value) or nxt.value > num.value
            or _year_like(text, num) or TALLY_JOIN.fullmatch(text, num.end, nxt.start) is None
            or NOT_VOTE_AFTER.match(text, nxt.end) or NOT_QUANTITY_AFTER.match(text, nxt.end)):
        return False
    if VOTE_AFTER.match(text, nxt.end):
        return True
    return (VOTE_BEFORE.search(text, max(0, num.start - 30), num.start) is not None
            and _counted_noun(text, nxt.end, False) is None)


def _minor_part(text: str, num: Number, nxt: Number | None, value: float, end: int,
                unit: Unit) -> tuple[float, int, Unit, int]:
    """(value, end, unit, numbers used) of a whole amount with its minor part in hundredths after
    the currency: 3 dollars 50 cents, thirteen dollars and forty-five cents, 15 pounds 50 pence,
    'it costs 15 dollars 50.'; with no minor word the part must close the clause in two digits or words."""
    join = MINOR_JOIN.match(text, end)
    if (nxt is None or join is None or join.end() != nxt.start or value != int(value) or nxt.fraction or nxt.abbrev
            or nxt.value != int(nxt.value) or not 0 < nxt.value < 100):
        return value, end, unit, 1
    after = MINOR_AFTER.match(text, nxt.end)
    if after is None or not after.group(1) and not (nxt.spelled or nxt.end - nxt.start == 2):
        return value, end, unit, 1
    if unit.name == "pound-mass" and (after.group(1) or "").lower() == "pence":
        unit = _UNITS[("pounds sterling", "suffix")]  # 15 pounds 50 pence
    elif unit.factor != 1:
        return value, end, unit, 1  # 50 cents 20: no minor part of a minor unit
    return value + nxt.value / 100, after.end() if after.group(1) else nxt.end, unit, 2


def _currency_before(text: str, num: Number) -> tuple[Unit | None, int]:
    """A currency written before digits ($5, US$ 5, EUR 5) and where the mention then starts."""
    pm = None if num.spelled else PREFIX_UNIT_RE.search(text, max(0, num.start - 12), num.start)
    if pm is None:
        return None, num.start
    key = pm.group(1) or _unit_key(pm.group(2), "prefix")
    unit = _UNITS.get((key, "prefix"))
    if unit is None and key.endswith("$"):
        unit = _UNITS.get((key[:-1], "prefix"))  # a code before the sign: MXN$, AUD$
    written = pm.group(0)
    if unit is None:  # letters that are no currency ("as $5"): the plain dollar sign
        unit, written = _UNITS[("$", "prefix")], written[written.index("$"):]
    return unit, num.start - len(written)


def _range(text: str, num: Number, nxt: Number | None, start: int, end: int, value: float,
           unit: Unit | None) -> tuple[float, float | None, int, int, int]:
    """(value, value_max, start, end, numbers used) of a range: 10 to 15, 20,000-25,000, four or
    five, between 1,000 and 2,000; 'from 10 to 15' is a change, not a range. The lower end shares
    the upper end's multiplier: 1.5 to 2 billion, 80 to 100,000."""
    if nxt is None or num.fraction or nxt.fraction or FROM_BEFORE.search(text, max(0, start - 10), start):
        return value, None, start, end, 1
    between = BETWEEN_BEFORE.search(text, max(0, start - 40), start)
    join = (AND_JOIN if between else RANGE_JOIN).match(text, end)
    if (join is None or join.end() != nxt.start or nxt.value <= value
            or nxt.spelled != num.spelled and join.group().strip() not in ("to", "and")
            or _excluded(text, nxt, range_end=True)):
        return value, None, start, end, 1
    value_max, end = nxt.value, nxt.end
    if nxt.abbrev and unit:
        value_max, end = value_max * nxt.abbrev, nxt.abbrev_end
    scale = SCALE_WORD.search(text, nxt.start, end)
    if scale and not SCALE_WORD.search(text, num.start, num.end):
        word = scale.group().casefold()
        factor = WORDS[word][0] if word in WORDS else ABBREV[word]
        value = value * factor if value * factor <= value_max else value
    elif value < 1000 <= value_max and value == int(value) and value * 1000 <= value_max < value * 10000:
        value *= 1000  # 80 to 100,000 people
    return value, value_max, between.start() if between else start, end, 2


def _count(text: str, num: Number, nxt: Number | None, end: int, single: bool, done: list[Quantity],
           dropped_end: int, sentences: _Sentences) -> tuple[str, int, str | None] | None:
    """(counted noun, mention end, item) of a number with no measurement unit, or None."""
    if text[end:end + 1].isalpha():
        return None  # letters glued to digits make a label: 5G, 3D
    hw = HYPHEN_WORD.match(text, end)
    if hw:  # 12-man teams, 5,000-strong force: the word after the hyphen is the unit
        if num.value == 1 or hw.group(1).endswith(("ed", "ing")):
            return None  # one-upmanship, two-wheeled, three-pronged
        item = _item_modified(text, hw.end())
        unit = singular(hw.group(1))
        if unit == "strong":  # a 5,000-strong force: the unit is the noun counted, force (member alone)
            return (singular(item.split()[-1]) if item else "member"), hw.end(), item
        if item and singular(item.split()[-1]) in KIND_NOUNS:
            return None  # six-party talks, a two-state solution name a kind; a 12-man team counts men
        return unit, hw.end(), item
    noun = _counted_noun(text, end, num.value == 1 and single)
    of = OF_AFTER.match(text, end)
    if noun is None and of and num.value != 1:
        noun = _partitive(text, of.end(), nxt)
        if noun is not None:  # "12 of the city's 40 schools": the mention "12" stays apart from "40 schools"
            return noun.unit, end, None
    if noun is not None:
        return noun.unit, noun.end, noun.item
    if num.spelled and num.value == 1 or _bare_label(text, num, dropped_end):
        return None
    unit = _inherited(text, num, done, sentences)
    return (unit, end, None) if unit else None


def _bound(text: str, start: int, end: int, done: list[Quantity]) -> tuple[str, int]:
    """The bound of a mention and where it then starts: 'more than 90 people' is '>'."""
    bm = BOUND_RE.search(text, max(0, start - 40), start)
    if bm:
        return BOUNDS[bm.group(1).casefold()], bm.start()
    if OR_MORE_AFTER.match(text, end):
        return ">", start
    if done and text[max(0, start - 2):start].rstrip().endswith("(") and start - done[-1].end < 6:
        return done[-1].bound, start  # a converted figure shares the bound: about 110 km (70 miles)
    return "=", start


def _partitive(text: str, pos: int, nxt: Number | None) -> Noun | None:
    """Counted noun of 'N of the [M] nouns', skipping determiners, possessives and the second number."""
    for _ in range(3):  # the, the army's, all the
        m = TOKEN.match(text, pos)
        if not m or not (m.group().lower() in DETERMINERS or m.group().endswith(("'s", "’s"))):
            break
        pos = SPACES.match(text, m.end()).end()
    if nxt is not None and nxt.start == pos:
        pos = SPACES.match(text, nxt.end).end()
    return _counted_noun(text, pos, False)


def _bare_label(text: str, num: Number, dropped_end: int) -> bool:
    """A number without a noun that is no count either: a list item '1)', a tally '227-205', a name
    'Boeing 737', a rate '223,000 a month', or the next in a list of non-quantities 'aged 23, 26'."""
    before = text[max(0, num.start - 30):num.start]
    return bool(BARE_LABEL_AFTER.match(text, num.end) or NAME_BEFORE.search(before)
                or dropped_end >= 0 and LIST_JOIN.fullmatch(text, dropped_end, num.start))


def _inherited(text: str, num: Number, done: list[Quantity], sentences: _Sentences) -> str | None:
    """Unit of a bare number from the nearest plural noun after an earlier count in its sentence:
    the count's own noun or one after a determiner ('killed six people and wounded 40', 'a smaller
    number of troops than 300,000'; 'Another 150' also looks at the sentence before). A casualty
    word makes a count of people ('seven dead') when that noun is not one."""
    back = 2 if OTHER_BEFORE.search(text, max(0, num.start - 20), num.start) else 1
    sent_start = sentences.start(num.start, back, max(0, num.start - 400))
    prev = None
    for q in reversed(done):  # only this sentence: a long run of other quantities stays linear
        if q.start < sent_start or q.count:
            prev = q if q.start >= sent_start else None
            break
    unit = None
    if prev is not None:
        toks = list(TOKEN.finditer(text, prev.start, num.start))
        plural = [w for k, w in enumerate(toks) if is_plural(w.group()) and w.group().lower() != "times"
                  and (w.end() <= prev.end or k and toks[k - 1].group().lower() in DETERMINERS | {"of"})]
        if plural:
            unit = singular(plural[-1].group())
        elif num.start - prev.end < 60 and COORDINATED.search(text, prev.end, num.start):
            unit = prev.unit  # killed one soldier and wounded six others
    after = TOKEN.match(text, AUXILIARY.match(text, num.end).end())
    if (after and after.group().lower() in CASUALTY or TOLL_BEFORE.search(text, max(0, num.start - 40), num.start)
            or CASUALTY_BEFORE.search(text, max(0, num.start - 40), num.start)) and unit not in PERSON_NOUNS:
        return "person"  # seven dead, killed nearly 3,000, the death toll rose to 56
    return unit
