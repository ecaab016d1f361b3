"""The Store contract, run against SQLite and a real PostgreSQL server (tests/conftest.py).

Every name, outlet and sentence here is invented for these tests.
"""

import json
import socket
import sys
import threading

import pytest
from click.testing import CliRunner

from corroborate import api
from corroborate.cli import cli
from corroborate.errors import NotFoundError, QueryError, SchemaError, StoreError
from corroborate.store import open_store
from corroborate.store import sqlite as lite
from corroborate.store.base import StoryFilter
from corroborate.store.pg_search import to_tsquery_sql

from .helpers import make_article

psycopg = pytest.importorskip("psycopg", reason="psycopg is not installed: pip install -e '.[postgres]'")
pg = pytest.importorskip("corroborate.store.postgres")

DAM_A = (
    "Verrin Dam Repairs Finish Early\n"
    "Workers in Verrin completed repairs to the old river dam on Thursday, two weeks ahead of plan, "
    "the regional water board said. The board spent 4.2 million crowns on new sluice gates and "
    'a reinforced spillway. "The valley is safer tonight than it has been for a decade," board chair '
    "Ilse Marandt told reporters at the dam. Farmers downstream had feared spring floods after cracks "
    "appeared in the concrete last autumn.\n"
)
DAM_B = (
    "Spillway Rebuilt As Verrin Dam Reopens\n"
    "The river dam at Verrin reopened on Thursday after repairs that cost 4.2 million crowns, according "
    'to the regional water board. "We finished early because the weather held," said Ilse Marandt, who '
    "chairs the board. Engineers replaced the sluice gates and rebuilt the spillway, and inspectors will "
    "return in the summer to check the concrete where cracks were found last autumn.\n"
)
LIBRARY = (
    "Café Library Opens In Old Mill At Dunsford\n"
    "A public library with a café opened in the restored grain mill at Dunsford on Saturday. The town "
    "council paid for the conversion with a heritage grant, and volunteers moved twelve thousand books "
    'over three weekends. "People wanted the mill to be used again," said librarian Tomas Ekwell. The '
    "library will open six days a week and host reading groups for children on Wednesday afternoons.\n"
)


def _jsonl(*items: tuple[str, str, str]) -> str:
    rows = [{"outlet": outlet, "published": day, "text": text} for outlet, day, text in items]
    return "".join(json.dumps(r) + "\n" for r in rows)


@pytest.fixture
def corpus(tmp_path):
    """Two input files: two outlets on one story, then a syndicated copy and an unrelated story."""
    first = tmp_path / "first.jsonl"
    first.write_text(
        _jsonl(("Lakeside Herald", "2023-03-06", DAM_A), ("Northgate Post", "2023-03-07", DAM_B))
    )
    copy = DAM_A.replace("Verrin Dam Repairs Finish Early", "Dam Work At Verrin Done Ahead Of Time")
    second = tmp_path / "second.jsonl"
    second.write_text(
        _jsonl(("Coastline Daily", "2023-03-07", copy), ("Lakeside Herald", "2023-03-09", LIBRARY))
    )
    return [str(first), str(second)]


@pytest.fixture
def store(store_url):
    s = open_store(store_url)
    yield s
    s.close()


# ------------------------------------------------------------------------------------------ schema


def test_both_backends_ship_the_same_migration_versions():
    assert [v for v, _ in lite.migrations()] == [v for v, _ in pg.migrations()]
    assert lite.LATEST_VERSION == pg.LATEST_VERSION


def test_postgres_store_is_migrated_and_refuses_a_newer_schema(pg_url):
    open_store(pg_url).close()
    with psycopg.connect(pg_url, autocommit=True) as conn:
        assert conn.execute("SELECT schema_version FROM corroborate_meta").fetchone()[0] == pg.LATEST_VERSION
        conn.execute("UPDATE corroborate_meta SET schema_version = schema_version + 1")
    with pytest.raises(SchemaError, match="upgrade corroborate"):
        open_store(pg_url)


def test_reopening_a_migrated_store_keeps_its_articles(store_url):
    store = open_store(store_url)
    store.add_article(make_article(), [5])
    store.close()
    again = open_store(store_url)
    assert again.count_articles() == 1 and again.schema_version() == lite.LATEST_VERSION
    again.close()


def test_data_version_changes_with_other_connections_commits_only(store_url):
    mine, other = open_store(store_url), open_store(store_url)
    before = mine.data_version()
    mine.add_article(make_article(), [1])
    with mine.transaction():
        assert mine.data_version() == before
    assert mine.data_version() == before
    other.add_article(make_article(LIBRARY, "lib.txt"), [2])
    assert mine.data_version() != before
    mine.close()
    other.close()


def test_unreachable_server_is_a_store_error():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # nothing listens here once the socket closes
    with pytest.raises(StoreError, match="cannot connect to PostgreSQL"):
        open_store(f"postgresql://someone:secret@127.0.0.1:{port}/nowhere?connect_timeout=3")


def test_password_is_not_shown_in_the_store_url():
    assert (
        pg.redacted("postgresql://ann:s3cret@db.example:5432/news")
        == "postgresql://ann:***@db.example:5432/news"
    )


def test_missing_psycopg_says_what_to_install(monkeypatch):
    monkeypatch.setitem(sys.modules, "psycopg", None)
    monkeypatch.delitem(sys.modules, "corroborate.store.postgres")
    with pytest.raises(StoreError, match=r"pip install -e '\.\[postgres\]'"):
        open_store("postgres://someone@127.0.0.1/x")


def test_placeholders_become_psycopg_style():
    sql = "SELECT a FROM t WHERE b = ? AND c LIKE 'x%' AND d = :name AND e::text = ?"
    assert (
        pg.pyformat(sql) == "SELECT a FROM t WHERE b = %s AND c LIKE 'x%%' AND d = %(name)s AND e::text = %s"
    )


# ------------------------------------------------------------------------------------------ state


def test_entities_upsert_and_keep_creation_order(store):
    store.save_entities(
        [
            {"id": "e2", "name": "Ilse Marandt", "kind": "person"},
            {"id": "e1", "name": "Verrin", "kind": "place"},
        ]
    )
    store.save_entities([{"id": "e2", "name": "Ilse Marandt", "kind": "person", "role": "board chair"}])
    assert store.load_entities() == [
        {"id": "e2", "name": "Ilse Marandt", "kind": "person", "role": "board chair"},
        {"id": "e1", "name": "Verrin", "kind": "place"},
    ]  # fmt: skip


def test_story_state_round_trips_and_clears(store):
    first, second = (
        make_article(outlet="Lakeside Herald"),
        make_article(LIBRARY, "lib.txt", outlet="Coastline Daily"),
    )
    store.add_article(first, [1])
    store.add_article(second, [2])
    row = {"id": "s1", "seq": 3, "count": 2, "first_date": "2023-03-06", "last_date": None,
           "terms": '[["dam", 1.5]]', "keys": '["dam"]', "dense": None}  # fmt: skip
    store.save_story_state([row], 2, {"dam": 2, "verrin": 1})
    store.set_story(first.id, "s1")
    store.set_story(second.id, "s1")
    assert store.load_story_state() == ([row], 2, {"dam": 2, "verrin": 1}, {first.id: "s1", second.id: "s1"})
    [summary] = store.story_summaries()
    assert summary["id"] == "s1" and summary["articles"] == [first.id, second.id]
    assert summary["outlets"] == ["Lakeside Herald", "Coastline Daily"]
    assert [a.id for a in store.story_articles("s1")] == [first.id, second.id]
    store.clear_story_state()
    assert store.load_story_state() == ([], 0, {}, {})
    with pytest.raises(NotFoundError, match="corroborate stories"):
        store.story_articles("s1")


def test_frequency_changes_fold_into_the_table_and_keep_their_order(store, monkeypatch):
    """Each save appends its changed frequencies to a log; every few saves (here 3) the log is
    folded into the table, and a change as big as a fold goes there at once. Loading always gives
    the latest count of each term; SQLite also keeps new terms in the order they first came
    (PostgreSQL reads the table in no particular order)."""
    monkeypatch.setattr("corroborate.store.sqlbase.FOLD_ROWS", 3)
    monkeypatch.setattr("corroborate.store.sqlbase.FOLD_TERMS", 4)
    changes = [{"dam": 1, "verrin": 1}, {"dam": 2, "mill": 1}, {"café": 1}, {"mill": 2, "gates": 1},
               {"a": 1, "b": 1, "c": 1, "dam": 3}, {"spillway": 1}]  # fmt: skip
    expected: dict[str, int] = {}
    for documents, change in enumerate(changes, 1):
        store.save_story_state([], documents, change)
        expected.update(change)
        _, count, frequencies, _ = store.load_story_state()
        assert count == documents and frequencies == expected
        if not store.url.startswith("postgres"):
            assert list(frequencies) == list(expected)
    store.clear_story_state()
    assert store.load_story_state() == ([], 0, {}, {})


def test_an_article_is_listed_under_each_of_its_entities_once(store):
    article = make_article(outlet="Lakeside Herald")
    store.add_article(article.__class__(**{**vars(article), "entity_ids": ("e_1", "e_2", "e_1")}), [1])
    assert store.entity_articles("e_1", 10, 0) == (1, [article.id])
    assert store.entity_articles("e_2", 10, 0) == (1, [article.id])


def test_iter_articles_pages_through_in_ingest_order(store, monkeypatch):
    monkeypatch.setattr("corroborate.store.sqlbase.PAGE", 2)
    articles = [
        make_article(DAM_A.replace("Thursday", day), f"{day}.txt") for day in ("Monday", "Tuesday", "Friday")
    ]
    for article in articles:
        store.add_article(article, [])
    assert [a.id for a in store.iter_articles()] == [a.id for a in articles]
    assert store.texts([articles[1].id]) == {articles[1].id: (articles[1].text, None)}


# ------------------------------------------------------------------------------------------ search

#: Queries in the SQLite (FTS5) syntax that both backends must answer alike.
GOOD_QUERIES = [
    "dam", "Verrin AND spillway", "spillway OR library", "dam NOT spillway", '"sluice gates"',
    '"gates sluice"', "spill*", '"regional wat"*', "(library OR spillway) AND Verrin", "cafe", "crowns dam",
    "LAKESIDE",
]  # fmt: skip
BAD_QUERIES = [
    '"unbalanced',
    "(dam",
    "dam)",
    "dam AND",
    "OR dam",
    "NOT dam",
    "dam AND AND gates",
    "",
    "a.b",
    "*",
    "(" * 300 + "dam" + ")" * 300,
]


@pytest.fixture(scope="module")
def search_stores(tmp_path_factory, pg_server):
    with psycopg.connect(pg_server.url(), autocommit=True) as conn:
        conn.execute("CREATE DATABASE search_contract")
    stores = [
        open_store(str(tmp_path_factory.mktemp("s") / "t.db")),
        open_store(pg_server.url("search_contract")),
    ]
    for s in stores:
        for name, text, outlet in (
            ("a", DAM_A, "Lakeside Herald"),
            ("b", DAM_B, "Northgate Post"),
            ("c", LIBRARY, "Lakeside Herald"),
        ):
            s.add_article(make_article(text, f"{name}.txt", outlet=outlet), [])
    yield stores
    for s in stores:
        s.close()


@pytest.mark.parametrize("query", GOOD_QUERIES)
def test_search_finds_the_same_articles_on_both_backends(search_stores, query):
    sqlite_hits, pg_hits = (sorted(h.article_id for h in s.search(query)) for s in search_stores)
    assert sqlite_hits == pg_hits


def test_search_hits_cover_every_kind_of_query(search_stores):
    counts = [len(search_stores[1].search(q)) for q in GOOD_QUERIES]
    assert counts == [2, 2, 3, 0, 2, 0, 2, 2, 2, 1, 2, 2]


@pytest.mark.parametrize("query", BAD_QUERIES)
def test_bad_syntax_is_a_query_error_on_both_backends(search_stores, query):
    for store in search_stores:
        with pytest.raises(QueryError, match="double quotes"):
            store.search(query)


def test_sqlite_only_syntax_says_so_on_postgres(search_stores):
    for query in ("title:dam", "NEAR(dam gates)", "^dam"):
        with pytest.raises(QueryError, match="only with the SQLite store"):
            search_stores[1].search(query)


def test_query_text_is_bound_never_spliced_into_sql():
    sql, params = to_tsquery_sql('"x\'); DROP TABLE articles; --" OR dam*')
    assert "DROP" not in sql and params == ["x'); DROP TABLE articles; --", "'dam':*"]


def test_search_snippet_marks_the_match_and_best_hits_come_first(search_stores):
    for store in search_stores:
        hits = store.search("spillway")
        assert "[spillway]" in hits[0].snippet.lower()
        assert [h.rank for h in hits] == sorted(h.rank for h in hits)


# ------------------------------------------------------------------------------------------ end to end


def _export(url, paths, recluster=False):
    store = api.open_store(url)
    try:
        summary = api.ingest(paths, store)
        if recluster:
            api.recluster(store)
        return summary.line(), list(api.export_records(store))
    finally:
        store.close()


def test_postgres_export_equals_sqlite_export(tmp_path, pg_url, corpus):
    sqlite_line, sqlite_records = _export(str(tmp_path / "t.db"), corpus)
    pg_line, pg_records = _export(pg_url, corpus)
    assert sqlite_line == pg_line == "ingested 3, duplicates 1, failed 0"
    assert pg_records == sqlite_records
    stories = [r for r in pg_records if r["type"] == "story"]
    assert sorted(len(s["articles"]) for s in stories) == [1, 3] and stories[0]["claim_groups"]
    # Again after a batch recluster, and ingesting the same files twice changes nothing.
    assert _export(str(tmp_path / "t.db"), corpus, True)[1] == _export(pg_url, corpus, True)[1]


def test_concurrent_ingests_store_each_article_once(store_url, corpus):
    errors: list[BaseException] = []

    def run() -> None:
        store = open_store(store_url)
        try:
            api.ingest(corpus, store)
        except BaseException as exc:  # reported below, with the other thread's
            errors.append(exc)
        finally:
            store.close()

    threads = [threading.Thread(target=run) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    store = open_store(store_url)
    ids = [a.id for a in store.iter_articles()]
    store.close()
    assert len(ids) == len(set(ids)) == 4


def test_every_store_command_works_on_postgres(pg_url, corpus):
    def run(*args: str) -> str:
        result = CliRunner().invoke(cli, ["--db", pg_url, *args], catch_exceptions=False)
        assert result.exit_code == 0, result.output
        return result.output

    assert "ingested 3, duplicates 1, failed 0" in run("ingest", *corpus)
    assert len(run("export").splitlines()) > 4
    assert "Verrin" in run("search", "spillway")
    listed = [json.loads(line) for line in run("stories", "--json").splitlines()]
    largest = max(listed, key=lambda s: len(s["articles"]))
    assert json.loads(run("story", largest["id"], "--format", "json"))["story_id"] == largest["id"]
    run("recluster")
    assert len(run("stories", "--json").splitlines()) == len(listed)


def _web_answers(store):
    """What the web app's queries give on one store, after a fixed set of writes."""
    stories = [s["id"] for s in store.story_summaries()]
    store.save_story_stats([{"story_id": stories[0], "version": "v1", "corroborated": 2, "unique_claims": 1,
                             "conflicting": 0}])  # fmt: skip
    entities = [e["id"] for e in store.load_entities()]
    filters = [StoryFilter(), StoryFilter(text="spillway"), StoryFilter(text="library OR sluice*", until="2023-03-08"),
               StoryFilter(outlet="Lakeside Herald", since="2023-03-08")]  # fmt: skip
    return [
        [store.list_stories(f, 10, 0) for f in filters], store.list_stories(StoryFilter(), 1, 1),
        store.story_rows([*reversed(stories), "unknown"]), store.outlets(), store.get_entities(entities[:3]),
        [store.entity_articles(e, 5, 0) for e in entities], [store.entity_stories(e, 5, 0) for e in entities],
        store.story_stats(stories),
    ]  # fmt: skip


def test_web_queries_agree_on_both_backends(tmp_path, pg_url, corpus):
    answers = []
    for url in (str(tmp_path / "t.db"), pg_url):
        store = open_store(url)
        api.ingest(corpus, store)
        answers.append(_web_answers(store))
        with pytest.raises(QueryError, match="double quotes"):
            store.list_stories(StoryFilter(text='"open'), 10, 0)
        store.close()
    assert answers[0] == answers[1]
    listed = answers[1][0]
    assert [total for total, _ in listed] == [2, 1, 1, 1] and answers[1][5][0][0] > 0
