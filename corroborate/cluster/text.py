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
from dataclasses import dataclass
from functools import lru_cache

_TOKEN = re.compile(r"[^\W\d_]+(?:['’.-][^\W\d_]+)*|\d+(?:[.,:]\d+)*")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")
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
    capital: set[str] = set()
    lower: set[str] = set()
    for tokens in body:
        capital.update(_token(tok)[0] for tok in tokens[1:] if tok[0].isupper())
    for tokens in [*body, *title]:
        lower.update(_token(tok)[0] for tok in tokens if tok[0].islower())
    return {w for w in capital - lower if w not in _NOT_NAMES and len(w) > 1}


def name_runs(words: list[str], proper: set[str]) -> list[str]:
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


def day_features(tokens: list[str], months: list[int]) -> list[str]:
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
    parsed = [_token(tok) for tok in tokens]
    found = [feature for _, feature, _ in parsed if feature]
    found += name_runs([word for word, _, _ in parsed], proper)
    months = [month for _, _, month in parsed]
    if any(months):
        found += day_features(tokens, months)
    return found


def features(title: str, text: str, title_weight: float = 2.0, lead_weight: float = 2.0,
             lead_sentences: int = 3) -> Features:  # fmt: skip
    """All features of an article, weighted by where they occur.

    The headline and the lead name the event; later sentences often recall
    earlier, similar events, so they count less.
    """
    title_sents = [t for t in (_TOKEN.findall(s) for s in sentences(title)) if t]
    body_sents = [t for t in (_TOKEN.findall(s) for s in sentences(text)) if t]
    proper = proper_words(body_sents, title_sents) | _title_only_names(title_sents, body_sents)
    counts: dict[str, float] = {}
    weighted = [(title_weight, t) for t in title_sents]
    weighted += [(lead_weight if i < lead_sentences else 1.0, t) for i, t in enumerate(body_sents)]
    for weight, tokens in weighted:
        for feature in sentence_features(tokens, proper):
            counts[feature] = counts.get(feature, 0.0) + weight
    length = sum(len(t) for t in title_sents + body_sents)
    return Features(counts=counts, length=length)


def _title_only_names(title_sents: list[list[str]], body_sents: list[list[str]]) -> set[str]:
    """Headlines capitalise every word, so only trust their capitals if the body agrees.

    With no body at all, capitalised headline words after the first are taken
    as names (better than nothing for title-only items).
    """
    if body_sents:
        return set()
    words = (_token(t)[0] for s in title_sents for t in s[1:] if t[0].isupper())
    return {w for w in words if w not in _NOT_NAMES}
