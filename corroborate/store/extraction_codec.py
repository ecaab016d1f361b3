"""Extraction <-> compact JSON: spans as [start, end, raw_start, raw_end], text re-sliced on load.

Span text is not stored: it is always ``article.text[start:end]``, so keeping
it would only double the size of the store.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import fields
from typing import Any, TypeVar

from ..model import Claim, Extraction, LocalEntity, Mention, Quantity, Quote, Span, TimeRef

SpanJSON = list[int] | None

_T = TypeVar("_T")
_new = object.__new__


def _state_setter(cls: type) -> Callable[[Any, dict[str, Any]], None]:
    """Sets an instance's whole ``__dict__`` at once (a frozen dataclass refuses ``obj.__dict__ = d``)."""
    if getattr(cls, "__post_init__", None) is not None or "__dict__" not in vars(cls):
        raise TypeError(f"{cls.__name__} needs its own __init__")
    setter: Callable[[Any, dict[str, Any]], None] = vars(cls)["__dict__"].__set__
    return setter


def _builder(cls: type[_T]) -> Callable[..., _T]:
    """``cls(*values)`` for a plain frozen dataclass given every field in order, its fields set as
    one dict: a story's decoding builds ~10^5 spans, claims and quotes, and the generated
    ``__init__`` sets each field through ``object.__setattr__``. The instance is the same, down
    to the order of its ``__dict__`` (``tests/test_decode_fast.py`` compares them)."""
    names = tuple(f.name for f in fields(cls))  # type: ignore[arg-type]
    set_state = _state_setter(cls)

    def build(*values: Any) -> _T:
        if len(values) != len(names):
            raise TypeError(f"{cls.__name__} takes exactly the fields {', '.join(names)}")
        obj = _new(cls)
        set_state(obj, dict(zip(names, values, strict=True)))
        return obj

    return build


_quantity, _entity = _builder(Quantity), _builder(LocalEntity)
# The most built objects have their dicts written out (half the time of the generic builder).
_set_span, _set_claim, _set_quote = _state_setter(Span), _state_setter(Claim), _state_setter(Quote)
_set_mention, _set_time = _state_setter(Mention), _state_setter(TimeRef)


def _span(s: Span | None) -> SpanJSON:
    return None if s is None else [s.start, s.end, s.raw_start, s.raw_end]


def _unspan(v: SpanJSON, text: str) -> Span | None:
    return None if v is None else _need(v, text)


def _need(v: SpanJSON, text: str) -> Span:
    if v is None:
        raise ValueError("a required span is missing from the stored extraction")
    span = _new(Span)
    _set_span(
        span, {"text": text[v[0] : v[1]], "start": v[0], "end": v[1], "raw_start": v[2], "raw_end": v[3]}
    )
    return span


def _mention(v: list[Any], text: str) -> Mention:
    mention = _new(Mention)
    _set_mention(mention, {"span": _need(v[0], text), "entity": v[1], "kind": v[2]})
    return mention


def _time(v: list[Any], text: str) -> TimeRef:
    time = _new(TimeRef)
    _set_time(time, {"span": _need(v[0], text), "type": v[1], "value": v[2]})
    return time


def _quote(v: list[Any], text: str) -> Quote:
    quote = _new(Quote)
    _set_quote(quote, {"id": v[0], "kind": v[1], "content": _need(v[2], text), "speaker": _unspan(v[3], text),
                       "speaker_entity": v[4], "cue": _unspan(v[5], text)})  # fmt: skip
    return quote


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
    numbers = tuple(_quantity(n[0], n[1], _need(n[2], text), n[3], n[4]) for n in v[7]) if v[7] else ()
    claim = _new(Claim)
    _set_claim(claim, {"id": v[0], "span": _need(v[1], text), "asserter": v[2], "content": _unspan(v[3], text),
                       "asserter_entity": v[4], "quote_id": v[5], "entities": tuple(v[6]), "numbers": numbers,
                       "times": tuple(v[8]), "negated": v[9], "stance": v[10], "hedged": v[11],
                       "key_terms": tuple(v[12])})  # fmt: skip
    return claim


def extraction_from_json(data: dict[str, Any], text: str) -> Extraction:
    if not data:
        return Extraction()
    return Extraction(
        sentences=tuple(_need(s, text) for s in data["sentences"]),
        entities=tuple(
            _entity(e[0], e[1], e[2], tuple(e[3]), e[4], tuple(e[5]) if e[5] else None, e[6], e[7])
            for e in data["entities"]
        ),
        mentions=tuple(_mention(m, text) for m in data["mentions"]),
        quotes=tuple(_quote(q, text) for q in data["quotes"]),
        times=tuple(_time(t, text) for t in data["times"]),
        claims=tuple(_claim(c, text) for c in data["claims"]),
    )
