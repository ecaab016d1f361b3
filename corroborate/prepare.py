"""The per-article work that needs no store: reading an input, cleaning and extracting its items.

Everything here depends on the article alone: cleaning and extraction
(:func:`corroborate.pipeline.run_stages`), the shingles and LSH band keys the
near-duplicate search uses, and the story representation.  So it can run on
other cores while this process stores what came before; the store step
(:func:`corroborate.api.store_prepared`) then takes the :class:`Prepared`
bundles in input order, exactly as it would take bare articles, and writes
the rows they carry without decoding them.

The one place that decides where this runs is :mod:`corroborate.parallel`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from .cluster.represent import DEFAULT_REPRESENTER, ClusterDoc, Representation
from .dedup import band_keys, shingles
from .errors import InputError
from .extract.registry import ArticleEntity
from .intake import read_path
from .model import Article, IngestResult, RawDocument
from .pipeline import article_source, run_stages
from .settings import Settings
from .store import Store
from .store.codec import article_to_row

Item = RawDocument | InputError


#: An article's store row as :func:`corroborate.store.codec.article_to_row` encodes it.
Row = dict[str, Any]


@dataclass(frozen=True)
class Prepared:
    """An article as the store step takes it: what its duplicate checks, entity linking and story
    assignment read, and the article to write.

    From a worker, the article to write is its store row, encoded there: a few strings cross the
    process boundary instead of the Article tree (about 1,200 objects), so the storing process,
    which every article passes through one at a time, neither unpickles nor encodes it. The store
    step fills in only the columns it decides (duplicate_of, entity_ids, story_id).
    """

    #: The article (prepared in the storing process, encoded when written) or its encoded row.
    body: Article | Row
    source: str
    input_hash: str
    content_hash: str
    #: What entity linking reads of the article (:func:`article_entities`).
    entities: tuple[ArticleEntity, ...]
    #: What story assignment reads of it (the store step sets ``duplicate_of``).
    doc: ClusterDoc
    #: Sorted shingle hashes (:func:`corroborate.dedup.shingles`).
    grams: np.ndarray
    #: LSH band keys of those shingles.
    keys: tuple[int, ...]
    #: The lexical story representation (None: computed by the store step).
    representation: Representation | None = None

    @property
    def id(self) -> str:
        return self.doc.id

    @classmethod
    def of(
        cls, article: Article, settings: Settings, represent: bool = False, encode: bool = False
    ) -> Prepared:
        """The bundle for ``article``: with ``represent``, its default lexical representation too;
        with ``encode``, its store row instead of the article (what a worker sends)."""
        grams = shingles(article.text, settings.shingle_words)
        doc = cluster_doc(article)
        rep = _represent(doc) if represent and settings.cluster else None
        body = article_to_row(article) if encode else article
        return cls(body, article.source, article.input_hash, article.content_hash, article_entities(article),
                   doc, grams, tuple(band_keys(grams, settings)), rep)  # fmt: skip

    @classmethod
    def of_row(
        cls, row: Row, entities: tuple[ArticleEntity, ...], grams: np.ndarray, keys: tuple[int, ...],
        representation: Representation | None,
    ) -> Prepared:  # fmt: skip
        """The bundle for an article encoded elsewhere (a batch part), without decoding it."""
        doc = ClusterDoc(
            row["id"], row["title"] or "", row["text"], _day(row["published"]), row["duplicate_of"]
        )
        return cls(row, row["source"], row["input_hash"], row["content_hash"], entities, doc, grams, keys,
                   representation)  # fmt: skip


def article_entities(article: Article) -> tuple[ArticleEntity, ...]:
    """What entity linking takes of an article: its local entities, in order."""
    return tuple(
        ArticleEntity(e.name, e.kind, e.aliases, e.title, e.role, e.mentions, e.gender)
        for e in article.extraction.entities
    )


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
    value: Article | IngestResult, settings: Settings, represent: bool = True, encode: bool = False
) -> Prepared | IngestResult:
    """Add the shingles, band keys and (``represent``) the default lexical representation;
    ``encode``: the article as its store row (see :class:`Prepared`)."""
    return value if isinstance(value, IngestResult) else Prepared.of(value, settings, represent, encode)


def _represent(doc: ClusterDoc) -> Representation | None:
    try:
        return DEFAULT_REPRESENTER.represent(doc)
    except Exception:  # the store step computes it again and reports the failure where ingest would
        return None


def prepare_chunk(items: Sequence[Item], settings: Settings) -> list[Prepared | IngestResult]:
    """What a pool worker runs: every item of a chunk, prepared, precomputed and encoded."""
    return [precompute(prepare_item(item, settings), settings, encode=True) for item in items]


def unchanged(source: str, input_hash: str, store: Store) -> IngestResult | None:
    """The result for input bytes stored before (the work is skipped, not just the write), else None."""
    known = store.article_id_for_input(input_hash) if input_hash else None
    return IngestResult(source, "unchanged", known, duplicate_of=known) if known else None


def cluster_doc(article: Article) -> ClusterDoc:
    """What the story index sees of an article."""
    meta = article.meta
    return ClusterDoc(article.id, meta.title or "", article.text, _day(meta.published), article.duplicate_of)


def _day(published: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(published[:10]) if published else None
    except ValueError:
        return None


Slot = Article | Prepared | IngestResult | None


@dataclass
class InputSlots:
    """One input's results, filled in as its items are prepared (``waiting``: how many are not yet)."""

    path: str
    slots: list[Slot] = field(default_factory=list)
    waiting: int = 0
    #: Whether this is the input's last part (see :func:`read_parts`).
    last: bool = True


def filled(entry: InputSlots) -> list[Article | Prepared | IngestResult]:
    return [slot for slot in entry.slots if slot is not None]


def prepare_input(path: str, store: Store | None, settings: Settings, precomputed: bool) -> InputSlots:
    """Read one input and prepare its new items (``precomputed``: as encoded :class:`Prepared` bundles),
    all in one part: what a worker does with a small one-document file."""
    return _prepare(*next(read_parts(path, store, settings)), settings, precomputed)


def prepare_parts(path: str, store: Store | None, settings: Settings) -> Iterator[InputSlots]:
    """Each part of one input (``settings.transaction_items`` items), prepared, one at a time."""
    for entry, todo in read_parts(path, store, settings, settings.transaction_items):
        yield _prepare(entry, todo, settings, precomputed=False)


def _prepare(
    entry: InputSlots, todo: list[tuple[int, Item]], settings: Settings, precomputed: bool
) -> InputSlots:
    for position, item in todo:
        value = prepare_item(item, settings)
        entry.slots[position] = precompute(value, settings, encode=True) if precomputed else value
    entry.waiting = 0
    return entry


def read_parts(
    path: str, store: Store | None, settings: Settings, part_items: int | None = None
) -> Iterator[tuple[InputSlots, list[tuple[int, Item]]]]:
    """An input's items in parts of at most ``part_items`` (None: one part), each stored in its own
    transaction: each part's entry with the slots known at once (failures, unchanged bytes) and
    the items to prepare. A part is read when the one before it has been taken."""
    try:
        items = read_path(path, settings)
    except InputError as exc:
        yield InputSlots(path, [failure(exc)]), []
        return
    size = max(part_items or len(items), 1)
    for start in range(0, max(len(items), 1), size):  # an input without items: one empty part
        entry, todo = _read_part(path, items[start : start + size], store)
        entry.last = start + size >= len(items)
        yield entry, todo


def _read_part(
    path: str, items: Sequence[Item], store: Store | None
) -> tuple[InputSlots, list[tuple[int, Item]]]:
    entry = InputSlots(path)
    todo = []
    for position, item in enumerate(items):
        known = (
            failure(item)
            if isinstance(item, InputError)
            else unchanged(article_source(item), item.input_hash, store)
            if store is not None
            else None
        )
        entry.slots.append(known)
        if known is None:
            todo.append((position, item))
    entry.waiting = len(todo)
    return entry, todo
