"""When a claim was made: a time expression in the claim's own sentence, outside the quoted content.

"X said on Sunday that ..." and "..., X said on Sunday." date the statement; a date inside the
content ("the attack on Sunday") dates what was talked about, so it is not used.
"""
from __future__ import annotations

import re

from flows.extract.base import Row

# A sentence ends at . ! or ? followed by space, or at a line break.
_END = re.compile(r"[.!?][\"'\u201d\u2019)]*\s|\n")


def _sentence_start(text: str, at: int) -> int:
    start = 0
    for m in _END.finditer(text, max(0, at - 600), at):
        start = m.end()
    return start


def _sentence_end(text: str, at: int) -> int:
    m = _END.search(text, at)
    return m.start() + 1 if m else len(text)


def attach_said_on(text: str, claims: list[Row], times: list[Row]) -> None:
    """Set `said_on` on each claim (None where its sentence gives no date outside the content)."""
    for claim in claims:
        claim.setdefault("said_on", None)
    if not times:
        return
    for claim in claims:
        lo, hi = _sentence_start(text, claim["start_char"]), _sentence_end(text, claim["end_char"])
        outside = [t for t in times if lo <= t["start_char"] and t["end_char"] <= hi
                   and (t["end_char"] <= claim["start_char"] or t["start_char"] >= claim["end_char"])
                   and t.get("resolved_date") is not None]
        if outside:
            nearest = min(outside, key=lambda t: min(abs(t["start_char"] - claim["end_char"]),
                                                     abs(claim["start_char"] - t["end_char"])))
            claim["said_on"] = nearest["resolved_date"]
