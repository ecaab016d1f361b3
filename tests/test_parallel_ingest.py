"""Ingest with worker processes stores exactly what ingest in one process stores. Our own text."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time

import pytest
from click.testing import CliRunner

from corroborate import api
from corroborate.cli import cli
from corroborate.model import RawDocument
from corroborate.prepare import Prepared, prepare_chunk
from corroborate.settings import Settings

from .helpers import HARBOUR_STORY, ingest_and_export, mixed_inputs, outcomes


def test_workers_give_the_same_results_and_export_as_one_process(tmp_path):
    paths = mixed_inputs(tmp_path)
    one, one_export = ingest_and_export(tmp_path, "one", api.ingest, paths)
    two, two_export = ingest_and_export(tmp_path, "two", lambda p, s: api.ingest(p, s, workers=2), paths)
    assert one.ingested > 15 and one.failed == 4 and one.count("unchanged") == 1
    assert outcomes(two) == outcomes(one)
    assert two_export == one_export


def test_a_second_run_with_workers_skips_every_stored_input(tmp_path):
    paths = mixed_inputs(tmp_path)
    store = api.open_store(str(tmp_path / "again.db"))
    try:
        first = api.ingest(paths, store, workers=2)
        again = api.ingest(paths, store, workers=2)
    finally:
        store.close()
    assert again.ingested == 0 and again.failed == first.failed
    assert again.count("unchanged") == first.ingested + first.duplicates


def test_worker_output_carries_the_precomputed_store_inputs():
    settings = Settings()
    [done] = prepare_chunk([RawDocument("harbour.txt", HARBOUR_STORY, "text")], settings)
    assert isinstance(done, Prepared)
    assert len(done.grams) > 0 and len(done.keys) == settings.lsh_bands
    assert done.representation is not None and done.representation.length > 0


def test_worker_count_defaults_to_the_cores_only_for_enough_inputs():
    assert api.worker_count(0, 3) == 1
    assert api.worker_count(2, 3) == 2
    assert api.worker_count(0, 10_000) >= 1


def test_cli_ingest_with_workers_reports_bad_inputs_and_stores_the_rest(tmp_path):
    paths = mixed_inputs(tmp_path)
    db = str(tmp_path / "cli.db")
    result = CliRunner().invoke(cli, ["--db", db, "ingest", "--workers", "2", *paths])
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 4 and any("missing.txt" in line for line in errors)
    exported = CliRunner().invoke(cli, ["--db", db, "export"])
    assert sum(json.loads(line)["type"] == "article" for line in exported.stdout.splitlines()) > 15


def test_story_records_built_on_workers_equal_those_built_here(tmp_path):
    store = api.open_store(str(tmp_path / "records.db"))
    try:
        api.ingest(mixed_inputs(tmp_path), store)
        here = list(api.story_records(store))
        on_workers = list(api.story_records(store, workers=2))
    finally:
        store.close()
    assert len(here) > 3
    assert json.dumps(on_workers, sort_keys=True) == json.dumps(here, sort_keys=True)


def test_an_in_memory_store_builds_its_records_here(tmp_path):
    store = api.open_store(":memory:")
    try:
        api.ingest(mixed_inputs(tmp_path), store)
        assert store.reopen_target is None
        assert len(list(api.story_records(store, workers=2))) > 3
    finally:
        store.close()


POOL_THEN_WAIT = """
import os, sys, time
from corroborate.prepare import process_pool
pool = process_pool(2)
print(*pool.map(os.getpid, [], chunksize=1), *sorted({f.result() for f in [pool.submit(os.getpid) for _ in range(8)]}),
      flush=True)
time.sleep(60)
"""


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().split(")")[-1].split()[0] != "Z"
    except FileNotFoundError:
        return False


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="parent-death signal is Linux only")
def test_workers_die_when_the_ingesting_process_is_killed():
    parent = subprocess.Popen([sys.executable, "-c", POOL_THEN_WAIT], stdout=subprocess.PIPE, text=True)
    assert parent.stdout is not None
    workers = [int(pid) for pid in parent.stdout.readline().split()]
    assert workers and all(_alive(pid) for pid in workers)
    os.kill(parent.pid, signal.SIGKILL)
    parent.wait()
    deadline = time.monotonic() + 10
    while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not any(_alive(pid) for pid in workers)
