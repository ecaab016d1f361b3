"""The small word lists mention finding relies on, read once from ``corroborate/data/gazetteers``.

Multi-word entries are keyed by their token tuples (same tokenizer as the text), so a lookup
is one dict access per candidate length.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any, TypeVar

from .mention_tokens import tokenize

V = TypeVar("V")


class Phrases(dict[tuple[str, ...], V]):
    """Phrases keyed by their token tuples, with the set of first words for a quick miss."""

    def __init__(self, entries: dict[tuple[str, ...], V]) -> None:
        super().__init__(entries)
        self.first = frozenset(k[0] for k in entries)


@dataclass(frozen=True)
class Place:
    #: canonical name, e.g. "United States"
    name: str
    #: the country it is in (itself for a country), "" when unknown
    country: str
    #: country | capital | place
    type: str


@dataclass(frozen=True)
class Role:
    phrase: str
    #: PERSON | ORG | PLACE
    kind: str
    #: broader roles a description may use for the holder ("leader" for a president)
    classes: frozenset[str]
    gender: str | None


@dataclass(frozen=True)
class Gazetteer:
    places: Phrases[Place]
    #: canonical place name -> place (a country wins over a city of the same name)
    places_by_name: dict[str, Place]
    demonyms: Phrases[str]
    roles: Phrases[Role]
    #: lower-case words that occur in any role phrase
    role_words: frozenset[str]
    honorifics: dict[str, tuple[str | None, str | None]]
    modifiers: frozenset[str]
    org_suffixes: frozenset[str]
    org_heads: frozenset[str]
    org_names: Phrases[bool]
    #: words marking public bodies (ministries, armies, parties), never "the company"
    org_public: frozenset[str]
    given_names: dict[str, str | None]
    common_words: frozenset[str]
    #: words that can follow a complete noun phrase
    followers: frozenset[str]
    #: party, faith and community words, singular and plural ("Republican", "Republicans")
    affiliations: frozenset[str]
    #: last words of place names ("Street", "Airport")
    place_suffixes: frozenset[str]


def _rows(name: str) -> list[list[str]]:
    """Non-comment rows of a tab-separated data file."""
    text = (resources.files("corroborate") / "data" / "gazetteers" / name).read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]


def key(phrase: str) -> tuple[str, ...]:
    """The token tuple a phrase is looked up by.

    >>> key("People's Republic of China")
    ('People', "'s", 'Republic', 'of', 'China')
    """
    return tuple(t.text for t in tokenize(phrase))


def _cell(row: list[str], i: int) -> str:
    return row[i].strip() if i < len(row) else ""


def _places() -> tuple[dict[tuple[str, ...], Place], dict[tuple[str, ...], str]]:
    places: dict[tuple[str, ...], Place] = {}
    demonyms: dict[tuple[str, ...], str] = {}
    for name in (r[0].strip() for r in _rows("places.txt")):
        places[key(name)] = Place(name, "", "place")
    for row in _rows("countries.tsv"):
        country = row[0].strip()
        for capital in filter(None, _cell(row, 3).split("|")):
            places[key(capital)] = Place(capital.split("|")[0], country, "capital")
        for alias in [country, *filter(None, _cell(row, 1).split("|"))]:
            places[key(alias)] = Place(country, country, "country")
        for demonym in filter(None, _cell(row, 2).split("|")):
            demonyms[key(demonym)] = country
    return places, demonyms


def _roles() -> dict[tuple[str, ...], Role]:
    roles = {}
    for row in _rows("roles.tsv"):
        phrase = row[0].strip()
        classes = frozenset(filter(None, _cell(row, 2).split("|")))
        roles[key(phrase)] = Role(phrase, _cell(row, 1), classes, _cell(row, 3) or None)
    return roles


def _honorifics() -> dict[str, tuple[str | None, str | None]]:
    return {r[0].strip(): (_cell(r, 1) or None, _cell(r, 2) or None) for r in _rows("honorifics.tsv")}


def _words(name: str) -> frozenset[str]:
    return frozenset(w for row in _rows(name) for w in row[0].split())


def _by_name(places: dict[tuple[str, ...], Place]) -> dict[str, Place]:
    out: dict[str, Place] = {}
    for place in places.values():
        if place.name not in out or place.type == "country":
            out[place.name] = place
    return out


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The loaded word lists (cached: read once per process)."""
    places, demonyms = _places()
    roles = _roles()
    orgs = [(r[0].strip(), _cell(r, 1)) for r in _rows("organisations.tsv")]
    return Gazetteer(
        places=Phrases(places),
        places_by_name=_by_name(places),
        demonyms=Phrases(demonyms),
        roles=Phrases(roles),
        role_words=frozenset(w for k in roles for w in k),
        honorifics=_honorifics(),
        modifiers=_words("modifiers.txt"),
        org_suffixes=frozenset(n for n, t in orgs if t == "suffix"),
        org_heads=frozenset(n for n, t in orgs if t == "head"),
        org_names=Phrases({key(n): True for n, t in orgs if t == "name"}),
        org_public=frozenset(n for n, t in orgs if t == "public"),
        given_names={r[0].strip(): _cell(r, 1) or None for r in _rows("given_names.tsv")},
        common_words=_words("common_words.txt"),
        followers=_words("followers.txt"),
        affiliations=frozenset(w + s for w in _words("affiliations.txt") for s in ("", "s")),
        place_suffixes=_words("place_suffixes.txt"),
    )


def longest(table: Phrases[Any], words: list[str], i: int, end: int = -1) -> int:
    """Length of the longest entry of ``table`` at ``words[i]`` (0 when none), up to 5 words, before ``end``.

    >>> longest(Phrases({("New", "York"): 1, ("New", "York", "City"): 2}), ["in", "New", "York", "today"], 1)
    2
    """
    if words[i] not in table.first:
        return 0
    stop = len(words) if end < 0 else min(end, len(words))
    for n in range(min(5, stop - i), 0, -1):
        if tuple(words[i : i + n]) in table:
            return n
    return 0
