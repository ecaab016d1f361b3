"""The extract stage's fast record builders give the records the plain code gave."""

from __future__ import annotations

import dataclasses
import gc
import pickle

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corroborate.builders import (
    new_claim,
    new_entity,
    new_mention,
    new_quantity,
    new_quote,
    new_time,
    span_maker,
)
from corroborate.extract import (
    _Speakers,
    anchor_date,
    extract_article,
    speaker_mention,
)
from corroborate.extract.base import Extent
from corroborate.extract.claim_expr import ClaimExpr, new_claim_expr
from corroborate.extract.claims import find_claims
from corroborate.extract.entities import MentionExpr, find_mentions
from corroborate.extract.quotes import find_attributions
from corroborate.extract.resolve import article_entities, resolve_article
from corroborate.extract.resolve_doc import index_text
from corroborate.extract.sentences import split_sentences
from corroborate.extract.times import find_times
from corroborate.model import (
    Article,
    Claim,
    Extraction,
    LocalEntity,
    Mention,
    Quantity,
    Quote,
    RawDocument,
    SourceMeta,
    Span,
    TimeRef,
)
from corroborate.pipeline import clean_stage
from corroborate.settings import Settings

_TEXTS = [
    "Tarn Council Plans New Bridge\n"
    "Mayor Ida Tarn said on Monday that the bridge over the Velmar would reopen in May. "
    '"We will not wait," she added. About 1,200 residents signed a petition, officials said.\n'
    "Dr. Olu Brandt, a Velmar engineer, told reporters the repairs cost $3 million. He did not say when.",
    "Breaking news &amp; more:   the  council   met.\r\n\r\n"
    "According to the ministry, 40 people were hurt last week. “It was hard,” Brandt said.",
    "",
]


def _article(text: str, published: str | None = "2025-11-27T08:00:00+00:00") -> Article:
    raw = RawDocument("t.txt", text, "text", meta=SourceMeta(published=published))
    return clean_stage(raw, Settings())


def _plain_extraction(article: Article) -> Extraction:
    """The stage's records as the code built them before: ``Article.span`` and the classes."""
    text, span = article.text, article.span
    sentences = split_sentences(text)
    mentions = find_mentions(text)
    local = resolve_article(text, mentions, pronouns=True)
    atts = find_attributions(text, sentences)
    times = find_times(text, anchor_date(article.meta.published))
    claims = find_claims(text, sentences, atts, mentions, local, times)
    quotes = []
    for i, a in enumerate(atts):
        m = speaker_mention(a.source, mentions, local)
        quotes.append(Quote(f"{article.id}-q{i}", a.kind, span(a.content.start, a.content.end),
                            span(a.source.start, a.source.end) if a.source else None,
                            local[m] if m is not None else None,
                            span(a.cue.start, a.cue.end) if a.cue else None))  # fmt: skip
    out_claims = []
    for i, c in enumerate(claims):
        numbers = tuple(Quantity(q.value, q.unit, span(q.start, q.end), q.hedge, q.step) for q in c.numbers)
        content = span(c.content_start, c.content_end) if c.content_end > c.content_start else None
        quote_id = f"{article.id}-q{c.attribution_index}" if c.attribution_index is not None else None
        out_claims.append(Claim(f"{article.id}-c{i}", span(c.start, c.end), c.asserter, content,
                                c.asserter_entity, quote_id, c.entities, numbers, c.times, c.negated,
                                c.stance, c.hedged, c.key_terms))  # fmt: skip
    return Extraction(
        sentences=tuple(span(s.start, s.end) for s in sentences),
        entities=tuple(
            LocalEntity(k, e.name, e.kind, e.aliases, e.title, e.role, e.mentions, e.gender)
            for k, e in enumerate(article_entities(text, mentions, local))
        ),  # fmt: skip
        mentions=tuple(
            Mention(span(m.start, m.end), k, m.kind) for m, k in zip(mentions, local, strict=True) if k >= 0
        ),
        quotes=tuple(quotes),
        times=tuple(TimeRef(span(t.start, t.end), t.type, t.value) for t in times),
        claims=tuple(out_claims),
    )


def _same_record(fast: object, plain: object) -> None:
    assert fast == plain and hash(fast) == hash(plain) and type(fast) is type(plain)
    assert list(vars(fast).items()) == list(vars(plain).items())
    assert pickle.loads(pickle.dumps(fast)) == plain
    with pytest.raises(dataclasses.FrozenInstanceError):
        fast.kind = "x"  # type: ignore[attr-defined]


@pytest.mark.parametrize("text", _TEXTS)
def test_extract_article_builds_what_the_plain_code_built(text: str) -> None:
    article = _article(text)
    fast = extract_article(article, Settings()).extraction
    plain = _plain_extraction(article)
    assert fast == plain
    assert pickle.dumps(fast) == pickle.dumps(plain)  # same fields in the same order, all the way down


def test_each_builder_makes_the_class_record() -> None:
    s = Span("Tarn", 0, 4, 2, 6)
    _same_record(new_mention(s, 1, "PERSON"), Mention(s, 1, "PERSON"))
    _same_record(new_time(s, "DATE", "2025-11-24"), TimeRef(s, "DATE", "2025-11-24"))
    _same_record(new_quantity(3.0, "USD", s, "~", 1.0), Quantity(3.0, "USD", s, "~", 1.0))
    _same_record(new_quote("a-q0", "direct", s, None, 2, s), Quote("a-q0", "direct", s, None, 2, s))
    entity = LocalEntity(0, "Ida Tarn", "PERSON", ("Tarn",), "Mayor", ("mayor", None), 3, "f")
    _same_record(new_entity(*dataclasses.astuple(entity)), entity)
    claim = Claim("a-c0", s, "speaker", s, 1, "a-q0", (1, 2), (Quantity(3.0, None, s),), ("2025",), True,
                  "accept", True, ("bridg",))  # fmt: skip
    fields = [getattr(claim, f.name) for f in dataclasses.fields(Claim)]
    _same_record(new_claim(*fields), claim)


@pytest.mark.parametrize("text", _TEXTS[:2])
def test_span_maker_gives_article_span(text: str) -> None:
    article = _article(text)
    span, n = span_maker(article), len(article.text)
    for a in range(0, n + 2, 3):
        for b in range(a - 2, n + 3, 7):
            assert span(a, b) == article.span(a, b)
    assert type(span(0, 1)) is Span


_MENTION = st.tuples(st.integers(0, 40), st.integers(0, 12), st.sampled_from(["PERSON", "ORG", "PLACE"]))


@settings(max_examples=400, deadline=None)
@given(
    st.lists(st.tuples(_MENTION, st.integers(-1, 2)), max_size=12),
    st.one_of(st.none(), st.tuples(st.integers(0, 50), st.integers(0, 20))),
    st.booleans(),
)
def test_speakers_find_as_speaker_mention(rows: list, source: tuple | None, ordered: bool) -> None:
    if ordered:
        rows = sorted(rows, key=lambda r: (r[0][0], r[0][0] + r[0][1]))
    mentions = [MentionExpr(s, s + n, kind, "x") for (s, n, kind), _ in rows]
    local = [k for _, k in rows]
    src = Extent(source[0], source[0] + source[1]) if source else None
    assert _Speakers(mentions, local).find(src) == speaker_mention(src, mentions, local)


def test_index_text_cache_gives_the_plain_index() -> None:
    for text in _TEXTS:
        assert index_text(text) == index_text.__wrapped__(text) == index_text(text)


def test_extract_article_leaves_the_collector_on() -> None:
    extract_article(_article(_TEXTS[0]), Settings())
    assert gc.isenabled()


def test_claim_expr_builder_makes_the_class_record_and_refuses_wrong_fields() -> None:
    values = {f.name: k for k, f in enumerate(dataclasses.fields(ClaimExpr))}
    built = new_claim_expr(**values)
    assert built == ClaimExpr(**values) and list(vars(built).items()) == list(
        vars(ClaimExpr(**values)).items()
    )
    with pytest.raises(TypeError):
        new_claim_expr(**{k: v for k, v in values.items() if k != "stance"})
    with pytest.raises(TypeError):
        new_claim_expr(**values, colour=1)
