"""Entities across articles: one record per real-world person, organisation or place.

Spelling variants share a transliteration key ("Zablotsky" / "Zablotskyy" / "Sablotskyj"); people
sharing a surname stay apart when their given names differ ("Harold Brisk" / "Edith Brisk");
a bare surname joins the dominant full-name holder whose role fits. Ids are deterministic:
"e_" + a short hash of the key the entity was first seen under.
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from .entities import MentionExpr
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


@dataclass(frozen=True)
class ArticleEntity:
    """What one article says about one of its entities, as :meth:`EntityRegistry.link` takes it."""

    name: str
    kind: str
    aliases: tuple[str, ...] = ()
    title: str | None = None
    role: RoleT | None = None
    mentions: int = 1
    gender: str | None = None

    @classmethod
    def from_mentions(cls, ms: Sequence[MentionExpr]) -> ArticleEntity:
        names = [m for m in ms if not (m.is_pronoun or m.is_description or m.is_demonym)] or list(ms)
        kinds = {m.kind for m in ms if not m.is_pronoun}
        kind = (
            "PERSON"
            if "PERSON" in kinds
            else next((k for k in ("ORG", "PLACE") if any(m.kind == k for m in names)), "OTHER")
        )
        aliases = tuple(dict.fromkeys(m.name for m in names))
        best = max(
            aliases, key=lambda a: (len(name_words(a)), sum(m.name == a for m in names), -aliases.index(a))
        )
        roles = [m.role for m in names if m.role] + [m.role for m in ms if m.role and m.is_description]
        return cls(
            name=best,
            kind=kind,
            aliases=aliases,
            title=next((m.title for m in names if m.title), None),
            role=roles[0] if roles else None,
            mentions=len([m for m in ms if not m.is_pronoun]),
            gender=next((m.gender for m in names if m.gender in ("m", "f")), None),
        )


@dataclass
class EntityRecord:
    id: str
    name: str
    kind: str
    #: every spelling seen, with the number of articles it was seen in
    aliases: dict[str, int] = field(default_factory=dict)
    roles: list[RoleT] = field(default_factory=list)
    gender: str | None = None
    mentions: int = 0
    articles: int = 0

    @property
    def given(self) -> str:
        return given_key(self.name) if self.kind in ("PERSON", "OTHER") else ""

    @property
    def surname(self) -> str:
        return surname_key(self.name) if self.kind in ("PERSON", "OTHER") else ""


# Legal forms that the same company is written with or without ("Harbour Freight Inc.").
_LEGAL_FORMS = frozenset(["inc", "corp", "corporation", "co", "ltd", "llc", "plc", "ag", "sa", "gmbh", "nv"])


_PERSONISH = frozenset({"PERSON", "OTHER"})


@functools.lru_cache(maxsize=1 << 16)
def _word_count(name: str) -> int:
    """How many words identify the name (:func:`name_words`); linking asks this of every spelling
    of every record an article touches, and the same names come back article after article."""
    return len(name_words(name))


# Cached for the same reason: names repeat, and each lookup builds the key again.
@functools.lru_cache(maxsize=1 << 16)
def _exact_key(name: str, kind: str) -> str:
    """
    >>> _exact_key("Harbour Freight Inc.", "ORG") == _exact_key("Harbour Freight", "ORG")
    True
    """
    if kind == "ORG":
        words = fold(name).split()
        while len(words) > 1 and words[-1] in _LEGAL_FORMS:
            words.pop()
        return "ORG:" + " ".join(words)
    if kind == "PLACE":
        return f"PLACE:{fold(name)}"
    return "NAME:" + " ".join(word_key(w) for w in name_words(name))


def _evidence(e: ArticleEntity) -> tuple[int, int, int]:
    """Entities with a role and a full name link first, so a bare surname meets them, not a namesake."""
    return (e.role is not None, _word_count(e.name) > 1, e.mentions)


class EntityRegistry:
    """The entities of a run, mutable while articles are linked; rebuild with :meth:`from_rows`."""

    def __init__(self) -> None:
        self._records: dict[str, EntityRecord] = {}
        self._exact: dict[str, str] = {}
        self._surnames: dict[str, set[str]] = {}
        #: (first letter, length) -> surname keys, so fuzzy search compares few keys
        self._buckets: dict[tuple[str, int], list[str]] = {}
        self._acronyms: dict[str, str] = {}
        #: surname key -> the other indexed surname keys close to it (kept as keys arrive)
        self._near: dict[str, list[str]] = {}
        #: (record id, spelling, given key, is the record's name) already indexed: indexing is
        #: idempotent, and a record's spellings are indexed again after every article it is in
        self._indexed: set[tuple[str, str, str, bool]] = set()

    def __len__(self) -> int:
        return len(self._records)

    def __iter__(self) -> Iterator[EntityRecord]:
        return iter(self._records.values())

    def get(self, entity_id: str) -> EntityRecord:
        return self._records[entity_id]

    def link(self, article_entities: Sequence[ArticleEntity]) -> list[str]:
        """The entity id of each of one article's entities, creating records as needed."""
        out = [""] * len(article_entities)
        order = sorted(
            range(len(article_entities)), key=lambda k: _evidence(article_entities[k]), reverse=True
        )
        for k in order:
            e = article_entities[k]
            rid = self._find(e) or self._create(e)
            self._absorb(self._records[rid], e)
            out[k] = rid
        return out

    def _find(self, e: ArticleEntity) -> str | None:
        if e.kind in ("ORG", "PLACE"):
            return self._find_named(e)
        # People are found by their full name, else by surname; a bare-surname alias ("Clinton")
        # is never looked up on its own, since it may belong to several people.
        full = _word_count(e.name) > 1
        rid = self._exact.get(_exact_key(e.name, e.kind)) if full else None
        if rid and self._records[rid].kind in _PERSONISH:
            return rid
        found = self._find_person(e)
        if found or full:
            return found
        # A one-word name nobody bears as a surname: the same word seen before, maybe as a company.
        return self._exact.get(_exact_key(e.name, "OTHER")) or self._exact.get(_exact_key(e.name, "ORG"))

    def _find_named(self, e: ArticleEntity) -> str | None:
        """Organisations and places by any spelling; an organisation also by its acronym, or as a bare
        word seen before without an organisation cue ("Airbus")."""
        kinds = (e.kind, "OTHER") if e.kind == "ORG" else (e.kind,)
        for kind in kinds:
            for alias in (e.name, *e.aliases):
                rid = self._exact.get(_exact_key(alias, kind))
                if rid and self._records[rid].kind in (e.kind, "OTHER"):
                    return rid
        return self._acronyms.get(e.name.replace(".", "")) if e.kind == "ORG" else None

    def _find_person(self, e: ArticleEntity) -> str | None:
        sk, gk = surname_key(e.name), given_key(e.name)
        if not sk:
            return None
        # In id order: max() below keeps the first of equals, and set order changes with the hash seed.
        cands = [self._records[r] for r in sorted(self._similar_surnames(sk))]
        cands = [r for r in cands if r.kind in _PERSONISH and (not e.gender or r.gender in (None, e.gender))]
        if gk:
            full = [
                r
                for r in cands
                if r.given and given_compatible(r.given, gk) and middle_compatible(r.name, e.name)
            ]
            bare = [
                r for r in cands if not r.given and (not r.roles or (e.role and best_level(e.role, r.roles)))
            ]
            cands = full or bare
        if not cands:
            return None
        return max(
            cands, key=lambda r: (best_level(e.role, r.roles) if e.role else 0, bool(r.given), r.mentions)
        ).id

    def _similar_surnames(self, sk: str) -> set[str]:
        """Records whose surname key is ``sk`` or close to it (same first letter, similar length)."""
        out = set(self._surnames.get(sk, ()))
        near = self._near.get(sk)
        for other in self._close_keys(sk) if near is None else near:
            out |= self._surnames[other]
        return out

    def _close_keys(self, sk: str) -> list[str]:
        """The indexed surname keys other than ``sk`` that :func:`similar_keys` finds close to it."""
        if len(sk) < 6:  # short keys must match exactly (see similar_keys)
            return []
        return [
            other
            for n in range(len(sk) - 2, len(sk) + 3)
            for other in self._buckets.get((sk[0], n), ())
            if other != sk and similar_keys(other, sk)
        ]

    def _add_surname_key(self, sk: str) -> None:
        close = self._close_keys(sk)
        for other in close:  # similar_keys is symmetric
            self._near[other].append(sk)
        self._near[sk] = close
        self._buckets.setdefault((sk[0], len(sk)), []).append(sk)

    def _create(self, e: ArticleEntity) -> str:
        base = hashlib.sha1(_exact_key(e.name, e.kind).encode("utf-8")).hexdigest()[:12]
        rid, n = f"e_{base}", 1
        while rid in self._records:
            n += 1
            rid = f"e_{base}_{n}"
        self._records[rid] = EntityRecord(rid, e.name, e.kind)
        return rid

    def _absorb(self, r: EntityRecord, e: ArticleEntity) -> None:
        r.mentions += e.mentions
        r.articles += 1
        for alias in dict.fromkeys((e.name, *e.aliases)):
            r.aliases[alias] = r.aliases.get(alias, 0) + 1
        if r.kind == "OTHER" and e.kind in ("PERSON", "ORG"):
            r.kind = e.kind
        if e.role and e.role not in r.roles:
            r.roles.append(e.role)
        r.gender = r.gender or e.gender
        r.name = _best_name(r)
        self._index(r)

    def _index(self, r: EntityRecord) -> None:
        if r.kind in _PERSONISH:
            self._index_person(r)
            return
        for alias in r.aliases:
            self._exact.setdefault(_exact_key(alias, r.kind), r.id)
        if r.kind == "ORG" and len(r.name.split()) > 1:
            self._acronyms.setdefault(initials(r.name), r.id)

    def _index_person(self, r: EntityRecord) -> None:
        """Full names that agree with the record's given name, and their surnames, point at it."""
        given = r.given
        for name in [r.name, *r.aliases]:
            key = (r.id, name, given, name == r.name)
            if key in self._indexed:
                continue
            self._indexed.add(key)
            if not key[3] and not (_word_count(name) > 1 and given_compatible(given_key(name), given)):
                continue
            self._exact.setdefault(_exact_key(name, r.kind), r.id)
            sk = surname_key(name)
            if not sk:
                continue
            if sk not in self._surnames:
                self._add_surname_key(sk)
            self._surnames.setdefault(sk, set()).add(r.id)

    def to_rows(self, ids: Iterable[str] | None = None) -> list[dict[str, Any]]:
        """Plain rows (JSON-ready) that :meth:`from_rows` turns back into this registry;
        only those of ``ids`` when given (what one article touched)."""
        records = self._records.values() if ids is None else (self._records[i] for i in dict.fromkeys(ids))
        return [
            {
                "id": r.id,
                "name": r.name,
                "kind": r.kind,
                "aliases": dict(r.aliases),
                "roles": [list(x) for x in r.roles],
                "gender": r.gender,
                "mentions": r.mentions,
                "articles": r.articles,
            }
            for r in records
        ]

    @classmethod
    def from_rows(cls, rows: Iterable[dict[str, Any]]) -> EntityRegistry:
        reg = cls()
        for row in rows:
            roles = [(str(x[0]), x[1]) for x in row.get("roles", [])]
            r = EntityRecord(
                row["id"],
                row["name"],
                row["kind"],
                dict(row.get("aliases", {})),
                roles,
                row.get("gender"),
                int(row.get("mentions", 0)),
                int(row.get("articles", 0)),
            )
            reg._records[r.id] = r
            reg._index(r)
        return reg


def _best_name(r: EntityRecord) -> str:
    """The most complete common form: most name words, then most often seen; the current name wins ties."""
    if r.kind not in ("PERSON", "OTHER"):
        return r.name
    # Among spellings seen at least a fifth as often as the commonest: the longest, then the commonest.
    floor = max(r.aliases.values()) / 5
    common = [a for a, n in r.aliases.items() if n >= floor]
    return max(common, key=lambda a: (_word_count(a), r.aliases[a], a == r.name))
