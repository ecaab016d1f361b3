"""Grouping the name mentions of one article into entities.

Full names go first, so that a lone surname ("Markov") or given name can join a full name
written before or after it; when two people share a surname ("Harold Brisk", "Edith Brisk"),
a lone "Brisk" joins the one whose role fits, then the most mentioned, then the nearest.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from .entities import MentionExpr
from .gazetteer import gazetteer
from .mention_names import is_acronym
from .namekeys import (
    fold,
    given_compatible,
    given_key,
    initials,
    middle_compatible,
    name_words,
    similar_keys,
    surname_key,
    word_key,
)
from .role_match import RoleT, best_level

_PLACE_NOUNS = {
    "country": frozenset({"country", "nation"}),
    "capital": frozenset({"capital", "city"}),
    "place": frozenset({"city", "region", "state", "province", "town"}),
}


@dataclass
class Cluster:
    """One entity of an article while it is being assembled."""

    members: list[int] = field(default_factory=list)
    #: words of the most complete personal name, or of the organisation's name
    words: list[str] = field(default_factory=list)
    given: str = ""
    surname: str = ""
    #: holds a personal name of two words or more
    full: bool = False
    roles: list[RoleT] = field(default_factory=list)
    place_types: frozenset[str] = frozenset()

    def add(self, i: int, m: MentionExpr) -> None:
        self.members.append(i)
        if m.role and m.kind == "PERSON":
            self.roles.append(m.role)


def is_name(m: MentionExpr) -> bool:
    return not (m.is_pronoun or m.is_description or m.is_demonym)


def cluster_kind(c: Cluster, mentions: Sequence[MentionExpr]) -> str:
    """PERSON as soon as any evidence says so (a title, a given name); then ORG, PLACE, OTHER."""
    kinds = {mentions[i].kind for i in c.members}
    if "PERSON" in kinds or c.full:
        return "PERSON"
    return next((k for k in ("ORG", "PLACE") if k in kinds), "OTHER")


def cluster_names(mentions: Sequence[MentionExpr]) -> tuple[list[int], list[Cluster]]:
    """Cluster index per mention (-1 for pronouns, descriptions, demonyms) and the clusters."""
    ids = [-1] * len(mentions)
    clusters: list[Cluster] = []
    exact: dict[tuple[str, str], int] = {}
    names = [i for i, m in enumerate(mentions) if is_name(m)]
    seeds = [_seeds_entity(mentions[i]) for i in names]
    first = [i for i, seed in zip(names, seeds, strict=True) if seed]
    for i in first + [i for i, seed in zip(names, seeds, strict=True) if not seed]:
        m = mentions[i]
        key = _exact_key(m)
        k = exact[key] if key in exact else _join(i, mentions, clusters)
        if k < 0:
            k = len(clusters)
            clusters.append(_new_cluster(m))
            exact[key] = k
        ids[i] = k
        clusters[k].add(i, m)
    return ids, clusters


def _seeds_entity(m: MentionExpr) -> bool:
    """Full personal names and multi-word organisations are read before lone words."""
    return len(name_words(m.name)) > 1 or m.kind == "PLACE"


def _exact_key(m: MentionExpr) -> tuple[str, str]:
    if m.kind in ("ORG", "PLACE"):
        return m.kind, fold(m.name)
    return "NAME", _name_key(m.name)


@lru_cache(maxsize=65536)
def _name_key(name: str) -> str:
    return " ".join(word_key(w) for w in name_words(name))


def _new_cluster(m: MentionExpr) -> Cluster:
    words = name_words(m.name) if m.kind in ("PERSON", "OTHER") else m.name.split()
    full = m.kind == "PERSON" and len(words) > 1
    place = gazetteer().places_by_name.get(m.name) if m.kind == "PLACE" else None
    return Cluster(
        words=words,
        given=given_key(m.name) if full else "",
        surname=surname_key(m.name) if words else "",
        full=full,
        place_types=_PLACE_NOUNS.get(place.type, frozenset()) if place else frozenset(),
    )


def _join(i: int, mentions: Sequence[MentionExpr], clusters: list[Cluster]) -> int:
    """The existing cluster mention ``i`` belongs to (other than by the same name), or -1."""
    m = mentions[i]
    if m.kind == "ORG":
        return _join_org(m.name, mentions, clusters)
    if m.kind not in ("PERSON", "OTHER"):
        return -1
    words = name_words(m.name)
    if len(words) > 1:
        return _join_full(words, clusters)
    return _join_single(i, mentions, clusters) if words else -1


def _join_org(name: str, mentions: Sequence[MentionExpr], clusters: list[Cluster]) -> int:
    """An acronym joins the organisation it abbreviates; "Air Force" joins "United States Air Force",
    "Harbour Freight" joins "Harbour Freight Inc."."""
    words = name.split()
    for k, c in enumerate(clusters):
        if c.full or not c.members or mentions[c.members[0]].kind != "ORG" or len(c.words) < 2:
            continue
        if is_acronym(name) and initials(" ".join(c.words)) == name.replace(".", ""):
            return k
        if len(words) >= 2 and len(c.words) > len(words) and c.words[-len(words) :] == words:
            return k
        if _same_stem(words, c.words) or _same_stem(c.words, words):
            return k
    return -1


def _same_stem(short: list[str], long: list[str]) -> bool:
    """ "Harbour Freight" is "Harbour Freight Inc." without its suffix."""
    suffixes = gazetteer().org_suffixes
    return (
        len(long) > len(short)
        and long[: len(short)] == short
        and all(w in suffixes for w in long[len(short) :])
    )


def _join_full(words: list[str], clusters: list[Cluster]) -> int:
    """A full name joins a full name with the same surname and a compatible given name."""
    name = " ".join(words)
    sk, gk = surname_key(name), given_key(name)
    for k, c in enumerate(clusters):
        if (
            c.full
            and similar_keys(c.surname, sk)
            and given_compatible(c.given, gk)
            and middle_compatible(" ".join(c.words), name)
        ):
            return k
    return -1


def _join_single(i: int, mentions: Sequence[MentionExpr], clusters: list[Cluster]) -> int:
    """A lone word joins the best full name whose surname (else given name) it is, or an organisation it begins."""
    m = mentions[i]
    wk = word_key(name_words(m.name)[0])
    found = [
        k
        for k, c in enumerate(clusters)
        if c.full and c.surname[:1] == wk[:1] and similar_keys(c.surname, wk)
    ]
    if not found:
        found = [k for k, c in enumerate(clusters) if c.full and c.given == wk]
    if not found:
        found = [
            k for k, c in enumerate(clusters) if not c.full and len(c.words) > 1 and c.words[0] == m.name
        ]
        found = [k for k in found if mentions[clusters[k].members[0]].kind == "ORG"]
    if not found:
        return -1
    return max(found, key=lambda k: _salience(m, clusters[k], mentions))


def _salience(m: MentionExpr, c: Cluster, mentions: Sequence[MentionExpr]) -> tuple[int, int, int]:
    """Role fit, then frequency, then nearness (negative distance) of a candidate for a lone name."""
    fit = best_level(m.role, c.roles) if m.role else 0
    distance = min(abs(mentions[j].start - m.start) for j in c.members)
    return fit, len(c.members), -distance
