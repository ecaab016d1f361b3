"""One frozen settings object that travels through every stage.

Every default is documented here; override with :func:`dataclasses.replace`
or :meth:`Settings.replace`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class Settings:
    #: Files larger than this are rejected with a clear message (50 MB).
    max_file_bytes: int = 50 * 1024 * 1024
    #: "Today" for date sanity checks; ``None`` means the system clock.
    #: Dates after today (plus one day for time zones) are never chosen as publication dates.
    today: dt.date | None = None
    #: Earliest year accepted as a publication year.
    min_year: int = 1900
    #: A first line with at most this many words (and no final full stop) is a title.
    title_max_words: int = 30
    #: A line with at most this many words and no final punctuation after the title is a deck.
    subtitle_max_words: int = 40
    #: Word n-gram size for near-duplicate shingles.
    shingle_words: int = 5
    #: MinHash permutations; with ``lsh_bands`` this sets the candidate threshold (~0.42).
    minhash_perm: int = 128
    lsh_bands: int = 32
    #: Shingle containment at or above which an article is a near-duplicate of an earlier one.
    near_duplicate_containment: float = 0.8
    #: Paragraphs with fewer words are never taken as repeated embed text.
    embed_repeat_min_words: int = 5
    #: An input holding more items than this (a big JSONL, WARC or feed) is stored in several
    #: transactions of this many items, so memory stays bounded (a prepared article holds about
    #: 200 KB until it is stored). Each transaction is whole or nothing; a re-run skips the items
    #: already stored.
    transaction_items: int = 500
    #: Run the extract stage (entities, quotes, times, claims) at ingest; off gives a faster,
    #: intake-only store (used to benchmark intake alone).
    extract: bool = True
    #: Assign each article to a story at ingest (streaming clustering); off leaves stories to
    #: a later `corroborate recluster` (used to benchmark intake alone).
    cluster: bool = True

    def replace(self, **changes: object) -> Settings:
        return dataclasses.replace(self, **changes)  # type: ignore[arg-type]

    def current_date(self) -> dt.date:
        return self.today or dt.date.today()


DEFAULT_SETTINGS = Settings()
