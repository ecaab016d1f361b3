"""Tokens, names and numbers of an article, for the lexical story representation.

Deliberately small and dependency-free: the clusterer must run on any input
at thousands of articles per second, so there is no tagger here.  Names are
found the way a reader skims: words written with a capital letter where a
sentence does not force one, joined into multi-word names ("Gulf of Aden").
Numbers are kept whole ("7.3", "2,500") because the figure is often what
tells two similar events apart.

Feature strings carry a one-letter kind prefix so one sparse vector can hold
all of them: ``w:`` word stem, ``n:`` name (a capitalised word or multi-word
name), ``d:`` number.

>>> sorted(features("Quake hits Chile", "A 7.3 quake struck northern Chile on Sunday.").counts)[:4]
['d:7.3', 'n:chile', 'w:chile', 'w:hit']
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

_TOKEN = re.compile(r"[^\W\d_]+(?:['’.-][^\W\d_]+)*|\d+(?:[.,:]\d+)*")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")
#: Words joining the parts of a name ("Bank of England", "Charles de Gaulle").
_NAME_GLUE = frozenset({"of", "de", "la", "du", "van", "von", "der", "al", "bin", "del"})

STOPWORDS = frozenset(
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
    day days year years time times mr mrs ms dr monday tuesday wednesday thursday friday saturday sunday
    today yesterday tomorrow news report reports reported reporting reuters ap afp cnn percent""".split()
)


@dataclass(frozen=True)
class Features:
    """Feature counts of one article (title counted ``title_weight`` times)."""

    counts: Counter[str]
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


def _norm(token: str) -> str:
    """Lowercase without a possessive, so "Reid's" and "Reid" are one name."""
    token = token.lower().replace("’", "'")
    return token[:-2] if token.endswith("'s") else token


def proper_words(sents: list[list[str]], title_sents: list[list[str]]) -> set[str]:
    """Lowercased words written capitalised mid-sentence and never in lower case.

    Capitals count only in body sentences (headlines capitalise every word);
    a word seen in lower case anywhere, headline included, is not a name.
    """
    capital, lower = set(), set()
    for tokens in sents:
        for i, tok in enumerate(tokens):
            if tok[0].isupper() and i > 0:
                capital.add(_norm(tok))
    for tokens in [*sents, *title_sents]:
        lower.update(_norm(tok) for tok in tokens if tok[0].islower())
    return {w for w in capital - lower if w not in STOPWORDS and len(w) > 1}


def name_runs(tokens: list[str], proper: set[str]) -> list[str]:
    """Multi-word names: runs of proper words, possibly glued by "of"/"de"."""
    runs, current = [], []  # type: ignore[var-annotated]
    for tok in [*tokens, "."]:
        word = _norm(tok)
        if word in proper or (current and word in _NAME_GLUE):
            current.append(word)
            continue
        while current and current[-1] in _NAME_GLUE:
            current.pop()
        if len(current) > 1:
            runs.append(" ".join(current))
        current = []
    return runs


def token_features(tokens: list[str], proper: set[str]) -> Counter[str]:
    """Word stems, proper names and numbers of one sentence."""
    counts: Counter[str] = Counter()
    for tok in tokens:
        word = _norm(tok)
        if word[0].isdigit():
            counts["d:" + word.rstrip(".,:")] += 1
        elif word not in STOPWORDS and len(word) > 1:
            counts["w:" + stem(word)] += 1
            if word in proper:
                counts["n:" + word] += 1
    counts.update("n:" + run for run in name_runs(tokens, proper))
    return counts


def features(title: str, text: str, title_weight: int = 2) -> Features:
    """All features of an article; the headline counts extra because it names the event."""
    title_sents = [_TOKEN.findall(s) for s in sentences(title)]
    body_sents = [_TOKEN.findall(s) for s in sentences(text)]
    proper = proper_words(body_sents, title_sents) | _title_only_names(title_sents, body_sents)
    counts: Counter[str] = Counter()
    for tokens in title_sents:
        for _ in range(title_weight):
            counts.update(token_features(tokens, proper))
    for tokens in body_sents:
        counts.update(token_features(tokens, proper))
    length = sum(len(t) for t in title_sents + body_sents)
    return Features(counts=counts, length=length)


def _title_only_names(title_sents: list[list[str]], body_sents: list[list[str]]) -> set[str]:
    """Headlines capitalise every word, so only trust their capitals if the body agrees.

    With no body at all, capitalised headline words after the first are taken
    as names (better than nothing for title-only items).
    """
    if body_sents:
        return set()
    return {_norm(t) for s in title_sents for t in s[1:] if t[0].isupper() and _norm(t) not in STOPWORDS}
