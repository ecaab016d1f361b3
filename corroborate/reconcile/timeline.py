"""The story's dated events in order: one entry per claim group and date.

Dates are the TIMEX values of the claims' time expressions that name a day, an ISO week or a
month -- past ("since Nov. 24"), the publication day ("on Thursday") and future ("next
week") alike; present references, durations and recurrences are not events on a calendar.
Several outlets reporting one event on one date make one entry citing all their claims.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

from .features import ClaimView, calendar_value
from .records import TimelineEntry


def period_start(value: str) -> dt.date:
    """The first day a TIMEX day, week or month value covers.

    >>> period_start("2025-11-27"), period_start("2025-W49"), period_start("2025-11")
    (datetime.date(2025, 11, 27), datetime.date(2025, 12, 1), datetime.date(2025, 11, 1))
    """
    if "W" in value:
        return dt.date.fromisocalendar(int(value[:4]), int(value[6:8]), 1)
    if value.count("-") == 2:
        return dt.date.fromisoformat(value)
    return dt.date(int(value[:4]), int(value[5:7]), 1)


def _valid(value: str) -> bool:
    try:
        period_start(value)
    except ValueError:
        return False
    return True


def shorten(text: str, limit: int) -> str:
    """Text cut at a word boundary to at most ``limit`` characters, with an ellipsis if cut.

    >>> shorten("The bridge reopened on Tuesday after repairs", 30)
    'The bridge reopened on…'
    """
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:—-")
    return cut + "…"


def _granularity_rank(value: str) -> int:
    """Days before weeks before months that start on the same day."""
    return 2 if "W" not in value and value.count("-") == 1 else 1 if "W" in value else 0


def attributed(view: ClaimView, names: Mapping[str, str], limit: int) -> str:
    """What a claim asserts, short, led by its speaker's name when a speaker asserts it and
    the words do not name them already (the date may be when they said it)."""
    content = (view.claim.content or view.claim.span).text
    who = names.get(view.speaker or "") if view.speaker else None
    if who and who.split()[-1].lower() not in content.lower():
        content = f"{who}: {content}"
    return shorten(content, limit)


def timeline(views: Sequence[ClaimView], group_of: Mapping[str, str], names: Mapping[str, str] | None = None,
             limit: int = 140) -> tuple[TimelineEntry, ...]:  # fmt: skip
    """Timeline entries from claims' dated times; ``group_of`` maps claim id -> group id and
    ``names`` entity id -> name."""
    found: dict[tuple[str, str], list[ClaimView]] = {}
    for v in views:
        for t in dict.fromkeys(c for x in v.claim.times if (c := calendar_value(x))):
            if _valid(t):
                found.setdefault((t, group_of[v.claim.id]), []).append(v)
    entries = []
    for (date, group), members in found.items():
        first = members[0]
        text = attributed(first, names or {}, limit)
        claims = tuple(dict.fromkeys(m.claim.id for m in members))
        articles = tuple(dict.fromkeys(m.article for m in members))
        entries.append(TimelineEntry(date, text, group, claims, articles))
    order = {v.claim.id: i for i, v in enumerate(views)}
    entries.sort(key=lambda e: (period_start(e.date), _granularity_rank(e.date), order[e.claims[0]]))
    return tuple(entries)
