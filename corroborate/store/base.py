"""The one interface every store implements, and what it hands back."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import Any, Protocol

from ..model import Article


@dataclass(frozen=True)
class SearchHit:
    article_id: str
    title: str | None
    outlet: str | None
    published: str | None
    snippet: str
    rank: float


@dataclass(frozen=True)
class StoryFilter:
    """Which stories to list: those with at least one article that matches every filter given."""

    #: a full-text query in the store's search syntax; only the ``max_hits`` best hits count,
    #: so a very common word costs no more than a rare one
    text: str | None = None
    #: the exact outlet name
    outlet: str | None = None
    #: published on or after this ISO date
    since: str | None = None
    #: published before this ISO date (exclusive)
    until: str | None = None
    max_hits: int = 2000

    @property
    def active(self) -> bool:
        return bool(self.text or self.outlet or self.since or self.until)


class Store(Protocol):
    """Storage behind corroborate. SQLite is the default; see :func:`open_store`."""

    url: str
    #: What :func:`open_store` takes to open this store again from another process, or None when it
    #: cannot be opened twice (an in-memory database). Secret: it keeps any password; show ``url``.
    reopen_target: str | None

    def transaction(self) -> AbstractContextManager[None]:
        """All writes inside commit together or not at all."""
        ...

    def schema_version(self) -> int: ...

    def data_version(self) -> int:
        """A number that changes whenever another connection (another process) commits to the
        store, and stays the same across this connection's own commits. Corpus state loaded
        earlier is reloaded when it changed (see :meth:`corroborate.corpus.Corpus.transaction`)."""
        ...

    def article_id_for_input(self, input_hash: str) -> str | None:
        """The article already ingested from exactly these input bytes."""
        ...

    def article_id_for_content(self, content_hash: str) -> str | None: ...

    def near_duplicate_candidates(self, band_keys: Sequence[int], limit: int = 50) -> list[str]:
        """Ids of articles that share at least one LSH band key, oldest first."""
        ...

    def texts(self, article_ids: Iterable[str]) -> dict[str, tuple[str, str | None]]:
        """Body text and ``duplicate_of`` of each id."""
        ...

    def add_article(self, article: Article, band_keys: Sequence[int]) -> None: ...

    def add_row(self, row: Mapping[str, Any], band_keys: Sequence[int]) -> None:
        """Add an article given as its row (:func:`corroborate.store.codec.article_to_row`), as
        encoded in another process: what ``add_article`` does after encoding the article."""
        ...

    def get_article(self, article_id: str) -> Article:
        """Raises NotFoundError for an unknown id."""
        ...

    def iter_articles(self) -> Iterator[Article]:
        """Every article in ingest order."""
        ...

    def count_articles(self) -> int: ...

    def search(self, query: str, limit: int = 20) -> list[SearchHit]:
        """Full-text search; raises QueryError on bad query syntax."""
        ...

    def load_entities(self) -> list[dict[str, Any]]:
        """Every corpus entity record, in creation order."""
        ...

    def save_entities(self, records: Iterable[dict[str, Any]]) -> None:
        """Insert or update entity records (as EntityRegistry rows)."""
        ...

    def save_story_state(
        self, rows: Iterable[dict[str, Any]], documents: int, frequencies: Mapping[str, int]
    ) -> None:
        """Upsert the clusterer's story rows and document frequencies."""
        ...

    def load_story_state(self) -> tuple[list[dict[str, Any]], int, dict[str, int], dict[str, str]]:
        """(story rows, document count, document frequencies, article -> story assignments)."""
        ...

    def clear_story_state(self) -> None:
        """Forget every story (before a full recluster)."""
        ...

    def set_story(self, article_id: str, story_id: str) -> None: ...

    def story_summaries(self) -> list[dict[str, Any]]:
        """Stories, latest first: id, articles, outlets, first/last publication."""
        ...

    def story_articles(self, story_id: str) -> list[Article]:
        """The articles of one story in ingest order; NotFoundError when there are none."""
        ...

    def titles(self, article_ids: Iterable[str]) -> dict[str, str | None]:
        """Article id -> title, for those of ``article_ids`` that exist (no article decoded)."""
        ...

    # The web app's queries (corroborate/store/browse.py): paged, or bounded by the ids given.

    def list_stories(self, filters: StoryFilter, limit: int, offset: int) -> tuple[int, list[dict[str, Any]]]:
        """(how many stories match, one page of their rows), latest publication first. A row has
        id, title (of the first article ingested), article_count, outlets, first_published,
        last_published and latest_seq. QueryError on bad search syntax."""
        ...

    def story_rows(self, story_ids: Sequence[str]) -> list[dict[str, Any]]:
        """The rows (as in :meth:`list_stories`) of these stories, in the order given; unknown ids left out."""
        ...

    def outlets(self, limit: int = 500) -> list[tuple[str, int]]:
        """(outlet, article count), most articles first."""
        ...

    def get_entities(self, entity_ids: Iterable[str]) -> dict[str, dict[str, Any]]:
        """id -> stored entity record for these ids; unknown ids left out."""
        ...

    def entity_articles(self, entity_id: str, limit: int, offset: int) -> tuple[int, list[str]]:
        """(how many articles mention the entity, one page of their ids, latest ingested first)."""
        ...

    def entity_stories(self, entity_id: str, limit: int, offset: int) -> tuple[int, list[str]]:
        """(how many stories mention the entity, one page of their ids, latest mention first)."""
        ...

    def story_stats(self, story_ids: Sequence[str]) -> dict[str, dict[str, Any]]:
        """story id -> cached claim counts: version, corroborated, unique_claims, conflicting."""
        ...

    def save_story_stats(self, rows: Iterable[Mapping[str, Any]]) -> None:
        """Upsert claim counts (rows as :meth:`story_stats` gives them, with story_id)."""
        ...

    def close(self) -> None: ...
