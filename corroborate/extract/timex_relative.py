"""Rules for expressions resolved against the anchor or the reference point.

"yesterday", "Monday night", "last week", "three days ago", "a year earlier",
"the year-ago quarter", "3 p.m. Friday". Deictic words ("last", "next",
"ago") count from the anchor; anaphoric ones ("the following", "earlier",
"that", "year-ago") from the reference point, the last date the text named.
"""

from __future__ import annotations

import datetime as dt
import re

from .timex_calendar import fmt, month_day, shift, weekday_date
from .timex_context import Ctx, Groups, Result, moved, rule
from .timex_lexicon import (
    DAY_NUM,
    DAY_PARTS,
    MONTH_ANY,
    NUM,
    PRE,
    UNIT,
    UNITS,
    VAGUE,
    WEEKDAY,
    WEEKDAYS,
    YEAR,
    ZONE,
    number_value,
    words,
)
from .timex_points import day_number, month_number

_DAYREF = rf"(?:{WEEKDAY}|{MONTH_ANY}\s+{DAY_NUM}(?![\d:])|(?i:today|tomorrow|yesterday|tonight))"
_CLOCK = (
    r"(?P<h>\d{1,2})(?::(?P<mi>[0-5]\d))?\s*(?P<ap>(?i:a\.m\.?|p\.m\.?|am\b|pm\b))"
    r"|(?P<word>(?i:noon|midnight|midday))|(?P<h2>\d{1,2})\s+(?i:o'clock)"
    r"|(?<=at\s)(?P<h3>[01]?\d|2[0-3]):(?P<mi3>[0-5]\d)(?!\d)"
    r"|(?P<h4>\d{1,2})(?::(?P<mi4>[0-5]\d))?\s+(?P<part>(?i:in\s+the\s+(?:morning|afternoon|evening)|at\s+night))"
)


def _day_of(text: str | None, c: Ctx) -> dt.date | None:
    """The date a day reference next to a clock time names; the reference or anchor day without one."""
    if c.anchor is None:
        return None
    t = (text or "").strip()
    if not t:
        return c.ref[0] if c.ref and c.ref[1] == "day" else c.anchor
    low = t.lower()
    if low in ("today", "tonight", "tomorrow", "yesterday"):
        return c.anchor + dt.timedelta(days={"tomorrow": 1, "yesterday": -1}.get(low, 0))
    if low in WEEKDAYS:
        return weekday_date(c.anchor, WEEKDAYS[low], c.tense())
    mon, day = t.split()[0], t.split()[-1]
    return month_day(c.anchor, month_number(mon), day_number(day), c.tense())


def clock_hm(g: Groups) -> tuple[int, int] | None:
    """Hour and minute of a clock time, 24-hour; midnight is hour 24 as in TimeML."""
    if g["word"]:
        return (24 if g["word"].lower() == "midnight" else 12), 0
    hour = int(g["h"] or g["h2"] or g["h3"] or g["h4"] or 0)
    minute = int(g["mi"] or g["mi3"] or g["mi4"] or 0)
    marker = (g["ap"] or g["part"] or "").lower()
    if marker.startswith("p") or "afternoon" in marker or "evening" in marker or "night" in marker:
        hour += 12 if hour < 12 else 0
    elif marker.startswith("a") and hour == 12:
        hour = 0
    return (hour, minute) if hour <= 24 and (marker or g["h2"] or g["h3"]) else None


@rule(
    20,
    rf"(?:(?i:around|about|approximately|shortly\s+(?:before|after)|just\s+(?:before|after))\s+)?"
    rf"(?:(?P<day1>{_DAYREF})\s+(?:(?i:at)\s+)?)?(?:{_CLOCK}){ZONE}(?:,?\s+(?:(?i:on)\s+)?(?P<day2>{_DAYREF}))?",
)
def clock_time(g: Groups, c: Ctx) -> Result:
    """Reads "3 p.m.", "10:35 a.m. EDT", "noon Thursday", "Friday at 9 a.m."."""
    hm = clock_hm(g)
    if hm is None or (g["word"] and c.prev_word() == "high"):
        return None  # "high noon" is a figure of speech
    date = _day_of(g["day1"] or g["day2"], c)
    day = date.isoformat() if date else "XXXX-XX-XX"
    return "TIME", f"{day}T{hm[0]:02d}:{hm[1]:02d}"


_GRANS = {"week": "week", "weekend": "weekend", "month": "month", "quarter": "quarter", "year": "year",
          "decade": "decade", "century": "century", "day": "day", "half": "half", "period": "period"}  # fmt: skip
_MOD_WORD = (
    r"(?i:this|last|next|past|previous|prior|preceding|coming|following|current|present|latest|most\s+recent|same"
    r"|that|full|entire|whole|comparable|corresponding|year-ago|year-earlier|year-before|fiscal|calendar)"
)


@rule(
    70,
    rf"(?P<pre>{PRE})?(?:(?P<det>(?i:the|its|their|our))\s+(?P<mods>(?:(?:{_MOD_WORD}|{YEAR})\s+){{0,3}})"
    rf"|(?P<mods2>(?:(?:{_MOD_WORD}|{YEAR})\s+){{1,3}}))(?P<unit>(?i:weekend|week|month|quarter|year|decade|century|day|half|period))\b(?!-)",
)
def relative_unit(g: Groups, c: Ctx) -> Result:
    """Reads "last week", "this year", "the year-ago quarter", "the 1988 period", "the end of the month"."""
    mods = (
        " ".join(((g["mods"] or "") + (g["mods2"] or "")).lower().split())
        .replace("most recent", "latest")
        .split()
    )
    gran = _GRANS[(g["unit"] or "").lower()]
    if gran == "year" and _YEAR_NEXT.match(c.following(6)):
        return None  # "fiscal year 2026": the year rule reads it
    if gran == "period":
        if not mods:
            return None
        gran = c.period[1] if c.period else "quarter"
    years = [w for w in mods if w.isdigit()]
    if years:
        return "DATE", _in_year(int(years[0]), gran, c)
    if set(mods) & {"year-ago", "year-earlier", "year-before", "comparable", "corresponding"}:
        return "DATE", year_before(c, gran)
    if gran in ("decade", "century") and set(mods) & {"past", "last"}:
        return "DURATION", "P10Y" if gran == "decade" else "P100Y"
    return _deictic(mods, gran, bool(g["pre"]), c)


def _in_year(year: int, gran: str, c: Ctx) -> str:
    """For "the 1988 quarter": the period's quarter (or half) in another year."""
    if gran in ("quarter", "half") and c.period and c.period[1] == gran:
        c.keep_ref = True  # a comparison period: "the quarter" still means the one reported on
        return fmt(c.period[0].replace(year=year), gran)
    return str(year) if gran in ("year", "decade", "century") else fmt(None, gran).replace("XXXX", str(year))


def year_before(c: Ctx, gran: str) -> str:
    """The period compared with in an earnings report ("the year-ago quarter", "a year earlier"):
    the last quarter or half named, one year back; without one, the anchor's year before."""
    c.keep_ref = True
    if c.period and gran in ("", c.period[1]):
        return fmt(shift(c.period[0], "year", -1), c.period[1])
    if c.anchor is None:
        return fmt(None, gran or "year")
    base = shift(c.anchor, "quarter", -1) if gran == "quarter" else c.anchor
    return fmt(shift(base, "year", -1), gran or "year")


_STEPS = {"last": -1, "past": -1, "previous": -1, "prior": -1, "preceding": -1, "latest": -1, "next": 1,
          "coming": 1, "following": 1, "this": 0, "current": 0, "present": 0, "full": 0, "entire": 0,
          "whole": 0, "same": 0, "that": 0}  # fmt: skip
_ANAPHORIC = frozenset(words("previous prior preceding following same that"))


def _deictic(mods: list[str], gran: str, has_pre: bool, c: Ctx) -> Result:
    """Units counted from the anchor ("last week") or, for anaphoric words, from the reference point.

    The last step word decides: "this past week" looks back, "that last week" too.
    """
    steps = [w for w in mods if w in _STEPS]
    if not steps:
        return _bare_the(gran, has_pre, c)
    word = steps[-1]
    if gran == "day" and (word not in _ANAPHORIC | {"next"} or not (c.ref and c.ref[1] == "day")):
        return None  # "the last day", or "that day" with no day named before
    anaphoric = word in _ANAPHORIC or gran == "day"
    if gran == "weekend" and c.anchor and _STEPS[word] == 0:
        return "DATE", fmt(c.anchor, "weekend")
    return "DATE", moved(c, gran, _STEPS[word], prefer_ref=anaphoric)


_ENDED_ON = re.compile(rf"\s+(?:ended|ending)\s+(?P<mon>{MONTH_ANY})\s+(?P<day>{DAY_NUM})")


def _quarter_ended(c: Ctx) -> dt.date | None:
    """For "the quarter ended Sept. 30": the calendar quarter holding most of those three months."""
    m = _ENDED_ON.match(c.text, c.end, c.end + 30)
    if not m or c.anchor is None:
        return None
    end = month_day(c.anchor, month_number(m["mon"]), day_number(m["day"]), "past")
    return end - dt.timedelta(days=45) if end else None


def _bare_the(gran: str, has_pre: bool, c: Ctx) -> Result:
    """For "the quarter", "the weekend", "the end of the year": no step word at all."""
    if gran == "quarter":
        # The quarter named before wins over the end date, which fiscal years make misleading.
        base = c.period[0] if c.period else _quarter_ended(c)
        return "DATE", fmt(base, "quarter") if base else moved(c, "quarter", -1)
    if gran == "weekend":
        if c.anchor is None:
            return "DATE", fmt(None, "weekend")
        sunday = weekday_date(c.anchor, 7, "future" if c.tense() == "future" else "past")
        return "DATE", fmt(sunday, "weekend")
    if gran == "year" and not has_pre:
        if _ENDED.match(c.following()):
            return "DURATION", "P1Y"
        return "DATE", moved(c, "year", 0)
    if has_pre and gran in ("year", "month", "week"):
        return "DATE", moved(c, gran, 0)
    return None


_YEAR_NEXT = re.compile(r"\s+\d{4}\b")
#: "the year ended Sept. 30" is a fiscal year: a duration, not the calendar year.
_ENDED = re.compile(r"\s+(?:ended|ending|through)\b")


@rule(75, r"(?i:(?:the\s+)?year-(?:ago|earlier))|(?P<end>(?i:(?:the\s+)?year[-\s]end|year['\u2019]s\s+end))")
def year_ago(g: Groups, c: Ctx) -> Result:
    """Bare "year-ago" / "year-earlier" (an earnings report's comparison period) and "year-end"."""
    if g["end"]:
        return "DATE", moved(c, "year", 0)
    if _COUNTED.match(c.text, c.end, c.end + 30):
        return None  # "the year-earlier nine months" is a duration: the duration rule reads it
    return "DATE", year_before(c, "")


_COUNTED = re.compile(r"\s+(?:first\s+|latest\s+)?[\w-]+\s+(?:months|weeks|days|quarters|years)\b")


@rule(
    50,
    rf"(?:(?i:about|around|nearly|almost|roughly|approximately|some|more\s+than|less\s+than|over|just|only|exactly|barely)\s+)?"
    rf"(?:(?P<num>{NUM})|(?P<vague>{VAGUE}))[-\s]+(?P<unit>{UNIT})s?(?:\s+(?i:or\s+so|and\s+a\s+half))?"
    r"\s+(?P<dir>(?i:ago|earlier|later|from\s+now|hence))\b",
)
def ago(g: Groups, c: Ctx) -> Result:
    """Reads "three days ago", "a year earlier", "two weeks from now"."""
    direction = (g["dir"] or "").lower()
    sign = -1 if direction in ("ago", "earlier") else 1
    n = number_value(g["num"]) if g["num"] else None
    if n is None:
        return (
            ("DATE", "PAST_REF" if sign < 0 else "FUTURE_REF")
            if direction in ("ago", "from now", "hence")
            else None
        )
    unit = (g["unit"] or "").lower().rstrip("s").replace("centurie", "century")
    code = UNITS.get(unit, "D")
    if code.startswith("T"):
        return ("DATE", c.anchor.isoformat()) if c.anchor and direction == "ago" else None
    gran, count = {"10Y": ("year", 10), "100Y": ("year", 100), "2W": ("week", 2)}.get(code, (unit, 1))
    if (gran, count, n, sign) == ("year", 1, 1, -1) and c.period:
        return "DATE", year_before(c, "")
    return "DATE", moved(c, gran, sign * int(n) * count, prefer_ref=direction in ("earlier", "later"))


_DAY_WORDS = {"today": 0, "tonight": 0, "tomorrow": 1, "yesterday": -1}
_PART_BASE = {"this": 0, "last": -1, "tomorrow": 1, "yesterday": -1, "tonight": 0, "today": 0}


@rule(
    80,
    rf"(?P<pre>{PRE})?(?P<rel>(?i:today|tomorrow|yesterday|tonight))\b(?:\s+(?P<part>(?i:morning|afternoon|evening|night))\b)?"
    r"|(?P<rel2>(?i:this|last|the\s+next|the\s+following|the\s+previous|that))\s+(?P<part2>(?i:morning|afternoon|evening|night))\b"
    r"|(?i:the\s+day\s+(?P<ba>before|after)\s+(?P<rel3>yesterday|tomorrow))",
)
def day_word(g: Groups, c: Ctx) -> Result:
    """Reads "today", "late yesterday", "tonight", "this morning", "last night", "the day before yesterday"."""
    rel = " ".join((g["rel"] or g["rel2"] or g["rel3"] or "").lower().split())
    part = (g["part"] or g["part2"] or ("night" if rel == "tonight" else "")).lower()
    if rel in ("that", "the next", "the following", "the previous"):
        step, prefer_ref = {"the next": 1, "the following": 1, "the previous": -1}.get(rel, 0), True
    else:
        step, prefer_ref = _PART_BASE[rel] + {"before": -1, "after": 1}.get((g["ba"] or "").lower(), 0), False
    base = c.base(prefer_ref)
    day = fmt(shift(base[0], "day", step), "day") if base else "XXXX-XX-XX"
    if part:
        return "TIME", f"{day}T{DAY_PARTS[part]}"
    return "DATE", day


@rule(
    90,
    rf"(?P<pre>{PRE})?(?:(?P<rel>(?i:last|next|this\s+past|this\s+coming|this|the\s+previous|the\s+following|coming|past|that))\s+)?"
    rf"(?P<wd>{WEEKDAY})(?P<pl>s)?\b(?:\s+(?P<part>(?i:morning|afternoon|evening|night))s?\b)?",
)
def weekday(g: Groups, c: Ctx) -> Result:
    """Reads "Thursday", "last Friday", "Monday night", "on Mondays" (a SET)."""
    wd = WEEKDAYS[(g["wd"] or "").lower()]
    part = DAY_PARTS.get((g["part"] or "").lower(), "")
    if g["pl"]:
        return "SET", f"XXXX-WXX-{wd}" + (f"T{part}" if part else "")
    rel = " ".join((g["rel"] or "").lower().split())
    date = _weekday_date(c, wd, rel)
    day = date.isoformat() if date else f"XXXX-WXX-{wd}"
    return ("TIME", f"{day}T{part}") if part else ("DATE", day)


def _weekday_date(c: Ctx, wd: int, rel: str) -> dt.date | None:
    """The date a weekday names: "last"/"next" skip the anchor day, plain ones follow the tense."""
    if c.anchor is None:
        return None
    if rel in ("the previous", "the following", "that") and c.ref and c.ref[1] == "day":
        base = c.ref[0]
        step = {"the previous": -1, "the following": 1}.get(rel, 0)
        if step:
            return weekday_date(base + dt.timedelta(days=step), wd, "past" if step < 0 else "future")
        return weekday_date(base, wd, None)
    if rel in ("last", "this past", "past"):
        return weekday_date(c.anchor - dt.timedelta(days=1), wd, "past")
    if rel in ("next", "this coming", "coming"):
        return weekday_date(c.anchor + dt.timedelta(days=1), wd, "future")
    tense = c.tense()
    return weekday_date(c.anchor, wd, tense if tense in ("past", "future") else None)
