"""The default store: one SQLite file, WAL mode, versioned schema, FTS5 search."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from importlib import resources
from typing import Any

from ..errors import NotFoundError, QueryError, SchemaError, StoreError
from ..model import Article
from .base import SearchHit
from .codec import COLUMNS, article_to_row, row_to_article


def migrations() -> list[tuple[int, str]]:
    """(version, sql) of every migration shipped with the package, in order."""
    folder = resources.files("corroborate.store") / "migrations"
    found = [
        (int(f.name.split("_", 1)[0]), f.read_text()) for f in folder.iterdir() if f.name.endswith(".sql")
    ]
    return sorted(found)


LATEST_VERSION = migrations()[-1][0]


class SQLiteStore:
    def __init__(self, path: str) -> None:
        self.url = path
        try:
            self._db = sqlite3.connect(path, isolation_level=None, timeout=30.0)
            self._db.row_factory = sqlite3.Row
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA foreign_keys=ON")
            self._db.execute("PRAGMA synchronous=NORMAL")
            self._migrate()
        except sqlite3.DatabaseError as exc:
            raise StoreError(
                f"{path}: not a usable corroborate database ({exc}); "
                "point --db at another file, or move this one away and ingest again"
            ) from exc
        self._depth = 0

    def _migrate(self) -> None:
        current = self.schema_version()
        if current > LATEST_VERSION:
            raise SchemaError(
                f"{self.url}: schema v{current} is newer than this corroborate (v{LATEST_VERSION}); "
                "upgrade corroborate to open it"
            )
        for version, sql in migrations():
            if version > current:
                # executescript commits any open transaction first, so the script brackets itself.
                try:
                    self._db.executescript(
                        f"BEGIN IMMEDIATE;\n{sql}\nPRAGMA user_version = {version};\nCOMMIT;"
                    )
                except sqlite3.Error:
                    if self._db.in_transaction:
                        self._db.execute("ROLLBACK")
                    raise

    def schema_version(self) -> int:
        return int(self._db.execute("PRAGMA user_version").fetchone()[0])

    @contextmanager
    def transaction(self) -> Iterator[None]:
        if self._depth:
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
            return
        self._db.execute("BEGIN IMMEDIATE")
        self._depth = 1
        try:
            yield
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        else:
            self._db.execute("COMMIT")
        finally:
            self._depth = 0

    def article_id_for_input(self, input_hash: str) -> str | None:
        row = self._db.execute(
            "SELECT id FROM articles WHERE input_hash = ? LIMIT 1", (input_hash,)
        ).fetchone()
        return row[0] if row else None

    def article_id_for_content(self, content_hash: str) -> str | None:
        row = self._db.execute(
            "SELECT id FROM articles WHERE content_hash = ? ORDER BY seq LIMIT 1", (content_hash,)
        ).fetchone()
        return row[0] if row else None

    def near_duplicate_candidates(self, band_keys: Sequence[int], limit: int = 50) -> list[str]:
        if not band_keys:
            return []
        sql = (
            "SELECT a.id FROM articles a JOIN (SELECT article_seq, COUNT(*) AS hits FROM lsh_bands "
            f"WHERE key IN ({','.join('?' * len(band_keys))}) GROUP BY article_seq) c ON c.article_seq = a.seq "
            "ORDER BY c.hits DESC, a.seq LIMIT ?"
        )
        return [r[0] for r in self._db.execute(sql, [*band_keys, limit])]

    def texts(self, article_ids: Iterable[str]) -> dict[str, tuple[str, str | None]]:
        ids = list(article_ids)
        if not ids:
            return {}
        marks = ",".join("?" * len(ids))
        rows = self._db.execute(f"SELECT id, text, duplicate_of FROM articles WHERE id IN ({marks})", ids)
        return {r[0]: (r[1], r[2]) for r in rows}

    def add_article(self, article: Article, band_keys: Sequence[int]) -> None:
        row = article_to_row(article)
        row["ingested_at"] = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        names = ",".join(row)
        with self.transaction():
            cur = self._db.execute(
                f"INSERT INTO articles ({names}) VALUES ({','.join('?' * len(row))})", list(row.values())
            )
            self._db.executemany(
                "INSERT INTO lsh_bands (key, article_seq) VALUES (?, ?)",
                [(key, cur.lastrowid) for key in band_keys],
            )

    def get_article(self, article_id: str) -> Article:
        row = self._db.execute(
            f"SELECT {','.join(COLUMNS)} FROM articles WHERE id = ?", (article_id,)
        ).fetchone()
        if row is None:
            raise NotFoundError(f"no article with id {article_id!r}; `corroborate export` lists the ids")
        return row_to_article(row)

    def iter_articles(self) -> Iterator[Article]:
        for row in self._db.execute(f"SELECT {','.join(COLUMNS)} FROM articles ORDER BY seq"):
            yield row_to_article(row)

    def count_articles(self) -> int:
        return int(self._db.execute("SELECT COUNT(*) FROM articles").fetchone()[0])

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
            raise QueryError(
                f"bad search syntax in {query!r} ({exc}); put phrases in double quotes, "
                "e.g. corroborate search '\"flood barrier\" AND Rotterdam'"
            ) from exc
        return [SearchHit(r[0], r[1], r[2], r[3], r[4], float(r[5])) for r in rows]

    def load_entities(self) -> list[dict[str, Any]]:
        return [json.loads(r[0]) for r in self._db.execute("SELECT record FROM entities ORDER BY rowid")]

    def save_entities(self, records: Iterable[dict[str, Any]]) -> None:
        rows = [(r["id"], r["name"], r["kind"], json.dumps(r, ensure_ascii=False)) for r in records]
        with self.transaction():
            self._db.executemany(
                "INSERT INTO entities (id, name, kind, record) VALUES (?, ?, ?, ?) ON CONFLICT(id) DO UPDATE "
                "SET name = excluded.name, kind = excluded.kind, record = excluded.record",
                rows,
            )

    def save_story_state(
        self, rows: Iterable[dict[str, Any]], documents: int, frequencies: Mapping[str, int]
    ) -> None:
        """Upsert clusterer story rows and document frequencies (see corroborate.cluster.persist)."""
        with self.transaction():
            self._db.executemany(
                "INSERT INTO stories (id, seq, count, first_date, last_date, terms, keys, dense) "
                "VALUES (:id, :seq, :count, :first_date, :last_date, :terms, :keys, :dense) ON CONFLICT(id) DO UPDATE "
                "SET seq = excluded.seq, count = excluded.count, first_date = excluded.first_date, "
                "last_date = excluded.last_date, terms = excluded.terms, keys = excluded.keys, dense = excluded.dense",
                list(rows),
            )
            self._db.executemany(
                "INSERT INTO term_frequencies (term, df) VALUES (?, ?) ON CONFLICT(term) DO UPDATE SET df = excluded.df",
                list(frequencies.items()),
            )
            self._db.execute(
                "INSERT INTO corpus_counters (name, value) VALUES ('documents', ?) "
                "ON CONFLICT(name) DO UPDATE SET value = excluded.value",
                (documents,),
            )

    def load_story_state(self) -> tuple[list[dict[str, Any]], int, dict[str, int], dict[str, str]]:
        """(story rows, document count, document frequencies, article -> story assignments)."""
        rows = [dict(r) for r in self._db.execute("SELECT * FROM stories ORDER BY seq")]
        found = self._db.execute("SELECT value FROM corpus_counters WHERE name = 'documents'").fetchone()
        frequencies = dict(self._db.execute("SELECT term, df FROM term_frequencies").fetchall())
        assigned = self._db.execute("SELECT id, story_id FROM articles WHERE story_id IS NOT NULL").fetchall()
        return rows, int(found[0]) if found else 0, frequencies, {a: s for a, s in assigned}

    def clear_story_state(self) -> None:
        with self.transaction():
            for table in ("stories", "term_frequencies", "corpus_counters"):
                self._db.execute(f"DELETE FROM {table}")
            self._db.execute("UPDATE articles SET story_id = NULL")

    def set_story(self, article_id: str, story_id: str) -> None:
        self._db.execute("UPDATE articles SET story_id = ? WHERE id = ?", (story_id, article_id))

    def story_summaries(self) -> list[dict[str, Any]]:
        """One row per story with articles: id, article ids, outlets, first/last publication."""
        sql = (
            "SELECT story_id, json_group_array(id) AS ids, json_group_array(outlet) AS outlets, "
            "MIN(published) AS first_published, MAX(published) AS last_published, MAX(seq) AS latest "
            "FROM (SELECT * FROM articles WHERE story_id IS NOT NULL ORDER BY seq) GROUP BY story_id ORDER BY latest DESC"
        )
        out = []
        for r in self._db.execute(sql):
            outlets = [o for o in dict.fromkeys(json.loads(r["outlets"])) if o]
            out.append({"id": r["story_id"], "articles": json.loads(r["ids"]), "outlets": outlets,
                        "first_published": r["first_published"], "last_published": r["last_published"]})  # fmt: skip
        return out

    def story_articles(self, story_id: str) -> list[Article]:
        rows = self._db.execute(
            f"SELECT {','.join(COLUMNS)} FROM articles WHERE story_id = ? ORDER BY seq", (story_id,)
        )
        found = [row_to_article(r) for r in rows]
        if not found:
            raise NotFoundError(f"no story with id {story_id!r}; `corroborate stories` lists them")
        return found

    def close(self) -> None:
        self._db.close()
