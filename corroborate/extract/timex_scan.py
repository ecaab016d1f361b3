"""Where a time expression may start: a cheap pre-scan that keeps the rule regex off most words.

Trying every rule at every word costs about 14 microseconds a word, far over the
extraction budget. Every time expression holds a *trigger* word (a month, a
unit, "now", a year, "p.m."...), and what precedes the trigger inside the
expression is drawn from a small vocabulary of modifiers ("the past two",
"early", "more than"). So the scan tokenises once, finds the triggers with set
look-ups, walks left over modifier words, and hands only those start positions
to the rule regex.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from itertools import accumulate, compress

from .timex_lexicon import MONTHS, NUMBERS, WEEKDAYS, words

_UNITS = "second minute hour day night week weekend fortnight month quarter year decade century centuries millennium millennia"
TRIGGERS = frozenset(
    [*MONTHS, *WEEKDAYS, *(w + "s" for w in WEEKDAYS), *words(_UNITS), *(w + "s" for w in words(_UNITS))]
    + [
        *words("""spring summer fall autumn winter springs summers falls autumns winters half period term future past
    present presently moment now currently nowadays today tonight tomorrow yesterday recently lately formerly someday
    date noon midnight midday morning afternoon evening mornings evenings afternoons pm m clock hourly daily
    nightly weekly biweekly monthly annually yearly semiannually christmas thanksgiving easter halloween
    twenties thirties forties fifties sixties seventies eighties nineties nineteen eighteen thousand
    q1 q2 q3 q4 ago""")
    ]
)
#: Words that may come before a trigger inside one expression.
LEFT = frozenset(
    [*NUMBERS, *(w for k in NUMBERS for w in k.split())]
    + [
        *words("""the a an this that these those last next past early late mid post pre very beginning start end middle
    close turn latter part of around about sometime in earlier later approximately roughly nearly almost more less
    fewer than at least most up to within over under just only no upwards well better full barely another
    additional some several few many numerous number couple each every all first second third fourth final
    remaining latest initial entire same ensuing preceding prior previous following coming current present
    comparable corresponding whole fiscal calendar fy its their our other once twice thrice times per s o p
    right near foreseeable distant immediate not too short long medium year ago shortly before after on 1st 2nd
    3rd 4th and or so recent election labor memorial veterans independence valentine boxing columbus presidents
    martin luther king jr mother father new good eve trading business working straight consecutive""")
    ]
)
_SPLIT = re.compile(r"(\w+)")
#: A digit and the rest of its word (a digit inside a word is skipped with the word).
_DIGITS = re.compile(r"\d\w*")
_LOOKBACK = 7


def _is_trigger(word: str, text: str, end: int) -> bool:
    """Whether a lower-cased token can anchor a time expression.

    >>> _is_trigger("1998", "1998", 4), _is_trigger("1990s", "1990s", 5), _is_trigger("12", "12 men", 2)
    (True, True, False)
    """
    if word in TRIGGERS:
        return True
    if not word[:1].isdigit():
        return False
    return (len(word) == 4 and word.isdigit()) or word.endswith("s") or text[end : end + 1] == ":"


def _words(text: str) -> tuple[list[str], list[str]]:
    """The pieces of ``text`` split around its words (``\\w+``), and the words lower-cased.

    Lower-casing the text once is faster than word by word and gives the same words: a character
    is a word character exactly when its lower case is, and only a Greek final sigma lower-cases
    by context (no trigger or modifier word holds one). A text with a character that lower-cases
    to two ("İ") is lower-cased word by word.
    """
    low = text.lower()
    if len(low) == len(text):
        parts = _SPLIT.split(low)
        return parts, parts[1::2]
    parts = _SPLIT.split(text)
    return parts, list(map(str.lower, parts[1::2]))


def candidates(text: str) -> list[int]:
    """Start offsets worth trying the rule regex at, ascending.

    Token offsets come from the lengths of ``re.split`` pieces and trigger tests run through
    ``map``, so the per-token work stays in C; Python only loops over the few triggers.

    >>> t = "He said the past two years were hard."
    >>> [t[i:i + 8] for i in candidates(t)]
    ['the past', 'past two', 'two year', 'years we']
    """
    parts, lowered = _words(text)
    offsets = list(accumulate(map(len, parts), initial=0))[1:-1:2]
    hits = set(compress(range(len(lowered)), map(TRIGGERS.__contains__, lowered)))
    for m in _DIGITS.finditer(text):  # words that start with a digit: few, found by the regex
        k = bisect_left(offsets, m.start())
        if (
            k < len(offsets)
            and offsets[k] == m.start()
            and _is_trigger(lowered[k], text, m.start() + len(lowered[k]))
        ):
            hits.add(k)
    starts: set[int] = set()
    for k in hits:
        j = k
        while j > 0 and k - j < _LOOKBACK and (lowered[j - 1] in LEFT or lowered[j - 1][:1].isdigit()):
            j -= 1
        starts.update(offsets[j : k + 1])
        if offsets[k] and text[offsets[k] - 1] in "'\u2019":
            starts.add(offsets[k] - 1)
    return sorted(starts)
