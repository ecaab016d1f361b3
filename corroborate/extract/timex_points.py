"""Rules for calendar dates: "Nov. 24", "March 1998", "the 1990s", "the third quarter", "1998".

Year-less dates take the year that puts them nearest the anchor on the side the
clause's tense points to ("said ... Nov. 24" looks back, "will ... March" ahead).
"""

from __future__ import annotations

import datetime as dt
import re

from .timex_calendar import easter, fmt, month_day, month_of, nth_weekday, safe_date, span_year
from .timex_context import Ctx, Groups, Result, rule
from .timex_lexicon import (
    DAY_NUM,
    MONTH,
    MONTH_ANY,
    MONTHS,
    ORDINAL,
    ORDINALS,
    PRE,
    SEASON,
    SEASONS,
    WEEKDAY,
    YEAR,
    YEAR_WORDS,
    words,
    year_words,
)

#: Words after which a bare "May" (or a season) is the month, not the verb.
_DATE_PREPOSITIONS = frozenset(
    words(
        "in since until till by from through during before after between of early late mid this last next and or to "
        "on"
    )
)
_SEASON_PREPOSITIONS = frozenset(words("in during since until till by through this last next early late"))


def month_number(word: str) -> int:
    """
    >>> month_number("Sept."), month_number("december")
    (9, 12)
    """
    return MONTHS[word.rstrip(".").lower()]


def day_number(text: str) -> int:
    """
    >>> day_number("21st")
    21
    """
    return int(text.rstrip("stndrhSTNDRH"))


def year_of(text: str | None, anchor: dt.date | None = None) -> int | None:
    """A year written as digits, as words, or as "'98" (the century nearest the anchor).

    >>> year_of("1998"), year_of("nineteen ninety-one"), year_of("'98", dt.date(2001, 1, 1))
    (1998, 1991, 1998)
    """
    if not text:
        return None
    if text.isdigit():
        return int(text)
    if text[0] in "'\u2019" and text[1:].isdigit():
        base = (anchor or dt.date(2000, 1, 1)).year
        return min(
            (c + int(text[1:]) for c in (base // 100 * 100 - 100, base // 100 * 100)),
            key=lambda y: abs(y - base),
        )
    return year_words(text)


@rule(
    10,
    r"(?P<y>"
    + YEAR
    + r")-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?![\d])|(?P<m2>1[0-2]|0?[1-9])/(?P<d2>[12]\d|3[01]|0?[1-9])/(?P<y2>(?:19|20)\d\d)\b",
)
def numeric_date(g: Groups, c: Ctx) -> Result:
    """ISO and US numeric dates: 2025-11-24, 11/24/2025."""
    y, m, d = (g["y"], g["m"], g["d"]) if g["y"] else (g["y2"], g["m2"], g["d2"])
    date = safe_date(int(y or 0), int(m or 0), int(d or 0))
    return ("DATE", date.isoformat()) if date else None


@rule(
    40,
    rf"(?P<weekof>(?i:the\s+week\s+of)\s+)?(?P<pre>{PRE})?(?:(?P<wd>{WEEKDAY}),?\s+(?:the\s+)?)?(?:(?P<mon>{MONTH_ANY})\s+(?P<day>{DAY_NUM})"
    rf"|(?:the\s+)?(?P<day2>{DAY_NUM})\s+(?:of\s+)?(?P<mon2>{MONTH_ANY}))(?![\d%]|[:.]\d)(?:,?\s+(?P<year>{YEAR})\b)?",
)
def month_day_date(g: Groups, c: Ctx) -> Result:
    """Reads "Nov. 24", "Friday, Oct. 23, 1998", "24 November"."""
    month = month_number(g["mon"] or g["mon2"] or "")
    day = day_number(g["day"] or g["day2"] or "")
    if g["year"]:
        date = safe_date(int(g["year"]), month, day)
    elif c.anchor is None:
        return "DATE", ("XXXX-WXX" if g["weekof"] else f"XXXX-{month:02d}-{day:02d}")
    else:
        date = month_day(c.anchor, month, day, c.tense())
    if date is None:
        return None
    return "DATE", fmt(date, "week" if g["weekof"] else "day")


@rule(
    45,
    rf"(?P<pre>{PRE})?(?P<mon>{MONTH_ANY}),?\s+(?:of\s+)?(?:(?P<year>{YEAR}|'\d\d|{YEAR_WORDS})\b"
    r"|(?P<rel>(?i:this|last|next))\s+year\b)",
)
def month_year(g: Groups, c: Ctx) -> Result:
    """Reads "March 1998", "July of last year"."""
    month = month_number(g["mon"] or "")
    year = year_of(g["year"], c.anchor)
    if year is None:
        if c.anchor is None:
            return "DATE", f"XXXX-{month:02d}"
        year = c.anchor.year + {"this": 0, "last": -1, "next": 1}[(g["rel"] or "this").lower()]
    return "DATE", f"{year:04d}-{month:02d}"


_REL_ONE = {"last": -1, "next": 1, "this": 0, "this past": -1, "this coming": 1, "the following": 1,
            "the previous": -1, "that": 0, "the same": 0}  # fmt: skip
_REL_WORDS = r"(?i:last|next|this\s+past|this\s+coming|this|the\s+following|the\s+previous|that|the\s+same)"


def _month_ok(g: Groups, c: Ctx) -> bool:
    """A bare month name is a month unless it is the verb "may" or a name ("April Smith")."""
    if g["pre"] or g["rel"]:
        return True
    nxt = c.following(5).lstrip()
    if nxt[:1].isupper() and not c.following(3).startswith(("\n", ",")):
        return False
    after_preposition = c.prev_word() in _DATE_PREPOSITIONS
    if nxt.startswith(("of ", "for ")) and not after_preposition:
        return False  # "the March for Life"
    return g["mon"] != "May" or after_preposition


@rule(100, rf"(?P<pre>{PRE})?(?:(?P<rel>{_REL_WORDS})\s+)?(?P<mon>{MONTH})\b(?!-)")
def month_alone(g: Groups, c: Ctx) -> Result:
    """Reads "in March", "last April", "early September", "mid-November"."""
    if not _month_ok(g, c):
        return None
    month = month_number(g["mon"] or "")
    if c.anchor is None:
        return "DATE", f"XXXX-{month:02d}"
    rel = " ".join((g["rel"] or "").lower().split())
    if rel in ("that", "the same", "the following", "the previous") and c.ref:
        base, tense = c.ref[0], {"the following": "future", "the previous": "past"}.get(rel)
    else:
        base, tense = c.anchor, {-1: "past", 1: "future"}.get(_REL_ONE.get(rel, 0)) or c.tense()
    date = month_of(base, month, tense)
    if rel in ("last", "this past") and date.month == base.month:
        date = date.replace(year=date.year - 1)
    if rel in ("next", "this coming") and date.month == base.month:
        date = date.replace(year=date.year + 1)
    return "DATE", fmt(date, "month")


def _season_of(d: dt.date) -> tuple[int, str]:
    """The (year, code) of the season ``d`` falls in; December counts to the next year's winter."""
    code = ("WI", "WI", "SP", "SP", "SP", "SU", "SU", "SU", "FA", "FA", "FA", "WI")[d.month - 1]
    return d.year + (d.month == 12), code


_SEASON_ORDER = ("WI", "SP", "SU", "FA")


@rule(
    105,
    rf"(?P<pre>{PRE})?(?:(?P<rel>{_REL_WORDS}|(?i:the|in))\s+)?(?P<season>{SEASON})\b(?:\s+(?:of\s+)?(?P<year>{YEAR}|{YEAR_WORDS})\b)?",
)
def season(g: Groups, c: Ctx) -> Result:
    """Reads "last fall", "this summer", "the winter of 1994"."""
    rel = " ".join((g["rel"] or "").lower().split())
    if not (g["pre"] or rel or g["year"]) and c.prev_word() not in _SEASON_PREPOSITIONS:
        return None
    code = SEASONS[(g["season"] or "").lower()]
    year = year_of(g["year"])
    if year is None and c.anchor is None:
        return "DATE", f"XXXX-{code}"
    if year is None and c.anchor is not None:
        year = _season_year(c.anchor, code, _REL_ONE.get(rel), c.tense())
    return "DATE", f"{year:04d}-{code}"


def _season_year(anchor: dt.date, code: str, step: int | None, tense: str | None) -> int:
    """The year of the season named relative to the anchor's own season."""
    now_year, now_code = _season_of(anchor)
    order = _SEASON_ORDER.index(code) - _SEASON_ORDER.index(now_code)
    direction = step if step else {"past": -1, "future": 1}.get(tense or "", 0)
    if direction < 0 and (order > 0 or (order == 0 and step)):
        return now_year - 1
    if direction > 0 and (order < 0 or (order == 0 and step)):
        return now_year + 1
    return now_year


_DECADE_WORDS = {
    w: 10 * i
    for i, w in enumerate(words("twenties thirties forties fifties sixties seventies eighties nineties"), 2)
}


@rule(
    55,
    r"(?P<det>(?i:the|this|that)\s+)?(?:(?i:early|mid|late)[-\s]?)?(?:(?P<dec>(?:1[0-9]|20)\d0)'?s|(?P<yy>['\u2019]\d0)s"
    r"|(?P<word>(?i:twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)))\b",
)
def decade(g: Groups, c: Ctx) -> Result:
    """Reads "the 1990s" -> 199, "the '80s" -> 198, "the early nineties" -> 199."""
    if g["dec"]:
        return "DATE", g["dec"][:3]
    if g["word"] and not g["det"]:
        return None  # "in his nineties" is an age
    yy = _DECADE_WORDS[(g["word"] or "").lower()] if g["word"] else int((g["yy"] or "'0")[1:])
    year = year_of(f"'{yy:02d}", c.anchor) or 1900 + yy
    return "DATE", str(year)[:3]


@rule(
    56,
    r"(?:(?i:the|this|that)\s+)?(?:(?i:early|mid|late)[-\s]?)?(?P<n>\d{1,2})(?i:st|nd|rd|th)?[-\s](?i:century)\b",
)
def century(g: Groups, c: Ctx) -> Result:
    """Reads "the 20th century" -> 19."""
    n = int(g["n"] or 0)
    return ("DATE", f"{n - 1:02d}") if 1 < n < 30 else None


_QDET = (
    r"(?P<det>(?i:the|its|their|our|this|that|a|(?P<rely>this|last|next)\s+year's|the\s+(?:same|comparable|corresponding"
    r"|year-ago|year-earlier)|(?:the\s+)?year-ago|(?:the\s+)?year-earlier|the\s+latest)|(?P<y1>"
    + YEAR
    + r")'s)"
)


@rule(
    60,
    rf"(?:{_QDET}\s+)?(?:(?i:fiscal|calendar|financial)[-\s]+)?(?:(?P<y2>{YEAR})\s+)?(?:(?i:fiscal)[-\s]+)?"
    rf"(?P<ord>{ORDINAL}|(?i:last|final|latter))[-\s]+(?P<unit>(?i:quarter|half))\b(?!-(?:century|mile|point))"
    rf"(?:\s+(?i:of)\s+(?:(?i:fiscal|calendar)\s+)?(?:(?P<y3>{YEAR})|(?P<rel3>(?i:this|last|next))\s+year))?",
)
def quarter(g: Groups, c: Ctx) -> Result:
    """Reads "the third quarter", "third-quarter", "the first half of 1998", "last year's fourth quarter"."""
    unit = (g["unit"] or "").lower()
    word = (g["ord"] or "").lower()
    if word in ("last", "final", "latter"):
        if not (g["y3"] or g["rel3"]):
            return None  # "the last quarter" counts back from now: relative_unit reads it
        word = "fourth" if unit == "quarter" else "second"
    n = ORDINALS.get(word) or int(word[0])
    if unit == "half" and n > 2:
        return None
    letter = "Q" if unit == "quarter" else "H"
    months = 3 if letter == "Q" else 6
    year = _quarter_year(g, c, months * (n - 1) + 1, months)
    return "DATE", f"{year}-{letter}{n}"


def _quarter_year(g: Groups, c: Ctx, first_month: int, months: int) -> str:
    """The year a quarter belongs to: written, relative ("last year's") or fitted to the tense."""
    written = g["y1"] or g["y2"] or g["y3"]
    if written:
        return written
    if c.anchor is None:
        return "XXXX"
    rel = (g["rely"] or g["rel3"] or "").lower()
    if rel:
        return str(c.anchor.year + {"last": -1, "next": 1}.get(rel, 0))
    year = span_year(c.anchor, first_month, months, c.tense())
    det = " ".join((g["det"] or "").lower().split())
    if "year-" in det or det in ("the comparable", "the corresponding"):
        c.keep_ref = True
        return str(year - 1)
    return str(year)


@rule(61, rf"Q(?P<q>[1-4])(?:\s+(?P<y>{YEAR}))?\b")
def quarter_code(g: Groups, c: Ctx) -> Result:
    """Reads "Q3", "Q3 2025"."""
    year = g["y"] or (str(c.anchor.year) if c.anchor else "XXXX")
    return "DATE", f"{year}-Q{g['q']}"


_HOLIDAYS = {
    "christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24), "new year's day": (1, 1),
    "new year's eve": (12, 31), "independence day": (7, 4), "halloween": (10, 31), "valentine's day": (2, 14),
    "veterans day": (11, 11), "boxing day": (12, 26), "new year's": (1, 1),
}  # fmt: skip
_FLOATING = {"thanksgiving": (11, 4, 4), "thanksgiving day": (11, 4, 4), "labor day": (9, 1, 1),
             "memorial day": (5, 1, -1), "martin luther king day": (1, 1, 3), "presidents day": (2, 1, 3),
             "columbus day": (10, 1, 2), "mother's day": (5, 7, 2), "father's day": (6, 7, 3)}  # fmt: skip


def holiday_date(name: str, year: int) -> dt.date | None:
    """The date of a named holiday in ``year``.

    >>> holiday_date("Thanksgiving", 2025), holiday_date("Election Day", 2024)
    (datetime.date(2025, 11, 27), datetime.date(2024, 11, 5))
    """
    key = " ".join(name.lower().replace("\u2019", "'").replace("presidents'", "presidents").split())
    if key in _HOLIDAYS:
        return dt.date(year, *_HOLIDAYS[key])
    if key in _FLOATING:
        month, weekday, n = _FLOATING[key]
        return nth_weekday(year, month, weekday, n)
    if key in ("easter", "easter sunday", "good friday"):
        return easter(year) - dt.timedelta(days=2 if key == "good friday" else 0)
    if key == "election day":
        return nth_weekday(year, 11, 1, 1) + dt.timedelta(days=1)
    return None


@rule(
    30,
    r"(?:(?P<rel>(?i:last|next|this))\s+)?(?P<h>Christmas(?:\s+(?:Day|Eve))?|New\s+Year['\u2019]s(?:\s+(?:Day|Eve))?|Thanksgiving(?:\s+Day)?"
    r"|Easter(?:\s+Sunday)?|Good\s+Friday|Independence\s+Day|Labor\s+Day|Memorial\s+Day|Veterans\s+Day|Halloween"
    r"|Valentine['\u2019]s\s+Day|Election\s+Day|Boxing\s+Day|Columbus\s+Day|Presidents['\u2019]?\s+Day"
    r"|Martin\s+Luther\s+King(?:\s+Jr\.)?\s+Day|Mother['\u2019]s\s+Day|Father['\u2019]s\s+Day)\b"
    rf"(?:,?\s+(?P<y>{YEAR})\b)?",
)
def holiday(g: Groups, c: Ctx) -> Result:
    """Reads "Thanksgiving", "Christmas Eve", "last Easter", "Election Day 2024"."""
    name = (g["h"] or "").replace("Jr.", "").replace(" Jr", "")
    if g["y"] or c.anchor is None:
        date = holiday_date(name, int(g["y"] or 2000))
        return ("DATE", date.isoformat() if g["y"] else "XXXX" + date.isoformat()[4:]) if date else None
    step = {"last": "past", "next": "future"}.get((g["rel"] or "").lower())
    options = [
        d for y in (c.anchor.year - 1, c.anchor.year, c.anchor.year + 1) if (d := holiday_date(name, y))
    ]
    tense = step or c.tense()
    pool = (
        # The anchor day itself counts either way: "a parade on Easter" written on Easter Sunday.
        [d for d in options if (d <= c.anchor if tense == "past" else d >= c.anchor)]
        if tense in ("past", "future")
        else []
    )
    pool = pool or options
    return "DATE", min(pool, key=lambda d: abs((d - c.anchor).days) if c.anchor else 0).isoformat()


_CAPITAL_BEFORE = re.compile(r"(?<=[a-z,;] )[A-Z][\w.-]*\s+\Z")
_POSSESSIVE_BEFORE = re.compile(r"\w['\u2019]s\s+\Z")


def _names_a_thing(c: Ctx) -> bool:
    """Whether a bare year is part of a name, not a date: after a capitalised word inside a sentence
    ("Orion 1980"), or between a possessive and a capitalised word ("Kopp's 1987 Chevrolet")."""
    lo = max(0, c.start - 40)
    if _CAPITAL_BEFORE.search(c.text, lo, c.start):
        return True
    return bool(_POSSESSIVE_BEFORE.search(c.text, lo, c.start)) and c.following(2).strip()[:1].isupper()


@rule(
    130,
    rf"(?P<pre>{PRE})?(?P<fy>(?i:fiscal(?:\s+year)?|calendar(?:\s+year)?|the\s+year|FY)[-\s]?)?(?<![\d,.$\u00a3\u20ac#/])(?<!\d-)"
    rf"(?:(?P<y>{YEAR})(?![\d]|,\d|\.\d|%|\s*(?i:percent)|[-/]\d{{3}})|(?P<w>{YEAR_WORDS}))",
)
def year(g: Groups, c: Ctx) -> Result:
    """Reads "1998", "fiscal 1989", "mid-1996", "the year two thousand", "nineteen ninety-one"."""
    if g["w"] and not (g["fy"] or g["w"].lower().startswith(("nineteen", "eighteen"))):
        return None
    if c.prev_word() in ("no.", "no", "number", "flight", "route", "room", "highway", "#", "model", "$"):
        return None
    if not (g["pre"] or g["fy"]) and _names_a_thing(c):
        return None
    value = year_of(g["y"] or g["w"])
    return ("DATE", str(value)) if value else None
