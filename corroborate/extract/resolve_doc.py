"""Positions in one article that resolution needs: sentences, paragraphs and quoted stretches."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

from .mention_tokens import tokenize

# Curly quotes pair across lines; straight quotes only within a paragraph (they cannot say which end is which).
_QUOTE = re.compile(r"“[^”“]*”|\"[^\"\n]*\"")


@dataclass(frozen=True)
class DocIndex:
    sentence_starts: tuple[int, ...]
    paragraph_starts: tuple[int, ...]
    quotes: tuple[tuple[int, int], ...]

    def sentence(self, pos: int) -> int:
        return bisect_right(self.sentence_starts, pos) - 1

    def paragraph(self, pos: int) -> int:
        return bisect_right(self.paragraph_starts, pos) - 1

    def in_quote(self, pos: int) -> bool:
        k = bisect_right(self.quotes, (pos, 1 << 62)) - 1
        return k >= 0 and self.quotes[k][0] < pos < self.quotes[k][1]


@lru_cache(maxsize=2)
def index_text(text: str) -> DocIndex:
    """Cached: resolution, and each pronoun resolved for a claim's speaker, index the same article.

    >>> doc = index_text('He left. "We won," she said.\\nThen rain.')
    >>> doc.sentence(0), doc.sentence(10), doc.paragraph(30), doc.in_quote(11), doc.in_quote(21)
    (0, 1, 1, True, False)
    """
    sentences, paragraphs = [0], [0]
    for tok in tokenize(text):
        if tok.newline:
            paragraphs.append(tok.start)
        if (tok.initial or tok.newline) and tok.start > sentences[-1]:
            sentences.append(tok.start)
    quotes = tuple((m.start(), m.end()) for m in _QUOTE.finditer(text))
    return DocIndex(tuple(sentences), tuple(paragraphs), quotes)
