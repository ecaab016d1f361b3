"""Time expressions: find them in English news text and normalise them TIMEX3-style.

``find_times(text, anchor)`` returns :class:`~corroborate.extract.base.TimeExpr`
spans with a TimeML type (DATE, TIME, DURATION, SET) and value, resolved
against ``anchor``, the publication date: "Nov. 24" -> 2025-11-24, "said on
Thursday" -> the last Thursday up to the anchor, "next week" -> 2025-W49,
"within 100 days" -> P100D, "now" -> PRESENT_REF. Without an anchor, values
stay underspecified (XXXX-11-24, XXXX-WXX) instead of guessing a year.

How: every rule (``timex_points``, ``timex_relative``, ``timex_spans``) is a
regex with a handler, tried by priority only where
:mod:`~corroborate.extract.timex_scan` finds that an expression may start (next
to a trigger word), and there only the rules that :mod:`~corroborate.extract.timex_prefix`
says can start with the next few characters. The cost is one tokenisation plus
a few regex matches and handler calls per hit: well under 1 ms for a 4 KB
article, with no library calls (parsedatetime and dateparser are not used).
At a position the first rule by priority wins; a handler may refuse its match
("May" the verb), and the remaining rules then get their turn there.

Resolution: year-less dates and weekdays take the tense of their clause
(:mod:`~corroborate.extract.timex_tense`) into account; anaphoric expressions
("that day", "a year earlier", "the year-ago quarter") count from the last
date or quarter the text named (:mod:`~corroborate.extract.timex_context`).

Extents follow the TempEval-3 training corpus: determiners and modifiers
belong to the timex ("the past two years", "early next year", "within 18
months"); prepositions ("on Thursday") do not.

No lexicon is learned from data, so there is nothing to regenerate: the word
lists are written by hand in ``timex_lexicon``/``timex_scan``, and the rules
were checked against the TempEval-3 training documents (never the test data)
with ``python -m corroborate.eval.tempeval --split train --errors 50``.
"""

from __future__ import annotations

import datetime as dt
import re

from . import timex_points, timex_relative, timex_spans  # noqa: F401  (they register their rules)
from .base import TimeExpr
from .timex_context import RULES, Ctx
from .timex_prefix import RuleFilter
from .timex_scan import candidates

_ORDERED = sorted(RULES, key=lambda r: r.priority)
_EDGE_L, _EDGE_R = r"(?<![\w'\u2019])(?<!\d[.,:/])", r"(?!\w)"
_MIN_ANCHOR, _MAX_ANCHOR = dt.date(100, 1, 1), dt.date(9899, 12, 31)
_SINGLE = [re.compile(f"{_EDGE_L}(?:{r.pattern}){_EDGE_R}") for r in _ORDERED]
_FILTER = RuleFilter([r.pattern for r in _ORDERED])


def _apply(i: int, m: re.Match[str], ctx: Ctx) -> TimeExpr | None:
    """Run rule ``i``'s handler on its match; None when it refuses."""
    start, end = m.span()
    result = _ORDERED[i].handler(m.groupdict(), ctx.at(start, end))
    return TimeExpr(start, end, *result) if result else None


def _first_at(text: str, start: int, ctx: Ctx) -> TimeExpr | None:
    """The timex at ``start``: the first rule by priority that matches there, or when its
    handler refuses, the first later one that matches something and accepts."""
    rules = _FILTER.rules_at(text, start)
    for k, i in enumerate(rules):
        m = _SINGLE[i].match(text, start)
        if m is None:
            continue
        found = _apply(i, m, ctx)
        for j in rules[k + 1 :] if found is None else ():
            later = _SINGLE[j].match(text, start)
            if later is not None and later.end() > start:
                found = _apply(j, later, ctx)
                if found is not None:
                    break
        return found
    return None


def find_times(text: str, anchor: dt.date | None) -> list[TimeExpr]:
    """Time expressions in ``text``, in order, normalised against ``anchor``.

    >>> [(t.value, t.type) for t in find_times("Officials said on Thursday they will meet next week.", dt.date(2025, 11, 27))]
    [('2025-11-27', 'DATE'), ('2025-W49', 'DATE')]
    >>> [t.value for t in find_times("It lasted two hours, unlike Nov. 24.", None)]
    ['PT2H', 'XXXX-11-24']
    """
    if anchor is not None and not _MIN_ANCHOR <= anchor <= _MAX_ANCHOR:
        anchor = None  # arithmetic a century away from the calendar's ends could overflow
    ctx = Ctx(text, anchor)
    found: list[TimeExpr] = []
    done = 0
    for start in candidates(text):
        timex = _first_at(text, start, ctx) if start >= done else None
        if timex is None or timex.end <= timex.start:
            continue
        found.append(timex)
        if timex.type in ("DATE", "TIME"):
            ctx.remember(timex.value)
        done = timex.end
    return found
