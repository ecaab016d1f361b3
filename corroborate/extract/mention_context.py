"""What mention finding knows about one text: its tokens plus word-list lookups over them.

A *unit* is a run of tokens with one meaning in a name or title: an honorific, a place,
a demonym, a party or faith word (group), a role phrase, a modifier of a role, or (otherwise)
a name word.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import NamedTuple

from .gazetteer import Gazetteer, Place, Role, gazetteer, longest
from .mention_tokens import START, TEXT, TYPE, Token, headline_lines, tokenize

HON, PLACE, DEM, ROLE, MOD, NAME, GROUP = "HON", "PLACE", "DEM", "ROLE", "MOD", "NAME", "GROUP"
#: Unit types that may make up a title ("US Army Lieutenant Colonel", "Republican Senator").
TITLE_UNITS = frozenset({HON, PLACE, DEM, ROLE, MOD, GROUP})

# Dates and holidays are written with capitals but are never entities here.
TIME_WORDS = frozenset(
    [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
        "Jan.",
        "Feb.",
        "Mar.",
        "Apr.",
        "Jun.",
        "Jul.",
        "Aug.",
        "Sep.",
        "Sept.",
        "Oct.",
        "Nov.",
        "Dec.",
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
        "Christmas",
        "Easter",
        "Thanksgiving",
        "Ramadan",
        "Eid",
        "Hanukkah",
        "Diwali",
    ]
)
_DEMONYM_SHAPE = re.compile(r"^[A-Z][a-z]{3,}(?:ian|ean|ese|ish|i)$")


# A NamedTuple, not a frozen dataclass: a few are built per name, and tuples are built several times faster.
class Unit(NamedTuple):
    type: str
    start: int  # token index
    end: int  # token index, exclusive
    place: Place | None = None
    country: str | None = None
    role: Role | None = None
    gender: str | None = None


@dataclass
class Ctx:
    text: str
    toks: list[Token]
    words: list[str]
    lower: list[str]
    #: token types (``Token.type``) as a list, for scans without attribute lookups
    types: list[str]
    gaz: Gazetteer
    headlines: frozenset[int]
    #: words written in lower case somewhere in the text (so a capital may only mark a sentence start)
    lower_seen: frozenset[str]
    #: capitalised words seen inside a sentence of running text
    confirmed: frozenset[str]
    #: units of token ranges already read (runs are read by several rules)
    unit_cache: dict[tuple[int, int], list[Unit]] = field(default_factory=dict)

    def token_at(self, pos: int) -> int:
        """Index of the token holding character ``pos``, or -1 (``pos`` in whitespace)."""
        k = bisect_right(self.toks, pos, key=START) - 1
        return k if k >= 0 and pos < self.toks[k].end else -1


def build_context(text: str) -> Ctx:
    toks = tokenize(text)
    words, types = list(map(TEXT, toks)), list(map(TYPE, toks))
    heads = headline_lines(toks)
    lower_seen = frozenset([w for w, t in zip(words, types, strict=True) if t == "word" and w[0].islower()])
    confirmed = frozenset([t.text for t in toks if t.cap and not t.initial and t.line not in heads])
    lower = list(map(str.lower, words))
    return Ctx(text, toks, words, lower, types, gazetteer(), heads, lower_seen, confirmed)


def derived_country(demonym: str) -> str:
    """A country name guessed from a demonym the gazetteer does not know.

    >>> derived_country("Ruritanian"), derived_country("Freedonese"), derived_country("Kurdish")
    ('Ruritania', 'Freedon', 'Kurd')
    """
    for suffix, cut in (("ian", 1), ("ean", 1), ("ese", 3), ("ish", 3), ("i", 1)):
        if demonym.endswith(suffix):
            return demonym[: len(demonym) - cut]
    return demonym


def looks_like_demonym(word: str) -> bool:
    """
    >>> looks_like_demonym("Ruritanian"), looks_like_demonym("Markov")
    (True, False)
    """
    return bool(_DEMONYM_SHAPE.match(word))


def role_at(
    ctx: Ctx, i: int, end: int, kinds: frozenset[str] = frozenset({"PERSON"})
) -> tuple[int, Role] | None:
    """The longest role phrase (any case) starting at token ``i`` and ending before ``end``."""
    # The first-word test is also longest's, made here to spare a call on the usual miss.
    n = longest(ctx.gaz.roles, ctx.lower, i, end) if ctx.lower[i] in ctx.gaz.roles.first else 0
    if n:
        role = ctx.gaz.roles[tuple(ctx.lower[i : i + n])]
        if role.kind in kinds:
            return n, role
    return None


def role_ending_at(
    ctx: Ctx, j: int, kinds: frozenset[str] = frozenset({"PERSON"})
) -> tuple[int, Role] | None:
    """The longest role phrase ending at token ``j`` (inclusive): (its first token, role)."""
    if ctx.lower[j] not in ctx.gaz.role_words:  # a quick miss: no role phrase holds the word
        return None
    for n in range(min(4, j + 1), 0, -1):
        role = ctx.gaz.roles.get(tuple(ctx.lower[j - n + 1 : j + 1]))
        if role is not None and role.kind in kinds:
            return j - n + 1, role
    return None


def unit_at(ctx: Ctx, i: int, end: int) -> Unit:
    """Read one unit of a capitalised run starting at token ``i`` (never past ``end``)."""
    gaz, word = ctx.gaz, ctx.words[i]
    if word in gaz.honorifics:
        gender, expands = gaz.honorifics[word]
        role = gaz.roles.get((expands,)) if expands else None
        return Unit(HON, i, i + 1, role=role, gender=gender)
    n = longest(gaz.places, ctx.words, i, end) if word in gaz.places.first else 0
    if n:
        place = gaz.places[tuple(ctx.words[i : i + n])]
        return Unit(PLACE, i, i + n, place=place, country=place.country if place.type == "country" else None)
    n = longest(gaz.demonyms, ctx.words, i, end) if word in gaz.demonyms.first else 0
    if n:
        return Unit(DEM, i, i + n, country=gaz.demonyms[tuple(ctx.words[i : i + n])])
    if word[-1:] == "s" and (word[:-1],) in gaz.demonyms:  # "Americans"
        return Unit(DEM, i, i + 1, country=gaz.demonyms[(word[:-1],)])
    if word in gaz.affiliations:
        return Unit(GROUP, i, i + 1)
    found = role_at(ctx, i, end)
    if found:
        return Unit(ROLE, i, i + found[0], role=found[1], gender=found[1].gender)
    if ctx.lower[i] in gaz.modifiers:
        return Unit(MOD, i, i + 1)
    return Unit(NAME, i, i + 1)


def units(ctx: Ctx, a: int, b: int) -> list[Unit]:
    """All units of tokens ``a``..``b`` (exclusive); connectors ("of") stay inside name units."""
    cached = ctx.unit_cache.get((a, b))
    if cached is not None:
        return cached
    out: list[Unit] = []
    i = a
    while i < b:
        unit = unit_at(ctx, i, b)
        out.append(unit)
        i = unit.end
    found = ctx.unit_cache[(a, b)] = _demonyms_before_roles(ctx, out)
    return found


def _demonyms_before_roles(ctx: Ctx, found: list[Unit]) -> list[Unit]:
    """An unknown word shaped like a demonym right before a role is a nationality ("Ruritanian Minister")."""
    if len(found) < 2:  # most runs: one unit, nothing to look at
        return found
    out = list(found)
    for k, unit in enumerate(out[:-1]):
        word = ctx.words[unit.start]
        if unit.type == NAME and out[k + 1].type in (ROLE, MOD) and looks_like_demonym(word):
            out[k] = Unit(DEM, unit.start, unit.end, country=derived_country(word))
    return out


def span_text(ctx: Ctx, i: int, j: int) -> str:
    """Text of tokens ``i``..``j`` (exclusive) as written."""
    return ctx.text[ctx.toks[i].start : ctx.toks[j - 1].end]
