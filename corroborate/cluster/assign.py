"""The join decision: is this article about the same real-world event as that story?

Pure functions over numbers the index computes, so the rule can be read,
tested and calibrated on its own.  The rule is two-stage (calibrated on the
ECB+ train split, see :mod:`corroborate.cluster.settings`):

* join on a strong overall lexical match, or
* join on a moderate lexical match when the specific names and numbers
  (people, places, counts, years) agree too -- what separates two similar
  events (two earthquakes, two rehab check-ins) is usually exactly those;
* but never on names and numbers alone: the plain words (what kind of
  happening) must overlap a little too, or a jewellery theft and a baseball
  contract join because both say "160 million".

Short articles get lower thresholds: a 40-word brief shares few terms with
any story, so its cosine with the right story is lower (on ECB+ train the
10th percentile of same-story cosines is 0.20 under 80 words, 0.29 above).

Dates, when both sides have them, raise the bar with distance and rule a
story out beyond a window: two reports weeks apart are rarely one story.
A missing date is neutral.
"""

from __future__ import annotations

import datetime as dt
import math
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
    #: Cosine restricted to plain words (no names or numbers); None when not computed.
    words: float | None = None


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
    """The similarity the thresholds apply to: lexical, or lexical moved by the embedding.

    The embedding cosine of two articles on the same *topic* is high whether or
    not they report the same event, so it only nudges the lexical score around
    ``dense_center`` rather than replacing it.
    """
    if sim.dense is None:
        return sim.lexical
    return sim.lexical + settings.dense_weight * (sim.dense - settings.dense_center)


def length_scale(length: int | None, settings: ClusterSettings) -> float:
    """Factor on the join thresholds: ``join_similarity_short / join_similarity`` for short
    articles, 1 for long ones, linear in log length between (None: unknown, 1)."""
    short, long = settings.short_article_words, settings.long_article_words
    if length is None or length >= long:
        return 1.0
    low = settings.join_similarity_short / settings.join_similarity
    if length <= short:
        return low
    return low + (1.0 - low) * math.log(length / short) / math.log(long / short)


def accepts(sim: Similarity, gap: int | None, settings: ClusterSettings, length: int | None = None) -> bool:
    """The two-stage join rule (strong match, or moderate match plus shared specifics)."""
    if not in_window(gap, settings):
        return False
    if sim.words is not None and sim.words < settings.min_word_similarity:
        return False
    extra = time_penalty(gap, settings)
    scale = length_scale(length, settings)
    score = overall(sim, settings)
    if score >= settings.join_similarity * scale + extra:
        return True
    strong_enough = score >= settings.join_similarity_with_entities * scale + extra
    return strong_enough and sim.entities >= settings.join_entities


def preference(sim: Similarity, settings: ClusterSettings) -> float:
    """Among acceptable stories, prefer the closest; names and numbers break near-ties."""
    return overall(sim, settings) + settings.entity_preference * sim.entities
