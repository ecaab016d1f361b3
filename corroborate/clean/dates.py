"""Publication date: the declared one when the evidence allows it, else inferred from the text.

Declared dates are often wrong in ways the evidence exposes (a date after the crawl, a
placeholder year), and many inputs declare none. The text usually gives the day away: an
embedded post's signature, a caption's "on <date>", a dateline, or "said on Thursday" next to a
dated event. Explicit regexes read English dates fast enough for every article; dateutil is
only the fallback for odd declared formats.
"""

from __future__ import annotations

import calendar
import datetime as dt
import email.utils
import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..model import SourceMeta
from ..settings import Settings
from .date_scan import date_matches, weekday_matches


def _wordset(words: str) -> frozenset[str]:
    return frozenset(words.split())


_WEEKDAYS = {"mon": 0, "tues": 1, "wednes": 2, "thurs": 3, "fri": 4, "satur": 5, "sun": 6}
_MONTH_KEYS = "janfebmaraprmayjunjulaugsepoctnovdec"
_BOUNDARY_CHARS = r"[.;!?\n,:()\"\u201c\u201d\u2014\u2013]"
_BOUNDARY = re.compile(_BOUNDARY_CHARS)
#: Everything up to the last boundary: its end is where the last ``_BOUNDARY`` match ends.
_UP_TO_LAST_BOUNDARY = re.compile(rf".*{_BOUNDARY_CHARS}", re.DOTALL)
_WORD = re.compile(r"[A-Za-z][A-Za-z'\u2019]*")
_DATELINE_BEFORE = re.compile(r"(?:^|\n)[A-Z][A-Za-z.'\u2019 -]{1,40},\s*(?:[A-Z][a-z]+\s*,\s*)?$")
_DATELINE_AFTER = re.compile(r"\s*(?:\([^()\n]{1,40}\))?\s*[-\u2013\u2014]")
_TIME = re.compile(r"\d{1,2}:\d{2}")
_RFC2822 = re.compile(r"(?:[A-Za-z]{3},\s*)?\d{1,2}\s+[A-Za-z]{3}\s+\d{2,4}\s+\d{1,2}:\d{2}")
#: Words (within a few words of a date, in the same clause) saying the date is still to come.
_FUTURE = _wordset(
    "will shall won't would scheduled slated upcoming expected planned deadline next tomorrow forthcoming"
)
#: Only right before the date do these mark a deadline or a coming day ("by Dec. 5", "next Friday").
_FUTURE_BEFORE = _wordset("by until till next this coming every")
#: Words saying the date is past or present; lower-case words ending in -ed count too.
_PAST = _wordset(
    "said says told tells spoke speaks met meets was were had has held gave made took came went saw won lost "
    "left sent began wrote put ran fell rose got became brought found paid kept led knew heard since ago "
    "earlier last previous yesterday today"
)
_NOT_PAST = _wordset("hundred indeed speed need united")
_HOLIDAY_PREFIX = _wordset("Black Good Super Cyber Ash Holy Maundy Palm Easter Giving")
_WINDOW = 8


@dataclass(frozen=True)
class DateMention:
    """A date the text names; ``year`` is None for "Nov. 24" style mentions."""

    year: int | None
    month: int
    day: int
    text: str
    tense: str | None
    removed: bool = False
    dateline: bool = False

    def on(self, year: int | None = None) -> dt.date:
        return dt.date(year or self.year or 2000, self.month, self.day)


@dataclass(frozen=True)
class Declared:
    """A date read from metadata: its normal form, its day, and its instant if it had a time."""

    text: str
    day: dt.date
    moment: dt.datetime | None = None


def _valid(year: int, month: int, day: int) -> bool:
    return 1 <= month <= 12 and 1 <= day <= calendar.monthrange(year, month)[1]


def _month_number(token: str) -> int:
    return int(token) if token.isdigit() else _MONTH_KEYS.index(token[:3].lower()) // 3 + 1


def find_dates(text: str, removed: bool = False) -> list[DateMention]:
    """Every explicit date in ``text``, with the tense its clause gives it.

    >>> [(m.on(), m.tense) for m in find_dates("The council voted on Nov. 24, 2025.")]
    [(datetime.date(2025, 11, 24), 'past')]
    >>> find_dates("A vote will follow on 5 December.")[0].year is None
    True
    """
    out: list[DateMention] = []
    for m in date_matches(text):
        year = int(m["year"]) if m["year"] else None
        month, day = _month_number(m["month"]), int(m["day"])
        if not _valid(year or 2000, month, day):
            continue
        tense = tense_of(text, m.start(), m.end())
        dateline = bool(
            _DATELINE_BEFORE.search(text, max(0, m.start() - 80), m.start())
            and _DATELINE_AFTER.match(text, m.end())
        )
        out.append(DateMention(year, month, day, m.group(0), tense, removed, dateline))
    return out


def parse_text_date(text: str) -> dt.date | None:
    """The complete date (day, month, year) a short string such as a declared date states.

    >>> parse_text_date("Nov. 24, 2025")
    datetime.date(2025, 11, 24)
    >>> parse_text_date("27 November 2025"), parse_text_date("2025/11/27"), parse_text_date("Nov. 24")
    (datetime.date(2025, 11, 27), datetime.date(2025, 11, 27), None)
    """
    dated = [m for m in find_dates(text) if m.year]
    return dated[0].on() if dated else None


def _clause_words(text: str, start: int, end: int) -> tuple[list[str], list[str]]:
    """Words of the clause around ``text[start:end]``: before it (nearest last) and after it.

    When the date opens its clause ("On Dec. 5, the board will ..."), the words
    after the following comma are what say whether it is past or to come.
    """
    chunk = text[max(0, start - 100) : start]
    last = _UP_TO_LAST_BOUNDARY.match(chunk)
    cut = last.end() if last else 0
    before = _WORD.findall(chunk[cut:])
    tail = text[end : end + 100]
    stop = _BOUNDARY.search(tail)
    after = _WORD.findall(tail[: stop.start()] if stop else tail)
    if not after and len(before) <= 1 and stop:
        nxt = _BOUNDARY.search(tail, stop.end())
        after = _WORD.findall(tail[stop.end() : nxt.start() if nxt else None])
    return before[-_WINDOW:], after[:_WINDOW]


@functools.lru_cache(maxsize=4096)
def _cue(word: str) -> str | None:
    w = word.lower().replace("\u2019", "'")
    if w in _FUTURE or w.endswith("'ll"):
        return "future"
    if w in _PAST or (word.islower() and len(w) > 4 and w.endswith("ed") and w not in _NOT_PAST):
        return "past"
    return None


def tense_of(text: str, start: int, end: int) -> str | None:
    """Past (or present), future or unknown, from the nearest tense cue in the clause.

    >>> tense_of("The vote on Dec. 5 will decide it.", 12, 18)
    'future'
    >>> tense_of("She said on Thursday that it will pass.", 12, 20)
    'past'
    >>> tense_of("The deal is due by Friday.", 19, 25), tense_of("A photo, on Friday.", 12, 18)
    ('future', None)
    """
    before, after = _clause_words(text, start, end)
    if before and before[-1].lower() in _FUTURE_BEFORE:
        return "future"
    # The verb that governs a date usually comes before it ("will return to work on
    # Friday after the union agreed"), so the words before win over the words after.
    for word in [*reversed(before), *after]:
        cue = _cue(word)
        if cue:
            return cue
    return None


def past_weekdays(text: str) -> list[tuple[int, str]]:
    """Weekdays the text names as past or present ("said on Thursday"), as (weekday, phrase).

    Days with a qualifier ("last Friday", "next Monday", "by Tuesday"), holiday
    names ("Black Friday") and future clauses are left out: they do not say
    which day the article was written on.

    >>> past_weekdays("The mayor said on Thursday that a vote will come by Tuesday.")
    [(3, 'said on Thursday')]
    """
    out: list[tuple[int, str]] = []
    for m in weekday_matches(text):
        before = _WORD.findall(text[max(0, m.start() - 40) : m.start()])
        previous = before[-1] if before else ""
        if previous.lower() in ("last", *_FUTURE_BEFORE) or previous in _HOLIDAY_PREFIX:
            continue
        if tense_of(text, m.start(), m.end()) == "past":
            phrase = " ".join([*before[-2:], m.group(0)])
            out.append((_WEEKDAYS[m["wd"].lower()], phrase))
    return out


def _declared(moment: dt.datetime, timed: bool) -> Declared:
    if timed:
        return Declared(moment.isoformat(timespec="seconds"), moment.date(), moment)
    return Declared(moment.date().isoformat(), moment.date())


def _declared_from_iso(value: str) -> Declared | None:
    try:
        return _declared(dt.datetime.fromisoformat(value), bool(_TIME.search(value)))
    except ValueError:
        return None


def _declared_from_rfc2822(value: str) -> Declared | None:
    if not _RFC2822.match(value):
        return None
    try:
        return _declared(email.utils.parsedate_to_datetime(value), True)
    except (TypeError, ValueError, IndexError):
        return None


def _declared_from_dateutil(value: str) -> Declared | None:
    """Last resort for odd formats; parsing with two defaults rejects dates missing a part."""
    from dateutil import parser  # installed with trafilatura; only unusual formats get here

    try:
        one, two = [parser.parse(value, default=dt.datetime(y, y - 2000, y - 2000)) for y in (2001, 2002)]
    except (ValueError, OverflowError):
        return None
    return _declared(one, bool(_TIME.search(value))) if one.date() == two.date() else None


def parse_declared(value: str | None) -> Declared | None:
    """A declared date in any common format, normalised to ISO 8601.

    >>> [parse_declared(v).text for v in ("2025-11-27", "November 27, 2025", "27 Nov 2025", "2025/11/27")]
    ['2025-11-27', '2025-11-27', '2025-11-27', '2025-11-27']
    >>> parse_declared("Thu, 27 Nov 2025 14:05:00 GMT").text, parse_declared("2025-11-27T14:05:00Z").text
    ('2025-11-27T14:05:00+00:00', '2025-11-27T14:05:00+00:00')
    >>> parse_declared("November 2025") is None
    True
    """
    value = (value or "").strip()
    if not value:
        return None
    found = _declared_from_iso(value) or _declared_from_rfc2822(value)
    if found:
        return found
    if not _TIME.search(value):
        day = parse_text_date(value)
        if day and len(value) <= 40:
            return Declared(day.isoformat(), day)
    return _declared_from_dateutil(value)


def _after_fetch(declared: Declared, fetched: Declared | None) -> bool:
    if fetched is None:
        return False
    a, b = declared.moment, fetched.moment
    if a and b and a.tzinfo and b.tzinfo:
        return a > b
    return declared.day > fetched.day


def declared_problem(declared: Declared | None, meta: SourceMeta, settings: Settings) -> str | None:
    """Why the evidence contradicts a declared date, or None when it stands."""
    today = settings.current_date()
    if declared is None:
        return "it could not be read as a date"
    if declared.day.year < settings.min_year:
        return f"its year is before {settings.min_year}"
    if declared.day > today + dt.timedelta(days=1):
        return f"it is in the future (today is {today.isoformat()})"
    if _after_fetch(declared, parse_declared(meta.fetched)):
        return f"it is after the page was fetched ({meta.fetched})"
    return None


def upper_limit(meta: SourceMeta, settings: Settings) -> dt.date:
    """The latest day an article can have been published: tomorrow (time zones) or the fetch day."""
    limit = settings.current_date() + dt.timedelta(days=1)
    fetched = parse_declared(meta.fetched)
    return min(limit, fetched.day) if fetched else limit


def _nearest_year(mention: DateMention, anchor: dt.date) -> dt.date:
    """A year-less date ("Nov. 24") is read in the year that puts it closest to the anchor."""
    years = [y for y in range(anchor.year - 1, anchor.year + 2) if _valid(y, mention.month, mention.day)]
    # Feb. 29 may fit none of the three years: date.min is never after an anchor.
    return min((mention.on(y) for y in years), key=lambda d: abs((d - anchor).days), default=dt.date.min)


def _anchor(mentions: Sequence[DateMention], settings: Settings, limit: dt.date) -> DateMention | None:
    """The latest complete date named as past or present that could precede publication."""
    dated = [m for m in mentions if m.year and m.year >= settings.min_year]
    usable = [m for m in dated if m.tense != "future" and m.on() <= limit]
    return max(usable, key=lambda m: m.on()) if usable else None


def _later_yearless(mentions: Sequence[DateMention], anchor: dt.date, limit: dt.date) -> DateMention | None:
    """A dateline or past-tense "Nov. 28" a little after the anchor moves the date forward."""
    ceiling = min(limit, anchor + dt.timedelta(days=31))
    past = [m for m in mentions if m.year is None and (m.dateline or m.tense == "past")]
    later = [m for m in past if anchor < _nearest_year(m, anchor) <= ceiling]
    return max(later, key=lambda m: _nearest_year(m, anchor)) if later else None


def _weekday_shift(
    day: dt.date, weekdays: Sequence[tuple[int, str]], limit: dt.date
) -> tuple[int, str | None]:
    """Days to move forward so "said on Thursday" fits, and the phrase that decided it.

    A past weekday equal to the anchor's confirms it (shift 0); otherwise the
    latest such weekday within the following six days is taken.
    """
    for weekday, phrase in weekdays:
        if weekday == day.weekday():
            return 0, phrase
    shifts = [((weekday - day.weekday()) % 7, phrase) for weekday, phrase in weekdays]
    allowed = [s for s in shifts if day + dt.timedelta(days=s[0]) <= limit]
    return max(allowed) if allowed else (0, None)


def _left_out(mentions: Sequence[DateMention], settings: Settings, limit: dt.date) -> str:
    """A note on the complete dates that were not candidates, so readers see they were weighed."""
    dated = [m for m in mentions if m.year]
    counts = {
        "of coming events": sum(1 for m in dated if m.tense == "future"),
        f"before {settings.min_year}": sum(1 for m in dated if m.on().year < settings.min_year),
        f"after {limit.isoformat()}": sum(m.on().year >= settings.min_year and m.on() > limit for m in dated),
    }
    parts = [f"{n} date(s) {label}" for label, n in counts.items() if n]
    return f" Left out: {', '.join(parts)}." if parts else ""


def _where(mention: DateMention) -> str:
    removed = "text removed from the body (a caption, embed or byline)"
    return "the dateline" if mention.dateline else removed if mention.removed else "the body"


@functools.lru_cache(maxsize=1024)
def _removed_dates(text: str) -> tuple[DateMention, ...]:
    """``find_dates(text, removed=True)``, kept: removed lines (a deck, a byline, a copyright
    notice) recur from article to article."""
    return tuple(find_dates(text, removed=True))


def removed_text_date(text: str) -> dt.date | None:
    """:func:`parse_text_date` of a removed line, read from :func:`_removed_dates`.

    >>> removed_text_date("Published 3 May 2024, 10:15"), removed_text_date("Updated 10:15")
    (datetime.date(2024, 5, 3), None)
    """
    return next((m.on() for m in _removed_dates(text) if m.year), None)


@functools.lru_cache(maxsize=1024)
def _removed_weekdays(text: str) -> tuple[tuple[int, str], ...]:
    """``past_weekdays(text)`` of a removed line, kept as :func:`_removed_dates` is."""
    return tuple(past_weekdays(text))


def infer_from_text(
    body: str, removed_texts: Sequence[str], settings: Settings, limit: dt.date
) -> tuple[dt.date, str] | None:
    """The publication day from the text's own dates, with a sentence saying how; None without a year."""
    mentions = find_dates(body) + [m for text in removed_texts for m in _removed_dates(text)]
    anchor = _anchor(mentions, settings, limit)
    if anchor is None:
        return None
    day, source = anchor.on(), anchor
    later = _later_yearless(mentions, day, limit)
    if later:
        day, source = _nearest_year(later, day), later
    weekdays = past_weekdays(body) + [w for text in removed_texts for w in _removed_weekdays(text)]
    shift, phrase = _weekday_shift(day, weekdays, limit)
    evidence = f'Inferred from the text: the latest date it gives as past or present is "{source.text}" ({_where(source)})'
    if source is not anchor:
        evidence += f', read in the year of "{anchor.text}"'
    if phrase and shift:
        evidence += (
            f'; "{phrase}" moves it {shift} day(s) later, to {(day + dt.timedelta(days=shift)).isoformat()}'
        )
    elif phrase:
        evidence += f'; "{phrase}" agrees with its weekday'
    return day + dt.timedelta(days=shift), evidence + "." + _left_out(mentions, settings, limit)


def infer_published(
    raw_meta: SourceMeta,
    body: str,
    removed_texts: Sequence[str],
    settings: Settings,
    limit: dt.date | None = None,
) -> tuple[str | None, str | None, str | None]:
    """(published, published_from, evidence): the declared date unless the evidence contradicts it.
    ``limit``: :func:`upper_limit`, when the caller has it already.

    >>> from corroborate.settings import Settings
    >>> infer_published(SourceMeta(), "Officials said on Friday the plan, unveiled Nov. 25, 2025, works.", [],
    ...                 Settings(today=dt.date(2026, 1, 15)))[:2]
    ('2025-11-28', 'text')
    """
    note = ""
    if raw_meta.published:
        declared = parse_declared(raw_meta.published)
        problem = declared_problem(declared, raw_meta, settings)
        if declared and not problem:
            return declared.text, "metadata", f'Declared by the source as "{raw_meta.published}".'
        note = f'The declared date "{raw_meta.published}" was not used: {problem}. '
    found = infer_from_text(body, removed_texts, settings, limit or upper_limit(raw_meta, settings))
    if found is None:
        return None, None, note + "No complete date (with a year) in the text, so the date is left unknown."
    return found[0].isoformat(), "text", note + found[1]
