"""The public functions. The CLI, the web app and batch jobs all call these."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from .corpus import Corpus
from .dedup import band_keys, is_near_duplicate, recall_shingles, remember_shingles, shingles
from .errors import InputError
from .export import article_record, entity_record
from .intake import expand_inputs, read_path
from .model import Article, IngestResult, RawDocument
from .pipeline import run_stages
from .reconcile import Dossier, build_dossier
from .render import dossier_json
from .settings import DEFAULT_SETTINGS, Settings
from .store import SearchHit, Store, open_store

__all__ = [
    "IngestSummary",
    "dossier",
    "export_records",
    "ingest",
    "ingest_file",
    "open_store",
    "recluster",
    "search",
    "stories",
]


@dataclass
class IngestSummary:
    results: list[IngestResult] = field(default_factory=list)

    def count(self, status: str) -> int:
        return sum(r.status == status for r in self.results)

    @property
    def ingested(self) -> int:
        return self.count("ingested")

    @property
    def duplicates(self) -> int:
        return self.count("duplicate") + self.count("unchanged")

    @property
    def failed(self) -> int:
        return self.count("failed")

    def line(self) -> str:
        return f"ingested {self.ingested}, duplicates {self.duplicates}, failed {self.failed}"


def _failure(error: InputError) -> IngestResult:
    return IngestResult(error.source, "failed", error=str(error))


def prepare_item(item: RawDocument | InputError, settings: Settings) -> Article | IngestResult:
    """The pure per-article stages on one item read from an input; a failure becomes a result.

    It needs no store, so batch workers run it (:mod:`corroborate.batch`).
    """
    if isinstance(item, InputError):
        return _failure(item)
    try:
        return run_stages(item, settings)
    except Exception as exc:  # a bug on odd text must not sink the other articles
        where = InputError(
            item.source, f"could not clean this article ({type(exc).__name__}: {exc})", item.line
        )
        return _failure(where)


def unchanged(source: str, input_hash: str, store: Store) -> IngestResult | None:
    """The result for input bytes stored before (the work is skipped, not just the write), else None."""
    known = store.article_id_for_input(input_hash) if input_hash else None
    return IngestResult(source, "unchanged", known, duplicate_of=known) if known else None


def _prepare(
    items: Sequence[RawDocument | InputError], store: Store, settings: Settings
) -> list[Article | IngestResult]:
    """Run the pure stages on every new document of one input; failures become results."""
    out: list[Article | IngestResult] = []
    for item in items:
        seen = unchanged(item.source, item.input_hash, store) if isinstance(item, RawDocument) else None
        out.append(seen or prepare_item(item, settings))
    return out


#: Near-duplicate candidates verified per article, most shared LSH bands first: a true
#: original shares the most bands, and verifying a long tail of weak matches costs time.
MAX_CANDIDATES = 8


def _original(store: Store, grams: np.ndarray, candidates: Sequence[str], settings: Settings) -> str | None:
    """The root of the first candidate, by id, whose shingles contain or are contained in ``grams``."""
    size = settings.shingle_words
    known = {cid: recall_shingles(cid, size) for cid in candidates}
    fetched = store.texts([cid for cid, found in known.items() if found is None])
    for cid in sorted(candidates):  # the order SQLite has always returned the texts in
        other = known[cid]
        if other is None:
            other = shingles(fetched[cid][0], size)
            remember_shingles(cid, size, other)
        if is_near_duplicate(grams, other, settings):
            root = (fetched.get(cid) or store.texts([cid])[cid])[1]
            return root or cid  # point at the root, not at another copy
    return None


def _store_one(article: Article, corpus: Corpus, settings: Settings) -> IngestResult:
    store = corpus.store
    # Same input bytes were mostly caught before cleaning (_prepare), but another process may have
    # stored them since; checked here, inside the write transaction, with same words under a new name.
    existing = store.article_id_for_content(article.content_hash)
    if existing:
        return IngestResult(article.source, "unchanged", existing, duplicate_of=existing)
    grams = shingles(article.text, settings.shingle_words)
    keys = band_keys(grams, settings)
    original = _original(store, grams, store.near_duplicate_candidates(keys, limit=MAX_CANDIDATES), settings)
    remember_shingles(article.id, settings.shingle_words, grams)
    if original:
        article = dataclasses.replace(article, duplicate_of=original)
    article = corpus.link_entities(article)
    if settings.cluster:
        article = corpus.assign_story(article)
    store.add_article(article, keys)
    status = "duplicate" if original else "ingested"
    return IngestResult(article.source, status, article.id, duplicate_of=original)


def ingest_file(
    path: str, store: Store, settings: Settings = DEFAULT_SETTINGS, corpus: Corpus | None = None
) -> list[IngestResult]:
    """Ingest one input in one transaction: all of its articles are stored, or none.

    Pass the same ``corpus`` for many files to load the corpus state only once.
    """
    corpus = corpus or Corpus(store)
    try:
        prepared = _prepare(read_path(path, settings), store, settings)
    except InputError as exc:
        return [_failure(exc)]
    return store_prepared(prepared, corpus, settings)


def store_prepared(
    prepared: Sequence[Article | IngestResult], corpus: Corpus, settings: Settings
) -> list[IngestResult]:
    """The store step of one input, in one transaction: all of its articles are stored, or none.

    Dedup, entity linking and story assignment depend on what came before, so this runs in
    input order; sequential and batch ingest (:mod:`corroborate.batch`) both end here.
    """
    results = [p for p in prepared if isinstance(p, IngestResult)]
    # Under the write lock, with the corpus state reloaded if another process wrote meanwhile;
    # _store_one's duplicate checks then see every article committed before.
    with corpus.transaction():
        results += [_store_one(p, corpus, settings) for p in prepared if isinstance(p, Article)]
    return results


def ingest(
    paths: Sequence[str],
    store: Store,
    settings: Settings = DEFAULT_SETTINGS,
    on_result: Callable[[IngestResult], Any] | None = None,
) -> IngestSummary:
    """Ingest files, directories, globs or "-" (stdin) into ``store``."""
    summary = IngestSummary()
    corpus = Corpus(store)
    for path in expand_inputs(paths):
        for result in ingest_file(path, store, settings, corpus):
            summary.results.append(result)
            if on_result:
                on_result(result)
    return summary


def stories(store: Store) -> list[dict[str, Any]]:
    """Stories, latest first: id, title, articles, outlets, first/last publication."""
    out = []
    for summary in store.story_summaries():
        lead = store.get_article(summary["articles"][0])
        out.append({"type": "story", "id": summary["id"], "title": lead.meta.title, **summary})
    return out


def entity_table(store: Store) -> dict[str, dict[str, Any]]:
    return {row["id"]: entity_record(row) for row in store.load_entities()}


def dossier(store: Store, story_id: str, entities: dict[str, dict[str, Any]] | None = None) -> Dossier:
    """The reconciled dossier of one story (NotFoundError for an unknown id)."""
    articles = store.story_articles(story_id)
    return build_dossier(story_id, articles, entities if entities is not None else entity_table(store))


def story_record(
    store: Store, summary: dict[str, Any], entities: dict[str, dict[str, Any]]
) -> dict[str, Any]:
    """The export's story record: the summary plus the dossier's claim groups and timeline."""
    built = dossier_json(dossier(store, summary["id"], entities))
    return {**summary, "claim_groups": built["claim_groups"], "timeline": built["timeline"]}


def export_records(store: Store) -> Iterator[dict[str, Any]]:
    """Every record of the export contract: articles, entities, then stories."""
    for article in store.iter_articles():
        yield article_record(article)
    entities = entity_table(store)
    yield from entities.values()
    for summary in stories(store):
        yield story_record(store, summary, entities)


def recluster(store: Store) -> int:
    """Re-optimise all stories in one batch pass; returns the number of stories."""
    corpus = Corpus(store)
    corpus.recluster(store.iter_articles())
    return len(corpus.stories)


def search(store: Store, query: str, limit: int = 20) -> list[SearchHit]:
    return store.search(query, limit)
