"""Hindsight split of a story that turned out to hold two events (used by ``recluster``).

Streaming joins can chain two similar events into one story: once the first
report of the second event has joined, the centroid is a blend and later
reports of both events keep joining it.  With all members at hand, the batch
pass can see the two groups: a 2-means bisection of the members' vectors
(names and numbers weighted up, because that is where two events of one
topic differ) finds them, and a *cohesion ratio* says whether they really
are apart:

    ratio = mean cosine across the groups / sqrt(mean cosine within A x within B)

One event split in two arbitrary halves gives a ratio near 1 (its members
are about as similar across halves as within them); two events give a low
ratio.  Unlike a plain cosine of the two half-centroids, the ratio does not
drift with group size.  Calibration on ECB+ train: see ``split_*`` in
:mod:`corroborate.cluster.settings`.

Only the batch pass splits: streaming decides once per article (a streaming
split could only redirect later articles, and even a gold-informed split
gained at most 0.3 BCubed F1 there; see the settings history).
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from .settings import ClusterSettings

Vector = dict[str, float]
#: Rounds of 2-means; it settles in 2-4 on real stories, the bound keeps the cost linear.
MAX_ROUNDS = 10


@dataclass(frozen=True)
class Split:
    """Two groups of one story's members: ``groups[i]`` is 0 (keeps the story) or 1 (leaves)."""

    groups: tuple[int, ...]
    #: Unit centroids of group 0 and group 1 (to place an article on one side).
    centroids: tuple[Vector, Vector]
    ratio: float
    #: Article id -> its group, for the members (empty until :meth:`with_members`).
    members: Mapping[str, int] = dataclasses.field(default_factory=dict)

    def with_members(self, ids: Sequence[str]) -> Split:
        """The same split, knowing which article each group entry is (``ids`` in member order)."""
        return dataclasses.replace(self, members=dict(zip(ids, self.groups, strict=True)))

    def group_of(self, article_id: str) -> int | None:
        """The group the bisection put a member in (None for an article that was not a member)."""
        return self.members.get(article_id)

    def side(self, vector: Mapping[str, float]) -> int:
        """The group an article vector is closer to (ties: group 0, the story's own)."""
        return 1 if dot(vector, self.centroids[1]) > dot(vector, self.centroids[0]) else 0


def dot(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    """Sparse dot product (iterates over the shorter vector)."""
    if len(a) > len(b):
        a, b = b, a
    return sum(w * b.get(t, 0.0) for t, w in a.items())


def unit(vector: Mapping[str, float]) -> Vector:
    """``vector`` scaled to length 1 (empty stays empty)."""
    norm = math.sqrt(sum(w * w for w in vector.values()))
    return {t: w / norm for t, w in vector.items()} if norm else {}


def split_vector(terms: Mapping[str, float], idf: Callable[[str], float], specific_weight: float) -> Vector:
    """An article's unit tf-idf vector with names, numbers and days weighted ``specific_weight`` times."""
    return unit({t: w * idf(t) * (1.0 if t[0] == "w" else specific_weight) for t, w in terms.items()})


def summed(vectors: Sequence[Vector], groups: Sequence[int], group: int) -> Vector:
    """Sum of the vectors of one group."""
    total: Vector = {}
    for vector, g in zip(vectors, groups, strict=True):
        if g == group:
            for t, w in vector.items():
                total[t] = total.get(t, 0.0) + w
    return total


def bisect(vectors: Sequence[Vector]) -> tuple[int, ...] | None:
    """2-means on unit vectors, seeded with the first member and the one least like it.

    Deterministic: ties go to group 0 and to the earliest member; the labels are
    swapped at the end if need be, so that the first member is in group 0 (the
    group that keeps the story).  None when one group empties.
    """
    far = min(range(1, len(vectors)), key=lambda i: (dot(vectors[0], vectors[i]), i))
    centroids = (vectors[0], vectors[far])
    groups: tuple[int, ...] = ()
    for _ in range(MAX_ROUNDS):
        new = tuple(int(dot(v, centroids[1]) > dot(v, centroids[0])) for v in vectors)
        if new == groups:
            break
        groups = new
        if len(set(groups)) < 2:
            return None
        centroids = (unit(summed(vectors, groups, 0)), unit(summed(vectors, groups, 1)))
    return tuple(1 - g for g in groups) if groups[0] else groups


def cohesion_ratio(sum_a: Vector, sum_b: Vector, size_a: int, size_b: int) -> float:
    """Mean cross-group pair cosine over the geometric mean of the within-group means.

    With unit members, |sum|^2 = size + the sum of within-group pair cosines.
    """
    within_a = (dot(sum_a, sum_a) - size_a) / (size_a * (size_a - 1))
    within_b = (dot(sum_b, sum_b) - size_b) / (size_b * (size_b - 1))
    across = dot(sum_a, sum_b) / (size_a * size_b)
    return across / math.sqrt(max(within_a, 1e-6) * max(within_b, 1e-6))


def find_split(vectors: Sequence[Vector], settings: ClusterSettings) -> Split | None:
    """Two well-separated groups of at least ``split_min_group`` members each, if the story has them."""
    if len(vectors) < 2 * max(settings.split_min_group, 2):  # a ratio needs pairs within each group
        return None
    groups = bisect(vectors)
    if groups is None:
        return None
    sizes = (groups.count(0), groups.count(1))
    if min(sizes) < max(settings.split_min_group, 2):
        return None
    sums = (summed(vectors, groups, 0), summed(vectors, groups, 1))
    ratio = cohesion_ratio(sums[0], sums[1], *sizes)
    if ratio >= settings.split_cohesion:
        return None
    return Split(groups, (unit(sums[0]), unit(sums[1])), ratio)
