"""Attribution metrics: span P/R/F1 per role and content+speaker matching.

A span is a tuple of character ranges (discontinuous spans have several).
Role spans (source, cue, content) are scored as sets per article: exact match
needs the same ranges; overlap match pairs spans sharing a character, one to
one. Attributions match when their contents have a character Jaccard of at
least 0.5 and the system source overlaps the gold source (a gold attribution
without a source needs a system attribution without one); pairs are counted
one to one by maximum bipartite matching.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from .polnear_reader import Frags, GoldAttribution

#: Quote marks that may open / close a quotation in PolNeAR texts.
OPEN_MARKS = frozenset("\"“„«‘'`")
CLOSE_MARKS = frozenset("\"”»’'“")
JACCARD_MIN = 0.5


@dataclass
class Tally:
    """Counts behind a precision / recall / F1 triple."""

    tp_gold: int = 0
    tp_sys: int = 0
    n_gold: int = 0
    n_sys: int = 0

    def prf(self) -> dict[str, float]:
        """Percentages.

        >>> Tally(3, 3, 4, 6).prf()
        {'p': 50.0, 'r': 75.0, 'f1': 60.0}
        """
        p = 100.0 * self.tp_sys / self.n_sys if self.n_sys else 0.0
        r = 100.0 * self.tp_gold / self.n_gold if self.n_gold else 0.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        return {"p": round(p, 1), "r": round(r, 1), "f1": round(f1, 1)}

    def add(self, other: Tally) -> None:
        self.tp_gold += other.tp_gold
        self.tp_sys += other.tp_sys
        self.n_gold += other.n_gold
        self.n_sys += other.n_sys


@dataclass
class ArticleScore:
    exact: dict[str, Tally] = field(default_factory=dict)
    overlap: dict[str, Tally] = field(default_factory=dict)
    attribution: Tally = field(default_factory=Tally)
    direct: Tally = field(default_factory=Tally)
    #: (gold index, system index) pairs of the content+speaker matching
    pairs: list[tuple[int, int]] = field(default_factory=list)


def chars(frags: Frags) -> set[int]:
    """Character positions covered by ``frags``.

    >>> sorted(chars(((0, 2), (5, 6))))
    [0, 1, 5]
    """
    return {i for start, end in frags for i in range(start, end)}


def overlaps(a: Frags, b: Frags) -> bool:
    """True when two spans share a character.

    >>> overlaps(((0, 5),), ((4, 9),)), overlaps(((0, 5),), ((5, 9),))
    (True, False)
    """
    return any(s1 < e2 and s2 < e1 for s1, e1 in a for s2, e2 in b)


def jaccard(a: set[int], b: set[int]) -> float:
    """Character Jaccard.

    >>> jaccard({1, 2, 3}, {2, 3, 4})
    0.5
    """
    union = len(a | b)
    return len(a & b) / union if union else 0.0


def max_matching(edges: Sequence[Sequence[int]], n_right: int) -> list[tuple[int, int]]:
    """Maximum bipartite matching (Kuhn's augmenting paths); ``edges[i]`` lists right nodes of left i.

    >>> max_matching([[0, 1], [0]], 2)
    [(0, 1), (1, 0)]
    """
    owner = [-1] * n_right

    def augment(left: int, seen: list[bool]) -> bool:
        for right in edges[left]:
            if not seen[right]:
                seen[right] = True
                if owner[right] < 0 or augment(owner[right], seen):
                    owner[right] = left
                    return True
        return False

    for left in range(len(edges)):
        augment(left, [False] * n_right)
    return sorted((left, right) for right, left in enumerate(owner) if left >= 0)


def span_tally(gold: set[Frags], system: set[Frags], exact: bool) -> Tally:
    """One role's spans in one article, matched exactly or by overlap (one to one)."""
    if exact:
        hits = len(gold & system)
        return Tally(hits, hits, len(gold), len(system))
    sys_list = sorted(system)
    edges = [[j for j, s in enumerate(sys_list) if overlaps(g, s)] for g in sorted(gold)]
    hits = len(max_matching(edges, len(sys_list)))
    return Tally(hits, hits, len(gold), len(system))


def speaker_agrees(gold: Frags, system: Frags) -> bool:
    """Both without a source, or sources sharing a character."""
    if not gold:
        return not system
    return bool(system) and overlaps(gold, system)


def attribution_pairs(
    gold: Sequence[GoldAttribution], system: Sequence[GoldAttribution]
) -> list[tuple[int, int]]:
    """One-to-one content+speaker matches between gold and system attributions."""
    sys_chars = [chars(s.content) for s in system]
    edges = []
    for g in gold:
        g_chars = chars(g.content)
        edges.append(
            [
                j
                for j, s in enumerate(system)
                if speaker_agrees(g.source, s.source) and jaccard(g_chars, sys_chars[j]) >= JACCARD_MIN
            ]
        )
    return max_matching(edges, len(system))


def is_direct(text: str, content: Frags) -> bool:
    """True when every piece of the content is a quotation, marks included.

    A piece may end at a line break unclosed: a quote running on into the next paragraph.

    >>> t = '"Yes," he said, "sure." She said that it was "odd".'
    >>> is_direct(t, ((0, 6), (16, 23))), is_direct(t, ((34, 50),))
    (True, False)
    """
    for start, end in content:
        piece = text[start:end].strip().rstrip(".,;:!?")
        if len(piece) < 2 or piece[0] not in OPEN_MARKS:
            return False
        if piece[-1] not in CLOSE_MARKS and text[end : end + 1] != "\n":
            return False
    return True


def score_article(
    text: str, gold: Sequence[GoldAttribution], system: Sequence[GoldAttribution]
) -> ArticleScore:
    """All counts for one article."""
    score = ArticleScore()
    for role in ("source", "cue", "content"):
        g = {getattr(a, role) for a in gold if getattr(a, role)}
        s = {getattr(a, role) for a in system if getattr(a, role)}
        score.exact[role] = span_tally(g, s, exact=True)
        score.overlap[role] = span_tally(g, s, exact=False)
    score.pairs = attribution_pairs(gold, system)
    score.attribution = Tally(len(score.pairs), len(score.pairs), len(gold), len(system))
    direct = [i for i, g in enumerate(gold) if is_direct(text, g.content)]
    matched = {i for i, _ in score.pairs}
    found = sum(1 for i in direct if i in matched)
    score.direct = Tally(found, found, len(direct), 0)
    return score
