"""The public functions. The CLI, the web app and batch jobs all call these."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from .corpus import Corpus
from .dedup import band_keys, is_near_duplicate, shingles
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


def _prepare(
    items: Sequence[RawDocument | InputError], store: Store, settings: Settings
) -> list[Article | IngestResult]:
    """Run the pure stages on every new document of one input; failures become results."""
    out: list[Article | IngestResult] = []
    for item in items:
        if isinstance(item, InputError):
            out.append(_failure(item))
            continue
        known = item.input_hash and store.article_id_for_input(item.input_hash)
        if known:  # the same bytes again: skip the work, not just the write
            out.append(IngestResult(item.source, "unchanged", known, duplicate_of=known))
            continue
        try:
            out.append(run_stages(item, settings))
        except Exception as exc:  # a bug on odd text must not sink the other articles
            where = InputError(
                item.source, f"could not clean this article ({type(exc).__name__}: {exc})", item.line
            )
            out.append(_failure(where))
    return out


#: Near-duplicate candidates verified per article, most shared LSH bands first: a true
#: original shares the most bands, and verifying a long tail of weak matches costs time.
MAX_CANDIDATES = 8


def _store_one(article: Article, corpus: Corpus, settings: Settings) -> IngestResult:
    store = corpus.store
    # Same input bytes were caught before cleaning (_prepare); same words under a new name here.
    existing = store.article_id_for_content(article.content_hash)
    if existing:
        return IngestResult(article.source, "unchanged", existing, duplicate_of=existing)
    grams = shingles(article.text, settings.shingle_words)
    keys = band_keys(grams, settings)
    original = None
    for cid, (text, root) in store.texts(store.near_duplicate_candidates(keys, limit=MAX_CANDIDATES)).items():
        if is_near_duplicate(grams, shingles(text, settings.shingle_words), settings):
            original = root or cid  # point at the root, not at another copy
            break
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
    results = [p for p in prepared if isinstance(p, IngestResult)]
    with store.transaction():
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
