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


class Store(Protocol):
    """Storage behind corroborate. SQLite is the default; see :func:`open_store`."""

    url: str

    def transaction(self) -> AbstractContextManager[None]:
        """All writes inside commit together or not at all."""
        ...

    def schema_version(self) -> int: ...

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

    def close(self) -> None: ...
