"""Extraction <-> compact JSON: spans as [start, end, raw_start, raw_end], text re-sliced on load.

Span text is not stored: it is always ``article.text[start:end]``, so keeping
it would only double the size of the store. Records are decoded with the fast builders of
:mod:`corroborate.builders` (a story's decoding builds ~10^5 of them).
"""

from __future__ import annotations

from typing import Any

from ..builders import new_claim, new_entity, new_mention, new_quantity, new_quote, new_time
from ..model import Claim, Extraction, LocalEntity, Mention, Quantity, Quote, Span, TimeRef

SpanJSON = list[int] | None
_new = object.__new__


def _span(s: Span | None) -> SpanJSON:
    return None if s is None else [s.start, s.end, s.raw_start, s.raw_end]


def _unspan(v: SpanJSON, text: str) -> Span | None:
    return None if v is None else _need(v, text)


def _need(v: SpanJSON, text: str) -> Span:
    if v is None:
        raise ValueError("a required span is missing from the stored extraction")
    # The hottest decode (every span of every record): the builder's body inlined, not called.
    span = _new(Span)
    d = span.__dict__
    d["text"] = text[v[0] : v[1]]
    d["start"], d["end"], d["raw_start"], d["raw_end"] = v
    return span


def _mention(v: list[Any], text: str) -> Mention:
    return new_mention(_need(v[0], text), v[1], v[2])


def _time(v: list[Any], text: str) -> TimeRef:
    return new_time(_need(v[0], text), v[1], v[2])


def _quote(v: list[Any], text: str) -> Quote:
    return new_quote(v[0], v[1], _need(v[2], text), _unspan(v[3], text), v[4], _unspan(v[5], text))


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


def _entity(v: list[Any]) -> LocalEntity:
    return new_entity(v[0], v[1], v[2], tuple(v[3]), v[4], tuple(v[5]) if v[5] else None, v[6], v[7])


def _quantity(v: list[Any], text: str) -> Quantity:
    return new_quantity(v[0], v[1], _need(v[2], text), v[3], v[4])


def _claim(v: list[Any], text: str) -> Claim:
    numbers = tuple([_quantity(n, text) for n in v[7]]) if v[7] else ()
    return new_claim(v[0], _need(v[1], text), v[2], _unspan(v[3], text), v[4], v[5], tuple(v[6]), numbers,
                     tuple(v[8]), v[9], v[10], v[11], tuple(v[12]))  # fmt: skip


def extraction_from_json(data: dict[str, Any], text: str) -> Extraction:
    if not data:
        return Extraction()
    return Extraction(
        sentences=tuple(_need(s, text) for s in data["sentences"]),
        entities=tuple(_entity(e) for e in data["entities"]),
        mentions=tuple(_mention(m, text) for m in data["mentions"]),
        quotes=tuple(_quote(q, text) for q in data["quotes"]),
        times=tuple(_time(t, text) for t in data["times"]),
        claims=tuple(_claim(c, text) for c in data["claims"]),
    )
