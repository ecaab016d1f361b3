"""Batch ingest on Dask: the per-article stages in parallel, the store step in input order.

    corroborate batch 'corpus/**/*.html' s3://bucket/dump/*.jsonl.gz --workers 4

1. read: consecutive inputs form shards; a worker reads (decodes, detects, parses) each shard
   into a Parquet file, one row per article, one row group per partition;
2. prepare: a worker runs the per-article stages (clean with metadata, segment, extract) and the
   story representation on each partition, into a Parquet part (:mod:`corroborate.batch_io`);
3. store: this process reads the parts back in input order and stores each input in one
   transaction through the same function ``ingest`` uses (:func:`corroborate.api.store_prepared`).
   Dedup, entity linking and story assignment depend on everything stored before, so they stay
   sequential, and the store ends up as ``ingest`` would leave it for the same inputs.

Reading runs ahead of preparing, and storing overlaps both: a partition is submitted as soon
as its shard has been read, and the store step waits only for the next partition in order.
The cluster is a local one (loopback only, no dashboard) unless ``scheduler`` names one; with
workers on other machines, ``work_dir`` must be storage they and this machine share (any
fsspec URL, e.g. ``s3://bucket/tmp``).
"""

from __future__ import annotations

import dataclasses
import itertools
import logging
import math
import os
import shutil
import tempfile
import uuid
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from . import api
from .batch_io import PreparedRow, ShardInput, expand_batch_inputs, prepare_part, read_part, read_shard
from .cluster.represent import is_default_representer
from .corpus import Corpus
from .errors import CorroborateError, InputError
from .intake.paths import STDIN, read_input_bytes
from .model import IngestResult
from .settings import DEFAULT_SETTINGS, Settings
from .store import Store

INSTALL_HINT = "batch processing needs the dask extra: pip install -e '.[dask]'"


@dataclass(frozen=True)
class BatchOptions:
    #: a dask.distributed scheduler address (tcp://host:8786); None starts a local cluster
    scheduler: str | None = None
    #: worker processes of the local cluster (one thread each: the stages are pure Python)
    workers: int = max(1, os.cpu_count() or 1)
    #: articles per task and per Parquet part; also inputs per read shard
    partition_size: int = 100
    #: where the Parquet files go (path or fsspec URL); None is a temporary folder, removed after
    work_dir: str | None = None
    #: False runs the local workers as threads of this process (tests)
    processes: bool = True

    def with_workers(self, workers: int) -> BatchOptions:
        return dataclasses.replace(self, workers=workers)


class BatchUnavailable(CorroborateError):
    """The optional Dask dependencies are not installed."""


def batch_ingest(
    paths: Sequence[str],
    store: Store,
    settings: Settings = DEFAULT_SETTINGS,
    options: BatchOptions = BatchOptions(),
    on_result: Callable[[IngestResult], Any] | None = None,
) -> api.IngestSummary:
    """Ingest files, directories, globs, fsspec URLs or "-" into ``store`` on a Dask cluster."""
    _require_dask()
    shards = _shards(expand_batch_inputs(paths), options.partition_size, settings)
    summary = api.IngestSummary()
    corpus = Corpus(store)
    # The workers' representation is used only if this index represents articles the same way.
    represent = is_default_representer(corpus.stories.representer)
    with _client(options) as client, _work_dir(options.work_dir) as work:
        rows = _Partitions(client, work, settings, options.partition_size, represent).rows(shards)
        for _, group in itertools.groupby(rows, key=lambda row: row.input):
            for part in _parts(group, settings):
                for result in _store_input(part, corpus, settings):
                    summary.results.append(result)
                    if on_result:
                        on_result(result)
    return summary


def _require_dask() -> None:
    try:
        import dask.bag  # noqa: F401
        import distributed  # noqa: F401
        import fsspec  # noqa: F401
        import pyarrow  # noqa: F401
    except ImportError as exc:
        raise BatchUnavailable(f"{INSTALL_HINT} ({exc})") from exc


def _parts(rows: Iterable[PreparedRow], settings: Settings) -> Iterator[list[PreparedRow]]:
    """One input's rows, ``settings.transaction_items`` at a time: one transaction each, as ``ingest``."""
    it = iter(rows)
    while part := list(itertools.islice(it, settings.transaction_items)):
        yield part


def _store_input(rows: list[PreparedRow], corpus: Corpus, settings: Settings) -> list[IngestResult]:
    """One input's prepared items, stored as ``ingest_file`` stores them (bytes seen before are skipped)."""
    prepared = [api.unchanged(row.source, row.input_hash, corpus.store) or row.value for row in rows]
    return api.store_prepared(prepared, corpus, settings)


def _shards(inputs: list[str], size: int, settings: Settings) -> list[list[ShardInput]]:
    """Consecutive inputs, ``size`` to a shard; stdin is read here, since workers cannot see it."""
    entries = [
        _stdin_entry(i, settings) if path == STDIN else ShardInput(i, path) for i, path in enumerate(inputs)
    ]
    return [entries[start : start + size] for start in range(0, len(entries), size)]


def _stdin_entry(index: int, settings: Settings) -> ShardInput:
    try:
        data, source = read_input_bytes(STDIN, settings)
    except InputError as exc:
        return ShardInput(index, exc.source, error=exc.reason)
    return ShardInput(index, source, data)


@contextmanager
def _client(options: BatchOptions) -> Iterator[Any]:
    from distributed import Client, LocalCluster

    if options.scheduler:
        with Client(options.scheduler) as client:
            yield client
        return
    # Loopback only; threads talk in-process and take no host.
    where = {"host": "127.0.0.1"} if options.processes else {}
    cluster = LocalCluster(n_workers=options.workers, threads_per_worker=1, processes=options.processes,
                           dashboard_address=None, silence_logs=logging.ERROR, **where)  # fmt: skip
    with cluster, Client(cluster) as client:
        yield client


@dataclass(frozen=True)
class _WorkDir:
    root: str

    def raw(self, shard: int) -> str:
        return f"{self.root}/raw-{shard:05d}.parquet"

    def part(self, shard: int, group: int) -> str:
        return f"{self.root}/part-{shard:05d}-{group:05d}.parquet"


@contextmanager
def _work_dir(work_dir: str | None) -> Iterator[_WorkDir]:
    """A given folder keeps its Parquet files (in a fresh run-* subfolder); a temporary one is removed."""
    if work_dir is None:
        root = tempfile.mkdtemp(prefix="corroborate-batch-")
        try:
            yield _WorkDir(root)
        finally:
            shutil.rmtree(root, ignore_errors=True)
        return
    import fsspec

    fs, path = fsspec.core.url_to_fs(work_dir)
    run = f"{path.rstrip('/')}/run-{uuid.uuid4().hex[:12]}"
    fs.makedirs(run, exist_ok=True)
    yield _WorkDir(fs.unstrip_protocol(run) if "://" in work_dir else run)


class _Partitions:
    """Submits reads, then each shard's partitions as soon as its read is done; yields rows in order."""

    def __init__(self, client: Any, work: _WorkDir, settings: Settings, size: int, represent: bool) -> None:
        self.client, self.work, self.settings, self.size = client, work, settings, size
        self.represent = represent
        self.reads: dict[int, Any] = {}
        self.planned: dict[int, list[Any]] = {}

    def rows(self, shards: list[list[ShardInput]]) -> Iterator[PreparedRow]:
        for s, shard in enumerate(shards):
            self.reads[s] = self.client.submit(read_shard, shard, self.settings, self.work.raw(s), self.size,
                                               pure=False)  # fmt: skip
        for s in range(len(shards)):
            for future in self._parts_of(s):
                yield from read_part(self._result(future))

    def _parts_of(self, shard: int) -> list[Any]:
        while shard not in self.planned:
            self._plan_finished_reads()
            if shard not in self.planned:
                self._wait_any([])
        return self.planned.pop(shard)

    def _result(self, future: Any) -> str:
        while not future.done():
            self._plan_finished_reads()
            self._wait_any([future])
        self._plan_finished_reads()
        return str(future.result())

    def _wait_any(self, futures: list[Any]) -> None:
        from distributed import wait

        pending = [*futures, *self.reads.values()]
        if pending:
            wait(pending, return_when="FIRST_COMPLETED")

    def _plan_finished_reads(self) -> None:
        """Partitions of every shard read so far; they go before the reads still queued (priority)."""
        for shard, read in list(self.reads.items()):
            if not read.done():
                continue
            rows = int(read.result())  # a worker's exception is raised here
            del self.reads[shard]
            self.planned[shard] = [
                self.client.submit(
                    prepare_part,
                    self.work.raw(shard),
                    group,
                    self.work.part(shard, group),
                    self.settings,
                    self.represent,
                    priority=1,
                    pure=False,
                )
                for group in range(math.ceil(rows / self.size))
            ]
