"""Model -> JSON, in one place: the export contract (one JSON object per line)."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from .model import Article, Claim, Quote, Span


def span_record(span: Span) -> dict[str, Any]:
    return {
        "text": span.text,
        "start": span.start,
        "end": span.end,
        "raw_start": span.raw_start,
        "raw_end": span.raw_end,
    }


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
        **extraction_records(article),
    }


def _global(article: Article, local: int | None) -> str | None:
    ids = article.entity_ids
    return ids[local] if local is not None and 0 <= local < len(ids) else None


def quote_record(article: Article, q: Quote) -> dict[str, Any]:
    speaker = None
    if q.speaker is not None:
        speaker = {**span_record(q.speaker), "entity": _global(article, q.speaker_entity)}
    cue = span_record(q.cue) if q.cue else None
    return {"id": q.id, "kind": q.kind, "speaker": speaker, "cue": cue, "content": span_record(q.content)}


def claim_record(article: Article, c: Claim) -> dict[str, Any]:
    return {
        "id": c.id,
        **span_record(c.span),
        "content": span_record(c.content) if c.content else None,
        "asserter": c.asserter,
        "asserter_entity": _global(article, c.asserter_entity),
        "quote": c.quote_id,
        "entities": [e for e in (_global(article, k) for k in c.entities) if e],
        "numbers": [
            {"value": n.value, "unit": n.unit, "hedge": n.hedge, **span_record(n.span)} for n in c.numbers
        ],
        "times": list(c.times),
        "negated": c.negated,
        "stance": c.stance,
        "hedged": c.hedged,
    }


def extraction_records(article: Article) -> dict[str, Any]:
    x = article.extraction
    return {
        "entities": [{"entity": _global(article, m.entity), **span_record(m.span)} for m in x.mentions],
        "quotes": [quote_record(article, q) for q in x.quotes],
        "times": [{**span_record(t.span), "type": t.type, "value": t.value} for t in x.times],
        "claims": [claim_record(article, c) for c in x.claims],
    }


def entity_record(row: dict[str, Any]) -> dict[str, Any]:
    """An entity of the registry; aliases most used first."""
    aliases = row.get("aliases") or {}
    ordered = sorted(aliases, key=lambda a: (-aliases[a], a)) if isinstance(aliases, dict) else list(aliases)
    return {"type": "entity", "id": row["id"], "name": row["name"], "kind": row["kind"], "aliases": ordered}
