"""Paragraph structure: find paragraphs and normalise the breaks between them.

Inputs separate paragraphs with one newline (scraped text) or blank lines.
The clean body always separates them with one blank line, keeps each
paragraph's words as they are, and folds runs of spaces and tabs.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..offsets import Edit, TrackedText

_INNER_SPACE = re.compile(r"[ \t\u00a0\u2000-\u200a\u3000]{2,}|[\t\u00a0\u2000-\u200a\u3000]")


@dataclass(frozen=True)
class Paragraph:
    index: int
    start: int
    end: int
    text: str

    @functools.cached_property
    def words(self) -> int:
        return len(self.text.split())


def split_paragraphs(text: str) -> list[Paragraph]:
    """Each non-blank line is a paragraph.

    >>> [p.text for p in split_paragraphs("A b.\\n\\n  C d. \\nE")]
    ['A b.', 'C d.', 'E']
    """
    out: list[Paragraph] = []
    pos = 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            start = pos + (len(line) - len(line.lstrip()))
            out.append(Paragraph(len(out), start, start + len(stripped), stripped))
        pos += len(line) + 1
    return out


def normalise_layout(tracked: TrackedText) -> TrackedText:
    """Strip line ends, fold inner space runs, and join paragraphs with a blank line.

    >>> normalise_layout(TrackedText.from_raw("  One  two.\\r\\n\\n\\nThree\\t four.\\n")).text
    'One two.\\n\\nThree four.'
    """
    text = tracked.text.replace("\r\n", "\n").replace("\r", "\n")
    if text != tracked.text:
        tracked = tracked.edit(_crlf_edits(tracked.text))
    text = tracked.text
    spaced = _INNER_SPACE.search(text) is not None  # else no paragraph has inner space to fold
    edits: list[Edit] = []
    pos = 0
    for i, p in enumerate(split_paragraphs(text)):
        gap = "" if i == 0 else "\n\n"
        if text[pos : p.start] != gap:
            edits.append((pos, p.start, gap))
        if spaced:  # a match is two spaces or more, or one that is not " ": never a no-op
            edits.extend((p.start + m.start(), p.start + m.end(), " ") for m in _INNER_SPACE.finditer(p.text))
        pos = p.end
    if pos < len(text):
        edits.append((pos, len(text), ""))
    return tracked.edit(edits) if edits else tracked


def _crlf_edits(text: str) -> list[Edit]:
    return [(m.start(), m.end(), "\n") for m in re.finditer(r"\r\n?", text)]


def remove_paragraphs(tracked: TrackedText, doomed: Sequence[Paragraph]) -> TrackedText:
    """Delete whole paragraphs, then re-normalise the breaks they leave."""
    if not doomed:
        return tracked
    return normalise_layout(tracked.edit([(p.start, p.end, "") for p in doomed]))
