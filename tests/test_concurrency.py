"""Two `corroborate ingest` processes writing to one SQLite store at the same time.

They start together on a new database (so they also race to create the schema), on
overlapping inputs taken in opposite orders, so both reach the shared files around the same
time. Nothing may be lost or doubled, and the corpus state both keep in memory and save
incrementally (stories, document frequencies, entity records) must agree with the articles,
which it does only if each process reloads what the other committed before writing.
"""

from __future__ import annotations

from collections import Counter

import pytest

from corroborate import api
from corroborate.corpus import Corpus

from .ingest_processes import (
    by_type,
    corpus_state_problems,
    export,
    finish,
    ingest_in_process,
    snapshot,
    start_ingest,
)


def test_two_ingests_at_once_lose_nothing_and_double_nothing(tmp_path, reference):
    paths, expected = reference
    third = len(paths) // 3
    first, second = paths[: 2 * third], paths[third:][::-1]  # the middle third is ingested by both
    db = tmp_path / "shared.db"
    processes = [start_ingest(db, first), start_ingest(db, second)]
    for process in processes:
        assert "failed 0" in finish(process)

    records = export(db)
    articles = by_type(records, "article")
    assert Counter(a["external_id"] for a in articles) == Counter(a[0] for a in expected["articles"])
    assert snapshot(db)["articles"] == expected["articles"]  # the same clean text and metadata
    assert corpus_state_problems(db) == []
    # Every article is in exactly one story, and stories list only stored articles.
    members = Counter(i for story in by_type(records, "story") for i in story["articles"])
    assert members == Counter(a["id"] for a in articles)
    mentioned = {m["entity"] for a in articles for m in a["entities"] if m["entity"]}
    assert mentioned and mentioned <= {e["id"] for e in by_type(records, "entity")}


def test_writers_taking_turns_store_what_one_writer_would(tmp_path, reference):
    """Two connections, each with the corpus state it loaded at the start, store files in turn:
    each reloads what the other committed before writing, so the result is the sequential one."""
    paths, expected = reference
    paths = paths[:30]
    stores = [api.open_store(str(tmp_path / "turns.db")) for _ in range(2)]
    corpora = [Corpus(store) for store in stores]  # both loaded while the store was empty
    for k, path in enumerate(paths):
        api.ingest_file(path, stores[k % 2], corpus=corpora[k % 2])
    for store in stores:
        store.close()
    alone = tmp_path / "alone.db"
    ingest_in_process(alone, paths)
    assert snapshot(tmp_path / "turns.db") == snapshot(alone)
    assert corpus_state_problems(tmp_path / "turns.db") == []


def test_a_failed_file_leaves_no_trace_in_the_corpus_state(tmp_path, reference, monkeypatch):
    """A file whose transaction rolls back after its first article was linked and clustered:
    the in-memory state that saw that article is dropped, not saved with the next file."""
    paths = reference[0][:4]
    store = api.open_store(str(tmp_path / "t.db"))
    corpus = Corpus(store)
    api.ingest_file(paths[0], store, corpus=corpus)
    real = store.add_article
    monkeypatch.setattr(store, "add_article", lambda *a, **k: (_ for _ in ()).throw(OSError("disk full")))
    with pytest.raises(OSError):
        api.ingest_file(paths[1], store, corpus=corpus)
    monkeypatch.setattr(store, "add_article", real)
    for path in paths[2:]:
        api.ingest_file(path, store, corpus=corpus)
    store.close()
    assert corpus_state_problems(tmp_path / "t.db") == []
