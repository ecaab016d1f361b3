"""The per-article stages and the one runner that composes them.

A stage is a pure function ``(value, settings) -> value`` over frozen
dataclasses. The runner checks each stage's output type, so a stage that
returns the wrong thing fails loudly at the stage that broke the contract.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .clean import clean_document
from .dedup import content_hash
from .extract import extract_article
from .model import Article, RawDocument
from .settings import Settings


@dataclass(frozen=True)
class Stage:
    name: str
    run: Callable[[Any, Settings], Any]
    takes: type
    gives: type


class StageContractError(TypeError):
    """A stage returned something other than what it promised."""


def article_source(raw: RawDocument) -> str:
    """What an article and its ingest result name as their source: a web archive record's URL,
    else the input (file, file#line) it was read from."""
    return raw.meta.url if raw.format == "warc" and raw.meta.url else raw.source


def clean_stage(raw: RawDocument, settings: Settings) -> Article:
    cleaned = clean_document(raw, settings)
    body = cleaned.tracked.text
    chash = content_hash(cleaned.meta.title, body)
    external_id = raw.meta.external_id or (f"{raw.source}#{raw.line}" if raw.line else raw.source)
    return Article(
        id=hashlib.sha256(f"{chash}\n{external_id}".encode()).hexdigest()[:16],
        external_id=external_id,
        source=article_source(raw),
        format=raw.format,
        raw_text=raw.text,
        text=body,
        offsets=cleaned.tracked.offset_map(),
        meta=cleaned.meta,
        removed=cleaned.removed,
        fixes=cleaned.fixes,
        content_hash=chash,
        input_hash=raw.input_hash or hashlib.sha256(raw.text.encode("utf-8", "surrogatepass")).hexdigest(),
    )


#: The per-article stages, in order. Later issues append segment/extract/represent.
ARTICLE_STAGES: tuple[Stage, ...] = (
    Stage("clean", clean_stage, RawDocument, Article),
    Stage("extract", extract_article, Article, Article),
)


def stages_for(settings: Settings) -> tuple[Stage, ...]:
    return ARTICLE_STAGES if settings.extract else tuple(s for s in ARTICLE_STAGES if s.name != "extract")


def run_stages(value: Any, settings: Settings, stages: tuple[Stage, ...] | None = None) -> Any:
    for stage in stages_for(settings) if stages is None else stages:
        if not isinstance(value, stage.takes):
            raise StageContractError(
                f"stage {stage.name!r} takes {stage.takes.__name__}, got {type(value).__name__}"
            )
        value = stage.run(value, settings)
        if not isinstance(value, stage.gives):
            raise StageContractError(
                f"stage {stage.name!r} promised {stage.gives.__name__}, gave {type(value).__name__}"
            )
    return value
