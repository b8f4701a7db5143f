"""Place mentions from the gazetteer (flows/extract/gazetteer.py) plus a few context rules.

The lexicon finds every whole-word spelling of a known place; the rules below only decide which
hits are places and which place a shared name means, following gold/GUIDELINES.md (Places):
- case: a hit counts when its first letter (after an Arabic article) is upper case, so ALL-CAPS
  datelines count and "turkey" the bird does not; acronyms (US, UK, KRI) must be all capitals and
  not inside an all-capitals line;
- names that are also first names (Jordan, Georgia, Chad, Washington) are dropped next to a title
  or another capitalised name; names that are also common words (Hit, Ana) need a place context;
- places in captions, photo credits, related links and sign-up blocks are dropped;
- places inside organisation names (University of Baghdad, Washington Post, Kurdistan Regional
  Government, Islamic State of Iraq and Syria) are dropped; "Baghdad" as the government stays;
- a name shared by several places goes to the one whose country or governorate the article
  names elsewhere, else to the lexicon's first; a city that is also a governorate (Basra, Erbil)
  is the governorate when "province"/"governorate" follows it or closes the list it is in.
"""
from __future__ import annotations

import re
from typing import Any

from flows.extract.base import ArticleText
from flows.extract.gazetteer import Key, Lexicon, Place, find, load

PREV_WORD = re.compile(r"([A-Za-z][\w.'’-]*) $")
NEXT_WORD = re.compile(r"^[ ]?([A-Za-z][\w'’-]*)")
AFTER_PLACE_COMMA = re.compile(r"[A-Z][\w.'’-]*, $")
ARTICLE = re.compile(r"^(?:al|el|an|ar|as|ash|ad|at|az)[-\s'’]", re.IGNORECASE)
LIST_GAPS = {",", "and", ", and", "or", ", or", "&", "/", "-", "–"}
APPOSITION_GAPS = LIST_GAPS | {", in", "in"}
GOVERNORATE_NOUNS = ("province", "provinces", "governorate", "governorates")
GOVERNORATE_BEFORE = re.compile(r"(?:province|governorate)s? of $", re.IGNORECASE)
CAPTION_MAX_CHARS = 600  # a longer paragraph with a credit in it is body text, not a caption


def _prev_word(text: str, start: int) -> str:
    m = PREV_WORD.search(text, max(0, start - 40), start)
    return m.group(1) if m else ""


def _next_word(text: str, end: int) -> str:
    m = NEXT_WORD.match(text[end:end + 40])
    return m.group(1) if m else ""


def _is_caps_word(w: str) -> bool:
    letters = [c for c in w if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


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
    def _surface_ok(self, text: str, start: int, end: int, key: Key) -> bool:
        mention = text[start:end]
        if key.rule == "caps":
            if not _is_caps_word(mention):
                return False
            return not (_is_caps_word(_prev_word(text, start)) and _is_caps_word(_next_word(text, end)))
        head = mention[ARTICLE.match(mention).end():] if ARTICLE.match(mention) else mention
        if not head[:1].isupper():
            return False
        if key.rule == "person" and not mention.isupper() and self._looks_like_person(text, start, end):
            return False
        if key.rule == "after_comma":
            return bool(AFTER_PLACE_COMMA.search(text, max(0, start - 40), start))
        return not self._inside_organisation(text, start, end)

    def _looks_like_person(self, text: str, start: int, end: int) -> bool:
        prev, nxt = _prev_word(text, start), _next_word(text, end)
        if prev.rstrip(".").lower() in self.titles:
            return True
        if prev[:1].isupper() and not _is_caps_word(prev) and prev.lower() not in self.function:
            return True
        return bool(nxt[:1].isupper() and not _is_caps_word(nxt) and nxt.lower() not in self.function
                    and nxt.lower() not in self.geo_after and text[end:end + 1] == " ")

    def _inside_organisation(self, text: str, start: int, end: int) -> bool:
        if text[end:end + 1] == " " and _next_word(text, end).lower() in self.org_after \
                and _next_word(text, end)[:1].isupper():
            return True
        return text[max(0, start - 20):start].lower().endswith(self.org_before)

    # -- context checks that need the neighbouring places ----------------------------------------
    def _locative_ok(self, text: str, kept: list, i: int) -> bool:
        start, end, _ = kept[i]
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

    # -- choosing among the places a name may mean -----------------------------------------------
    @staticmethod
    def _choose(places: tuple[Place, ...], admin_seen: set, country_seen: set, as_governorate: bool,
                district: bool) -> Place:
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

    def extract(self, article: ArticleText) -> list[dict[str, Any]]:
        text = getattr(article, "text", None)
        if not isinstance(text, str) or not text:
            return []
        hits = [(s, e, k) for s, e, k in find(self.lex, text) if not k.places or self._surface_ok(text, s, e, k)]
        hits.sort(key=lambda h: (h[0], -(h[1] - h[0])))
        kept, last_end = [], -1
        for h in hits:
            if h[0] >= last_end:
                kept.append(h)
                last_end = h[1]
        skip = self._boilerplate_spans(text)
        kept = [h for h in kept if h[2].places and not any(a <= h[0] < b for a, b in skip)]
        kept = [h for i, h in enumerate(kept) if h[2].rule != "locative" or self._locative_ok(text, kept, i)]

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
            if key.ends_with_dot and text[end:end + 1] == ".":
                end += 1
            pcode, admin_name = self.lex.admin1.get(place.admin1_code, (None, None)) if place.admin1_code else (None, None)
            rows.append({
                "mention_text": text[start:end], "place_name": place.name, "place_type": place.place_type,
                "country_code": place.country_code, "admin1_code": place.admin1_code,
                "admin1_pcode": pcode, "admin1_name": admin_name, "start_char": start, "end_char": end,
            })
        return rows
