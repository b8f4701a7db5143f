"""Place mentions from the gazetteer (flows/extract/gazetteer.py) plus a few context rules.

The lexicon finds every whole-word spelling of a known place; the rules below only decide which
hits are places and which place a shared name means, following gold/GUIDELINES.md (Places):
- case: a hit counts when its first letter (after an Arabic article) is upper case, so ALL-CAPS
  datelines count and "turkey" the bird does not; acronyms (US, UK, KRI) must be all capitals and
  not inside an all-capitals line; a short all-capitals word elsewhere is an acronym (TANF);
- a place name right after a first name is a surname ("Ken Spain", "Hoda Muthana"); names that
  are also first names (Jordan, Georgia, Chad) are dropped before a surname, and after a title or
  a first name they are dropped in the whole article; names that are also common words (Hit, Ana)
  need a place context;
- places in captions, photo credits, related links, sign-up blocks and country menus are dropped;
- places inside organisation names (University of Baghdad, Washington Post, Kurdistan Regional
  Government, Islamic State of Iraq and Syria) are dropped; "Baghdad" as the government stays;
- a name shared by several places goes to the one whose governorate or country the article
  names elsewhere, else to the lexicon's first; a city that is also a governorate (Basra, Erbil)
  is the governorate when "province"/"governorate" follows it or closes the list it is in; a
  foreign city name before a US state ("Warsaw, Ind.") is a US town.
"""
from __future__ import annotations

import re
from typing import Any

from flows.extract.base import ArticleText
from flows.extract.gazetteer import Key, Lexicon, Place, find, load

PREV_WORD = re.compile(r"([A-Za-z][\w.'’-]*) $")
NEXT_WORD = re.compile(r"^[ ]?([A-Za-z](?:[\w'’-]|\.(?=\w))*)")  # "U.S" of "U.S.", "provinces" of "provinces."
POSSESSIVE = re.compile(r"['’]s?$")
AFTER_PLACE_COMMA = re.compile(r"[A-Z][\w.'’-]*, $")
ARTICLE = re.compile(r"^(?:al|el|an|ar|as|ash|ad|at|az)[-\s'’]", re.IGNORECASE)
LIST_GAPS = {",", "and", ", and", "or", ", or", "&", "/", "-", "–"}
APPOSITION_GAPS = LIST_GAPS | {", in", "in"}
GOVERNORATE_NOUNS = ("province", "provinces", "governorate", "governorates")
GOVERNORATE_BEFORE = re.compile(r"(?:province|governorate)s? of $", re.IGNORECASE)
BARE_LIST_MIN = 5  # names in a row with only spaces between them
CAPTION_MAX_CHARS = 600  # a longer paragraph with a credit in it is body text, not a caption
TITLE_MAX_CHARS = 300  # a headline is one short line


def _prev_word(text: str, start: int) -> str:
    m = PREV_WORD.search(text, max(0, start - 40), start)
    return m.group(1) if m else ""


def _next_word(text: str, end: int) -> str:
    m = NEXT_WORD.match(text[end:end + 40])
    return m.group(1) if m else ""


def _leftmost_longest(hits: list) -> list:
    """Non-overlapping hits, the longest first where they start together."""
    kept, last_end = [], -1
    for h in sorted(hits, key=lambda h: (h[0], -(h[1] - h[0]))):
        if h[0] >= last_end:
            kept.append(h)
            last_end = h[1]
    return kept


def _is_caps_word(w: str) -> bool:
    return w.isupper() and sum(c.isalpha() for c in w) >= 2


class PlaceExtractor:
    relation = "places"
    version = "places-gazetteer-1"

    def __init__(self) -> None:
        self.lex: Lexicon = load()
        w = self.lex.words
        self.function = w.get("function", frozenset())
        self.titles = w.get("title", frozenset())
        self.geo_after = w.get("geo_after", frozenset())
        self.locative = w.get("locative", frozenset())
        self.place_nouns = w.get("place_noun", frozenset())
        self.org_after = w.get("org_after", frozenset())
        self.org_before = tuple(p + " " for p in w.get("org_before", frozenset()))
        markers = sorted(w.get("boilerplate", frozenset()), key=len, reverse=True)
        self.boilerplate = re.compile("|".join(map(re.escape, markers))) if markers else None

    def _boilerplate_spans(self, text: str) -> list[tuple[int, int]]:
        """Short paragraphs that carry a caption, photo-credit, related-link or sign-up marker."""
        paragraphs: dict[tuple[int, int], int] = {}
        for m in self.boilerplate.finditer(text) if self.boilerplate else ():
            start = text.rfind("\n", 0, m.start()) + 1
            end = text.find("\n", m.end())
            span = (start, len(text) if end < 0 else end)
            paragraphs[span] = paragraphs.get(span, 0) + 1
        # a long paragraph is body text unless it strings several captions together (a gallery)
        return [(a, b) for (a, b), n in paragraphs.items() if b - a <= CAPTION_MAX_CHARS or n >= 2]

    # -- surface checks, one hit at a time -------------------------------------------------------
    def _case_ok(self, text: str, start: int, end: int, key: Key) -> bool:
        """Written like a name: capitalised (after an Arabic article), acronyms in capitals."""
        mention = text[start:end]
        if key.rule == "caps":
            return _is_caps_word(mention) and not (
                _is_caps_word(_prev_word(text, start)) and _is_caps_word(_next_word(text, end)))
        m = ARTICLE.match(mention)
        if not mention[m.end() if m else 0:][:1].isupper():
            return False
        return not _is_caps_word(mention) or self._caps_context_ok(text, start, end)

    def _verdict(self, text: str, start: int, end: int, key: Key) -> str:
        """'ok', 'no', 'person' (a surname here, so not a place anywhere in the article) or
        'first name' (so elsewhere in the article only a mention in a place context counts)."""
        mention = text[start:end]
        prev, nxt = _prev_word(text, start), _next_word(text, end)
        if key.rule == "caps":
            return "ok"
        if key.rule == "after_comma":
            ok = AFTER_PLACE_COMMA.search(text, max(0, start - 40), start) and (
                not key.ends_with_dot or text[end:end + 1] == ".")
            return "ok" if ok else "no"
        if self._inside_organisation(text, start, end, nxt):
            return "no"
        if key.rule == "person" and prev.rstrip(".").lower() in self.titles:
            return "person"
        if not _is_caps_word(mention) and not self._title_case_line(text, start):
            if self._after_first_name(prev):  # "Jim Jordan": the name is a surname here, and later too
                return "person" if key.rule in ("person", "locative") else "no"
            if key.rule in ("person", "locative") and self._before_surname(text, end, nxt):
                return "first name"  # "Jordan Liles": elsewhere the name needs a place context
        return "ok"

    @staticmethod
    def _caps_context_ok(text: str, start: int, end: int) -> bool:
        """An all-capitals name of five letters or fewer is an acronym (TANF, ANA) unless the
        line around it is in capitals too or it opens a dateline ("HIT, Iraq —")."""
        if sum(c.isalpha() for c in text[start:end]) > 5 or _is_caps_word(_prev_word(text, start)) \
                or _is_caps_word(_next_word(text, end)):
            return True
        return PlaceExtractor._is_dateline(text, start, end)

    @staticmethod
    def _is_dateline(text: str, start: int, end: int) -> bool:
        return text[end:end + 1] == "," and text[max(0, start - 1):start] in ("", "\n")

    @staticmethod
    def _title_case_line(text: str, start: int) -> bool:
        """Headlines in Title Case capitalise every word, so capitalised neighbours mean nothing."""
        a = text.rfind("\n", 0, start) + 1
        b = text.find("\n", start)
        b = len(text) if b < 0 else b
        if b - a > TITLE_MAX_CHARS:
            return False
        line = text[a:b]
        words = [w for w in line.split() if len(w) >= 3 and w[:1].isalpha()]
        return (not line.rstrip().endswith(".") and len(words) >= 3
                and sum(w[0].isupper() for w in words) >= 0.7 * len(words))

    def _after_first_name(self, prev: str) -> bool:
        """"Ken Spain", "Hoda Muthana": a capitalised plain word right before the name that is no
        function word, adjective or demonym ("In", "Northern", "Sunni") and no sentence-opening
        verb form ("Defying", "Suspected"); "Putin's", "U.S.-led" and "ISIS-held" are not plain."""
        if not (prev.isalpha() and prev[:1].isupper() and not prev.isupper()):
            return False
        low = prev.lower()
        return low not in self.function and not (len(low) > 5 and low.endswith(("ing", "ed")))

    def _before_surname(self, text: str, end: int, nxt: str) -> bool:
        """Before a capitalised word that is no place word ("Jordan Peterson", not "Jordan Valley")."""
        head = POSSESSIVE.sub("", nxt).lower()
        return bool(text[end:end + 1] == " " and nxt[:1].isupper() and not _is_caps_word(nxt)
                    and head not in self.function and head not in self.geo_after)

    def _inside_organisation(self, text: str, start: int, end: int, nxt: str) -> bool:
        head = POSSESSIVE.sub("", nxt).lower()  # "Times's" -> "times"
        if text[end:end + 1] == " " and nxt[:1].isupper() and head in self.org_after:
            return True
        return text[max(0, start - 20):start].lower().endswith(self.org_before)

    # -- context checks that need the neighbouring places ----------------------------------------
    def _locative_ok(self, text: str, kept: list, i: int) -> bool:
        """After "in", "near", "retook" …, before "province", "district" …, or in a list of places."""
        start, end, _ = kept[i]
        if _is_caps_word(text[start:end]) or self._title_case_line(text, start):
            return self._is_dateline(text, start, end)  # capitals everywhere: no context to read
        if _prev_word(text, start).lower() in self.locative:
            return True
        if _next_word(text, end).lower() in self.place_nouns:
            return True
        before = i > 0 and " ".join(text[kept[i - 1][1]:start].split()) in LIST_GAPS
        after = i + 1 < len(kept) and " ".join(text[end:kept[i + 1][0]].split()) in APPOSITION_GAPS
        return before or after

    def _governorate_context(self, text: str, kept: list) -> set[int]:
        """Indexes of hits named as governorates: "Anbar province", "province of Anbar", and every
        member of a list that ends in "provinces" ("Kirkuk, Diyala, Salahaddin and Nineveh provinces")."""
        marked = set()
        for i, (start, end, _) in enumerate(kept):
            if _next_word(text, end).lower() in GOVERNORATE_NOUNS:
                marked.add(i)
                j = i
                while j > 0 and " ".join(text[kept[j - 1][1]:kept[j][0]].split()) in LIST_GAPS:
                    j -= 1
                    marked.add(j)
            elif GOVERNORATE_BEFORE.search(text, max(0, start - 20), start):
                marked.add(i)
        return marked

    @staticmethod
    def _menu_spans(text: str, hits: list) -> list[tuple[int, int]]:
        """A run of names with nothing but spaces between them is a menu (a country picker), not prose."""
        spans, i = [], 0
        while i < len(hits):
            j = i
            while j + 1 < len(hits) and not text[hits[j][1]:hits[j + 1][0]].strip():
                j += 1
            if j - i + 1 >= BARE_LIST_MIN:
                spans.append((hits[i][0], hits[j][1]))
            i = j + 1
        return spans

    # -- choosing among the places a name may mean -----------------------------------------------
    @staticmethod
    def _choose(places: tuple[Place, ...], admin_seen: set, country_seen: set, as_governorate: bool,
                district: bool) -> Place:
        """The candidate in a governorate, else a country, that the article names unambiguously;
        within it, the governorate or district reading when the text calls it one."""
        groups: dict[tuple, list[Place]] = {}
        for p in places:
            groups.setdefault((p.country_code, p.admin1_code), []).append(p)
        if len(groups) > 1:
            pick = (next((g for g in groups if g[1] and g[1] in admin_seen), None)
                    or next((g for g in groups if g[0] in country_seen), None) or next(iter(groups)))
        else:
            pick = next(iter(groups))
        group = groups[pick]
        want = "governorate" if as_governorate else "district" if district else None
        if want:
            for p in group:
                if p.place_type == want:
                    return p
        return group[0]

    @staticmethod
    def _namesake_in(text: str, hit: tuple, following: tuple, place: Place) -> bool:
        """"Warsaw, Ind." and "Paris, Texas" are US towns: a foreign city named right before a US state."""
        return (place.place_type == "city" and place.country_code not in ("US", "IQ")
                and text[hit[1]:following[0]] == ", "
                and all(p.country_code == "US" and p.place_type == "region" for p in following[2].places))

    def extract(self, article: ArticleText) -> list[dict[str, Any]]:
        text = getattr(article, "text", None)
        if not isinstance(text, str) or not text:
            return []
        cased = [(s, e, k) for s, e, k in find(self.lex, text) if not k.places or self._case_ok(text, s, e, k)]
        skip = self._boilerplate_spans(text) + self._menu_spans(text, _leftmost_longest(cased))
        hits, verdicts = [], {}
        for start, end, key in cased:
            if any(a <= start < b for a, b in skip):
                continue
            verdict = self._verdict(text, start, end, key) if key.places else "ok"
            if verdict == "ok":
                hits.append((start, end, key))
            elif verdict in ("person", "first name") and verdicts.get(key) != "person":
                verdicts[key] = verdict
        kept = [h for h in _leftmost_longest(hits) if h[2].places and verdicts.get(h[2]) != "person"]
        kept = [h for i, h in enumerate(kept)
                if (h[2].rule != "locative" and h[2] not in verdicts) or self._locative_ok(text, kept, i)]

        admin_seen, country_seen = set(), set()
        for _, _, key in kept:
            admins = {p.admin1_code for p in key.places}
            countries = {p.country_code for p in key.places}
            if len(admins) == 1:
                admin_seen |= admins - {None}
            if len(countries) == 1:
                country_seen |= countries
        governorates = self._governorate_context(text, kept)

        rows = []
        for i, (start, end, key) in enumerate(kept):
            district = _next_word(text, end).lower() in ("district", "districts")
            place = self._choose(key.places, admin_seen, country_seen, i in governorates, district)
            if i + 1 < len(kept) and self._namesake_in(text, kept[i], kept[i + 1], place):
                place = Place(place.name, "city", "US", None)
            if key.ends_with_dot and text[end:end + 1] == ".":
                end += 1
            pcode, admin_name = self.lex.admin1.get(place.admin1_code, (None, None))
            rows.append({
                "mention_text": text[start:end], "place_name": place.name, "place_type": place.place_type,
                "country_code": place.country_code, "admin1_code": place.admin1_code,
                "admin1_pcode": pcode, "admin1_name": admin_name, "start_char": start, "end_char": end,
            })
        return rows
