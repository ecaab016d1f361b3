"""Closed word lists of the sentence splitter and the quote extractor, kept as data.

They live in ``corroborate/data/lexicons/word_lists.txt``: ``[section]`` headers,
then words separated by spaces or line breaks; ``#`` starts a comment.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

WORD_LISTS_PATH = Path(__file__).resolve().parents[1] / "data" / "lexicons" / "word_lists.txt"


def parse_word_lists(text: str) -> dict[str, frozenset[str]]:
    """Sections of a word-list file.

    >>> lists = parse_word_lists("# titles\\n[titles]\\nmr mrs  # Mister\\ndr\\n[empty]\\n")
    >>> sorted(lists["titles"]), sorted(lists["empty"])
    (['dr', 'mr', 'mrs'], [])
    """
    sections: dict[str, set[str]] = {}
    current: set[str] | None = None
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].strip()
        if line.startswith("[") and line.endswith("]"):
            current = sections.setdefault(line[1:-1], set())
        elif line and current is not None:
            current.update(line.split())
    return {name: frozenset(words) for name, words in sections.items()}


@lru_cache(maxsize=1)
def _all() -> dict[str, frozenset[str]]:
    return parse_word_lists(WORD_LISTS_PATH.read_text(encoding="utf-8"))


def word_list(section: str) -> frozenset[str]:
    """One section of the shipped word lists (a ``KeyError`` names a missing one)."""
    return _all()[section]
