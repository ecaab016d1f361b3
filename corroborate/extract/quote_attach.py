"""Quotations standing alone get a speaker from their neighbours.

News writers attribute a run of quoted sentences once: ``"A," he said. "B."``
or ``He added: (new paragraph) "A."``. A unit that is nothing but a quotation
and has no cue of its own joins, as a further content piece, the attribution
waiting after a colon, else the one before it in the paragraph, else the one
after it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .base import Extent
from .quote_frames import Frame, trim_content

if TYPE_CHECKING:
    from .quote_layout import Layout

#: Units looked at before or after a quotation for its speaker (a paragraph rarely holds more;
#: the bound keeps freak text with thousands of quotations linear).
_REACH = 12
#: Paragraphs back that a colon cue ("He continued:") may wait for its quotation.
_COLON_REACH = 1


def attach_quotes(text: str, layout: Layout, frames: list[list[Frame]]) -> None:
    """Add each cue-less quotation unit to a neighbouring frame (in place)."""
    for u, (lo, hi) in enumerate(layout.units):
        if frames[u]:
            continue
        piece = quote_unit(text, lo, hi, layout)
        if piece is None:
            continue
        target = (
            _awaiting(layout, frames, u)
            or _wanting(layout, frames, u)
            or _previous(layout, frames, u)
            or _next(layout, frames, u)
            or _quoting_before(text, layout, frames, u)
        )
        if target is not None:
            target.pieces.append(piece)
            target.needs = ""


def quote_unit(text: str, lo: int, hi: int, layout: Layout) -> Extent | None:
    """The unit as a content piece if it is one quotation (bar punctuation after it)."""
    hit = layout.piece_at(lo)
    if hit is None or hit[0] != lo:
        return None
    tail = text[hit[1] : hi].strip()
    if len(tail) > 2:
        return None
    return trim_content(text, lo, hi)


def _awaiting(layout: Layout, frames: list[list[Frame]], u: int) -> Frame | None:
    """A frame ending in a colon with no content yet, in this or the previous paragraph."""
    if u == 0 or not frames[u - 1]:
        return None
    last = frames[u - 1][-1]
    if last.needs == "after" and layout.para[u] - layout.para[u - 1] <= 2 * _COLON_REACH:
        return last
    return None


def _wanting(layout: Layout, frames: list[list[Frame]], u: int) -> Frame | None:
    """The next unit, in the same paragraph, is only "X asked." and wants this quotation."""
    if u + 1 < len(frames) and frames[u + 1] and layout.para[u + 1] == layout.para[u]:
        first = frames[u + 1][0]
        return first if first.needs == "before" else None
    return None


def _previous(layout: Layout, frames: list[list[Frame]], u: int) -> Frame | None:
    """The frame before unit ``u`` in its paragraph that last quoted someone, else the last frame."""
    v, last = u - 1, None
    while v >= max(0, u - _REACH) and layout.para[v] == layout.para[u]:
        for frame in reversed(frames[v]):
            if any(layout.piece_at(p.start) is not None for p in frame.pieces):
                return frame
            last = last or frame
        v -= 1
    return last


def _next(layout: Layout, frames: list[list[Frame]], u: int) -> Frame | None:
    """The first frame after unit ``u`` in its paragraph."""
    v = u + 1
    while v < min(len(frames), u + _REACH) and layout.para[v] == layout.para[u]:
        if frames[v]:
            return frames[v][0]
        v += 1
    return None


def _quoting_before(text: str, layout: Layout, frames: list[list[Frame]], u: int) -> Frame | None:
    """A paragraph of quotation alone continues the quote that ended the paragraph before."""
    v = u - 1
    while v >= max(0, u - _REACH) and layout.para[v] == layout.para[u]:
        v -= 1
    if v < 0 or not 0 < layout.para[u] - layout.para[v] <= 2 or not frames[v]:
        return None
    if text[layout.units[u][0]] not in '"“„«':
        return None
    for frame in reversed(frames[v]):
        if any(layout.piece_at(p.start) is not None for p in frame.pieces):
            return frame
    return None
