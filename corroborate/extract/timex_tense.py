"""Which way a time expression points: the tense of the clause around it.

No parser runs here (too slow for the extraction budget); the nearest tense
cue in the same clause decides, looking a few words either side. "said on
Thursday" is past, "will meet on Thursday" future, and in "said it will meet
on Thursday" the nearer "will" wins over the reporting verb.
"""

from __future__ import annotations

import re

_FUTURE = frozenset(
    "will 'll shall won't wo going plans plan planning scheduled expected expects expect due upcoming slated "
    "tomorrow next would intends intend hopes hope aims coming".split()
)
_PAST = frozenset(
    "said told was were had did ago last earlier yesterday previous previously met went came took gave made held "
    "left began won lost fell rose got saw found sent spent paid brought bought sold thought led kept knew "
    "heard wrote ran became began flew drew struck spoke stood broke chose fought sought taught caught".split()
)
_PRESENT = frozenset("is are am says say 's".split())
#: Words ending in -ed that are no past tense.
_NOT_ED = frozenset("need speed bed red united hundred indeed proceed succeed exceed feed seed shed embed".split())
#: A participle right after these belongs to the auxiliary before them ("will be held").
_PASSIVE = frozenset("be been being to".split())
_WORD = re.compile(r"[A-Za-z']+")
#: A clause ends at sentence punctuation followed by a capital, a semicolon or a blank line.
_BOUNDARY = re.compile(r"[.!?][\"'\u201d\u2019]*\s+(?=[A-Z\"\u201c`])|;|\n\s*\n|``|''")
_BEFORE, _AFTER = 90, 60


def _cue(words: list[str], i: int) -> str | None:
    """The tense one word signals, given its neighbours."""
    w = words[i].lower()
    if w in _FUTURE:
        return "future"
    if w in _PRESENT:
        return "present"
    if i > 0 and words[i - 1].lower() in _PASSIVE:
        return None
    if w in _PAST or (w.endswith("ed") and len(w) > 4 and w not in _NOT_ED):
        return "past"
    return None


def _clause(text: str, start: int, end: int) -> tuple[list[str], list[str]]:
    """Words before (nearest last) and after the span, within its clause."""
    left = text[max(0, start - _BEFORE) : start]
    cuts = list(_BOUNDARY.finditer(left))
    if cuts:
        left = left[cuts[-1].end() :]
    right = text[end : end + _AFTER]
    cut = _BOUNDARY.search(right)
    if cut:
        right = right[: cut.start()]
    return _WORD.findall(left), _WORD.findall(right)


def tense_at(text: str, start: int, end: int) -> str | None:
    """"past", "future", "present" or None for the expression at ``text[start:end]``.

    >>> s = "The minister said on Thursday that talks will resume on Monday."
    >>> tense_at(s, 21, 29), tense_at(s, 55, 61)
    ('past', 'future')
    """
    before, after = _clause(text, start, end)
    for dist in range(max(len(before), len(after))):
        if dist < len(before):
            cue = _cue(before, len(before) - 1 - dist)
            if cue:
                return cue
        if dist < len(after):
            cue = _cue(after, dist)
            if cue:
                return cue
    return None
