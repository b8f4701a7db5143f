"""Place mentions from the gazetteer (flows/extract/gazetteer.py) plus a few context rules.

The lexicon finds every whole-word spelling of a known place; the rules below only decide which
hits are places and which place a shared name means, following gold/GUIDELINES.md (Places):
- case: a hit counts when its first letter (after an Arabic article) is upper case, so ALL-CAPS
  datelines count and "turkey" the bird does not; acronyms (US, UK, KRI) must be all capitals and
  not inside an all-capitals line; a short all-capitals word elsewhere is an acronym (TANF);
- a place name right after a first name is a surname ("Ken Spain", "Hoda Muthana"); a word that
  opens a sentence is a first name only if the article never writes it in lower case; names that
  are also first names (Jordan, Georgia, Chad) are dropped before a surname, and after a title or
  a first name they are dropped in the whole article except right after "in" or before
  "province"; names that are also common words (Hit, Ana) need a place context;
- places in captions, photo credits, related links, sign-up blocks and country menus are dropped:
  a short paragraph with a marker is a caption, in a longer one only the marker's sentence is, or
  the whole stretch where markers follow each other closely (a photo gallery);
- places inside organisation names (University of Baghdad, Washington Post, Kurdistan Regional
  Government, Islamic State of Iraq and Syria) are dropped; "Baghdad" as the government stays;
- a name shared by several places goes to the one whose governorate or country the article
  names elsewhere, else to the lexicon's first; a city that is also a governorate (Basra, Erbil)
  is the governorate when "province"/"governorate" follows it or closes or opens the list it is
  in, or when the list names two places that can only be governorates; a foreign city name, or
  a name the lexicon does not know, before a US state ("Warsaw, Ind.", "McLean, Va.") is a US town.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from typing import Any

from flows.extract.base import ArticleText
from flows.extract.gazetteer import Key, Lexicon, Place, find, load

PREV_WORD = re.compile(r"([A-Za-z][\w.'’-]*) $")
NEXT_WORD = re.compile(r" ?([A-Za-z](?:[\w'’-]|\.(?=\w))*)")  # "U.S" of "U.S.", "provinces" of "provinces."
ABBREVIATION = re.compile(r"(?:^|[^\w.])([A-Za-z]+)\.$")  # "Rep." or "J." before a name
LOWER_WORD = re.compile(r"\b[a-z]+\b")
DIRECT_LOOKUPS = 8  # words looked up one by one before collecting them all (keeps long texts linear)
POSSESSIVE = re.compile(r"['’]s?$")
AFTER_PLACE_COMMA = re.compile(r"[A-Z][\w.'’-]*, $")
TOWN_BEFORE_STATE = re.compile(r"((?:[A-Z][\w'’-]*\.? ){0,2}[A-Z][\w'’-]*), $")  # "McLean", "Chevy Chase"
ARTICLE = re.compile(r"^(?:al|el|an|ar|as|ash|ad|at|az)[-\s'’]", re.IGNORECASE)
LIST_GAPS = {",", "and", ", and", "or", ", or", "&", "/", "-", "–"}
APPOSITION_GAPS = LIST_GAPS | {", in", "in"}
GAP_MAX_CHARS = 12  # the longest gap above with some spaces to spare
GOVERNORATE_NOUNS = ("province", "provinces", "governorate", "governorates")
GOVERNORATE_BEFORE = re.compile(r"(?:province|governorate)s?(?: of| including| such as| like|:) $", re.IGNORECASE)
BARE_LIST_MIN = 5  # names in a row with only spaces between them
CAPTION_MAX_CHARS = 600  # a longer paragraph with a credit in it is body text, not a caption
GALLERY_MIN_MARKERS = 3  # this many markers, each close to the next, string captions together
LINK_LEAD_MAX_CHARS = 80  # "Also on" and four words before the colon
SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*(?=\s)|\n")
TITLE_MAX_CHARS = 300  # a headline is one short line


def _prev_word(text: str, start: int) -> str:
    m = PREV_WORD.search(text, max(0, start - 40), start)
    return m.group(1) if m else ""


def _leftmost_longest(hits: list) -> list:
    """Non-overlapping hits, the longest first where they start together."""
    kept, last_end = [], -1
    for h in sorted(hits, key=lambda h: (h[0], -(h[1] - h[0]))):
        if h[0] >= last_end:
            kept.append(h)
            last_end = h[1]
    return kept


def _merged(spans: list[tuple[int, int]]) -> tuple[list[int], list[int]]:
    """Sorted, non-overlapping spans as parallel start and end lists, for bisect."""
    starts: list[int] = []
    ends: list[int] = []
    for a, b in sorted(spans):
        if ends and a <= ends[-1]:
            ends[-1] = max(ends[-1], b)
        else:
            starts.append(a)
            ends.append(b)
    return starts, ends


def _gap_in(text: str, a: int, b: int, gaps: set[str]) -> bool:
    """Whether the text between two hits is one of `gaps` ("," "and" ", or" …), spaces aside."""
    return b - a <= GAP_MAX_CHARS and " ".join(text[a:b].split()) in gaps


def _short_line(text: str, pos: int, limit: int) -> tuple[int, int] | None:
    """Start and end of the line that holds `pos` if it is at most `limit` long; looking no
    further than that keeps a text of one endless line linear."""
    lo = max(0, pos - limit - 1)
    a = text.rfind("\n", lo, pos) + 1
    if a == 0 and lo > 0:
        return None
    hi = min(len(text), a + limit + 1)
    b = text.find("\n", pos, hi)
    if b < 0:
        if hi < len(text):
            return None
        b = len(text)
    return (a, b) if b - a <= limit else None


def _is_caps_word(w: str) -> bool:
    return w.isupper() and sum(c.isalpha() for c in w) >= 2


class _Page:
    """The article text with the neighbourhood lookups the rules repeat, each computed once: several
    rules ask for a hit's next word, and every hit on a line asks whether the line is a headline."""
    __slots__ = ("text", "_next", "_title", "_asked", "_lower")

    def __init__(self, text: str) -> None:
        self.text = text
        self._next: dict[int, str] = {}
        self._title: dict[int, bool] = {}
        self._asked: dict[str, bool] = {}
        self._lower: frozenset[str] | None = None

    def writes_lower(self, word: str) -> bool:
        """Whether the article writes `word` (lower case) as a word of its own. The first few
        words are looked up directly; past that, all lower-case words are collected once."""
        if self._lower is None and len(self._asked) >= DIRECT_LOOKUPS:
            self._lower = frozenset(LOWER_WORD.findall(self.text))
        if self._lower is not None:
            return word in self._lower
        if word not in self._asked:
            text, i, found = self.text, self.text.find(word), False
            while i >= 0 and not found:
                j = i + len(word)
                found = not (text[i - 1:i].isalpha() or text[j:j + 1].isalpha())
                i = text.find(word, j)
            self._asked[word] = found
        return self._asked[word]

    def next_word(self, end: int) -> str:
        word = self._next.get(end)
        if word is None:
            m = NEXT_WORD.match(self.text, end, end + 40)
            word = self._next[end] = m.group(1) if m else ""
        return word

    def title_case_line(self, pos: int) -> bool:
        """Headlines in Title Case capitalise every word, so capitalised neighbours mean nothing."""
        bounds = _short_line(self.text, pos, TITLE_MAX_CHARS)
        if bounds is None:
            return False
        a, b = bounds
        if a not in self._title:
            line = self.text[a:b]
            if line.rstrip().endswith("."):
                self._title[a] = False
            else:
                words = [w for w in line.split() if len(w) >= 3 and w[:1].isalpha()]
                self._title[a] = len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.7 * len(words)
        return self._title[a]


class PlaceExtractor:
    relation = "places"
    version = "places-gazetteer-2"

    def __init__(self) -> None:
        self.lex: Lexicon = load()
        w = self.lex.words
        self.function = w.get("function", frozenset())
        self.titles = w.get("title", frozenset())
        self.geo_after = w.get("geo_after", frozenset())
        self.locative = w.get("locative", frozenset())
        self.place_prepositions = w.get("place_preposition", frozenset())
        self.place_nouns = w.get("place_noun", frozenset())
        self.org_after = w.get("org_after", frozenset())
        self.org_before = tuple(p + " " for p in w.get("org_before", frozenset()))
        markers = sorted(w.get("boilerplate", frozenset()), key=len, reverse=True)
        self.boilerplate = re.compile("|".join(map(re.escape, markers))) if markers else None
        leads = "|".join(map(re.escape, sorted(w.get("link_lead", frozenset()), key=len, reverse=True)))
        # a related-link lead in any case, up to four capitalised words that are no function words
        # and a colon ("Also on POLITICO:", "Read more:", "SEE ALSO:", not "Also on Monday:");
        # searched only before a colon, which is rare
        self.link_lead = re.compile(rf"\b(?i:{leads})(?P<source>(?: (?:the|[A-Z][\w.&'’-]*)){{0,4}}):$") \
            if leads else None

    def _markers(self, text: str) -> list[tuple[int, int]]:
        """Caption, credit, sign-up and related-link markers as (start, end), in text order."""
        found = [m.span() for m in self.boilerplate.finditer(text)] if self.boilerplate else []
        if self.link_lead:
            colon = text.find(":")
            while colon >= 0:
                if text[colon - 1:colon].isalpha():
                    m = self.link_lead.search(text, max(0, colon - LINK_LEAD_MAX_CHARS), colon + 1)
                    if m and not self.function.intersection(m.group("source").lower().split()) - {"the"}:
                        found.append(m.span())
                colon = text.find(":", colon + 1)
        return sorted(found)

    def _boilerplate_spans(self, page: _Page) -> list[tuple[int, int]]:
        """A short paragraph with a caption, credit, related-link or sign-up marker is boilerplate;
        in a longer one only the marker's sentence is, or, where markers follow each other closely
        (a photo gallery strung on one line), the whole stretch they cover."""
        text, spans, run = page.text, [], []
        for m_start, m_end in self._markers(text):
            line = _short_line(text, m_start, CAPTION_MAX_CHARS)
            if line:
                spans.append(line)
                continue
            stop = m_end + CAPTION_MAX_CHARS
            end = SENTENCE_END.search(text, m_end, stop)
            segment = (m_start, end.end() if end else min(stop, len(text)))
            if run and (m_start - run[-1][1] > CAPTION_MAX_CHARS or "\n" in text[run[-1][1]:m_start]):
                spans += self._run_spans(run)
                run = []
            run.append(segment)
        return spans + self._run_spans(run)

    @staticmethod
    def _run_spans(run: list[tuple[int, int]]) -> list[tuple[int, int]]:
        return [(run[0][0], run[-1][1])] if len(run) >= GALLERY_MIN_MARKERS else run

    # -- surface checks, one hit at a time -------------------------------------------------------
    def _case_ok(self, page: _Page, start: int, end: int, key: Key) -> bool:
        """Written like a name: capitalised (after an Arabic article), acronyms in capitals."""
        text = page.text
        mention = text[start:end]
        if key.rule == "caps":
            return _is_caps_word(mention) and not (
                _is_caps_word(_prev_word(text, start)) and _is_caps_word(page.next_word(end)))
        m = ARTICLE.match(mention)
        if not mention[m.end() if m else 0:][:1].isupper():
            return False
        return not _is_caps_word(mention) or self._caps_context_ok(page, start, end)

    def _verdict(self, page: _Page, start: int, end: int, key: Key) -> str:
        """'ok', 'no', 'person' (a surname here, so not a place anywhere in the article) or
        'first name' (so elsewhere in the article only a mention in a place context counts)."""
        text = page.text
        mention = text[start:end]
        prev, nxt = _prev_word(text, start), page.next_word(end)
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
        if not _is_caps_word(mention) and not page.title_case_line(start):
            if self._after_first_name(page, start, prev):  # "Jim Jordan": a surname here, and later too
                return "person" if key.rule in ("person", "locative") else "no"
            if key.rule in ("person", "locative") and self._before_surname(text, end, nxt):
                return "first name"  # "Jordan Liles": elsewhere the name needs a place context
        return "ok"

    @staticmethod
    def _caps_context_ok(page: _Page, start: int, end: int) -> bool:
        """An all-capitals name of five letters or fewer is an acronym (TANF, ANA) unless the
        line around it is in capitals too or it opens a dateline ("HIT, Iraq —")."""
        text = page.text
        if sum(c.isalpha() for c in text[start:end]) > 5 or _is_caps_word(_prev_word(text, start)) \
                or _is_caps_word(page.next_word(end)):
            return True
        return PlaceExtractor._is_dateline(text, start, end)

    @staticmethod
    def _is_dateline(text: str, start: int, end: int) -> bool:
        return text[end:end + 1] == "," and text[max(0, start - 1):start] in ("", "\n")

    def _after_first_name(self, page: _Page, start: int, prev: str) -> bool:
        """"Ken Spain", "Hoda Muthana": a capitalised plain word right before the name that is no
        function word, adjective or demonym ("In", "Northern", "Sunni") and no sentence-opening verb
        form ("Defying", "Suspected"); "Putin's", "U.S.-led" and "ISIS-held" are not plain. A word
        that opens a sentence is capitalised anyway, so there it is a first name only if the
        article never writes it in lower case ("Later Salahaddin was calm ... later")."""
        if not (prev.isalpha() and prev[:1].isupper() and not prev.isupper()):
            return False
        low = prev.lower()
        if low in self.function or (len(low) > 5 and low.endswith(("ing", "ed"))):
            return False
        return (not self._opens_sentence(page.text, start - len(prev) - 1) or low in self.titles
                or not page.writes_lower(low))

    def _opens_sentence(self, text: str, pos: int) -> bool:
        """At the start of the text or a line, or after a full stop that ends no title or initial
        ("Rep. Jim Jordan" and "J. Jordan" go on)."""
        head = text[max(0, pos - 8):pos].rstrip(" \t\"'“”‘’(")
        if not head or head[-1] in "!?\n":
            return True
        m = ABBREVIATION.search(head)
        return head[-1] == "." and not (m and (len(m.group(1)) == 1 or m.group(1).lower() in self.titles))

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
    def _locative_ok(self, page: _Page, kept: list, i: int) -> bool:
        """After "in", "near", "retook" …, before "province", "district" …, or in a list of places."""
        text = page.text
        start, end, _ = kept[i]
        if _is_caps_word(text[start:end]) or page.title_case_line(start):
            return self._is_dateline(text, start, end)  # capitals everywhere: no context to read
        if _prev_word(text, start).lower() in self.locative:
            return True
        if page.next_word(end).lower() in self.place_nouns:
            return True
        before = i > 0 and _gap_in(text, kept[i - 1][1], start, LIST_GAPS)
        after = i + 1 < len(kept) and _gap_in(text, end, kept[i + 1][0], APPOSITION_GAPS)
        return before or after

    def _place_context(self, page: _Page, start: int, end: int) -> bool:
        """A mention that only a place fits: "in Muthanna", "Muthanna province"."""
        return (_prev_word(page.text, start).lower() in self.place_prepositions
                or page.next_word(end).lower() in self.place_nouns)

    def _governorate_context(self, page: _Page, kept: list) -> set[int]:
        """Indexes of hits read as governorates: "Anbar province", "the province of Anbar", and
        every member of a list that "provinces" closes ("Kirkuk, Diyala and Nineveh provinces") or
        opens ("provinces including Diyala, Kirkuk and Nineveh"), or in which two or more names
        can only be governorates ("Diyala, Anbar, Kirkuk and Nineveh")."""
        text, marked, i = page.text, set(), 0
        while i < len(kept):
            j = i  # the list kept[i..j]
            while j + 1 < len(kept) and kept[j + 1][0] - kept[j][1] <= GAP_MAX_CHARS \
                    and _gap_in(text, kept[j][1], kept[j + 1][0], LIST_GAPS):
                j += 1
            # a governorate noun can only follow the last name: after any other it would break the list
            if (page.next_word(kept[j][1]).lower() in GOVERNORATE_NOUNS
                    or GOVERNORATE_BEFORE.search(text, max(0, kept[i][0] - 30), kept[i][0])
                    or j > i and sum(all(p.place_type == "governorate" for p in kept[k][2].places)
                                     for k in range(i, j + 1)) >= 2):
                marked.update(range(i, j + 1))
            i = j + 1
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

    def _town_before(self, text: str, start: int) -> tuple[int, int] | None:
        """The span of the town in "McLean, Va." or "Chevy Chase, Md.": the capitalised words right
        before the comma of a state abbreviation, less a leading function word or title ("In")."""
        m = TOWN_BEFORE_STATE.search(text, max(0, start - 60), start)
        if not m:
            return None
        a = m.start(1)
        for word in m.group(1).split(" ")[:-1]:
            if word.rstrip(".").lower() not in self.function | self.titles:
                break
            a += len(word) + 1
        return a, m.end(1)

    def extract(self, article: ArticleText) -> list[dict[str, Any]]:
        text = getattr(article, "text", None)
        if not isinstance(text, str) or not text:
            return []
        page = _Page(text)
        cased = [(s, e, k) for s, e, k in find(self.lex, text) if not k.places or self._case_ok(page, s, e, k)]
        skip = self._boilerplate_spans(page) + self._menu_spans(text, _leftmost_longest(cased))
        skip_starts, skip_ends = _merged(skip)
        hits, verdicts = [], {}
        for start, end, key in cased:
            i = bisect_right(skip_starts, start) - 1
            if i >= 0 and start < skip_ends[i]:
                continue
            verdict = self._verdict(page, start, end, key) if key.places else "ok"
            if verdict == "ok":
                hits.append((start, end, key))
            elif verdict in ("person", "first name") and verdicts.get(key) != "person":
                verdicts[key] = verdict
        # a name used for a person elsewhere still counts where only a place fits ("in Muthanna")
        kept = [h for h in _leftmost_longest(hits) if h[2].places and (
            verdicts.get(h[2]) != "person" or self._place_context(page, h[0], h[1]))]
        kept = [h for i, h in enumerate(kept)
                if (h[2].rule != "locative" and h[2] not in verdicts) or self._locative_ok(page, kept, i)]

        admin_seen, country_seen = set(), set()
        for _, _, key in kept:
            admins = {p.admin1_code for p in key.places}
            countries = {p.country_code for p in key.places}
            if len(admins) == 1:
                admin_seen |= admins - {None}
            if len(countries) == 1:
                country_seen |= countries
        governorates = self._governorate_context(page, kept)

        found, last_end = [], -1  # (start, end, place)
        for i, (start, end, key) in enumerate(kept):
            district = page.next_word(end).lower() in ("district", "districts")
            place = self._choose(key.places, admin_seen, country_seen, i in governorates, district)
            if i + 1 < len(kept) and self._namesake_in(text, kept[i], kept[i + 1], place):
                place = Place(place.name, "city", "US", None)
            if key.rule == "after_comma":  # a town the lexicon does not know, before a US state
                town = self._town_before(text, start)
                if town and town[0] >= last_end:
                    found.append((*town, Place(text[town[0]:town[1]], "city", "US", None)))
            if key.ends_with_dot and text[end:end + 1] == ".":
                end += 1
            found.append((start, end, place))
            last_end = end
        admin1 = self.lex.admin1
        return [{
            "mention_text": text[start:end], "place_name": place.name, "place_type": place.place_type,
            "country_code": place.country_code, "admin1_code": place.admin1_code,
            "admin1_pcode": pcode, "admin1_name": admin_name, "start_char": start, "end_char": end,
        } for start, end, place in found for pcode, admin_name in (admin1.get(place.admin1_code, (None, None)),)]
