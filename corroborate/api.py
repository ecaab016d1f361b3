"""The public functions. The CLI, the web app and batch jobs all call these."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from multiprocessing.util import Finalize
from typing import Any

import numpy as np

from .corpus import Corpus
from .dedup import is_near_duplicate, recall_shingles, remember_shingles, shingles
from .errors import CorroborateError
from .export import article_record, entity_record
from .gcpause import collector_paused
from .intake import expand_inputs
from .model import Article, IngestResult
from .parallel import prepared_batches, prepared_inputs
from .prepare import Prepared, prepare_item, unchanged
from .reconcile import Dossier, build_dossier
from .reconcile.dossier import groups_and_timeline
from .render.records import group_record, timeline_records
from .settings import DEFAULT_SETTINGS, Settings
from .store import SearchHit, Store, open_store
from .store.codec import linked_row
from .workers import WorkerUnavailable, ordered_map, process_pool, worker_count

__all__ = [
    "IngestSummary",
    "dossier",
    "export_records",
    "ingest",
    "ingest_file",
    "ingest_inputs",
    "worker_count",
    "prepare_item",
    "open_store",
    "recluster",
    "search",
    "stories",
    "story_records",
    "unchanged",
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


def _store_one(item: Article | Prepared, corpus: Corpus, settings: Settings) -> IngestResult:
    prepared = item if isinstance(item, Prepared) else Prepared.of(item, settings)
    grams, keys = prepared.grams, list(prepared.keys)
    store = corpus.store
    # Input bytes stored before were mostly caught before cleaning (prepared_inputs), but not those
    # stored since: by another process, by an earlier input still in a worker's hands, or earlier
    # in this input. Checked here, inside the write transaction, with same words under a new name.
    existing = store.article_id_for_input(prepared.input_hash) or store.article_id_for_content(
        prepared.content_hash
    )
    if existing:
        return IngestResult(prepared.source, "unchanged", existing, duplicate_of=existing)
    original = _original(store, grams, store.near_duplicate_candidates(keys, limit=MAX_CANDIDATES), settings)
    remember_shingles(prepared.id, settings.shingle_words, grams)
    entity_ids = corpus.link_entities(prepared.entities)
    story_id = None
    if settings.cluster:
        doc = dataclasses.replace(prepared.doc, duplicate_of=original) if original else prepared.doc
        story_id = corpus.assign_story(doc, prepared.representation)
    _write(store, prepared, keys, original, entity_ids, story_id)
    status = "duplicate" if original else "ingested"
    return IngestResult(prepared.source, status, prepared.id, duplicate_of=original)


def _write(
    store: Store, prepared: Prepared, keys: list[int], original: str | None, entity_ids: tuple[str, ...],
    story_id: str | None,
) -> None:  # fmt: skip
    """Store the article with what the store step decided; a row from a worker is not decoded."""
    body = prepared.body
    if isinstance(body, Article):  # prepared in this process: encoded only now
        store.add_article(
            dataclasses.replace(body, duplicate_of=original, entity_ids=entity_ids, story_id=story_id), keys
        )
    else:
        store.add_row(linked_row(body, original, entity_ids, story_id), keys)


def ingest_file(
    path: str, store: Store, settings: Settings = DEFAULT_SETTINGS, corpus: Corpus | None = None
) -> list[IngestResult]:
    """Ingest one input in one transaction: all of its articles are stored, or none (an input of
    more than ``settings.transaction_items`` items: one transaction per that many).

    Pass the same ``corpus`` for many files to load the corpus state only once.
    """
    corpus = corpus or Corpus(store)
    results: list[IngestResult] = []
    for _, prepared in prepared_inputs([path], store, settings):
        results += store_prepared(prepared, corpus, settings)
    return results


def store_prepared(
    prepared: Sequence[Article | Prepared | IngestResult], corpus: Corpus, settings: Settings
) -> list[IngestResult]:
    """The store step of one input (or one part of a big one), in one transaction (the caller's,
    when one is open): all of its articles are stored, or none.

    Dedup, entity linking and story assignment depend on what came before, so this runs in
    input order; sequential and batch ingest (:mod:`corroborate.batch`) both end here.
    """
    # Under the write lock, with the corpus state reloaded if another process wrote meanwhile;
    # _store_one's duplicate checks then see every article committed before. Results in item order.
    with corpus.transaction():
        return [p if isinstance(p, IngestResult) else _store_one(p, corpus, settings) for p in prepared]


def ingest(
    paths: Sequence[str],
    store: Store,
    settings: Settings = DEFAULT_SETTINGS,
    on_result: Callable[[IngestResult], Any] | None = None,
    workers: int = 1,
) -> IngestSummary:
    """Ingest files, directories, globs or "-" (stdin) into ``store``, each input in one transaction
    (per ``settings.transaction_items`` items of a big one: memory stays bounded).

    ``workers`` > 1 reads, cleans and extracts on that many processes while this one stores, in
    input order, so the store ends up exactly as with one worker; small inputs prepared together
    then share a transaction (:func:`corroborate.parallel.prepared_batches`). 0 or 1 keeps
    everything in this process, one transaction per input (the CLI's automatic choice is
    :func:`worker_count`).
    """
    summary = IngestSummary()
    for results in ingest_inputs(expand_inputs(paths), store, settings, workers):
        for result in results:
            summary.results.append(result)
            if on_result:
                on_result(result)
    return summary


def ingest_inputs(
    paths: Iterable[str], store: Store, settings: Settings = DEFAULT_SETTINGS, workers: int = 1
) -> Iterator[list[IngestResult]]:
    """Each input's results, in order, once it is stored (what ``ingest`` and the CLI run); a big
    input's parts are stored as they come (see ``Settings.transaction_items``)."""
    corpus = Corpus(store)
    results: list[IngestResult] = []
    for batch in prepared_batches(paths, store, settings, workers):
        # With workers, the inputs prepared together share one transaction: a commit costs the
        # storing process, which every article passes through, about a sixth of an article's store
        # step. Each input still lies in one transaction, and none is reported before its commit.
        with corpus.transaction():
            stored = [(part, store_prepared(prepared, corpus, settings)) for part, prepared in batch]
        for part, part_results in stored:
            results += part_results
            if part.last:
                yield results
                results = []


def stories(store: Store) -> list[dict[str, Any]]:
    """Stories, latest first: id, title, articles, outlets, first/last publication."""
    summaries = store.story_summaries()
    titles = store.titles(s["articles"][0] for s in summaries)  # not the whole lead article decoded
    return [{"type": "story", "id": s["id"], "title": titles.get(s["articles"][0]), **s} for s in summaries]


def entity_table(store: Store) -> dict[str, dict[str, Any]]:
    return {row["id"]: entity_record(row) for row in store.load_entities()}


def dossier(store: Store, story_id: str, entities: dict[str, dict[str, Any]] | None = None) -> Dossier:
    """The reconciled dossier of one story (NotFoundError for an unknown id)."""
    entities = entities if entities is not None else entity_table(store)
    with collector_paused():  # as for the export's story records (see gcpause)
        return build_dossier(story_id, store.story_articles(story_id), entities)


def story_record(
    store: Store, summary: dict[str, Any], entities: dict[str, dict[str, Any]]
) -> dict[str, Any]:
    """The export's story record: the summary plus the dossier's claim groups and timeline
    (built alone: the rest of the dossier is not exported)."""
    with collector_paused():  # see gcpause: the objects built here are not cyclic garbage
        groups, entries = groups_and_timeline(summary["id"], store.story_articles(summary["id"]), entities)
        return {
            **summary,
            "claim_groups": [group_record(g) for g in groups],
            "timeline": timeline_records(entries),
        }


def export_records(store: Store, workers: int = 1) -> Iterator[dict[str, Any]]:
    """Every record of the export contract: articles, entities, then stories."""
    for article in store.iter_articles():
        yield article_record(article)
    entities = entity_table(store)
    yield from entities.values()
    yield from story_records(store, entities, workers)


def story_records(
    store: Store, entities: dict[str, dict[str, Any]] | None = None, workers: int = 1
) -> Iterator[dict[str, Any]]:
    """Every story's export record (with its dossier), latest story first.

    ``workers`` > 1 builds the dossiers on that many processes, each reading the store itself
    (a store that cannot be opened twice, such as an in-memory one, builds them here).
    """
    entities = entity_table(store) if entities is None else entities
    summaries = stories(store)
    target = store.reopen_target
    if workers <= 1 or len(summaries) < 2 or target is None:
        for summary in summaries:
            yield story_record(store, summary, entities)
        return
    batches = ((None, summaries[i : i + 4]) for i in range(0, len(summaries), 4))

    def here(batch: list[dict[str, Any]]) -> list[dict[str, Any]]:
        return [story_record(store, summary, entities) for summary in batch]

    with process_pool(workers, _open_worker_store, (target, entities)) as pool:
        for _, records in ordered_map(pool, _worker_story_records, batches, 2 * workers, here):
            yield from records


#: A worker's own store connection and entity table (set once per worker process).
_WORKER: dict[str, Any] = {}


def _open_worker_store(target: str, entities: dict[str, dict[str, Any]]) -> None:
    try:
        store = open_store(target)
    except CorroborateError as exc:  # e.g. too many connections: this process does the work
        _WORKER.update(error=f"a worker could not open the store ({exc})")
        return
    Finalize(store, store.close, exitpriority=10)  # closed when the worker exits
    _WORKER.update(store=store, entities=entities)


def _worker_story_records(summaries: list[dict[str, Any]]) -> list[dict[str, Any]]:
    if "error" in _WORKER:
        raise WorkerUnavailable(_WORKER["error"])
    return [story_record(_WORKER["store"], s, _WORKER["entities"]) for s in summaries]


def recluster(store: Store) -> int:
    """Re-optimise all stories in one batch pass; returns the number of stories."""
    corpus = Corpus(store)
    corpus.recluster(store.iter_articles())
    return len(corpus.stories)


def search(store: Store, query: str, limit: int = 20) -> list[SearchHit]:
    return store.search(query, limit)
