"""Article <-> flat row, shared by every store backend."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

from ..model import Article, Fix, Metadata, Removed
from ..offsets import OffsetMap
from .extraction_codec import extraction_from_json, extraction_to_json

COLUMNS = (
    "id", "external_id", "source", "format", "outlet", "url", "title", "subtitle", "author",
    "author_role", "published", "published_from", "published_evidence", "text", "raw_text",
    "offsets", "removed", "fixes", "content_hash", "input_hash", "duplicate_of", "extraction", "entity_ids", "story_id",
)  # fmt: skip

_META_FIELDS = tuple(Metadata.__dataclass_fields__)

# The encoders json.dumps would build, less its check for cycles: rows are trees built here, and
# the check (a dict insert per list) costs a sixth of encoding an extraction.
_COMPACT = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), check_circular=False).encode
_ASCII_COMPACT = json.JSONEncoder(separators=(",", ":"), check_circular=False).encode
_SPACED = json.JSONEncoder(ensure_ascii=False, check_circular=False).encode


def article_to_row(article: Article) -> dict[str, Any]:
    meta = article.meta
    return {
        "id": article.id,
        "external_id": article.external_id,
        "source": article.source,
        "format": article.format,
        # getattr, not asdict(): the fields are strings, and asdict's deep copy is slow on the hot path.
        **{k: getattr(meta, k) for k in _META_FIELDS},
        "text": article.text,
        "raw_text": article.raw_text,
        "offsets": _ASCII_COMPACT(article.offsets.to_json()),
        # vars(), not asdict(): these are flat, and asdict's deep copy is slow on the hot path.
        "removed": _SPACED([vars(r) for r in article.removed]),
        "fixes": _SPACED([vars(f) for f in article.fixes]),
        "content_hash": article.content_hash,
        "input_hash": article.input_hash,
        "duplicate_of": article.duplicate_of,
        "extraction": _COMPACT(extraction_to_json(article.extraction)),
        "entity_ids": _entity_ids(article.entity_ids),
        "story_id": article.story_id,
    }


def linked_row(
    row: Mapping[str, Any], duplicate_of: str | None, entity_ids: Sequence[str], story_id: str | None
) -> dict[str, Any]:
    """A row encoded before the store step, with the columns that step decides filled in."""
    return {**row, "duplicate_of": duplicate_of, "entity_ids": _entity_ids(entity_ids), "story_id": story_id}


def _entity_ids(ids: Sequence[str]) -> str:
    return json.dumps(list(ids))


def row_to_article(row: Mapping[str, Any]) -> Article:
    return Article(
        id=row["id"],
        external_id=row["external_id"],
        source=row["source"],
        format=row["format"],
        raw_text=row["raw_text"],
        text=row["text"],
        offsets=OffsetMap.from_json(json.loads(row["offsets"]), len(row["raw_text"])),
        meta=Metadata(**{k: row[k] for k in _META_FIELDS}),
        removed=tuple(Removed(**r) for r in json.loads(row["removed"])),
        fixes=tuple(Fix(**f) for f in json.loads(row["fixes"])),
        content_hash=row["content_hash"],
        input_hash=row["input_hash"],
        duplicate_of=row["duplicate_of"],
        extraction=extraction_from_json(json.loads(row["extraction"]), row["text"]),
        entity_ids=tuple(json.loads(row["entity_ids"])),
        story_id=row["story_id"],
    )
