"""The story's dated events in order: one entry per claim group and date.

Dates are the TIMEX values of the claims' time expressions that name a day, an ISO week or a
month -- past ("since Nov. 24"), the publication day ("on Thursday") and future ("next
week") alike; present references, durations and recurrences are not events on a calendar.
Several outlets reporting one event on one date make one entry citing all their claims.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence

from .features import ClaimView
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


#: Words that open a clause continuing a sentence ("adding that ...", "while ...").
_CONTINUATION = re.compile(
    r"^(?:and|but|while|though|although|saying|adding|noting|as)\b(?:\s+that)?\s+", re.I
)


def attributed(view: ClaimView, names: Mapping[str, str], limit: int) -> str:
    """A claim as a short readable line: its own words without a leading "and"/"adding that",
    led by the speaker's name for a direct quotation that does not name them.

    >>> from corroborate.model import Claim, Span
    >>> c = Claim("c1", Span("adding that the bridge will reopen in May.", 0, 41, 0, 41), "speaker")
    >>> attributed(ClaimView(c, "a", "X", "x", 0, 0.0, frozenset(), frozenset()), {}, 80)
    'The bridge will reopen in May.'
    """
    text = _CONTINUATION.sub("", " ".join(view.claim.span.text.split()))
    text = text[:1].upper() + text[1:]
    who = names.get(view.speaker or "") if view.speaker and view.direct else None
    if who and who.split()[-1].lower() not in text.lower():
        text = f"{who}: {text}"
    return shorten(text, limit)


def readable(view: ClaimView) -> bool:
    """Whether a claim's words read as a sentence on their own (not "and they may ...")."""
    head = view.claim.span.text.lstrip()[:1]
    return head.isupper() or head in "\"“‘'"


def timeline(views: Sequence[ClaimView], group_of: Mapping[str, str], names: Mapping[str, str] | None = None,
             limit: int = 140) -> tuple[TimelineEntry, ...]:  # fmt: skip
    """Timeline entries from claims' dated times; ``group_of`` maps claim id -> group id and
    ``names`` entity id -> name."""
    found: dict[tuple[str, str], list[ClaimView]] = {}
    for v in views:
        for t in v.dates:
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
