"""Ingest with worker processes stores exactly what ingest in one process stores. Our own text."""

from __future__ import annotations

import contextlib
import gc
import json
import os
import pickle
import signal
import subprocess
import sys
import time

import pytest
from click.testing import CliRunner

from corroborate import api, parallel, workers
from corroborate.cli import cli
from corroborate.cluster.represent import ClusterDoc, LexicalRepresenter, Representation
from corroborate.corpus import Corpus
from corroborate.model import RawDocument
from corroborate.prepare import Prepared, prepare_chunk
from corroborate.settings import Settings

from .helpers import HARBOUR_STORY, ingest_and_export, mixed_inputs, outcomes


@pytest.mark.parametrize("worker_read_bytes", [parallel.WORKER_READ_BYTES, 0])
def test_workers_give_the_same_results_and_export_as_one_process(tmp_path, monkeypatch, worker_read_bytes):
    # Default: workers read the small files themselves; 0: every input is read here, its items sent out.
    monkeypatch.setattr(parallel, "WORKER_READ_BYTES", worker_read_bytes)
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


def test_workers_send_the_encoded_row_not_the_article(tmp_path):
    # Unpickling an Article tree cost the storing process more than storing it: what crosses the
    # process boundary holds no model object, whether the worker read the file or was sent items.
    path = tmp_path / "harbour.txt"
    path.write_text(HARBOUR_STORY)
    read_there = parallel._work(([str(path)], []), Settings())[0]
    read_here = parallel._work(([], [RawDocument("harbour.txt", HARBOUR_STORY, "text")]), Settings())
    for [sent] in (read_there, read_here):
        assert isinstance(sent, Prepared) and isinstance(sent.body, dict)
        assert b"corroborate.model" not in pickle.dumps(sent)


def test_the_storing_process_gets_rows_from_workers(tmp_path, monkeypatch):
    received: list[object] = []
    real = api.store_prepared

    def spy(prepared, corpus, settings):
        received.extend(prepared)
        return real(prepared, corpus, settings)

    monkeypatch.setattr(api, "store_prepared", spy)
    store = api.open_store(str(tmp_path / "rows.db"))
    try:
        done = api.ingest(mixed_inputs(tmp_path), store, workers=2)
    finally:
        store.close()
    bodies = [type(p.body) for p in received if isinstance(p, Prepared)]
    assert len(bodies) >= done.ingested > 15 and set(bodies) == {dict}


class _RecordingRepresenter(LexicalRepresenter):
    """Not the default representer (by type): the store step represents every article itself."""

    def __init__(self) -> None:
        super().__init__()
        self.seen: list[ClusterDoc] = []

    def represent(self, doc: ClusterDoc) -> Representation:
        self.seen.append(doc)
        return super().represent(doc)


def _ingest_represented(tmp_path, paths: list[str], workers: int) -> tuple[list[ClusterDoc], list[str]]:
    settings, representer = Settings(), _RecordingRepresenter()
    store = api.open_store(str(tmp_path / f"represented{workers}.db"))
    try:
        corpus = Corpus(store)
        corpus.stories.representer = representer
        for _, prepared in parallel.prepared_inputs(paths, store, settings, workers):
            api.store_prepared(prepared, corpus, settings)
        return representer.seen, [json.dumps(r, sort_keys=True) for r in api.export_records(store)]
    finally:
        store.close()


def test_another_representer_sees_the_same_articles_from_workers(tmp_path):
    # The workers' default representation is not used; what this process represents instead
    # is built from the row, and must be what it would build from the article.
    paths = mixed_inputs(tmp_path)
    one_seen, one_export = _ingest_represented(tmp_path, paths, 1)
    two_seen, two_export = _ingest_represented(tmp_path, paths, 2)
    assert len(one_seen) > 10 and two_seen == one_seen
    assert two_export == one_export


def test_a_container_cpu_quota_caps_the_cores(tmp_path):
    v2 = tmp_path / "cpu.max"
    v2.write_text("150000 100000\n")
    assert workers.cgroup_cpu_quota(((str(v2), None),)) == 1.5
    v2.write_text("max 100000\n")
    assert workers.cgroup_cpu_quota(((str(v2), None),)) is None
    quota, period = tmp_path / "cfs_quota_us", tmp_path / "cfs_period_us"
    quota.write_text("200000\n")
    period.write_text("100000\n")
    assert workers.cgroup_cpu_quota(((str(tmp_path / "absent"), None), (str(quota), str(period)))) == 2.0
    quota.write_text("-1\n")
    assert workers.cgroup_cpu_quota(((str(quota), str(period)),)) is None


def test_worker_count_defaults_to_the_cores_only_for_enough_inputs(monkeypatch):
    monkeypatch.setattr(workers, "usable_cores", lambda: 4)
    assert api.worker_count(0, 3) == 1
    assert api.worker_count(2, 3) == 2
    assert api.worker_count(0, 40) == 2
    assert api.worker_count(0, 10_000) == 4


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
import os, time
from corroborate.workers import process_pool
with process_pool(2) as pool:
    pool.submit(os.getpid).result()
    print("ready", flush=True)
    time.sleep(60)
"""


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().split(")")[-1].split()[0] != "Z"
    except FileNotFoundError:
        return False


def _children(pid: int) -> list[int]:
    with open(f"/proc/{pid}/task/{pid}/children") as found:
        return [int(child) for child in found.read().split()]


def _wait_until(condition, seconds: float = 10) -> bool:
    deadline = time.monotonic() + seconds
    while not condition() and time.monotonic() < deadline:
        time.sleep(0.05)
    return condition()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="parent-death signal is Linux only")
def test_workers_die_when_the_ingesting_process_is_killed():
    parent = subprocess.Popen([sys.executable, "-c", POOL_THEN_WAIT], stdout=subprocess.PIPE, text=True)
    assert parent.stdout is not None and parent.stdout.readline().strip() == "ready"
    assert _wait_until(lambda: len(_children(parent.pid)) >= 2)  # both workers, busy or idle
    pool_workers = _children(parent.pid)
    os.kill(parent.pid, signal.SIGKILL)
    parent.wait()
    assert _wait_until(lambda: not any(_alive(pid) for pid in pool_workers))


def _feed(tmp_path, name: str, title: str) -> str:
    path = tmp_path / name
    path.write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Valley Courier</title><item>'
        f"<title>{title}</title><link>https://courier.example/{name}</link>"
        "<description>The Orlen valley bridge reopened on Monday after repairs, the council said."
        "</description></item></channel></rss>"
    )
    return str(path)


def test_feed_entries_sharing_a_summary_under_two_titles_are_two_inputs(tmp_path):
    paths = [
        _feed(tmp_path, "a.xml", "Orlen bridge reopens"),
        _feed(tmp_path, "b.xml", "Valley bridge open again"),
    ]
    one, one_export = ingest_and_export(tmp_path, "one", api.ingest, paths)
    two, two_export = ingest_and_export(tmp_path, "two", lambda p, s: api.ingest(p, s, workers=2), paths)
    assert outcomes(two) == outcomes(one)
    assert two_export == one_export
    assert [r.status for r in one.results] == ["ingested", "duplicate"]


def test_the_same_input_later_in_the_stream_is_unchanged_with_or_without_workers(tmp_path):
    first = tmp_path / "first.txt"
    first.write_text(HARBOUR_STORY)
    paths = [str(first)] + [str(tmp_path / f"copy{k}.txt") for k in range(3)]
    for path in paths[1:]:
        (tmp_path / path).write_text(HARBOUR_STORY)
    one, _ = ingest_and_export(tmp_path, "one", api.ingest, paths)
    two, _ = ingest_and_export(tmp_path, "two", lambda p, s: api.ingest(p, s, workers=2), paths)
    assert outcomes(two) == outcomes(one)
    assert [r.status for r in one.results] == ["ingested", "unchanged", "unchanged", "unchanged"]


def test_story_records_use_the_entity_table_given(tmp_path):
    store = api.open_store(str(tmp_path / "entities.db"))
    try:
        api.ingest(mixed_inputs(tmp_path), store)
        here = list(api.story_records(store, entities={}))
        on_workers = list(api.story_records(store, entities={}, workers=2))
    finally:
        store.close()
    assert json.dumps(on_workers, sort_keys=True) == json.dumps(here, sort_keys=True)


def test_a_dead_worker_leaves_the_rest_to_this_process():
    def crash_in_worker(payload: int) -> int:
        return payload * 10

    with workers.process_pool(2) as pool:
        tasks = [(k, k) for k in range(6)]
        with pytest.warns(RuntimeWarning, match="worker process died"):
            done = list(workers.ordered_map(pool, os._exit, tasks, in_flight=2, here=crash_in_worker))
    assert done == [(k, k * 10) for k in range(6)]


INGEST_THEN_CTRL_C = """
import faulthandler, signal, sys
faulthandler.register(signal.SIGUSR1, all_threads=True)  # the test's view of a hang
# as started from a terminal: a shell running the tests in the background starts them with
# Ctrl-C ignored, and the ingest would inherit that
signal.signal(signal.SIGINT, signal.default_int_handler)
from corroborate.cli import main
sys.argv = ["corroborate", "--db", sys.argv[1], "ingest", "--workers", "2", sys.argv[2]]
main()
"""


def _interrupted_ingest(tmp_path, name: str, interrupts: int) -> None:
    lines = [json.dumps({"id": f"n{k}", "title": f"Council note {k}", "text": HARBOUR_STORY + f" Note {k}."})
             for k in range(2000)]  # fmt: skip
    notes = tmp_path / "notes.jsonl"  # read here, its items sent out in chunks
    notes.write_text("\n".join(lines) + "\n")
    ingest = subprocess.Popen([sys.executable, "-c", INGEST_THEN_CTRL_C, str(tmp_path / name), str(notes)],
                              stderr=subprocess.PIPE, start_new_session=True)  # fmt: skip
    assert _wait_until(lambda: len(_children(ingest.pid)) >= 2, seconds=20)
    time.sleep(1.0)
    pool_workers = _children(ingest.pid)
    for _ in range(interrupts):
        os.killpg(ingest.pid, signal.SIGINT)  # what a terminal sends to the whole group
        time.sleep(0.3)
    try:
        ingest.wait(timeout=10)
    except subprocess.TimeoutExpired:
        os.kill(ingest.pid, signal.SIGUSR1)  # every thread's stack, to stderr
        time.sleep(1.0)
        os.killpg(ingest.pid, signal.SIGKILL)
        stacks = ingest.stderr.read().decode(errors="replace")[-6000:]
        pytest.fail(f"ingest with workers hung after {interrupts} Ctrl-C; its threads:\n{stacks}")
    assert ingest.returncode == 130, ingest.stderr.read().decode(errors="replace")[-2000:]
    assert _wait_until(lambda: not any(_alive(pid) for pid in pool_workers), seconds=5)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="process groups and /proc")
@pytest.mark.parametrize("interrupts", [1, 2])
def test_ctrl_c_stops_an_ingest_with_workers_at_once(tmp_path, interrupts):
    _interrupted_ingest(tmp_path, f"c{interrupts}.db", interrupts)


def test_each_input_is_stored_before_all_inputs_are_read(tmp_path):
    big = tmp_path / "big.jsonl"  # read here: its last items must not hold back the small files after it
    big.write_text("\n".join(json.dumps({"id": f"b{k}", "title": f"Quay note {k}", "text": HARBOUR_STORY})
                             for k in range(11)) + "\n")  # fmt: skip
    small = []
    for k in range(40):
        path = tmp_path / f"s{k}.txt"
        path.write_text(
            f"Ferry timetable {k}\n\nThe Kessel ferry will sail {k} times on Sunday, the operator said."
        )
        small.append(str(path))
    read: list[str] = []

    def paths():
        for path in [str(big), *small]:
            read.append(path)
            yield path

    store = api.open_store(str(tmp_path / "early.db"))
    try:
        first = next(iter(api.ingest_inputs(paths(), store, workers=2)))
    finally:
        store.close()
    assert len(first) == 11 and len(read) < len(small)


def test_results_come_in_item_order_with_or_without_workers(tmp_path):
    x = json.dumps({"id": "x", "title": "Orlen bridge reopens", "text": HARBOUR_STORY})
    y = json.dumps({"id": "y", "title": "Ferry crews walk out", "text": "Ferry crews on the Kessel Strait "
                    "walked out on Saturday over night shifts, the union said."})  # fmt: skip
    (tmp_path / "a.jsonl").write_text(x + "\n")
    (tmp_path / "b.jsonl").write_text("\n".join([y, x, "{not json"]) + "\n")
    paths = [str(tmp_path / "a.jsonl"), str(tmp_path / "b.jsonl")]
    one, _ = ingest_and_export(tmp_path, "one", api.ingest, paths)
    two, _ = ingest_and_export(tmp_path, "two", lambda p, s: api.ingest(p, s, workers=2), paths)
    assert outcomes(two) == outcomes(one)
    assert [r.status for r in one.results] == ["ingested", "ingested", "unchanged", "failed"]


def test_workers_and_the_cli_collect_garbage_less_often():
    with workers.process_pool(1) as pool:
        assert pool.submit(gc.get_threshold).result() == workers.GC_THRESHOLDS
    before = gc.get_threshold()
    try:
        workers.tune_gc()
        assert gc.get_threshold() == workers.GC_THRESHOLDS
    finally:
        gc.set_threshold(*before)


def test_small_inputs_prepared_together_share_a_transaction(tmp_path, monkeypatch):
    """With workers, the small files of one task are stored in one transaction (each file whole),
    and every result comes after the commit that stored it."""
    paths = mixed_inputs(tmp_path)
    store = api.open_store(str(tmp_path / "shared.db"))
    commits: list[int] = []
    real = store._outermost_transaction

    def counted():  # the articles stored once each outermost transaction ends
        with real():
            yield
        commits.append(store.count_articles())

    monkeypatch.setattr(store, "_outermost_transaction", contextlib.contextmanager(counted))
    seen: list[int] = []
    try:
        summary = api.ingest(paths, store, workers=2, on_result=lambda r: seen.append(len(commits)))
    finally:
        store.close()
    assert 0 < len(commits) < len(paths)
    assert commits[-1] == summary.ingested + summary.duplicates - summary.count("unchanged")
    assert seen == sorted(seen) and all(n > 0 for n in seen)


def test_a_batch_holds_at_most_transaction_items_unless_one_part_is_bigger():
    parts = [(parallel.InputSlots(str(k)), [None] * size) for k, size in enumerate([2, 1, 3, 5, 1])]
    batches = list(parallel._capped(parts, 3))
    assert [[len(items) for _, items in batch] for batch in batches] == [[2, 1], [3], [5], [1]]
