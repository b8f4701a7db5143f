"""Speaker mentions: what a source phrase is, and who it finally refers to.

A claim's source is written as a pronoun (*he*), a surname (*Numan*), a titled name
(*Defence ministry spokesman Ari Stone*), an organisation (*the Kurdistan Region's anti-narcotics
department*) or a description (*a senior Iraqi army official*). `find_source` picks the source
phrase out of the words before a reporting verb (past appositions and relative clauses),
`parse_mention` classifies it, and `SpeakerResolver` walks an article's claims in order and maps
each mention to an entity, so that pronouns, surnames and descriptions end up under the fullest
name the article gives.
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from flows.extract.numbers import read_lexicon

_DIR = Path(__file__).parent / "lexicons" / "claims"


def _lines(name: str) -> list[str]:
    text = (_DIR / name).read_text(encoding="utf-8")
    return [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]


TITLE_ROLE: dict[str, str | None] = {}
for _row in _lines("titles.txt"):
    _title, _, _role = _row.partition("|")
    for _form in (_title, _title.rstrip(".")):  # "Gen." is also written "Gen" (British style)
        TITLE_ROLE.setdefault(_form, _role or (_title.lower() if _title.isalpha() else None))
TITLES = frozenset(TITLE_ROLE)
ORG_CUES = frozenset(_lines("org_cues.txt"))
ROLE_SINGULAR: dict[str, str] = {}
ROLE_PLURAL: dict[str, str] = {}
for _row in _lines("roles.txt"):
    _sg, _pl = _row.split("|")
    ROLE_SINGULAR[_sg], ROLE_PLURAL[_pl] = _sg, _sg
PRONOUNS = {r[0]: r[1] for r in csv.reader(_lines("pronouns.csv"))}

_TOKEN = re.compile(r"[“\"]?[\w][\w.'’-]*[”\"]?|[“\"][^”\"]{1,20}[”\"]")
_WORDS: dict[str, set[str]] = {}
for _word, _cls in csv.reader(_lines("function_words.csv")):
    _WORDS.setdefault(_cls, set()).add(_word)
_NAME_PARTICLES = frozenset(_WORDS["particle"])
_DETERMINERS = frozenset(_WORDS["determiner"])
_PREPOSITIONS = frozenset(_WORDS["nonstart"])
_FUNCTION_WORDS = _DETERMINERS | _PREPOSITIONS | _WORDS["not_name"]
_CLAUSE_TOKENS = frozenset(_WORDS["clause"])
_ADJ_ED = frozenset(_WORDS["adjective_ed"])
ORG_HEADS = frozenset(_lines("org_heads.txt"))
_AGENT_NOUN = re.compile(r"(?:er|or|ist|ian|ant|ent)$")
_LEAD_CONJ = re.compile(r"^(?:(?:and|but|or|so|yet|then)\s+)+", re.IGNORECASE)
_FRAME_ADVERBS = "|".join(sorted(map(re.escape, _lines("frame_adverbs.txt")), key=len, reverse=True))
# The shape of the words before a reporting verb: chunks at commas and dashes, appositions,
# relative clauses, introductory phrases, clause words after which a new subject starts.
CHUNK_SPLIT = re.compile(r",\s+|\s+[—–-]\s+|\s+--\s+")
# Month and weekday names from the time-expression lexicon (its abbreviations, "Jan.", left out).
_TIME_WORDS = read_lexicon("time_words.csv")
MONTHS = "|".join(r["word"] for r in _TIME_WORDS if r["kind"] == "month" and r["word"].isalpha())
DAYS = "|".join(r["word"] for r in _TIME_WORDS if r["kind"] == "weekday" and r["word"].isalpha())
_NOT_A_NAME = rf"{DAYS}|Today|Yesterday"
_CALENDAR = re.compile(rf"(?:{_NOT_A_NAME}|{MONTHS})")
_DAY = re.compile(rf"(?:{_NOT_A_NAME})")
# a date that opens the clause: "In March the council said", "On 5 May 2019 officials said"
_LEADING_DATE = (rf"(?:in|on|since|by|until)\s+(?:(?:early|late|mid)[\s-]+)?(?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?"
                 rf"(?:{MONTHS}|{_NOT_A_NAME}|\d{{4}})(?![’'])(?:\s+\d{{1,2}}(?:st|nd|rd|th)?)?(?:,?\s+\d{{4}})?")
_LEADING = re.compile(rf"(?:\s*(?:{_LEADING_DATE}|and|but|so|yet|or|meanwhile|however|still|instead|now|elsewhere|"
                      rf"moreover|indeed|while|although|though|as|when|since|because|if|{_FRAME_ADVERBS})\b,?)+\s*",
                      re.IGNORECASE)
_CLAUSE_WORD = re.compile(r"(?<!\w)(?:as|while|when|whereas|after|before|because|(?<!in )(?<!of )(?<!at )that|which|whom|since|although|though|if|but|where|"
                          r"so|and then|until|once)\s+")
# a party and state tag after a lawmaker's name: "Sen. Mike Lee, R-Utah, said", "Schumer, D-N.Y., said"
_PARTY_TAG = r"\s*[DRI]-[A-Z][A-Za-z.]{0,14}(?:\s[A-Z][a-z.]{1,12})?,?\s*$"
# a dateline: a place in capitals, maybe its region, maybe the agency, then a dash; or the agency
# alone in parentheses ("(CNN) Joe Biden said")
_DATELINE = re.compile(r"\s*[A-Z][A-Z.'’-]{2,}(?:\s[A-Z][A-Z.'’-]+){0,3}(?:,\s[A-Z][\w.'’-]*(?:\s[\w.'’-]+){0,4}?)?"
                       r"(?:\s*\([A-Z][^()]{0,30}\))?(?:\s*[—–]|\s+--?)\s*(?=\S)"
                       r"|\s*\([A-Z][\w.&'’ -]{0,24}\)(?:\s*[—–]|\s+--?)?\s+(?=[A-Z])")
_APPOSITIVE = re.compile(rf"\s*(?:who|which|whose|[a-z]|\d)|{_PARTY_TAG}")
_PRONOUN = re.compile(r"(?:he|she|it|they)")
_NAME_TAIL = re.compile(r"(?<!\S)(?:[A-Z][\w.'’-]*\s+(?:(?:of|the|al-\w+)\s+)*)*[A-Z][\w.'’-]*$")
INTRODUCTORY = re.compile(r"\s*(?:[A-Z][a-z]*ing\b|(?:In|On|At|With|After|Before|During|Since|Despite|Amid|Under|For|From|"
                        r"As|While|When|Although|Though|Because|By|Following|Last|This|Earlier|Later|Meanwhile|However|"
                        r"Still|Elsewhere|Also|Then|Now|Yet|But|And)\b)")
_ACRONYM = re.compile(r"[A-Z]{2,6}")
# Whole-text patterns match their first capital before they test the word boundary in front of it
# (a lookbehind): the engine scans fast for a leading character class, but tries a leading \b at
# every position.
_CAPITALISED_RUN = re.compile(r"[A-Z](?<!\w[A-Z])[a-z][\w'’-]*(?:\s+(?:of|the|and|for)?\s*[A-Z][a-z][\w'’-]*){1,5}")
_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
_PAREN_TAIL = re.compile(r"\s*\([^()]*\)$")
_CONJUNCTION = re.compile(r"\s(?:and|but|or)\s+")
_VERBISH = re.compile(r"\s(?:is|are|was|were|has|have|had|will|would|been|[a-z]+ed)\b")
_OF = frozenset({"of", "for", "to", "at", "in", "from", "with", "on"})
# Capitalised sequences of two or more words: candidate full names anywhere in the article.
# (a name may wrap onto the next line, but a blank line ends it: "Getty Images" of a caption is no
# part of the name that opens the next paragraph)
_FULL_NAME = re.compile(r"[A-Z](?<!\w[A-Z])[\w'’-]+"
                        r"(?:(?:[^\S\n]+|[^\S\n]*\n[^\S\n]*)(?:(?:al|bin|ibn|abu|el|de|van|von)[- ])?"
                        r"(?:[A-Z]\.|[A-Z][\w'’-]+)){1,3}"
                        r"(?:\s+[JS]r\b)?(?:(?<=\s[JS]r)\.)?")  # and a generational suffix: "Jr."


def _is_cap(tok: str) -> bool:
    t = tok.lstrip("“\"")
    return bool(t) and (t[0].isupper() or t.split("-")[0].lower() in _NAME_PARTICLES)


@lru_cache(maxsize=8192)  # asked for every person entity at every person mention
def _surname(name: str) -> str:
    """Comparable last name: *al-Numan*, *Numan* -> numan. A generational suffix stays, so that
    *Carl Ames Jr.* (ames jr) is not his father *Carl Ames* (ames)."""
    words, suffix = name.split(), ""
    while len(words) > 1 and words[-1].rstrip(".,").lower() in _SUFFIXES:
        suffix = " " + words.pop().rstrip(".,").lower() + suffix
    return re.sub(r"^(?:al|el|bin|ibn|abu)-", "", words[-1].lower()) + suffix


@lru_cache(maxsize=8192)  # an article writes its names again and again
def _full_name(found: str) -> str | None:
    """The name in a capitalised sequence (`_FULL_NAME`) without the words before it that are no
    name; None when fewer than two name words remain."""
    toks = found.split()
    for k in range(len(toks) - 1, -1, -1):  # "PHOTOS SHOW While Hamid", "State Dana Whitfield"
        t = toks[k]
        if (t.lower() in _FUNCTION_WORDS or len(t) > 3 and t.isupper() or t in ORG_CUES or t in TITLES
                or _role_head(t)):
            toks = toks[k + 1:]
            break
    # a date before the name ("On Wednesday Donald Trump said"); a month only before two name
    # words, since April, May and June are also names ("April Ryan", "Theresa May")
    if toks and (_DAY.fullmatch(toks[0]) or len(toks) > 2 and _CALENDAR.fullmatch(toks[0])):
        toks = toks[1:]
    if len(toks) - sum(t.rstrip(".,").lower() in _SUFFIXES for t in toks) < 2:
        return None
    return " ".join(toks)


def _contains(words: list[str], part: list[str]) -> bool:
    """Is `part` a run of consecutive words in `words`?"""
    n = len(part)
    return any(words[i:i + n] == part for i in range(len(words) - n + 1))


def _strip_the(s: str) -> str:
    return s[4:] if s[:4].lower() == "the " else s


@dataclass(slots=True)
class Mention:
    text: str  # the words used
    kind: str  # pronoun | person | org | description | group
    name: str  # canonical candidate: name, organisation, or the description as written
    role: str | None = None
    head: str | None = None  # role noun of a description (singular form)

    def copy(self) -> Mention:
        """A copy to hand out of a cache: callers complete a mention (its role, an acronym's name)."""
        return Mention(self.text, self.kind, self.name, self.role, self.head)


def parse_mention(phrase: str, apposition: str | None = None) -> Mention | None:
    """Classify a source phrase; None when it does not look like a source at all."""
    m = _classify(phrase, apposition)
    return None if m is None else m.copy()


@lru_cache(maxsize=8192)  # the same sources recur (he, Trump, the ministry), and each phrase is tried more than once
def _classify(phrase: str, apposition: str | None) -> Mention | None:
    phrase = phrase.strip(" ,;:—–-")
    if not phrase:
        return None
    low = phrase.lower()
    if low in PRONOUNS:
        if PRONOUNS[low] == "self":  # "said one", "others said"
            return Mention(phrase, "group" if low.endswith("s") or low in ("many", "both", "some") else "description", phrase)
        return Mention(phrase, "pronoun", low, head=PRONOUNS[low])
    phrase = _LEAD_CONJ.sub("", phrase)
    toks = _TOKEN.findall(phrase)
    if not toks or len(toks) > 14 or toks[0].lower() in _PREPOSITIONS:
        return None
    if toks[0].endswith("ing") and (toks[0].islower() or len(toks) > 1 and toks[1].lower() in _FUNCTION_WORDS):
        return None  # a participial phrase: "Speaking to reporters", "sending thousands fleeing"
    if sum(len(t) > 3 and t.isupper() for t in toks) >= 2:  # a headline in capitals
        return None
    if any((t in _CLAUSE_TOKENS and not (t == "that" and i and toks[i - 1] in _OF))
           or (t.endswith("ed") and t.islower() and t not in _ADJ_ED) for i, t in enumerate(toks)):
        return None  # a clause, not a noun phrase ("that" after a preposition is a determiner)
    role = apposition.strip(" ,") if apposition else None
    # trailing run of capitalised tokens (the name part)
    i = len(toks)
    while i > 0 and _is_cap(toks[i - 1]):
        i -= 1
    run, before = toks[i:], toks[:i]
    if run and all(_CALENDAR.fullmatch(t) for t in run):
        return None
    while len(run) > 1 and run[0].lower() in _FUNCTION_WORDS:  # "Earlier Hamid"
        before, run = before + run[:1], run[1:]
    # the office's last capitalised word (a cue, a title, or else the run's first word: a place)
    cue = max((k for k, t in enumerate(run) if t in ORG_CUES or t in TITLES), default=0 if len(run) >= 3 else -1)
    if (run and before and before[-1].lower() in _OF and len(run) - cue - 1 >= 2
            and any(_role_head(t) or t in TITLES for t in before)):
        # "Secretary of State Dana Whitfield": an office, then the name of who holds it
        name = phrase[phrase.rfind(run[cue + 1]):]
        return Mention(phrase, "person", _PAREN_TAIL.sub("", name) or name, role or phrase[:-len(name)].strip(),
                       next((_role_head(t) for t in reversed(before) if _role_head(t)), None))
    if run and any(t.lower() in _OF for t in before) and any(_role_head(t) for t in before):
        run, before = [], toks  # "a spokesman for the Water Board": a description
    elif run and before and before[-1].lower() in _OF:
        run, before = [], toks  # "the chairman of the Budget ... Committee"
    if not run:
        return _description(phrase, toks, role)
    if len(run) == 1 and run[0].isupper() and all(t.lower() in _DETERMINERS for t in before):
        return Mention(phrase, "org", _strip_the(phrase), role)  # an acronym: CENTCOM, the AFP
    if any(t.lower() in _DETERMINERS for t in before) and not any(
            _role_head(t) or t in TITLES for t in before) and not any(t in ORG_CUES for t in run):
        # "some Kurdish fighters", "its Foreign Ministry": as written
        return Mention(phrase, "org" if any(t in ORG_CUES for t in toks) else "group", _strip_the(phrase), role)
    if all(t.lower() in _FUNCTION_WORDS or t.endswith("ing") for t in run):
        return None  # "The", "Speaking", "And"
    if _role_head(run[-1]) and len(run) > 1 or any(t.lower() in _DETERMINERS for t in before) and _role_head(run[-1]):
        return _description(phrase, toks, role)  # "another senior Army Commander", "the Maine Independent"
    # the name starts after the last title in the run ("Rudaw Gen. Aso Kareem", "Prime Minister X")
    j = max((i + 1 for i, t in enumerate(run[:-1]) if t in TITLES), default=0)
    titled = j > 0 or any(_role_head(t) for t in before)
    name_toks = run[j:]
    if not titled and (any(t in ORG_CUES for t in run) or low.startswith("the ")):
        return Mention(phrase, "org", _strip_the(phrase), role)
    start = phrase.rfind(name_toks[0])
    name = phrase[start:] if start >= 0 else " ".join(name_toks)
    name = _PAREN_TAIL.sub("", name) or name  # "Dana Kerr (R-Ohio)"
    pre = phrase[:start].strip() if start > 0 else ""
    m = Mention(phrase, "person", name, role or pre or None)
    m.head = next((TITLE_ROLE.get(t) for t in reversed(run[:j]) if TITLE_ROLE.get(t)), None) or next(
        (_role_head(t) for t in reversed(before) if _role_head(t)), None)
    return m


def _role_head(tok: str) -> str | None:
    t = tok.lower()
    return ROLE_SINGULAR.get(t) or ROLE_PLURAL.get(t)


def _description(phrase: str, toks: list[str], role: str | None) -> Mention | None:
    """An unnamed source: *a senior official*, *witnesses*, *the interior ministry*."""
    head_tok = next((t.lower() for t in reversed(toks) if _role_head(t)), None)
    if head_tok is None:
        last = toks[-1].lower()
        determined = toks[0].lower() in _DETERMINERS or len(toks) > 1 and toks[0].endswith(("'s", "’s"))
        if not ((last.endswith("s") and not last.endswith("ss") and len(last) > 3) or last in ORG_HEADS
                or determined and toks[-1].isalpha() and toks[-1].islower() and _AGENT_NOUN.search(last)):
            return None  # a source needs a role, a plural, an organisation or an agent noun (the announcer)
        head_tok = last
    plural = head_tok in ROLE_PLURAL or (head_tok not in ROLE_SINGULAR and head_tok.endswith("s"))
    kind = "group" if plural else "description"
    if head_tok in ORG_HEADS or (not _role_head(head_tok) and any(t in ORG_CUES for t in toks)):
        kind = "org"
    return Mention(phrase, kind, _strip_the(phrase), role, _role_head(head_tok))


@dataclass(slots=True, eq=False)
class Entity:
    name: str
    kind: str  # person | org | description | group
    role: str | None = None
    head: str | None = None  # role noun: "official", "general", "president"
    sentence: int = 0
    same_as: "Entity | None" = None

    def final(self) -> "Entity":
        e = self
        while e.same_as is not None:
            e = e.same_as
        return e


_SUBJECT = re.compile(r"(?:[^,“\"]{0,40},\s+)?((?:[A-Z][\w.'’-]*|al-\w+|of|the)(?:\s+(?:[A-Z][\w.'’-]*|al-\w+|of|the))*)")


class SpeakerResolver:
    """Maps the mentions of one article, in reading order, to entities."""

    def __init__(self, text: str):
        self.text = text
        self.entities: list[Entity] = []
        self._names: dict[str, str] | None = None
        self._acronyms: dict[str, str] | None = None

    def resolve(self, m: Mention, sentence: int, pos: int, previous: str = "") -> Entity:
        """Entity for mention m at char pos; `previous` is the sentence before (for pronouns)."""
        e = self._find(m, sentence, pos, previous)
        self.entities.remove(e)  # most recently mentioned last: pronouns look from the end
        self.entities.append(e)
        return e

    def _find(self, m: Mention, sentence: int, pos: int, previous: str) -> Entity:
        if m.kind == "pronoun":
            return self._pronoun(m, sentence, pos, previous)
        if m.kind == "person":
            return self._person(m, sentence)
        if m.kind == "description" and m.text[:4].lower() == "the " and m.head:
            found = self._definite(m, sentence, pos)
            if found is not None:
                return found
        if m.kind == "org" and _ACRONYM.fullmatch(m.name):  # "AP" is the "Associated Press" named earlier
            m.name = self._expansions().get(m.name, m.name)
        key = _strip_the(m.name).lower()
        words = key.split()
        for e in reversed(self.entities):  # same name, or a shorter way of writing an organisation
            if e.kind == m.kind and (e.name.lower() == key or m.kind == "org" and _contains(e.name.lower().split(), words)):
                return e
        return self._add(Entity(_strip_the(m.name), m.kind, m.role, m.head, sentence))

    def _pronoun(self, m: Mention, sentence: int, pos: int, previous: str) -> Entity:
        """he/she: the previous sentence's named subject, else the last person speaker;
        it/they: the previous sentence's organisation subject, else the last organisation."""
        subj = self._previous_subject(previous)
        if subj is not None and ((m.head == "person" and subj.kind == "person") or
                                 (m.head != "person" and subj.kind in ("org", "group"))):
            return self._find(subj, sentence, pos, "")
        kinds = {"person": ("person", "description"), "org": ("org",), "plural": ("group", "org")}[m.head]
        for e in reversed(self.entities):
            if e.kind in kinds:
                return e
        return self._add(Entity(m.text, "description", sentence=sentence))

    def _previous_subject(self, previous: str) -> Mention | None:
        """The capitalised subject that opens the previous sentence, when it is clearly a name
        (several words, or a surname the article spells out in full somewhere)."""
        sm = _SUBJECT.match(previous) if previous else None
        if not sm or "qqq" in sm.group(1):
            return None
        subj = parse_mention(sm.group(1))
        if subj is None or subj.kind == "pronoun":
            return None
        if subj.kind == "person" and " " not in subj.name.strip() and not (
                subj.role or _surname(subj.name) in self._full_names() or
                any(e.kind == "person" and _surname(e.name) == _surname(subj.name) for e in self.entities)):
            return None
        return subj

    def _person(self, m: Mention, sentence: int) -> Entity:
        last = _surname(m.name)
        people = [(e, _surname(e.name)) for e in reversed(self.entities) if e.kind == "person"]
        # a bare surname that the article writes in full, or names as a speaker, only with a suffix
        if last in self._full_names():
            last = _surname(self._full_names()[last])
        elif " " not in last and all(k != last for _, k in people):
            last = next((k for _, k in people if k.split()[0] == last), last)
        for e, key in people:  # same surname, unless both give different first names
            if key == last and (
                    " " not in m.name or " " not in e.name or m.name.split()[0] == e.name.split()[0]):
                if len(m.name) > len(e.name):
                    e.name = m.name
                e.role, e.head = e.role or m.role, e.head or m.head
                return e
        full = self._full_names().get(last, m.name)
        e = Entity(full if len(full) > len(m.name) else m.name, "person", m.role, m.head, sentence)
        self._adopt_description(e, sentence)
        return self._add(e)

    def _definite(self, m: Mention, sentence: int, pos: int) -> Entity | None:
        """*the official*, *the general*, *the president*: an earlier source with that role,
        else a name the article titles that way (*President Karimi*)."""
        for e in reversed(self.entities):
            f = e.final()
            if f.kind in ("person", "description") and f.head == m.head:
                return e
        title = m.head.capitalize()
        abbrev = [t for t, r in TITLE_ROLE.items() if r == m.head and t != title]
        pat = "|".join(re.escape(t) for t in [title] + abbrev)
        titled = [tm.group(1) for tm in re.finditer(
            rf"\b(?:{pat})\s+((?:[A-Z][\w'’-]+|[A-Z]\.)(?:\s+(?:(?:al|bin|ibn|abu|el|de|van|von)[- ])?[A-Z][\w'’-]+)*)",
            self.text[:pos])]
        if titled:  # the most talked-about of them: *the president* is the host, not a visiting president
            name = max(reversed(titled), key=lambda n: self.text.count(n.split()[-1]))
            return self._person(Mention(name, "person", name, head=m.head), sentence)
        return None

    def _expansions(self) -> dict[str, str]:
        """Acronym -> the capitalised name whose initials it spells (built on first need)."""
        if self._acronyms is None:
            self._acronyms = {}
            for m in _CAPITALISED_RUN.finditer(self.text):
                name = _strip_the(m.group())
                words = [w for w in name.split() if w not in ("of", "the", "and", "for")]
                if 2 <= len(words) <= 6:
                    self._acronyms.setdefault("".join(w[0] for w in words), name)
        return self._acronyms

    def _full_names(self) -> dict[str, str]:
        """Surname -> the full name the article uses most for it (built on first need)."""
        if self._names is None:
            counts: dict[str, dict[str, int]] = {}
            for m in _FULL_NAME.finditer(self.text):
                full = _full_name(m.group())
                if full is not None:
                    c = counts.setdefault(_surname(full), {})
                    c[full] = c.get(full, 0) + 1
            # a name also counts the shorter names it ends with ("Ana Lucia Ortega" <- "Lucia Ortega");
            # on a tie the one written first (a dict keeps insertion order; max keeps the first)
            self._names = {last: max(c, key=lambda n: sum(v for o, v in c.items() if n.endswith(o)))
                           for last, c in counts.items()}
            for last, name in list(self._names.items()):  # "Ames" is "Carl Ames Jr." when no other Ames
                self._names.setdefault(last.split()[0], name)
        return self._names

    def _adopt_description(self, person: Entity, sentence: int) -> None:
        """A named person introduced with a role right after an unnamed singular description
        (*a senior official said … Sabah al-Numan, spokesman for …, noted*) is that person."""
        if not (person.role or person.head) or not self.entities:
            return
        prev = self.entities[-1]
        if prev.kind == "description" and prev.same_as is None and prev.head and sentence - prev.sentence <= 3:
            prev.same_as = person

    def _add(self, e: Entity) -> Entity:
        self.entities.append(e)
        return e


def find_source(subj: str) -> tuple[Mention, int] | None:
    """The source phrase at the end of `subj` (text before a verb) and its offset in subj.

    Chunks are split at commas and dashes; a trailing apposition or relative clause
    (*Sabah al-Numan, spokesman for …,*) is skipped back to the name it describes. A dateline
    that opens the clause (*WASHINGTON (Reuters) -*, *BAGHDAD, Iraq —*) is no part of it."""
    dateline = _DATELINE.match(subj)
    cut = dateline.end() if dateline else 0
    found = _find_source(subj[cut:])
    return None if found is None else (found[0].copy(), cut + found[1])


@lru_cache(maxsize=4096)  # a third of the subjects recur ("He", "Trump", "The ministry")
def _find_source(subj: str) -> tuple[Mention, int] | None:
    chunks, b = [], 0
    for sep in CHUNK_SPLIT.finditer(subj):
        chunks.append((b, subj[b:sep.start()]))
        b = sep.end()
    chunks.append((b, subj[b:]))
    k = len(chunks) - 1
    while k > 0 and not _PRONOUN.fullmatch(chunks[k][1].strip()) and (
            _APPOSITIVE.match(chunks[k][1]) or _is_description(chunks[k][1])):
        b, c = chunks[k - 1]
        if INTRODUCTORY.match(c) or k == len(chunks) - 1 and re.fullmatch(r"\s*(?:who|which)(?:\s+\S+){1,3}\s*",
                                                                          chunks[k][1]):
            break  # "…, which sources say …": the relative clause has its own source
        if k > 1 and re.match(_PARTY_TAG, c):  # "Sen. Mike Lee, R-Utah, a member of …, said"
            k -= 1
            continue
        m = source_in(c, tail=False)
        # a named antecedent takes the apposition; an unnamed one only when the last chunk is no
        # source on its own ("Local farmers, who lost …, said" but "…, experts said")
        if m is not None and (m[0].kind in ("person", "org") or m[0].kind != "pronoun" and _APPOSITIVE.match(
                chunks[k][1]) and (k < len(chunks) - 1 or source_in(chunks[k][1], tail=False) is None)):
            appos = chunks[k][1].strip(" ,")
            m[0].role = None if re.match(rf"(?:who|which|whose)\b|{_PARTY_TAG}", appos) else (m[0].role or appos)
            return m[0], b + m[1]
        if _VERBISH.search(c):
            break  # a clause, not one more apposition: "…, had been travelling, the official said"
        k -= 1
    b, c = chunks[-1]
    m = source_in(c)
    return None if m is None else (m[0], b + m[1])


def _is_description(chunk: str) -> bool:
    """A chunk like *Ohio Democrat* that describes the name before it."""
    m = parse_mention(chunk)
    return m is not None and m.kind in ("description", "group")


def source_in(chunk: str, tail: bool = True) -> tuple[Mention, int] | None:
    """parse_mention on the chunk after its last clause word (*as*, *while*, *that*); with
    `tail`, else the name that ends the chunk."""
    cut = 0
    for m in _CLAUSE_WORD.finditer(chunk):
        cut = m.end()
    lead = _LEADING.match(chunk, cut)
    if lead:
        cut = lead.end()
    mention = parse_mention(chunk[cut:])
    if mention is None:  # "… is unclear and many engineers": the subject of the second clause
        conj = None
        for conj in _CONJUNCTION.finditer(chunk, cut):
            pass
        if conj and _VERBISH.search(chunk, cut, conj.start()):
            mention = parse_mention(chunk[conj.end():])
            cut = conj.end() if mention else cut
    if mention is None and tail:  # "The radio reported Water Minister Hana Saleh", "In an interview Saleh"
        found = _NAME_TAIL.search(chunk, cut)
        mention = parse_mention(found.group()) if found else None
        if mention is None or mention.kind != "person" or not (
                mention.role or " " in mention.name or chunk.lstrip().split(" ", 1)[0].lower() in _PREPOSITIONS):
            return None
        cut = found.start()
    return None if mention is None else (mention, cut)
