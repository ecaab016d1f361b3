"""Control characters: invisible, never words, dropped first and kept as fixes."""

from __future__ import annotations

import re

from ..model import Fix
from ..offsets import TrackedText

#: Control characters other than tab and line ends: invisible, never words, and refused by some
#: stores (PostgreSQL text cannot hold NUL). Vertical tab and form feed end a line; the
#: information separators (U+001C-U+001F) count as white space, so they become one.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _control_replacement(ch: str) -> str:
    return "\n" if ch in "\x0b\x0c" else " " if "\x1c" <= ch <= "\x1f" else ""


def drop_control_characters(tracked: TrackedText) -> tuple[TrackedText, list[Fix]]:
    """Drop control characters, each kept as a ``control`` fix (run on the raw text, first).

    >>> t, fixes = drop_control_characters(TrackedText.from_raw("said" + chr(0) + " that" + chr(12) + "Next"))
    >>> t.text, [(f.kind, f.raw_start) for f in fixes]
    ('said that\\nNext', [('control', 4), ('control', 10)])
    """
    found = list(_CONTROL.finditer(tracked.text))
    if not found:
        return tracked, []
    fixes = []
    for m in found:
        raw_start, raw_end = tracked.raw_range(m.start(), m.end())
        fixes.append(Fix("control", m.group(), _control_replacement(m.group()), raw_start, raw_end))
    return tracked.edit([(m.start(), m.end(), _control_replacement(m.group())) for m in found]), fixes
