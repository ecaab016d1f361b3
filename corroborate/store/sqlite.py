"""The default store: one SQLite file, WAL mode, versioned schema, FTS5 search."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import Any, TypeVar

from ..errors import SchemaError, StoreError
from .base import SearchHit
from .browse import SQLiteBrowse
from .sqlbase import Params, Rows, SQLStore, read_migrations, search_syntax_error, story_summary


def migrations() -> list[tuple[int, str]]:
    """(version, sql) of every migration shipped with the package, in order."""
    return read_migrations("migrations")


LATEST_VERSION = migrations()[-1][0]

#: Seconds a writer waits for another process's write transaction (one input file) to finish.
#: Generous: with extraction and clustering, storing one large JSONL input can take minutes.
BUSY_TIMEOUT = 600.0
#: How long opening a store retries while another process creates or recovers the file: SQLite
#: answers "database is locked" at once, without waiting, when a new database is switched to WAL
#: or a WAL file is recovered while another connection opens it.
OPEN_RETRY_SECONDS = 30.0
#: WAL pages written before a checkpoint copies them into the database (SQLite's default is
#: 1000). Ingest rewrites the same index pages (LSH bands, FTS) in commit after commit, and a
#: checkpoint writes each page once however often it changed, so checkpointing less often
#: writes less. The WAL file grows to about 32 MB between checkpoints.
WAL_CHECKPOINT_PAGES = 8192
#: Bytes of WAL file kept after a checkpoint; beyond that it is truncated.
WAL_SIZE_LIMIT = 64 * 1024 * 1024


def _statements(script: str) -> Iterator[str]:
    """The statements of an SQL script, one at a time (triggers hold ";" inside BEGIN ... END)."""
    pending = ""
    for piece in script.split(";"):
        pending += piece + ";"
        if sqlite3.complete_statement(pending):
            if pending.strip("; \t\n"):
                yield pending
            pending = ""


class SQLiteStore(SQLStore, SQLiteBrowse):
    def __init__(self, path: str) -> None:
        self.url = path
        self.reopen_target: str | None = (
            None if path in ("", ":memory:") or path.startswith("file:") else path
        )
        try:
            self._db = sqlite3.connect(path, isolation_level=None, timeout=BUSY_TIMEOUT)
            self._db.row_factory = sqlite3.Row
            _retry_locked(lambda: self._db.execute("PRAGMA journal_mode=WAL"))
            self._db.execute("PRAGMA foreign_keys=ON")
            # Under WAL, NORMAL loses no committed transaction when the process dies (only a power
            # loss or OS crash can take the last ones back), and commits skip the fsync.
            self._db.execute("PRAGMA synchronous=NORMAL")
            self._db.execute(f"PRAGMA wal_autocheckpoint={WAL_CHECKPOINT_PAGES}")
            self._db.execute(f"PRAGMA journal_size_limit={WAL_SIZE_LIMIT}")
            _retry_locked(self._migrate)
        except sqlite3.DatabaseError as exc:
            raise StoreError(
                f"{path}: not a usable corroborate database ({exc}); "
                "point --db at another file, or move this one away and ingest again"
            ) from exc
        self._depth = 0

    def _migrate(self) -> None:
        """Bring the schema to the latest version in one write transaction. The version is read
        again under the write lock: a second process opening a new database at the same moment
        waits for the first to finish, then finds nothing left to do."""
        if self._checked_version() == LATEST_VERSION:
            return
        self._db.execute("BEGIN IMMEDIATE")
        try:
            current = self._checked_version()
            for version, sql in migrations():
                if version > current:
                    # Statement by statement: executescript would commit the open transaction.
                    for statement in _statements(sql):
                        self._db.execute(statement)
                    self._db.execute(f"PRAGMA user_version = {version}")
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        self._db.execute("COMMIT")

    def _checked_version(self) -> int:
        current = self.schema_version()
        if current > LATEST_VERSION:
            raise SchemaError(
                f"{self.url}: schema v{current} is newer than this corroborate (v{LATEST_VERSION}); "
                "upgrade corroborate to open it"
            )
        return current

    def schema_version(self) -> int:
        return int(self._db.execute("PRAGMA user_version").fetchone()[0])

    def data_version(self) -> int:
        """Changes when another connection commits; this connection's own commits leave it as is."""
        return int(self._db.execute("PRAGMA data_version").fetchone()[0])

    def _execute(self, sql: str, params: Params = ()) -> Rows:
        return self._db.execute(sql, params)

    def _executemany(self, sql: str, rows: Iterable[Params]) -> None:
        self._db.executemany(sql, rows)

    @contextmanager
    def _outermost_transaction(self) -> Iterator[None]:
        self._db.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        try:
            self._db.execute("COMMIT")
        except BaseException:  # disk full, I/O error: leave no transaction open for the next file
            if self._db.in_transaction:
                self._db.execute("ROLLBACK")
            raise

    @contextmanager
    def _read_snapshot(self) -> Iterator[None]:
        if self._db.in_transaction:  # already one snapshot
            yield
            return
        self._db.execute("BEGIN")  # deferred: in WAL mode, a read snapshot until COMMIT
        try:
            yield
        finally:
            self._db.execute("COMMIT")

    def add_row(self, row: Mapping[str, Any], band_keys: Sequence[int]) -> None:
        row = {**row, "ingested_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds")}
        names = ",".join(row)
        with self.transaction():
            cur = self._db.execute(
                f"INSERT INTO articles ({names}) VALUES ({','.join('?' * len(row))})", list(row.values())
            )
            seq = cur.lastrowid
            self._db.executemany(
                "INSERT INTO lsh_bands (key, article_seq) VALUES (?, ?)", [(key, seq) for key in band_keys]
            )
            self._db.executemany(
                "INSERT INTO article_entities (entity_id, article_seq) VALUES (?, ?)",
                [(entity, seq) for entity in dict.fromkeys(json.loads(row["entity_ids"]))],
            )

    def search(self, query: str, limit: int = 20) -> list[SearchHit]:
        sql = (
            "SELECT a.id, a.title, a.outlet, a.published, "
            "snippet(articles_fts, 1, '[', ']', ' … ', 12) AS snip, bm25(articles_fts) AS rank "
            "FROM articles_fts JOIN articles a ON a.seq = articles_fts.rowid "
            "WHERE articles_fts MATCH ? ORDER BY rank LIMIT ?"
        )
        try:
            rows = self._db.execute(sql, (query, limit)).fetchall()
        except sqlite3.OperationalError as exc:
            raise search_syntax_error(query, str(exc)) from exc
        return [SearchHit(r[0], r[1], r[2], r[3], r[4], float(r[5])) for r in rows]

    def story_summaries(self) -> list[dict[str, Any]]:
        """One row per story with articles: id, article ids, outlets, first/last publication."""
        sql = (
            "SELECT story_id, json_group_array(id) AS ids, json_group_array(outlet) AS outlets, "
            "MIN(published) AS first_published, MAX(published) AS last_published, MAX(seq) AS latest "
            "FROM (SELECT * FROM articles WHERE story_id IS NOT NULL ORDER BY seq) GROUP BY story_id ORDER BY latest DESC"
        )
        return [
            story_summary(r, json.loads(r["ids"]), json.loads(r["outlets"])) for r in self._db.execute(sql)
        ]

    def close(self) -> None:
        self._db.close()


_T = TypeVar("_T")


def _retry_locked(step: Callable[[], _T]) -> _T:
    """Run an opening step again while SQLite says the file is locked (see OPEN_RETRY_SECONDS)."""
    deadline = time.monotonic() + OPEN_RETRY_SECONDS
    while True:
        try:
            return step()
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) and "busy" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)
