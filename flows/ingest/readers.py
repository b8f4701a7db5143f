"""Readers for the three input formats, and the plan that cuts the raw folder into work units.

A unit is a byte range of one file, so a single huge JSON Lines file is read in bounded pieces
and memory grows with the batch, not with the corpus.
"""
from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

from flows.ingest.articles import Article, InputReject, parse_published
from flows.ingest.decode import NotText, decode_text

MIN_HTML_WORDS = 15  # less main text than this is navigation or boilerplate, not an article
FORMATS = {".txt": "txt", ".text": "txt", ".jsonl": "jsonl", ".ndjson": "jsonl", ".html": "html", ".htm": "html"}


@dataclass(frozen=True, slots=True)
class Unit:
    path: str
    source_file: str
    start: int = 0
    end: int | None = None  # None: to the end of the file
    first_line: int = 1


def _jsonl_units(path: Path, rel: str, target_bytes: int) -> list[Unit]:
    units, start, line = [], 0, 1
    size = path.stat().st_size
    with path.open("rb") as fh:
        while start < size:
            fh.seek(min(start + target_bytes, size))
            fh.readline()  # finish the line the cut fell in
            end = min(fh.tell(), size)
            fh.seek(start)
            lines_here = fh.read(end - start).count(b"\n")
            units.append(Unit(str(path), rel, start, end, line))
            start, line = end, line + lines_here
    return units or [Unit(str(path), rel)]


def plan_units(raw: Path, target_bytes: int = 4 << 20) -> tuple[list[Unit], list[InputReject]]:
    """Every file under `raw` (hidden ones skipped), in a stable order; unknown formats are rejected."""
    units: list[Unit] = []
    rejects: list[InputReject] = []
    for dirpath, dirnames, filenames in os.walk(raw):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if name.startswith("."):
                continue
            path = Path(dirpath) / name
            rel = path.relative_to(raw).as_posix()
            fmt = FORMATS.get(path.suffix.lower())
            if fmt is None:
                rejects.append(InputReject(rel, "unsupported_format",
                                           f"not read: '{path.suffix or name}' is not one of {sorted(FORMATS)}"))
            elif fmt == "jsonl" and os.access(path, os.R_OK) and path.stat().st_size > target_bytes:
                units.extend(_jsonl_units(path, rel, target_bytes))
            else:
                units.append(Unit(str(path), rel))
    return units, rejects


def _read_bytes(unit: Unit) -> bytes:
    with open(unit.path, "rb") as fh:
        fh.seek(unit.start)
        return fh.read() if unit.end is None else fh.read(unit.end - unit.start)


def _text_article(unit: Unit, data: bytes) -> Article:
    text, encoding = decode_text(data)
    return Article(source_file=unit.source_file, text=text, encoding=encoding)


def _html_article(unit: Unit, data: bytes) -> Article:
    import trafilatura  # imported on first HTML file only: it is slow to load

    html, encoding = decode_text(data)
    doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False, include_tables=False,
                                      favor_precision=True)
    text = getattr(doc, "text", None) if doc is not None else None
    if not text or len(text.split()) < MIN_HTML_WORDS:
        raise NotText("no_article", "the HTML page has no article text that could be extracted")
    return Article(source_file=unit.source_file, text=text, title=getattr(doc, "title", None),
                   published=parse_published(getattr(doc, "date", None)), url=getattr(doc, "url", None),
                   source=getattr(doc, "sitename", None), encoding=encoding)


def _str_or_none(value: object) -> str | None:
    return str(value) if value not in (None, "") else None


def _jsonl_articles(unit: Unit, data: bytes) -> tuple[list[Article], list[InputReject]]:
    articles, rejects = [], []
    if unit.start == 0 and unit.end in (None, len(data)) and not data.strip():
        raise NotText("empty", "the file is empty (no text to extract)")
    for offset, raw_line in enumerate(data.split(b"\n")):
        line_no = unit.first_line + offset
        if not raw_line.strip():
            continue
        snippet = raw_line[:300].decode("utf-8", errors="replace")
        try:
            line, _ = decode_text(raw_line)
            obj = json.loads(line)
        except (NotText, json.JSONDecodeError) as exc:
            rejects.append(InputReject(unit.source_file, "invalid_json", f"line {line_no}: not a JSON object ({exc})",
                                       snippet, line_no))
            continue
        text = obj.get("text") if isinstance(obj, dict) else None
        if not isinstance(text, str) or not text.strip():
            rejects.append(InputReject(unit.source_file, "missing_text",
                                       f"line {line_no}: no non-empty 'text' field", snippet, line_no))
            continue
        articles.append(Article(
            source_file=unit.source_file, source_line=line_no, text=text.replace("\r\n", "\n"),
            title=_str_or_none(obj.get("title")), published=parse_published(obj.get("date")),
            source=_str_or_none(obj.get("source")), url=_str_or_none(obj.get("url") or obj.get("source_url")),
            external_id=_str_or_none(obj.get("id"))))
    return articles, rejects


def read_unit(unit: Unit, max_chars: int) -> tuple[list[Article], list[InputReject]]:
    """Read one unit; whatever goes wrong becomes a reject with a message a user can act on."""
    fmt = FORMATS[Path(unit.path).suffix.lower()]
    try:
        data = _read_bytes(unit)
        if fmt == "jsonl":
            articles, rejects = _jsonl_articles(unit, data)
        else:
            articles, rejects = [(_text_article if fmt == "txt" else _html_article)(unit, data)], []
    except PermissionError:
        return [], [InputReject(unit.source_file, "unreadable", "the file cannot be read (permission denied)")]
    except OSError as exc:
        return [], [InputReject(unit.source_file, "unreadable", f"the file cannot be read ({exc.strerror or exc})")]
    except NotText as exc:
        return [], [InputReject(unit.source_file, exc.check, str(exc))]
    kept = []
    for article in articles:
        if len(article.text) > max_chars:
            rejects.append(InputReject(article.source_file, "too_large",
                                       f"article of {len(article.text):,} characters exceeds max_article_chars "
                                       f"({max_chars:,}); raise it in newsfacts.toml to extract it",
                                       article.text[:300], article.source_line))
        else:
            kept.append(article)
    return kept, rejects
