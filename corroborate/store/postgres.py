"""The PostgreSQL store: the same tables as SQLite (migrations/postgres/, version for version),
full-text search on a tsvector column with a GIN index, and one writer at a time.

Every write transaction first bumps a commit counter (table ``corroborate_meta``, the analogue
of SQLite's ``PRAGMA user_version`` and ``PRAGMA data_version``). The row stays locked until
commit, so concurrent writers take turns the way SQLite's ``BEGIN IMMEDIATE`` makes them, and
the duplicate checks made inside a transaction see everything committed before it; the
counter tells a connection that another one committed (:meth:`PostgresStore.data_version`).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import psycopg
from psycopg.rows import dict_row

from ..errors import SchemaError, StoreError
from .base import SearchHit, StoryFilter
from .browse import BrowseQueries
from .pg_search import CONFIG, to_tsquery_sql
from .sqlbase import Params, Rows, SQLStore, read_migrations, search_syntax_error, story_summary

#: Advisory lock key for migrations (any fixed 64-bit number other applications do not use).
MIGRATE_LOCK = 0x636F72726F626F72  # "corrobor"

#: Columns upserted as numbers (see PostgresStore._upsert); every other column is text.
_ARRAY_TYPES = {"seq": "bigint", "count": "bigint", "df": "bigint", "value": "bigint"}

_HEADLINE = 'StartSel=[, StopSel=], MinWords=6, MaxWords=12, MaxFragments=1, FragmentDelimiter=" … "'


def migrations() -> list[tuple[int, str]]:
    return read_migrations("migrations/postgres")


LATEST_VERSION = migrations()[-1][0]

_PLACEHOLDER = re.compile(r"\?|%|(?<![:\w]):(\w+)")


@functools.lru_cache(maxsize=256)
def pyformat(sql: str) -> str:
    """SQLite placeholders (``?``, ``:name``) as psycopg's (``%s``, ``%(name)s``); ``%`` escaped."""

    def swap(m: re.Match[str]) -> str:
        if m.group(1):
            return f"%({m.group(1)})s"
        return "%s" if m.group(0) == "?" else "%%"

    return _PLACEHOLDER.sub(swap, sql)


def redacted(url: str) -> str:
    """The URL without its password, for messages."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    netloc = parts.netloc.replace(f":{parts.password}@", ":***@", 1)
    return urlunsplit(parts._replace(netloc=netloc))


class PostgresBrowse(BrowseQueries):
    """The web app's full-text story filter over the tsvector column."""

    def _check_text_query(self, query: str) -> None:
        to_tsquery_sql(query)  # raises QueryError

    def _text_match_sql(self) -> str:
        raise NotImplementedError("the tsquery takes its own parameters: see _story_where")

    def _story_where(self, filters: StoryFilter) -> tuple[str, list[Any]]:
        where, params = super()._story_where(dataclasses.replace(filters, text=None))
        if not filters.text:
            return where, params
        expr, terms = to_tsquery_sql(filters.text)
        # Only the best max_hits articles count, as with SQLite's bm25 order.
        match = (
            f"SELECT seq FROM articles, (SELECT {expr} AS q) t WHERE search @@ t.q "
            "ORDER BY ts_rank_cd(search, t.q, 1) DESC, seq LIMIT ?"
        )
        return f"{where} AND seq IN ({match})", [*params, *terms, filters.max_hits]


class PostgresStore(SQLStore, PostgresBrowse):
    _entity_order = "seq"
    #: Commits this connection made (or is making), which data_version() leaves out.
    _own_commits = 0

    def __init__(self, url: str) -> None:
        self.url = redacted(url)
        self.reopen_target: str | None = url
        try:
            self._conn = psycopg.connect(url, autocommit=True, row_factory=dict_row)
        except psycopg.Error as exc:
            raise StoreError(f"{self.url}: cannot connect to PostgreSQL ({str(exc).strip()})") from exc
        try:
            self._migrate()
        except psycopg.Error as exc:
            self._conn.close()
            raise StoreError(
                f"{self.url}: could not set up the corroborate tables ({str(exc).strip()})"
            ) from exc

    # ---------------------------------------------------------------- SQLStore primitives

    def _execute(self, sql: str, params: Params = ()) -> Rows:
        return self._conn.execute(pyformat(sql), params)

    def _executemany(self, sql: str, rows: Iterable[Params]) -> None:
        with self._conn.cursor() as cur:
            cur.executemany(pyformat(sql), rows)

    def _upsert(self, table: str, key: str, columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
        """One statement over arrays, not one per row: an article can change hundreds of term counts."""
        if not rows:
            return
        unique = list({row[columns.index(key)]: row for row in rows}.values())  # one upsert per key
        arrays = ", ".join(f"%s::{_ARRAY_TYPES.get(c, 'text')}[]" for c in columns)
        updates = ", ".join(f"{c} = excluded.{c}" for c in columns if c != key)
        sql = (
            f"INSERT INTO {table} ({', '.join(columns)}) SELECT * FROM unnest({arrays}) "
            f"ON CONFLICT ({key}) DO UPDATE SET {updates}"
        )
        self._conn.execute(sql, [list(values) for values in zip(*unique, strict=True)])

    @contextmanager
    def _outermost_transaction(self) -> Iterator[None]:
        self._own_commits += 1  # counted before the bump, so data_version() inside stays put
        try:
            with self._conn.transaction():
                # Waits while another writer holds the row, then holds it until this commit.
                self._conn.execute("UPDATE corroborate_meta SET commits = commits + 1")
                yield
        except BaseException:
            self._own_commits -= 1
            raise

    @contextmanager
    def _read_snapshot(self) -> Iterator[None]:
        if self._conn.info.transaction_status != psycopg.pq.TransactionStatus.IDLE:
            yield  # inside the write transaction, which nobody else can commit during
            return
        with self._conn.transaction():
            self._conn.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            yield

    def data_version(self) -> int:
        """Commits made by other connections so far (see the module docstring)."""
        row = self._conn.execute("SELECT commits FROM corroborate_meta").fetchone()
        return int(row["commits"]) - self._own_commits if row else 0

    # ---------------------------------------------------------------- schema

    def _migrate(self) -> None:
        """Apply new migrations in one transaction, one process at a time."""
        with self._conn.transaction():
            self._conn.execute("SELECT pg_advisory_xact_lock(%s)", (MIGRATE_LOCK,))
            current = self.schema_version()
            if not current:  # a new database (a user who may only read never gets here)
                self._conn.execute(
                    "CREATE TABLE IF NOT EXISTS corroborate_meta "
                    "(schema_version INTEGER NOT NULL, commits BIGINT NOT NULL)"
                )
                self._conn.execute(
                    "INSERT INTO corroborate_meta SELECT 0, 0 WHERE NOT EXISTS (SELECT FROM corroborate_meta)"
                )
            if current > LATEST_VERSION:
                raise SchemaError(
                    f"{self.url}: schema v{current} is newer than this corroborate (v{LATEST_VERSION}); "
                    "upgrade corroborate to open it"
                )
            pending = [(v, sql) for v, sql in migrations() if v > current]
            for _version, sql in pending:
                self._conn.execute(sql)  # no parameters: several statements may go in one call
            if pending:
                self._conn.execute("UPDATE corroborate_meta SET schema_version = %s", (pending[-1][0],))

    def schema_version(self) -> int:
        if self._conn.execute("SELECT to_regclass('corroborate_meta') AS t").fetchone() == {"t": None}:
            return 0
        row = self._conn.execute("SELECT schema_version FROM corroborate_meta").fetchone()
        return int(row["schema_version"]) if row else 0

    # ---------------------------------------------------------------- what differs from SQLite

    def add_row(self, row: Mapping[str, Any], band_keys: Sequence[int]) -> None:
        row = {**row, "ingested_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds")}
        if any(isinstance(v, str) and "\x00" in v for v in row.values()):
            # PostgreSQL text cannot hold U+0000. U+FFFD has the same length, so every stored
            # offset and span still points at the same characters.
            row = {k: v.replace("\x00", "\ufffd") if isinstance(v, str) else v for k, v in row.items()}
        # One round trip: the article and its band keys.
        sql = (
            f"WITH a AS (INSERT INTO articles ({','.join(row)}) VALUES ({','.join(['%s'] * len(row))}) "
            "RETURNING seq) INSERT INTO lsh_bands (key, article_seq) SELECT k, a.seq FROM a, unnest(%s::bigint[]) k"
        )
        with self.transaction():
            self._conn.execute(sql, [*row.values(), list(band_keys)])

    def search(self, query: str, limit: int = 20) -> list[SearchHit]:
        expr, params = to_tsquery_sql(query)
        try:
            found = self._execute(f"SELECT ({expr})::text AS q", params).fetchone()
        except psycopg.Error as exc:  # e.g. a lexeme PostgreSQL will not take
            raise search_syntax_error(query, str(exc).strip()) from exc
        tsquery = found["q"] if found else ""
        if not tsquery:  # nothing searchable in the query (only punctuation, say)
            return []
        sql = (
            "WITH hits AS (SELECT seq, -ts_rank_cd(search, %(q)s::tsquery, 1) AS rank FROM articles "
            "WHERE search @@ %(q)s::tsquery ORDER BY rank, seq LIMIT %(limit)s) "
            f"SELECT a.id, a.title, a.outlet, a.published, ts_headline('{CONFIG}', a.text, %(q)s::tsquery, "
            "%(opts)s) AS snip, hits.rank FROM hits JOIN articles a ON a.seq = hits.seq ORDER BY hits.rank, hits.seq"
        )
        rows = self._conn.execute(sql, {"q": tsquery, "limit": limit, "opts": _HEADLINE})
        return [
            SearchHit(r["id"], r["title"], r["outlet"], r["published"], r["snip"], float(r["rank"]))
            for r in rows
        ]

    def story_summaries(self) -> list[dict[str, Any]]:
        """One row per story with articles: id, article ids, outlets, first/last publication."""
        sql = (
            "SELECT story_id, array_agg(id ORDER BY seq) AS ids, array_agg(outlet ORDER BY seq) AS outlets, "
            "MIN(published) AS first_published, MAX(published) AS last_published, MAX(seq) AS latest "
            "FROM articles WHERE story_id IS NOT NULL GROUP BY story_id ORDER BY latest DESC"
        )
        return [story_summary(r, r["ids"], r["outlets"]) for r in self._conn.execute(sql)]

    def close(self) -> None:
        self._conn.close()
