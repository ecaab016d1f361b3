"""Store queries behind the web app: one filtered page of stories, story rows by id, entities
by id, the articles and stories an entity appears in, and cached claim counts per story.

Everything is paged or bounded by the ids asked for, so a page costs the same on a corpus of
a hundred articles or a hundred thousand. The SQL is written once, over the ``_execute``
primitive of :class:`~corroborate.store.sqlbase.SQLStore` (``?`` placeholders, rows read by
column name), in a dialect SQLite and PostgreSQL read alike; only the full-text filter is
backend-specific (:meth:`BrowseQueries._text_match_sql`, :meth:`BrowseQueries._check_text_query`).
"""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager
from typing import TYPE_CHECKING, Any

from .base import StoryFilter
from .sqlbase import search_syntax_error

#: Ids per ``IN (...)`` list, well under every driver's parameter limit.
CHUNK = 500

_GROUPED = (
    "SELECT story_id, COUNT(*) AS n, MIN(published) AS first_published, MAX(published) AS last_published, "
    "MIN(seq) AS first_seq, MAX(seq) AS latest_seq FROM articles WHERE {scope} GROUP BY story_id"
)
#: Latest publication first (undated stories last), then latest ingested.
_LATEST_FIRST = (
    "ORDER BY CASE WHEN MAX(published) IS NULL THEN 1 ELSE 0 END, MAX(published) DESC, MAX(seq) DESC"
)


def _marks(values: Sequence[Any]) -> str:
    return ",".join("?" * len(values))


def _chunks(values: Sequence[Any]) -> Iterator[Sequence[Any]]:
    for i in range(0, len(values), CHUNK):
        yield values[i : i + CHUNK]


class BrowseQueries:
    """Mixed into a :class:`~corroborate.store.sqlbase.SQLStore`, after it in the bases."""

    if TYPE_CHECKING:  # supplied by SQLStore; declared for the type checker only, never shadowed

        def _execute(self, sql: str, params: Sequence[Any] | Mapping[str, Any] = ()) -> Any: ...

        def transaction(self) -> AbstractContextManager[None]: ...

    # ------------------------------------------------------------- backend-specific

    def _text_match_sql(self) -> str:
        """A subquery of the ``seq`` of the articles best matching a full-text query, with two
        parameters: the query, then how many hits at most."""
        raise NotImplementedError

    def _check_text_query(self, query: str) -> None:
        """Raise QueryError when ``query`` is not valid search syntax."""
        raise NotImplementedError

    # ------------------------------------------------------------- stories

    def _story_where(self, filters: StoryFilter) -> tuple[str, list[Any]]:
        params: list[Any]
        where, params = ["story_id IS NOT NULL"], []
        if filters.outlet:
            where.append("outlet = ?")
            params.append(filters.outlet)
        if filters.since:
            where.append("published >= ?")
            params.append(filters.since)
        if filters.until:
            where.append("published < ?")
            params.append(filters.until)
        if filters.text:
            self._check_text_query(filters.text)
            where.append(f"seq IN ({self._text_match_sql()})")
            params += [filters.text, filters.max_hits]
        return " AND ".join(where), params

    def list_stories(self, filters: StoryFilter, limit: int, offset: int) -> tuple[int, list[dict[str, Any]]]:
        where, params = self._story_where(filters)
        count = self._execute(f"SELECT COUNT(DISTINCT story_id) AS n FROM articles WHERE {where}", params)
        total = int(count.fetchone()["n"])
        scope = f"story_id IN (SELECT story_id FROM articles WHERE {where})" if filters.active else where
        sql = f"{_GROUPED.format(scope=scope)} {_LATEST_FIRST} LIMIT ? OFFSET ?"
        return total, self._story_details(self._execute(sql, [*params, limit, offset]).fetchall())

    def story_rows(self, story_ids: Sequence[str]) -> list[dict[str, Any]]:
        ids = list(dict.fromkeys(story_ids))
        grouped: list[Any] = []
        for part in _chunks(ids):
            sql = _GROUPED.format(scope=f"story_id IN ({_marks(part)})")
            grouped += self._execute(sql, list(part)).fetchall()
        by_id = {r["id"]: r for r in self._story_details(grouped)}
        return [by_id[i] for i in ids if i in by_id]

    def _story_details(self, grouped: Sequence[Any]) -> list[dict[str, Any]]:
        """Story rows with outlets (in order of first appearance) and the first article's title."""
        ids = [g["story_id"] for g in grouped]
        outlets: dict[str, list[str]] = defaultdict(list)
        titles: dict[int, str | None] = {}
        for part in _chunks(ids):
            sql = (
                "SELECT story_id, outlet, MIN(seq) AS first_seq FROM articles WHERE story_id IN "
                f"({_marks(part)}) AND outlet IS NOT NULL AND outlet <> '' GROUP BY story_id, outlet "
                "ORDER BY story_id, first_seq"
            )
            for r in self._execute(sql, list(part)):
                outlets[r["story_id"]].append(r["outlet"])
        firsts = [g["first_seq"] for g in grouped]
        for part in _chunks(firsts):
            rows = self._execute(f"SELECT seq, title FROM articles WHERE seq IN ({_marks(part)})", list(part))
            titles.update((r["seq"], r["title"]) for r in rows)
        return [
            {
                "id": g["story_id"],
                "title": titles.get(g["first_seq"]),
                "article_count": int(g["n"]),
                "outlets": outlets[g["story_id"]],
                "first_published": g["first_published"],
                "last_published": g["last_published"],
                "latest_seq": int(g["latest_seq"]),
            }  # fmt: skip
            for g in grouped
        ]

    def outlets(self, limit: int = 500) -> list[tuple[str, int]]:
        sql = (
            "SELECT outlet, COUNT(*) AS n FROM articles WHERE outlet IS NOT NULL AND outlet <> '' "
            "GROUP BY outlet ORDER BY n DESC, outlet LIMIT ?"
        )
        return [(r["outlet"], int(r["n"])) for r in self._execute(sql, (limit,))]

    # ------------------------------------------------------------- entities

    def get_entities(self, entity_ids: Iterable[str]) -> dict[str, dict[str, Any]]:
        ids = list(dict.fromkeys(entity_ids))
        found: dict[str, dict[str, Any]] = {}
        for part in _chunks(ids):
            rows = self._execute(f"SELECT id, record FROM entities WHERE id IN ({_marks(part)})", list(part))
            found.update((r["id"], json.loads(r["record"])) for r in rows)
        return found

    def entity_articles(self, entity_id: str, limit: int, offset: int) -> tuple[int, list[str]]:
        count = self._execute("SELECT COUNT(*) AS n FROM article_entities WHERE entity_id = ?", (entity_id,))
        sql = (
            "SELECT a.id FROM article_entities ae JOIN articles a ON a.seq = ae.article_seq "
            "WHERE ae.entity_id = ? ORDER BY ae.article_seq DESC LIMIT ? OFFSET ?"
        )
        ids = [r["id"] for r in self._execute(sql, (entity_id, limit, offset))]
        return int(count.fetchone()["n"]), ids

    def entity_stories(self, entity_id: str, limit: int, offset: int) -> tuple[int, list[str]]:
        # "+seq": not the rowid lookup, whose row read reaches story_id only past the long text
        # columns; the story index holds (story_id, seq) and is scanned whole (~20x faster when
        # the entity is named in half the corpus, a few ms slower when it is rare).
        mentions = (
            "+seq IN (SELECT article_seq FROM article_entities WHERE entity_id = ?) AND story_id IS NOT NULL"
        )
        count = self._execute(
            f"SELECT COUNT(DISTINCT story_id) AS n FROM articles WHERE {mentions}", (entity_id,)
        )
        sql = f"SELECT story_id FROM articles WHERE {mentions} GROUP BY story_id ORDER BY MAX(seq) DESC LIMIT ? OFFSET ?"
        ids = [r["story_id"] for r in self._execute(sql, (entity_id, limit, offset))]
        return int(count.fetchone()["n"]), ids

    # ------------------------------------------------------------- claim counts per story

    def story_stats(self, story_ids: Sequence[str]) -> dict[str, dict[str, Any]]:
        found: dict[str, dict[str, Any]] = {}
        for part in _chunks(list(story_ids)):
            sql = (
                "SELECT story_id, version, corroborated, unique_claims, conflicting FROM story_stats "
                f"WHERE story_id IN ({_marks(part)})"
            )
            found.update((r["story_id"], dict(r)) for r in self._execute(sql, list(part)))
        return found

    def save_story_stats(self, rows: Iterable[Mapping[str, Any]]) -> None:
        sql = (
            "INSERT INTO story_stats (story_id, version, corroborated, unique_claims, conflicting) "
            "VALUES (?, ?, ?, ?, ?) ON CONFLICT(story_id) DO UPDATE SET version = excluded.version, "
            "corroborated = excluded.corroborated, unique_claims = excluded.unique_claims, "
            "conflicting = excluded.conflicting"
        )
        with self.transaction():
            for r in rows:
                params = (
                    r["story_id"],
                    r["version"],
                    r["corroborated"],
                    r["unique_claims"],
                    r["conflicting"],
                )
                self._execute(sql, params)


class SQLiteBrowse(BrowseQueries):
    """The full-text filter over SQLite's FTS5 index."""

    def _text_match_sql(self) -> str:
        return "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rank LIMIT ?"

    def _check_text_query(self, query: str) -> None:
        # FTS5 parses the query when the first row is asked for; one row is enough to know.
        try:
            self._execute(
                "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? LIMIT 1", (query,)
            ).fetchall()
        except sqlite3.OperationalError as exc:
            raise search_syntax_error(query, str(exc)) from exc
