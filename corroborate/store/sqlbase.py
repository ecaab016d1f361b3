"""What SQLite and PostgreSQL stores share: the queries that read the same in both dialects.

Shared SQL is written with SQLite's ``?`` and ``:name`` placeholders; each backend runs it
through :meth:`SQLStore._execute`, which translates where the driver needs it. Only what
really differs (connecting, migrating, inserting an article, full-text search, story
summaries) lives in the backend modules.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager, contextmanager
from importlib import resources
from typing import Any, Protocol

from ..errors import NotFoundError, QueryError
from ..model import Article
from .codec import COLUMNS, article_to_row, row_to_article

Params = Sequence[Any] | Mapping[str, Any]

#: What clear_story_state empties (story_stats: the web app's claim counts per story).
STATE_TABLES = ("stories", "term_frequencies", "term_frequency_log", "corpus_counters", "story_stats")

STORY_COLUMNS = ("id", "seq", "count", "first_date", "last_date", "terms", "keys", "dense")

#: Rows fetched per query by :meth:`SQLStore.iter_articles`, so memory stays flat on any corpus.
PAGE = 500

# json.dumps's encoders without its check for cycles (these are plain trees), which costs about
# a sixth of the encoding; an article's store step encodes a dozen entity records.
_RECORD_JSON = json.JSONEncoder(ensure_ascii=False, check_circular=False).encode
_COMPACT_JSON = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), check_circular=False).encode

#: Rows of term_frequency_log folded into term_frequencies at once: a fold rewrites the pages of
#: the terms changed since the last one, and loading the corpus state reads the log.
FOLD_ROWS = 256
#: Changed frequencies written to term_frequencies directly, folding the log first.
FOLD_TERMS = 4096


def read_migrations(folder: str) -> list[tuple[int, str]]:
    """(version, sql) of every ``NNNN_name.sql`` in a package folder of corroborate.store, in order."""
    files = resources.files("corroborate.store").joinpath(*folder.split("/"))
    found = [
        (int(f.name.split("_", 1)[0]), f.read_text()) for f in files.iterdir() if f.name.endswith(".sql")
    ]
    return sorted(found)


class Rows(Protocol):
    """What both drivers' cursors offer; rows are read by column name."""

    def fetchone(self) -> Any: ...

    def fetchall(self) -> list[Any]: ...

    def __iter__(self) -> Iterator[Any]: ...


class SQLStore:
    """Store methods whose SQL is the same in every backend (see the module docstring)."""

    url: str
    _depth = 0
    #: The column that orders entities by creation (SQLite's implicit rowid; a serial elsewhere).
    _entity_order = "rowid"

    # ---------------------------------------------------------------- what a backend supplies

    def _execute(self, sql: str, params: Params = ()) -> Rows:
        raise NotImplementedError

    def _executemany(self, sql: str, rows: Iterable[Params]) -> None:
        raise NotImplementedError

    def _outermost_transaction(self) -> AbstractContextManager[None]:
        """Begin, then commit on success or roll back on any exception."""
        raise NotImplementedError

    def _read_snapshot(self) -> AbstractContextManager[None]:
        """Reads inside see one state of the store, whatever other connections commit meanwhile."""
        raise NotImplementedError

    def add_row(self, row: Mapping[str, Any], band_keys: Sequence[int]) -> None:
        """Insert an encoded article and its LSH band keys (see :meth:`Store.add_row`)."""
        raise NotImplementedError

    # ---------------------------------------------------------------- shared behaviour

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """All writes inside commit together; nested calls join the outer transaction."""
        if self._depth:
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
            return
        self._depth = 1
        try:
            with self._outermost_transaction():
                yield
        finally:
            self._depth = 0

    def add_article(self, article: Article, band_keys: Sequence[int]) -> None:
        self.add_row(article_to_row(article), band_keys)

    def article_id_for_input(self, input_hash: str) -> str | None:
        row = self._execute("SELECT id FROM articles WHERE input_hash = ? LIMIT 1", (input_hash,)).fetchone()
        return row["id"] if row else None

    def article_id_for_content(self, content_hash: str) -> str | None:
        sql = "SELECT id FROM articles WHERE content_hash = ? ORDER BY seq LIMIT 1"
        row = self._execute(sql, (content_hash,)).fetchone()
        return row["id"] if row else None

    def near_duplicate_candidates(self, band_keys: Sequence[int], limit: int = 50) -> list[str]:
        if not band_keys:
            return []
        sql = (
            "SELECT a.id FROM articles a JOIN (SELECT article_seq, COUNT(*) AS hits FROM lsh_bands "
            f"WHERE key IN ({','.join('?' * len(band_keys))}) GROUP BY article_seq) c ON c.article_seq = a.seq "
            "ORDER BY c.hits DESC, a.seq LIMIT ?"
        )
        return [r["id"] for r in self._execute(sql, [*band_keys, limit])]

    def texts(self, article_ids: Iterable[str]) -> dict[str, tuple[str, str | None]]:
        ids = list(article_ids)
        if not ids:
            return {}
        sql = f"SELECT id, text, duplicate_of FROM articles WHERE id IN ({','.join('?' * len(ids))})"
        return {r["id"]: (r["text"], r["duplicate_of"]) for r in self._execute(sql, ids)}

    def get_article(self, article_id: str) -> Article:
        row = self._execute(
            f"SELECT {','.join(COLUMNS)} FROM articles WHERE id = ?", (article_id,)
        ).fetchone()
        if row is None:
            raise NotFoundError(f"no article with id {article_id!r}; `corroborate export` lists the ids")
        return row_to_article(row)

    def iter_articles(self) -> Iterator[Article]:
        """Every article in ingest order, fetched a page at a time."""
        sql = f"SELECT seq, {','.join(COLUMNS)} FROM articles WHERE seq > ? ORDER BY seq LIMIT {PAGE}"
        last = 0
        while True:
            rows = self._execute(sql, (last,)).fetchall()
            yield from (row_to_article(r) for r in rows)
            if len(rows) < PAGE:
                return
            last = rows[-1]["seq"]

    def count_articles(self) -> int:
        return int(self._execute("SELECT COUNT(*) AS n FROM articles").fetchone()["n"])

    def load_entities(self) -> list[dict[str, Any]]:
        rows = self._execute(f"SELECT record FROM entities ORDER BY {self._entity_order}")
        return [json.loads(r["record"]) for r in rows]

    def _upsert(self, table: str, key: str, columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
        """Insert rows (values in ``columns`` order), replacing any row whose ``key`` exists."""
        self._executemany(upsert_sql(table, key, tuple(columns)), rows)

    def save_entities(self, records: Iterable[dict[str, Any]]) -> None:
        rows = [(r["id"], r["name"], r["kind"], _RECORD_JSON(r)) for r in records]
        with self.transaction():
            self._upsert("entities", "id", ("id", "name", "kind", "record"), rows)

    def save_story_state(
        self, rows: Iterable[dict[str, Any]], documents: int, frequencies: Mapping[str, int]
    ) -> None:
        """Upsert clusterer story rows and document frequencies (see corroborate.cluster.persist)."""
        with self.transaction():
            self._upsert("stories", "id", STORY_COLUMNS, [tuple(r[c] for c in STORY_COLUMNS) for r in rows])
            self._log_frequencies(frequencies)
            self._upsert("corpus_counters", "name", ("name", "value"), [("documents", documents)])

    def _log_frequencies(self, frequencies: Mapping[str, int]) -> None:
        """Append the changed frequencies to the log (see migration 0005), folding it when long.

        A write's changes fill a page or two at the log's end; upserting them rewrote pages all
        over term_frequencies. A change as big as a fold (a recluster) goes to the table at once.
        """
        if not frequencies:
            return
        if len(frequencies) >= FOLD_TERMS:
            self._fold_frequencies(frequencies)
            return
        text = _COMPACT_JSON(dict(frequencies))
        self._execute("INSERT INTO term_frequency_log (frequencies) VALUES (?)", (text,))
        # seq only grows between folds, so this is the row count (or more, with PostgreSQL's gaps).
        # MIN and MAX asked apart each read one end of the key's b-tree, not the table; no
        # RETURNING, which SQLite has only since 3.35 (Debian 11 ships 3.34).
        last = self._execute("SELECT MAX(seq) AS seq FROM term_frequency_log").fetchone()["seq"]
        first = self._execute("SELECT MIN(seq) AS seq FROM term_frequency_log").fetchone()["seq"]
        if last - first + 1 >= FOLD_ROWS:
            self._fold_frequencies({})

    def _fold_frequencies(self, latest: Mapping[str, int]) -> None:
        """Move the log, then ``latest``, into term_frequencies: the frequencies stay the same, and
        new terms keep the order they came in."""
        merged = self._logged_frequencies()
        merged.update(latest)
        self._upsert("term_frequencies", "term", ("term", "df"), list(merged.items()))
        self._execute("DELETE FROM term_frequency_log")

    def _logged_frequencies(self) -> dict[str, int]:
        merged: dict[str, int] = {}
        for row in self._execute("SELECT frequencies FROM term_frequency_log ORDER BY seq"):
            merged.update(json.loads(row["frequencies"]))
        return merged

    def load_story_state(self) -> tuple[list[dict[str, Any]], int, dict[str, int], dict[str, str]]:
        """(story rows, document count, document frequencies, article -> story assignments)."""
        with self._read_snapshot():  # a writer committing between these reads would tear the state
            rows = [dict(r) for r in self._execute("SELECT * FROM stories ORDER BY seq")]
            found = self._execute("SELECT value FROM corpus_counters WHERE name = 'documents'").fetchone()
            frequencies = {r["term"]: r["df"] for r in self._execute("SELECT term, df FROM term_frequencies")}
            frequencies.update(self._logged_frequencies())
            assigned = self._execute(
                "SELECT id, story_id FROM articles WHERE story_id IS NOT NULL"
            ).fetchall()
        return (
            rows,
            int(found["value"]) if found else 0,
            frequencies,
            {r["id"]: r["story_id"] for r in assigned},
        )

    def clear_story_state(self) -> None:
        with self.transaction():
            # story_stats: the web app's cached claim counts, keyed by story id, which may now
            # name other articles.
            for table in STATE_TABLES:
                self._execute(f"DELETE FROM {table}")
            self._execute("UPDATE articles SET story_id = NULL")

    def set_story(self, article_id: str, story_id: str) -> None:
        self._execute("UPDATE articles SET story_id = ? WHERE id = ?", (story_id, article_id))

    def story_articles(self, story_id: str) -> list[Article]:
        sql = f"SELECT {','.join(COLUMNS)} FROM articles WHERE story_id = ? ORDER BY seq"
        found = [row_to_article(r) for r in self._execute(sql, (story_id,))]
        if not found:
            raise NotFoundError(f"no story with id {story_id!r}; `corroborate stories` lists them")
        return found

    def titles(self, article_ids: Iterable[str]) -> dict[str, str | None]:
        ids = list(dict.fromkeys(article_ids))
        out: dict[str, str | None] = {}
        for k in range(0, len(ids), PAGE):  # bounded: SQLite caps the parameters of a query
            part = ids[k : k + PAGE]
            sql = f"SELECT id, title FROM articles WHERE id IN ({','.join('?' * len(part))})"
            out.update((r["id"], r["title"]) for r in self._execute(sql, part))
        return out


@functools.lru_cache(maxsize=64)
def upsert_sql(table: str, key: str, columns: tuple[str, ...]) -> str:
    """The statement of :meth:`SQLStore._upsert` (built once: the store step upserts per article)."""
    updates = ", ".join(f"{c} = excluded.{c}" for c in columns if c != key)
    return (
        f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({','.join('?' * len(columns))}) "
        f"ON CONFLICT({key}) DO UPDATE SET {updates}"
    )


def story_summary(row: Mapping[str, Any], ids: list[str], outlets: list[str | None]) -> dict[str, Any]:
    """One item of ``story_summaries()`` from a row with story_id, first_published and last_published;
    outlets deduplicated in order of appearance."""
    return {"id": row["story_id"], "articles": ids, "outlets": [o for o in dict.fromkeys(outlets) if o],
            "first_published": row["first_published"], "last_published": row["last_published"]}  # fmt: skip


def search_syntax_error(query: str, detail: str) -> QueryError:
    """The one message every backend gives for a search query it cannot parse."""
    return QueryError(
        f"bad search syntax in {query!r} ({detail}); put phrases in double quotes, "
        "e.g. corroborate search '\"flood barrier\" AND Rotterdam'"
    )
