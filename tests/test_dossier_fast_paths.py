"""The dossier read path's shortcuts give what the plain computations give: claim views built
per article, claim refs and decoded objects with their dicts written out, groups built in
their final order, name tests kept per name, and story titles read without their articles.
Each is checked against a straightforward version written here."""

from __future__ import annotations

import math
import random
from collections import Counter
from dataclasses import fields, replace

import pytest

from corroborate import api
from corroborate.corpus import Corpus, link_entities
from corroborate.export import entity_record
from corroborate.extract.numbers import unit_family
from corroborate.extract.registry import EntityRegistry
from corroborate.model import (
    Article,
    Claim,
    Extraction,
    Metadata,
    Quantity,
    Quote,
    RawDocument,
    SourceMeta,
    Span,
    TimeRef,
)
from corroborate.offsets import OffsetMap
from corroborate.pipeline import run_stages
from corroborate.reconcile import align, echo, framing
from corroborate.reconcile.align import Alignment, story_stats
from corroborate.reconcile.dossier import _claim_ref, _ordered, _Story, groups_and_timeline
from corroborate.reconcile.features import (
    ClaimView,
    _Inside,
    anchored,
    claim_terms,
    entity_id,
    name_stems,
    name_words,
    outlet_key,
    outlet_name,
    story_views,
)
from corroborate.reconcile.records import ClaimRef
from corroborate.reconcile.settings import DEFAULT
from corroborate.reconcile.status import independence
from corroborate.settings import Settings
from corroborate.store.extraction_codec import extraction_from_json, extraction_to_json

REPORTS = [
    ("Lakeside Courier", "2027-05-10", "The Orrin dam in Tesmo County will close on May 12, 2027 for repairs, "
     "engineers said on May 10, 2027. The repairs cost 4 million crowns. \"We will open it again in June 2027,\" "
     "said engineer Pavla Renk in Tesmo County."),
    ("Upland Gazette", "2027-05-10", "Engineers said on May 10, 2027 that the Orrin dam would close on May 13, "
     "2027. According to the Lakeside Courier, repairs cost 5 million crowns. Pavla Renk said the work starts "
     "in Tesmo County."),
    ("Tesmo Radio", "2027-05-11", "TESMO (Valley Wire) - The Orrin dam in Brask County closes on May 12, 2027, "
     "officials did not deny. Pavla Renk told reporters on May 10, 2027 the dam will open again in June 2027."),
    ("Orrin Daily", None, "Repairs at the Orrin dam cost 4 million crowns, said engineer Pavla Renk. The dam "
     "closes on Tuesday, May 11, 2027, and the road over it stays shut for a week."),
]  # fmt: skip


def _story(link: bool = True) -> tuple[list[Article], dict[str, dict]]:
    registry, out = EntityRegistry(), []
    for k, (outlet, day, text) in enumerate(REPORTS):
        raw = RawDocument(f"d{k}", text, "text", meta=SourceMeta(outlet=outlet, published=day))
        article = run_stages(raw, Settings())
        out.append(link_entities(registry, article) if link or k % 2 else article)
    return out, {r["id"]: entity_record(r) for r in registry.to_rows()}


def _plain_view(article: Article, i: int, c: Claim, dated: bool) -> ClaimView:
    """A claim's view as first written: each feature asked of the article in turn."""
    inside, names = _Inside(article, dated and bool(article.meta.published)), name_stems(article)
    content = c.content or c.span
    local = inside.entities(content.start, content.end)
    feats, core = claim_terms(content.text, names)
    ents = {f"E:{g}" for g in (entity_id(article, k) for k in local) if g}
    feats |= ents | {f"@{t}" for t in inside.time_values(content.start, content.end)}
    core |= ents
    figures = (q for q in c.numbers if content.start <= q.span.start and q.span.end <= content.end)
    feats |= {f"#{u}" for u in (unit_family(q.unit) for q in figures) if u}
    speaker = entity_id(article, c.asserter_entity) if c.asserter == "speaker" else None
    feats |= {f"S:{speaker}"} if speaker else set()
    x = article.extraction
    places = (
        entity_id(article, k) for k in local if 0 <= k < len(x.entities) and x.entities[k].kind == "PLACE"
    )
    outlet = outlet_name(article)
    said_by = {q.id: name_words(q.speaker.text) for q in x.quotes if q.speaker}
    return ClaimView(
        claim=c, article=article.id, outlet=outlet, outlet_key=outlet_key(outlet), order=i,
        position=c.span.start / max(1, len(article.text)), features=frozenset(feats), core=frozenset(core),
        speaker=speaker, places=frozenset(f"E:{g}" for g in places if g),
        direct=c.quote_id in {q.id for q in x.quotes if q.kind == "direct"},
        dates=inside.time_values(c.span.start, c.span.end),
        event_dates=frozenset(inside.time_values(content.start, content.end, events=True)),
        speaker_words=said_by.get(c.quote_id or "", frozenset()),
        subject=entity_id(article, local[0]) if local else None,
    )  # fmt: skip


@pytest.mark.parametrize("link", [True, False])
def test_claim_views_are_those_asked_feature_by_feature(link):
    articles = _ordered(_story(link)[0])
    trusted = anchored(articles)
    plain = [
        _plain_view(a, i, c, a.id in trusted) for a in articles for i, c in enumerate(a.extraction.claims)
    ]
    views = story_views(articles)
    assert views == plain and [vars(v) for v in views] == [vars(v) for v in plain]
    assert (
        any(v.event_dates for v in views) and any(v.places for v in views) and any(v.speaker for v in views)
    )


def test_times_inside_an_extent_out_of_start_order_are_found_by_a_full_scan():
    text = "Crews said on Tuesday the dam shuts on Friday and reopens in June."
    times = [(39, 45, "2027-05-14"), (14, 21, "2027-05-11"), (61, 65, "2027-06")]
    article = _article_with_times(text, times)
    inside = _Inside(article, True)
    assert inside.time_starts is None
    for lo in range(len(text)):
        for hi in range(lo, len(text) + 1):
            assert inside.times_in(lo, hi) == [t for t in times if lo <= t[0] and t[1] <= hi]


def _article_with_times(text: str, times: list[tuple[int, int, str]]) -> Article:
    refs = tuple(TimeRef(Span(text[a:b], a, b, a, b), "DATE", v) for a, b, v in times)
    return Article("t", "t", "t", "text", text, text, OffsetMap((), len(text)), Metadata(published="2027-05-10"),
                   extraction=Extraction(times=refs))  # fmt: skip


def test_claim_refs_and_groups_are_what_the_constructors_and_a_plain_sort_give():
    articles, entities = _story()
    ctx = _Story(_ordered(articles), entities, DEFAULT)
    for v, o in zip(ctx.views, ctx.origins, strict=True):
        s = v.claim.span
        plain = ClaimRef(v.claim.id, v.article, v.outlet, s.text, s.start, s.end, s.raw_start, s.raw_end,
                         ctx.names.get(v.speaker) if v.speaker else None, o.name if o.how else None)  # fmt: skip
        ref = _claim_ref(v, o, ctx.names)
        assert (
            ref == plain
            and vars(ref) == vars(plain)
            and list(vars(ref)) == [f.name for f in fields(ClaimRef)]
        )
    groups, _ = groups_and_timeline("s", articles, entities)
    assert [g.id for g in groups] == [f"s-g{n + 1}" for n in range(len(groups))]
    index = {v.claim.id: k for k, v in enumerate(ctx.views)}
    keys = [(-len(g.independent_outlets), -len(g.claims), min(index[c.id] for c in g.claims)) for g in groups]
    assert keys == sorted(keys) and len(groups) > 1
    for g in groups:
        members = [index[c.id] for c in g.claims]
        found = independence([ctx.views[i] for i in members], [ctx.origins[i] for i in members])
        assert (g.outlets, g.independent_outlets, g.echoes) == found


NAMES = ["Valley Wire", "the Lakeside Courier", "Pavla Renk", "a senior engineer", "The agency", "plan",
         "Tesmo Radio", "tesmo.com", "In May", "the past", "Orrin Daily News", "Mr.", "engineers"]  # fmt: skip


def test_name_tests_kept_per_name_answer_as_computed_afresh():
    known = {outlet_key(o) for o, _, _ in REPORTS}
    for name in NAMES:
        plain_media = echo._names_media.__wrapped__(name) or outlet_key.__wrapped__(name) in known
        assert echo.is_media(name, known) == plain_media
        assert outlet_key(name) == outlet_key.__wrapped__(name)
        assert framing._may_be_speaker(name) == framing._may_be_speaker.__wrapped__(name)
        expected = not (
            echo.is_media(name) or name.lower() in framing.MEDIA_BACKREFS
        ) and framing.reads_as_speaker(name)
        assert framing._may_be_speaker(name) == expected


TEXT = "Engineer Pavla Renk said on 11 May that the dam will hold 40 million litres by June."


def _span(a: int, b: int) -> Span:
    return Span(TEXT[a:b], a, b, a + 3, b + 3)


def test_every_decoded_object_has_its_fields_in_order():
    figure = Quantity(40e6, "litres", _span(61, 78), None, 1e6)
    claims = (
        Claim("c1", _span(39, 84), "speaker", _span(44, 84), 0, "q1", (0,), (figure,), ("2027-06",), False,
              None, True, ("dam", "hold")),
        Claim("c2", _span(0, 20), "outlet"),
    )  # fmt: skip
    quotes = (
        Quote("q1", "indirect", _span(39, 84), _span(0, 19), 0, _span(20, 24)),
        Quote("q2", "direct", _span(0, 8)),
    )
    x = replace(_story()[0][0].extraction, claims=claims, quotes=quotes)
    back = extraction_from_json(extraction_to_json(replace(x, sentences=(_span(0, 85),))), TEXT)
    objects = [*back.sentences, *back.entities, *back.mentions, *back.quotes, *back.times, *back.claims]
    objects += [o for q in back.quotes for o in (q.content, q.speaker, q.cue) if o is not None]
    objects += [o for m in back.mentions for o in [m.span]] + [t.span for t in back.times]
    objects += [s for c in back.claims for s in (c.span, c.content, *c.numbers) if s is not None]
    objects += [n.span for c in back.claims for n in c.numbers]
    for o in objects:
        assert list(vars(o)) == [f.name for f in fields(o)]
    assert back.claims == claims and back.quotes == quotes


def test_story_titles_are_read_without_decoding_their_articles(store_url, monkeypatch):
    from corroborate.store import sqlbase

    store = api.open_store(store_url)
    try:
        for k, (outlet, day, text) in enumerate(REPORTS):
            meta = SourceMeta(outlet=outlet, published=day, title=f"Dam news {k}" if k != 2 else None)
            api.store_prepared([run_stages(RawDocument(f"d{k}", text, "text", meta=meta), Settings())],
                               Corpus(store), Settings())  # fmt: skip
        ids = [a.id for a in store.iter_articles()]
        monkeypatch.setattr(sqlbase, "PAGE", 3)  # several queries
        assert store.titles([*ids, "nope", ids[0]]) == {i: store.get_article(i).meta.title for i in ids}
        assert store.titles([]) == {}
        for story in api.stories(store):
            assert story["title"] == store.get_article(story["articles"][0]).meta.title
    finally:
        store.close()


def _plain_totals(alignment: Alignment, claims: list[int]) -> dict[int, float]:
    """Each set's similarity to every other set of the group, looked up from both ends."""
    count = Counter(alignment.rep_of[i] for i in claims)

    def weighted(r: int) -> list[float]:
        found = ((m, alignment.sims.get((min(r, o), max(r, o)))) for o, m in count.items() if o != r)
        return [s * m for m, s in found if s is not None]

    per_rep = {r: math.fsum([n - 1.0, *weighted(r)]) for r, n in count.items()}
    return {i: per_rep[alignment.rep_of[i]] for i in claims}


@pytest.mark.parametrize("seed", range(4))
@pytest.mark.parametrize("few", [0, 16])
def test_similarity_totals_are_those_looked_up_from_both_ends(seed, few, monkeypatch):
    rng = random.Random(seed)
    rep_of = tuple(rng.randrange(30) for _ in range(80))
    sims = {(i, j): rng.random() for i in range(30) for j in range(i + 1, 30) if rng.random() < 0.4}
    alignment = Alignment((), rep_of, sims)
    monkeypatch.setattr(align, "FEW_SETS", few)
    for _ in range(12):
        claims = rng.sample(range(80), rng.randint(1, 50))
        assert alignment.similarity_totals(claims) == _plain_totals(alignment, claims)


def test_story_stats_keep_the_weights_and_floor_a_fresh_computation_gives():
    views = story_views(_ordered(_story()[0]))
    views = views + views[:3]  # claims with the same features are summed once
    stats = story_stats(views, DEFAULT)
    assert stats.weights == {f: stats.weight(f) for f in stats.df}
    totals = sorted(math.fsum(stats.weight(f) for f in v.features) for v in views)
    assert stats.floor == DEFAULT.short_claim * totals[len(totals) // 2]
