"""Extraction <-> compact JSON: spans as [start, end, raw_start, raw_end], text re-sliced on load.

Span text is not stored: it is always ``article.text[start:end]``, so keeping
it would only double the size of the store.
"""

from __future__ import annotations

from typing import Any

from ..model import Claim, Extraction, LocalEntity, Mention, Quantity, Quote, Span, TimeRef, frozen_builder

SpanJSON = list[int] | None


_claim_of, _quantity, _quote = frozen_builder(Claim), frozen_builder(Quantity), frozen_builder(Quote)
_span_of = frozen_builder(Span)
_mention, _time, _entity = frozen_builder(Mention), frozen_builder(TimeRef), frozen_builder(LocalEntity)


def _span(s: Span | None) -> SpanJSON:
    return None if s is None else [s.start, s.end, s.raw_start, s.raw_end]


def _unspan(v: SpanJSON, text: str) -> Span | None:
    return None if v is None else _need(v, text)


def _need(v: SpanJSON, text: str) -> Span:
    if v is None:
        raise ValueError("a required span is missing from the stored extraction")
    return _span_of(text[v[0] : v[1]], v[0], v[1], v[2], v[3])


def extraction_to_json(x: Extraction) -> dict[str, Any]:
    return {
        "sentences": [_span(s) for s in x.sentences],
        "entities": [
            [e.index, e.name, e.kind, list(e.aliases), e.title, e.role, e.mentions, e.gender]
            for e in x.entities
        ],
        "mentions": [[_span(m.span), m.entity, m.kind] for m in x.mentions],
        "quotes": [
            [q.id, q.kind, _span(q.content), _span(q.speaker), q.speaker_entity, _span(q.cue)]
            for q in x.quotes
        ],
        "times": [[_span(t.span), t.type, t.value] for t in x.times],
        "claims": [_claim_json(c) for c in x.claims],
    }


def _claim_json(c: Claim) -> list[Any]:
    numbers = [[n.value, n.unit, _span(n.span), n.hedge, n.step] for n in c.numbers]
    return [c.id, _span(c.span), c.asserter, _span(c.content), c.asserter_entity, c.quote_id, list(c.entities),
            numbers, list(c.times), c.negated, c.stance, c.hedged, list(c.key_terms)]  # fmt: skip


def _claim(v: list[Any], text: str) -> Claim:
    numbers = tuple(_quantity(n[0], n[1], _need(n[2], text), n[3], n[4]) for n in v[7])
    return _claim_of(v[0], _need(v[1], text), v[2], _unspan(v[3], text), v[4], v[5], tuple(v[6]), numbers,
                 tuple(v[8]), v[9], v[10], v[11], tuple(v[12]))  # fmt: skip


def extraction_from_json(data: dict[str, Any], text: str) -> Extraction:
    if not data:
        return Extraction()
    return Extraction(
        sentences=tuple(_need(s, text) for s in data["sentences"]),
        entities=tuple(
            _entity(e[0], e[1], e[2], tuple(e[3]), e[4], tuple(e[5]) if e[5] else None, e[6], e[7])
            for e in data["entities"]
        ),
        mentions=tuple(_mention(_need(m[0], text), m[1], m[2]) for m in data["mentions"]),
        quotes=tuple(
            _quote(q[0], q[1], _need(q[2], text), _unspan(q[3], text), q[4], _unspan(q[5], text))
            for q in data["quotes"]
        ),
        times=tuple(_time(_need(t[0], text), t[1], t[2]) for t in data["times"]),
        claims=tuple(_claim(c, text) for c in data["claims"]),
    )
