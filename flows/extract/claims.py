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
   Reporting nouns are tried too (`the mayor's claim that …`). Each frame claims its word and
   the words up to its content; where claims overlap only one reading survives (`_one_reading`).
   A run-on sentence is read in pieces of bounded length, so time stays linear in the text.
4. A sentence that is only a quote and has no frame continues the last speaker's claims.
5. Speakers are resolved in reading order by `speakers.SpeakerResolver`.
"""
from __future__ import annotations

import bisect
import csv
import itertools
import logging
import re
from functools import lru_cache
from pathlib import Path

from flows.extract.base import ArticleText, Row
from flows.extract.patterns import trie_pattern
from flows.extract.sentences import split_paragraphs, split_sentences
from flows.extract.speakers import (CHUNK_SPLIT, DAYS, INTRODUCTORY, MONTHS, Entity, Mention, SpeakerResolver,
                                    find_source, parse_mention)

_DIR = Path(__file__).parent / "lexicons" / "claims"
_LOG = logging.getLogger(__name__)


def _lines(name: str) -> list[str]:
    text = (_DIR / name).read_text(encoding="utf-8")
    return [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]


VERBS: dict[str, tuple[str, str]] = {}
for _lemma, _forms, _frame in csv.reader(_lines("reporting_verbs.csv")):
    for _form in _forms.split("|"):
        VERBS[_form] = (_lemma, _frame)
NOUNS: dict[str, str] = {}
for _forms, _lemma in csv.reader(_lines("reporting_nouns.csv")):
    for _form in _forms.split("|"):
        NOUNS[_form] = _lemma
_ADVERBS = "|".join(sorted(map(re.escape, _lines("frame_adverbs.txt")), key=len, reverse=True))
_LISTENERS = "|".join(sorted(map(re.escape, _lines("listeners.txt")), key=len, reverse=True))
# "the mayor took pains to stress …", "officials were quick to point out …": the phrase and "to"
# stand between the source and its reporting verb
_SPEECH_BEFORE_TO = re.compile(r"(?:\s+(?:also|then|later|again|[a-z]+ly))*\s+(?:"
                               + trie_pattern(_lines("speech_before_to.txt"), True) + r")\s+to\s*$")


# Case-sensitive (*State* is not *state*), except a sentence-initial *According to*.
_VERB_RE = re.compile(r"(?<![\w-])(" + trie_pattern(list(VERBS) + ["A" + f[1:] for f in VERBS if VERBS[f][1] == "according"], True)
                      + r")(?![\w-])")
_NOUN_RE = re.compile(r"(?<![\w-])(" + trie_pattern(list(NOUNS), True) + r")(?![\w-])")
# typewriter '' and `` stand for straight double quotes; as alternatives that each start with a
# literal, the marks are found by the engine's fast scan for their first characters
_QUOTE_MARK = re.compile(r"“|”|\"|''|``")
# What may stand next to a reporting verb besides its source and content: time, venue, medium.


def _adjunct(adverbs: str) -> str:
    return (
        # a month alone is no adjunct: it is also a name ("Theresa May said")
        rf"(?:(?:on|last|this|late|early|earlier|later)\s+)?(?:{DAYS})(?![’'])(?:\s+\d{{1,2}})?"
        rf"(?:\s+(?:morning|afternoon|evening|night))?"
        rf"|(?:(?:on|last|this|late|early|earlier|later)\s+(?:{MONTHS})|(?:{MONTHS})(?=\s+\d))(?![’'])(?:\s+\d{{1,2}})?"
        rf"|(?:(?:late|early)\s+)?(?:this|last|next|that|earlier\s+this|later\s+this)\s+(?:week|weekend|month|year|morning|afternoon|evening)"
        rf"|(?:in|on|at|during|through|via)\s+(?:(?:a|an|the|his|her|its|their)\s+)?[^,.;:“\"]{{0,60}}?"
        rf"(?:statement|speech|interview|conference|briefing|post|tweet|letter|report|address|message|meeting|session|"
        rf"hearing|call|remarks|video|broadcast|appearance|communiqu\w+|website|page|account)s?"
        rf"(?:\s+(?:on|with|to|from|at)\s+[A-Z][\w.'’&-]*+(?:\s+[A-Z][\w.'’&-]*+)*)?"
        rf"|(?:in|on|at|of)\s+(?:{MONTHS}|[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)"
        rf"|(?:via|by|in\s+an?)\s+(?:e-?mail|text|phone|telephone|tweet|video)"
        rf"|(?:{adverbs})"
    )


_ADJUNCT = _adjunct(_ADVERBS)
# after the verb an auxiliary starts the content ("which the ministry says was forged"), so it is no adjunct
_AUXILIARY = r"(?:is|was|were|are|has|have|had|would|will|could|can|should|may|might|must|did|not|never|been)"
_ADVERBS_AFTER = "|".join(a for a in _ADVERBS.split("|") if not re.fullmatch(_AUXILIARY, a))
_AFTER_VERB = re.compile(rf"(?:\s*,?\s*(?:{_adjunct(_ADVERBS_AFTER)})\b(?![’']))*\s*,?\s*(?:(that)\b|(:))?\s*")
_DIRECTIVE = re.compile(r"(?:\s+(?!that\b)[\w-]+){0,6}?\s+to\s+[a-z]+\b")
_GAP = re.compile(rf"{_AUXILIARY}\s")
_LISTENER = re.compile(  # who was told: "reporters", "City Radio's Morning Hour", "a news conference"
    rf"\s+(?:(?:{_LISTENERS})\s+)*(?:(?:[A-Z][\w.'’&-]*|al-\w+)(?:\s+(?:[A-Z][\w.'’&-]*|al-\w+|of|for))*"
    rf"(?:['’]s\s+[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|of|the))*)?(?:\s+(?:{_LISTENERS})(?![\w-]))?"
    rf"|(?:{_LISTENERS})|[a-z]+\s+(?:conference|briefing|meeting|session|hearing|gathering|rally|crowd|audience))(?![\w-])")
# each adjunct atomic: "on Monday" is one adjunct or two adverbs, and trying both ways of every
# adjunct in a run is exponential
_TRAIL_ADVERBS = re.compile(rf"(?:\s+(?>(?:{_ADJUNCT}|[a-z]+ly)(?![\w-])))+\s*$")
_PREPOSITION_START = re.compile(r"(?i:in|at|from|for|on|of|during|by|with|after|before|while|when|about|through|via|as"
                                r"|into|over|since|despite|amid|following|without|because|although|though|and|or)\b"
                                r"|to\s+(?:the|a|an|[A-Z][\w.'’-]*|reporters|journalists)(?![\w-])")
_BE_BEFORE = re.compile(r"\b(?:was|were|is|are|been|be|being)\s+(?:[a-z]+ly\s+)?$")  # passive / progressive
_COLON_QUOTE = re.compile(r":\s*[“\"]")
_CLAUSE_MARK = re.compile(r"[”\":;]")  # a quote or a colon ends the clause before a frame
_DOCUMENTS = r"statement|report|letter|advisory|message|video|post|tweet|communiqu\w+|announcement|study|survey|memo"
_DOCUMENT = re.compile(rf"\b(?:{_DOCUMENTS})s?\s*$")
_DOCUMENT_WORD = re.compile(rf"(?:{_DOCUMENTS})s?", re.IGNORECASE)
# a document and the participle that introduces it as the source: "a UN report released on Monday
# said", "a letter seen by reporters says" (the source is the document, not the words after it)
_PARTICIPLE_AFTER_DOCUMENT = r"\s+(?:[a-z]{3,}ed|seen|written|drawn\s+up|sent|given)\b"
_DOCUMENT_PARTICIPLE = re.compile(rf"\b(?:{_DOCUMENTS})s?(?={_PARTICIPLE_AFTER_DOCUMENT}[^,;:“”\"]{{0,80}}$)")
_PARTICIPLE_NEXT_TO_DOCUMENT = re.compile(_PARTICIPLE_AFTER_DOCUMENT)
_DETERMINED = r"(?:\b(?:[Aa]n?|[Tt]he|[Hh]is|[Hh]er|[Ii]ts|[Tt]heir|[Oo]ur)|['’]s?)\s+"  # an article or a possessive
_DETERMINED_BEFORE = re.compile(_DETERMINED + r"(?:[\w'’-]+\s+){0,3}$")
_INTRO = re.compile(r"\s*(?:[A-Z][a-z]*ing|In|On|At|During|After|Before|Since|Despite|Amid|Under|For|From|By|"
                    r"Following|Last|This|Earlier|Later|Similarly|Meanwhile|However)\b")
_THAT_NEXT = re.compile(r",\s*that\b")
_ASKED = re.compile(r"\s*(?:When\s+|If\s+)?(?:Asked|Pressed|Questioned)\b")
_ING_START = re.compile(r"[a-z]+ing\b")
_DETERMINER = r"the|a|an|his|her|its|their|our|this|that|whose"
_NOT_A_FRAME = re.compile(
    rf"(?:\b(?:{_DETERMINER})|['’]s|n[’']t|\bnot|\bnever"
    r"|\b(?:declined|refused|unable|failed|asked|expected|likely|due|going|wants?|wanted|plan(?:s|ned)?|hopes?|hoped"
    r"|able|how|what|whether)\s+to"
    r"|\b(?:it|that|this)(?:['’]s|\s+(?:is|was|would\s+be|will\s+be|seems|seemed))(?:\s+[a-z]+){1,3}\s+to)\s*$",
    re.IGNORECASE)  # a noun ("the remark"), a negation, speech not (yet) made ("declined to say"), an
# impersonal judgement ("it is too early to say", "it would be wrong to claim") that has no source
# Every reading of _NOT_A_FRAME ends in one of these words: testing the last five characters
# first spares most verbs the end-anchored scan of all the text before them.
_NOT_A_FRAME_END = re.compile(rf"(?:{_DETERMINER}|['’]s|n[’']t|not|never|to)$", re.IGNORECASE)
_FINITE = re.compile(r"\s(?:has|have|had|is|are|was|were|will|would|did|does|do|can|could|[a-z]+ed)(?:n[’']t)?\b")
_RELATIVE = re.compile(r"\s*(?:who|which|whose|where|when)\b")
_COORDINATED = re.compile(r"(?:,|\band|\bbut)\s*$")
_CLAUSE_SUBJECT = re.compile(r"\s*(?:(?:But|And|So|Yet|Still|Instead)\s+)?((?:[A-Z][\w.'’-]*|al-\w+)(?:\s+(?:[A-Z][\w.'’-]*|"
                             r"al-\w+|of|the))*|[Tt]he\s+[a-z]+(?:\s+[a-z]+)?|[Hh]e|[Ss]he|[Tt]hey|It)"
                             r"\s+(?:(?:has|have|had|also|then|later|[a-z]+ly|did\s+not|didn[’']t)\s+)*[a-z]+(?:ed|s)?(?![\w-])")
_JOINER = re.compile(r"(?:[,;]?\s+(?:and|but|while|whereas|as|which|who|that)|[,;])\s*$")
_WITH_SUBJECT = re.compile(r".*\bwith\s+(?=\S)", re.S)
_QUOTED_AS = re.compile(r"\s+(?:was|were|is|are|has been|have been)\s+quoted\b.*?\bas\s*$")
_TRIM = " \t,;:—–-"
_WORD = re.compile(r"\w+")
_SPACES = re.compile(r"\s+")
_APPOSITION_AFTER = re.compile(r"\s*,\s+((?:a|an|the|[a-z])[^,.;]*)")
# Speech reported by a noun: "the mayor's admission that …", "a statement from the ministry in March
# that …", "the council made the bold prediction that …"
_NOUN_THAT = re.compile(r"(?P<between>[^,.;:“”\"]{0,80}?)\bthat\s+")
# whose speech a noun reports: a possessive ("the mayor's"), a possessive pronoun, or a name used
# as a modifier after an article ("a City Radio report")
_NOUN_OWNER = re.compile(r"(?:(?P<name>(?:[A-Za-z][\w.'’-]*\s+){0,4}[A-Za-z][\w.'’-]*)['’]s?|\b(?P<pron>[Hh]is|[Hh]er|[Ii]ts|[Tt]heir)"
                         r"|\b(?:[Aa]n?|[Tt]he)\s+(?P<attr>[A-Z][\w.'’&-]*+(?:\s+[A-Z][\w.'’&-]*+){0,3}))"
                         r"\s+(?:[a-z-]+\s+){0,3}$")
# a word after an article or a possessive and capitalised modifiers only: a noun, also when the
# verb lexicon lists it ("a City Radio report that", "the mayor's pledge")
_NOUN_PHRASE_BEFORE = re.compile(_DETERMINED + r"(?:[A-Z][\w.'’&-]*+\s+){0,3}$")
_NOUN_BY = re.compile(r"\b(?:from|by)\s+(?P<src>.+?)(?=\s(?:in|on|at|over|during|last|this|earlier|late)\s|\s*$)")
_NOUN_ISSUED = re.compile(r"\b(?:made|issued|released|gave|offered|repeated|delivered|posted)\s+(?:a|an|the|its|his|her|their)"
                          r"\s+(?:[\w-]+\s+){0,2}$")
_POSSESSIVE_PRONOUN = {"his": "he", "her": "she", "its": "it", "their": "they"}
# Where the "that" clause of a reporting noun ends. A noun's clause is part of a noun phrase, so
# what follows it may be the main clause: ", and residents protested" (a new subject and verb after
# a comma), or, when the noun phrase is the subject ("The mayor's claim that the bridge was safe
# angered residents"), the main verb: the last verb group that follows the clause's own verb with
# no clause word or comma between them.
_AUX = r"has|have|had|is|are|was|were|will|would|can|could|may|might|must|should|shall|does|did"
_NEW_CLAUSE = re.compile(
    r"[,;]\s+(?:(?:and|but|while|whereas|yet|so)\s+)?(?!(?:that|also|then|too|not|even|which|who|whom|whose|where|"
    r"when|while|if|because|as|although|though|since|after|before|until|including|such|and|or|but)\b)"
    r"(?:(?:the|a|an|his|her|its|their|this|these|those|some|many|most|other|several)\s+(?:[\w'’-]+\s+){0,3}?"
    r"|(?:[A-Z][\w.'’-]*\s+){1,4}|(?![a-z]+(?:ly|ing|ed)\b|(?:" + _AUX + r"|be|been|what|how|why)\b)[a-z]+(?:\s+[a-z]+)?\s+)"
    r"(?:(?:also|then|later|not|never|[a-z]+ly)\s+)?"
    r"(?:has|have|had|was|were|is|are|will|would|could|can|did|[a-z]{3,}ed)\b(?![’'-])")
_IRREGULAR_PAST = (r"came|drew|led|made|met|went|took|gave|brought|caught|won|lost|fell|rose|became|began|"
                   r"sent|left|put|set|hit|cost|kept|held|found|saw|got|told|said|meant|proved|seemed")
# a verb group: an auxiliary, then "not", adverbs and a participle; or a bare past form
_VERB_GROUP = re.compile(rf"(?<![\w’'-])(?:(?:{_AUX})(?:n?[’']t)?"
                         rf"(?:\s+(?:not|never|been|be|being|have|had|also|only|just|still|yet|ever|already|now|even|"
                         rf"always|[a-z]+ly))*(?:\s+(?:{_IRREGULAR_PAST}|[a-z]{{2,}}(?:ed|en)))?"
                         rf"|(?P<bare>{_IRREGULAR_PAST}|[a-z]{{2,}}ed))(?![\w’'-])")
# a bare participle before a preposition or "by" modifies a noun ("the hijackers involved in", "an
# agreement entered into by"); a verb group after a relative word is the relative clause's
_MODIFIER_AFTER = re.compile(r"\s+(?:[a-z]+ly\s+|somewhat\s+)?(?:in|on|at|of|for|with|from|into|to|by|over|under|during|after|before|"
                             r"about|against|near|since)\b")
_RELATIVE_BEFORE = re.compile(r"\b(?:who|which|that)\s+$")
_SUBORDINATE_START = re.compile(r"(?:if|when|while|although|though|because|as|since|once|unless|after|before|until|"
                                r"whether|even\s+if|even\s+though)\b", re.IGNORECASE)
# a clause word, a comma or a dash between two verb groups: the second may belong to an embedded clause
_CLAUSE_BREAK = re.compile(r"[,;:()“”\"—–]|\s-+\s|\b(?:that|which|who|whom|whose|where|when|while|if|because|as|and|"
                           r"or|but|than|since|after|before|until|unless|although|though|whether|by|what|how|why|so)\b"
                           r"|\bto\s+(?!(?:the|a|an|his|her|its|their|our|[a-z]+ed|[a-z]+s)\b)[a-z]")  # an infinitive
# a verb group after a pronoun or a relative word belongs to an embedded clause ("… believed he had …")
_EMBEDDED_SUBJECT = re.compile(r"\b(?:he|she|they|it|we|I|you|who|which|that)\s+$")
# a participle used as an adjective follows a determiner or preposition ("to armed vehicles")
_ADJECTIVAL = re.compile(r"\b(?:the|a|an|his|her|its|their|our|this|these|those|some|many|more|most|of|in|on|for|with|"
                         r"from|at|into|to|very|so|too|newly|well)\s+(?:[a-z]+ly\s+)?$")
# the noun phrase is the subject: only a determiner, modifiers and an owner ("The mayor's", "Her
# repeated") stand before the noun in its clause
_SUBJECT_NP = re.compile(r"(?:(?:the|a|an|his|her|its|their|this|that|these|those)\s+|(?=[A-Z]))"
                         r"(?:(?:[A-Z][\w.&-]*|[a-z]+(?<!ed))['’]?s?['’]?\s+|[a-z]+ed\s+(?=\S+['’]))"
                         r"{0,5}", re.IGNORECASE)
_PREPOSITION_INTRO = re.compile(r"(?:Despite|After|Amid|Following|Given|Unlike|Against|Over|In\s+spite\s+of|"
                                r"Contrary\s+to|In\s+response\s+to|Because\s+of|Before|Since|With)\s+")
# the source after an inverted verb: up to a comma, period or a following adjunct
_SOURCE_NP = re.compile(
    r"\s+(?!that\b)([^,;:“\"()]{1,80}?)"
    r"(?=\s*(?:[,;:(]|\.?\s*$|\s(?:who|in|on|at|during|after|before|to|when|as|while|from|that)\s))")
_MIN_WORDS = 3
# Reading bounds: a sentence is read in pieces of at most _SENTENCE_MAX characters, a frame sees
# at most _CONTENT_MAX characters of content on either side and _SUBJECT_MAX of subject before it.
_SENTENCE_MAX, _CONTENT_MAX, _SUBJECT_MAX = 3000, 2000, 300
# "told local radio in remarks broadcast on Friday that …": content starts after a near "that"
_ADJUNCT_THAT = re.compile(rf"\s+(?:to|in|on|at|during|after|before|from|with|late|early|last|this|{DAYS}|{MONTHS})\b"
                           rf"(?:\s+[\w.,'’-]+){{0,9}}?\s+(that)\b")
_THAT_AHEAD = re.compile(r"(?:\s+[\w.'’-]+){1,10}?\s+(that)\b(?![\w-])(?<![,.;:]\sthat)")
_PARTICIPLES = "|".join(sorted((re.escape(f) for f in VERBS if f.endswith("ing")), key=len, reverse=True))
# ", a move that could …", ", a step widely seen as …": the reporter's comment on the claim, a noun
# phrase (one or two words, then perhaps an adverb) that a relative clause or a participle follows
_PARTICIPLE_AFTER_NP = r"[a-z]{3,}ed|seen|known|taken|given|shown|held|made|meant|thought|led|left|kept|built|written"
_APPOSED_NP = (rf",\s+(?:a|an)\s+[\w-]+(?:\s+(?!of\b|and\b|or\b)[\w-]+)?(?:\s+[a-z]+ly)?"
               rf"\s+(?:that|which|who|{_PARTICIPLE_AFTER_NP})\b"
               r"|(?:\s+--|\s+[—–])\s+(?:a|an)\s")
_PAST = "|".join(sorted((re.escape(f) for f in VERBS if f.endswith(("ed", "aid", "old", "ote"))), key=len,
                        reverse=True))
# Where a content span stops: before the next frame (", adding …", "… and warned …",
# "“…,” he said") or the reporter's comment on it; an object also at its first trailing modifier.
_NEXT_FRAME = (rf"(?:,|[”\"])\s+(?:{_PARTICIPLES})\b|{_APPOSED_NP}"
               rf"|(?:\s+and|,)\s+(?:(?:has|have|had|also|later)\s+)*(?:{_PAST})\b|[”\"],?\s+(?:he|she|it|they|said|says)\b")
_CONTENT_END = re.compile(_NEXT_FRAME)
# a finite verb: the words after a speech verb are a clause, not a noun phrase
_FINITE = re.compile(r"\b(?:is|are|was|were|be|been|has|have|had|will|would|can|could|should|may|might|must|shall|"
                     r"did|does|do|[a-z]{2,}ed|[a-z]+n['’]t|said|says|made|took|won|lost|fought|went|came|saw|got|gave|"
                     r"found|left|told|thought|became|began|kept|held|brought|ran|paid|met|sent|built|fell|led|stood|"
                     r"rose|spent|sold|struck|knew|meant|felt|put|set|let|cut|hit|hurt|seems?|needs?|wants?|remains?)\b")
_PARTICIPLE_NEXT = re.compile(rf"(?:{_PARTICIPLES})\b")
_OBJECT_END = re.compile(_NEXT_FRAME + r"|,\s+(?:which|who|whom|where|while|as|after|before|because|but|though|although|"
                         rf"whereas|[a-z]+ing|{_PARTICIPLE_AFTER_NP})\b"
                         # the speech act's own time and circumstances: "… in May 2020", "… when the council met"
                         rf"|\s+(?:when|after|before|while|because)\s+(?:he|she|it|they|we|I|you|(?:the|a|an|his|her|its|"
                         rf"their)\s+(?:[\w'’-]+\s+){{1,3}}?(?:has|have|had|was|were|is|are|will|would|could|did|[a-z]{{3,}}ed))\b"
                         rf"|\s+(?:despite|amid|in\s+response\s+to)\s+(?:the|a|an|his|her|its|their|[A-Z])"
                         rf"|\s+(?:(?:in|on|by|during)\s+(?:(?:early|late|mid-?)\s*)?(?:{MONTHS}|{DAYS}|(?:19|20)\d\d)"
                         rf"|(?:last|this|next)\s+(?:week|month|year|{DAYS}))(?:[\s,]+\d{{1,4}})*(?=[\s.,;]*$)")


def _pair_quotes(text: str, ps: int, pe: int) -> list[tuple[int, int]]:
    """(start, end) of each quote's content in a paragraph; marks outside the spans.

    Curly marks say which side they are; a straight mark is read from its neighbours (space
    before: opening, space or punctuation after: closing) and only when glued on both sides from
    the current state. An opening mark while a quote is open closes that quote first (a missing
    closer, or a new quoted paragraph run together)."""
    spans, open_at = [], None  # open_at: where the open quote's content starts
    for m in _QUOTE_MARK.finditer(text, ps, pe):
        i, j, ch = m.start(), m.end(), m.group()
        if ch in ('"', "''"):
            before = text[i - 1] if i > ps else " "
            after = text[j] if j < pe else " "
            if before.isspace() or before in "([{—–-“":
                ch = "“"
            elif after.isspace() or after in ".,;:!?)]—–-":
                ch = "”"
            else:
                ch = "”" if open_at is not None else "“"
        if ch in ("“", "``"):
            if open_at is not None and i > open_at:
                spans.append((open_at, i))
            open_at = j
        elif open_at is not None:
            if i > open_at:
                spans.append((open_at, i))
            open_at = None
    if open_at is not None and pe > open_at:
        spans.append((open_at, pe))
    return spans


def _mask(text: str, spans: list[tuple[int, int]]) -> str:
    """Quote contents replaced by 'q', keeping the first character and a final . ! ? , so that
    sentence starts and ends stay visible to the splitter; straight marks of paired quotes become
    curly ones, so that the side of every mark is explicit downstream."""
    if not spans:
        return text
    chars = list(text)
    for s, e in spans:
        keep = e - 1 if text[e - 1] in ".!?," else e
        chars[s + 1:keep] = "q" * (keep - s - 1)
        if text[e:e + 2] == "''":
            chars[e:e + 2] = "” "
        elif text[e:e + 1] == '"':
            chars[e] = "”"
    for s, _ in spans:  # openings last: a mark that closes one quote and opens the next opens
        if text[s - 2:s] in ("''", "``"):
            chars[s - 2:s] = " “"
        elif text[s - 1:s] == '"':
            chars[s - 1] = "“"
    return "".join(chars)


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
    """Does [s, e) end inside a quotation it opened (keep that quote's final period)?"""
    return e - s > 0 and text.count("“", s, e) > text.count("”", s, e)


class ClaimExtractor:
    relation = "claims"
    version = "0.3.10"

    def extract(self, article: ArticleText) -> list[Row]:
        try:
            return _Article(article.text or "").run()
        except Exception:  # one odd article must not fail the run: log it, return no claims
            _LOG.exception("claims extraction failed for article %s", article.article_id)
            return []


class _Article:
    """One pass over an article's paragraphs and sentences."""

    def __init__(self, text: str):
        self.text = text
        self.quotes: list[tuple[int, int]] = []
        self.resolver = SpeakerResolver(text)
        self.rows: list[Row] = []
        self.spans: set[tuple[int, int]] = set()
        self.last: tuple[Entity, int] | None = None  # speaker of the last claim, paragraph index
        self.open_paragraph = False  # previous paragraph ended inside a quote
        self.previous = ""  # the previous sentence (masked), for pronoun antecedents

    def run(self) -> list[Row]:
        text = self.text
        paragraphs = split_paragraphs(text)
        for ps, pe in paragraphs:
            self.quotes.extend(_pair_quotes(text, ps, pe))
        self.masked = _mask(text, self.quotes)
        starts = [q[0] for q in self.quotes]
        ends = {q[1] for q in self.quotes}
        sent_no = 0
        for pi, (ps, pe) in enumerate(paragraphs):
            for s, e in _pieces(self.masked, split_sentences(self.masked, ps, pe)):
                inside = self.quotes[bisect.bisect_left(starts, s):bisect.bisect_left(starts, e)]
                self._sentence(s, e, inside, pi, sent_no)
                self.previous = self.masked[s:e]
                sent_no += 1
            self.open_paragraph = pe in ends
        for row in self.rows:
            final = row["speaker"].final()
            row["speaker"], row["speaker_role"] = final.name, final.role
        return self.rows

    # -- one sentence -------------------------------------------------------------------
    def _sentence(self, s: int, e: int, quotes: list[tuple[int, int]], para: int, sent_no: int) -> None:
        """Every frame of the sentence, then its claims; a frameless all-quote sentence continues."""
        masked = self.masked
        used: set[tuple[int, int]] = set()
        frames = []  # (word start, lemma, mention, content spans, source start, word end, is a noun)
        prev: Mention | None = None
        for m in _VERB_RE.finditer(masked, s, e):
            vs, ve = m.span()
            lemma, frame = VERBS.get(_SPACES.sub(" ", m.group().lower()), (None, None))
            if lemma is None:
                continue
            got = self._frame(*self._window(s, e, vs, ve), vs, ve, lemma, frame, prev)
            if got is not None:
                prev = got[0]
                frames.append((vs, lemma) + got + (ve, False))
        # a noun frame needs a "that" after its noun (_NOUN_THAT): nouns are not looked for without one
        for m in _NOUN_RE.finditer(masked, s, e) if masked.find("that", s, e) >= 0 else ():
            got = self._noun_frame(*self._window(s, e, m.start(), m.end()), m.start(), m.end(), NOUNS[m.group()])
            if got is not None:
                frames.append((m.start(), NOUNS[m.group()]) + got + (m.end(), True))
        frames = self._one_reading(s, frames)
        for i, (vs, lemma, mention, spans, *_) in enumerate(frames):
            # content after a verb ends where the next frame's source begins
            later = [f[4] for f in frames[i + 1:]]
            spans = [(cs, _clip(masked, cs, ce, later) if cs > vs else ce) for cs, ce in spans]
            entity = self.resolver.resolve(mention, sent_no, vs, self.previous)
            for cs, ce in spans:
                self._emit(cs, ce, quotes, used, mention, entity, lemma)
            self.last = (entity, para)
        free = [q for q in quotes if q not in used]
        if free and not frames and self._only_quotes(s, e, free):
            # the last claim is recent: this paragraph or one of the two before (a caption or
            # a boilerplate line may sit between two paragraphs of one speech)
            if self.last is not None and (self.last[1] >= para - 2 or self.open_paragraph):
                entity = self.last[0]
                for q in free:
                    self._row("direct", q[0], q[1], entity, None, None)
                self.last = (entity, para)

    def _one_reading(self, s: int, frames: list[tuple]) -> list[tuple]:
        """The frames that claim no word of another kept frame, in text order. A frame claims its
        word and the words up to its content. Where claims overlap, a frame whose source lies
        among the other's words is part of it ("said in his statement that …" is *say*); a word
        read both ways is a noun inside a noun phrase ("a City Radio report that …") and a verb
        elsewhere; else the reading nearest the content wins ("issued a statement saying that …"
        is *say*: the words after the participle are what the statement says)."""
        if len(frames) < 2:
            return frames
        claims = [(f[0], min((cs for cs, _ in f[3] if cs >= f[5]), default=f[5])) for f in frames]

        def rank(i):
            f, (a, b) = frames[i], claims[i]
            inner = f[4] < a and any(c < f[4] < d and a < d and c < b for j, (c, d) in enumerate(claims) if j != i)
            in_np = _NOUN_PHRASE_BEFORE.search(self.masked, max(s, f[0] - 80), f[0]) is not None
            return inner, f[6] != in_np, -f[0]

        kept: list[tuple[int, int]] = []
        out = []
        for i in sorted(range(len(frames)), key=rank):
            a, b = claims[i]
            if all(b <= c or d <= a for c, d in kept):
                kept.append((a, b))
                out.append(frames[i])
        return sorted(out, key=lambda f: f[0])

    def _window(self, s: int, e: int, vs: int, ve: int) -> tuple[int, int]:
        """The part of sentence [s, e) a frame at [vs, ve) reads: at most _CONTENT_MAX characters
        on either side, cut at spaces, so that each frame costs the same in a long sentence."""
        masked = self.masked
        end = e
        if e - ve > _CONTENT_MAX:
            end = masked.rfind(" ", ve + 1, ve + _CONTENT_MAX)
            end = end if end > ve else ve + _CONTENT_MAX
        return _word_start(masked, s, vs - _CONTENT_MAX, vs), end

    def _only_quotes(self, s: int, e: int, quotes: list[tuple[int, int]]) -> bool:
        """Is [s, e) nothing but these quotes and punctuation?"""
        rest, last = [], s
        for qs, qe in quotes:
            rest.append(self.masked[last:qs])
            last = qe
        rest.append(self.masked[last:e])
        return not _WORD.search("".join(rest))

    # -- frames -------------------------------------------------------------------------
    def _frame(self, s, e, vs, ve, lemma, frame, prev):
        """(speaker mention, content spans, source start) for the verb at [vs, ve), or None."""
        masked = self.masked
        left = masked[s:vs]
        if lemma == "according to":
            return self._according(s, e, vs, ve)
        near = left[-80:]  # what stands right before the verb (end-anchored patterns scan less)
        if (_DOCUMENT_WORD.fullmatch(masked, vs, ve) and _PARTICIPLE_NEXT_TO_DOCUMENT.match(masked, ve)
                and _DETERMINED_BEFORE.search(near)):
            return None  # "a UN report released on Monday said …": a noun, the source of the verb after it
        ing, passive = _participle(masked, vs, ve), _BE_BEFORE.search(near) is not None
        if _NOT_A_FRAME_END.search(near.rstrip()[-5:]) and _NOT_A_FRAME.search(near) or passive and not ing:
            return None  # "the remark", "would not say", "was shown"
        participle = ing and not passive
        # a verb continuing the previous frame or clause: "…, adding that …", "… and said …"
        joined = _COORDINATED.search(_drop_adjuncts(near))
        if joined and prev is not None:
            after = self._after(ve, e, lemma, frame)
            return (prev, after, vs) if after else None
        if joined and (participle or joined.group().strip() in ("and", "but")):
            return self._main_subject(s, vs, ve, e, lemma, frame)
        # the speaker precedes the verb, within the clause and at most _SUBJECT_MAX characters away
        lo = _word_start(masked, s, vs - _SUBJECT_MAX, vs)
        clause_start = lo
        for cm in _CLAUSE_MARK.finditer(masked, lo, vs):
            clause_start = cm.end()
        subj = masked[clause_start:vs]
        if participle:  # a participle has its own source only in "X was quoted as saying", "with X saying"
            quoted_as = _QUOTED_AS.search(subj)
            with_subject = None if quoted_as else _WITH_SUBJECT.match(subj)
            if quoted_as:
                subj = subj[:quoted_as.start()]
            elif with_subject:
                clause_start += with_subject.end()
                subj = subj[with_subject.end():]
            elif _DOCUMENT.search(near) or _DOCUMENT.search(_drop_adjuncts(near)):
                # "issued a statement (on Monday) declaring …", "in a tweet accusing …": the issuer's claim
                return self._main_subject(s, vs, ve, e, lemma, frame)
            else:
                return None
        subj = _untail(_SPEECH_BEFORE_TO.sub("", subj) if subj.rstrip().endswith(" to") else subj)
        document = _DOCUMENT_PARTICIPLE.search(subj)
        if document:
            subj = subj[:document.end()]
        found = find_source(subj)
        if found is None and clause_start > lo and not participle and left[:1] not in "“\"":
            # the quote sits inside the subject's relative clause: "X, whom Y calls “…,” argued"
            found = find_source(_untail(masked[lo:vs]))
            clause_start = lo
        if found is None:
            return self._inverted(s, e, vs, ve, left)
        mention, offset = found
        source = clause_start + offset
        spans = self._contents(s, ve, source, self._after(ve, e, lemma, frame))
        return (mention, spans, source) if spans else None

    def _contents(self, s, ve, source, after):
        """The content spans of a frame: the text after the verb (`after`) and/or the text before
        the source. Before it, a quote always counts ("“…,” he said"); a clause counts when nothing
        follows the frame ("…, he said.") or only narrative does ("…, he said, with …"); but in
        "The answer, he said, lies in …" the content is what follows."""
        masked = self.masked
        spans = []
        pre = masked[s:source]
        if _ends_at_comma_or_quote(pre) and _WORD.search(pre):
            pre_quote = pre.rstrip().endswith(("”", '"', "”,", '",')) and pre.lstrip()[:1] in "“\""
            after_quote = bool(after) and after[0][0] <= ve + 3 and masked[after[0][0]:after[0][0] + 1] in "“\""
            if pre_quote or not after and _is_clause(pre):
                spans.append((s, s + len(pre.rstrip(" ,"))))
            elif (after and masked.startswith(",", ve) and not after_quote and _is_clause(pre)
                  and not _THAT_NEXT.match(masked, ve)
                  and (len(self.text[s:source].split()) > 6 or not masked[after[0][0]].islower())):
                spans.append((s, s + len(pre.rstrip(" ,"))))
                after = None
        return spans + (after or [])

    def _main_subject(self, s, vs, ve, e, lemma, frame):
        """"The council has refused …, saying it needs …", "She didn't … but said …": the source is the
        subject that opens the clause (the words before its first verb)."""
        for chunk in CHUNK_SPLIT.split(self.masked[s:vs]):
            if INTRODUCTORY.match(chunk) or _RELATIVE.match(chunk):
                continue
            verb = _FINITE.search(chunk)
            lead = _CLAUSE_SUBJECT.match(chunk)
            phrase = chunk[:verb.start()] if verb else lead.group(1) if lead else chunk
            found = parse_mention(_drop_adjuncts(phrase))
            if found is None:
                return None
            after = self._after(ve, e, lemma, frame)
            return (found, after, vs) if after else None
        return None

    def _noun_frame(self, s, e, ns, ne, lemma):
        """(source, content after "that", source start) for a reporting noun, or None."""
        masked = self.masked
        that = _NOUN_THAT.match(masked, ne, e)
        if that is None:
            return None
        before = masked[max(s, ns - 80):ns]
        mention, start = None, ns
        owner = _NOUN_OWNER.search(before)
        by = _NOUN_BY.search(that.group("between"))
        issued = _NOUN_ISSUED.search(before)
        if issued:  # "the union issued a statement that …": the issuer (not an owner before "issued")
            lo = _word_start(masked, s, ns - _SUBJECT_MAX, ns)
            found = find_source(_untail(masked[lo:ns - len(before) + issued.start()]))
            mention, start = (found[0], lo + found[1]) if found else (None, ns)
        elif owner and owner.group("pron"):
            mention = parse_mention(_POSSESSIVE_PRONOUN[owner.group("pron").lower()])
            start = ns - len(before) + owner.start()
        elif owner and owner.group("attr"):
            mention = parse_mention(owner.group("attr"))
            start = ns - len(before) + owner.start("attr")
        elif owner:  # the longest run of the words before 's that reads as a source
            words = owner.group("name").split()
            for k in range(len(words) - 1, -1, -1):
                mention = parse_mention(" ".join(words[k:])) or mention
            start = ns - len(before) + owner.start()
        elif by:
            mention = parse_mention(by.group("src"))
            start = ne + by.start("src")
        if mention is None:
            return None
        after = self._after(that.end(), e, lemma, "speech")
        if after:
            after = [(cs, self._noun_clause_end(s, ns, cs, ce)) for cs, ce in after]
        return (mention, after, start) if after else None

    def _noun_clause_end(self, s, ns, cs, ce):
        """End of a reporting noun's "that" clause [cs, ce): before a new clause after a comma
        (", and residents protested"); after an introductory phrase ("Despite the mayor's claim
        that …, residents …") at its comma; and when the noun phrase is the subject before the
        main verb ("… that the bridge was safe angered residents")."""
        masked = self.masked
        nc = None if _SUBORDINATE_START.match(masked, cs) else _NEW_CLAUSE.search(masked, cs, ce)
        if nc and _VERB_GROUP.search(masked, cs, nc.start()):  # the clause has its verb: not an apposition
            ce = nc.start()
        lo = max(s, ns - 120)
        clause_start = lo
        for cm in re.finditer(r"[;:”“\"]|,\s", masked[lo:ns]):
            clause_start = lo + cm.end()
        before = masked[clause_start:ns].lstrip()
        intro = _PREPOSITION_INTRO.match(before)
        if intro:
            comma = masked.find(", ", cs, ce)
            return comma if comma > cs else ce
        if not _SUBJECT_NP.fullmatch(before):
            return ce
        # verb groups, without participles used as adjectives ("the accused", "to armed vehicles")
        groups = [g for g in _VERB_GROUP.finditer(masked, cs, ce)
                  if not _ADJECTIVAL.search(masked, max(cs, g.start() - 30), g.start())
                  and not _RELATIVE_BEFORE.search(masked, max(cs, g.start() - 8), g.start())
                  and not (g.group("bare")
                           and (_MODIFIER_AFTER.match(masked, g.end(), ce) or not _WORD.search(masked, g.end(), ce)))]
        for i in range(1, len(groups)):
            if _CLAUSE_BREAK.search(masked, groups[i - 1].end(), groups[i].start()):
                break
            if not _EMBEDDED_SUBJECT.search(masked, max(cs, groups[i].start() - 8), groups[i].start()):
                # of two verb groups in a row the first is a complement ("was in fact deliberate surprised")
                while i + 1 < len(groups) and not masked[groups[i].end():groups[i + 1].start()].strip():
                    i += 1
                return masked.rfind(" ", cs, groups[i].start())
        return ce

    def _inverted(self, s, e, vs, ve, left):
        """“…,” said X / …, said X: the speaker follows the verb, the content precedes it."""
        masked = self.masked
        if not _ends_at_comma_or_quote(left[-8:]) or _participle(masked, vs, ve):
            return None
        sm = _SOURCE_NP.match(masked[ve:e])
        if not sm:
            return None
        mention = self._mention(sm.group(1), masked[ve + sm.end():e])
        if mention is None:
            return None
        return mention, [(s, s + len(left.rstrip(" ,")))], ve

    def _after(self, ve: int, e: int, lemma: str, frame: str):
        """Content spans after the verb, per the verb's frame."""
        masked = self.masked
        pos = ve
        if lemma == "tell":
            lm = _LISTENER.match(masked, pos, e)
            if lm:
                pos = lm.end()
                if _DIRECTIVE.match(masked, pos):  # "told drivers to stay off the road": the whole order
                    frame, pos = "object", ve
        tm = (_THAT_AHEAD if lemma == "tell" else _ADJUNCT_THAT).match(masked, pos, e) if frame != "object" else None
        if tm:
            pos = tm.start(1)
        am = _AFTER_VERB.match(masked, pos, e)
        that = colon = False
        if am:
            that, colon = bool(am.group(1)), bool(am.group(2))
            pos = am.end()
        if _PARTICIPLE_NEXT.match(masked, pos):
            return None  # "he said, adding: “…”": the content belongs to the next frame
        end = e
        # stop before a following frame (", adding …", "“…,” he said"), and an object at its
        # first trailing modifier (", which …", ", meant to …")
        nxt = (_OBJECT_END if frame == "object" else _CONTENT_END).search(masked, pos, e)
        noun_phrase = False
        if frame == "speech" and not (that or colon):
            # "announced the plan in May 2020": no verb after a speech verb, so its object
            # is a noun phrase, which ends like that of a speech act
            obj = _OBJECT_END.search(masked, pos, nxt.start() if nxt else e)
            if obj and not _FINITE.search(masked, pos, nxt.start() if nxt else e):
                nxt, noun_phrase = obj, True
        if nxt:
            end = nxt.start() + (1 if masked[nxt.start()] in "”\"" else 0)
        if _GAP.match(masked, pos):  # "a ring that the police say is smuggling fuel, …": up to the comma
            comma = masked.find(",", pos, end)
            end = comma if comma > 0 else end
        body = self.text[pos:end].strip(_TRIM + ".")
        if not _has_words(body, 1 if frame == "object" or noun_phrase else _MIN_WORDS):
            return None
        starts_quote = masked[pos:pos + 1] in ("“", '"')
        if frame == "strict" and not (that or colon or starts_quote):
            return None
        colon_quote = _COLON_QUOTE.search(masked, pos, end)
        if colon_quote and not that and not colon:  # "spoke to X about Y: “…”"
            return [(colon_quote.end() - 1, end)]
        if not that and (_PREPOSITION_START.match(masked, pos) or frame != "object" and _ING_START.match(masked, pos)):
            return None  # "reported from the border", "said in a new book …", "said, echoing …"
        return [(pos, end)]

    def _according(self, s, e, vs, ve):
        """"…, according to X." / "According to X, …" / "A, according to X, was B": the longer side."""
        masked = self.masked
        nm = _SOURCE_NP.match(masked[ve:e])
        if not nm:
            return None
        mention = self._mention(nm.group(1), "")
        if mention is None:
            return None
        pre = masked[s:vs]
        after = (ve + nm.end(), e)
        if len(pre.split()) >= _MIN_WORDS or _WORD.search(pre) and not _WORD.search(masked, after[0], e):
            return mention, [(s, s + len(pre.rstrip(" ,")))], vs
        return mention, [after], vs

    def _mention(self, phrase: str, rest: str) -> Mention | None:
        """A source written after its verb, with the apposition that may follow it in `rest`."""
        phrase = phrase.strip()
        appos = None
        am = _APPOSITION_AFTER.match(rest)
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
        cs, ce = _trim(self.text, cs, ce)
        if ce - cs < 2:
            return
        self._row("mixed" if inner else "indirect", cs, ce, entity, mention, lemma)

    def _row(self, kind, cs, ce, entity, mention, lemma):
        """Append one claim row (the speaker stays an entity until the article is read)."""
        if kind == "direct":
            while ce > cs and self.text[ce - 1] in " ,":
                ce -= 1
        if ce <= cs or (cs, ce) in self.spans:
            return  # one span is one claim, credited to the first frame that read it
        self.spans.add((cs, ce))
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


def _drop_adjuncts(text: str) -> str:
    """`text` without the adverbs and time phrases that end it ("X on Sunday also"); only the last
    80 characters are looked at, so the end-anchored pattern never scans a long text."""
    return text[:-80] + _drop_trail(text[-80:])


@lru_cache(maxsize=256)  # a frame drops the adjuncts before its verb twice: for `_COORDINATED` and from its subject
def _drop_trail(tail: str) -> str:
    return _TRAIL_ADVERBS.sub("", tail)


def _pieces(masked: str, sentences: list[tuple[int, int]]):
    """The sentences, each longer than _SENTENCE_MAX (text without end marks, such as an
    all-lowercase one) cut into pieces, at a comma or semicolon in the second half of a piece
    if there is one, else at a space: frames are read sentence by sentence, and one huge
    sentence would make the reading quadratic."""
    for s, e in sentences:
        while e - s > _SENTENCE_MAX:
            half, end = s + _SENTENCE_MAX // 2, s + _SENTENCE_MAX
            cut = max(masked.rfind(", ", half, end), masked.rfind("; ", half, end))
            cut = cut + 1 if cut > 0 else masked.rfind(" ", s + 1, end)
            cut = cut if cut > s else end
            yield s, cut
            s = cut
            while s < e and masked[s].isspace():
                s += 1
        if e > s:
            yield s, e


def _word_start(masked: str, lo: int, pos: int, hi: int) -> int:
    """The first word start in [pos, hi] (hi if none), and not before lo."""
    if pos <= lo or masked[pos - 1].isspace():
        return max(lo, pos)
    while pos < hi and not masked[pos].isspace():
        pos += 1
    while pos < hi and masked[pos].isspace():
        pos += 1
    return pos


def _untail(subject: str) -> str:
    """The words before a verb without the adjuncts next to it, and without a trailing comma."""
    return _drop_adjuncts(subject).rstrip(" ,")


def _is_clause(text: str) -> bool:
    """Could this text before a frame be reported content (not "Similarly," or "Asked whether …,")?"""
    chunks = [c for c in CHUNK_SPLIT.split(text.strip(" ,")) if c.strip()]
    return (len(text.split()) >= _MIN_WORDS and not _ASKED.match(text)
            and not all(_INTRO.match(c) and not _FINITE.search(c) for c in chunks))  # "During his years in office,"


def _clip(masked: str, cs: int, ce: int, sources: list[int]) -> int:
    """End of a content span cut before the first later source that starts a new clause inside
    it (", and X said", "A did B, X said"); a source that is part of the content's own subject
    (*her chief of staff, Lena Ruiz, has said*) does not cut it."""
    for src in sources:
        if cs < src < ce:
            joiner = _JOINER.search(masked, cs, src)
            if joiner and (joiner.group().strip(" ,") or _FINITE.search(masked, cs, joiner.start())):
                return joiner.start()
    return ce


def _ends_at_comma_or_quote(text: str) -> bool:
    """Does text end with a comma or a closing quote (then perhaps spaces)?"""
    return text.rstrip().endswith((",", "”", '"'))


def _has_words(text: str, n: int) -> bool:
    """Does text hold at least n words? (Counts no further: a content span can be long.)"""
    return sum(1 for _ in itertools.islice(_WORD.finditer(text), n)) == n


def _participle(masked: str, vs: int, ve: int) -> bool:
    """Is the verb an -ing form (*adding*, *saying*)?"""
    return masked[vs:ve].lower().endswith("ing")
