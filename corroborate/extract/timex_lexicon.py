"""Words of English time expressions, and regex fragments built from them.

Hand-written from the TimeML guidelines and checked against the conventions of
the TempEval-3 training corpus (TimeBank, AQUAINT); nothing here is learned.
Fragments use ``(?i:...)`` for words that may start a sentence; month and
weekday names stay case-sensitive so that "may" (the verb) or "march" (the
verb) are not read as months.
"""

from __future__ import annotations

import re


def words(text: str) -> tuple[str, ...]:
    """The whitespace-separated words of a lexicon string.

    >>> words("a b  c")
    ('a', 'b', 'c')
    """
    return tuple(text.split())


MONTHS = {
    name: i
    for i, names in enumerate(
        (
            "january jan",
            "february feb",
            "march mar",
            "april apr",
            "may",
            "june jun",
            "july jul",
            "august aug",
            "september sept sep",
            "october oct",
            "november nov",
            "december dec",
        ),
        1,
    )
    for name in names.split()
}
WEEKDAYS = {
    name: i for i, name in enumerate(words("monday tuesday wednesday thursday friday saturday sunday"), 1)
}
WEEKDAYS.update({"tues": 2, "wed": 3, "thurs": 4, "thu": 4, "fri": 5, "sat": 6, "sun": 7, "mon": 1, "tue": 2})
#: TIMEX3 codes of the parts of a day and of the seasons.
DAY_PARTS = {
    "morning": "MO",
    "afternoon": "AF",
    "evening": "EV",
    "night": "NI",
    "overnight": "NI",
    "tonight": "NI",
}
SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
    "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
    "twentieth": 20, "twenty-first": 21,
}  # fmt: skip
_UNITS_WORDS = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen"
UNIT_NUMBERS = {w: i for i, w in enumerate(_UNITS_WORDS.split())}
TENS = {w: 10 * i for i, w in enumerate(words("twenty thirty forty fifty sixty seventy eighty ninety"), 2)}
NUMBERS: dict[str, float] = {**UNIT_NUMBERS, **TENS, "a": 1, "an": 1, "a single": 1, "a couple of": 2,
                             "a couple": 2, "couple of": 2, "a dozen": 12, "dozen": 12, "a hundred": 100, "hundred": 100,
                             "one hundred": 100, "a thousand": 1000, "half a": 0.5, "half an": 0.5}  # fmt: skip
#: Duration unit words and their TIMEX3 letters; clock units are marked by a leading "T".
UNITS = {
    "second": "TS", "minute": "TM", "hour": "TH", "day": "D", "night": "D", "week": "W", "fortnight": "2W",
    "month": "M", "quarter": "Q", "year": "Y", "decade": "10Y", "century": "100Y", "centurie": "100Y",
    "millennium": "1000Y", "millennia": "1000Y", "weekend": "WE", "summer": "SU", "winter": "WI",
    "spring": "SP", "fall": "FA", "autumn": "FA",
}  # fmt: skip
#: Frequencies written as one word ("weekly"), as TIMEX3 SET values.
FREQUENCIES = {"hourly": "PT1H", "daily": "P1D", "nightly": "P1D", "weekly": "P1W", "biweekly": "P2W",
               "monthly": "P1M", "annually": "P1Y", "yearly": "P1Y", "semiannually": "P6M"}  # fmt: skip

_NUM_WORD = "|".join(sorted([*UNIT_NUMBERS, *TENS], key=len, reverse=True))
#: A cardinal as words ("twenty-four", "a hundred") or digits ("1,000", "2 1/2", "14").
NUM = (
    rf"(?:\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?(?:\s+1/2)?|(?i:(?:{_NUM_WORD})(?:[-\s](?:{_NUM_WORD}))?"
    rf"(?:\s+hundred|\s+thousand)?|a\s+hundred|one\s+hundred|a\s+thousand|a\s+dozen|(?:a\s+)?couple\s+of|a\s+couple"
    rf"|a\s+single|an?|half\s+an?))"
)
VAGUE = r"(?i:several|a\s+few|few|many|some|numerous|a\s+number\s+of|the\s+next\s+few|a\s+couple\s+more)"
UNIT = r"(?i:second|minute|hour|day|night|week|fortnight|month|quarter|year|decade|centur(?:y|ie)|millenni(?:um|a))"
MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
MONTH_ABBR = r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?"
MONTH_ANY = rf"(?:{MONTH}|{MONTH_ABBR}|(?i:january|february|april|june|july|august|september|october|november|december))"
WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|MONDAY|TUESDAY|WEDNESDAY|THURSDAY|FRIDAY|SATURDAY|SUNDAY)"
DAY_NUM = r"(?:[12]\d|3[01]|0?[1-9])(?i:st|nd|rd|th)?"
YEAR = r"(?:1[6-9]\d\d|20\d\d)"
SEASON = r"(?i:spring|summer|fall|autumn|winter)"
DAY_PART = r"(?i:morning|afternoon|evening|night)"
ORDINAL = r"(?i:first|second|third|fourth|1st|2nd|3rd|4th)"
ZONE = r"(?:\s+\(?(?:[ECMP][SD]T|GMT|UTC|BST|CET)\)?)?"
CLOCK = (
    r"(?:\d{1,2}(?::[0-5]\d)?\s*(?i:a\.m\.?|p\.m\.?|am\b|pm\b)|(?:[01]?\d|2[0-3]):[0-5]\d(?!\d)"
    r"|(?i:noon|midnight|midday)|\d{1,2}\s+(?i:o'clock))"
)
_NUMBER_RE = re.compile(r"[\s-]+")


def number_value(text: str) -> float | None:
    """The value of a cardinal written as words or digits; None when vague or unreadable.

    >>> [number_value(t) for t in ("twenty-four", "a couple of", "1,000", "2 1/2", "several")]
    [24.0, 2, 1000.0, 2.5, None]
    """
    t = " ".join(text.lower().split())
    if t in NUMBERS:
        return NUMBERS[t]
    if t.endswith(" 1/2"):
        whole = number_value(t[:-4])
        return None if whole is None else whole + 0.5
    try:
        return float(t.replace(",", ""))
    except ValueError:
        return _words_value(t)


def _words_value(t: str) -> float | None:
    """Compound number words: "twenty four", "two hundred", "thirty-one"."""
    total = 0.0
    for word in _NUMBER_RE.split(t):
        if word in ("hundred", "thousand"):
            total = max(total, 1) * (100 if word == "hundred" else 1000)
        elif word in NUMBERS:
            total += NUMBERS[word]
        else:
            return None
    return total


def year_words(text: str) -> int | None:
    """A year written in words: "nineteen ninety-seven", "two thousand".

    >>> year_words("nineteen ninety-seven"), year_words("two thousand"), year_words("blue")
    (1997, 2000, None)
    """
    parts = _NUMBER_RE.split(text.lower().strip())
    if parts[:2] == ["two", "thousand"]:
        rest = _words_value(" ".join(w for w in parts[2:] if w != "and")) if len(parts) > 2 else 0
        return None if rest is None else 2000 + int(rest)
    if len(parts) >= 2 and parts[0] in UNIT_NUMBERS:
        rest = _words_value(" ".join(parts[1:]))
        return None if rest is None else 100 * UNIT_NUMBERS[parts[0]] + int(rest)
    return None


#: Words before a date that TimeML counts as part of its extent ("early March", "around Nov. 1").
PRE = (
    r"(?:(?i:(?:the\s+)?(?:very\s+)?(?:beginning|start|end|middle|close|turn|latter\s+part|early\s+part)\s+of\s+"
    r"|mid-|post-|pre-|mid\s+|early[-\s]|late[-\s]|around\s+|about\s+|sometime\s+(?:in\s+)?|earlier\s+|later\s+))"
)
_TENS_WORD = "|".join(TENS)
#: A year in words: "nineteen ninety-seven", "two thousand", "nineteen eighty".
YEAR_WORDS = (
    rf"(?i:(?:nineteen|eighteen)[-\s]+(?:(?:{_TENS_WORD})(?:[-\s]+(?:one|two|three|four|five|six|seven|eight|nine))?"
    rf"|(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)\b)"
    rf"|two\s+thousand(?:\s+(?:and\s+)?(?:one|two|three|four|five|six|seven|eight|nine|ten)\b)?)"
)
