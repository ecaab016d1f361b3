"""Finding the noun phrase that names a speaker next to a cue, without a parser.

Words are matched against small closed lists: function words that cannot sit
inside a subject ("that", "when", "was"), prepositions that may ("the head
*of* the agency"), titles whose period is not a sentence end. Open-class words
are accepted, so role phrases ("the Ruritanian leader", "a spokesperson for
the ministry") come out whole.
"""

from __future__ import annotations

import re

from .base import Extent
from .sentences import AMBIGUOUS, TITLES
from .word_lists import word_list

_TOKEN = re.compile(r"\w+(?:[’'.&-]\w+)*(?:[’']s\b|(?<=s)[’'](?!\w))?|[^\w\s]")
#: Words that end a subject when met scanning leftwards from the cue.
STOP_WORDS = word_list("subject_stops")
#: Words that may sit inside a subject but not start one ("of" in "the head of X").
INNER_WORDS = frozenset(["of", "for", "at", "in", "from", "and", "&", "with", "de"])
PRONOUNS = frozenset(["he", "she", "they", "it", "we", "i", "you", "who", "which", "one"])
#: Pronouns that name a speaker only right before the cue ("..., which he said ...").
_RELATIVES = frozenset({"who", "which", "that"})
_PERSONAL = frozenset({"he", "she", "they", "we", "i", "you", "it"})
_ALONE = _RELATIVES | _PERSONAL
_MAX_TOKENS = 14
#: Characters looked at around a cue: enough for the longest subject or appositive.
_WINDOW = 300
#: Where a following source (``said X``) stops: adjuncts and the next clause.
_AFTER_STOP = word_list("after_source_stops")


def tokens(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """(start, end, token) in ``text[start:end]``.

    >>> [t for _, _, t in tokens("Mr. O’Neil’s U.S. aides' boss", 0, 29)]
    ['Mr', '.', 'O’Neil’s', 'U.S', '.', "aides'", 'boss']
    """
    return [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text, start, end)]


def _accept_left(toks: list[tuple[int, int, str]], i: int, taken: int) -> bool:
    """May token ``i`` (scanning leftwards, ``taken`` tokens so far) belong to the subject?"""
    word = toks[i][2]
    low = word.lower()
    if word == ".":
        return i > 0 and (_abbreviation(toks[i - 1][2]) or "." in toks[i - 1][2])
    if not word[0].isalnum():
        return False
    if low in _RELATIVES:
        return taken == 0
    return low not in STOP_WORDS


def source_before(text: str, start: int, end: int) -> Extent | None:
    """The subject right before ``end`` (a cue), not reaching before ``start``.

    >>> t = "But the Ruritanian leader also said"
    >>> e = source_before(t, 0, 26); t[e.start:e.end]
    'the Ruritanian leader'
    >>> t = "The plan failed, a spokesperson for the ministry said"
    >>> e = source_before(t, 0, 49); t[e.start:e.end]
    'a spokesperson for the ministry'
    >>> t = "as I always say"
    >>> e = source_before(t, 0, 11); t[e.start:e.end]
    'I'
    """
    toks = _drop_time(tokens(text, max(start, end - _WINDOW), end))
    i, taken = len(toks) - 1, 0
    while i >= 0 and taken < _MAX_TOKENS:
        if toks[i][2] == ")" and taken < 2 and _skip_parenthesis(toks, i) < i:
            i, taken = _skip_parenthesis(toks, i), taken + 1  # "Rep. Earl Blumenauer (D-Ore.) said"
            continue
        if not _accept_left(toks, i, taken):
            break
        i, taken = i - 1, taken + 1
        if taken == 1 and toks[i + 1][2].lower() in _ALONE:
            break  # "..., which he said"; a pronoun is the whole subject
    span = toks[i + 1 :]
    while span and (span[0][2].lower() in INNER_WORDS or span[0][2] == "."):
        span = span[1:]
    if len(span) > 1 and span[0][2].lower() in _PERSONAL and span[1][2][:1].islower():
        span = span[:1]  # "I always say", "he never said": the pronoun is the subject ("He Jian" is a name)
    if not span or span[-1][2].lower() in INNER_WORDS:
        return None
    return Extent(span[0][0], span[-1][1])


_TIME_WORDS = word_list("time_words")


def _drop_time(toks: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Without a time adjunct between subject and cue ("The White House on Monday urged").

    >>> [t for _, _, t in _drop_time(tokens("The House on Monday night", 0, 25))]
    ['The', 'House']
    """
    k = len(toks)
    while k > 1 and toks[k - 1][2].lower() in _TIME_WORDS:
        k -= 1
    return toks[:k] if k < len(toks) and toks[k - 1][2][0].isalnum() else toks


def _skip_parenthesis(toks: list[tuple[int, int, str]], i: int) -> int:
    """Index before the "(" matching the ")" at ``i`` within a few tokens, else ``i`` itself."""
    for k in range(i - 1, max(-1, i - 8), -1):
        if toks[k][2] == "(":
            return k - 1
    return i


def source_after(text: str, start: int, end: int, appositive: bool = True) -> Extent | None:
    """The speaker named right after an inverted cue ("…," said *X, a Y*).

    A name runs on through "of"; an appositive after a comma runs to the end of
    the sentence unless a cue, a participle or a quotation starts first.

    >>> t = '"No," said Jim Bopp, a member of the committee in Ohio.'
    >>> e = source_after(t, 10, len(t)); t[e.start:e.end]
    'Jim Bopp, a member of the committee in Ohio'
    """
    toks = tokens(text, start, min(end, start + _WINDOW))
    j = _name_run(toks, 0)
    if j == 0:
        return None
    while j > 1 and toks[j - 1][2].lower() in _TIME_WORDS:
        j -= 1  # "according to local reports Tuesday": the day is not the source
    stop = j
    if appositive and j < len(toks) - 1 and toks[j][2] == ",":
        k = _appositive_run(toks, j + 1)
        if k > j + 1:
            stop = k
    return Extent(toks[0][0], toks[stop - 1][1])


def object_phrase(text: str, start: int, end: int) -> Extent | None:
    """The noun phrase a transitive cue takes ("endorsed *Ted Cruz* last week").

    >>> t = "Ted Cruz of Texas at a rally"
    >>> e = object_phrase(t, 0, len(t)); t[e.start:e.end]
    'Ted Cruz of Texas'
    """
    toks = tokens(text, start, min(end, start + _WINDOW))
    j = _name_run(toks, 0)
    while j > 0 and toks[j - 1][2].lower() in _OBJECT_TAIL:
        j -= 1
    if j == 0:
        return None
    return Extent(toks[0][0], toks[min(j, _MAX_TOKENS) - 1][1])


_OBJECT_TAIL = word_list("object_tail")


def _name_run(toks: list[tuple[int, int, str]], i: int) -> int:
    """Index after the noun phrase starting at token ``i`` (``i`` itself when there is none)."""
    j = i
    while j < len(toks):
        word = toks[j][2]
        low = word.lower()
        if word == "." and j > i and (toks[j - 1][2].lower() in TITLES or len(toks[j - 1][2]) == 1):
            j += 1
            continue
        if low == "to" and j > i and j + 1 < len(toks) and toks[j + 1][2][:1].isupper():
            j += 1  # "the former aide to President Bush"
            continue
        if not word[0].isalnum() or low in _AFTER_STOP or (low in STOP_WORDS and low not in INNER_WORDS):
            break
        j += 1
    return j


def _appositive_run(toks: list[tuple[int, int, str]], i: int) -> int:
    """Index after an appositive starting at token ``i``: up to a sentence end, a quotation or a
    cue; ``i`` when it starts like a clause ("adding", "referring to") instead."""
    if i >= len(toks) or toks[i][2].lower().endswith("ing") or toks[i][2].lower() in _AFTER_STOP - {"who"}:
        return i
    j = i
    while j < len(toks):
        word = toks[j][2]
        if word in '.;:!?"“”‘’«»()' and not (word == "." and j > i and _abbreviation(toks[j - 1][2])):
            break
        if word == "," and j + 1 < len(toks) and toks[j + 1][2].lower().endswith("ing"):
            return j + 1
        if word.lower() in _CUE_WORDS:
            return i
        j += 1
    return j


def _abbreviation(word: str) -> bool:
    """A word a period abbreviates: a title, an initial, "Fla", "Inc"."""
    low = word.lower()
    return len(word) == 1 or low in TITLES or low in AMBIGUOUS


_CUE_WORDS = frozenset(
    ["said", "says", "say", "told", "tells", "added", "adds", "wrote", "writes", "noted", "asked"]
)
