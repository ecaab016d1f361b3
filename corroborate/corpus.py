"""Corpus-level state that grows as articles arrive: the entity registry (and, with
clustering, the story index). Loaded from the store once, updated per article,
written back in the same transaction as the article.
"""

from __future__ import annotations

import dataclasses

from .extract.registry import ArticleEntity, EntityRegistry
from .model import Article
from .store import Store


def link_entities(registry: EntityRegistry, article: Article) -> Article:
    """The article with each local entity given its corpus entity id (the registry learns them)."""
    local = article.extraction.entities
    if not local:
        return article
    found = [ArticleEntity(e.name, e.kind, e.aliases, e.title, e.role, e.mentions, e.gender) for e in local]
    return dataclasses.replace(article, entity_ids=tuple(registry.link(found)))


class Corpus:
    def __init__(self, store: Store) -> None:
        self.store = store
        self.registry = EntityRegistry.from_rows(store.load_entities())

    def link_entities(self, article: Article) -> Article:
        """Link the article's entities and save the entity records that changed."""
        linked = link_entities(self.registry, article)
        if linked.entity_ids:
            self.store.save_entities(self.registry.to_rows(linked.entity_ids))
        return linked
