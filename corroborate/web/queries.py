"""What the pages and the JSON API show, as plain data: a page of stories with their claim
counts, a story with its dossier, an article, an entity with its stories and quotations.

Library functions over a :class:`~corroborate.store.Store` (no web framework here), each
bounded by a page size, so none of them grows with the corpus.
"""

from __future__ import annotations

import math
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ..errors import NotFoundError
from ..export import article_record, entity_record
from ..model import Article
from ..reconcile import Dossier, build_dossier
from ..reconcile.records import CONFLICTING, CORROBORATED, UNIQUE
from ..render import dossier_json
from ..store import Store
from ..store.base import StoryFilter
from .settings import WebSettings

#: Part of every cached claim count's version: bump it when reconciliation changes what it counts.
RECONCILE_VERSION = 1
STATUSES = (CORROBORATED, UNIQUE, CONFLICTING)


@dataclass(frozen=True)
class StoryPage:
    total: int
    page: int
    per_page: int
    stories: list[dict[str, Any]]

    @property
    def pages(self) -> int:
        return max(1, math.ceil(self.total / self.per_page))


@dataclass(frozen=True)
class StoryView:
    row: dict[str, Any]
    articles: list[Article]
    entities: dict[str, dict[str, Any]]
    dossier: Dossier


def stats_version(row: dict[str, Any]) -> str:
    """The story state claim counts were computed from: articles, latest article, reconcile version."""
    return f"{row['article_count']}:{row['latest_seq']}:r{RECONCILE_VERSION}"


def claim_counts(dossier: Dossier) -> dict[str, int]:
    found = Counter(g.status for g in dossier.groups)
    return {status: found[status] for status in STATUSES}


def _stats_row(story_id: str, version: str, counts: dict[str, int]) -> dict[str, Any]:
    return {"story_id": story_id, "version": version, "corroborated": counts[CORROBORATED],
            "unique_claims": counts[UNIQUE], "conflicting": counts[CONFLICTING]}  # fmt: skip


def story_entities(store: Store, articles: Sequence[Article]) -> dict[str, dict[str, Any]]:
    """The entity records the articles link to (and no others: the registry may be huge), in
    order of first mention."""
    ids = list(dict.fromkeys(e for a in articles for e in a.entity_ids))
    found = store.get_entities(ids)
    return {eid: entity_record(found[eid]) for eid in ids if eid in found}


def _dossier(store: Store, story_id: str) -> tuple[list[Article], dict[str, dict[str, Any]], Dossier]:
    articles = store.story_articles(story_id)
    entities = story_entities(store, articles)
    return articles, entities, build_dossier(story_id, articles, entities)


def with_claim_counts(
    store: Store, rows: list[dict[str, Any]], settings: WebSettings
) -> list[dict[str, Any]]:
    """Each row with ``claims`` = {corroborated, unique, conflicting}: cached when the story has
    not changed since, else computed now -- for stories of up to ``settings.stats_max_articles``,
    while ``settings.stats_seconds`` last -- else None (computed on a later view or when opened)."""
    cached = store.story_stats([r["id"] for r in rows])
    out, fresh = [], []
    deadline = time.monotonic() + settings.stats_seconds
    for row in rows:
        version, hit = stats_version(row), cached.get(row["id"])
        counts: dict[str, int] | None = None
        if hit and hit["version"] == version:
            counts = {CORROBORATED: hit["corroborated"], UNIQUE: hit["unique_claims"],
                      CONFLICTING: hit["conflicting"]}  # fmt: skip
        elif row["article_count"] <= settings.stats_max_articles and time.monotonic() < deadline:
            counts = claim_counts(_dossier(store, row["id"])[2])
            fresh.append(_stats_row(row["id"], version, counts))
        out.append({**row, "claims": counts})
    if fresh:
        store.save_story_stats(fresh)
    return out


def story_page(store: Store, filters: StoryFilter, page: int, settings: WebSettings) -> StoryPage:
    """One page of stories, latest first, with their claim counts."""
    per_page = settings.per_page
    total, rows = store.list_stories(filters, per_page, (page - 1) * per_page)
    return StoryPage(total, page, per_page, with_claim_counts(store, rows, settings))


def story_view(store: Store, story_id: str) -> StoryView:
    """A story with its dossier (NotFoundError for an unknown id); its claim counts are cached."""
    articles, entities, dossier = _dossier(store, story_id)
    rows = store.story_rows([story_id])
    if not rows:  # reclustered away between the two reads
        raise NotFoundError(f"no story {story_id!r}")
    row, counts = rows[0], claim_counts(dossier)
    fresh = _stats_row(story_id, stats_version(row), counts)
    if store.story_stats([story_id]).get(story_id) != fresh:
        # Only a change is written: a write makes every running ingest reload the corpus state.
        store.save_story_stats([fresh])
    return StoryView({**row, "claims": counts}, articles, entities, dossier)


def story_summary(articles: Sequence[Article]) -> dict[str, Any]:
    """The export contract's story summary, from the story's articles in ingest order."""
    dates = [a.meta.published for a in articles if a.meta.published]
    return {
        "type": "story", "id": articles[0].story_id, "title": articles[0].meta.title,
        "articles": [a.id for a in articles],
        "outlets": [o for o in dict.fromkeys(a.meta.outlet for a in articles) if o],
        "first_published": min(dates, default=None), "last_published": max(dates, default=None),
    }  # fmt: skip


def story_json(view: StoryView) -> dict[str, Any]:
    """The export's story record (summary, claim groups, timeline), then the rest of the dossier,
    the claim counts, and the records of its articles and entities under ``included``."""
    built = dossier_json(view.dossier)
    return {
        **story_summary(view.articles),
        "claim_groups": built["claim_groups"],
        "timeline": built["timeline"],
        "headline": built["headline"],
        "actors": built["actors"],
        "quotes_by_speaker": built["quotes_by_speaker"],
        "framing": built["framing"],
        "claim_counts": view.row["claims"],
        "included": {
            "articles": [article_json(a) for a in view.articles],
            "entities": list(view.entities.values()),
        },
    }


def article_json(article: Article) -> dict[str, Any]:
    """The export's article record plus the story it belongs to."""
    return {**article_record(article), "story_id": article.story_id}


def entity(store: Store, entity_id: str) -> dict[str, Any]:
    """The entity's export record plus how often the corpus names it (NotFoundError if unknown)."""
    found = store.get_entities([entity_id]).get(entity_id)
    if found is None:
        raise NotFoundError(f"no entity with id {entity_id!r}; entity ids appear in article records")
    return {**entity_record(found), "mentions": found.get("mentions"), "article_count": found.get("articles")}


def entity_quotes(store: Store, entity_id: str, max_articles: int) -> tuple[int, list[dict[str, Any]]]:
    """(articles naming the entity, its quotations in the latest ``max_articles`` of them)."""
    total, ids = store.entity_articles(entity_id, max_articles, 0)
    quotes = []
    for article_id in ids:
        article = store.get_article(article_id)
        for q in article.extraction.quotes:
            local = q.speaker_entity
            if local is None or local >= len(article.entity_ids) or article.entity_ids[local] != entity_id:
                continue
            quotes.append({"article": article.id, "outlet": article.meta.outlet, "title": article.meta.title,
                           "published": article.meta.published, "kind": q.kind, "text": q.content.text,
                           "start": q.content.start, "end": q.content.end,
                           "cue": q.cue.text if q.cue else None})  # fmt: skip
    return total, quotes


def entity_stories(store: Store, entity_id: str, page: int, per_page: int) -> StoryPage:
    total, ids = store.entity_stories(entity_id, per_page, (page - 1) * per_page)
    return StoryPage(total, page, per_page, store.story_rows(ids))
