"""Claim alignment measured against gold cross-document event coreference.

The real pipeline reads every article (``run_stages`` on its text, entities linked in one
registry), claims are aligned per gold story (a dossier is built per story), and:

* precision -- of the claim pairs from different articles put in one group, the share whose
  sentences share a gold event. Reported over the pairs the gold can judge (both sentences
  carry some gold event: NewsWCL50 annotates events in a quarter of its sentences, so most
  pairs fall in sentences the gold says nothing about) and, as ``strict``, over all pairs;
* recall -- of the sentence pairs from different articles that mention one gold event, the
  share holding two claims put in one group (indicative: a sentence that merely names the
  summit "mentions" it without asserting the same thing).

    python -m corroborate.eval.alignment --corpus newswcl50
    python -m corroborate.eval.alignment --corpus ecbplus --split train --sweep   # calibration

Missing data prints ``skipped: ... not found`` and exits 0.
"""

from __future__ import annotations

import argparse
import dataclasses
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import combinations
from pathlib import Path

from ..corpus import link_entities
from ..extract.registry import EntityRegistry
from ..model import Article, RawDocument, SourceMeta
from ..pipeline import run_stages
from ..reconcile.align import Alignment, prepare
from ..reconcile.features import ClaimView, story_views
from ..reconcile.settings import DEFAULT, ReconcileSettings
from ..settings import Settings
from .alignment_readers import EventDoc, read_event_docs
from .corpora import DEFAULT_DATA_DIR, CorpusNotFound


@dataclass(frozen=True)
class AlignmentScores:
    corpus: str
    threshold: float
    #: cross-article claim pairs grouped together, and those whose sentences share a gold event
    pairs: int
    correct: int
    #: the same, among pairs whose sentences both carry some gold event (the gold can judge them)
    judged_pairs: int
    judged_correct: int
    gold_pairs: int
    found_gold_pairs: int
    groups: int
    claims: int

    @property
    def precision(self) -> float:
        """Pairwise precision over the pairs the gold can judge."""
        return self.judged_correct / self.judged_pairs if self.judged_pairs else 1.0

    @property
    def strict_precision(self) -> float:
        """Pairwise precision counting every pair with a sentence without gold events as wrong."""
        return self.correct / self.pairs if self.pairs else 1.0

    @property
    def recall(self) -> float:
        return self.found_gold_pairs / self.gold_pairs if self.gold_pairs else 0.0

    def line(self) -> str:
        return (
            f"{self.corpus}: threshold {self.threshold:.2f}  pairwise precision {self.precision:.3f} "
            f"({self.judged_correct}/{self.judged_pairs} judged cross-article claim pairs)  strict "
            f"{self.strict_precision:.3f} ({self.correct}/{self.pairs} all pairs)  recall {self.recall:.3f} "
            f"({self.found_gold_pairs}/{self.gold_pairs} gold sentence pairs)  "
            f"{self.groups} multi-claim groups of {self.claims} claims"
        )


def format_report(scores: AlignmentScores) -> str:
    """The one-line report ``corroborate eval alignment`` prints."""
    return scores.line()


@dataclass(frozen=True)
class _Story:
    """One gold story ready to align: claim views, the gold docs by article id, similarities."""

    views: tuple[ClaimView, ...]
    docs: dict[str, EventDoc]
    alignment: Alignment


def read_articles(docs: Sequence[EventDoc]) -> dict[str, Article]:
    """doc id -> the pipeline's article (entities linked across the corpus)."""
    registry, out = EntityRegistry(), {}
    for d in docs:
        meta = SourceMeta(external_id=d.doc_id, outlet=d.outlet, published=d.published)
        article = run_stages(RawDocument(d.doc_id, d.text, "text", meta=meta), Settings())
        out[d.doc_id] = link_entities(registry, article)
    return out


@lru_cache(maxsize=4)
def _corpus(corpus: str, data_dir: str, split: str) -> tuple[tuple[EventDoc, ...], tuple[Article, ...]]:
    docs = read_event_docs(corpus, Path(data_dir), split)
    articles = read_articles(docs)
    return tuple(docs), tuple(articles[d.doc_id] for d in docs)


def _stories(corpus: str, data_dir: str, split: str, settings: ReconcileSettings) -> list[_Story]:
    docs, articles = _corpus(corpus, data_dir, split)
    by_story: dict[str, list[tuple[EventDoc, Article]]] = defaultdict(list)
    for d, a in zip(docs, articles, strict=True):
        by_story[d.story].append((d, a))
    out = []
    for story in sorted(by_story):
        members = by_story[story]
        views = tuple(story_views([a for _, a in members]))
        out.append(_Story(views, {a.id: d for d, a in members}, prepare(views, settings)))
    return out


def claim_sentences(view: ClaimView, doc: EventDoc) -> list[int]:
    """Indexes of the gold sentences a claim's raw span overlaps."""
    lo, hi = view.claim.span.raw_start, view.claim.span.raw_end
    return [i for i, (a, b) in enumerate(doc.sentences) if a < hi and lo < b]


def _events(view: ClaimView, doc: EventDoc) -> tuple[frozenset[str], bool]:
    """Gold events of a claim's sentences, and whether any of them was annotated."""
    found = claim_sentences(view, doc)
    events = frozenset().union(*(doc.events[i] for i in found)) if found else frozenset()
    return events, any(doc.scored[i] for i in found)


def _score_story(story: _Story, groups: Iterable[list[int]]) -> tuple[int, int, int, int, set[tuple]]:
    """(pairs, correct, annotated pairs, annotated correct, grouped sentence pairs) of one story."""
    pairs = correct = ann = ann_ok = 0
    grouped: set[tuple] = set()
    for g in groups:
        for i, j in combinations(g, 2):
            a, b = story.views[i], story.views[j]
            if a.article == b.article:
                continue
            (ea, sa), (eb, sb) = _events(a, story.docs[a.article]), _events(b, story.docs[b.article])
            if not (sa and sb):
                continue
            pairs, correct = pairs + 1, correct + bool(ea & eb)
            if ea and eb:
                ann, ann_ok = ann + 1, ann_ok + bool(ea & eb)
            for x in claim_sentences(a, story.docs[a.article]):
                for y in claim_sentences(b, story.docs[b.article]):
                    grouped.add(tuple(sorted([(a.article, x), (b.article, y)])))
    return pairs, correct, ann, ann_ok, grouped


def gold_sentence_pairs(story: _Story) -> set[tuple]:
    """Sentence pairs from different articles of the story that share a gold event."""
    by_event: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for aid, doc in sorted(story.docs.items()):
        for i, (events, scored) in enumerate(zip(doc.events, doc.scored, strict=True)):
            for e in events if scored else ():
                by_event[e].append((aid, i))
    out: set[tuple] = set()
    for members in by_event.values():
        out.update(tuple(sorted((x, y))) for x, y in combinations(members, 2) if x[0] != y[0])
    return out


def score(corpus: str, stories: Sequence[_Story], threshold: float) -> AlignmentScores:
    """Scores of the groups formed at ``threshold`` over all stories."""
    t = [0] * 8  # pairs, correct, judged pairs, judged correct, gold pairs, found, groups, claims
    for story in stories:
        grouping = [g for g in story.alignment.groups(threshold) if len(g) > 1]
        p, c, a, ac, grouped = _score_story(story, grouping)
        wanted = gold_sentence_pairs(story)
        found = (p, c, a, ac, len(wanted), len(wanted & grouped), len(grouping), sum(map(len, grouping)))
        t = [x + y for x, y in zip(t, found, strict=True)]
    return AlignmentScores(corpus, threshold, t[0], t[1], t[2], t[3], t[4], t[5], t[6], t[7])


def evaluate_alignment(corpus: str = "newswcl50", data_dir: str | Path = DEFAULT_DATA_DIR,
                       settings: ReconcileSettings = DEFAULT, split: str = "train") -> AlignmentScores:  # fmt: skip
    """Pairwise precision and recall of claim groups on one corpus (see the module doc)."""
    stories = _stories(corpus, str(data_dir), split, settings)
    return score(corpus, stories, settings.link_threshold)


def sweep(corpus: str, data_dir: str | Path, split: str, thresholds: Sequence[float],
          settings: ReconcileSettings = DEFAULT) -> list[AlignmentScores]:  # fmt: skip
    """Scores at several thresholds from one pipeline run (for calibration); similarities are
    computed down to half the lowest threshold, as :func:`build_dossier` does for its own."""
    least = 0.5 * min(thresholds) / settings.link_threshold
    stories = _stories(corpus, str(data_dir), split, dataclasses.replace(settings, least_link=least))
    return [score(corpus, stories, t) for t in thresholds]


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", default="newswcl50", choices=["newswcl50", "meantime", "ecbplus"])
    ap.add_argument("--data-dir", default=DEFAULT_DATA_DIR)
    ap.add_argument("--split", default="train", help="ECB+ split (train, dev)")
    ap.add_argument("--threshold", type=float, default=None)
    ap.add_argument("--sweep", action="store_true", help="score thresholds 0.10 .. 0.50")
    args = ap.parse_args(argv)
    try:
        if args.sweep:
            for s in sweep(args.corpus, args.data_dir, args.split, [x / 100 for x in range(10, 52, 2)]):
                print(s.line())
            return 0
        settings = (
            DEFAULT if args.threshold is None else dataclasses.replace(DEFAULT, link_threshold=args.threshold)
        )
        print(format_report(evaluate_alignment(args.corpus, args.data_dir, settings, args.split)))
    except CorpusNotFound as e:
        print(e)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
