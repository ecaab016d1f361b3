"""Ingest's per-article work on a pool of processes, each input handed back in input order.

A file holding one document (a web page, a text) goes to a worker whole, with a few others:
it reads it (decoding, HTML boilerplate extraction), checks its own connection to the store
for input stored before, and prepares the new items.  Any other input (JSONL, WARC, feeds, anything
gzipped, stdin, files over 1 MB) is read here and its items go out in chunks, so one big
file still uses every worker and a Ctrl-C never waits for a whole file.  At
most ``in_flight`` tasks are out at once, so memory stays flat however many inputs there
are.  The store step then takes each input in order (:func:`corroborate.api.store_prepared`)
and checks again for input stored before, so the store is the same with one worker or many.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import partial
from multiprocessing.util import Finalize
from typing import Any

from .errors import CorroborateError
from .intake.detect import is_gzip, is_warc, sniff_text
from .intake.paths import STDIN
from .model import Article, IngestResult
from .prepare import (
    InputSlots,
    Item,
    Prepared,
    filled,
    prepare_chunk,
    prepare_input,
    prepare_parts,
    read_parts,
)
from .settings import Settings
from .store import Store, open_store
from .workers import ordered_map, process_pool

#: What one item of an input becomes: an article to store (bare or with its precomputed parts) or a result.
Outcome = Article | Prepared | IngestResult

#: One-document files up to this size are read by a worker; anything else here, its items sent out in chunks.
WORKER_READ_BYTES = 1 << 20


#: One part of an input (``InputSlots.last`` marks an input's last part) with its prepared items.
ReadyPart = tuple[InputSlots, list[Outcome]]


def prepared_inputs(
    paths: Iterable[str], store: Store, settings: Settings, workers: int = 1, chunk_size: int = 8
) -> Iterator[ReadyPart]:
    """Each input's prepared items, in input order, part by part; ``workers`` > 1 prepares on that
    many processes."""
    for batch in prepared_batches(paths, store, settings, workers, chunk_size):
        yield from batch


def prepared_batches(
    paths: Iterable[str], store: Store, settings: Settings, workers: int = 1, chunk_size: int = 8
) -> Iterator[list[ReadyPart]]:
    """The parts of :func:`prepared_inputs`, in order, in batches the store step may take in one
    transaction: one part each in this process; with workers, the parts a task's results
    completed together (often a task's ``chunk_size`` small files), up to
    ``settings.transaction_items`` items. Nothing in a batch waits for a worker, so a
    transaction never holds the store's write lock while this process waits."""
    if workers <= 1:
        for path in paths:
            for part in prepare_parts(path, store, settings):
                yield [(part, filled(part))]
        return
    with process_pool(workers, _open_worker_store, (store.reopen_target,)) as pool:
        for ready in _Ordered(store, settings, chunk_size).run(pool, paths, in_flight=workers * 2):
            yield from _capped(ready, settings.transaction_items)


def _capped(ready: list[ReadyPart], max_items: int) -> Iterator[list[ReadyPart]]:
    """``ready`` in consecutive batches of at most ``max_items`` items (a bigger part alone)."""
    batch: list[ReadyPart] = []
    items = 0
    for part in ready:
        if batch and items + len(part[1]) > max_items:
            yield batch
            batch, items = [], 0
        batch.append(part)
        items += len(part[1])
    if batch:
        yield batch


@dataclass
class _Task:
    """Small files for a worker to read whole (``paths``), or items read here (``items``)."""

    paths: list[str] = field(default_factory=list)
    items: list[Item] = field(default_factory=list)
    #: Where each result goes: an input's entry and the item's position there (-1: the whole input).
    targets: list[tuple[InputSlots, int]] = field(default_factory=list)


class _Ordered:
    """Tasks out to the pool, each input back, in order, once all its items are."""

    def __init__(self, store: Store, settings: Settings, chunk_size: int) -> None:
        self.store, self.settings, self.chunk_size = store, settings, chunk_size
        self.inputs: deque[InputSlots] = deque()

    def run(self, pool: Any, paths: Iterable[str], in_flight: int) -> Iterator[list[ReadyPart]]:
        """The inputs (or parts) each task's results completed, in input order."""
        work = partial(_work, settings=self.settings)
        here = partial(_here, store=self.store, settings=self.settings)
        tasks = ((t, (t.paths, t.items)) for t in self._tasks(paths))  # only the payload travels
        for task, results in ordered_map(pool, work, tasks, in_flight, here):
            self._fill(task, results)
            ready = list(self._ready())
            if ready:
                yield ready
        ready = list(self._ready())
        if ready:
            yield ready

    def _tasks(self, paths: Iterable[str]) -> Iterator[_Task]:
        # Small files go ``chunk_size`` to a task: each task costs this process, which stores every
        # article, about as much CPU as the hand-over of a small article.
        files = _Task()
        for path in paths:
            if _worker_reads(path):
                entry = InputSlots(path, waiting=1)
                self.inputs.append(entry)
                files.paths.append(path)
                files.targets.append((entry, -1))
                if len(files.paths) >= self.chunk_size:
                    yield files
                    files = _Task()
                continue
            if files.paths:  # sent now: they come before this input, which may be long to read
                yield files
                files = _Task()
            yield from self._chunks(path)
        if files.paths:
            yield files

    def _chunks(self, path: str) -> Iterator[_Task]:
        """An input read here, its items ``chunk_size`` to a task, handed back in parts (one
        transaction each)."""
        chunk = _Task()
        for entry, todo in read_parts(path, self.store, self.settings, self.settings.transaction_items):
            self.inputs.append(entry)
            for position, item in todo:
                chunk.items.append(item)
                chunk.targets.append((entry, position))
                if len(chunk.items) >= self.chunk_size:
                    yield chunk
                    chunk = _Task()
        if chunk.items:  # sent now: later inputs must not wait behind this one's last items
            yield chunk

    @staticmethod
    def _fill(task: _Task, results: list[Any]) -> None:
        for (entry, position), result in zip(task.targets, results, strict=True):
            if position < 0:
                entry.slots, entry.waiting = result, 0
            else:
                entry.slots[position] = result
                entry.waiting -= 1

    def _ready(self) -> Iterator[ReadyPart]:
        while self.inputs and self.inputs[0].waiting == 0:
            entry = self.inputs.popleft()
            yield entry, filled(entry)


def _worker_reads(path: str) -> bool:
    """Whether ``path`` is a small file of one document (text or a web page), by its first bytes."""
    try:
        if path == STDIN or not os.path.isfile(path) or os.path.getsize(path) > WORKER_READ_BYTES:
            return False
        with open(path, "rb") as handle:
            head = handle.read(_SNIFF_BYTES)
    except OSError:  # gone or unreadable: read here, where the error is reported
        return False
    if not head or is_gzip(head) or is_warc(head):
        return False
    return sniff_text(head.decode("utf-8", "replace")) in ("text", "html")


#: How much of a file decides where it is read (the reading itself always sees the whole file).
_SNIFF_BYTES = 16384


#: A worker's own store connection, for the "stored before" check (None: not reopenable).
_WORKER_STORE: dict[str, Store | None] = {}


def _open_worker_store(target: str | None) -> None:
    try:
        store = open_store(target) if target else None
    except CorroborateError:  # the check is only a shortcut: the store step checks again
        store = None
    if store is not None:
        Finalize(store, store.close, exitpriority=10)  # closed when the worker exits
    _WORKER_STORE["store"] = store


Payload = tuple[list[str], list[Item]]


def _work(payload: Payload, settings: Settings) -> list[Any]:
    """What a worker runs: small files read whole (each one's slots), or items read by the parent."""
    paths, items = payload
    if paths:
        store = _WORKER_STORE.get("store")
        return [prepare_input(path, store, settings, precomputed=True).slots for path in paths]
    return prepare_chunk(items, settings)


def _here(payload: Payload, store: Store, settings: Settings) -> list[Any]:
    """The same, in this process, once the pool broke."""
    paths, items = payload
    if paths:
        return [prepare_input(path, store, settings, precomputed=True).slots for path in paths]
    return prepare_chunk(items, settings)
