"""The article record every later stage works on, and its content-derived id."""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import date, datetime


@dataclass(frozen=True, slots=True)
class Article:
    source_file: str  # relative to the raw folder, POSIX separators
    text: str
    source_line: int | None = None  # 1-based line in a JSON Lines file
    title: str | None = None
    published: date | None = None
    source: str | None = None
    url: str | None = None
    external_id: str | None = None
    encoding: str = "utf-8"
    text_sha256: str = field(init=False)
    article_id: str = field(init=False)

    def __post_init__(self) -> None:
        digest = hashlib.sha256(self.text.encode("utf-8")).hexdigest()
        object.__setattr__(self, "text_sha256", digest)
        # The id is the content: the same text always gets the same id, wherever it lies.
        object.__setattr__(self, "article_id", digest[:20])


@dataclass(frozen=True, slots=True)
class InputReject:
    """Input that could not become an article: kept with the reason, never dropped."""
    source_file: str
    check: str
    reason: str
    content: str | None = None
    source_line: int | None = None


_DATE_FORMATS = ("%Y-%m-%d", "%Y/%m/%d", "%d/%m/%Y", "%B %d, %Y", "%b %d, %Y", "%d %B %Y", "%d %b %Y",
                 "%Y-%m-%dT%H:%M:%S", "%a, %d %b %Y %H:%M:%S")
_ISO_PREFIX = re.compile(r"^\d{4}-\d{2}-\d{2}")


def parse_published(raw: object) -> date | None:
    """Best effort on the odd date strings real feeds carry; unknown stays None (never a guess)."""
    if not isinstance(raw, str) or not raw.strip():
        return None
    value = raw.strip()
    m = _ISO_PREFIX.match(value)
    if m:
        try:
            return date.fromisoformat(m.group(0))
        except ValueError:
            return None
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(value, fmt).date()
        except ValueError:
            continue
    return None
