"""A small inline SVG of the timeline: one mark per dated event on a day axis (weeks and
months drawn as bars over the days they cover), each with its text as a tooltip."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from html import escape

from ..reconcile.records import TimelineEntry
from ..reconcile.timeline import period_start

WIDTH, ROW, PAD = 960, 16, 40


def period_days(value: str) -> int:
    """How many days a TIMEX day, week or month value covers.

    >>> period_days("2025-11-27"), period_days("2025-W49"), period_days("2025-02")
    (1, 7, 28)
    """
    if "W" in value:
        return 7
    if value.count("-") == 2:
        return 1
    start = period_start(value)
    nxt = dt.date(start.year + start.month // 12, start.month % 12 + 1, 1)
    return (nxt - start).days


def _x(day: dt.date, first: dt.date, span: int) -> float:
    return PAD + (WIDTH - 2 * PAD) * (day - first).days / span


def timeline_svg(entries: Sequence[TimelineEntry]) -> str:
    """The SVG markup (empty when there is nothing dated)."""
    if not entries:
        return ""
    starts = [period_start(t.date) for t in entries]
    ends = [s + dt.timedelta(days=period_days(t.date)) for s, t in zip(starts, entries, strict=True)]
    first, last = min(starts), max(ends)
    span = max(1, (last - first).days)
    height = PAD + ROW * len(entries) + 10
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" role="img" '
             f'aria-label="timeline"><line x1="{PAD}" y1="20" x2="{WIDTH - PAD}" y2="20" stroke="#8892a6"/>',
             f'<text x="{PAD}" y="14" font-size="11" fill="#5b6475">{first.isoformat()}</text>',
             f'<text x="{WIDTH - PAD}" y="14" font-size="11" fill="#5b6475" text-anchor="end">'
             f'{(last - dt.timedelta(days=1)).isoformat()}</text>']  # fmt: skip
    for i, (t, s, end) in enumerate(zip(entries, starts, ends, strict=True)):
        x0, x1 = _x(s, first, span), _x(end, first, span)
        y = PAD + ROW * i
        tip = escape(f"{t.date}: {t.text}", quote=True)
        parts.append(f'<g><title>{tip}</title><rect x="{x0:.1f}" y="{y - 5}" width="{max(4.0, x1 - x0):.1f}" '
                     f'height="10" rx="3" fill="#3d6fb6"/></g>')  # fmt: skip
    parts.append("</svg>")
    return "".join(parts)
