"""The JSON API over the sample corpus: the same data as the library, paged and filtered."""

from __future__ import annotations

import sqlite3
from collections import Counter

import pytest
from fastapi.testclient import TestClient

from corroborate import api
from corroborate.export import article_record
from corroborate.store import open_store
from corroborate.web import WebSettings, create_app

from .web_support import sample_db, sample_files

BASE = "http://127.0.0.1:8000"
#: Claim counts are computed within a time budget per page; a loaded CI machine must not run out.
PATIENT = WebSettings(stats_seconds=120)


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    return sample_db(tmp_path_factory.mktemp("web-api"))


@pytest.fixture(scope="module")
def store(db):
    s = open_store(db)
    yield s
    s.close()


@pytest.fixture(scope="module")
def client(db):
    with TestClient(create_app(db, PATIENT), base_url=BASE) as c:
        yield c


def test_story_list_matches_the_library_latest_first_with_claim_counts(client, store):
    body = client.get("/api/stories").json()
    expected = {s["id"]: s for s in api.stories(store)}
    assert body["total"] == len(expected) and {s["id"] for s in body["stories"]} == set(expected)
    last = [s["last_published"] for s in body["stories"]]
    assert last == sorted(last, reverse=True)
    for story in body["stories"]:
        assert story["article_count"] == len(expected[story["id"]]["articles"])
        assert story["outlets"] == expected[story["id"]]["outlets"]
        statuses = Counter(g.status for g in api.dossier(store, story["id"]).groups)
        assert story["claims"] == {k: statuses[k] for k in ("corroborated", "unique", "conflicting")}
        assert "latest_seq" not in story


def test_paging_covers_every_story_once(db):
    with TestClient(create_app(db, PATIENT.replace(per_page=2)), base_url=BASE) as c:
        first, second = c.get("/api/stories?page=1").json(), c.get("/api/stories?page=2").json()
        beyond = c.get("/api/stories?page=50").json()
    ids = [s["id"] for s in first["stories"] + second["stories"]]
    assert len(first["stories"]) == 2 and first["pages"] == (first["total"] + 1) // 2
    assert len(ids) == len(set(ids)) == min(4, first["total"])
    assert beyond["stories"] == [] and beyond["total"] == first["total"]


def _story_ids(client, **params):
    return {s["id"] for s in client.get("/api/stories", params=params).json()["stories"]}


def test_outlet_and_date_filters_keep_stories_with_a_matching_article(client, store):
    articles = list(store.iter_articles())
    outlet = Counter(a.meta.outlet for a in articles if a.meta.outlet).most_common(1)[0][0]
    assert _story_ids(client, outlet=outlet) == {a.story_id for a in articles if a.meta.outlet == outlet}
    in_range = {
        a.story_id
        for a in articles
        if a.meta.published and "2025-03-01" <= a.meta.published[:10] <= "2025-03-06"
    }
    assert in_range and _story_ids(client, since="2025-03-01", until="2025-03-06") == in_range
    assert _story_ids(client, outlet="no such outlet") == set()


def test_text_filter_keeps_the_stories_of_matching_articles(client, store):
    hits = api.search(store, "ferry", 100)
    expected = {store.get_article(h.article_id).story_id for h in hits}
    assert hits and _story_ids(client, q="ferry") == expected
    assert len(expected) < client.get("/api/stories").json()["total"]


def test_story_record_is_the_export_record_plus_dossier_articles_and_entities(client, store):
    summary = api.stories(store)[0]
    body = client.get(f"/api/stories/{summary['id']}").json()
    exported = api.story_record(store, summary, api.entity_table(store))
    for key, value in exported.items():
        assert body[key] == value, key
    assert [a["id"] for a in body["included"]["articles"]] == summary["articles"]
    linked = {e for a in body["included"]["articles"] for m in a["entities"] if (e := m["entity"])}
    assert {e["id"] for e in body["included"]["entities"]} == linked
    assert body["quotes_by_speaker"] and body["framing"] and body["claim_counts"]


def test_article_record_round_trips_with_its_story(client, store):
    article = next(iter(store.iter_articles()))
    body = client.get(f"/api/articles/{article.id}").json()
    assert body == {**article_record(article), "story_id": article.story_id}


def test_entity_has_aliases_stories_and_quotes_pointing_at_source_text(client, store):
    speakers = Counter(
        a.entity_ids[q.speaker_entity] for a in store.iter_articles() for q in a.extraction.quotes
        if q.speaker_entity is not None and q.speaker_entity < len(a.entity_ids)
    )  # fmt: skip
    entity_id = speakers.most_common(1)[0][0]
    body = client.get(f"/api/entities/{entity_id}").json()
    assert body["id"] == entity_id and body["name"] in body["aliases"]
    assert len(body["quotes"]) == speakers[entity_id]
    for q in body["quotes"]:
        assert store.get_article(q["article"]).text[q["start"] : q["end"]] == q["text"]
    stories = {s["id"] for s in body["stories"]["stories"]}
    assert {store.get_article(q["article"]).story_id for q in body["quotes"]} <= stories


def test_search_matches_the_library(client, store):
    body = client.get("/api/search", params={"q": "quake", "limit": 5}).json()
    assert [h["article_id"] for h in body["hits"]] == [h.article_id for h in api.search(store, "quake", 5)]


@pytest.mark.parametrize(
    "query",
    ['"open', "AND", "NOT", "(", "a:b", "*", "^", "NEAR(", '"" OR', "x AND (y", "(" * 200 + "x" + ")" * 200],
)
def test_bad_search_syntax_is_a_400_with_a_message_never_a_500(client, query):
    for path in ("/api/search", "/api/stories", "/"):
        response = client.get(path, params={"q": query})
        assert response.status_code in (200, 400), (path, query, response.text)
        if response.status_code == 400 and path.startswith("/api"):
            assert "search syntax" in response.json()["error"]
    assert client.get("/api/search", params={"q": '"open'}).status_code == 400


@pytest.mark.parametrize(
    "path", ["/api/stories/story:nope", "/api/articles/nope", "/api/entities/nope", "/api/nope"]
)
def test_unknown_ids_are_404_json(client, path):
    response = client.get(path)
    assert response.status_code == 404 and response.headers["content-type"] == "application/json"
    assert response.json()["error"]


@pytest.mark.parametrize("query", ["page=0", "page=10001", "page=x", "q=" + "w" * 501, "since=" + "9" * 11])
def test_paging_and_lengths_are_bounded(client, query):
    response = client.get(f"/api/stories?{query}")
    assert response.status_code == 422 and "invalid request" in response.json()["error"]
    assert client.get("/api/search?q=a&limit=101").status_code == 422


def test_a_bad_date_is_a_400(client):
    response = client.get("/api/stories?since=2025-13-40")
    assert response.status_code == 400 and "since" in response.json()["error"]


def test_posting_an_article_stores_it_in_a_story(tmp_path):
    db = sample_db(tmp_path)
    article = {"id": "post-1", "url": "https://quillmoor.example/a", "outlet": "Quillmoor Gazette",
               "title": "Lighthouse keeper retires after forty years on Hestholm",
               "published": "2025-04-01", "text": "Lighthouse keeper retires after forty years on Hestholm\n"
               "Edda Marsk, who kept the Hestholm light for forty years, retired on Monday, the island council said.\n"
               '"The sea was my only colleague," Marsk told the Quillmoor Gazette.\n'}  # fmt: skip
    with TestClient(create_app(db), base_url=BASE) as c:
        created = c.post("/api/articles", json=article)
        again = c.post("/api/articles", json=article)
        fetched = c.get(f"/api/articles/{created.json()['id']}").json()
        listed = c.get("/api/stories", params={"q": "Hestholm"}).json()
    assert created.status_code == 201, created.text
    body = created.json()
    assert body["status"] == "ingested" and body["story_id"] == fetched["story_id"] is not None
    assert fetched["title"] == article["title"] and fetched["external_id"] == "post-1"
    assert (
        again.status_code == 200
        and again.json()["status"] == "unchanged"
        and again.json()["id"] == body["id"]
    )
    assert [s["id"] for s in listed["stories"]] == [body["story_id"]]


@pytest.mark.parametrize(
    ("payload", "status", "words"),
    [({"title": "no text"}, 422, "text"), ({"text": "   "}, 422, "article text"), ([1, 2], 422, "invalid")],
)
def test_posting_an_unreadable_article_says_why(client, payload, status, words):
    response = client.post("/api/articles", json=payload)
    assert response.status_code == status and words in response.json()["error"]


def test_claim_counts_are_cached_until_the_story_changes(tmp_path):
    db = sample_db(tmp_path)
    with TestClient(create_app(db, PATIENT), base_url=BASE) as c:
        first = c.get("/api/stories").json()["stories"][0]
        raw = sqlite3.connect(db)
        with raw:
            raw.execute("UPDATE story_stats SET corroborated = 999 WHERE story_id = ?", (first["id"],))
        cached = c.get("/api/stories").json()["stories"][0]
        with raw:  # as if the story had gained an article since
            raw.execute("UPDATE story_stats SET version = 'older' WHERE story_id = ?", (first["id"],))
        fresh = c.get("/api/stories").json()["stories"][0]
        raw.close()
    assert cached["claims"]["corroborated"] == 999
    assert fresh["claims"] == first["claims"] and first["claims"]["corroborated"] != 999


@pytest.mark.parametrize("limits", [{"stats_max_articles": 0}, {"stats_seconds": 0.0}])
def test_claim_counts_left_out_of_a_list_are_filled_in_when_the_story_is_opened(tmp_path, limits):
    db = sample_db(tmp_path)
    with TestClient(create_app(db, PATIENT.replace(**limits)), base_url=BASE) as c:
        listed = c.get("/api/stories").json()["stories"]
        assert all(s["claims"] is None for s in listed)
        story = listed[-1]
        opened = c.get(f"/api/stories/{story['id']}").json()
        relisted = {s["id"]: s for s in c.get("/api/stories").json()["stories"]}
    assert relisted[story["id"]]["claims"] == opened["claim_counts"]


def test_openapi_lists_the_api(client):
    paths = client.get("/openapi.json").json()["paths"]
    for path in ("/api/stories", "/api/stories/{story_id}", "/api/articles/{article_id}",
                 "/api/entities/{entity_id}", "/api/search", "/api/articles"):  # fmt: skip
        assert path in paths
    assert "post" in paths["/api/articles"]


def test_the_app_gives_the_same_answers_over_postgresql(db, pg_url):
    store = open_store(pg_url)
    try:
        api.ingest(sample_files(), store)
    finally:
        store.close()
    answers = []
    for url in (db, pg_url):
        with TestClient(create_app(url, PATIENT), base_url=BASE) as c:
            listed = c.get("/api/stories").json()
            story = c.get(f"/api/stories/{listed['stories'][0]['id']}").json()
            entity = story["included"]["entities"][0]["id"]
            pages = [c.get(p).status_code for p in ("/", f"/stories/{story['id']}", f"/entities/{entity}")]
            filtered = c.get("/api/stories", params={"q": "ferry", "since": "2025-03-01"}).json()
            answers.append(
                (listed, story["claim_groups"], c.get(f"/api/entities/{entity}").json(), pages, filtered)
            )
    assert answers[0] == answers[1]
    assert answers[1][3] == [200, 200, 200] and answers[1][4]["total"] == 1


def test_the_last_representable_day_is_a_valid_filter(client):
    assert client.get("/api/stories", params={"until": "9999-12-31"}).status_code == 200
    assert client.get("/", params={"until": "9999-12-31"}).status_code == 200
