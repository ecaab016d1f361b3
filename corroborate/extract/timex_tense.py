"""Which way a time expression points: the tense of the clause around it.

No parser runs here (too slow for the extraction budget); the nearest tense
cue in the same clause decides, looking a few words either side. "said on
Thursday" is past, "will meet on Thursday" future, and in "said it will meet
on Thursday" the nearer "will" wins over the reporting verb.
"""

from __future__ import annotations

import re

from .timex_lexicon import words

_FUTURE = frozenset(
    words(
        "will 'll shall won't wo going planning planned scheduled expected expects expect due upcoming slated "
        "tomorrow would coming until till payable effective"
    )
)
#: Future only when "to" follows: "plans to meet", not "vacation plans".
_FUTURE_TO = frozenset(words("plans plan hopes hope intends intend aims aim wants want agreed set ready"))
_PAST = frozenset(
    words(
        "said told was were had has have did since ago last earlier yesterday previous previously met went came took gave made held "
        "left began won lost fell rose got saw found sent spent paid brought bought sold thought led kept knew "
        "heard wrote ran became began flew drew struck spoke stood broke chose fought sought taught caught"
    )
)
_PRESENT = frozenset(words("is are am says say"))
#: Words ending in -ed that are no past tense.
_NOT_ED = frozenset(
    words("need speed bed red united hundred indeed proceed succeed exceed feed seed shed embed")
)
_AUX = frozenset(words("is are was were am be been has have had"))
_ADVERBS = frozenset(words("not n't also still now already being been"))
#: A participle right after these belongs to the auxiliary before them ("will be held").
_PASSIVE = frozenset(words("be been being to"))
#: After "to", these start a noun phrase, not an infinitive ("went to the", "to Paris" is capitalised).
_NOT_VERB = frozenset(words("the a an his her its their our my your this that these those"))
_WORD = re.compile(r"[\w']+")
#: A clause ends at sentence punctuation followed by a capital, a semicolon or a blank line.
_BOUNDARY = re.compile(r"[.!?][\"'\u201d\u2019]*\s+(?=[A-Z\"\u201c`])|;|\n\s*\n|``|''")
_BEFORE, _AFTER = 90, 60


def _cue(words: list[str], i: int, before: bool) -> str | None:
    """The tense one word signals, given its neighbours; an infinitive counts only before the expression.

    An auxiliary defers to the verb it carries: "were planning" is future, "is expected" too.
    """
    w = words[i].lower()
    if w in _AUX:
        j = i + 1
        while j < len(words) and words[j].lower() in _ADVERBS:
            j += 1
        carried = _cue(words, j, before) if j < len(words) and words[j].lower() in _FUTURE else None
        if carried:
            return carried
    nxt = words[i + 1] if i + 1 < len(words) else ""
    # "agreed to meet" looks ahead; "agreed to the deal" does not.
    after_to = words[i + 2].lower() if i + 2 < len(words) else ""
    if w in _FUTURE or (w in _FUTURE_TO and nxt == "to" and after_to not in _NOT_VERB):
        return "future"
    if before and w == "to" and nxt.isalpha() and nxt.islower() and nxt not in _NOT_VERB:
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
    """The tense "past", "future", "present" or None for the expression at ``text[start:end]``.

    >>> s = "The minister said on Thursday that talks will resume on Monday."
    >>> tense_at(s, 21, 29), tense_at(s, 55, 61)
    ('past', 'future')
    """
    before, after = _clause(text, start, end)
    for dist in range(max(len(before), len(after))):
        if dist < len(before):
            cue = _cue(before, len(before) - 1 - dist, True)
            if cue:
                return cue
        if dist < len(after):
            cue = _cue(after, dist, False)
            if cue:
                return cue
    return None
