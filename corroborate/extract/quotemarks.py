"""Quotations in running text: pairing quote marks of every style.

Double marks (" “ ” „ « » and the '' / `` pairs some newspapers use) are paired
per paragraph; a paragraph that opens a quotation without closing it continues
into the next paragraph when that one opens with a quote mark (the news
convention for multi-paragraph quotes). Single marks (‘ ’ ') count only
outside double quotations, and only where they cannot be apostrophes: an
opening mark before a letter after a space, a closing one after a letter and
not before one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .base import Extent

_DOUBLE = re.compile(r"''|``|‘‘|’’|[\"“”„«»]")
_SINGLE = re.compile(r"[‘’']")
_OPENERS = frozenset({"“", "„", "«", "``", "‘‘"})
_CLOSERS = frozenset({"”", "»", "’’"})
_STRAIGHT = frozenset({'"', "''"})
#: Characters after which a mark starts a quotation (space, brackets, dashes, slashes).
_BEFORE_OPEN = frozenset(" \t\n([{—–-/:;,")
_MAX_SINGLE = 400


@dataclass(frozen=True)
class Quotation:
    """A quotation, marks included; ``pieces`` are its parts, one per paragraph."""

    start: int
    end: int
    pieces: tuple[Extent, ...]
    closed: bool = True


def find_quotations(text: str) -> list[Quotation]:
    """Quotations in ``text``, in order, not nested (inner quotes belong to the outer one).

    >>> t = 'He said "no." Later: “We said ‘never’,” she wrote.'
    >>> [t[q.start:q.end] for q in find_quotations(t)]
    ['"no."', '“We said ‘never’,”']
    """
    found: list[Quotation] = []
    paragraphs = _paragraphs(text)
    i, resume = 0, -1
    while i < len(paragraphs):
        i, resume = _scan_paragraph(text, paragraphs, i, resume, found)
    found.sort(key=lambda q: q.start)
    return found


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """Non-blank lines as (start, end).

    >>> _paragraphs("a\\n\\n b\\n")
    [(0, 1), (3, 5)]
    """
    out, pos = [], 0
    for line in text.split("\n"):
        if line.strip():
            out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def _scan_paragraph(
    text: str, paragraphs: list[tuple[int, int]], i: int, resume: int, found: list[Quotation]
) -> tuple[int, int]:
    """Quotations in paragraph ``i`` from ``resume`` on; returns where to go on (paragraph, position)."""
    start, end = paragraphs[i]
    pos = max(start, resume)
    while pos < end:
        opened = _next_open(text, pos, end)
        if opened is None:
            break
        q_start, after_mark, mark = opened
        close = _find_close(text, after_mark, end, mark)
        if close is not None:
            found.append(Quotation(q_start, close, (Extent(q_start, close),)))
            pos = close
            continue
        quote, j = _run_on(text, paragraphs, i, q_start, mark)
        found.append(quote)
        _singles(text, start, end, found)
        return (j, quote.end) if quote.closed else (j + 1, -1)
    _singles(text, start, end, found)
    return i + 1, -1


def _next_open(text: str, pos: int, end: int) -> tuple[int, int, str] | None:
    """The next double mark that opens a quotation: (start, end of mark, mark)."""
    for m in _DOUBLE.finditer(text, pos, end):
        if _role(text, m.start(), m.end(), m.group()) == "open":
            return m.start(), m.end(), m.group()
    return None


def _role(text: str, start: int, end: int, mark: str) -> str:
    """ "open" or "close": by the spaces around the mark, else by its shape.

    Writers mix styles ("Yes,” she said) and nest them, so what surrounds a mark
    says more than which mark it is.
    """
    before = text[start - 1] if start else " "
    after = text[end] if end < len(text) else " "
    left = before in _BEFORE_OPEN and not after.isspace()  # after a space, before a non-space
    right = not before.isspace() and not after.isalnum()  # after a non-space, before a space or mark
    if left != right:
        return "open" if left else "close"
    return "open" if mark in _OPENERS else "close"


def _find_close(text: str, pos: int, end: int, opener: str) -> int | None:
    """End of the mark closing the quotation whose opening mark ends at ``pos``, within the
    paragraph; quotations opened inside it nest."""
    depth = 0
    for m in _DOUBLE.finditer(text, pos, end):
        if _role(text, m.start(), m.end(), m.group()) == "open":
            depth += 1
        elif depth:
            depth -= 1
        else:
            return m.end()
    return None


def _run_on(
    text: str, paragraphs: list[tuple[int, int]], i: int, q_start: int, mark: str
) -> tuple[Quotation, int]:
    """A quotation left open at the end of paragraph ``i``: continue while paragraphs open with a mark."""
    pieces = [Extent(q_start, paragraphs[i][1])]
    while i + 1 < len(paragraphs):
        n_start, n_end = paragraphs[i + 1]
        lead = _DOUBLE.match(text, n_start)
        if lead is None:
            break
        i += 1
        close = _find_close(text, lead.end(), n_end, mark)
        if close is not None:
            pieces.append(Extent(n_start, close))
            return Quotation(q_start, close, tuple(pieces)), i
        pieces.append(Extent(n_start, n_end))
    return Quotation(q_start, pieces[-1].end, tuple(pieces), closed=False), i


def _singles(text: str, start: int, end: int, found: list[Quotation]) -> None:
    """Single-mark quotations in ``text[start:end]`` outside the double ones already found."""
    # the quotations found before this paragraph's single ones, listed when first needed
    # (most marks are apostrophes, which neither open nor close)
    taken: list[tuple[int, int]] | None = None
    doubles = len(found)
    opening: int | None = None
    for m in _SINGLE.finditer(text, start, end):
        pos = m.start()
        after = text[pos + 1] if pos + 1 < len(text) else " "
        before = text[pos - 1] if pos else " "
        opens = m.group() != "’" and before in _BEFORE_OPEN and after.isalnum()
        if opening is None and not opens:
            continue  # neither opens nor closes, inside a double quotation or not
        if taken is None:
            taken = [(q.start, q.end) for q in found[:doubles] if q.end > start and q.start < end]
        if any(a <= pos < b for a, b in taken):
            opening = None
            continue
        if opening is None:
            opening = pos
        elif (before.isalnum() or before in ".,!?") and not after.isalnum() and pos - opening < _MAX_SINGLE:
            found.append(Quotation(opening, pos + 1, (Extent(opening, pos + 1),)))
            opening = None
