"""The join decision: is this article about the same real-world event as that story?

Pure functions over numbers the index computes, so the rule can be read,
tested and calibrated on its own.  The rule is two-stage (calibrated on the
ECB+ train split, see :mod:`corroborate.cluster.settings`):

* join on a strong overall lexical match, or
* join on a moderate lexical match when the specific names and numbers
  (people, places, counts, years) agree too -- what separates two similar
  events (two earthquakes, two rehab check-ins) is usually exactly those.

Dates, when both sides have them, raise the bar with distance and rule a
story out beyond a window: two reports weeks apart are rarely one story.
A missing date is neutral.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .settings import ClusterSettings


@dataclass(frozen=True)
class Similarity:
    """How an article compares with one story."""

    #: Cosine of the idf-weighted article and story-centroid vectors.
    lexical: float
    #: Cosine restricted to names and numbers.
    entities: float
    #: Cosine of dense embeddings (neural backend), else None.
    dense: float | None = None


def day_gap(published: dt.date | None, first: dt.date | None, last: dt.date | None) -> int | None:
    """Days between an article and a story's date range; None when either side is undated."""
    if published is None or first is None or last is None:
        return None
    if published < first:
        return (first - published).days
    if published > last:
        return (published - last).days
    return 0


def range_gap(first: dt.date | None, last: dt.date | None,
              other_first: dt.date | None, other_last: dt.date | None) -> int | None:  # fmt: skip
    """Days between two date ranges (0 when they overlap); None when either is undated."""
    if first is None or last is None or other_first is None or other_last is None:
        return None
    return max(0, (other_first - last).days, (first - other_last).days)


def in_window(gap: int | None, settings: ClusterSettings) -> bool:
    """Stories too far away in time are not even candidates."""
    return gap is None or gap <= settings.time_window_days


def time_penalty(gap: int | None, settings: ClusterSettings) -> float:
    """Extra similarity an article needs to join a story this many days away."""
    if gap is None:
        return 0.0
    return max(0, gap - settings.time_grace_days) * settings.time_penalty_per_day


def overall(sim: Similarity, settings: ClusterSettings) -> float:
    """The similarity the thresholds apply to: lexical, or blended with the embedding."""
    if sim.dense is None:
        return sim.lexical
    w = settings.dense_weight
    return (1 - w) * sim.lexical + w * sim.dense


def accepts(sim: Similarity, gap: int | None, settings: ClusterSettings) -> bool:
    """The two-stage join rule (strong match, or moderate match plus shared specifics)."""
    if not in_window(gap, settings):
        return False
    extra = time_penalty(gap, settings)
    score = overall(sim, settings)
    if score >= settings.join_similarity + extra:
        return True
    return score >= settings.join_similarity_with_entities + extra and sim.entities >= settings.join_entities


def preference(sim: Similarity, settings: ClusterSettings) -> float:
    """Among acceptable stories, prefer the closest; names and numbers break near-ties."""
    return overall(sim, settings) + settings.entity_preference * sim.entities
