"""Helpers for the multi-process tests: a generated corpus, `corroborate` CLI subprocesses, and
checks that a store's corpus state agrees with its articles.

The corpus comes from ``bench/corpus.py`` (invented places, people and outlets). The checks
recompute, from the stored articles alone, what the incrementally saved corpus state must hold:
a write lost to a concurrent writer (an upsert from a stale in-memory state) shows up as a
mismatch.
"""

from __future__ import annotations

import importlib.util
import json
import os
import sqlite3
import subprocess
import sys
from collections import Counter
from collections.abc import Iterator, Sequence
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from corroborate import api
from corroborate.cluster.represent import LexicalRepresenter
from corroborate.corpus import cluster_doc
from corroborate.model import Article

ROOT = Path(__file__).resolve().parents[1]
#: Runs the CLI of this checkout with this interpreter, whatever is installed.
CLI = [sys.executable, "-c", "from corroborate.cli import main; main()"]


@cache
def _bench_corpus() -> Any:
    spec = importlib.util.spec_from_file_location("bench_corpus", ROOT / "bench" / "corpus.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def write_corpus(folder: Path, n: int, seed: int) -> list[str]:
    """``n`` generated articles, one text file each, in ingest order."""
    return [str(p) for p in _bench_corpus().write_corpus(folder, n, fmt="txt", seed=seed)]


def write_jsonl_corpus(folder: Path, files: int, per_file: int, seed: int) -> list[str]:
    """``files`` JSONL inputs of ``per_file`` generated articles each, in ingest order."""
    records = list(_bench_corpus().generate_articles(files * per_file, seed))
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for k in range(files):
        path = folder / f"part-{k:02d}.jsonl"
        lines = (json.dumps(r, ensure_ascii=False) for r in records[k * per_file : (k + 1) * per_file])
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        paths.append(str(path))
    return paths


def cli_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "CORROBORATE_DB"}
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT), env.get("PYTHONPATH", "")])
    return env


def start_ingest(db: Path, paths: Sequence[str]) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [*CLI, "--db", str(db), "ingest", *paths],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=cli_env(),
    )


def finish(process: subprocess.Popen[str], timeout: float = 120) -> str:
    """Wait for a CLI process; its stderr (the summary line is the last one). Fails on a bad exit."""
    _, err = process.communicate(timeout=timeout)
    assert process.returncode == 0, f"exit {process.returncode}: {err[-2000:]}"
    return err


def export(db: Path) -> list[dict[str, Any]]:
    done = subprocess.run([*CLI, "--db", str(db), "export"], capture_output=True, text=True, env=cli_env())
    assert done.returncode == 0, done.stderr[-2000:]
    return [json.loads(line) for line in done.stdout.splitlines()]


def article_count(db: Path) -> int:
    """Articles committed so far, read without waiting on a writer (0 before the schema exists)."""
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as con:
            return int(con.execute("SELECT COUNT(*) FROM articles").fetchone()[0])
    except sqlite3.OperationalError:  # the schema is not there yet
        return 0


def ingest_in_process(db: Path, paths: Sequence[str]) -> None:
    """What one `corroborate ingest` of ``paths`` leaves, without a subprocess (the reference)."""
    store = api.open_store(str(db))
    try:
        api.ingest(paths, store)
    finally:
        store.close()


def by_type(records: Sequence[dict[str, Any]], kind: str) -> list[dict[str, Any]]:
    return [r for r in records if r["type"] == kind]


def stored_articles(db: Path) -> list[Article]:
    store = api.open_store(str(db))
    try:
        return list(store.iter_articles())
    finally:
        store.close()


def snapshot(db: Path) -> dict[str, Any]:
    """What two stores of the same inputs must share: the articles (by input), which are copies of
    which, the stories as sets of inputs (story ids name an article), and the entity names."""
    articles = stored_articles(db)
    external = {a.id: a.external_id for a in articles}
    stories: dict[str | None, set[str]] = {}
    for a in articles:
        stories.setdefault(a.story_id, set()).add(a.external_id)
    with sqlite3.connect(db) as con:
        entities = sorted(r[0] for r in con.execute("SELECT name FROM entities"))
    return {
        "articles": sorted((a.external_id, a.meta.title, a.text, a.meta.published) for a in articles),
        "copies": sorted((a.external_id, external.get(a.duplicate_of or "")) for a in articles),
        "stories": {frozenset(members) for members in stories.values()},
        "entities": entities,
    }


def _counted_terms(articles: Sequence[Article]) -> Iterator[dict[str, float]]:
    """The clusterer's terms of each article that counts towards the document frequencies: the
    originals (a near-duplicate joins its original's story without being counted)."""
    representer = LexicalRepresenter()
    for article in articles:
        if article.duplicate_of is None:
            terms = representer.represent(cluster_doc(article)).terms
            if terms:
                yield terms


def corpus_state_problems(db: Path) -> list[str]:
    """Where the saved corpus state disagrees with the stored articles (empty when consistent)."""
    articles = stored_articles(db)
    problems = []
    if len({a.content_hash for a in articles}) != len(articles):
        problems.append("two articles with the same content")
    ids = {a.id for a in articles}
    problems += [
        f"{a.id} is a copy of missing {a.duplicate_of}"
        for a in articles
        if a.duplicate_of not in (None, *ids)
    ]
    with sqlite3.connect(db) as con:
        stories = dict(con.execute("SELECT id, count FROM stories").fetchall())
        documents = con.execute("SELECT value FROM corpus_counters WHERE name = 'documents'").fetchone()
        frequencies = dict(con.execute("SELECT term, df FROM term_frequencies").fetchall())
        for (changed,) in con.execute("SELECT frequencies FROM term_frequency_log ORDER BY seq"):
            frequencies.update(json.loads(changed))  # the changes not yet folded into the table
        entities = {r[0]: json.loads(r[1]) for r in con.execute("SELECT id, record FROM entities")}
    members = Counter(a.story_id for a in articles)
    if None in members:
        problems.append(f"{members[None]} articles without a story")
    problems += [
        f"story {s}: {n} articles, count {stories.get(s)}"
        for s, n in members.items()
        if s and stories.get(s) != n
    ]
    counted = list(_counted_terms(articles))
    if (documents[0] if documents else 0) != len(counted):
        problems.append(f"documents counter {documents} for {len(counted)} counted articles")
    expected = Counter(term for terms in counted for term in terms)
    wrong = [t for t in expected.keys() | frequencies.keys() if expected.get(t, 0) != frequencies.get(t, 0)]
    if wrong:
        problems.append(f"{len(wrong)} document frequencies disagree with the articles, e.g. {wrong[:3]}")
    problems += [f"story {s} has no articles" for s in stories if not members[s]]
    links = Counter(e for a in articles for e in a.entity_ids)
    problems += [f"entity {e}: {links[e]} links, record says {entities.get(e, {}).get('articles')}"
                 for e in links.keys() | entities.keys() if entities.get(e, {}).get("articles") != links[e]]  # fmt: skip
    return problems


@pytest.fixture(scope="session")
def reference(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[str], dict[str, Any]]:
    """The shared corpus (its files, in order) and the :func:`snapshot` of one sequential ingest."""
    folder = tmp_path_factory.mktemp("corpus")
    paths = write_corpus(folder / "articles", CORPUS_SIZE, seed=CORPUS_SEED)
    db = folder / "reference.db"
    ingest_in_process(db, paths)
    assert corpus_state_problems(db) == []
    return paths, snapshot(db)


CORPUS_SIZE = 90
CORPUS_SEED = 7
