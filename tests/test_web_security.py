"""Untrusted article text stays inert on every page; the server defends its store."""

from __future__ import annotations

import sqlite3
from html.parser import HTMLParser

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from corroborate.cli import cli
from corroborate.web import ServeError, WebSettings, create_app

from .web_support import HOSTILE, sample_db

BASE = "http://127.0.0.1:8000"


class Tags(HTMLParser):
    """Every start tag with its attributes, as the browser's parser would see them."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def tags(html: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = Tags()
    parser.feed(html)
    return parser.tags


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    """(client, posted article id, its story id) on a store holding the hostile article."""
    db = sample_db(tmp_path_factory.mktemp("web-security"))
    with TestClient(create_app(db), base_url=BASE) as client:
        posted = client.post("/api/articles", json=HOSTILE)
        assert posted.status_code == 201, posted.text
        yield client, posted.json()["id"], posted.json()["story_id"]


def _pages(client, article_id, story_id):
    article = client.get(f"/api/articles/{article_id}").json()
    entities = {m["entity"] for m in article["entities"] if m["entity"]}
    claim = article["claims"][0]
    paths = ["/", "/?q=crane", "/?q=Brenvik&outlet=" + HOSTILE["outlet"], f"/stories/{story_id}",
             f"/articles/{article_id}", f"/articles/{article_id}?hl={claim['start']}-{claim['end']}",
             *(f"/entities/{e}" for e in entities)]  # fmt: skip
    return {path: client.get(path) for path in paths}


def test_hostile_markup_is_escaped_on_every_page(hostile):
    client, article_id, story_id = hostile
    pages = _pages(client, article_id, story_id)
    assert len(pages) > 6
    for path, response in pages.items():
        assert response.status_code == 200, path
        html = response.text
        assert "img" not in {tag for tag, _ in tags(html)}, path  # our pages draw no images
        scripts = [attrs for tag, attrs in tags(html) if tag == "script"]
        assert scripts == [{"src": "/static/app.js", "defer": None}], path
        for tag, attrs in tags(html):
            assert not [name for name in attrs if name.startswith("on")], (path, tag, attrs)
            for name in ("href", "src", "action"):
                assert not (attrs.get(name) or "").strip().lower().startswith("javascript:"), (
                    path,
                    tag,
                    attrs,
                )
    assert "&lt;script&gt;window.pwned=1&lt;/script&gt;" in pages[f"/articles/{article_id}"].text
    assert "Quillmoor Gazette" in pages[f"/stories/{story_id}"].text


def test_only_http_urls_become_links(hostile):
    client, article_id, _ = hostile
    html = client.get(f"/articles/{article_id}").text
    assert "javascript:window.pwned=3" in html  # shown as text ...
    assert not [a for t, a in tags(html) if t == "a" and "pwned" in (a.get("href") or "")]  # ... never a link


def test_every_response_carries_a_strict_content_security_policy(hostile):
    client, article_id, _ = hostile
    for path in ("/", f"/articles/{article_id}", "/api/stories", "/static/style.css", "/nope", "/api/nope"):
        csp = client.get(path).headers["content-security-policy"]
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp and "default-src 'none'" in csp
    assert client.get("/").headers["x-content-type-options"] == "nosniff"


def test_bodies_over_the_limit_get_413(tmp_path):
    app = create_app(sample_db(tmp_path), WebSettings(max_body_bytes=1000))
    with TestClient(app, base_url=BASE) as client:
        declared = client.post("/api/articles", json={**HOSTILE, "text": "word " * 500})
        streamed = client.post(
            "/api/articles", content=iter([b'{"text": "', b"x" * 900, b"y" * 900, b'"}']),
            headers={"content-type": "application/json"},
        )  # fmt: skip
    assert declared.status_code == 413 and "limit" in declared.json()["error"]
    assert streamed.status_code == 413


def test_posts_must_be_json(hostile):
    client, _, _ = hostile
    # A form on another site can send text/plain to localhost without asking; it must not write.
    response = client.post("/api/articles", content=b'{"text": "x"}', headers={"content-type": "text/plain"})
    assert response.status_code == 415


def test_a_token_guards_writes(tmp_path):
    with TestClient(create_app(sample_db(tmp_path), token="s3cret-token"), base_url=BASE) as client:
        missing = client.post("/api/articles", json=HOSTILE)
        wrong = client.post("/api/articles", json=HOSTILE, headers={"authorization": "Bearer nope"})
        right = client.post("/api/articles", json=HOSTILE, headers={"authorization": "Bearer s3cret-token"})
    assert missing.status_code == wrong.status_code == 401
    assert right.status_code == 201


def test_off_loopback_writes_need_a_token(tmp_path):
    app = create_app(sample_db(tmp_path), WebSettings(host="0.0.0.0"))
    with TestClient(app, base_url="http://203.0.113.5:8000") as client:
        assert client.get("/api/stories").status_code == 200
        assert client.post("/api/articles", json=HOSTILE).status_code == 403


def test_serve_refuses_to_listen_beyond_loopback_without_a_token(tmp_path, monkeypatch):
    monkeypatch.delenv("CORROBORATE_TOKEN", raising=False)
    result = CliRunner().invoke(cli, ["--db", str(tmp_path / "x.db"), "serve", "--host", "0.0.0.0"])
    assert isinstance(result.exception, ServeError) and "token" in str(result.exception)
    assert "serve" in CliRunner().invoke(cli, ["serve", "--help"]).output


def test_loopback_server_answers_only_to_loopback_host_names(hostile):
    client, _, _ = hostile
    assert client.get("/", headers={"host": "rebound.example:8000"}).status_code == 421
    assert client.get("/", headers={"host": "localhost:8000"}).status_code == 200
    assert client.get("/", headers={"host": "[::1]:8000"}).status_code == 200


def test_filters_are_parameters_not_sql(tmp_path):
    db = sample_db(tmp_path)
    with TestClient(create_app(db), base_url=BASE) as client:
        injected = client.get("/api/stories", params={"outlet": "x' OR '1'='1"}).json()
        dropped = client.get("/api/stories", params={"q": "x'); DROP TABLE articles; --"})
        listed = client.get("/api/stories").json()
    assert injected["total"] == 0 and listed["total"] > 0
    assert dropped.status_code in (200, 400)
    assert sqlite3.connect(db).execute("SELECT COUNT(*) FROM articles").fetchone()[0] > 0


def test_static_files_stay_in_their_folder(hostile):
    client, _, _ = hostile
    for path in ("/static/../app.py", "/static/%2e%2e/app.py", "/static/..%2fapp.py"):
        assert client.get(path).status_code == 404
