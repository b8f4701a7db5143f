"""Claims and speakers: who said what, by rules and lexicons.

How it reads an article:
1. Quotation marks are paired paragraph by paragraph (an unclosed quote runs to the end of
   its paragraph, the newswire convention for quotes that go on in the next paragraph), so
   one bad mark never swallows the rest of the article.
2. Quoted text is masked (same length, offsets kept) so that sentence splitting and frame
   matching see `“qqq,” he said.` and never a reporting verb inside somebody's quote.
3. Every reporting verb in a sentence is tried as a frame: a speaker before it (with
   appositions and relative clauses skipped) or after it (`“…,” said X`), and the content
   after it (`said on Sunday that …`, `condemned the attack`) or before it (`…, he said.`).
   A content span that is exactly a quote is `direct`, one that holds a quote is `mixed`,
   the rest `indirect`.
4. A sentence that is only a quote and has no frame continues the last speaker's claims.
5. Speakers are resolved in reading order by `speakers.SpeakerResolver`.
"""
from __future__ import annotations

import csv
import re
from pathlib import Path

from flows.extract.base import ArticleText, Row
from flows.extract.sentences import split_paragraphs, split_sentences
from flows.extract.speakers import Entity, Mention, SpeakerResolver, parse_mention

_DIR = Path(__file__).parent / "lexicons" / "claims"


def _lines(name: str) -> list[str]:
    text = (_DIR / name).read_text(encoding="utf-8")
    return [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]


VERBS: dict[str, tuple[str, str]] = {}
for _lemma, _forms, _frame in csv.reader(_lines("reporting_verbs.csv")):
    for _form in _forms.split("|"):
        VERBS[_form] = (_lemma, _frame)
_ADVERBS = "|".join(sorted(map(re.escape, _lines("frame_adverbs.txt")), key=len, reverse=True))
_LISTENERS = "|".join(sorted(map(re.escape, _lines("listeners.txt")), key=len, reverse=True))

_VERB_RE = re.compile(r"(?<![\w-])(" + "|".join(
    re.escape(f).replace(r"\ ", r"\s+") for f in sorted(VERBS, key=len, reverse=True)) + r")(?![\w-])",
    re.IGNORECASE)
_QUOTE_MARK = re.compile(r"[“”\"]")
_MONTHS = r"January|February|March|April|May|June|July|August|September|October|November|December"
_DAYS = r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
# What may follow a reporting verb before its content: time, venue, medium, "that".
_ADJUNCT = (
    rf"(?:(?:on|last|this|late|early|earlier|later)\s+)?(?:{_DAYS}|{_MONTHS})(?:\s+\d{{1,2}})?"
    rf"(?:\s+(?:morning|afternoon|evening|night))?"
    rf"|(?:in|on|at|during|through|via)\s+(?:a|an|the|his|her|its|their)\s+[^,.;:“\"]{{0,60}}?"
    rf"(?:statement|speech|interview|conference|briefing|post|tweet|letter|report|address|message|meeting|session|"
    rf"hearing|call|remarks|video|broadcast|appearance|communiqu\w+|website|page|account)s?"
    rf"(?:\s+(?:on|with|to|from|at)\s+(?:[A-Z][\w.'’&-]*\s?)+)?"
    rf"|(?:in|on|at)\s+(?:{_MONTHS}|[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)"
    rf"|(?:{_ADVERBS})"
)
_AFTER_VERB = re.compile(rf"(?:\s*,?\s*(?:{_ADJUNCT})\b)*\s*,?\s*(?:(that)\b|(:))?\s*")
_LISTENER = re.compile(
    rf"\s+(?:(?:{_LISTENERS})\s+)*(?:(?:[A-Z][\w.'’&-]*|al-\w+)(?:\s+(?:[A-Z][\w.'’&-]*|al-\w+|of|for))*(?:['’]s\s+(?:[A-Z][\w.'’-]*\s*)+)?"
    rf"|(?:{_LISTENERS})|[a-z]+\s+(?:conference|briefing|meeting|session|hearing|gathering|rally|crowd|audience))")
_TRAIL_ADVERBS = re.compile(rf"(?:\s+(?:{_ADJUNCT}))+\s*$")
_CONJ = re.compile(r"^(?:and|but|so|yet|or|meanwhile|however|still|instead|now|also)\b\s*", re.IGNORECASE)
_TRIM = " \t,;:—–-"
# the source after an inverted verb: up to a comma, period or a following adjunct
_INVERTED_SPEAKER = re.compile(
    r"\s+(?!that\b)((?:[^,.;:“\"]|\.(?=\s*[A-Z][a-z]*\.?\s)|(?<=[A-Z])\.){1,80}?)"
    r"(?=\s*(?:[,.;:]|$| who | in | on | at | during | after | before | to ))")
_MIN_WORDS = 3


def _pair_quotes(text: str, ps: int, pe: int) -> list[tuple[int, int]]:
    """(start, end) of each quote's content in a paragraph; marks outside the spans."""
    spans, open_at, open_ch = [], None, ""
    for m in _QUOTE_MARK.finditer(text, ps, pe):
        i, ch = m.start(), m.group()
        if ch == "”" or (ch == '"' and open_at is not None):
            if open_at is not None and (ch == "”" or open_ch == '"' or open_ch == "“"):
                if i > open_at + 1:
                    spans.append((open_at + 1, i))
                open_at = None
        elif ch == "“":
            open_at, open_ch = i, ch
        elif not (i + 1 >= pe or text[i + 1].isspace()) or i == ps:  # straight mark opening a quote
            open_at, open_ch = i, ch
    if open_at is not None and pe > open_at + 1:
        spans.append((open_at + 1, pe))
    return spans


def _mask(text: str, spans: list[tuple[int, int]]) -> str:
    """Quote contents replaced by 'q', keeping the first character and a final . ! ? , so that
    sentence starts and ends stay visible to the splitter."""
    parts, last = [], 0
    for s, e in spans:
        keep = e - 1 if text[e - 1] in ".!?," else e
        parts.append(text[last:s + 1])
        parts.append("q" * (keep - s - 1))
        last = keep
    parts.append(text[last:])
    return "".join(parts)


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    """Shrink [s, e) to the content: no frame punctuation, no leading 'that', no final period."""
    while s < e and text[s] in _TRIM:
        s += 1
    if text.startswith("that ", s):
        s += 5
    while e > s and (text[e - 1] in _TRIM or text[e - 1] in ".?!" and not _inside_quote_end(text, s, e)):
        e -= 1
    return s, e


def _inside_quote_end(text: str, s: int, e: int) -> bool:
    return e - s > 0 and text.count("“", s, e) > text.count("”", s, e)


class ClaimExtractor:
    relation = "claims"
    version = "0.1.0"

    def extract(self, article: ArticleText) -> list[Row]:
        try:
            return _Article(article.text or "").run()
        except Exception:  # never fail the pipeline on odd input
            return []


class _Article:
    """One pass over an article's paragraphs and sentences."""

    def __init__(self, text: str):
        self.text = text
        self.quotes: list[tuple[int, int]] = []
        self.resolver = SpeakerResolver(text)
        self.rows: list[Row] = []
        self.last: tuple[Entity, int] | None = None  # speaker of the last claim, paragraph index
        self.open_paragraph = False  # previous paragraph ended inside a quote

    def run(self) -> list[Row]:
        text = self.text
        paragraphs = split_paragraphs(text)
        for ps, pe in paragraphs:
            self.quotes.extend(_pair_quotes(text, ps, pe))
        self.masked = _mask(text, self.quotes)
        qi = 0
        sent_no = 0
        for pi, (ps, pe) in enumerate(paragraphs):
            for s, e in split_sentences(self.masked, ps, pe):
                while qi < len(self.quotes) and self.quotes[qi][1] <= s:
                    qi += 1
                inside = [q for q in self.quotes[qi:qi + 8] if s <= q[0] < e]
                self._sentence(s, e, inside, pi, sent_no)
                sent_no += 1
            self.open_paragraph = bool(self.quotes) and any(q[1] == pe for q in self.quotes[qi:qi + 8])
        for row in self.rows:
            final = row["speaker"].final()
            row["speaker"], row["speaker_role"] = final.name, final.role
        return self.rows

    # -- one sentence -------------------------------------------------------------------
    def _sentence(self, s: int, e: int, quotes: list[tuple[int, int]], para: int, sent_no: int) -> None:
        masked = self.masked
        used: set[tuple[int, int]] = set()
        found = False
        prev_speaker: tuple[Mention, Entity] | None = None
        for m in _VERB_RE.finditer(masked, s, e):
            vs, ve = m.span()
            lemma, frame = VERBS.get(re.sub(r"\s+", " ", m.group().lower()), (None, None))
            if lemma is None:
                continue
            got = self._frame(s, e, vs, ve, lemma, frame, prev_speaker, sent_no)
            if got is None:
                continue
            mention, spans = got
            entity = self.resolver.resolve(mention, sent_no)
            prev_speaker = (mention, entity)
            for cs, ce in spans:
                self._emit(cs, ce, quotes, used, mention, entity, lemma)
                found = True
            if found:
                self.last = (entity, para)
        free = [q for q in quotes if q not in used]
        if free and not found and self._only_quotes(s, e, free):
            if self.last is not None and (self.last[1] >= para - 1 or self.open_paragraph):
                entity = self.last[0]
                for q in free:
                    self._row("direct", q[0], q[1], entity, None, None)
                self.last = (entity, para)

    def _only_quotes(self, s: int, e: int, quotes: list[tuple[int, int]]) -> bool:
        rest, last = [], s
        for qs, qe in quotes:
            rest.append(self.masked[last:qs])
            last = qe
        rest.append(self.masked[last:e])
        return not re.search(r"\w", "".join(rest))

    # -- frames -------------------------------------------------------------------------
    def _frame(self, s, e, vs, ve, lemma, frame, prev, sent_no):
        """(speaker mention, content spans) for the verb at [vs, ve), or None."""
        masked = self.masked
        left = masked[s:vs]
        if lemma == "according to":
            return self._according(s, e, vs, ve)
        # participle continuing the previous frame: "…, adding that …"
        if _participle(masked, vs, ve) and re.search(r",\s*$", left) and prev is not None:
            return prev[0], self._after(ve, e, lemma, frame) or []
        # the speaker precedes the verb
        clause_start = s
        for cm in re.finditer(r"[”\"]|[:;]", left):
            clause_start = s + cm.end()
        subj = masked[clause_start:vs]
        subj = _TRAIL_ADVERBS.sub("", subj).rstrip(" ,")
        chunks = [c for c in re.split(r",\s+|\s+[—–]\s+|\s+--\s+", subj)]
        if not chunks or not chunks[-1].strip():
            return self._inverted(s, e, vs, ve, left)
        appos = None
        phrase = chunks[-1].strip()
        phrase_start = clause_start + subj.rfind(chunks[-1])
        if len(chunks) >= 2 and re.match(r"(?:who|which|whose|a|an|the|[a-z])", phrase) and \
                not re.fullmatch(r"(?:he|she|it|they|the\s.*)", phrase):
            appos = None if phrase.startswith(("who", "which", "whose")) else phrase
            phrase = chunks[-2].strip()
            phrase_start = clause_start + subj.rfind(chunks[-2])
        phrase = _CONJ.sub("", phrase)
        mention = parse_mention(phrase, appos)
        if mention is None:
            return self._inverted(s, e, vs, ve, left)
        spans = []
        after = self._after(ve, e, lemma, frame)
        # content before the speaker: "…, he said" / "“…,” he said"
        pre = masked[s:phrase_start]
        if re.search(r"(?:,|[”\"],?)\s*$", pre) and re.search(r"\w", pre):
            spans.append((s, s + len(pre.rstrip(" ,"))))
        if after:
            spans.extend(after)
        return (mention, spans) if spans else None

    def _inverted(self, s, e, vs, ve, left):
        """“…,” said X / …, said X: the speaker follows the verb, the content precedes it."""
        masked = self.masked
        if not re.search(r"[,”\"]\s*$", left) or _participle(masked, vs, ve):
            return None
        sm = _INVERTED_SPEAKER.match(masked[ve:e] + ".")
        if not sm:
            return None
        mention = self._mention(sm.group(1), masked[ve + sm.end():e])
        if mention is None:
            return None
        return mention, [(s, s + len(left.rstrip(" ,")))]

    def _after(self, ve: int, e: int, lemma: str, frame: str):
        """Content spans after the verb, per the verb's frame."""
        masked = self.masked
        pos = ve
        if lemma == "tell":
            lm = _LISTENER.match(masked, pos, e)
            if lm:
                pos = lm.end()
        am = _AFTER_VERB.match(masked, pos, e)
        that = colon = False
        if am:
            that, colon = bool(am.group(1)), bool(am.group(2))
            pos = am.end()
        end = e
        # stop at a following ", adding …" or "“…,” he said" so frames do not overlap
        nxt = re.search(r",\s+(?:\w+ing\b)|[”\"],?\s+(?:he|she|it|they)\b", masked[pos:e])
        if nxt:
            end = pos + nxt.start() + (1 if masked[pos + nxt.start()] in "”\"" else 0)
        body = masked[pos:end].strip(_TRIM + ".")
        if len(re.findall(r"\w+", body)) < (1 if frame == "object" else _MIN_WORDS):
            return None
        starts_quote = masked[pos:pos + 1] in ("“", '"')
        if frame == "strict" and not (that or colon or starts_quote):
            return None
        if frame == "object" and body[:1] in "“\"" and lemma in ("deny", "express"):
            return None
        return [(pos, end)]

    def _according(self, s, e, vs, ve):
        masked = self.masked
        nm = re.match(r"\s+([^,.;:]+?)(?=\s*(?:[,.;:]|$))", masked[ve:e])
        if not nm:
            return None
        mention = self._mention(nm.group(1), "")
        if mention is None:
            return None
        pre = masked[s:vs]
        if re.search(r"\w", pre):
            return mention, [(s, s + len(pre.rstrip(" ,")))]
        return mention, [(ve + nm.end(), e)]

    def _mention(self, phrase: str, rest: str) -> Mention | None:
        phrase = phrase.strip()
        appos = None
        am = re.match(r"\s*,\s+((?:a|an|the|[a-z])[^,.;]*)", rest)
        if am:
            appos = am.group(1)
        return parse_mention(phrase, appos)

    # -- rows ---------------------------------------------------------------------------
    def _emit(self, cs, ce, quotes, used, mention, entity, lemma):
        """One content span: direct if it is just quotes, mixed if it holds one, else indirect."""
        inner = [q for q in quotes if cs <= q[0] - 1 and q[1] <= ce + 1]
        if inner and self._only_quotes(cs, ce, inner):
            for q in inner:
                used.add(q)
                self._row("direct", q[0], q[1], entity, mention, lemma)
            return
        for q in inner:
            used.add(q)
        # a quote introduced by a colon at the end of the content is direct on its own
        cs, ce = _trim(self.text, cs, ce)
        if ce - cs < 2:
            return
        self._row("mixed" if inner else "indirect", cs, ce, entity, mention, lemma)

    def _row(self, kind, cs, ce, entity, mention, lemma):
        if kind == "direct":
            while ce > cs and self.text[ce - 1] in " ,":
                ce -= 1
        if ce <= cs:
            return
        self.rows.append({
            "kind": kind,
            "claim_text": self.text[cs:ce],
            "speaker": entity,  # resolved to a name at the end: later mentions may name it
            "speaker_mention": mention.text if mention is not None else None,
            "speaker_role": None,
            "reporting_verb": lemma,
            "start_char": cs,
            "end_char": ce,
        })


def _participle(masked: str, vs: int, ve: int) -> bool:
    """Is the verb an -ing form (*adding*, *saying*)?"""
    return masked[vs:ve].lower().endswith("ing")
