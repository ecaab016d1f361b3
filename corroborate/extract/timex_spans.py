"""Rules for durations ("two hours", "the past two years"), sets ("weekly", "every
Thursday") and the vague references PRESENT_REF, PAST_REF and FUTURE_REF.

Ages ("a 44-year-old") and rates ("$2 million a year") are left alone: news
annotators do not mark them, and they would cost precision.
"""

from __future__ import annotations

from .timex_context import Ctx, Groups, Result, rule
from .timex_lexicon import (
    FREQUENCIES,
    MONTH,
    MONTHS,
    NUM,
    NUMBERS,
    SEASON,
    SEASONS,
    UNIT,
    UNITS,
    VAGUE,
    WEEKDAY,
    WEEKDAYS,
    number_value,
    words,
)

#: Lower unit and factor for writing fractions: "2 1/2 years" is P2Y6M.
_SPLIT = {
    "Y": ("M", 12),
    "Q": ("M", 3),
    "M": ("D", 30),
    "W": ("D", 7),
    "D": ("H", 24),
    "H": ("M", 60),
    "M_": ("S", 60),
}


def unit_code(word: str) -> str:
    """TIMEX3 unit code of a unit word, clock units prefixed with T.

    >>> unit_code("Years"), unit_code("hours"), unit_code("centuries")
    ('Y', 'TH', '100Y')
    """
    w = word.lower()
    w = w[:-1] if w.endswith("s") and w[:-1] in UNITS else w
    return UNITS.get(w.replace("centuries", "centurie"), "D")


def duration_value(n: float | None, code: str) -> str:
    """A TIMEX3 duration; ``n`` None means an unknown count.

    >>> duration_value(2, "Y"), duration_value(2.5, "Y"), duration_value(1.5, "TH"), duration_value(None, "10Y")
    ('P2Y', 'P2Y6M', 'PT1H30M', 'PXE')
    >>> duration_value(3, "10Y"), duration_value(0.5, "TH"), duration_value(2, "2W"), duration_value(1.5, "TS")
    ('P30Y', 'PT30M', 'P4W', 'PT1.5S')
    """
    clock = code.startswith("T")
    letter = code.lstrip("T")
    if letter[:-1].isdigit():
        mult, letter = int(letter[:-1]), letter[-1]
        if n is None:
            return {10: "PXE", 100: "PXC"}.get(mult, f"PX{letter}")
        n *= mult
    prefix = "PT" if clock else "P"
    if n is None:
        return f"{prefix}X{letter}"
    whole = int(n)
    rest = n - whole
    if not rest:
        return f"{prefix}{whole}{letter}"
    key = "M_" if clock and letter == "M" else letter
    if key not in _SPLIT:
        return f"{prefix}{n:g}{letter}"
    lower, factor = _SPLIT[key]
    parts = (f"{whole}{letter}" if whole else "") + f"{round(rest * factor)}{lower}"
    if not clock and lower == "H":
        return f"P{whole}DT{round(rest * factor)}H" if whole else f"PT{round(rest * factor)}H"
    return prefix + parts


_DUR_MOD = (
    r"(?i:about|around|approximately|roughly|nearly|almost|more\s+than|less\s+than|fewer\s+than|at\s+least|at\s+most"
    r"|up\s+to|just|only|no\s+more\s+than|no\s+less\s+than|upwards\s+of|well\s+over|close\s+to"
    r"|the\s+better\s+part\s+of|a\s+full|barely|another|an\s+additional|some)"
)
_DUR_DET = (
    r"(?i:(?:each\s+of\s+|all\s+of\s+)?the\s+(?:past|last|next|first|coming|following|previous|final|remaining"
    r"|latest|initial|entire|full|year-earlier|year-ago|same|ensuing|preceding|prior)|the|its\s+first|its|their|these|those)"
)
#: Words that make "a year" a rate ("$2 million a year"), not a duration.
_VERBS_IN_S = frozenset(
    words("takes lasts spends needs requires was is has gets goes comes is as this its less unless plus")
)
_RATE_BEFORE = frozenset(words("times once twice thrice per"))


@rule(
    120,
    rf"(?:(?:{_DUR_MOD}\s+)?(?:(?P<det>{_DUR_DET})\s+)?|(?i:over|within|under)\s+)(?:(?P<num>{NUM})|(?P<vague>{VAGUE}))(?:\s+(?i:more|additional|full|straight|consecutive|long|trading|business|working|calendar))?"
    rf"(?P<sep>[-\s]+)(?P<unit>{UNIT})(?P<pl>s)?\b(?P<half>\s+(?i:and\s+a\s+half))?(?![-\s](?i:old)\b|-)(?:\s+(?i:or\s+so))?",
)
def duration(g: Groups, c: Ctx) -> Result:
    """Reads "two hours", "the past two years", "within 100 days", "2 1/2 years", "a few days"."""
    unit = (g["unit"] or "").lower()
    if c.text[c.start - 1 : c.start] in ("$", "\u00a3", "\u20ac"):
        return None  # "$1.50 a share" is money
    if g["det"] and "-" in (g["sep"] or ""):
        return None  # in "the 10-year yield" the article belongs to the noun: retried from "10"
    num = " ".join((g["num"] or "").lower().split())
    if num in ("a", "an") and (unit in ("second", "quarter") or _is_rate(c)):
        return None
    if unit == "quarter" and g["pl"] and "-quarters" in c.text[c.start : c.end].lower():
        return None  # "three-quarters of its food" is a fraction
    n = number_value(num) if num else None
    if num and n is None or (n is not None and n > 10000):
        return None
    if n is not None and g["half"]:
        n += 0.5
    return "DURATION", duration_value(n, unit_code(unit))


def _is_rate(c: Ctx) -> bool:
    """Whether "a <unit>" follows an amount or a count of times ("$5 a day", "twice a week")."""
    prev = c.prev_word()
    if prev.endswith("s") and prev.isalpha() and prev not in _VERBS_IN_S:
        return True  # "four flights a week", "24 hours a day"
    return (
        prev in _RATE_BEFORE
        or any(ch.isdigit() for ch in prev)
        or prev in NUMBERS
        or prev.endswith(("illion", "illions"))
    )


@rule(
    125,
    r"(?:(?P<pre>(?i:the\s+past\s+few|the\s+last\s+few|the\s+next\s+few|the\s+coming|coming|the\s+past|past|the\s+last|the\s+next))\s+)?"
    r"(?P<unit>(?i:minutes|hours|days|weeks|months|quarters|years|decades|centuries))\b(?:-long\b)?(?!['\u2019-])(?!\s+(?i:old|of\s+age)\b)",
)
def vague_duration(g: Groups, c: Ctx) -> Result:
    """Bare plural units: "years", "the coming months"."""
    prev = c.prev_word()
    if c.text[c.start - 1 : c.start] == "-":
        return None  # the tail of "three-quarters" or "two-years"
    if not g["pre"] and (prev in NUMBERS or prev[:1].isdigit() or prev in ("those", "these", "of")):
        return None
    return "DURATION", duration_value(None, unit_code(g["unit"] or ""))


@rule(
    110,
    rf"(?P<q>(?i:every|each))\s+(?:(?i:other)\s+)?(?:(?P<num>{NUM})\s+)?(?P<unit>{UNIT}|{WEEKDAY}|{MONTH}|{SEASON}"
    rf"|(?i:morning|afternoon|evening|night|weekend))(?P<pl>s)?\b"
    rf"|(?P<times>(?i:once|twice|thrice|(?:{NUM})\s+times))\s+(?i:a|an|per|each|every)\s+(?P<unit2>{UNIT})\b"
    r"|(?P<freq>(?i:hourly|daily|nightly|weekly|biweekly|monthly|annually|yearly|semiannually))\b",
)
def frequency(g: Groups, c: Ctx) -> Result:
    """Reads "weekly", "every day", "each July", "every Thursday", "twice a week"."""
    if g["freq"]:
        return "SET", FREQUENCIES[g["freq"].lower()]
    word = g["unit"] or g["unit2"] or ""
    low = word.lower()
    if low in WEEKDAYS:
        return "SET", f"XXXX-WXX-{WEEKDAYS[low]}"
    if word in MONTHS or low in MONTHS and word[:1].isupper():
        return "SET", f"XXXX-{MONTHS[low]:02d}"
    if low in SEASONS:
        return "SET", f"XXXX-{SEASONS[low]}"
    if low in ("morning", "afternoon", "evening", "night", "weekend"):
        return "SET", {"weekend": "XXXX-WXX-WE"}.get(
            low, f"XXXX-XX-XXT{low[:2].upper() if low != 'night' else 'NI'}"
        )
    n = number_value(g["num"]) if g["num"] else 1
    return "SET", duration_value(
        (n or 1) * (2 if "other" in c.text[c.start : c.end].lower() else 1), unit_code(low)
    )


_PRESENT = r"(?i:right\s+now|just\s+now|now|currently|nowadays|these\s+days|presently|the\s+present(?:\s+day|\s+time)?)|(?<=at\s)(?i:present|the\s+moment)"
_PAST = r"(?i:(?:more\s+|most\s+|only\s+|very\s+)?recently|lately|formerly|the\s+past|recent\s+(?:years|decades|times|history|memory))"
_FUTURE = (
    r"(?i:the\s+(?:near\s+|foreseeable\s+|distant\s+|immediate\s+|not-too-distant\s+)?future|(?<=in\s)future"
    r"|the\s+(?:near|short|long|medium)\s+term|a\s+later\s+date|someday|some\s+day)"
)


@rule(140, rf"(?P<present>{_PRESENT})|(?P<past>{_PAST})|(?P<future>{_FUTURE})")
def vague_ref(g: Groups, c: Ctx) -> Result:
    """Reads "now", "currently", "recently", "in the past", "the future", "the near term"."""
    value = "PRESENT_REF" if g["present"] else "PAST_REF" if g["past"] else "FUTURE_REF"
    return "DATE", value


@rule(141, r"(?i:recent)\s+(?P<unit>(?i:days|weeks|months|quarters))\b")
def recent_units(g: Groups, c: Ctx) -> Result:
    """For "recent weeks": a vague duration reaching up to now."""
    return "DURATION", duration_value(None, unit_code(g["unit"] or ""))
