"""Lexicons as regular expressions: one alternation shaped as a prefix trie.

Python's re tries alternatives one by one; a trie-shaped pattern rejects a position on its first
letter instead of trying every word, which keeps whole-text scans fast.
"""
from __future__ import annotations

import re
from collections.abc import Iterable


def trie_pattern(words: Iterable[str], flexible_spaces: bool = False) -> str:
    """The words as one pattern; with `flexible_spaces`, a space in a word matches any run of
    whitespace (multi-word phrases broken across lines)."""
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}
    space = r"\s+" if flexible_spaces else None

    def walk(node: dict) -> str:
        ends = "" in node
        alts = [(space if space and ch == " " else re.escape(ch)) + walk(child)
                for ch, child in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 and not ends else "(?:" + "|".join(alts) + ")"
        return body + "?" if ends else body

    return walk(trie)
