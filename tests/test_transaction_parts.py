"""A big input is stored in parts of ``transaction_items`` items, one transaction each, so
memory stays bounded; the store ends up as with one transaction, with or without workers."""

from __future__ import annotations

import json

import pytest

from corroborate import api
from corroborate.settings import Settings

from .helpers import ingest_and_export, mixed_inputs, outcomes

SMALL_PARTS = Settings(transaction_items=2)


TOWNS = ["Arlen", "Brisko", "Cadwy", "Dunmore", "Eskett"]
TRADES = ["bakers", "ferrymen", "nurses", "masons", "weavers"]


def _note(k: int) -> str:
    town, trade = TOWNS[k], TRADES[k]
    return (f"The {trade} of {town} voted on Monday to strike over pay. {town} council said talks "
            f"with the {trade} would resume next week. A union official in {town} said {k + 3} "
            f"branches backed the {trade}' walkout.")  # fmt: skip


def _notes(tmp_path, count: int = 5) -> str:
    path = tmp_path / "notes.jsonl"
    lines = [json.dumps({"id": f"n{k}", "title": f"{TOWNS[k]} {TRADES[k]} strike", "text": _note(k)})
             for k in range(count)]  # fmt: skip
    path.write_text("\n".join(lines) + "\n")
    return str(path)


@pytest.mark.parametrize("workers", [1, 2])
def test_a_big_input_is_stored_in_parts_and_reported_as_one_input(tmp_path, workers, monkeypatch):
    store = api.open_store(str(tmp_path / f"parts{workers}.db"))
    commits: list[int] = []
    real = api.store_prepared

    def counted(prepared, corpus, settings):  # one transaction per call
        results = real(prepared, corpus, settings)
        commits.append(store.count_articles())
        return results

    monkeypatch.setattr(api, "store_prepared", counted)
    try:
        inputs = list(api.ingest_inputs([_notes(tmp_path)], store, SMALL_PARTS, workers=workers))
    finally:
        store.close()
    assert [[r.status for r in results] for results in inputs] == [["ingested"] * 5]
    assert commits == [2, 4, 5]  # one transaction per 2 items, each committed before the next


@pytest.mark.parametrize("workers", [1, 2])
def test_parts_store_what_one_transaction_stores(tmp_path, workers):
    paths = mixed_inputs(tmp_path)
    whole, whole_export = ingest_and_export(tmp_path, "whole", api.ingest, paths)
    parts, parts_export = ingest_and_export(
        tmp_path, f"parts{workers}", lambda p, s: api.ingest(p, s, SMALL_PARTS, workers=workers), paths
    )
    assert outcomes(parts) == outcomes(whole)
    assert parts_export == whole_export


def test_a_failed_part_keeps_the_parts_before_it_and_a_rerun_adds_the_rest(tmp_path, monkeypatch):
    notes = _notes(tmp_path)
    store = api.open_store(str(tmp_path / "resume.db"))
    real, calls = type(store).add_article, []

    def add_article(self, article, keys):
        calls.append(article.id)
        if len(calls) == 3:  # the first item of the second part
            raise OSError("disk full")
        return real(self, article, keys)

    try:
        monkeypatch.setattr(type(store), "add_article", add_article)
        with pytest.raises(OSError):
            api.ingest([notes], store, SMALL_PARTS)
        assert store.count_articles() == 2
        monkeypatch.setattr(type(store), "add_article", real)
        again = api.ingest([notes], store, SMALL_PARTS)
        assert [r.status for r in again.results] == ["unchanged"] * 2 + ["ingested"] * 3
        assert store.count_articles() == 5
    finally:
        store.close()


def test_batch_stores_big_inputs_in_the_same_parts_as_ingest(tmp_path, monkeypatch):
    batch = pytest.importorskip("corroborate.batch")
    pytest.importorskip("distributed")
    notes = _notes(tmp_path)
    options = batch.BatchOptions(workers=1, processes=False)
    store = api.open_store(str(tmp_path / "batch.db"))
    sizes: list[int] = []
    real = api.store_prepared

    def counted(prepared, corpus, settings):
        sizes.append(len(prepared))
        return real(prepared, corpus, settings)

    monkeypatch.setattr(api, "store_prepared", counted)
    try:
        summary = batch.batch_ingest([notes], store, SMALL_PARTS, options)
        export = [json.dumps(r, sort_keys=True) for r in api.export_records(store)]
    finally:
        store.close()
    assert sizes == [2, 2, 1]
    one, one_export = ingest_and_export(tmp_path, "one", lambda p, s: api.ingest(p, s, SMALL_PARTS), [notes])
    assert outcomes(summary) == outcomes(one)
    assert export == one_export
