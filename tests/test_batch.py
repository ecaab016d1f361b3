"""Batch ingest on Dask gives the store that sequential ingest gives. All text here is our own."""

from __future__ import annotations

import json
import sys

import pytest
from click.testing import CliRunner

from corroborate import api
from corroborate.cli import cli
from corroborate.store import open_store

from .helpers import ingest_and_export, mixed_inputs, outcomes

pytest.importorskip("distributed", reason="the dask extra is not installed: pip install -e '.[dask]'")
pytest.importorskip("pyarrow", reason="the dask extra is not installed: pip install -e '.[dask]'")

from corroborate.batch import BatchOptions, BatchUnavailable, batch_ingest  # noqa: E402

#: Threads, not processes, to keep the test quick; two workers and tiny partitions, so a
#: multi-article file is split across tasks and parts come back out of order.
THREADS = BatchOptions(workers=2, partition_size=2, processes=False)


@pytest.fixture
def inputs(tmp_path):
    return mixed_inputs(tmp_path)


def test_batch_and_sequential_ingest_give_the_same_export(tmp_path, inputs):
    # Nothing is normalised: ids, entity ids, story ids and every record must match exactly.
    seq, seq_export = ingest_and_export(tmp_path, "seq", api.ingest, inputs)
    bat, bat_export = ingest_and_export(
        tmp_path, "batch", lambda p, s: batch_ingest(p, s, options=THREADS), inputs
    )
    assert seq.ingested > 15 and seq.failed == 4 and seq.count("unchanged") == 1
    assert outcomes(bat) == outcomes(seq)
    assert bat_export == seq_export
    assert sum('"type": "story"' in line for line in bat_export) > 3


def test_batch_again_over_the_same_store_skips_what_is_stored(tmp_path, inputs):
    store = open_store(str(tmp_path / "again.db"))
    try:
        first = batch_ingest(inputs, store, options=THREADS)
        again = batch_ingest(inputs, store, options=THREADS)
    finally:
        store.close()
    assert first.ingested > 15
    assert (again.ingested, again.count("duplicate"), again.failed) == (0, 0, first.failed)
    assert again.count("unchanged") == first.ingested + first.count("duplicate") + first.count("unchanged")


def test_fsspec_urls_and_globs_are_read(tmp_path, inputs):
    folder = tmp_path / "in"
    local, local_export = ingest_and_export(
        tmp_path, "local", lambda p, s: batch_ingest(p, s, options=THREADS), [str(folder)]
    )
    url = f"file://{folder}/*.*"
    remote, remote_export = ingest_and_export(
        tmp_path, "url", lambda p, s: batch_ingest(p, s, options=THREADS), [url]
    )
    # Ids hash the source, which is now the URL: compare what was read instead.
    assert [r.status for r in remote.results] == [r.status for r in local.results]
    assert [r.error.split(": ", 1)[1] for r in remote.results if r.error] == [
        r.error.split(": ", 1)[1] for r in local.results if r.error
    ]
    assert all(r.source.startswith(f"file://{folder}/") for r in remote.results)
    texts = [[json.loads(line).get("text") for line in lines] for lines in (local_export, remote_export)]
    assert texts[0] == texts[1] and len(texts[0]) > 4


def test_cli_batch_reports_each_bad_input_and_exits_1(tmp_path, inputs):
    folder = tmp_path / "in"
    db = str(tmp_path / "cli.db")
    args = ["batch", str(folder), str(tmp_path / "missing.txt"), "--db", db, "--workers", "1"]
    result = CliRunner().invoke(cli, args)
    errors = [line for line in result.stderr.splitlines() if line.startswith("error: ")]
    assert result.exit_code == 1, result.output
    assert len(errors) == 4
    assert any(e.startswith(f"error: {folder / 'ferries.jsonl'}:2: ") for e in errors)
    assert any(e == f"error: {tmp_path / 'missing.txt'}: no such file or directory" for e in errors)
    assert result.stderr.splitlines()[-1] == "ingested 4, duplicates 1, failed 4"


def test_without_dask_batch_says_what_to_install(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "distributed", None)  # makes `import distributed` fail
    store = open_store(str(tmp_path / "none.db"))
    try:
        with pytest.raises(BatchUnavailable, match=r"pip install -e '\.\[dask\]'"):
            batch_ingest([str(tmp_path)], store)
    finally:
        store.close()


def test_a_stored_web_archive_record_is_named_by_its_url_on_a_second_batch(tmp_path):
    # ingest names an "unchanged" archive record by the page's URL, as when it was stored.
    from .test_intake import build_warc

    body = (
        b"<html><head><title>Harbour cranes idle after a storm</title></head><body><article>"
        b"<p>Cranes at the eastern harbour stood idle on Monday after a storm damaged two of them.</p>"
        b"<p>The port authority said repairs would take about a week.</p></article></body></html>"
    )
    warc = tmp_path / "crawl.warc"
    warc.write_bytes(build_warc([("https://news.example/cranes", "text/html", body)]))
    runs = {}
    for name, run in (("seq", api.ingest), ("batch", lambda p, s: batch_ingest(p, s, options=THREADS))):
        store = open_store(str(tmp_path / f"{name}.db"))
        try:
            first, again = run([str(warc)], store), run([str(warc)], store)
        finally:
            store.close()
        runs[name] = [(r.status, r.source) for r in first.results + again.results]
    assert runs["seq"] == [
        ("ingested", "https://news.example/cranes"),
        ("unchanged", "https://news.example/cranes"),
    ]
    assert runs["batch"] == runs["seq"]
