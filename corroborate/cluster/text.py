"""Tokens, names and numbers of an article, for the lexical story representation.

Deliberately small and dependency-free: the clusterer must run on any input
at thousands of articles per second, so there is no tagger here.  Names are
found the way a reader skims: words written with a capital letter where a
sentence does not force one, joined into multi-word names ("Gulf of Aden").
Numbers are kept whole ("7.3", "2,500") because the figure is often what
tells two similar events apart.

Feature strings carry a one-letter kind prefix so one sparse vector can hold
all of them: ``w:`` word stem, ``n:`` name (a capitalised word or a
multi-word name), ``d:`` number, ``s:`` small count (up to 12), ``y:`` year,
``t:`` weekday or calendar day.

>>> sorted(features("Quake hits Chile", "A 7.3 quake struck northern Chile on Sunday, May 4.").counts)
['d:7.3', 'n:chile', 's:4', 't:05-04', 't:sunday', 'w:chile', 'w:hit', 'w:northern', 'w:quake', 'w:struck']
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from operator import itemgetter

_TOKEN = re.compile(r"[^\W\d_]+(?:['’.-][^\W\d_]+)*|\d+(?:[.,:]\d+)*")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")
#: The same cuts as ``_SENTENCE_END``, found faster; the stop it also takes is never part of a token.
_TOKEN_SENTENCE_END = re.compile(r"[.!?]\s+|\n+")
#: Words joining the parts of a name ("Bank of England", "Charles de Gaulle").
_NAME_GLUE = frozenset({"of", "de", "la", "du", "van", "von", "der", "al", "bin", "del"})


def _wordset(text: str) -> frozenset[str]:
    return frozenset(text.split())


_WEEKDAYS = _wordset("monday tuesday wednesday thursday friday saturday sunday")
_MONTHS = {
    name: i + 1
    for i, names in enumerate(
        ("january jan", "february feb", "march mar", "april apr", "may", "june jun", "july jul",
         "august aug", "september sep sept", "october oct", "november nov", "december dec")
    )
    for name in names.split()
}  # fmt: skip
STOPWORDS = _wordset(
    """a about above according across after afterwards again against all almost alone along already also
    although always am among an and another any anyone anything are around as at back be became because
    become been before being below between both but by can could did do does doing done down during each
    either else enough even ever every few for former from further had has have having he her here hers
    herself him himself his how however i if in including into is it its itself just last later least
    less like made make many may me meanwhile might more most mostly much must my myself neither never
    nevertheless new next no nobody none nor not nothing now of off often on once one only onto or other
    others otherwise our ours ourselves out over own per perhaps please rather re said same say says
    see seem seemed seems several she should since so some someone something sometime still such than
    that the their theirs them themselves then there thereby therefore these they this those though
    through throughout thus to together too toward towards under until up upon us very via was we well
    were what whatever when whenever where whereas whether which while who whoever whole whom whose why
    will with within without would yet you your yours yourself yourselves told tell tells week weeks
    day days year years time times mr mrs ms dr
    today yesterday tomorrow news report reports reported reporting reuters ap afp percent"""
)

#: Capitalised by convention, not because they name a participant.
_NOT_NAMES = STOPWORDS | _WEEKDAYS | frozenset(_MONTHS)


@dataclass(frozen=True)
class Features:
    """Feature counts of one article (title counted ``title_weight`` times)."""

    #: feature -> position-weighted count
    counts: dict[str, float]
    #: Number of word tokens seen (for "is this article empty?" decisions).
    length: int


def stem(word: str) -> str:
    """Crude English suffix stripping so "quakes"/"quake", "killed"/"kill" meet."""
    if len(word) <= 3 or not word.isalpha():
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("sses", "shes", "ches", "xes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    for suffix in ("ing", "ed"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            word = word[: -len(suffix)]
            return word[:-1] if len(word) > 4 and word[-1] == word[-2] else word
    return word


def sentences(text: str) -> list[str]:
    """Rough sentence split; only used to know which capitals a sentence forces."""
    return [s for s in _SENTENCE_END.split(text) if s.strip()]


@lru_cache(maxsize=1 << 17)
def _token(token: str) -> tuple[str, str | None, int]:
    """(normalised word, its feature or None, month number or 0) -- cached: tokens repeat a lot."""
    word = token.lower().replace("’", "'")
    if word.endswith("'s"):
        word = word[:-2]
    month = _MONTHS.get(word.rstrip("."), 0)
    if word[0].isdigit():
        return word, number_feature(word), 0
    if word in _WEEKDAYS:
        return word, "t:" + word, month
    if word in STOPWORDS or len(word) < 2:
        return word, None, month
    return word, "w:" + stem(word), month


@lru_cache(maxsize=1 << 17)
def _parse(token: str) -> tuple[str, str | None, int, str | None, str | None]:
    """:func:`_token` plus the word again when the token starts with a capital, and when it starts
    lower-case (else None): what :func:`proper_words` looks for, so it needs no test per token."""
    word, feature, month = _token(token)
    first = token[0]
    return word, feature, month, word if first.isupper() else None, word if first.islower() else None


_CAPITAL = itemgetter(3)
_LOWER = itemgetter(4)


def number_feature(number: str) -> str:
    """Years (``y:``), small counts (``s:``) and other figures (``d:``) differ in how telling they are."""
    number = number.rstrip(".,:")
    if len(number) == 4 and number.isdigit() and 1900 <= int(number) <= 2099:
        return "y:" + number
    if number.isdigit() and int(number) <= 12:
        return "s:" + number
    return "d:" + number


def proper_words(body: list[list[str]], title: list[list[str]]) -> set[str]:
    """Normalised words written capitalised mid-sentence and never in lower case.

    Capitals count only in body sentences (headlines capitalise every word);
    a word seen in lower case anywhere, headline included, is not a name.
    """
    return _proper([list(map(_parse, t)) for t in body], [list(map(_parse, t)) for t in title])


_Parsed = list[tuple[str, str | None, int, str | None, str | None]]


def _proper(body: list[_Parsed], title: list[_Parsed]) -> set[str]:
    """:func:`proper_words` of sentences already parsed (:func:`_parse`)."""
    capital: set[str | None] = set()
    lower: set[str | None] = set()
    for parsed in body:
        capital.update(map(_CAPITAL, parsed[1:]))
    for parsed in [*body, *title]:
        lower.update(map(_LOWER, parsed))
    return {w for w in capital - lower if w is not None and w not in _NOT_NAMES and len(w) > 1}


def name_runs(words: Sequence[str], proper: set[str]) -> list[str]:
    """Runs of proper words, possibly glued by "of"/"de": the names of one sentence."""
    runs: list[str] = []
    current: list[str] = []
    for word in [*words, "."]:
        if word in proper or (current and word in _NAME_GLUE):
            current.append(word)
            continue
        while current and current[-1] in _NAME_GLUE:
            current.pop()
        if current:
            runs.append("n:" + " ".join(current))
        current = []
    return runs


def day_features(tokens: list[str], months: Sequence[int]) -> list[str]:
    """Calendar days written as "May 23" or "23 May": ``t:05-23``."""
    found = []
    for i, month in enumerate(months):
        if not month:
            continue
        for j in (i + 1, i - 1):
            if 0 <= j < len(tokens) and tokens[j].isdigit() and 1 <= int(tokens[j]) <= 31:
                found.append(f"t:{month:02d}-{int(tokens[j]):02d}")
                break
    return found


def sentence_features(tokens: list[str], proper: set[str]) -> list[str]:
    """Word stems, names, numbers and days of one sentence (a feature may repeat).

    A multi-word name gives one ``n:`` feature for the whole name (not one per
    word) so "San Diego Chargers" does not outweigh the rest of the sentence.
    """
    return _sentence_features(tokens, list(map(_parse, tokens)), proper)


def _sentence_features(tokens: list[str], parsed: _Parsed, proper: set[str]) -> list[str]:
    """:func:`sentence_features` of a sentence already parsed (:func:`_parse`)."""
    words, found_or_none, months = list(zip(*parsed, strict=True))[:3]
    found: list[str] = list(filter(None, found_or_none))
    if not proper.isdisjoint(words):  # else no name run starts
        found += name_runs(words, proper)
    if any(months):
        found += day_features(tokens, months)
    return found


def features(title: str, text: str, title_weight: float = 2.0, lead_weight: float = 2.0,
             lead_sentences: int = 3) -> Features:  # fmt: skip
    """All features of an article, weighted by where they occur.

    The headline and the lead name the event; later sentences often recall
    earlier, similar events, so they count less.
    """
    title_sents, body_sents = _token_sentences(title), _token_sentences(text)
    title_parsed = [list(map(_parse, t)) for t in title_sents]
    body_parsed = [list(map(_parse, t)) for t in body_sents]
    proper = _proper(body_parsed, title_parsed) | _title_only_names(title_sents, body_sents)
    counts: dict[str, float] = {}
    weighted = [(title_weight, t, p) for t, p in zip(title_sents, title_parsed, strict=True)]
    weighted += [
        (lead_weight if i < lead_sentences else 1.0, t, p)
        for i, (t, p) in enumerate(zip(body_sents, body_parsed, strict=True))
    ]
    get = counts.get
    for weight, tokens, parsed in weighted:
        for feature in _sentence_features(tokens, parsed, proper):
            counts[feature] = get(feature, 0.0) + weight
    length = sum(map(len, title_sents)) + sum(map(len, body_sents))
    return Features(counts=counts, length=length)


def _token_sentences(text: str) -> list[list[str]]:
    """The tokens of each :func:`sentences` sentence that has any."""
    return [t for t in map(_TOKEN.findall, _TOKEN_SENTENCE_END.split(text)) if t]


def _title_only_names(title_sents: list[list[str]], body_sents: list[list[str]]) -> set[str]:
    """Headlines capitalise every word, so only trust their capitals if the body agrees.

    With no body at all, capitalised headline words after the first are taken
    as names (better than nothing for title-only items).
    """
    if body_sents:
        return set()
    words = (_token(t)[0] for s in title_sents for t in s[1:] if t[0].isupper())
    return {w for w in words if w not in _NOT_NAMES}
