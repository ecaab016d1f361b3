"""Numbers with what they count: "12 killed", "a 14-point plan", "$3 million", "6 percent",
"twelve", "within 100 days", "about 1,200 homeless".

:func:`find_quantities` looks where a figure may start (a digit, a currency sign, a number
word) and reads it there with one regex; :func:`number_conflict` says whether two figures
for the same thing disagree beyond the rounding and hedging with which they were written
("about 140" does not contradict 143; "more than 140" does not contradict 160).
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

from .base import TimeExpr
from .claim_lexicon import claim_words

_SMALL = [
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
]  # fmt: skip
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
WORD_VALUES = {w: i for i, w in enumerate(_SMALL)} | {w: 20 + 10 * i for i, w in enumerate(_TENS)}
SCALES = {
    "hundred": 100.0, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
    "m": 1e6, "mn": 1e6, "bn": 1e9, "k": 1e3, "tn": 1e12,
}  # fmt: skip
CURRENCIES = {
    "$": "USD", "us$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR", "₽": "RUB", "₴": "UAH",
    "dollar": "USD", "euro": "EUR", "pound": "GBP", "rouble": "RUB", "ruble": "RUB", "yen": "JPY",
    "yuan": "CNY", "rupee": "INR", "hryvnia": "UAH",
}  # fmt: skip
#: Hedges before a figure, and the interval they give it (see :func:`interval`).
HEDGES = {
    "about": "~", "around": "~", "approximately": "~", "roughly": "~", "some": "~", "an estimated": "~",
    "estimated": "~", "close to": "~", "nearly": "<~", "almost": "<~", "just under": "<~",
    "more than": ">", "over": ">", "at least": ">", "upwards of": ">", "just over": ">", "in excess of": ">",
    "less than": "<", "fewer than": "<", "under": "<", "up to": "<", "at most": "<", "as many as": "<",
}  # fmt: skip
#: Unit words that name the same thing.
UNIT_FAMILIES = {
    "percent": "%", "per cent": "%", "percentage point": "%", "dead": "killed", "death": "killed",
    "fatality": "killed", "died": "killed", "person": "people", "wounded": "injured", "injury": "injured",
    "hurt": "injured", "pt": "point",
}  # fmt: skip
_MODIFIERS = claim_words("number_modifiers")
_FATES = claim_words("fates")
_NOT_UNITS = claim_words("not_units")
_HEDGE_ALT = "|".join(sorted((re.escape(h) for h in HEDGES), key=len, reverse=True))
_WORDS = sorted([*WORD_VALUES, "hundred", "thousand", "million", "billion", "dozen"], key=len, reverse=True)
_NUMBER_WORD = "|".join(_WORDS)
#: Where a figure may start: a currency sign, a digit not inside a word or a number, a number word.
_ANCHOR_CHARS = "0123456789$€£¥₹₽₴"
#: Starts of number words ("thir" finds "thirteen" and "thirty"); the regex then reads the word.
_ANCHOR_WORDS = ["two", "three", "four", "five", "six", "seven", "eigh", "nine", "ten", "eleven", "twe", "thir",
                 "fif", "forty", "hundred", "thousand", "million", "billion", "dozen"]  # fmt: skip
#: A figure, matched at an anchor; ``after`` looks ahead at the words it may count.
QUANTITY = re.compile(
    r"(?P<cur>US\$|[$€£¥₹₽₴])?\s?"
    r"(?:(?P<digits>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?![\d/:]|\.\d)"
    rf"|(?P<words>(?:{_NUMBER_WORD})(?:[\s-]+(?:and\s+)?(?:{_NUMBER_WORD}))*)\b)"
    r"(?:\s?(?P<scale>hundred|thousand|million|billion|trillion|mn|bn|tn|m|k)\b)?"
    r"(?P<pct>\s?%|\s(?:percent|per cent|percentage points?)\b)?"
    r"(?P<ordinal>st|nd|rd|th)?"
    r"(?=(?:(?P<joint>-)|\s+)?(?P<after>(?:[^\W\d_][\w’'-]*)(?:\s+[^\W\d_][\w’'-]*){0,3})?)",
    re.IGNORECASE,
)
_HEDGE_BEFORE = re.compile(rf"\b(?:{_HEDGE_ALT})\s+(?:an?\s+)?$", re.IGNORECASE)
_HEDGE_ENDS = (
    tuple(f"{h} " for h in HEDGES) + tuple(f"{h} a " for h in HEDGES) + tuple(f"{h} an " for h in HEDGES)
)


@dataclass(frozen=True)
class Quantity:
    """A figure as written, its value (money in whole currency units) and what it counts."""

    value: float
    unit: str | None
    text: str
    start: int
    end: int
    #: "~" about, "<~" nearly, ">" more than / at least, "<" less than / up to; None when exact
    hedge: str | None = None
    #: the rounding step of the figure as written (1 for "143", 1e6 for "3 million")
    step: float = 1.0


def word_number(phrase: str) -> float | None:
    """The value of a number written in words.

    >>> word_number("twelve"), word_number("twenty-five"), word_number("two hundred and ten"), word_number("a")
    (12.0, 25.0, 210.0, None)
    """
    total, current, seen = 0.0, 0.0, False
    for w in re.split(r"[\s-]+", phrase.lower()):
        if w in WORD_VALUES:
            current += WORD_VALUES[w]
        elif w == "dozen":
            current = (current or 1) * 12
        elif w == "hundred":
            current = (current or 1) * 100
        elif w in SCALES:
            total, current = total + (current or 1) * SCALES[w], 0.0
        elif w != "and":
            return None
        seen = True
    return total + current if seen else None


def singular(word: str) -> str:
    """A plural noun's singular, by rule.

    >>> [singular(w) for w in ("days", "casualties", "people", "points", "homeless", "bus")]
    ['day', 'casualty', 'people', 'point', 'homeless', 'bus']
    """
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "sses", "xes")):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def _unit(after: str | None, joint: bool) -> tuple[str | None, int]:
    """The noun a number counts, from the words after it, and how many characters of ``after``
    reach it ("separate components" -> ("component", 19)); (None, 0) when there is none."""
    if not after:
        return None, 0
    ws = list(_AFTER_WORD.finditer(after))
    i = 0
    while not joint and i < len(ws) - 1 and ws[i].group().lower() in _MODIFIERS:
        i += 1
    w = ws[i].group().lower().replace("’", "'")
    if w in _NOT_UNITS or w in SCALES or len(w) < 2:
        return None, 0
    end = ws[i].end()
    if w in ("people", "person", "persons"):
        w = next((x.group().lower() for x in ws[i + 1 : i + 4] if x.group().lower() in _FATES), w)
    unit = singular(w) if not w.endswith("ed") else w
    unit = CURRENCIES.get(unit, unit)
    return UNIT_FAMILIES.get(unit, unit), end


_AFTER_WORD = re.compile(r"[^\W\d_][\w’'-]*")


def find_quantities(
    text: str, times: Sequence[TimeExpr] = (), lo: int = 0, hi: int | None = None
) -> list[Quantity]:
    """Figures in ``text[lo:hi]``, leaving out those in dates and clock times (durations stay),
    ordinals, and numbers that are part of a name ("Boeing 737").

    >>> t = "About 1,200 homeless and twelve killed; $3 million, a 14-point plan, 6 percent, on Nov. 24."
    >>> [(q.value, q.unit, q.hedge) for q in find_quantities(t)]  # no times given: 24 stays
    [(1200.0, 'homeless', '~'), (12.0, 'killed', None), (3000000.0, 'USD', None), (14.0, 'point', None), (6.0, '%', None), (24.0, None, None)]
    """
    hi = len(text) if hi is None else min(hi, len(text))
    dated = [(t.start, t.end) for t in times if t.type != "DURATION"]
    out: list[Quantity] = []
    done = lo
    for pos in _anchors(text, lo, hi):
        if pos < done:
            continue
        if any(a <= pos < b for a, b in dated):
            continue
        m = QUANTITY.match(text, pos, hi)
        if m is None or not (m.group("digits") or m.group("words")) or m.group("ordinal"):
            continue
        start = _hedge_start(text, max(lo, pos - 24), pos)
        if start >= 2 and text[start - 1] == " " and text[start - 2].isalpha() and _after_name(text, start):
            continue
        q = _quantity(m, text, start)
        if q is not None:
            out.append(q)
            done = q.end
    return out


def _hedge_start(text: str, lo: int, pos: int) -> int:
    """Where a hedge right before the figure at ``pos`` starts ("about 40" -> its "about"), else ``pos``.

    >>> _hedge_start("in about 40 days", 0, 9), _hedge_start("tabout 40", 0, 7), _hedge_start("some 4", 0, 5)
    (3, 7, 0)
    """
    window = text[lo:pos].lower()
    if not window.endswith(_HEDGE_ENDS):
        return pos
    m = _HEDGE_BEFORE.search(text, lo, pos)
    return m.start() if m else pos


def _anchors(text: str, lo: int, hi: int) -> list[int]:
    """Positions where a figure may start, in order: ``str.find`` per anchor character and per
    number-word start, which beats any regex scan of the whole text."""
    found = []
    for ch in _ANCHOR_CHARS:
        i = text.find(ch, lo, hi)
        while i >= 0:
            before = text[i - 1] if i > 0 else " "
            if not ch.isdigit():
                found.append(i - 2 if text[max(0, i - 2) : i] == "US" else i)
            elif not (before.isalnum() or before in "_.,/:-"):
                found.append(i)
            i = text.find(ch, i + 1, hi)
    low = text.lower()
    if len(low) != len(text):  # a few characters ("İ") lower-case to two: keep offsets aligned
        low = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    for w in _ANCHOR_WORDS:
        i = low.find(w, lo, hi)
        while i >= 0:
            if i == 0 or not low[i - 1].isalpha():
                found.append(i - 4 if low[max(0, i - 4) : i] == "one " else i)
            i = low.find(w, i + len(w), hi)
    return sorted(found)


def _quantity(m: re.Match[str], text: str, start: int) -> Quantity | None:
    """The quantity one :data:`QUANTITY` match stands for, or None (a year)."""
    digits, scale_word = m.group("digits"), (m.group("scale") or "").lower()
    if digits:
        value = float(digits.replace(",", ""))
        step = 10.0 ** -len(digits.partition(".")[2])
    else:
        found = word_number(m.group("words"))
        if found is None:
            return None
        value, step = found, SCALES.get(m.group("words").lower().split()[-1], 1.0)
    scale = SCALES.get(scale_word, 1.0)
    value, step = value * scale, step * scale
    unit, reach = _figure_unit(m)
    if digits and unit is None and not scale_word and 1800 <= value <= 2100 and "." not in digits:
        return None  # a year the time tagger left alone
    end = m.end(next(g for g in ("pct", "scale", "digits", "words") if m.group(g)))
    end = m.start("after") + reach if reach else end
    return Quantity(value, unit, text[start:end], start, end, _hedge(text, start, m.start()), step)


def _hedge(text: str, start: int, number: int) -> str | None:
    """The interval kind of the hedge in ``text[start:number]`` ("about " -> "~")."""
    if start >= number:
        return None
    words = text[start:number].lower().split()
    phrase = " ".join(w for w in words if w not in ("a", "an") or w == words[0])
    return HEDGES.get(phrase)


def _figure_unit(m: re.Match[str]) -> tuple[str | None, int]:
    if m.group("cur"):
        return CURRENCIES.get(m.group("cur").lower()), 0
    if m.group("pct"):
        return "%", 0
    return _unit(m.group("after"), bool(m.group("joint")))


_NAME_BEFORE = re.compile(r"(?:^|[^.!?\"“\n]\s)\b([A-Z][\w-]*)\s$")


def _after_name(text: str, start: int) -> bool:
    """Whether the number at ``start`` follows a capitalised word inside a sentence ("Boeing 737").

    >>> _after_name("the Boeing 737 jet", 11), _after_name("In 12 cities", 3), _after_name("Brisk's 14", 8)
    (True, False, False)
    """
    before = text[max(0, start - 40) : start]
    m = _NAME_BEFORE.search(before)
    return m is not None and m.start(1) > 0 if m else False


def unit_family(unit: str | None) -> str | None:
    """The family a unit belongs to ("percent" and "%" are one).

    >>> unit_family("percent"), unit_family("deaths"), unit_family("day")
    ('%', 'killed', 'day')
    """
    if unit is None:
        return None
    u = singular(unit.lower())
    return UNIT_FAMILIES.get(u, CURRENCIES.get(u, u))


def interval(q: Quantity) -> tuple[float, float]:
    """The values a figure allows, given its hedge and rounding step.

    >>> interval(Quantity(140, "people", "about 140", 0, 9, "~"))
    (118.5, 161.5)
    >>> interval(Quantity(3e6, "USD", "$3 million", 0, 10, None, 1e6))
    (2500000.0, 3500000.0)
    """
    half = q.step / 2
    lo, hi = q.value - half, q.value + half
    if q.hedge == "~":
        return min(lo, q.value * 0.85 - half), max(hi, q.value * 1.15 + half)
    if q.hedge == "<~":
        return min(lo, q.value * 0.85 - half), hi
    if q.hedge == ">":
        return lo, math.inf
    if q.hedge == "<":
        return -math.inf, hi
    return lo, hi


def number_conflict(a: Quantity, b: Quantity) -> bool:
    """Whether two figures for the same kind of thing disagree beyond rounding and hedges.

    >>> exact = Quantity(143, "people", "143 people", 0, 10)
    >>> number_conflict(exact, Quantity(140, "people", "about 140 people", 0, 16, "~"))
    False
    >>> number_conflict(exact, Quantity(140, "people", "140 people", 0, 10))
    True
    >>> number_conflict(exact, Quantity(140, "day", "140 days", 0, 8))
    False
    """
    fa, fb = unit_family(a.unit), unit_family(b.unit)
    if fa is None or fa != fb:
        return False
    (alo, ahi), (blo, bhi) = interval(a), interval(b)
    return ahi < blo or bhi < alo
