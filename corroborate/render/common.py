"""What the Markdown and HTML views share: which timeline entries to show."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator, Sequence
from functools import cache
from itertools import groupby
from typing import Any

from ..reconcile.records import TimelineEntry

#: Entries shown per date; a busy publication day keeps those most outlets report.
PER_DATE = 6


def timeline_rows(
    entries: Sequence[TimelineEntry], per_date: int = PER_DATE
) -> Iterator[TimelineEntry | tuple[str, int]]:
    """Entries in date order, at most ``per_date`` per date (most widely reported first, then
    in story order), each date's overflow as ``(date, how many more)``.

    >>> e = [TimelineEntry("2026-03-03", str(i), "g", (), ("a",) * (i % 2 + 1)) for i in range(3)]
    >>> [r if isinstance(r, tuple) else r.text for r in timeline_rows(e, 2)]
    ['1', '0', ('2026-03-03', 1)]
    """
    for date, same in groupby(entries, key=lambda t: t.date):
        items = list(same)
        ranked = sorted(range(len(items)), key=lambda i: (-len(items[i].articles), i))[:per_date]
        yield from (items[i] for i in sorted(ranked, key=lambda i: (-len(items[i].articles), i)))
        if len(items) > per_date:
            yield (date, len(items) - per_date)


@cache
def _field_names(kind: type) -> tuple[str, ...]:
    return tuple(f.name for f in dataclasses.fields(kind))


def plain(value: Any) -> Any:
    """``dataclasses.asdict`` for the frozen records here, without its deep copies (a third of
    a big dossier's export time): the leaves are immutable already.

    >>> from corroborate.model import Span
    >>> plain((Span("ok", 0, 2, 0, 2),)) == (dataclasses.asdict(Span("ok", 0, 2, 0, 2)),)
    True
    """
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {name: plain(getattr(value, name)) for name in _field_names(type(value))}
    if isinstance(value, tuple) and hasattr(value, "_fields"):  # a NamedTuple takes its fields one by one
        return type(value)(*(plain(v) for v in value))
    if isinstance(value, list | tuple):
        return type(value)(plain(v) for v in value)
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    return value
