import sqlite3

import pytest

from corroborate.errors import NotFoundError, QueryError, SchemaError, StoreError
from corroborate.store import open_store, resolve_db
from corroborate.store.sqlite import LATEST_VERSION

from .helpers import make_article


@pytest.fixture
def store(store_url):
    """Each test that takes it runs on SQLite and on PostgreSQL (tests/conftest.py)."""
    s = open_store(store_url)
    yield s
    s.close()


def test_new_store_is_migrated_and_in_wal_mode(tmp_path):
    path = tmp_path / "t.db"
    open_store(str(path)).close()
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA user_version").fetchone()[0] == LATEST_VERSION
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_article_round_trips(store):
    article = make_article()
    store.add_article(article, [11, 12])
    assert store.get_article(article.id) == article
    assert [a.id for a in store.iter_articles()] == [article.id]
    assert store.article_id_for_input(article.input_hash) == article.id
    assert store.article_id_for_content(article.content_hash) == article.id
    assert store.near_duplicate_candidates([12]) == [article.id]
    assert store.near_duplicate_candidates([13]) == []


def test_failed_transaction_stores_nothing(store):
    article = make_article()
    with pytest.raises(RuntimeError), store.transaction():
        store.add_article(article, [])
        raise RuntimeError("boom")
    assert store.count_articles() == 0


def test_search_finds_words_and_reports_bad_syntax(store):
    store.add_article(make_article(), [])
    hits = store.search("bridge AND reopened")
    assert len(hits) == 1 and "[" in hits[0].snippet
    assert store.search("volcano") == []
    with pytest.raises(QueryError, match="double quotes"):
        store.search('"unbalanced')


def test_unknown_id_says_how_to_find_ids(store):
    with pytest.raises(NotFoundError, match="corroborate export"):
        store.get_article("nope")


def test_newer_schema_is_refused(tmp_path):
    path = tmp_path / "t.db"
    open_store(str(path)).close()
    db = sqlite3.connect(path)
    db.execute(f"PRAGMA user_version = {LATEST_VERSION + 1}")
    db.commit()
    db.close()
    with pytest.raises(SchemaError, match="upgrade corroborate"):
        open_store(str(path))


def test_garbage_file_is_not_a_store(tmp_path):
    path = tmp_path / "t.db"
    path.write_bytes(b"this is not a database" * 100)
    with pytest.raises(StoreError, match="not a usable corroborate database"):
        open_store(str(path))


def test_db_location_precedence(monkeypatch):
    monkeypatch.delenv("CORROBORATE_DB", raising=False)
    assert resolve_db(None) == "corroborate.db"
    monkeypatch.setenv("CORROBORATE_DB", "/tmp/x.db")
    assert resolve_db(None) == "/tmp/x.db"
    assert resolve_db("given.db") == "given.db"
