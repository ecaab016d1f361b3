"""Where the dates and weekdays of a text are, found fast.

Each date pattern is tried only at the places its matches can begin, found by a pattern the
regex engine runs much faster (a month name, the start of a run of digits), and in the order
:func:`~.dates.find_dates` reads them; what comes out is what ``pattern.finditer`` finds
(tests/test_dates.py checks it).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

_MONTH_NAMES = (
    r"Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?"
)
_MONTH = rf"(?P<month>{_MONTH_NAMES})\b\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?:,?\s+(?P<year>[12]\d{3})\b)?"
#: Each pattern, tried only where its matches can begin (:func:`matches_at`), which is found fast.
_MONTH_FIRST = re.compile(rf"(?=[JFMASOND])\b{_MONTH}\s+{_DAY}\b{_YEAR}")
_DAY_FIRST = re.compile(rf"(?=\d)\b{_DAY}\s+(?:of\s+)?{_MONTH}{_YEAR}")
_YEAR_FIRST = re.compile(r"(?=[12])\b(?P<year>[12]\d{3})([-/.])(?P<month>[01]?\d)\2(?P<day>[0-3]?\d)\b")
#: The patterns in the order :func:`~.dates.find_dates` reads them.
_DATE_PATTERNS = (_MONTH_FIRST, _DAY_FIRST, _YEAR_FIRST)
#: Where each month name starts (they cannot overlap) and where each run of digits starts: the
#: only places ``_MONTH_FIRST`` and (a digit after no word character) ``_DAY_FIRST`` and
#: ``_YEAR_FIRST`` can match. In ASCII text ``\d`` is ``[0-9]``, which is found faster.
_MONTH_STARTS = re.compile("Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec")
_NUMBERS = re.compile(r"\d\d*")
_ASCII_NUMBERS = re.compile(r"[0-9][0-9]*")
_DIGIT = re.compile(r"\d")
_WEEKDAY = re.compile(
    rf"(?=[MTWFS])\b(?P<wd>Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day(?:['\u2019]s)?\b(?!,?\s+(?:[0-3]?\d\b|(?:{_MONTH_NAMES})\b))"
)
_WEEKDAY_START = re.compile("(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day")
_WEEKDAY_STEMS = ("Mon", "Tues", "Wednes", "Thurs", "Fri", "Satur", "Sun")


def date_matches(text: str) -> Iterator[re.Match[str]]:
    """Each date pattern's matches in turn, as ``pattern.finditer(text)`` finds them.

    >>> [m.group() for m in date_matches("On 5 May 2024, 2024-05-06 or 1999/1/2.")]
    ['5 May 2024', '2024-05-06', '1999/1/2']
    """
    if not _DIGIT.search(text):
        return  # every date pattern needs a digit
    yield from matches_at(_MONTH_FIRST, [m.start() for m in _MONTH_STARTS.finditer(text)], text)
    numbers = [m.start() for m in (_ASCII_NUMBERS if text.isascii() else _NUMBERS).finditer(text)]
    yield from matches_at(_DAY_FIRST, numbers, text)
    yield from matches_at(_YEAR_FIRST, [i for i in numbers if text[i] in "12"], text)


def weekday_matches(text: str) -> Iterator[re.Match[str]]:
    """``_WEEKDAY.finditer(text)``: tried only where a weekday name ends in "day", found fast."""
    starts = []
    at = text.find("day")
    while at >= 0:
        if text.endswith(_WEEKDAY_STEMS, 0, at):  # mostly not ("today", "days")
            stem = next(s for s in _WEEKDAY_STEMS if text.endswith(s, 0, at))
            starts.append(at - len(stem))
        at = text.find("day", at + 3)
    return matches_at(_WEEKDAY, starts, text)


def matches_at(pattern: re.Pattern[str], starts: Sequence[int], text: str) -> Iterator[re.Match[str]]:
    """:func:`.vocab.finditer_from` with the places a match can begin given in order."""
    end = 0
    for start in starts:
        m = pattern.match(text, start) if start >= end else None
        if m:
            yield m
            end = m.end()
