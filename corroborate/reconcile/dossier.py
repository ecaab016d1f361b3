"""A story's dossier: actors, who said what, which claims independent outlets corroborate,
which one outlet alone reports, where outlets contradict each other, a dated timeline and
how each outlet frames the story -- every item pointing back to exact source characters.

:func:`build_dossier` is pure: the same articles and entities give the same dossier,
whatever order the articles come in.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from ..extract.claim_lexicon import STOPWORDS, words
from ..model import Article
from .actors import actors, entity_names, quotes_by_speaker
from .align import Alignment, prepare
from .features import ClaimView, outlet_name, story_views
from .framing import framing
from .records import (
    CONFLICTING,
    CORROBORATED,
    UNIQUE,
    Actor,
    ArticleRef,
    ClaimGroup,
    ClaimRef,
    Conflict,
    ConflictSide,
    Dossier,
    Echo,
    Framing,
    QuoteRef,
    SpeakerQuotes,
    TimelineEntry,
)
from .settings import DEFAULT, ReconcileSettings
from .status import (
    Origin,
    date_conflict_of,
    group_status,
    independence,
    number_conflict_of,
    polarity_conflict_of,
    speaker_conflict_of,
    story_origins,
)
from .timeline import attributed, readable, timeline

__all__ = [
    "CONFLICTING", "CORROBORATED", "UNIQUE", "Actor", "ArticleRef", "ClaimGroup", "ClaimRef", "Conflict",
    "ConflictSide", "Dossier", "Echo", "Framing", "QuoteRef", "ReconcileSettings", "SpeakerQuotes",
    "TimelineEntry", "build_dossier", "groups_and_timeline",
]  # fmt: skip


def _ordered(articles: Sequence[Article]) -> list[Article]:
    """Articles by publication date (undated last), then id: the input order does not matter."""
    return sorted(articles, key=lambda a: (a.meta.published is None, a.meta.published or "", a.id))


def _claim_ref(v: ClaimView, origin: Origin, names: Mapping[str, str]) -> ClaimRef:
    # one per claim: fields written into its own dict in declared order, as claim views are built
    s, ref = v.claim.span, object.__new__(ClaimRef)
    d = ref.__dict__
    d["id"], d["article"], d["outlet"], d["text"] = v.claim.id, v.article, v.outlet, s.text
    d["start"], d["end"], d["raw_start"], d["raw_end"] = s.start, s.end, s.raw_start, s.raw_end
    d["speaker"] = names.get(v.speaker) if v.speaker else None
    d["source"] = origin.name if origin.how else None
    return ref


def _representative(members: Sequence[int], views: Sequence[ClaimView], alignment: Alignment) -> int:
    """The member reading as a sentence that is most similar to the rest (the earliest on ties)."""
    if len(members) == 1:
        return members[0]
    total = alignment.similarity_totals(members)
    return min(members, key=lambda i: (not readable(views[i]), -total[i], i))


def _conflicts(members: Sequence[int], views: Sequence[ClaimView], origins: Sequence[Origin],
               ctx: _Story) -> tuple[Conflict, ...]:  # fmt: skip
    os = [origins[i] for i in members]
    if len({o.key for o in os}) < 2:
        return ()  # every conflict is between claims of different origins
    vs = [views[i] for i in members]

    def close(a: int, b: int) -> bool:
        i, j = sorted((members[a], members[b]))
        return ctx.alignment.sim(i, j) >= ctx.settings.negation_link

    found = (
        number_conflict_of(vs, os),
        date_conflict_of(vs, os),
        polarity_conflict_of(vs, os, close),
        speaker_conflict_of(vs, os, ctx.names, ctx.settings),
    )
    return tuple(c for c in found if c is not None)


class _Story:
    """What building the groups of one story needs, computed once."""

    def __init__(
        self, articles: Sequence[Article], entities: Mapping[str, dict], settings: ReconcileSettings
    ):
        self.articles, self.settings = articles, settings
        self.views = story_views(articles)
        self.alignment: Alignment = prepare(self.views, settings)
        self.names = entity_names(articles, entities)
        self.origins = story_origins(self.views, articles)


Independence = tuple[tuple[str, ...], tuple[str, ...], tuple[Echo, ...]]


def _group(gid: str, members: Sequence[int], found: Independence, refs: Sequence[ClaimRef],
           ctx: _Story) -> ClaimGroup:  # fmt: skip
    outlets, independent, echoes = found
    conflicts = _conflicts(members, ctx.views, ctx.origins, ctx)
    rep = ctx.views[_representative(members, ctx.views, ctx.alignment)]
    return ClaimGroup(
        id=gid,
        status=group_status(independent, conflicts),
        summary=attributed(rep, ctx.names, ctx.settings.summary_chars),
        claims=tuple(refs[i] for i in members),
        outlets=outlets,
        independent_outlets=independent,
        echoes=echoes,
        conflicts=conflicts,
    )


def _groups(ctx: _Story, story_id: str) -> tuple[ClaimGroup, ...]:
    """Claim groups, most independently reported first, then largest, then earliest (ordered
    before they are built, so each is built once with its final id)."""
    views, origins = ctx.views, ctx.origins
    clusters = ctx.alignment.groups(ctx.settings.link_threshold)
    found = [independence([views[i] for i in m], [origins[i] for i in m]) for m in clusters]
    order = sorted(range(len(clusters)), key=lambda k: (-len(found[k][1]), -len(clusters[k]), clusters[k][0]))
    refs = [_claim_ref(v, o, ctx.names) for v, o in zip(views, origins, strict=True)]
    return tuple(
        _group(f"{story_id}-g{n + 1}", clusters[k], found[k], refs, ctx) for n, k in enumerate(order)
    )


def headline(articles: Sequence[Article], groups: Sequence[ClaimGroup] = ()) -> str:
    """The title sharing most words with the other titles (the earliest on ties); without
    titles, the claim most widely reported."""
    titled = [a for a in articles if a.meta.title]
    if not titled:
        return groups[0].summary if groups else ""
    bags = [set(words(a.meta.title or "")) - STOPWORDS for a in titled]

    def shared(i: int) -> int:
        return sum(len(bags[i] & b) for j, b in enumerate(bags) if j != i)

    best = min(range(len(titled)), key=lambda i: (-shared(i), i))
    return titled[best].meta.title or ""


def _article_ref(a: Article) -> ArticleRef:
    m = a.meta
    return ArticleRef(a.id, outlet_name(a), m.title, m.published, m.url, a.duplicate_of)


def _story_groups(story_id: str, articles: Sequence[Article], entities: Mapping[str, dict],
                  settings: ReconcileSettings) -> tuple[_Story, tuple[ClaimGroup, ...], dict[str, str]]:  # fmt: skip
    """The story's claim groups and claim id -> group id (``articles`` in dossier order)."""
    ctx = _Story(articles, entities, settings)
    groups = _groups(ctx, story_id)
    return ctx, groups, {c.id: g.id for g in groups for c in g.claims}


def groups_and_timeline(story_id: str, articles: Sequence[Article], entities: Mapping[str, dict],
                        settings: ReconcileSettings = DEFAULT) -> tuple[tuple[ClaimGroup, ...], tuple[TimelineEntry, ...]]:  # fmt: skip
    """The dossier's claim groups and timeline alone, as :func:`build_dossier` gives them: what
    the export keeps of a dossier, without the actors, quotations and framing it drops."""
    ctx, groups, group_of = _story_groups(story_id, _ordered(articles), entities, settings)
    return groups, timeline(ctx.views, group_of, ctx.names, settings.timeline_chars)


def build_dossier(story_id: str, articles: Sequence[Article], entities: Mapping[str, dict],
                  settings: ReconcileSettings = DEFAULT) -> Dossier:  # fmt: skip
    """The dossier of one story. ``entities`` maps corpus entity id -> {"id", "name", "kind",
    "aliases"}; articles not linked to the corpus are named by their own entity names."""
    ordered = _ordered(articles)
    ctx, groups, group_of = _story_groups(story_id, ordered, entities, settings)
    return Dossier(
        story_id=story_id,
        headline=headline(ordered, groups),
        articles=tuple(_article_ref(a) for a in ordered),
        actors=actors(ordered, entities, ctx.names),
        quotes_by_speaker=quotes_by_speaker(ordered, ctx.names),
        groups=groups,
        timeline=timeline(ctx.views, group_of, ctx.names, settings.timeline_chars),
        framing=framing(ordered, ctx.views, group_of, ctx.names, settings),
    )
