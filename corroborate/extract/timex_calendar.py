"""Calendar arithmetic for TIMEX3 values: shift a date by units, print it at a granularity.

A resolved point in time is a ``(date, granularity)`` pair; the granularity
says how much of the date the value shows ("2025-11", "2025-W48", "2025-Q4"...).
Without an anchor date the same granularities print underspecified
("XXXX-XX-XX", "XXXX-WXX"), which TimeML allows and which never guesses a year.
"""

from __future__ import annotations

import datetime as dt

GRANULARITIES = ("day", "week", "weekend", "month", "quarter", "half", "season", "year", "decade", "century")
Point = tuple[dt.date, str]


def add_months(d: dt.date, n: int) -> dt.date:
    """``d`` moved by ``n`` calendar months, the day clamped to the month's length.

    >>> add_months(dt.date(2025, 3, 31), -1)
    datetime.date(2025, 2, 28)
    """
    y, m = divmod(d.year * 12 + d.month - 1 + n, 12)
    for day in (d.day, 30, 29, 28):
        try:
            return dt.date(y, m + 1, day)
        except ValueError:
            continue
    raise AssertionError("unreachable: every month has 28 days")


def shift(d: dt.date, unit: str, n: int) -> dt.date:
    """``d`` moved by ``n`` units (day, week, month, quarter, half, year, decade, century).

    >>> shift(dt.date(2025, 11, 27), "week", 1), shift(dt.date(2025, 1, 15), "quarter", -1)
    (datetime.date(2025, 12, 4), datetime.date(2024, 10, 15))
    """
    if unit in ("day", "week", "weekend"):
        return d + dt.timedelta(days=n * (1 if unit == "day" else 7))
    months = {"month": 1, "quarter": 3, "half": 6, "season": 12, "year": 12, "decade": 120, "century": 1200}
    try:
        return add_months(d, n * months[unit])
    except (OverflowError, ValueError):
        return d


def fmt(d: dt.date | None, gran: str) -> str:
    """The TIMEX3 value of ``d`` at ``gran``; underspecified when ``d`` is None.

    >>> [fmt(dt.date(2025, 11, 27), g) for g in ("day", "week", "month", "quarter", "year", "decade")]
    ['2025-11-27', '2025-W48', '2025-11', '2025-Q4', '2025', '202']
    >>> fmt(None, "week"), fmt(None, "day")
    ('XXXX-WXX', 'XXXX-XX-XX')
    """
    if d is None:
        return {"day": "XXXX-XX-XX", "week": "XXXX-WXX", "weekend": "XXXX-WXX-WE", "month": "XXXX-XX",
                "quarter": "XXXX-QX", "half": "XXXX-HX", "decade": "XXX", "century": "XX"}.get(gran, "XXXX")  # fmt: skip
    if gran in ("week", "weekend"):
        year, week, _ = d.isocalendar()
        return f"{year:04d}-W{week:02d}" + ("-WE" if gran == "weekend" else "")
    if gran == "quarter":
        return f"{d.year:04d}-Q{(d.month - 1) // 3 + 1}"
    if gran == "half":
        return f"{d.year:04d}-H{(d.month - 1) // 6 + 1}"
    full = d.isoformat()
    return {"day": full, "month": full[:7], "decade": full[:3], "century": full[:2]}.get(gran, full[:4])


#: Within this many days of the anchor a year-less date is taken as the nearest one, whatever the tense
#: (tense cues are noisy; "by Jan. 14" in a Jan. 5 story is this January).
NEAR_DAYS = 45
#: Far from the anchor and with no tense cue, news mostly reports what happened.
DEFAULT_TENSE: str | None = "past"
#: With no tense, a weekday up to this many days back is taken as past, later ones as coming.
BACK_DAYS = 4


def nearest(anchor: dt.date, candidates: list[dt.date], tense: str | None) -> dt.date:
    """The candidate nearest the anchor, on the side the tense points to unless one is very near.

    >>> a = dt.date(2025, 11, 27)
    >>> nearest(a, [dt.date(2025, 5, 1), dt.date(2026, 5, 1)], "past"), nearest(a, [dt.date(2025, 12, 1)], "past")
    (datetime.date(2025, 5, 1), datetime.date(2025, 12, 1))
    """
    best = min(candidates, key=lambda c: abs((c - anchor).days))
    tense = tense if tense in ("past", "future") else DEFAULT_TENSE
    if abs((best - anchor).days) <= NEAR_DAYS or tense is None:
        return best
    side = [c for c in candidates if (c <= anchor if tense == "past" else c >= anchor)]
    return min(side, key=lambda c: abs((c - anchor).days)) if side else best


def safe_date(year: int, month: int, day: int) -> dt.date | None:
    """A date, or None when the parts name no real day (Feb. 30).

    >>> safe_date(2025, 2, 30) is None
    True
    """
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def month_day(anchor: dt.date, month: int, day: int, tense: str | None) -> dt.date | None:
    """The year-less date "Nov. 24" in the year that fits the anchor and the tense.

    >>> month_day(dt.date(2025, 11, 27), 11, 24, None), month_day(dt.date(2025, 1, 5), 12, 20, None)
    (datetime.date(2025, 11, 24), datetime.date(2024, 12, 20))
    """
    years = (anchor.year - 1, anchor.year, anchor.year + 1)
    candidates = [d for y in years if (d := safe_date(y, month, day))]
    return nearest(anchor, candidates, tense) if candidates else None


def month_of(anchor: dt.date, month: int, tense: str | None) -> dt.date:
    """The month "in March" names: see :func:`span_year`.

    >>> month_of(dt.date(2025, 11, 27), 3, "future"), month_of(dt.date(2025, 11, 27), 3, "past")
    (datetime.date(2026, 3, 1), datetime.date(2025, 3, 1))
    """
    return dt.date(span_year(anchor, month, 1, tense), month, 1)


def span_year(anchor: dt.date, first_month: int, months: int, tense: str | None) -> int:
    """The year of a span of months named without one ("the third quarter", "the first half").

    The span nearest the anchor wins when it lies within NEAR_DAYS of it; otherwise the tense picks
    the side, and with no tense the nearest wins.

    >>> a = dt.date(1989, 10, 26)
    >>> span_year(a, 7, 3, "future"), span_year(a, 1, 3, "future"), span_year(a, 1, 3, "past")
    (1989, 1990, 1989)
    """

    def gap(year: int) -> int:
        start = dt.date(year, first_month, 1)
        end = add_months(start, months) - dt.timedelta(days=1)
        return 0 if start <= anchor <= end else min(abs((start - anchor).days), abs((end - anchor).days))

    years = sorted((anchor.year - 1, anchor.year, anchor.year + 1), key=gap)
    tense = tense if tense in ("past", "future") else DEFAULT_TENSE
    if gap(years[0]) <= NEAR_DAYS or tense is None:
        return years[0]
    side = [y for y in years if (dt.date(y, first_month, 1) <= anchor) == (tense == "past")]
    return side[0] if side else years[0]


def weekday_date(anchor: dt.date, weekday: int, tense: str | None) -> dt.date:
    """The date of ISO ``weekday`` (1 = Monday) nearest the anchor on the tense's side.

    The anchor day itself counts on either side: news often names today's weekday.

    >>> a = dt.date(2025, 11, 27)  # a Thursday
    >>> weekday_date(a, 4, "past"), weekday_date(a, 1, "past"), weekday_date(a, 1, "future")
    (datetime.date(2025, 11, 27), datetime.date(2025, 11, 24), datetime.date(2025, 12, 1))
    """
    back = (anchor.isoweekday() - weekday) % 7
    if tense == "future":
        return anchor + dt.timedelta(days=(weekday - anchor.isoweekday()) % 7)
    if tense == "past" or back <= BACK_DAYS:
        return anchor - dt.timedelta(days=back)
    return anchor + dt.timedelta(days=7 - back)


def easter(year: int) -> dt.date:
    """Western Easter Sunday (anonymous Gregorian algorithm).

    >>> easter(2025)
    datetime.date(2025, 4, 20)
    """
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month, day = divmod(h + l_ - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


def nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date:
    """The ``n``-th ISO ``weekday`` of a month; ``n = -1`` for the last one.

    >>> nth_weekday(2025, 11, 4, 4), nth_weekday(2025, 5, 1, -1)
    (datetime.date(2025, 11, 27), datetime.date(2025, 5, 26))
    """
    if n < 0:
        last = add_months(dt.date(year, month, 1), 1) - dt.timedelta(days=1)
        return last - dt.timedelta(days=(last.isoweekday() - weekday) % 7)
    first = dt.date(year, month, 1)
    return first + dt.timedelta(days=(weekday - first.isoweekday()) % 7 + 7 * (n - 1))
