"""Model -> JSON, in one place: the export contract (one JSON object per line)."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from .model import Article, Span


def span_record(span: Span) -> dict[str, Any]:
    return {"text": span.text, "start": span.start, "end": span.end, "raw_start": span.raw_start, "raw_end": span.raw_end}


def article_record(article: Article) -> dict[str, Any]:
    meta = article.meta
    return {
        "type": "article",
        "id": article.id,
        "external_id": article.external_id,
        "source": article.source,
        "format": article.format,
        "outlet": meta.outlet,
        "url": meta.url,
        "title": meta.title,
        "subtitle": meta.subtitle,
        "author": meta.author,
        "author_role": meta.author_role,
        "published": meta.published,
        "published_from": meta.published_from,
        "published_evidence": meta.published_evidence,
        "text": article.text,
        "duplicate_of": article.duplicate_of,
        "removed": [asdict(r) for r in article.removed],
        "fixes": [asdict(f) for f in article.fixes],
        "entities": [],
        "quotes": [],
        "times": [],
        "claims": [],
    }
