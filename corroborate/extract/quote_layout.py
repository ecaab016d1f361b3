"""Where quotations, units and paragraphs are in an article's text.

A unit is a sentence, or several joined where a quotation runs across their
ends, so that one unit holds a whole quotation and what attributes it.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from .base import Extent
from .quotemarks import Quotation


class Layout:
    """Units, the paragraph of each unit, and quotation pieces with fast lookup."""

    def __init__(self, text: str, sentences: Sequence[Extent], quotes: list[Quotation]) -> None:
        self.quotes = quotes
        self.pieces = sorted((p.start, p.end, i) for i, q in enumerate(quotes) for p in q.pieces)
        self.piece_starts = [p[0] for p in self.pieces]
        #: Does any quotation run over several paragraphs?
        self.multi_paragraph = any(len(q.pieces) > 1 for q in quotes)
        self.units = self._join(sentences)
        breaks = _line_breaks(text)
        self.para = [bisect.bisect(breaks, lo) for lo, _ in self.units]

    def piece_at(self, pos: int) -> tuple[int, int, int] | None:
        """The quotation piece containing ``pos`` as (start, end, quotation index), if any."""
        k = bisect.bisect_right(self.piece_starts, pos) - 1
        if k >= 0 and self.pieces[k][0] <= pos < self.pieces[k][1]:
            return self.pieces[k]
        return None

    def _join(self, sentences: Sequence[Extent]) -> list[tuple[int, int]]:
        units: list[tuple[int, int]] = []
        for s in sorted(sentences, key=lambda e: (e.start, e.end)):
            inside = self.piece_at(s.start)
            if units and inside is not None and inside[0] < units[-1][1]:
                units[-1] = (units[-1][0], max(s.end, units[-1][1]))
            else:
                units.append((s.start, s.end))
        return units


def _line_breaks(text: str) -> list[int]:
    """Positions of ``\\n``.

    >>> _line_breaks("a\\nb\\n")
    [1, 3]
    """
    out, pos = [], text.find("\n")
    while pos >= 0:
        out.append(pos)
        pos = text.find("\n", pos + 1)
    return out
