"""Spelling-insensitive keys for names, so transliteration variants compare equal.

"Zablotsky", "Zablotskyy", "Zablotskiy" and "Sablotskyj" share the key ``sablotski``; rapidfuzz
similarity on keys covers what the rules miss ("Aleksandr" / "Alexander").
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from rapidfuzz import fuzz

_SPECIAL = str.maketrans(
    {"ß": "ss", "ø": "o", "æ": "ae", "œ": "oe", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "ı": "i"}
)
# Ordered rewrites from common romanisations to one spelling; each pair is (pattern, replacement).
_RULES = (
    (re.compile(r"tsch|tch"), "ch"),
    (re.compile(r"sch"), "sh"),
    (re.compile(r"cz"), "ch"),
    (re.compile(r"kh"), "h"),
    (re.compile(r"ph"), "f"),
    (re.compile(r"ck"), "k"),
    (re.compile(r"dh"), "d"),
    (re.compile(r"ks"), "x"),
    (re.compile(r"q"), "k"),
    (re.compile(r"w"), "v"),
    (re.compile(r"z"), "s"),
    (re.compile(r"ou"), "u"),
    (re.compile(r"j$"), "i"),
    (re.compile(r"y"), "i"),
    (re.compile(r"ij|ji"), "i"),
    (re.compile(r"(.)\1+"), r"\1"),
)
#: Particles and suffixes that are not the surname ("von der Leyen", "Martin Luther King Jr.").
#: Lower-case words inside a personal name ("Ursula von der Leyen", "Abu Bakr al Baghdadi").
NAME_CONNECTORS = frozenset(
    [
        "of",
        "de",
        "da",
        "di",
        "du",
        "del",
        "della",
        "der",
        "den",
        "van",
        "von",
        "bin",
        "ibn",
        "al",
        "el",
        "la",
        "le",
        "dos",
        "das",
    ]
)
NAME_PARTICLES = NAME_CONNECTORS | frozenset(["jr", "jr.", "sr", "sr.", "ii", "iii", "iv"])


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lower case without diacritics or punctuation, single spaces.

    >>> fold("  Côte d'Ivoire ")
    'cote divoire'
    """
    text = unicodedata.normalize("NFKD", text.lower().translate(_SPECIAL))
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^\w\s]", "", text).split())


@lru_cache(maxsize=65536)
def word_key(word: str) -> str:
    """Transliteration key of one word.

    >>> [word_key(w) for w in ("Zablotsky", "Zablotskyy", "Zablotskiy", "Sablotskyj", "Zabłotski")]
    ['sablotski', 'sablotski', 'sablotski', 'sablotski', 'sablotski']
    >>> word_key("Vasyl") == word_key("Wasyl")
    True
    """
    key = fold(word).replace(" ", "")
    for pattern, repl in _RULES:
        key = pattern.sub(repl, key)
    return key


def name_words(name: str) -> list[str]:
    """The words of a personal name that identify it (no particles, no initials' dots).

    >>> name_words("Ursula von der Leyen"), name_words("Martin Luther King Jr.")
    (['Ursula', 'Leyen'], ['Martin', 'Luther', 'King'])
    >>> surname_key("Pak Sol-ji") == surname_key("Pak Sol Ji"), name_words("Okonkwo-Marr")
    (True, ['Okonkwo-Marr'])
    >>> name_words("Jean-émile Vasseur")
    ['Jean', 'émile', 'Vasseur']
    """
    return list(_name_words(name))


_HYPHEN = re.compile(r"[-\u2010\u2011]")


def _name_parts(word: str) -> list[str]:
    """A word split at each hyphen before a lower-case syllable: "Kim Jong-un" is "Kim Jong Un",
    while a double-barrelled "Okonkwo-Marr" stays one surname."""
    parts = [""]
    for piece in _HYPHEN.split(word):
        if parts[-1] and piece[:1].islower():
            parts.append(piece)
        else:
            parts[-1] = f"{parts[-1]}-{piece}" if parts[-1] else piece
    return parts


@lru_cache(maxsize=65536)
def _name_words(name: str) -> tuple[str, ...]:
    words = [p.strip(".,") for w in name.split() for p in _name_parts(w)]
    return tuple(
        w for w in words if w and w.lower() not in NAME_PARTICLES and w.lower() + "." not in NAME_PARTICLES
    )


def surname_key(name: str) -> str:
    """
    >>> surname_key("Vasyl Zablotskyy"), surname_key("Markov")
    ('sablotski', 'markov')
    """
    words = _name_words(name)
    return word_key(words[-1]) if words else ""


def given_key(name: str) -> str:
    """The given name's key, or "" for a one-word name.

    >>> given_key("Harold Brisk"), given_key("Brisk")
    ('harold', '')
    """
    words = _name_words(name)
    return word_key(words[0]) if len(words) > 1 else ""


def similar_keys(a: str, b: str, cutoff: float = 88.0) -> bool:
    """Equal keys, or close ones when both are long enough for a typo to be told from another name.

    >>> similar_keys("aleksandr", "alexander"), similar_keys("brisk", "brisc"), similar_keys("marko", "mirko")
    (True, False, False)
    """
    if a == b:
        return True
    if min(len(a), len(b)) < 6:
        return False
    return fuzz.ratio(a, b) >= cutoff or fuzz.ratio(a.replace("x", "ks"), b.replace("x", "ks")) >= cutoff


def given_compatible(a: str, b: str) -> bool:
    """Can two given-name keys belong to one person (equal, initial, short form, spelling)?

    >>> given_compatible("harold", "edith"), given_compatible("h", "harold"), given_compatible("dan", "daniel")
    (False, True, True)
    """
    if not a or not b or a == b:
        return True
    if len(a) == 1 or len(b) == 1:
        return a[0] == b[0]
    if min(len(a), len(b)) >= 3 and (a.startswith(b) or b.startswith(a)):
        return True
    return similar_keys(a, b, 80.0)


def middle_compatible(a: str, b: str) -> bool:
    """Middle names or initials, when both names have them, must agree.

    >>> middle_compatible("George W. Bush", "George H. W. Bush"), middle_compatible("Harold J. Brisk", "Harold Brisk")
    (False, True)
    """
    ma, mb = _name_words(a)[1:-1], _name_words(b)[1:-1]
    if not ma or not mb:
        return True
    return _initials_of(ma) == _initials_of(mb)


def _initials_of(words: tuple[str, ...]) -> str:
    """ "HW" and "H. W." both give "hw"; "Walker" gives "w"."""
    return "".join(w if w.isupper() and len(w) <= 3 else w[0] for w in words).lower()


def initials(name: str) -> str:
    """
    >>> initials("North Atlantic Treaty Organization")
    'NATO'
    """
    return "".join(w[0] for w in name.split() if w[:1].isupper())
