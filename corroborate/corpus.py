"""Corpus-level state that grows as articles arrive: the entity registry and the
story index. Loaded from the store once, updated per article, and written back
in the same transaction as the article.

Several processes may ingest into one store. Writes happen in the store's write
transaction, which holds the store's write lock; :meth:`Corpus.transaction` checks
there whether another process committed since the state was loaded, and reloads it
if so. Every write thus starts from the state every earlier write left, as if the
processes had taken turns.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from .cluster import StoryIndex
from .cluster.persist import FrequencyTable, StoryRow
from .cluster.represent import ClusterDoc, Representation, Representer, is_default_representer
from .errors import StoreError
from .extract.registry import ArticleEntity, EntityRegistry
from .model import Article
from .prepare import article_entities, cluster_doc
from .store import Store


def link_entities(registry: EntityRegistry, article: Article) -> Article:
    """The article with each local entity given its corpus entity id (the registry learns them)."""
    found = article_entities(article)
    if not found:
        return article
    return dataclasses.replace(article, entity_ids=tuple(registry.link(found)))


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def row_to_record(row: StoryRow) -> dict[str, Any]:
    return {"id": row.id, "seq": row.seq, "count": row.count,
            "first_date": row.first_date.isoformat() if row.first_date else None,
            "last_date": row.last_date.isoformat() if row.last_date else None,
            "terms": json.dumps(row.terms), "keys": json.dumps(row.keys),
            "dense": json.dumps(row.dense) if row.dense is not None else None}  # fmt: skip


def record_to_row(rec: dict[str, Any]) -> StoryRow:
    dense = tuple(json.loads(rec["dense"])) if rec.get("dense") else None
    terms = tuple((t, float(w)) for t, w in json.loads(rec["terms"]))
    return StoryRow(rec["id"], int(rec["count"]), _date(rec["first_date"]), _date(rec["last_date"]), terms,
                    tuple(json.loads(rec["keys"])), int(rec["seq"]), dense)  # fmt: skip


def load_story_index(store: Store, representer: Representer | None = None) -> StoryIndex:
    """The story index as the store left it; a damaged state says how to rebuild it."""
    records, documents, frequencies, assignments = store.load_story_state()
    try:
        index = StoryIndex.from_rows([record_to_row(r) for r in records], FrequencyTable(documents, frequencies),
                                     assignments, representer=representer)  # fmt: skip
    except (ValueError, KeyError, TypeError) as exc:
        raise StoreError(
            f"{store.url}: the story index is damaged ({exc}); rebuild it with `corroborate recluster`"
        ) from exc
    index.take_changes()
    return index


def save_story_changes(store: Store, index: StoryIndex) -> None:
    rows, table = index.take_changes()
    if rows or table.frequencies:
        store.save_story_state([row_to_record(r) for r in rows], table.documents, table.frequencies)


class Corpus:
    def __init__(self, store: Store) -> None:
        self.store = store
        self._load(None)

    def _load(self, representer: Representer | None) -> None:
        # Read the version first: a commit made while loading changes it, and the next
        # transaction then loads again.
        self._version: int | None = self.store.data_version()
        self.registry = EntityRegistry.from_rows(self.store.load_entities())
        self.stories = load_story_index(self.store, representer)

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """The store's write transaction, with this state as the store holds it: reloaded first
        when another process committed since it was loaded (the lock is held, so nobody else
        commits until this transaction ends), and marked stale when the transaction fails
        (what was rolled back may already be in memory)."""
        try:
            with self.store.transaction():
                if self._version is None or self.store.data_version() != self._version:
                    self._load(self.stories.representer)  # a representer the caller installed stays
                yield
        except BaseException:  # the body or the commit failed: what was rolled back may be in memory
            self._version = None
            raise

    def link_entities(self, entities: Sequence[ArticleEntity]) -> tuple[str, ...]:
        """The corpus entity id of each of one article's entities; saves the records that changed."""
        if not entities:
            return ()
        ids = tuple(self.registry.link(entities))
        self.store.save_entities(self.registry.to_rows(ids))
        return ids

    def assign_story(self, doc: ClusterDoc, representation: Representation | None = None) -> str:
        """Put the article in a story (streaming), save what the index changed; the story id.

        ``representation``, computed elsewhere by the default representer, saves computing it
        again; it is ignored when this index represents articles differently.
        """
        if representation is not None and not is_default_representer(self.stories.representer):
            representation = None
        story_id = self.stories.assign(doc, representation)
        save_story_changes(self.store, self.stories)
        return story_id

    def recluster(self, articles: Iterable[Article]) -> None:
        """Re-optimise every story in one batch pass and rewrite the stored state."""
        # All under the write lock: an article another process stores meanwhile is not left
        # without a story by clear_story_state.
        with self.transaction():
            articles = list(articles)
            index = self.stories.recluster([cluster_doc(a) for a in articles])
            self.store.clear_story_state()
            for a in articles:
                story = index.story_of(a.id)
                if story:
                    self.store.set_story(a.id, story)
            rows, table = index.export_rows(), index.export_frequencies()
            self.store.save_story_state([row_to_record(r) for r in rows], table.documents, table.frequencies)
        index.take_changes()
        self.stories = index
