"""Speaker mentions: what a source phrase is, and who it finally refers to.

A claim's source is written as a pronoun (*he*), a surname (*Numan*), a titled name
(*Pentagon spokesman Peter Cook*), an organisation (*the Kurdistan Region's anti-narcotics
department*) or a description (*a senior Iraqi army official*). `parse_mention` classifies the
phrase; `SpeakerResolver` walks an article's claims in order and maps each mention to an entity,
so that pronouns, surnames and descriptions end up under the fullest name the article gives.
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from pathlib import Path

_DIR = Path(__file__).parent / "lexicons" / "claims"


def _lines(name: str) -> list[str]:
    text = (_DIR / name).read_text(encoding="utf-8")
    return [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]


TITLES = frozenset(_lines("titles.txt"))
ORG_CUES = frozenset(_lines("org_cues.txt"))
ROLE_SINGULAR: dict[str, str] = {}
ROLE_PLURAL: dict[str, str] = {}
for _row in _lines("roles.txt"):
    _sg, _pl = _row.split("|")
    ROLE_SINGULAR[_sg], ROLE_PLURAL[_pl] = _sg, _sg
PRONOUNS = {r[0]: r[1] for r in csv.reader(_lines("pronouns.csv"))}

_TOKEN = re.compile(r"[“\"]?[\w][\w.'’-]*[”\"]?|[“\"][^”\"]{1,20}[”\"]")
_NAME_PARTICLES = frozenset({"al", "al-", "bin", "ibn", "abu", "el", "de", "da", "van", "von", "der", "la", "le",
                             "du", "bint", "abd"})
_DETERMINERS = frozenset({"a", "an", "the", "one", "two", "three", "some", "several", "many", "other", "another",
                          "both", "most", "few", "his", "her", "its", "their", "our"})
_OF = frozenset({"of", "for", "to", "at", "in", "from", "with", "on"})
# Capitalised sequences of two or more words: candidate full names anywhere in the article.
_FULL_NAME = re.compile(r"\b[A-Z][\w'’-]+(?:\s+(?:(?:al|bin|ibn|abu|el|de|van|von)[- ])?[A-Z][\w'’.-]*){1,3}")


def _is_cap(tok: str) -> bool:
    t = tok.lstrip("“\"")
    return bool(t) and (t[0].isupper() or t.split("-")[0].lower() in _NAME_PARTICLES)


def _surname(name: str) -> str:
    """Comparable last name: *al-Numan*, *Numan* -> numan."""
    last = name.split()[-1].lower()
    return re.sub(r"^(?:al|el|bin|ibn|abu)-", "", last)


def _strip_the(s: str) -> str:
    return s[4:] if s[:4].lower() == "the " else s


@dataclass(slots=True)
class Mention:
    text: str  # the words used
    kind: str  # pronoun | person | org | description | group
    name: str  # canonical candidate: name, organisation, or the description as written
    role: str | None = None
    head: str | None = None  # role noun of a description (singular form)


def parse_mention(phrase: str, apposition: str | None = None) -> Mention | None:
    """Classify a source phrase; None when it does not look like a source at all."""
    phrase = phrase.strip(" ,;:—–-")
    if not phrase:
        return None
    low = phrase.lower()
    if low in PRONOUNS:
        kind = PRONOUNS[low]
        return Mention(phrase, "pronoun", low, head=kind)
    toks = _TOKEN.findall(phrase)
    if not toks or len(toks) > 14:
        return None
    role = apposition.strip(" ,") if apposition else None
    # trailing run of capitalised tokens (the name part)
    i = len(toks)
    while i > 0 and _is_cap(toks[i - 1]):
        i -= 1
    run, before = toks[i:], toks[:i]
    if run and before and before[-1].lower() in _OF:
        run, before = [], toks  # "the chairman of the House ... Committee": a description
    if not run:
        head_tok = next((t.lower() for t in reversed(toks) if t.lower() in ROLE_SINGULAR or t.lower() in ROLE_PLURAL), None)
        if head_tok is None:
            last = toks[-1].lower()
            if not (last.endswith("s") or last in ("department", "government", "ministry", "police", "army",
                                                     "military", "office", "administration", "media", "agency")):
                return None
            head_tok = last
        plural = head_tok in ROLE_PLURAL or (head_tok not in ROLE_SINGULAR and head_tok.endswith("s"))
        kind = "group" if plural else "description"
        if any(t in ORG_CUES for t in toks) or head_tok in ("department", "government", "ministry", "office",
                                                          "administration", "agency"):
            kind = "org"
        return Mention(phrase, kind, _strip_the(phrase), role, ROLE_SINGULAR.get(head_tok) or ROLE_PLURAL.get(head_tok))
    if any(t.lower() in _DETERMINERS for t in before) and not any(
            t.lower() in ROLE_SINGULAR or t in TITLES for t in before) and not any(t in ORG_CUES for t in run):
        # "some Kurdish fighters", "its Foreign Ministry" handled as written
        return Mention(phrase, "org" if any(t in ORG_CUES for t in toks) else "group", _strip_the(phrase), role)
    # strip titles at the start of the run (Gen., Prime Minister, Rep.)
    j = 0
    while j < len(run) - 1 and run[j] in TITLES:
        j += 1
    titled = j > 0 or any(t.lower() in ROLE_SINGULAR for t in before)
    name_toks = run[j:]
    name = " ".join(name_toks)
    name = phrase[phrase.rfind(name_toks[0]):] if name_toks[0] in phrase else name
    if not titled and (any(t in ORG_CUES for t in run) or phrase[:4].lower() == "the "):
        return Mention(phrase, "org", _strip_the(phrase), role)
    if any(t in ORG_CUES for t in name_toks) and not titled:
        return Mention(phrase, "org", _strip_the(phrase), role)
    pre = phrase[: len(phrase) - len(name)].strip()
    if pre and not role:
        role = pre
    return Mention(phrase, "person", name, role)


@dataclass(slots=True, eq=False)
class Entity:
    name: str
    kind: str  # person | org | description | group
    role: str | None = None
    head: str | None = None
    sentence: int = 0
    same_as: "Entity | None" = None
    roles: set = field(default_factory=set)

    def final(self) -> "Entity":
        e = self
        while e.same_as is not None:
            e = e.same_as
        return e


class SpeakerResolver:
    """Maps the mentions of one article, in reading order, to entities."""

    def __init__(self, text: str):
        self.text = text
        self.entities: list[Entity] = []
        self._names: dict[str, str] | None = None

    def _full_names(self) -> dict[str, str]:
        """Last word -> longest capitalised name ending in it (built on first need)."""
        if self._names is None:
            self._names = {}
            for m in _FULL_NAME.finditer(self.text):
                toks = m.group().split()
                while toks and toks[0] in TITLES:
                    toks = toks[1:]
                if len(toks) < 2 or any(t in ORG_CUES for t in toks):
                    continue
                full = " ".join(toks)
                last = _surname(full)
                if len(full) > len(self._names.get(last, "")):
                    self._names[last] = full
        return self._names

    def _last(self, kinds: tuple[str, ...]) -> Entity | None:
        for e in reversed(self.entities):
            if e.kind in kinds:
                return e
        return None

    def resolve(self, m: Mention, sentence: int) -> Entity:
        if m.kind == "pronoun":
            kinds = {"person": ("person", "description"), "org": ("org",), "plural": ("group", "org")}[m.head]
            e = self._last(kinds)
            if e is not None:
                return e
            return self._add(Entity(m.text, "description", sentence=sentence))
        if m.kind == "person":
            last = _surname(m.name)
            for e in reversed(self.entities):
                if e.kind == "person" and _surname(e.name) == last:
                    if len(m.name) > len(e.name):
                        e.name = m.name
                    if m.role:
                        e.roles.add(m.role.lower())
                    return e
            full = self._full_names().get(last, m.name)
            name = full if len(full) > len(m.name) else m.name
            e = Entity(name, "person", m.role, sentence=sentence)
            if m.role:
                e.roles.add(m.role.lower())
            self._adopt_description(e, sentence)
            return self._add(e)
        if m.kind == "description":
            if m.text[:4].lower() == "the " and m.head:
                for e in reversed(self.entities):
                    f = e.final()
                    if f.kind in ("person", "description") and (
                            f.head == m.head or any(m.head in r for r in f.roles)):
                        return e
            return self._add(Entity(m.name, "description", m.role, m.head, sentence))
        key = _strip_the(m.name).lower()
        for e in reversed(self.entities):
            if e.kind == m.kind and e.name.lower() == key:
                return e
        return self._add(Entity(_strip_the(m.name), m.kind, m.role, m.head, sentence))

    def _adopt_description(self, person: Entity, sentence: int) -> None:
        """A named person introduced with a role right after an unnamed singular description
        (*a senior official said ... Sabah al-Numan, spokesman for ..., noted*) is that person."""
        if not person.roles or not self.entities:
            return
        prev = self.entities[-1]
        if prev.kind == "description" and prev.same_as is None and prev.head and sentence - prev.sentence <= 2:
            prev.same_as = person

    def _add(self, e: Entity) -> Entity:
        self.entities.append(e)
        return e
