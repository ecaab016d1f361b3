"""Titles, appositions and role descriptions around names.

"US Army Lieutenant Colonel Ruth Adeyemi", "special envoy Lena Ostrova", "the envoy, Lena Ostrova",
"Lena Ostrova, the special envoy," and "the Ruritanian leader" all reduce to a :class:`Title`:
where the phrase lies, its text, the role it names and the nationality it gives.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import NamedTuple

from .gazetteer import Role
from .mention_context import (
    DEM,
    HON,
    NAME,
    PLACE,
    ROLE,
    TITLE_UNITS,
    Ctx,
    Unit,
    derived_country,
    looks_like_demonym,
    role_at,
    role_ending_at,
    units,
)

DETERMINERS = frozenset({"the", "this", "that"})
_APPOSITION_DETS = frozenset({"the", "a", "an", "his", "her", "its", "their"})
ALL_KINDS = frozenset({"PERSON", "ORG", "PLACE"})
# Past tenses ("warned", not "feed") and third-person forms ("needs", not "press" or "bus").
_VERB = re.compile(r"^[a-z]{2,}[^e]ed$|^[a-z]{2,}[^su]s$")
_ADJECTIVE = re.compile(r"^[a-z]+(?:al|ic|ive|ous|ern|ian|ish|ant|ent|ary|-[a-z-]+)$|^\d+-[a-z-]+$")


# A NamedTuple for speed, like :class:`Unit`.
class Title(NamedTuple):
    #: token range of the whole phrase (determiner or possessor included)
    start: int
    end: int
    #: token range of the title text itself ("special envoy", "Ruritania's foreign minister")
    text_start: int
    text_end: int
    role: Role | None
    country: str | None
    gender: str | None = None


@dataclass
class Scan:
    ctx: Ctx
    #: capitalised runs: start token -> end token (exclusive), and last token -> start token
    run_end: dict[int, int]
    run_start: dict[int, int]
    taken: bytearray = field(default_factory=bytearray)
    #: words that form a one-word run somewhere in the text
    alone: frozenset[str] = frozenset()
    #: organisation names without their final suffix word ("Harbour Freight" for "Harbour Freight Inc.")
    org_stems: frozenset[tuple[str, ...]] = frozenset()


def title_from_units(found: list[Unit]) -> tuple[Role | None, str | None, str | None]:
    """Role, nationality and gender a list of title units gives: the last role, the first nationality."""
    role = next((u.role for u in reversed(found) if u.type in (ROLE, HON) and u.role), None)
    country = next((u.country for u in found if u.type in (PLACE, DEM) and u.country), None)
    gender = next((u.gender for u in found if u.gender), None)
    return role, country, gender


def adjectival_run(scan: Scan, a: int) -> tuple[int, str | None] | None:
    """A capitalised run at ``a`` that can qualify a role noun ("Russian", "US", "Ruritanian")."""
    b = scan.run_end.get(a)
    if b is None or scan.taken[a]:
        return None
    found = units(scan.ctx, a, b)
    if all(u.type in TITLE_UNITS and u.type != HON for u in found):
        return b, title_from_units(found)[1]
    word = scan.ctx.words[a]
    if b - a == 1 and looks_like_demonym(word) and word not in scan.ctx.gaz.given_names:
        return b, derived_country(word)
    return None


def owner_country(scan: Scan, poss: int) -> tuple[int, str] | None:
    """For "<Country>'s", the run start and the country; ``poss`` is the index of the "'s" token."""
    a = scan.run_start.get(poss - 1)
    if a is None:
        return None
    found = units(scan.ctx, a, poss)
    if len(found) == 1 and found[0].type == PLACE and found[0].country:
        return a, found[0].country
    word = scan.ctx.words[a]
    if poss - a == 1 and re.fullmatch(r"[A-Z][a-z]+(?:ia|land|stan)", word):
        return a, word  # an unknown country name ("Ruritania's")
    return None


def ends_phrase(ctx: Ctx, h: int) -> bool:
    """Can a noun phrase end before token ``h``?"""
    if h >= len(ctx.toks) or ctx.toks[h].newline:
        return True
    tok = ctx.toks[h]
    if tok.type in ("punct", "poss"):
        return True
    low = ctx.lower[h]
    # A past tense or third-person verb ends the phrase: "the minister warned", "the country needs".
    return not tok.cap and (low in ctx.gaz.followers or _VERB.match(low) is not None)


def _qualifiers_back(scan: Scan, i: int, stop: int) -> tuple[int, str | None]:
    """Extend a role phrase starting at token ``i`` back over modifiers and nationality words."""
    ctx, country = scan.ctx, None
    while i - 1 > stop and not ctx.toks[i].newline and not scan.taken[i - 1]:
        prev = i - 1
        if not ctx.toks[prev].cap and (
            ctx.lower[prev] in ctx.gaz.modifiers or _ADJECTIVE.match(ctx.lower[prev])
        ):
            i = prev
            continue
        a = scan.run_start.get(prev)
        found = adjectival_run(scan, a) if a is not None else None
        if a is None or found is None:
            break
        i, country = a, found[1] or country
    return i, country


def title_before(scan: Scan, a: int) -> Title | None:
    """A lower-case title right before a name: "special envoy Lena Ostrova", "Ruritania's foreign minister X"."""
    ctx = scan.ctx
    if a == 0 or ctx.toks[a].newline or ctx.toks[a - 1].cap or scan.taken[a - 1]:
        return None
    found = role_ending_at(ctx, a - 1)
    if found is None or any(ctx.toks[k].cap for k in range(found[0], a)):
        return None
    i, country = _qualifiers_back(scan, found[0], -1)
    start = i
    if i >= 2 and ctx.toks[i - 1].type == "poss":
        owner = owner_country(scan, i - 1)
        if owner:
            start, country = owner[0], owner[1]
    return Title(start, a, start, a, found[1], country, found[1].gender)


def apposition_before(scan: Scan, a: int) -> Title | None:
    """ "the envoy, Lena Ostrova" or "President X's special envoy, Lena Ostrova"."""
    ctx = scan.ctx
    if a < 3 or ctx.words[a - 1] != "," or ctx.toks[a - 1].newline or scan.taken[a - 2]:
        return None
    found = role_ending_at(ctx, a - 2, ALL_KINDS)
    if found is None or ctx.toks[a - 2].cap:
        return None
    i, country = _qualifiers_back(scan, found[0], 0)
    if i == 0:
        return None
    if ctx.lower[i - 1] in _APPOSITION_DETS:
        return Title(i - 1, a, i, a - 1, found[1], country, found[1].gender)
    if ctx.toks[i - 1].type == "poss":
        owner = owner_country(scan, i - 1)
        if owner:
            return Title(owner[0], a, owner[0], a - 1, found[1], owner[1], found[1].gender)
        return Title(i, a, i, a - 1, found[1], country, found[1].gender)
    return None


def _role_forward(scan: Scan, p: int, kinds: frozenset[str]) -> tuple[int, int, Role, str | None] | None:
    """From token ``p``, skip modifiers and nationality words to a role that ends a phrase.

    Returns (role start, role end, role, nationality).
    """
    ctx, country, n = scan.ctx, None, len(scan.ctx.toks)
    for _ in range(6):
        if p >= n or scan.taken[p] or ctx.toks[p].newline:
            return None
        if ctx.toks[p].cap and p in scan.run_end:
            return _role_in_run(scan, p, kinds, country)
        found = role_at(ctx, p, n, kinds)
        if found and ends_phrase(ctx, p + found[0]) and not _name_follows(scan, p + found[0]):
            return p, p + found[0], found[1], country
        if ctx.lower[p] not in ctx.gaz.modifiers and not _ADJECTIVE.match(ctx.lower[p]):
            return None
        p += 1
    return None


def _role_in_run(
    scan: Scan, p: int, kinds: frozenset[str], country: str | None
) -> tuple[int, int, Role, str | None] | None:
    """A capitalised run inside a description: a nationality ("Russian"), or the role itself ("US President")."""
    ctx, b = scan.ctx, scan.run_end[p]
    found = units(ctx, p, b)
    last = found[-1]
    if (
        last.type == ROLE
        and last.role
        and last.role.kind in kinds
        and all(u.type in TITLE_UNITS for u in found)
    ):
        if ends_phrase(ctx, b) and not _name_follows(scan, b):
            return last.start, b, last.role, title_from_units(found)[1] or country
        return None
    adjective = adjectival_run(scan, p)
    if adjective is None:
        return None
    return _role_forward_lower(scan, adjective[0], kinds, adjective[1] or country)


def _role_forward_lower(
    scan: Scan, p: int, kinds: frozenset[str], country: str | None
) -> tuple[int, int, Role, str | None] | None:
    """After a nationality word: the lower-case role that completes the phrase ("Ruritanian leader")."""
    ctx, n = scan.ctx, len(scan.ctx.toks)
    while p < n and not ctx.toks[p].cap and not ctx.toks[p].newline:
        found = role_at(ctx, p, n, kinds)
        if found and ends_phrase(ctx, p + found[0]) and not _name_follows(scan, p + found[0]):
            return p, p + found[0], found[1], country
        if ctx.lower[p] not in ctx.gaz.modifiers and not _ADJECTIVE.match(ctx.lower[p]):
            return None
        p += 1
    return None


def _name_follows(scan: Scan, h: int) -> bool:
    """Is token ``h`` the start of a capitalised name (so the role before it is a title)?"""
    b = scan.run_end.get(h)
    if b is None:
        return False
    return any(u.type == NAME for u in units(scan.ctx, h, b))


def apposition_after(scan: Scan, b: int) -> Title | None:
    """ "Lena Ostrova, the special envoy," or "Anna Berg, Ruritania's foreign minister, said"."""
    ctx = scan.ctx
    if b + 2 >= len(ctx.toks) or ctx.words[b] != "," or ctx.toks[b + 1].newline:
        return None
    p, owner = b + 1, None
    if ctx.lower[p] in _APPOSITION_DETS:
        p += 1
    elif scan.run_end.get(p) and scan.run_end[p] < len(ctx.toks) and ctx.toks[scan.run_end[p]].type == "poss":
        owner = owner_country(scan, scan.run_end[p])
        if owner is None:
            return None
        p = scan.run_end[p] + 1
    found = _role_forward(scan, p, ALL_KINDS)
    if found is None:
        return None
    text_start = owner[0] if owner else (b + 2 if ctx.lower[b + 1] in _APPOSITION_DETS else b + 1)
    country = owner[1] if owner else found[3]
    return Title(b, found[1], text_start, found[1], found[2], country, found[2].gender)


def description_at(scan: Scan, i: int) -> Title | None:
    """ "the Ruritanian leader", "the minister", "Ruritania's foreign minister", "the president of Estonia"."""
    ctx = scan.ctx
    if ctx.lower[i] in DETERMINERS:
        start, p, country = i, i + 1, None
    elif ctx.toks[i].type == "poss" and (owner := owner_country(scan, i)):
        start, p, country = owner[0], i + 1, owner[1]
    else:
        return None
    found = _role_forward(scan, p, ALL_KINDS)
    if found is None or _apposed_name(scan, found[1]):
        return None
    end, country = _of_country(scan, found[1], found[3] or country)
    text_start = i + 1 if start == i else start
    return Title(start, end, text_start, end, found[2], country, found[2].gender)


def _apposed_name(scan: Scan, h: int) -> bool:
    """ "the envoy, Lena Ostrova": the name that follows takes the role instead."""
    ctx = scan.ctx
    return h + 1 < len(ctx.toks) and ctx.words[h] == "," and _name_follows(scan, h + 1)


def _of_country(scan: Scan, h: int, country: str | None) -> tuple[int, str | None]:
    """ "the president of Estonia": take the country into the phrase."""
    ctx = scan.ctx
    if country or h + 1 >= len(ctx.toks) or ctx.lower[h] != "of":
        return h, country
    p = h + 2 if ctx.lower[h + 1] == "the" else h + 1
    b = scan.run_end.get(p)
    if b is None or scan.taken[p]:
        return h, country
    found = units(ctx, p, b)
    if len(found) == 1 and found[0].type == PLACE and found[0].country:
        return b, found[0].country
    return h, country
