"""Benchmark the web app on a large store: how long its pages and API calls take.

Builds a store of ``--n`` articles once (cached at ``--db``) by copying a pool of ``--pool``
generated articles (``bench/corpus.py``, through the real pipeline) under new ids: stories of
1 to 12 articles, 40 outlets, dates over two years. Entity ids are kept, so the pool's
entities are named in thousands of articles each (the hard case for entity pages). Then it
times requests through the app in-process (no network): startup, the story list (the first
view computes the page's claim counts, the second reads them from the cache), filtered lists,
a deep page, a story, an article, an entity and a search. Times are wall seconds of one run.

    python bench/web.py --n 100000      # builds /tmp/corroborate-web-bench-100000.db (minutes, ~1 GB)
"""

from __future__ import annotations

import argparse
import dataclasses
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import generate_articles  # noqa: E402

from corroborate.corpus import link_entities  # noqa: E402
from corroborate.extract.registry import EntityRegistry  # noqa: E402
from corroborate.model import Article, RawDocument, SourceMeta  # noqa: E402
from corroborate.pipeline import run_stages  # noqa: E402
from corroborate.settings import Settings  # noqa: E402
from corroborate.store import Store, open_store  # noqa: E402
from corroborate.store.base import StoryFilter  # noqa: E402

OUTLETS = tuple(f"Outlet {chr(65 + i // 8)}{i % 8}" for i in range(40))


def pool(n: int) -> tuple[list[Article], list[dict]]:
    """``n`` generated articles through the pipeline, entities linked, and the entity rows."""
    registry, out = EntityRegistry(), []
    for rec in generate_articles(n, seed=7):
        meta = SourceMeta(external_id=rec["id"], outlet=rec["outlet"], published=rec["published"])
        raw = RawDocument(str(rec["id"]), f"{rec['title']}\n{rec['text']}", "text", meta=meta)
        out.append(link_entities(registry, run_stages(raw, Settings())))
    return out, registry.to_rows()


def copies(templates: list[Article], n: int, seed: int = 1):
    """``n`` copies of the templates under new ids, grouped into stories of 1..12 articles."""
    rng, made, story = random.Random(seed), 0, 0
    while made < n:
        size = min(
            n - made, max(1, int(rng.paretovariate(1.2))) if rng.random() < 0.7 else rng.randint(2, 12)
        )
        story += 1
        day = 1 + (story * 730) // max(1, n // 4)
        for _ in range(size):
            made += 1
            t = templates[rng.randrange(len(templates))]
            published = f"{2023 + day // 365:04d}-{1 + (day % 365) // 31:02d}-{1 + day % 28:02d}"
            meta = dataclasses.replace(t.meta, outlet=rng.choice(OUTLETS), published=published)
            uid = f"{made:012x}"
            yield dataclasses.replace(t, id=uid, external_id=uid, source=f"bench/{uid}", meta=meta,
                                      content_hash=uid, input_hash=uid, story_id=f"story:{story:010x}")  # fmt: skip


def build(path: Path, n: int, pool_size: int) -> None:
    t0 = time.perf_counter()
    templates, entities = pool(pool_size)
    print(f"pool of {pool_size} articles through the pipeline: {time.perf_counter() - t0:.1f} s", flush=True)
    store = open_store(str(path))
    store.save_entities(entities)
    batch: list[Article] = []
    for i, article in enumerate(copies(templates, n), start=1):
        batch.append(article)
        if len(batch) == 2000 or i == n:
            with store.transaction():
                for a in batch:
                    store.add_article(a, [])
            batch.clear()
            print(f"\r{i} articles stored ({time.perf_counter() - t0:.0f} s)", end="", flush=True)
    print()
    store.close()


def timed(client, path: str) -> tuple[float, int]:
    t0 = time.perf_counter()
    response = client.get(path)
    return time.perf_counter() - t0, response.status_code


def requests(store: Store) -> list[tuple[str, str]]:
    rows = store.list_stories(StoryFilter(), 100, 0)[1]
    story = max((r for r in rows if r["article_count"] <= 12), key=lambda r: r["article_count"])
    article = store.story_articles(story["id"])[0]
    busiest = max(article.entity_ids, key=lambda e: store.entity_articles(e, 1, 0)[0])
    return [
        ("story list, first view (computes claim counts)", "/"),
        ("story list, again (cached counts)", "/"),
        ("API story list", "/api/stories"),
        ("word filter, first view", "/?q=minister"),
        ("word filter, again", "/?q=minister"),
        ("outlet filter", f"/?outlet={OUTLETS[3].replace(' ', '+')}"),
        ("date filter", "/?since=2024-03-01&until=2024-03-31"),
        ("page 2000", "/api/stories?page=2000"),
        (f"story page ({story['article_count']} articles)", f"/stories/{story['id']}"),
        ("article page", f"/articles/{article.id}"),
        (f"entity page ({store.entity_articles(busiest, 1, 0)[0]} articles)", f"/entities/{busiest}"),
        ("search API", "/api/search?q=minister"),
    ]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=100_000)
    parser.add_argument("--pool", type=int, default=300)
    parser.add_argument("--db", type=Path, default=None)
    args = parser.parse_args(argv)
    path = args.db or Path(f"/tmp/corroborate-web-bench-{args.n}.db")
    if not path.exists():
        build(path, args.n, args.pool)
    import sqlite3

    from fastapi.testclient import TestClient

    with sqlite3.connect(path) as db:  # time the first views as a new server would see them
        db.execute("DELETE FROM story_stats")

    from corroborate.web import create_app

    t0 = time.perf_counter()
    app = create_app(str(path))
    print(f"{'startup (create_app)':55} {time.perf_counter() - t0:7.3f} s")
    store = open_store(str(path))
    print(f"store: {store.count_articles()} articles")
    with TestClient(app, base_url="http://127.0.0.1:8000") as client:
        for label, url in requests(store):
            seconds, status = timed(client, url)
            print(f"{label:55} {seconds:7.3f} s  ({status})")
    store.close()


if __name__ == "__main__":
    main()
