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
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from itertools import chain

from .features import ClaimView
from .settings import DEFAULT, ReconcileSettings

#: How much each kind of feature weighs next to a key term: times and units support a
#: match but do not make one; the speaker matters least (one person says many things).
KIND_WEIGHT = {"@": 0.6, "#": 0.6, "S": 0.4, "E": 1.0, "~": 1.2, "_": 0.5}
#: Claims naming only different places are likely different events.
PLACE_DISCOUNT = 0.5
#: Up to this many distinct feature sets, a group's similarity totals look each pair up.
FEW_SETS = 16
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

    @cached_property
    def weights(self) -> dict[str, float]:
        """:meth:`weight` of each feature of the story, computed once."""
        return {f: self.weight(f) for f in self.df}


def feature_kind(feature: str) -> str:
    """
    >>> feature_kind("E:e_1"), feature_kind("@2025-W49"), feature_kind("visit")
    ('E', '@', '')
    """
    if feature[:2] in ("E:", "S:"):
        return feature[0]
    return feature[0] if feature[:1] in ("@", "#", "~", "_") else ""


def story_stats(views: Sequence[ClaimView], settings: ReconcileSettings = DEFAULT) -> StoryStats:
    df = Counter(chain.from_iterable(v.features for v in views))  # counted in C, first-seen order
    cap = max(settings.ubiquity_floor, settings.ubiquity_share * len(views))
    ubiquitous = frozenset(f for f, n in df.items() if n > cap)
    stats = StoryStats(len(views), dict(df), ubiquitous)
    w = stats.weights
    sums: dict[frozenset[str], float] = {}  # claims with the same features (wire copies) summed once
    for v in views:
        if v.features not in sums:
            sums[v.features] = math.fsum(map(w.__getitem__, v.features))
    totals = sorted(sums[v.features] for v in views)
    median = totals[len(totals) // 2] if totals else 0.0
    final = dataclasses.replace(
        stats,
        floor=settings.short_claim * median,
        balance=settings.length_balance,
        bound=settings.link_threshold * settings.least_link,
    )
    vars(final)["weights"] = w  # the cached property's value: it depends on no replaced field
    return final


class _Scorer:
    """Similarities over one story's claims with everything per claim computed once.

    Sums over feature sets use ``math.fsum``: exact, so a set's iteration order (which varies
    with the hash seed) never changes a similarity and with it a group or its summary."""

    def __init__(self, views: Sequence[ClaimView], stats: StoryStats) -> None:
        ubiquitous = stats.ubiquitous
        self.views, self.stats = views, stats
        self.w = _all_weights(views, stats)
        self.core = [v.core - ubiquitous for v in views]
        #: the core features that are not entities: two claims must share one of these
        self.terms = [frozenset(f for f in c if f[:2] != "E:") for c in self.core]
        w = self.w.__getitem__
        #: each claim's summed weight, and that at least the story's floor
        self.weight_sums = [math.fsum(map(w, v.features)) for v in views]
        self.totals = [max(stats.floor, t) for t in self.weight_sums]
        # the two factors of the normalisation, per claim (see score)
        self.low = [t ** (1 - stats.balance) for t in self.totals]
        self.high = [t**stats.balance for t in self.totals]
        self.places = [v.places - ubiquitous for v in views]
        self.article = [v.article for v in views]

    def score(self, i: int, j: int) -> float:
        return self.scores([(i, j)]).get((i, j), 0.0)

    def scores(self, pairs: Iterable[tuple[int, int]]) -> dict[tuple[int, int], float]:
        """The similarity of each pair that has any (one loop: a big story has 10^5 pairs)."""
        terms, core, totals, low, high = self.terms, self.core, self.totals, self.low, self.high
        features, places, article = [v.features for v in self.views], self.places, self.article
        weight, fsum = self.w.__getitem__, math.fsum
        out = {}
        for pair in pairs:
            i, j = pair
            if terms[i].isdisjoint(core[j]):
                continue  # no shared core term or word class: at most the same actors
            small, large = (i, j) if totals[i] <= totals[j] else (j, i)
            if not totals[small]:
                continue
            score = fsum(map(weight, features[i] & features[j])) / (low[small] * high[large])
            pa, pb = places[i], places[j]
            if pa and pb and pa.isdisjoint(pb):
                score *= PLACE_DISCOUNT
            if article[i] == article[j]:
                score *= SAME_ARTICLE_DISCOUNT
            if score > 0:
                out[pair] = score  # the candidate's own tuple: ~10^5 fewer built
        return out

    def candidates(self, bound: float) -> list[tuple[int, int]]:
        """Pairs that may score ``bound`` or more, sorted (prefix filtering).

        A pair scores at most shared / smaller total, so it reaches ``bound`` only if the
        smaller claim shares a feature with the other within its heaviest features whose
        weight the rest of it cannot make up for; probing with those alone keeps the work
        near-linear where the actors and topic words of a 100-article story would pair
        every claim with every other."""
        # claims ranked by (total, index); each feature's claims in that rank order, so the
        # claims ranked above a probing claim are a tail found by bisection
        order = sorted(range(len(self.views)), key=self.totals.__getitem__)  # stable: ties by index
        rank = [0] * len(order)
        postings: dict[str, list[int]] = defaultdict(list)
        for r, i in enumerate(order):
            rank[i] = r
            for f in self.views[i].features:
                postings[f].append(r)
        key = _feature_order(self.w)
        pairs: list[tuple[int, int]] = []
        for j, v in enumerate(self.views):
            # a pair is probed from its lower-ranked claim only, so it is found once
            above: set[int] = set()
            for f in self._prefix(j, v, bound, key):
                ranks = postings[f]
                above.update(ranks[bisect_right(ranks, rank[j]) :])
            pairs.extend((i, j) if i < j else (j, i) for i in map(order.__getitem__, above))
        pairs.sort()
        return pairs

    def _prefix(self, j: int, v: ClaimView, bound: float, key: dict[str, int]) -> list[str]:
        w, need = self.w, bound * self.totals[j]
        rest = self.weight_sums[j]
        out = []
        for f in sorted(v.features, key=key.__getitem__):
            if rest < need or rest <= 0:
                break
            out.append(f)
            rest -= w[f]
        return out


def _all_weights(views: Sequence[ClaimView], stats: StoryStats) -> dict[str, float]:
    """The story's feature weights, with 0 for any feature of ``views`` the story lacks."""
    w = stats.weights
    missing = {f for v in views for f in v.features if f not in w}
    return {**w, **dict.fromkeys(missing, 0.0)} if missing else w


def _feature_order(w: dict[str, float]) -> dict[str, int]:
    """Each feature's place in heaviest-first order (ties by name)."""
    return {f: k for k, f in enumerate(sorted(w, key=lambda f: (-w[f], f)))}


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
    return scorer.scores(scorer.candidates(stats.bound))


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
        parts = {r: [n - 1.0] for r, n in count.items()}
        for a, b, s in self._similar_sets(count):  # fsum is exact: the order of the parts is free
            parts[a].append(s * count[b])
            parts[b].append(s * count[a])
        per_rep = {r: math.fsum(p) for r, p in parts.items()}
        return {i: per_rep[self.rep_of[i]] for i in claims}

    def _similar_sets(self, count: Mapping[int, int]) -> Iterator[tuple[int, int, float]]:
        """Each pair of sets in ``count`` with a similarity, once, lower set first."""
        if len(count) > FEW_SETS:
            near = self._neighbours
            return ((a, b, s) for a in count for b, s in near.get(a, ()) if a < b and b in count)
        sims, reps = self.sims, sorted(count)  # a few sets: each pair looked up
        return (
            (a, b, s)
            for x, a in enumerate(reps)
            for b in reps[x + 1 :]
            if (s := sims.get((a, b))) is not None
        )

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
    size = [sizes[i] if sizes else 1 for i in range(n)]  # by cluster id; merged ones appended
    members = {i: [i] for i in range(n)}
    links: list[dict[int, float]] = [{} for _ in range(n)]
    for (i, j), s in sims.items():
        links[i][j] = links[j][i] = s * size[i] * size[j]
    heap = [(-s, i, j) for (i, j), s in sims.items() if s >= threshold]
    heapq.heapify(heap)
    pop, push = heapq.heappop, heapq.heappush
    while heap:
        _, i, j = pop(heap)
        if i not in members or j not in members:
            continue
        nxt = len(size)
        members[nxt] = members.pop(i) + members.pop(j)
        size.append(size[i] + size[j])
        merged = _unlink(links, i, j)
        links.append(merged)
        for k, total in merged.items():
            links[k][nxt] = total
            mean = total / (size[nxt] * size[k])
            if mean >= threshold:
                push(heap, (-mean, k, nxt))  # k < nxt: every other cluster is older
    return sorted(sorted(m) for m in members.values())


def _unlink(links: list[dict[int, float]], i: int, j: int) -> dict[int, float]:
    """The similarity totals of ``i`` and ``j`` merged (summed), ``i`` and ``j`` unlinked: ``i``'s
    own dict becomes the merged one (same keys in the same order as one built afresh)."""
    merged, theirs = links[i], links[j]
    links[i], links[j] = {}, {}
    merged.pop(j, None)
    theirs.pop(i, None)
    for k in merged:
        del links[k][i]
    for k, total in theirs.items():
        del links[k][j]
        merged[k] = merged[k] + total if k in merged else total
    return merged


def align(views: Sequence[ClaimView], settings: ReconcileSettings = DEFAULT) -> list[list[int]]:
    """Groups of claim indexes into ``views`` that assert the same thing, singletons included."""
    return prepare(views, settings).groups(settings.link_threshold)
