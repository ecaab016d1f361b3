"""Word lists and small word tests for claim extraction: stop words, speech verbs,
verb-like words, negation, stance (accept / reject) and hedging, plus a suffix stemmer.

The lists live in ``corroborate/data/lexicons/claim_words.txt`` (general English only).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

from .word_lists import parse_word_lists

CLAIM_WORDS_PATH = Path(__file__).resolve().parents[1] / "data" / "lexicons" / "claim_words.txt"


@lru_cache(maxsize=1)
def _lists() -> dict[str, frozenset[str]]:
    return parse_word_lists(CLAIM_WORDS_PATH.read_text(encoding="utf-8"))


def claim_words(section: str) -> frozenset[str]:
    """One section of the claim word lists (a ``KeyError`` names a missing one).

    >>> "never" in claim_words("negators")
    True
    """
    return _lists()[section]


STOPWORDS = claim_words("stopwords")
#: Cue forms that report an assertion (speech, writing, belief), as ``head_form`` gives them.
SPEECH_CUES = claim_words("speech_cues")
#: Cue forms whose content the speaker says is false ("denied that ...").
DENIAL_CUES = claim_words("denial_cues")
_BASE_VERBS = claim_words("base_verbs")
#: Words that make a clause a statement; words in -ed and -ing count too (see :func:`is_verb_like`).
VERB_WORDS = (
    claim_words("auxiliaries")
    | claim_words("irregular_verbs")
    | _BASE_VERBS
    | frozenset(v + "s" for v in _BASE_VERBS)
)
_NOT_VERBS = claim_words("not_verbs")
NEGATORS = claim_words("negators")
_NOT_NEGATING_AFTER_NO = claim_words("not_negating_after_no")
#: Words carrying a stance towards a proposal: "accept" or "reject".
STANCE = {**dict.fromkeys(claim_words("accept"), "accept"), **dict.fromkeys(claim_words("reject"), "reject")}
HEDGES = claim_words("hedges")
_PUNCT = "\"'“”‘’«»()[]{}.,;:!?…—–-*/\\|<>"


def words(text: str) -> list[str]:
    """Lower-cased words of ``text``, curly apostrophes made straight, contractions split off,
    surrounding punctuation dropped (a whitespace split: fast, and good enough for word tests).

    >>> words("He doesn’t know, “they'll” see — Russia's.")
    ['he', 'does', "n't", 'know', 'they', "'ll", 'see', 'russia', "'s"]
    """
    return list(_words(text))


# Extraction and the dossier ask for the words of the same sentences again and again.
@lru_cache(maxsize=8192)
def _words(text: str) -> tuple[str, ...]:
    low = text.lower()
    if "'" not in low and "’" not in low:
        return tuple(w for t in low.split() if (w := t.strip(_PUNCT)))
    out: list[str] = []
    for t in low.replace("’", "'").split():
        w = t.strip(_PUNCT)
        if "'" not in w:
            if w:
                out.append(w)
        elif w.endswith("n't") and len(w) > 3:
            out.extend((w[:-3] if w not in ("can't", "won't") else w[:2], "n't"))
        else:
            i = w.index("'")
            out.extend((w[:i], w[i:]))
    return tuple(out)


#: :func:`words` as the cached tuple itself, for callers that only read the words: no copy.
word_tuple = _words


def has_verb(ws: Sequence[str]) -> bool:
    """Whether any of the words looks like a verb form (see :func:`is_verb_like`).

    >>> has_verb(["the", "talks", "ended"]), has_verb(["the", "capital", "at", "dawn"])
    (True, False)
    """
    if not VERB_WORDS.isdisjoint(ws) or any(is_verb_like(w) for w in ws if w.endswith(("ed", "ing"))):
        return True
    return any(_verb_by_context(ws, i) for i in range(1, len(ws) - 1))


_OBJECT_STARTS = frozenset(
    ["a", "an", "the", "its", "his", "her", "their", "our", "many", "more", "no", "up"]
)
_NOUN_BEFORE = frozenset(["a", "an", "the", "of", "in", "on", "for", "with", "and", "or", "to", "by", "at"])


def _verb_by_context(ws: Sequence[str], i: int) -> bool:
    """A present-tense verb the lists lack, by its neighbours: "the charge carries a fine".

    >>> _verb_by_context(words("the bill mandates an audit"), 2), _verb_by_context(words("of the roads a"), 2)
    (True, False)
    """
    w = ws[i]
    return (
        len(w) > 3
        and w.endswith("s")
        and not w.endswith(("ss", "us", "is"))
        and w.isalpha()
        and (ws[i + 1] in _OBJECT_STARTS or ws[i + 1][:1].isdigit())
        and ws[i - 1] not in _NOUN_BEFORE
    )


@lru_cache(maxsize=8192)
def is_verb_like(word: str) -> bool:
    """Whether a lower-case word looks like a verb form.

    >>> [is_verb_like(w) for w in ("withdrew", "talked", "died", "visiting", "needs", "during", "week")]
    [True, True, True, True, True, False, False]
    """
    if word in VERB_WORDS:
        return True
    if word in _NOT_VERBS or not word.isalpha():
        return False
    return (len(word) > 3 and word.endswith("ed")) or (len(word) > 5 and word.endswith("ing"))


def is_negator(ws: Sequence[str], i: int) -> bool:
    """Whether ``ws[i]`` negates its clause ("no problem" does not).

    >>> ws = words("we had no plans, no problem")
    >>> is_negator(ws, 2), is_negator(ws, 5)
    (True, False)
    """
    w = ws[i]
    if w != "no":
        return w in NEGATORS
    return i + 1 >= len(ws) or ws[i + 1] not in _NOT_NEGATING_AFTER_NO


#: Plural endings: (suffix, replacement, shortest stem left).
_PLURALS = (
    ("ies", "y", 3),
    ("sses", "ss", 2),
    ("ss", "ss", 1),
    ("us", "us", 1),
    ("is", "is", 1),
    ("s", "", 3),
)
#: Derivational and inflectional endings: (suffix, shortest stem left).
_SUFFIXES = (
    ("ation", 4),
    ("ment", 4),
    ("ing", 3),
    ("eed", 3),
    ("ed", 3),
    ("al", 5),
    ("ly", 4),
    ("ate", 4),
    ("er", 5),
)

_PLURAL_ENDS = tuple(p[0] for p in _PLURALS)
_SUFFIX_ENDS = tuple(p[0] for p in _SUFFIXES)


@lru_cache(maxsize=16384)
def stem(word: str) -> str:
    """A crude stem, the same for a word's common inflections and derivations.

    >>> [stem(w) for w in ("talks", "talking", "agreed", "agreements", "withdrawal", "proposed", "proposal")]
    ['talk', 'talk', 'agre', 'agre', 'withdraw', 'propos', 'propos']
    """
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    # one ``endswith`` on all the endings first: most words have none of either kind
    if w.endswith(_PLURAL_ENDS):
        for suffix, repl, keep in _PLURALS:
            if w.endswith(suffix) and len(w) - len(suffix) >= keep:
                w = w[: len(w) - len(suffix)] + repl
                break
    if w.endswith(_SUFFIX_ENDS):
        for suffix, keep in _SUFFIXES:
            if w.endswith(suffix) and len(w) - len(suffix) >= keep:
                w = w[: len(w) - len(suffix)] + ("ee" if suffix == "eed" else "")
                break
    return w[:-1] if len(w) > 3 and w.endswith("e") else w
