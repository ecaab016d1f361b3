"""The per-article work that needs no store, for one item or on a pool of processes.

Everything here depends on the article alone: cleaning and extraction
(:func:`corroborate.pipeline.run_stages`), the shingles and LSH band keys the
near-duplicate search uses, and the story representation.  So it can run on
other cores while this process stores what came before; the store step
(:func:`corroborate.api.store_prepared`) then takes the :class:`Prepared`
bundles in input order, exactly as it would take bare articles.

:func:`prepared_inputs` keeps at most a few chunks in flight per worker, so
memory stays flat however many inputs there are, and yields each input's
results in input order, which keeps ingest deterministic.
"""

from __future__ import annotations

import datetime as dt
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from functools import partial

import numpy as np

from .cluster.represent import DEFAULT_REPRESENTER, ClusterDoc, Representation
from .dedup import band_keys, shingles
from .errors import InputError
from .intake import read_path
from .model import Article, IngestResult, RawDocument
from .pipeline import article_source, run_stages
from .settings import Settings
from .store import Store
from .workers import ordered_map, process_pool

Item = RawDocument | InputError


@dataclass(frozen=True)
class Prepared:
    """An article plus what the store step would otherwise compute from it."""

    article: Article
    #: Sorted shingle hashes (:func:`corroborate.dedup.shingles`).
    grams: np.ndarray
    #: LSH band keys of those shingles.
    keys: tuple[int, ...]
    #: The lexical story representation (None: computed by the store step).
    representation: Representation | None = None

    @classmethod
    def of(cls, article: Article, settings: Settings, represent: bool = False) -> Prepared:
        """The bundle for ``article``; with ``represent``, its default lexical representation too."""
        grams = shingles(article.text, settings.shingle_words)
        rep = _represent(article) if represent and settings.cluster else None
        return cls(article, grams, tuple(band_keys(grams, settings)), rep)


def failure(error: InputError) -> IngestResult:
    """The result of an input or item that could not be read or cleaned."""
    return IngestResult(error.source, "failed", error=str(error))


def prepare_item(item: Item, settings: Settings) -> Article | IngestResult:
    """The pure per-article stages on one item read from an input; a failure becomes a result."""
    if isinstance(item, InputError):
        return failure(item)
    try:
        return run_stages(item, settings)
    except Exception as exc:  # a bug on odd text must not sink the other articles
        return failure(
            InputError(item.source, f"could not clean this article ({type(exc).__name__}: {exc})", item.line)
        )


def precompute(
    value: Article | IngestResult, settings: Settings, represent: bool = True
) -> Prepared | IngestResult:
    """Add the shingles, band keys and (``represent``) the default lexical representation."""
    return value if isinstance(value, IngestResult) else Prepared.of(value, settings, represent)


def _represent(article: Article) -> Representation | None:
    try:
        return DEFAULT_REPRESENTER.represent(cluster_doc(article))
    except Exception:  # the store step computes it again and reports the failure where ingest would
        return None


def prepare_chunk(items: Sequence[Item], settings: Settings) -> list[Prepared | IngestResult]:
    """What a pool worker runs: every item of a chunk, prepared and precomputed."""
    return [precompute(prepare_item(item, settings), settings) for item in items]


def unchanged(source: str, input_hash: str, store: Store) -> IngestResult | None:
    """The result for input bytes stored before (the work is skipped, not just the write), else None."""
    known = store.article_id_for_input(input_hash) if input_hash else None
    return IngestResult(source, "unchanged", known, duplicate_of=known) if known else None


def cluster_doc(article: Article) -> ClusterDoc:
    """What the story index sees of an article."""
    published = article.meta.published
    try:
        day = dt.date.fromisoformat(published[:10]) if published else None
    except ValueError:
        day = None
    return ClusterDoc(article.id, article.meta.title or "", article.text, day, article.duplicate_of)


Slot = Article | Prepared | IngestResult | None


@dataclass
class _Input:
    """One input's results, filled in as the chunks holding its items come back."""

    path: str
    slots: list[Slot] = field(default_factory=list)
    waiting: int = 0


@dataclass
class _Chunk:
    items: list[Item] = field(default_factory=list)
    targets: list[tuple[_Input, int]] = field(default_factory=list)


def _read(path: str, store: Store, settings: Settings) -> tuple[_Input, list[tuple[int, Item]]]:
    """An input's entry with the slots known at once (failures, unchanged bytes) and the items to prepare."""
    entry = _Input(path)
    try:
        items = read_path(path, settings)
    except InputError as exc:
        entry.slots.append(failure(exc))
        return entry, []
    todo = []
    for position, item in enumerate(items):
        known = (
            failure(item)
            if isinstance(item, InputError)
            else unchanged(article_source(item), item.input_hash, store)
        )
        entry.slots.append(known)
        if known is None:
            todo.append((position, item))
    entry.waiting = len(todo)
    return entry, todo


def prepared_inputs(
    paths: Iterable[str], store: Store, settings: Settings, workers: int = 1, chunk_size: int = 8
) -> Iterator[tuple[str, list[Article | Prepared | IngestResult]]]:
    """Each input's prepared items, in input order; ``workers`` > 1 prepares on that many processes."""
    if workers <= 1:
        for path in paths:
            entry, todo = _read(path, store, settings)
            for position, item in todo:
                entry.slots[position] = prepare_item(item, settings)
            yield path, _filled(entry)
        return
    with process_pool(workers) as pool:
        yield from _OrderedPool(settings, chunk_size).run(pool, paths, store, in_flight=workers * 2)


def _filled(entry: _Input) -> list[Article | Prepared | IngestResult]:
    return [slot for slot in entry.slots if slot is not None]


class _OrderedPool:
    """Chunks of items out to the pool, each input back, in order, once all its items are."""

    def __init__(self, settings: Settings, chunk_size: int) -> None:
        self.settings, self.chunk_size = settings, chunk_size
        self.inputs: deque[_Input] = deque()

    def run(
        self, pool: ProcessPoolExecutor, paths: Iterable[str], store: Store, in_flight: int
    ) -> Iterator[tuple[str, list[Article | Prepared | IngestResult]]]:
        work = partial(prepare_chunk, settings=self.settings)
        for chunk, results in ordered_map(pool, work, self._chunks(paths, store), in_flight):
            for (entry, position), result in zip(chunk.targets, results, strict=True):
                entry.slots[position] = result
                entry.waiting -= 1
            yield from self._ready()
        yield from self._ready()

    def _chunks(self, paths: Iterable[str], store: Store) -> Iterator[tuple[_Chunk, list[Item]]]:
        chunk = _Chunk()
        for path in paths:
            entry, todo = _read(path, store, self.settings)
            self.inputs.append(entry)
            for position, item in todo:
                chunk.items.append(item)
                chunk.targets.append((entry, position))
                if len(chunk.items) >= self.chunk_size:
                    yield chunk, chunk.items
                    chunk = _Chunk()
        if chunk.items:
            yield chunk, chunk.items

    def _ready(self) -> Iterator[tuple[str, list[Article | Prepared | IngestResult]]]:
        while self.inputs and self.inputs[0].waiting == 0:
            entry = self.inputs.popleft()
            yield entry.path, _filled(entry)
