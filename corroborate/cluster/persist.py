"""Export the index as per-story rows and rebuild it from them (for SQLite storage).

The in-memory :class:`~corroborate.cluster.index.StoryIndex` stays the source
of truth during a run; these rows are what the store keeps so the next run
resumes exactly where this one stopped:

* one :class:`StoryRow` per story (id, size, dates, centroid terms with
  weights, the terms it is indexed under, and its update sequence number,
  which fixes the order of the posting lists);
* one :class:`FrequencyTable` (document count and document frequency per
  term) for the IDF;
* the article -> story assignments the store already keeps.

A rebuilt index gives the same answers as the live one for every later
article (tested in ``tests/test_cluster.py``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field


@dataclass(frozen=True)
class StoryRow:
    """Everything needed to restore one story."""

    id: str
    count: int
    first_date: dt.date | None
    last_date: dt.date | None
    #: Centroid terms with their idf-free weights (the sum of member unit vectors).
    terms: tuple[tuple[str, float], ...]
    #: Terms the story is listed under in the inverted index.
    keys: tuple[str, ...]
    #: Larger = updated more recently; rows are restored in this order.
    seq: int
    #: Sum of member embeddings (neural backend only).
    dense: tuple[float, ...] | None = None


@dataclass(frozen=True)
class FrequencyTable:
    """The global document frequencies behind the IDF."""

    documents: int
    frequencies: Mapping[str, int] = field(default_factory=dict)


def rows_in_restore_order(rows: Iterable[StoryRow]) -> list[StoryRow]:
    """Oldest update first, so posting lists come back in the live order."""
    return sorted(rows, key=lambda row: row.seq)


def check_assignments(rows: Iterable[StoryRow], assignments: Mapping[str, str]) -> None:
    """Refuse assignments pointing at stories that are not in ``rows``: the store is inconsistent."""
    known = {row.id for row in rows}
    missing = sorted({story for story in assignments.values() if story not in known})
    if missing:
        raise ValueError(f"assignments refer to unknown stories, e.g. {missing[:3]}")
