"""What batch workers run, and the Parquet files they hand each other (:mod:`corroborate.batch`).

Two kinds of task, both pure functions of their arguments (no store, no shared state):

* :func:`read_shard` reads consecutive inputs (decode, detect, parse) and writes their items
  to ``raw-NNNNN.parquet``, one row per item, one row group per partition;
* :func:`prepare_part` runs the per-article stages (clean with metadata, segment, extract),
  the near-duplicate shingles and band keys, and the story representation on one row group, and writes ``part-NNNNN-NNNNN.parquet``.

A row holds its input's number, its item number and one JSON record; articles use the store's
row codec (:mod:`corroborate.store.codec`), and the driver stores those rows as they are, without
decoding them. JSON escapes lone surrogates (from undecodable bytes or file names), which Parquet
strings could not hold.
"""

from __future__ import annotations

import dataclasses
import glob
import json
import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from .cluster.represent import Representation
from .errors import InputError
from .extract.registry import ArticleEntity
from .intake import expand_inputs, read_bytes, read_path
from .intake.common import check_size
from .intake.paths import STDIN
from .model import IngestResult, RawDocument, SourceMeta
from .pipeline import article_source
from .prepare import Prepared, precompute, prepare_item
from .settings import Settings

Item = RawDocument | InputError


@dataclass(frozen=True)
class ShardInput:
    """One input of a shard: its number in the whole batch, its path or URL, and for stdin its bytes."""

    index: int
    path: str
    data: bytes | None = None
    #: why the input could not even be handed to a worker (stdin unreadable or over the size limit)
    error: str | None = None


@dataclass(frozen=True)
class PreparedRow:
    """One prepared item as the driver reads it back, in input order."""

    input: int
    #: the item's source and input hash as read, for the "unchanged" check before storing
    source: str
    input_hash: str
    value: Prepared | IngestResult


# ------------------------------------------------------------------ inputs


def is_url(path: str) -> bool:
    return "://" in path


def expand_batch_inputs(args: Sequence[str]) -> list[str]:
    """Each input once, in a stable order: local paths as ``ingest`` expands them, URLs through fsspec."""
    out: list[str] = []
    seen: set[str] = set()
    for arg in args:
        for path in _expand_url(arg) if is_url(arg) else expand_inputs([arg]):
            if path == STDIN or path not in seen:
                seen.add(path)
                out.append(path)
    return out


def _expand_url(url: str) -> list[str]:
    """Files under a URL, glob or prefix; a URL that cannot be listed is kept so its read reports why."""
    import fsspec

    try:
        fs, root = fsspec.core.url_to_fs(url)
        if glob.has_magic(root):
            found = [p for p in sorted(fs.glob(root)) if not fs.isdir(p)]
        elif fs.isdir(root):
            found = sorted(fs.find(root))
        else:
            return [url]
    except Exception:  # missing backend (s3fs...), credentials, network: the reader says which
        return [url]
    visible = [p for p in found if not os.path.basename(p).startswith(".")]
    return [fs.unstrip_protocol(p) for p in visible] or [url]


def read_input(entry: ShardInput, settings: Settings) -> list[Item]:
    """One input's items; a failure of the whole input is its only item, as ``ingest`` reports it."""
    if entry.error is not None:
        return [InputError(entry.path, entry.error)]
    try:
        if entry.data is not None:
            return read_bytes(entry.data, entry.path, settings)
        if is_url(entry.path):
            return read_bytes(_url_bytes(entry.path, settings), entry.path, settings)
        return read_path(entry.path, settings)
    except InputError as exc:
        return [exc]


def _url_bytes(url: str, settings: Settings) -> bytes:
    import fsspec

    try:
        with fsspec.open(url, "rb") as handle:
            data = handle.read(settings.max_file_bytes + 1)
    except FileNotFoundError as exc:
        raise InputError(url, "no such file or object") from exc
    except (ImportError, ValueError) as exc:  # no backend for this scheme
        raise InputError(url, f"cannot open this URL ({exc})") from exc
    except OSError as exc:
        raise InputError(url, f"cannot read: {exc.strerror or exc}") from exc
    check_size(len(data), settings, url)
    return data


# ------------------------------------------------------------------ records


def _item_record(item: Item) -> dict[str, Any]:
    if isinstance(item, InputError):
        return {"error": item.reason, "source": item.source, "line": item.line}
    return {"raw": dataclasses.asdict(item)}


def _record_item(record: dict[str, Any]) -> Item:
    if "error" in record:
        return InputError(record["source"], record["error"], record["line"])
    raw = record["raw"]
    return RawDocument(**{**raw, "meta": SourceMeta(**raw["meta"])})


def _prepared_record(item: Item, value: Prepared | IngestResult) -> dict[str, Any]:
    # An archive record is named by its URL, as ``ingest`` names it (not by the archive's path).
    source, input_hash = (
        (article_source(item), item.input_hash) if isinstance(item, RawDocument) else (item.source, "")
    )
    out: dict[str, Any] = {"source": source, "input_hash": input_hash}
    if isinstance(value, IngestResult):
        out["result"] = dataclasses.asdict(value)
        return out
    out.update(article=value.body, entities=[_entity_fields(e) for e in value.entities],
               grams=value.grams.tolist(), keys=list(value.keys))  # fmt: skip
    rep = value.representation
    if rep is not None:
        out["representation"] = [list(rep.terms.items()), rep.length, rep.dense]
    return out


def prepared_row(input_index: int, record: dict[str, Any]) -> PreparedRow:
    if "result" in record:
        return PreparedRow(
            input_index, record["source"], record["input_hash"], IngestResult(**record["result"])
        )
    rep = record.get("representation")
    representation = Representation(dict(rep[0]), rep[1], tuple(rep[2]) if rep[2] else None) if rep else None
    grams = np.array(record["grams"], dtype=np.uint32)
    entities = tuple(_entity(fields) for fields in record["entities"])
    value = Prepared.of_row(record["article"], entities, grams, tuple(record["keys"]), representation)
    return PreparedRow(input_index, record["source"], record["input_hash"], value)


def _entity_fields(e: ArticleEntity) -> list[Any]:
    return [e.name, e.kind, list(e.aliases), e.title, e.role, e.mentions, e.gender]


def _entity(v: list[Any]) -> ArticleEntity:
    return ArticleEntity(v[0], v[1], tuple(v[2]), v[3], tuple(v[4]) if v[4] else None, v[5], v[6])


# ------------------------------------------------------------------ Parquet


def _write(url: str, inputs: list[int], items: list[int], records: list[str], group_rows: int) -> None:
    import fsspec
    import pyarrow as pa
    import pyarrow.parquet as pq

    table = pa.table(
        {"input": pa.array(inputs, pa.int32()), "item": pa.array(items, pa.int32()),
         "record": pa.array(records, pa.string())}
    )  # fmt: skip
    with fsspec.open(url, "wb") as handle:
        pq.write_table(table, handle, row_group_size=max(1, group_rows), compression="zstd")


def _read(url: str, group: int | None = None) -> Iterator[tuple[int, int, dict[str, Any]]]:
    import fsspec
    import pyarrow.parquet as pq

    with fsspec.open(url, "rb") as handle:
        parquet = pq.ParquetFile(handle)
        table = parquet.read() if group is None else parquet.read_row_group(group)
    columns = table.to_pydict()
    for i, j, record in zip(columns["input"], columns["item"], columns["record"], strict=True):
        yield i, j, json.loads(record)


def read_shard(shard: Sequence[ShardInput], settings: Settings, url: str, group_rows: int) -> int:
    """Read the shard's inputs into ``url`` (one row group per ``group_rows`` items); the row count."""
    inputs: list[int] = []
    items: list[int] = []
    records: list[str] = []
    for entry in shard:
        for number, item in enumerate(read_input(entry, settings)):
            inputs.append(entry.index)
            items.append(number)
            records.append(json.dumps(_item_record(item)))
    if records:
        _write(url, inputs, items, records, group_rows)
    return len(records)


def prepare_part(raw_url: str, group: int, url: str, settings: Settings, represent: bool = True) -> str:
    """Run the per-article stages on one row group of a shard; the URL of the part written."""
    inputs: list[int] = []
    items: list[int] = []
    records: list[str] = []
    for i, j, record in _read(raw_url, group):
        item = _record_item(record)
        value = precompute(prepare_item(item, settings), settings, represent, encode=True)
        inputs.append(i)
        items.append(j)
        records.append(json.dumps(_prepared_record(item, value)))
    _write(url, inputs, items, records, len(records))
    return url


def read_part(url: str) -> Iterator[PreparedRow]:
    for i, _, record in _read(url):
        yield prepared_row(i, record)


__all__ = [
    "PreparedRow",
    "ShardInput",
    "expand_batch_inputs",
    "prepare_part",
    "read_input",
    "read_part",
    "read_shard",
]
