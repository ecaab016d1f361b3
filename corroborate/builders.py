"""Builders of the extraction records (spans, mentions, quotes, times, figures, entities,
claims), shared by the extract stage, which makes them, and the store, which decodes them.

An article gets a few hundred spans and dozens of claims, and a story's decoding ~10^5; the
dataclasses' generated ``__init__`` sets each field through ``object.__setattr__`` (they are
frozen), which made building them a tenth of extraction and half of decoding. These functions
fill the instance's ``__dict__`` in one update, in declared order (so it shares its keys with
the class's, as ``__init__``'s does). Each takes every field, by name or position, as the class
does, so the records are the same as the classes' own (``tests/test_extract_records.py`` and
``tests/test_decode_fast.py`` check it).

>>> new_span("Oslo", 4, 8, 4, 9) == Span("Oslo", 4, 8, 4, 9)
True
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable

from .model import Article, Claim, LocalEntity, Mention, Quantity, Quote, Span, TimeRef

_new = object.__new__


def new_span(text: str, start: int, end: int, raw_start: int, raw_end: int) -> Span:
    obj = _new(Span)
    obj.__dict__.update(text=text, start=start, end=end, raw_start=raw_start, raw_end=raw_end)
    return obj


def span_maker(article: Article) -> Callable[[int, int], Span]:
    """``article.span`` as a closure: the same spans, each built in one ``__dict__`` update.

    A span inside one run of unchanged characters (most of them) gets its raw offsets here, as
    :meth:`OffsetMap.raw_range` would compute them; any other goes to it.
    """
    text, offsets = article.text, article.offsets
    raw_range, segments = offsets.raw_range, offsets.segments
    firsts = [segment[0] for segment in segments]

    def span(start: int, end: int) -> Span:
        k = bisect_right(firsts, start) - 1
        seg = segments[k] if k >= 0 and start < end else None
        if seg is not None and seg[4] and end <= seg[0] + seg[2]:
            raw_start, raw_end = seg[1] + (start - seg[0]), seg[1] + (end - seg[0])
        else:
            raw_start, raw_end = raw_range(start, end)
        return new_span(text[start:end], start, end, raw_start, raw_end)

    return span


def new_mention(span: Span, entity: int, kind: str) -> Mention:
    obj = _new(Mention)
    obj.__dict__.update(span=span, entity=entity, kind=kind)
    return obj


def new_time(span: Span, type: str, value: str) -> TimeRef:  # noqa: A002  (the field's name)
    obj = _new(TimeRef)
    obj.__dict__.update(span=span, type=type, value=value)
    return obj


def new_quantity(value: float, unit: str | None, span: Span, hedge: str | None, step: float) -> Quantity:
    obj = _new(Quantity)
    obj.__dict__.update(value=value, unit=unit, span=span, hedge=hedge, step=step)
    return obj


def new_quote(
    id: str,  # noqa: A002  (the field's name)
    kind: str,
    content: Span,
    speaker: Span | None,
    speaker_entity: int | None,
    cue: Span | None,
) -> Quote:
    obj = _new(Quote)
    obj.__dict__.update(
        id=id, kind=kind, content=content, speaker=speaker, speaker_entity=speaker_entity, cue=cue
    )
    return obj


def new_entity(
    index: int,
    name: str,
    kind: str,
    aliases: tuple[str, ...],
    title: str | None,
    role: tuple[str, str | None] | None,
    mentions: int,
    gender: str | None,
) -> LocalEntity:
    obj = _new(LocalEntity)
    obj.__dict__.update(
        index=index,
        name=name,
        kind=kind,
        aliases=aliases,
        title=title,
        role=role,
        mentions=mentions,
        gender=gender,
    )
    return obj


def new_claim(
    id: str,  # noqa: A002  (the field's name)
    span: Span,
    asserter: str,
    content: Span | None,
    asserter_entity: int | None,
    quote_id: str | None,
    entities: tuple[int, ...],
    numbers: tuple[Quantity, ...],
    times: tuple[str, ...],
    negated: bool,
    stance: str | None,
    hedged: bool,
    key_terms: tuple[str, ...],
) -> Claim:
    obj = _new(Claim)
    obj.__dict__.update(
        id=id,
        span=span,
        asserter=asserter,
        content=content,
        asserter_entity=asserter_entity,
        quote_id=quote_id,
        entities=entities,
        numbers=numbers,
        times=times,
        negated=negated,
        stance=stance,
        hedged=hedged,
        key_terms=key_terms,
    )
    return obj
