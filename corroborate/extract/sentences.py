"""Sentence splitting with character offsets, by rule.

A regex finds candidate ends (``.``, ``!``, ``?``, ellipses, with any closing
quotes or brackets) followed by space; the word before and the word after
decide. Titles (``Mr.``, ``Lt. Col.``) and initials never end a sentence;
months end one only when no day number follows ("Nov. 24"); abbreviations that
often close a sentence too (``U.S.``, ``Inc.``, ``p.m.``) end one only before a
word that usually starts sentences ("The", "He", "But"). A line break always
ends a sentence. Measured far faster than pysbd on news text.
"""

from __future__ import annotations

import re

from .base import Extent
from .word_lists import word_list

#: Titles and name parts after which a sentence never ends.
TITLES = word_list("titles")
_MONTHS = frozenset(["jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"])
#: Abbreviations that end sentences as often as not.
AMBIGUOUS = word_list("ambiguous_abbreviations")
#: Words that usually begin a sentence: after an ambiguous abbreviation they mean a new one.
_STARTERS = word_list("sentence_starters")
_END = re.compile(r"(?:[.!?]+|…|\.\s?\.\s?\.)[\"'”’»)\]]*(?=\s)")
_WORD_BEFORE = re.compile(r"([\w.]*)$")
_NEXT = re.compile(r"\s+([\"'“‘«(\[]*)(\S*)")
_ABBREV_WINDOW = 24


def split_sentences(text: str) -> list[Extent]:
    """Sentences of ``text`` as extents, surrounding whitespace trimmed.

    >>> t = 'Lt. Col. Ruth Adeyemi spoke on Nov. 24 in the U.S. Army base. "Good," he said.'
    >>> [t[e.start:e.end] for e in split_sentences(t)]
    ['Lt. Col. Ruth Adeyemi spoke on Nov. 24 in the U.S. Army base.', '"Good," he said.']
    """
    out: list[Extent] = []
    pos = 0
    for line in text.split("\n"):
        _split_line(text, pos, pos + len(line), out)
        pos += len(line) + 1
    return out


def _split_line(text: str, start: int, end: int, out: list[Extent]) -> None:
    begin = start
    for m in _END.finditer(text, start, end):
        if _is_boundary(text, m.start(), m.end(), end):
            _emit(text, begin, m.end(), out)
            begin = m.end()
    _emit(text, begin, end, out)


def _emit(text: str, start: int, end: int, out: list[Extent]) -> None:
    """Append ``text[start:end]`` trimmed of whitespace, unless empty."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append(Extent(start, end))


def _is_boundary(text: str, mark: int, after: int, line_end: int) -> bool:
    """Does the punctuation at ``text[mark:after]`` end a sentence?"""
    nxt = _NEXT.match(text, after, line_end)
    if nxt is None:
        return True
    opener, word = nxt.group(1), nxt.group(2)
    if not word or not _starts_sentence(word[0]):
        return bool(opener) and not word
    if text[mark] != ".":
        return True
    before = _WORD_BEFORE.search(text, max(0, mark - _ABBREV_WINDOW), mark)
    return _ends_after_word(before.group(1) if before else "", word)


def _starts_sentence(ch: str) -> bool:
    """Upper-case letters, digits, and letters of scripts without case start sentences.

    >>> _starts_sentence("T"), _starts_sentence("t"), _starts_sentence("7"), _starts_sentence("م")
    (True, False, True, True)
    """
    return ch.isupper() or ch.isdigit() or (ch.isalpha() and not ch.islower())


def _ends_after_word(prev: str, nxt: str) -> bool:
    """Whether a period after ``prev`` ends the sentence, given the next word ``nxt``.

    >>> _ends_after_word("Nov", "24"), _ends_after_word("U.S", "Army"), _ends_after_word("U.S", "The")
    (False, False, True)
    >>> _ends_after_word("J", "Smith"), _ends_after_word("Col", "Jeff"), _ends_after_word("talks", "He")
    (False, False, True)
    """
    key = prev.lower().strip(".")
    next_key = nxt.lower().strip("\"'“‘«(,.;:")
    if key in TITLES or (len(key) == 1 and prev[:1].isupper()):
        return False
    if key in _MONTHS:
        return not nxt[:1].isdigit() and next_key in _STARTERS
    if key in AMBIGUOUS or "." in key:
        return next_key in _STARTERS
    return True
