"""Which mentions are one entity: within an article (names, surnames, role descriptions, pronouns)
and across articles (:class:`EntityRegistry`).

Within an article, full names seed entities; a lone surname or given name joins the most salient
full-name holder; "the Ruritanian leader" joins the entity holding a fitting role (president +
Russia); pronouns resolve on request to a recent compatible person, subjects preferred.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import NamedTuple

from .entities import MentionExpr
from .gazetteer import gazetteer, key
from .registry import ArticleEntity, EntityRecord, EntityRegistry
from .resolve_doc import DocIndex, index_text
from .resolve_names import Cluster, cluster_kind, cluster_names
from .role_match import best_level, role_classes

_POSSESSIVE = frozenset({"his", "her", "hers"})


def resolve_article(text: str, mentions: Sequence[MentionExpr], *, pronouns: bool = False) -> list[int]:
    """A local entity index per mention; -1 for mentions that are no entity of their own here
    (nationality adjectives, descriptions with nothing to refer to, pronouns unless ``pronouns``).

    >>> text = "Anna Berg met Omar Haddad. Berg said the talks went well."
    >>> from corroborate.extract.entities import find_mentions
    >>> ms = find_mentions(text)
    >>> [(text[m.start:m.end], i) for m, i in zip(ms, resolve_article(text, ms))]
    [('Anna Berg', 0), ('Omar Haddad', 1), ('Berg', 0)]
    """
    doc = index_text(text)
    ids, clusters = cluster_names(mentions)
    for i, m in enumerate(mentions):
        if m.is_description and m.role and not doc.in_quote(m.start):
            ids[i] = _description_target(i, mentions, clusters, doc)
            if ids[i] >= 0:
                clusters[ids[i]].add(i, m)
    if pronouns:
        traits = _entity_traits(mentions, ids)
        for i, m in enumerate(mentions):
            if m.is_pronoun:
                j = _pronoun_antecedent(i, mentions, ids, doc, traits)
                ids[i] = ids[j] if j is not None else -1
    return _renumber(ids)


def _renumber(ids: list[int]) -> list[int]:
    """Entity indexes in order of first mention (stable output whatever the clustering order)."""
    order: dict[int, int] = {}
    for k in ids:
        if k >= 0 and k not in order:
            order[k] = len(order)
    return [order[k] if k >= 0 else -1 for k in ids]


def _description_target(
    i: int, mentions: Sequence[MentionExpr], clusters: list[Cluster], doc: DocIndex
) -> int:
    """The entity a role description refers to, or -1."""
    m = mentions[i]
    assert m.role is not None
    best, best_score = -1, None
    for k, c in enumerate(clusters):
        level = _fit(m, c, mentions)
        if level == 0:
            continue
        before = [mentions[j].start for j in c.members if mentions[j].start < m.start]
        if before:
            gap = doc.sentence(m.start) - doc.sentence(max(before))
            recent = 2 if gap <= 2 else (1 if gap <= 5 else 0)
            # People are picked up by the last one named; "the company" is the one the story is about.
            salience = (recent, len(c.members)) if m.kind == "PERSON" else (len(c.members), recent)
            score = (1, level, *salience, max(before))
        else:
            score = (0, level, 0, len(c.members), -min(mentions[j].start for j in c.members))
        if best_score is None or score > best_score:
            best, best_score = k, score
    return best


def _fit(m: MentionExpr, c: Cluster, mentions: Sequence[MentionExpr]) -> int:
    """How well an entity fits a description: by role for people, by head noun for organisations and places."""
    assert m.role is not None
    kind = cluster_kind(c, mentions)
    if kind == "OTHER" and m.kind == "ORG" and "company" in role_classes(m.role[0]):
        return 1  # a bare company name ("Airbus said ... the company") has no organisation cue of its own
    if kind != m.kind:
        return 0
    if kind == "PERSON":
        return best_level(m.role, c.roles)
    noun = m.role[0]
    if kind == "ORG":
        if noun.capitalize() in c.words:
            return 1
        generic = "company" in role_classes(noun)
        return 1 if generic and not _public_body(c, mentions) else 0
    return 1 if noun in c.place_types else 0


def _public_body(c: Cluster, mentions: Sequence[MentionExpr]) -> bool:
    """A ministry, army or alliance: never "the company"."""
    gaz = gazetteer()
    if any(w in gaz.org_public for w in c.words):
        return True
    return any(key(mentions[j].name) in gaz.org_names for j in c.members)


def resolve_pronoun(
    text: str, mentions: Sequence[MentionExpr], pronoun_index: int, entities: Sequence[int] | None = None
) -> int | None:
    """The index (into ``mentions``) of the antecedent of a he/she pronoun, or None.

    Candidates are named or described people in the same sentence before the pronoun or in the
    three sentences before it (same or previous paragraph), agreeing in gender; nearer sentences
    win, then subjects (the first person of a sentence), then the more frequent entity. Pronouns
    inside quotations and plural pronouns are left alone (None). Pass ``entities`` (the output of
    :func:`resolve_article`) to avoid recomputing them.
    """
    doc = index_text(text)
    ids = list(entities) if entities is not None else resolve_article(text, mentions)
    return _pronoun_antecedent(pronoun_index, mentions, ids, doc, _entity_traits(mentions, ids))


def _pronoun_antecedent(
    p: int, mentions: Sequence[MentionExpr], ids: list[int], doc: DocIndex, traits: _Traits
) -> int | None:
    m = mentions[p]
    if not m.is_pronoun or m.gender not in ("m", "f") or doc.in_quote(m.start):
        return None
    genders, kinds, strong, counts = traits
    s, para = doc.sentence(m.start), doc.paragraph(m.start)
    best, best_score = None, None
    for j in range(p - 1, -1, -1):
        c = mentions[j]
        gap = s - doc.sentence(c.start)
        if gap > 3:
            break
        if not _person_candidate(c, ids[j], kinds, genders, m.gender) or doc.in_quote(
            c.start
        ) != doc.in_quote(m.start):
            continue
        if para - doc.paragraph(c.start) > 1:
            continue
        near = c.start if m.name in _POSSESSIVE and gap == 0 else 0
        # A person known as one (title, given name) gets a sentence's head start over a guessed name.
        reach = max(gap - (ids[j] in strong), 0)
        score = (-reach, near, _is_subject(j, mentions, doc), counts[ids[j]], c.start)
        if best_score is None or score > best_score:
            best, best_score = j, score
    return best


def _person_candidate(
    c: MentionExpr, entity: int, kinds: set[int], genders: dict[int, str], gender: str | None
) -> bool:
    if c.is_pronoun or c.is_demonym or entity < 0 or entity not in kinds:
        return False
    return genders.get(entity) in (None, gender)


class _Traits(NamedTuple):
    #: entity -> gender known from names, honorifics or role nouns
    genders: dict[int, str]
    #: entities that are people
    people: set[int]
    #: entities surely people (a title, a role or a gendered given name)
    strong: set[int]
    #: mentions per entity
    counts: Counter[int]


def _entity_traits(mentions: Sequence[MentionExpr], ids: list[int]) -> _Traits:
    """What pronoun resolution needs to know of each entity, computed once per article."""
    t = _Traits({}, set(), set(), Counter(k for k in ids if k >= 0))
    for m, k in zip(mentions, ids, strict=True):
        if k < 0 or m.is_pronoun:
            continue
        if m.gender in ("m", "f"):
            t.genders.setdefault(k, m.gender)
        if m.kind == "PERSON":
            t.people.add(k)
            if m.gender or m.role:
                t.strong.add(k)
    return t


def _is_subject(j: int, mentions: Sequence[MentionExpr], doc: DocIndex) -> bool:
    """Is mention ``j`` the first person named in its sentence (a cheap stand-in for the subject)?"""
    s = doc.sentence(mentions[j].start)
    for k in range(j - 1, -1, -1):
        if doc.sentence(mentions[k].start) != s:
            return True
        if mentions[k].kind == "PERSON" and not mentions[k].is_pronoun:
            return False
    return True


def article_entities(
    text: str, mentions: Sequence[MentionExpr], ids: Sequence[int] | None = None
) -> list[ArticleEntity]:
    """One :class:`ArticleEntity` per local entity index (position ``k`` describes entity ``k``)."""
    ids = list(ids) if ids is not None else resolve_article(text, mentions)
    groups: dict[int, list[MentionExpr]] = {}
    for m, k in zip(mentions, ids, strict=True):
        if k >= 0:
            groups.setdefault(k, []).append(m)
    return [ArticleEntity.from_mentions(groups[k]) for k in sorted(groups)]


def link_article(
    registry: EntityRegistry, text: str, mentions: Sequence[MentionExpr], *, pronouns: bool = True
) -> list[str | None]:
    """The corpus entity id of each mention (None where :func:`resolve_article` gives -1).

    >>> from corroborate.extract.entities import find_mentions
    >>> reg, text = EntityRegistry(), "Ivo Markov spoke. Markov said he would stay."
    >>> ids = link_article(reg, text, find_mentions(text))
    >>> len(set(ids)), reg.get(ids[0]).name
    (1, 'Ivo Markov')
    """
    local = resolve_article(text, mentions, pronouns=pronouns)
    ents = article_entities(text, mentions, local)
    global_ids = registry.link(ents)
    return [global_ids[k] if k >= 0 else None for k in local]


__all__ = [
    "ArticleEntity",
    "EntityRecord",
    "EntityRegistry",
    "article_entities",
    "link_article",
    "resolve_article",
    "resolve_pronoun",
]
