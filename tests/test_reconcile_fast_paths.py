"""The dossier's shortcuts give what the plain computations give: the export's groups and
timeline, candidate pairs, agglomeration, similarity totals, times inside an extent, and the
cited-outlet search. Each is checked against a straightforward version written here."""

from __future__ import annotations

import heapq
import math
import random
from collections import defaultdict
from collections.abc import Sequence

import pytest

from corroborate.corpus import link_entities
from corroborate.export import entity_record
from corroborate.extract.registry import EntityRegistry
from corroborate.model import Article, Extraction, Metadata, RawDocument, SourceMeta, Span, TimeRef
from corroborate.offsets import OffsetMap
from corroborate.pipeline import run_stages
from corroborate.reconcile import align, build_dossier
from corroborate.reconcile.align import Alignment, agglomerate, story_stats
from corroborate.reconcile.dossier import _ordered, groups_and_timeline
from corroborate.reconcile.echo import _ANY_VERB_AFTER, _CUE_AFTER, article_citations
from corroborate.reconcile.features import _Inside, calendar_value, statement_time, story_views
from corroborate.settings import Settings

REPORTS = [
    ("Harbour Herald", "2026-03-04", "The harbour bridge will reopen on Friday, officials said. Repairs cost "
     "12 million euros. Mayor Ines Varga said the crews had worked through the night."),
    ("Coastline Daily", "2026-03-04", "Officials said the harbour bridge would reopen on Friday after repairs "
     "costing 12 million euros. According to Reuters, the crews worked through the night."),
    ("Valley Post", "2026-03-05", "The harbour bridge reopens on Saturday, Mayor Ines Varga said. She said "
     "repairs cost 15 million euros. The Valley Post reported that traffic will resume slowly."),
    ("Ferry Times", "2026-03-05", "Ferries will not stop running when the bridge reopens, the operator said "
     "on Thursday. The crews worked through the night, Mayor Ines Varga said."),
]  # fmt: skip


def _story() -> tuple[list[Article], dict[str, dict]]:
    registry, out = EntityRegistry(), []
    for k, (outlet, day, text) in enumerate(REPORTS):
        raw = RawDocument(f"r{k}", text, "text", meta=SourceMeta(outlet=outlet, published=day))
        out.append(link_entities(registry, run_stages(raw, Settings())))
    return out, {r["id"]: entity_record(r) for r in registry.to_rows()}


def test_the_exports_groups_and_timeline_are_the_dossiers():
    articles, entities = _story()
    full = build_dossier("s", articles, entities)
    assert groups_and_timeline("s", list(reversed(articles)), entities) == (full.groups, full.timeline)
    assert full.groups


def _plain_candidates(scorer: align._Scorer, bound: float) -> list[tuple[int, int]]:
    """Prefix filtering over every posting, without ranks by bisection."""
    postings: dict[str, list[int]] = defaultdict(list)
    for i, v in enumerate(scorer.views):
        for f in v.features:
            postings[f].append(i)
    rank = [(t, i) for i, t in enumerate(scorer.totals)]
    w, pairs = scorer.w, set()
    for j, v in enumerate(scorer.views):
        rest, need = math.fsum(w[f] for f in v.features), bound * scorer.totals[j]
        for f in sorted(v.features, key=lambda f: (-w[f], f)):
            if rest < need or rest <= 0:
                break
            pairs.update((min(i, j), max(i, j)) for i in postings[f] if rank[i] > rank[j])
            rest -= w[f]
    return sorted(pairs)


@pytest.mark.parametrize("bound", [0.0, 0.05, 0.17, 0.5])
def test_candidates_are_those_of_plain_prefix_filtering(bound):
    views = story_views(_ordered(_story()[0]))
    scorer = align._Scorer(views, story_stats(views))
    assert scorer.candidates(bound) == _plain_candidates(scorer, bound)
    scores = scorer.scores(scorer.candidates(bound))
    assert all(scorer.score(i, j) == s for (i, j), s in scores.items())


def _plain_agglomerate(n: int, sims: dict[tuple[int, int], float], threshold: float,
                       sizes: Sequence[int]) -> list[list[int]]:  # fmt: skip
    size, members = dict(enumerate(sizes)), {i: [i] for i in range(n)}
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
        members[nxt], size[nxt] = members.pop(i) + members.pop(j), size.pop(i) + size.pop(j)
        merged: dict[int, float] = defaultdict(float)
        for old in (i, j):
            for k, total in links.pop(old, {}).items():
                if k not in (i, j):
                    merged[k] += total
                    del links[k][old]
        for k, total in merged.items():
            links[nxt][k] = links[k][nxt] = total
            if total / (size[nxt] * size[k]) >= threshold:
                heapq.heappush(heap, (-total / (size[nxt] * size[k]), k, nxt))
        nxt += 1
    return sorted(sorted(m) for m in members.values())


def _random_sims(rng: random.Random, n: int, density: float) -> dict[tuple[int, int], float]:
    return {(i, j): rng.choice([0.1, 0.2, 0.35, 0.5, 0.9, rng.random()])
            for i in range(n) for j in range(i + 1, n) if rng.random() < density}  # fmt: skip


@pytest.mark.parametrize("seed", range(6))
def test_agglomerate_is_plain_average_linkage(seed):
    rng = random.Random(seed)
    n = rng.randint(2, 60)
    sims, sizes = _random_sims(rng, n, rng.choice([0.1, 0.5, 0.9])), [rng.randint(1, 3) for _ in range(n)]
    for threshold in (0.2, 0.34, 0.6):
        assert agglomerate(n, sims, threshold, sizes) == _plain_agglomerate(n, sims, threshold, sizes)


@pytest.mark.parametrize("seed", range(4))
def test_similarity_totals_by_lookup_and_by_neighbours_agree(seed, monkeypatch):
    rng = random.Random(seed)
    n = 40
    rep_of = tuple(rng.randrange(n) for _ in range(90))
    alignment = Alignment((), rep_of, _random_sims(rng, n, 0.4))
    groups = [rng.sample(range(90), rng.randint(1, 60)) for _ in range(10)]
    by_lookup = [alignment.similarity_totals(g) for g in groups]
    monkeypatch.setattr(align, "FEW_SETS", 0)
    assert [alignment.similarity_totals(g) for g in groups] == by_lookup


def _article(text: str, times: list[tuple[int, int, str]]) -> Article:
    refs = tuple(TimeRef(Span(text[a:b], a, b, a, b), "DATE", v) for a, b, v in times)
    return Article("a", "a", "a", "text", text, text, OffsetMap((), len(text)), Metadata(published="2026-03-04"),
                   extraction=Extraction(times=refs))  # fmt: skip


def _plain_time_values(article: Article, lo: int, hi: int, events: bool) -> tuple[str, ...]:
    found = (t.value for t in article.extraction.times
             if lo <= t.span.start and t.span.end <= hi and not (events and statement_time(article.text, t.span.start)))  # fmt: skip
    return tuple(dict.fromkeys(c for v in found if (c := calendar_value(v))))


@pytest.mark.parametrize("reversed_span", [False, True])
def test_times_inside_an_extent_are_those_a_full_scan_finds(reversed_span):
    text = "Crews said on Tuesday the bridge shuts on Friday and reopens in March, officials said on Monday."
    times = [(42, 48, "2026-03-06"), (14, 21, "2026-03-03"), (61, 69, "2026-03"), (88, 94, "2026-03-02"),
             (42, 48, "2026-W10"), (0, 5, "PRESENT_REF"), (61, 61, "2026-03-09")]  # fmt: skip
    if reversed_span:
        times.append((70, 65, "2026-04-01"))
    article = _article(text, times)
    inside = _Inside(article, True)
    for lo in range(0, len(text) + 2, 3):
        for hi in range(lo, len(text) + 2, 5):
            for events in (False, True):
                assert inside.time_values(lo, hi, events) == _plain_time_values(article, lo, hi, events)


def test_a_text_with_a_cited_name_before_the_verb_holds_the_verb():
    texts = ["The Coastline Daily reported that crews worked late.", "Talks stalled, Reuters also reported.",
             "The agency was first to report the closure.", "Officials spoke to reporters on Friday."]  # fmt: skip
    for text in texts:
        assert _ANY_VERB_AFTER.search(text) or not _CUE_AFTER.search(text)
    article = _article(texts[0], [])
    assert [c.outlet for c in article_citations(article)] == ["Coastline Daily"]
