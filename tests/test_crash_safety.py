"""An ingest killed with SIGKILL leaves a store that opens, exports and resumes.

Each input file (each 500 items of a bigger one) is stored in one transaction, so a kill keeps
whole files or nothing of them, and the corpus state saved in the same transactions stays in step with the articles.
Ingesting the same inputs again skips what was stored and adds the rest: the store ends as
one uninterrupted ingest leaves it.
"""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest

from .ingest_processes import (
    article_count,
    by_type,
    corpus_state_problems,
    export,
    finish,
    ingest_in_process,
    snapshot,
    start_ingest,
    stored_articles,
    write_jsonl_corpus,
)

#: Seconds to wait for the moment to kill before giving up.
PATIENCE = 60.0


def kill(process: subprocess.Popen[str]) -> None:
    process.send_signal(signal.SIGKILL)
    process.communicate()
    assert process.returncode == -signal.SIGKILL, "the ingest ended before it could be killed"


def kill_after_articles(process: subprocess.Popen[str], db: Path, count: int) -> None:
    deadline = time.monotonic() + PATIENCE
    while article_count(db) < count and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.005)
    kill(process)


def writing(db: Path) -> bool:
    """Whether some connection holds the write lock (a write transaction is open) right now."""
    if not db.exists():
        return False
    con = sqlite3.connect(db, timeout=0, isolation_level=None)
    try:
        con.execute("BEGIN IMMEDIATE")
        con.execute("ROLLBACK")
        return False
    except sqlite3.OperationalError:  # "database is locked": the ingest is inside a transaction
        return True
    finally:
        con.close()


def kill_inside_a_transaction(process: subprocess.Popen[str], db: Path, after: int, before: int) -> None:
    """SIGKILL while the ingest holds the write lock, with ``after`` to ``before`` articles stored."""
    deadline = time.monotonic() + PATIENCE
    while process.poll() is None and time.monotonic() < deadline:
        if after <= article_count(db) < before and writing(db):
            break
        time.sleep(0.001)
    kill(process)


def test_sigkill_midway_then_resume(tmp_path, reference):
    paths, expected = reference
    db = tmp_path / "killed.db"
    kill_after_articles(start_ingest(db, paths), db, count=len(paths) // 4)

    stored = article_count(db)
    assert 0 < stored < len(expected["articles"])
    records = export(db)  # the killed store opens and exports what it holds
    assert len(by_type(records, "article")) == stored
    assert corpus_state_problems(db) == []

    assert "failed 0" in finish(start_ingest(db, paths))
    assert snapshot(db) == expected
    assert corpus_state_problems(db) == []


@pytest.fixture(scope="module")
def jsonl_reference(
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[list[str], dict[str, Any], dict[str, set[str]]]:
    """JSONL inputs, the snapshot of one sequential ingest, and the input ids each file holds."""
    folder = tmp_path_factory.mktemp("jsonl")
    paths = write_jsonl_corpus(folder / "inputs", files=4, per_file=15, seed=11)
    ingest_in_process(folder / "reference.db", paths)
    return paths, snapshot(folder / "reference.db"), per_file(folder / "reference.db")


def per_file(db: Path) -> dict[str, set[str]]:
    found: dict[str, set[str]] = defaultdict(set)
    for article in stored_articles(db):
        found[article.source].add(article.external_id)
    return found


def test_sigkill_inside_a_transaction_keeps_whole_files(tmp_path, jsonl_reference):
    paths, expected, whole = jsonl_reference
    db = tmp_path / "killed.db"
    # After the first file, while storing neither it nor the last one (so the last is never kept).
    total = sum(len(ids) for ids in whole.values())
    kill_inside_a_transaction(start_ingest(db, paths), db, after=1, before=total - len(whole[paths[-1]]))

    assert len(by_type(export(db), "article")) == article_count(db)
    found = per_file(db)
    kept = [path for path in paths if found[path]]
    assert kept and len(kept) < len(paths), "the kill should fall after the first file, before the last"
    assert all(found[path] == whole[path] for path in kept)  # whole files, never part of one
    assert corpus_state_problems(db) == []

    assert "failed 0" in finish(start_ingest(db, paths))
    assert snapshot(db) == expected
