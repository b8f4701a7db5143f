"""Bytes to text, with the fallbacks real newsroom files need and a clear word when there is no text."""
from __future__ import annotations

import re

ARABIC = re.compile(r"[\u0600-\u06ff]")
# A non-ASCII letter inside a word that also has ASCII letters: how Western text looks (Café,
# Türkiye). Arabic bytes read as Windows-1252 give words made only of accented letters instead.
WESTERN = re.compile(r"(?<=[A-Za-z])[\u00c0-\u024f]|[\u00c0-\u024f](?=[A-Za-z])")


class NotText(ValueError):
    """The bytes are not an article's text; `check` names why, for the rejects relation."""

    def __init__(self, check: str, reason: str):
        super().__init__(reason)
        self.check = check


# Every byte but the control codes text never holds (tab, newlines, form feed and CR are text).
_NOT_CONTROL = bytes(b for b in range(256) if not (b < 9 or 13 < b < 32))


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    controls = len(sample.translate(None, _NOT_CONTROL))  # counted in C, not byte by byte in Python
    return controls > len(sample) * 0.05


def _legacy_decode(data: bytes) -> tuple[str, str]:
    """Windows-1256 (Arabic) or Windows-1252 (Western): whichever reads as more letters of its script."""
    arabic = data.decode("cp1256", errors="replace")
    western = data.decode("cp1252", errors="replace")
    if len(ARABIC.findall(arabic)) > len(WESTERN.findall(western)):
        return arabic, "cp1256"
    return western, "cp1252"


def decode_text(data: bytes) -> tuple[str, str]:
    """Return (text, encoding). Text has its BOM dropped and line ends made `\\n`, so offsets are stable."""
    if not data.strip():
        raise NotText("empty", "the file is empty (no text to extract)")
    if _looks_binary(data):
        raise NotText("binary", "the file is binary, not text (NUL or control bytes)")
    try:
        text, encoding = data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        text, encoding = _legacy_decode(data)
    return text.replace("\r\n", "\n").replace("\r", "\n"), encoding
