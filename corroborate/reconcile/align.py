"""Claim alignment within a story: which claims of different articles assert the same thing.

Two claims are compared on what they share, each feature weighted by its inverse claim
frequency in the story, so the actors every claim names count for little and a rare place
or verb counts for much. A pair that shares no *core* feature (a non-generic term, a verb
class or an entity that is not ubiquitous in the story) has similarity 0 whatever else it
shares: a greeting to a leader is not a visit to a city because both name the leader.
Groups form by average-linkage agglomeration over these similarities, stopping at a
threshold calibrated on ECB+ train, in an order that depends only on the input.
"""

from __future__ import annotations

import dataclasses
import heapq
import math
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property

from .features import ClaimView
from .settings import DEFAULT, ReconcileSettings

#: How much each kind of feature weighs next to a key term: times and units support a
#: match but do not make one; the speaker matters least (one person says many things).
KIND_WEIGHT = {"@": 0.6, "#": 0.6, "S": 0.4, "E": 1.0, "~": 1.2, "_": 0.5}
#: Claims naming only different places are likely different events.
PLACE_DISCOUNT = 0.5
#: An article restates a claim less often than two outlets report the same one.
SAME_ARTICLE_DISCOUNT = 0.7


@dataclass(frozen=True)
class StoryStats:
    """How many of the story's claims carry each feature."""

    claims: int
    df: dict[str, int]
    ubiquitous: frozenset[str]
    #: the least total weight a claim is taken to have (see :func:`similarity`)
    floor: float = 0.0
    #: how much the longer claim's weight counts in the normalisation (0.5: geometric mean)
    balance: float = 0.5
    #: similarities below this are taken as 0 (never computed): see :meth:`_Scorer.candidates`
    bound: float = 0.0

    def weight(self, feature: str) -> float:
        """IDF times the kind weight; a feature in every claim weighs little (never nothing: two
        claims of a two-claim story may still be one)."""
        idf = math.log((self.claims + 1) / max(1, self.df.get(feature, 0)))
        return idf * KIND_WEIGHT.get(feature_kind(feature), 1.0)


def feature_kind(feature: str) -> str:
    """
    >>> feature_kind("E:e_1"), feature_kind("@2025-W49"), feature_kind("visit")
    ('E', '@', '')
    """
    if feature[:2] in ("E:", "S:"):
        return feature[0]
    return feature[0] if feature[:1] in ("@", "#", "~", "_") else ""


def story_stats(views: Sequence[ClaimView], settings: ReconcileSettings = DEFAULT) -> StoryStats:
    df: dict[str, int] = defaultdict(int)
    for v in views:
        for f in v.features:
            df[f] += 1
    cap = max(settings.ubiquity_floor, settings.ubiquity_share * len(views))
    ubiquitous = frozenset(f for f, n in df.items() if n > cap)
    stats = StoryStats(len(views), dict(df), ubiquitous)
    totals = sorted(math.fsum(map(stats.weight, v.features)) for v in views)
    median = totals[len(totals) // 2] if totals else 0.0
    return dataclasses.replace(
        stats,
        floor=settings.short_claim * median,
        balance=settings.length_balance,
        bound=settings.link_threshold * settings.least_link,
    )


class _Scorer:
    """Similarities over one story's claims with everything per claim computed once.

    Sums over feature sets use ``math.fsum``: exact, so a set's iteration order (which varies
    with the hash seed) never changes a similarity and with it a group or its summary."""

    def __init__(self, views: Sequence[ClaimView], stats: StoryStats) -> None:
        ubiquitous = stats.ubiquitous
        self.views, self.stats = views, stats
        self.w = {f: stats.weight(f) for f in stats.df}
        self.core = [v.core - ubiquitous for v in views]
        #: the core features that are not entities: two claims must share one of these
        self.terms = [frozenset(f for f in c if f[:2] != "E:") for c in self.core]
        self.totals = [max(stats.floor, math.fsum(self.w.get(f, 0.0) for f in v.features)) for v in views]
        self.places = [v.places - ubiquitous for v in views]

    def score(self, i: int, j: int) -> float:
        if self.terms[i].isdisjoint(self.core[j]):
            return 0.0  # no shared core term or word class: at most the same actors
        a, b = self.views[i], self.views[j]
        small, large = sorted((self.totals[i], self.totals[j]))
        if not small:
            return 0.0
        w, balance = self.w, self.stats.balance
        score = math.fsum(w.get(f, 0.0) for f in a.features & b.features) / (
            small ** (1 - balance) * large**balance
        )
        pa, pb = self.places[i], self.places[j]
        if pa and pb and pa.isdisjoint(pb):
            score *= PLACE_DISCOUNT
        if a.article == b.article:
            score *= SAME_ARTICLE_DISCOUNT
        return score

    def candidates(self, bound: float) -> list[tuple[int, int]]:
        """Pairs that may score ``bound`` or more, sorted (prefix filtering).

        A pair scores at most shared / smaller total, so it reaches ``bound`` only if the
        smaller claim shares a feature with the other within its heaviest features whose
        weight the rest of it cannot make up for; probing with those alone keeps the work
        near-linear where the actors and topic words of a 100-article story would pair
        every claim with every other."""
        postings: dict[str, list[int]] = defaultdict(list)
        for i, v in enumerate(self.views):
            for f in v.features:
                postings[f].append(i)
        rank = [(t, i) for i, t in enumerate(self.totals)]
        pairs: set[tuple[int, int]] = set()
        for j, v in enumerate(self.views):
            for f in self._prefix(j, v, bound):
                pairs.update((min(i, j), max(i, j)) for i in postings[f] if rank[i] > rank[j])
        return sorted(pairs)

    def _prefix(self, j: int, v: ClaimView, bound: float) -> list[str]:
        w, need = self.w, bound * self.totals[j]
        rest = math.fsum(w.get(f, 0.0) for f in v.features)
        out = []
        for f in sorted(v.features, key=lambda f: (-w.get(f, 0.0), f)):
            if rest < need or rest <= 0:
                break
            out.append(f)
            rest -= w.get(f, 0.0)
        return out


def similarity(a: ClaimView, b: ClaimView, stats: StoryStats) -> float:
    """Shared weight over a mean of the two claims' weights leaning to the smaller (each at
    least the story's floor, so a four-word fragment does not match on its one content word).

    0 when they share no core term or word class: naming the same actors is not asserting the
    same thing. Claims naming only different places are discounted: "talks in Vienna" and
    "talks in Oslo" are two rounds of talks."""
    return _Scorer([a, b], stats).score(0, 1)


def pair_similarities(views: Sequence[ClaimView], stats: StoryStats) -> dict[tuple[int, int], float]:
    """Similarity of each pair of claims that has any."""
    scorer = _Scorer(views, stats)
    out = {}
    for i, j in scorer.candidates(stats.bound):
        s = scorer.score(i, j)
        if s > 0:
            out[(i, j)] = s
    return out


@dataclass(frozen=True)
class Alignment:
    """Similarities between a story's claims, ready to group at any threshold.

    Claims with the same features (a wire sentence reprinted word for word) are scored once:
    ``members`` lists the claims of each distinct feature set, ``rep_of`` maps a claim to its
    set, ``sims`` holds the similarities between sets (identical claims are similar 1.0)."""

    members: tuple[tuple[int, ...], ...]
    rep_of: tuple[int, ...]
    sims: dict[tuple[int, int], float]

    def sim(self, i: int, j: int) -> float:
        """Similarity of claims ``i`` and ``j``."""
        a, b = self.rep_of[i], self.rep_of[j]
        return 1.0 if a == b else self.sims.get((min(a, b), max(a, b)), 0.0)

    @cached_property
    def _neighbours(self) -> dict[int, list[tuple[int, float]]]:
        out: dict[int, list[tuple[int, float]]] = defaultdict(list)
        for (a, b), s in self.sims.items():
            out[a].append((b, s))
            out[b].append((a, s))
        return out

    def similarity_totals(self, claims: Sequence[int]) -> dict[int, float]:
        """Each claim's summed similarity to the other ``claims``: through each claim's few
        similar sets, not every pair, so a group of hundreds of claims stays cheap."""
        count = Counter(self.rep_of[i] for i in claims)
        per_rep = {
            r: math.fsum([n - 1.0, *(s * count[o] for o, s in self._neighbours.get(r, ()) if o in count)])
            for r, n in count.items()
        }
        return {i: per_rep[self.rep_of[i]] for i in claims}

    def groups(self, threshold: float) -> list[list[int]]:
        """Groups of claim indexes asserting the same thing (singletons included), sorted."""
        sizes = [len(m) for m in self.members]
        found = agglomerate(len(self.members), self.sims, threshold, sizes)
        return sorted(sorted(i for rep in g for i in self.members[rep]) for g in found)


def prepare(views: Sequence[ClaimView], settings: ReconcileSettings = DEFAULT) -> Alignment:
    """Score a story's claims (see :func:`similarity`), each distinct feature set once."""
    stats = story_stats(views, settings)
    by_features: dict[frozenset[str], list[int]] = {}
    for i, v in enumerate(views):
        by_features.setdefault(v.features, []).append(i)
    members = tuple(tuple(m) for m in by_features.values())
    rep_of = [0] * len(views)
    for r, m in enumerate(members):
        for i in m:
            rep_of[i] = r
    sims = pair_similarities([views[m[0]] for m in members], stats)
    return Alignment(members, tuple(rep_of), sims)


def agglomerate(n: int, sims: dict[tuple[int, int], float], threshold: float,
                sizes: Sequence[int] | None = None) -> list[list[int]]:  # fmt: skip
    """Average-linkage clusters of ``n`` items whose merges all had mean similarity >= threshold;
    item ``i`` stands for ``sizes[i]`` identical items when sizes are given.

    Missing pairs count as 0, so a big group only absorbs an item similar to most of it.

    >>> agglomerate(4, {(0, 1): 0.9, (1, 2): 0.5, (0, 2): 0.1, (2, 3): 0.2}, 0.35)
    [[0, 1], [2], [3]]
    >>> agglomerate(3, {(0, 1): 0.6, (1, 2): 0.5}, 0.35, sizes=[1, 3, 1])  # 0 joins 1's three copies
    [[0, 1, 2]]
    """
    size = {i: sizes[i] if sizes else 1 for i in range(n)}
    members = {i: [i] for i in range(n)}
    links: dict[int, dict[int, float]] = defaultdict(dict)
    for (i, j), s in sims.items():
        links[i][j] = links[j][i] = s * size[i] * size[j]
    heap = [(-s, i, j) for (i, j), s in sims.items() if s >= threshold]
    heapq.heapify(heap)
    nxt = n
    while heap:
        _, i, j = heapq.heappop(heap)
        if i not in members or j not in members:
            continue
        members[nxt] = members.pop(i) + members.pop(j)
        size[nxt] = size.pop(i) + size.pop(j)
        _relink(links, i, j, nxt)
        for k, total in links[nxt].items():
            mean = total / (size[nxt] * size[k])
            if mean >= threshold:
                heapq.heappush(heap, (-mean, min(k, nxt), max(k, nxt)))
        nxt += 1
    return sorted(sorted(m) for m in members.values())


def _relink(links: dict[int, dict[int, float]], i: int, j: int, new: int) -> None:
    """Sum the similarity totals of ``i`` and ``j`` into the new cluster ``new``."""
    merged: dict[int, float] = defaultdict(float)
    for old in (i, j):
        for k, total in links.pop(old, {}).items():
            if k not in (i, j):
                merged[k] += total
                del links[k][old]
    for k, total in merged.items():
        links[new][k] = links[k][new] = total


def align(views: Sequence[ClaimView], settings: ReconcileSettings = DEFAULT) -> list[list[int]]:
    """Groups of claim indexes into ``views`` that assert the same thing, singletons included."""
    return prepare(views, settings).groups(settings.link_threshold)
