"""Paragraph structure: find paragraphs and normalise the breaks between them.

Inputs separate paragraphs with one newline (scraped text) or blank lines.
The clean body always separates them with one blank line, keeps each
paragraph's words as they are, and folds runs of spaces and tabs.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from ..model import frozen_builder
from ..offsets import Edit, TrackedText

_INNER_SPACE = re.compile(r"[ \t\u00a0\u2000-\u200a\u3000]{2,}|[\t\u00a0\u2000-\u200a\u3000]")
#: The spaces ``_INNER_SPACE`` replaces even alone.
_ODD_SPACES = "\t\u00a0\u3000" + "".join(map(chr, range(0x2000, 0x200B)))


class _WordCount:
    """A paragraph's number of words, counted when first asked for and then kept on it."""

    def __get__(self, paragraph: Paragraph | None, owner: type | None = None) -> int:
        if paragraph is None:
            raise AttributeError("words is counted per paragraph")
        count = len(paragraph.text.split())
        paragraph.__dict__["words"] = count  # found before this descriptor from now on
        return count


@dataclass(frozen=True)
class Paragraph:
    index: int
    start: int
    end: int
    text: str

    words = _WordCount()


#: ``Paragraph(...)`` without the dataclass ``__init__``: one is made for every line of every article.
_new_paragraph = frozen_builder(Paragraph)


def split_paragraphs(text: str) -> list[Paragraph]:
    """Each non-blank line is a paragraph.

    >>> [p.text for p in split_paragraphs("A b.\\n\\n  C d. \\nE")]
    ['A b.', 'C d.', 'E']
    """
    return [_new_paragraph(i, start, end, stripped) for i, (start, end, stripped) in enumerate(_lines(text))]


def _lines(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, text) of each non-blank line, without the spaces around it."""
    pos = 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            start = pos + (len(line) - len(line.lstrip()))
            yield start, start + len(stripped), stripped
        pos += len(line) + 1


def normalise_layout(tracked: TrackedText) -> TrackedText:
    """Strip line ends, fold inner space runs, and join paragraphs with a blank line.

    >>> normalise_layout(TrackedText.from_raw("  One  two.\\r\\n\\n\\nThree\\t four.\\n")).text
    'One two.\\n\\nThree four.'
    """
    if "\r" in tracked.text:
        tracked = tracked.edit(_crlf_edits(tracked.text))
    text = tracked.text
    spaced = has_inner_space(text)  # else no paragraph has inner space to fold
    edits: list[Edit] = []
    pos = 0
    for start, end, line in _lines(text):
        gap = "\n\n" if pos else ""  # pos is 0 only before the first line
        if text[pos:start] != gap:
            edits.append((pos, start, gap))
        if spaced:  # a match is two spaces or more, or one that is not " ": never a no-op
            edits.extend((start + m.start(), start + m.end(), " ") for m in _INNER_SPACE.finditer(line))
        pos = end
    if pos < len(text):
        edits.append((pos, len(text), ""))
    return tracked.edit(edits) if edits else tracked


def has_inner_space(text: str) -> bool:
    """Whether ``_INNER_SPACE`` matches in ``text``, found without trying every position: a match
    is two spaces or more (two plain ones in a row, or an odd one among them) or an odd one alone.

    >>> has_inner_space("a b"), has_inner_space("a  b"), has_inner_space("a\u00a0b")
    (False, True, True)
    """
    return "  " in text or any(map(text.__contains__, _ODD_SPACES))


def _crlf_edits(text: str) -> list[Edit]:
    return [(m.start(), m.end(), "\n") for m in re.finditer(r"\r\n?", text)]


def remove_paragraphs(
    tracked: TrackedText, doomed: Sequence[Paragraph], paragraphs: Sequence[Paragraph] | None = None
) -> TrackedText:
    """Delete whole paragraphs of a text in the layout :func:`normalise_layout` gives, and the
    breaks they leave: the result is that of deleting them, then normalising the layout again.

    In one edit: each run from the end of one kept paragraph to the start of the next becomes
    one blank line (standing for the raw range of the breaks around it, as normalising again
    would make it), and nothing remains before the first or after the last.

    >>> tracked = TrackedText.from_raw("One.\\n\\nTwo.\\n\\nThree.")
    >>> remove_paragraphs(tracked, split_paragraphs(tracked.text)[1:2]).text
    'One.\\n\\nThree.'

    ``paragraphs``: ``split_paragraphs(tracked.text)``, when the caller has them already.
    """
    if not doomed:
        return tracked
    gone = {p.start for p in doomed}
    text = tracked.text
    edits: list[Edit] = []
    pos = 0
    lines = _lines(text) if paragraphs is None else ((p.start, p.end, p.text) for p in paragraphs)
    for start, end, _ in lines:
        if start in gone:
            continue
        gap = "\n\n" if pos else ""  # pos is 0 only before the first kept paragraph
        if text[pos:start] != gap:
            edits.append((pos, start, gap))
        pos = end
    if pos < len(text):
        edits.append((pos, len(text), ""))
    return tracked.edit(edits) if edits else tracked
