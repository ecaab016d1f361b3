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
from collections.abc import Sequence

from ..model import Article, Claim, Extraction, LocalEntity, Mention, Quantity, Quote, TimeRef
from ..settings import Settings
from .base import Attribution, Extent
from .claims import ClaimExpr, find_claims
from .entities import MentionExpr, find_mentions
from .quotes import find_attributions
from .resolve import article_entities, resolve_article
from .sentences import split_sentences
from .times import find_times


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
    people = [i for i in inside if mentions[i].kind == "PERSON"]
    chosen = people or inside
    return chosen[-1] if chosen else None


def _quotes(article: Article, atts: Sequence[Attribution], mentions: Sequence[MentionExpr],
            local: Sequence[int]) -> tuple[Quote, ...]:  # fmt: skip
    quotes = []
    for i, att in enumerate(atts):
        m = speaker_mention(att.source, mentions, local)
        speaker = article.span(att.source.start, att.source.end) if att.source else None
        cue = article.span(att.cue.start, att.cue.end) if att.cue else None
        quotes.append(Quote(f"{article.id}-q{i}", att.kind, article.span(att.content.start, att.content.end),
                            speaker, local[m] if m is not None else None, cue))  # fmt: skip
    return tuple(quotes)


def _claim(article: Article, i: int, c: ClaimExpr) -> Claim:
    numbers = tuple(
        Quantity(q.value, q.unit, article.span(q.start, q.end), q.hedge, q.step) for q in c.numbers
    )
    content = article.span(c.content_start, c.content_end) if c.content_end > c.content_start else None
    quote_id = f"{article.id}-q{c.attribution_index}" if c.attribution_index is not None else None
    return Claim(f"{article.id}-c{i}", article.span(c.start, c.end), c.asserter, content, c.asserter_entity,
                 quote_id, c.entities, numbers, c.times, c.negated, c.stance, c.hedged, c.key_terms)  # fmt: skip


def _entities(text: str, mentions: Sequence[MentionExpr], local: Sequence[int]) -> tuple[LocalEntity, ...]:
    found = article_entities(text, mentions, local)
    return tuple(LocalEntity(k, e.name, e.kind, e.aliases, e.title, e.role, e.mentions, e.gender)
                 for k, e in enumerate(found))  # fmt: skip


def extract_article(article: Article, settings: Settings) -> Article:
    """The extract stage: the same article, with its :class:`Extraction` filled in."""
    text = article.text
    sentences = split_sentences(text)
    mentions = find_mentions(text)
    local = resolve_article(text, mentions, pronouns=True)
    atts = find_attributions(text, sentences)
    times = find_times(text, anchor_date(article.meta.published))
    claims = find_claims(text, sentences, atts, mentions, local, times)
    extraction = Extraction(
        sentences=tuple(article.span(s.start, s.end) for s in sentences),
        entities=_entities(text, mentions, local),
        mentions=tuple(
            Mention(article.span(m.start, m.end), k, m.kind)
            for m, k in zip(mentions, local, strict=True)
            if k >= 0
        ),  # fmt: skip
        quotes=_quotes(article, atts, mentions, local),
        times=tuple(TimeRef(article.span(t.start, t.end), t.type, t.value) for t in times),
        claims=tuple(_claim(article, i, c) for i, c in enumerate(claims)),
    )
    return _with(article, extraction)


def _with(article: Article, extraction: Extraction) -> Article:
    return dataclasses.replace(article, extraction=extraction)


__all__ = ["extract_article"]
