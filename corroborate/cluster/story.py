"""One story's bounded state, kept compact because an index may hold 100k of them.

A story stores the *sum* of its members' unit term vectors (no IDF; the
index applies the current IDF when comparing), truncated to the top
``story_terms`` terms, in two flat arrays rather than a dict: about 400 bytes
instead of several kilobytes per story.
"""

from __future__ import annotations

import datetime as dt
import heapq
import math
from array import array
from collections.abc import Callable, Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class StoryView:
    """A read-only summary of one story, for callers and reports."""

    id: str
    size: int
    first_date: dt.date | None
    last_date: dt.date | None
    #: Top centroid terms with their (idf-free) weights, strongest first.
    top_terms: tuple[tuple[str, float], ...]


class Story:
    """Mutable per-story state owned by :class:`~corroborate.cluster.index.StoryIndex`."""

    __slots__ = ("id", "count", "first", "last", "terms", "weights", "keys", "dense", "seq")

    def __init__(self, story_id: str) -> None:
        self.id = story_id
        self.count = 0
        self.first: dt.date | None = None
        self.last: dt.date | None = None
        self.terms = array("i")
        self.weights = array("f")
        #: Term ids this story is listed under in the inverted index.
        self.keys = array("i")
        self.dense: array[float] | None = None
        #: Update sequence number: larger = changed more recently.
        self.seq = 0

    def widen(self, published: dt.date | None) -> None:
        """Stretch the story's date range to cover a new member's date."""
        if published is None:
            return
        self.first = published if self.first is None else min(self.first, published)
        self.last = published if self.last is None else max(self.last, published)

    def set_terms(self, weights: Mapping[int, float]) -> None:
        """Replace the centroid terms (already truncated and ordered by the index)."""
        self.terms = array("i", weights)
        self.weights = array("f", weights.values())

    def add_dense(self, vector: tuple[float, ...] | None) -> None:
        """Running sum of member embeddings (its direction is the mean's)."""
        if vector is None:
            return
        if self.dense is None:
            self.dense = array("f", vector)
            return
        for i, x in enumerate(vector):
            self.dense[i] += x

    def dense_cosine(self, vector: tuple[float, ...] | None) -> float | None:
        """Cosine of a unit embedding with the members' mean embedding; None without embeddings."""
        if vector is None or self.dense is None:
            return None
        norm = math.sqrt(sum(x * x for x in self.dense))
        return sum(a * b for a, b in zip(vector, self.dense, strict=True)) / norm if norm else 0.0

    def view(self, words: list[str]) -> StoryView:
        """A read-only summary, term ids turned back into feature strings."""
        pairs = sorted(zip(self.terms, self.weights, strict=True), key=lambda p: (-p[1], words[p[0]]))
        terms = tuple((words[t], float(w)) for t, w in pairs)
        return StoryView(self.id, self.count, self.first, self.last, terms)


def merged_terms(story: Story, addition: Mapping[int, float]) -> dict[int, float]:
    """Story weights plus one member's weights (the centroid sum, before truncation)."""
    merged = dict(zip(story.terms, story.weights, strict=True))
    for tid, weight in addition.items():
        merged[tid] = merged.get(tid, 0.0) + weight
    return merged


def top_terms(weights: Mapping[int, float], k: int,
              rank: Callable[[int, float], tuple[float, str]]) -> dict[int, float]:  # fmt: skip
    """The ``k`` highest-ranked terms (rank = idf-weighted weight, then term text: deterministic)."""
    if len(weights) <= k:
        return dict(sorted(weights.items(), key=lambda item: rank(*item), reverse=True))
    return dict(heapq.nlargest(k, weights.items(), key=lambda item: rank(*item)))
