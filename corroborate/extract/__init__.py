"""Extract: who is named, who said what, when, and which claims the article makes.

:func:`extract_article` is the pipeline stage. It runs the plain-text
extractors (each usable alone on any text, which is how the evaluation
harnesses run them) and turns their offsets into spans with raw offsets.
Entity numbers here are local to the article; the store links them to
corpus entities.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from bisect import bisect_left
from collections.abc import Callable, Sequence
from itertools import pairwise

from ..builders import new_claim, new_entity, new_mention, new_quantity, new_quote, new_time, span_maker
from ..gcpause import collector_paused
from ..model import Article, Claim, Extraction, LocalEntity, Mention, Quote, Span
from ..settings import Settings
from .base import Attribution, Extent
from .claims import ClaimExpr, find_claims
from .entities import MentionExpr, find_mentions
from .quotes import find_attributions
from .resolve import article_entities, resolve_article
from .sentences import split_sentences
from .times import find_times

SpanMaker = Callable[[int, int], Span]


def anchor_date(published: str | None) -> dt.date | None:
    """
    >>> anchor_date("2025-11-27T08:00:00+00:00"), anchor_date(None)
    (datetime.date(2025, 11, 27), None)
    """
    try:
        return dt.date.fromisoformat(published[:10]) if published else None
    except ValueError:
        return None


def speaker_mention(
    source: Extent | None, mentions: Sequence[MentionExpr], local: Sequence[int]
) -> int | None:
    """The mention naming the speaker inside a source phrase: the last resolved person, else any.

    In "the minister's spokesman, Ana Ruiz" the speaker is the last person named.
    """
    if source is None:
        return None
    inside = [
        i for i, m in enumerate(mentions) if m.start < source.end and source.start < m.end and local[i] >= 0
    ]
    return _chosen(inside, mentions)


def _chosen(inside: list[int], mentions: Sequence[MentionExpr]) -> int | None:
    people = [i for i in inside if mentions[i].kind == "PERSON"]
    chosen = people or inside
    return chosen[-1] if chosen else None


class _Speakers:
    """:func:`speaker_mention` for the quotes of one article, looking only at the mentions that
    can overlap a source: those starting before its end and less than the longest mention's
    length before its start (the mentions come sorted by start; other orders scan them all)."""

    def __init__(self, mentions: Sequence[MentionExpr], local: Sequence[int]) -> None:
        self.mentions, self.local = mentions, local
        self.starts = [m.start for m in mentions]
        self.ordered = all(a <= b for a, b in pairwise(self.starts))
        self.reach = max([m.end - m.start for m in mentions], default=0)

    def find(self, source: Extent | None) -> int | None:
        if source is None or not self.ordered:
            return speaker_mention(source, self.mentions, self.local)
        mentions, local, lo, hi = self.mentions, self.local, source.start, source.end
        first = bisect_left(self.starts, lo - self.reach + 1)
        last = bisect_left(self.starts, hi, first)
        inside = [i for i in range(first, last) if lo < mentions[i].end and local[i] >= 0]
        return _chosen(inside, mentions)


def _quotes(article: Article, span: SpanMaker, atts: Sequence[Attribution], mentions: Sequence[MentionExpr],
            local: Sequence[int]) -> tuple[Quote, ...]:  # fmt: skip
    quotes, speakers, prefix = [], _Speakers(mentions, local), article.id
    for i, att in enumerate(atts):
        m = speakers.find(att.source)
        speaker = span(att.source.start, att.source.end) if att.source else None
        cue = span(att.cue.start, att.cue.end) if att.cue else None
        quotes.append(new_quote(f"{prefix}-q{i}", att.kind, span(att.content.start, att.content.end),
                                speaker, local[m] if m is not None else None, cue))  # fmt: skip
    return tuple(quotes)


def _claim(prefix: str, span: SpanMaker, i: int, c: ClaimExpr) -> Claim:
    numbers = tuple(
        [new_quantity(q.value, q.unit, span(q.start, q.end), q.hedge, q.step) for q in c.numbers]
    ) if c.numbers else ()  # fmt: skip
    content = span(c.content_start, c.content_end) if c.content_end > c.content_start else None
    quote_id = f"{prefix}-q{c.attribution_index}" if c.attribution_index is not None else None
    return new_claim(f"{prefix}-c{i}", span(c.start, c.end), c.asserter, content, c.asserter_entity,
                     quote_id, c.entities, numbers, c.times, c.negated, c.stance, c.hedged, c.key_terms)  # fmt: skip


def _entities(text: str, mentions: Sequence[MentionExpr], local: Sequence[int]) -> tuple[LocalEntity, ...]:
    found = article_entities(text, mentions, local)
    return tuple([new_entity(k, e.name, e.kind, e.aliases, e.title, e.role, e.mentions, e.gender)
                  for k, e in enumerate(found)])  # fmt: skip


def _mentions(span: SpanMaker, mentions: Sequence[MentionExpr], local: Sequence[int]) -> tuple[Mention, ...]:
    return tuple(
        [new_mention(span(m.start, m.end), k, m.kind) for m, k in zip(mentions, local, strict=True) if k >= 0]
    )


def extract_article(article: Article, settings: Settings) -> Article:
    """The extract stage: the same article, with its :class:`Extraction` filled in.

    The cyclic garbage collector is paused meanwhile: extraction allocates thousands of
    containers that live until the article is done, and each collection they triggered
    traversed them all again, a tenth of the stage's CPU.
    """
    with collector_paused():
        return _extract(article)


def _extract(article: Article) -> Article:
    text = article.text
    sentences = split_sentences(text)
    mentions = find_mentions(text)
    local = resolve_article(text, mentions, pronouns=True)
    atts = find_attributions(text, sentences)
    times = find_times(text, anchor_date(article.meta.published))
    claims = find_claims(text, sentences, atts, mentions, local, times)
    span, prefix = span_maker(article), article.id
    extraction = Extraction(
        sentences=tuple([span(s.start, s.end) for s in sentences]),
        entities=_entities(text, mentions, local),
        mentions=_mentions(span, mentions, local),
        quotes=_quotes(article, span, atts, mentions, local),
        times=tuple([new_time(span(t.start, t.end), t.type, t.value) for t in times]),
        claims=tuple([_claim(prefix, span, i, c) for i, c in enumerate(claims)]),
    )
    return _with(article, extraction)


def _with(article: Article, extraction: Extraction) -> Article:
    return dataclasses.replace(article, extraction=extraction)


__all__ = ["extract_article"]
