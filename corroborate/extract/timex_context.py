"""What every time-expression rule shares: the rule registry and the reading context.

A rule is a regex (with named groups) and a handler that turns its groups into
a TIMEX3 ``(type, value)`` or refuses the match. :mod:`corroborate.extract.times`
joins all rules, by priority, into one alternation scanned once per text.

The context carries the anchor (publication date), the clause tense (computed
only when a handler asks) and the *reference point*: the last date the text
named, which anaphoric expressions ("that month", "the following day") are
resolved against, as HeidelTime does in narrative mode. Earnings reports
compare periods ("the quarter", "a year earlier", "the year-ago period"), so
the last quarter or half named is kept apart as the *period*.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

from .timex_calendar import Point, fmt, shift
from .timex_tense import tense_at

Groups = dict[str, str | None]
Result = tuple[str, str] | None


@dataclass
class Ctx:
    text: str
    anchor: dt.date | None
    start: int = 0
    end: int = 0
    ref: Point | None = None
    period: Point | None = None
    #: Set by a handler whose value is anaphoric and must not become the reference ("a year earlier").
    keep_ref: bool = False
    _tense: list[str | None] = field(default_factory=list)

    def at(self, start: int, end: int) -> Ctx:
        """The same context moved to a new match (forgets the cached tense)."""
        self.start, self.end, self._tense, self.keep_ref = start, end, [], False
        return self

    def remember(self, value: str) -> None:
        """Make a DATE or TIME value the reference point (and the period, for quarters and halves)."""
        point = None if self.keep_ref else point_of(value)
        if point:
            self.ref = point
            if point[1] in ("quarter", "half"):
                self.period = point

    def tense(self) -> str | None:
        if not self._tense:
            self._tense.append(tense_at(self.text, self.start, self.end))
        return self._tense[0]

    def prev_word(self) -> str:
        """The word (or symbol) right before the match, lower-cased."""
        m = _PREV.search(self.text, max(0, self.start - 30), self.start)
        return m.group(1).lower() if m else ""

    def following(self, n: int = 20) -> str:
        return self.text[self.end : self.end + n]

    def base(self, prefer_ref: bool = False, gran: str = "") -> Point | None:
        """The point relative expressions count from: the reference point (the period, for
        quarters and halves) or the anchor."""
        if prefer_ref and gran in ("quarter", "half") and self.period is not None:
            return self.period
        if prefer_ref and self.ref is not None:
            return self.ref
        return (self.anchor, "day") if self.anchor else None


Handler = Callable[[Groups, Ctx], Result]
_PREV = re.compile(r"(\S+?)[\"'`(\s]*\Z")


@dataclass(frozen=True)
class Rule:
    priority: int
    name: str
    pattern: str
    handler: Handler


RULES: list[Rule] = []


def rule(priority: int, pattern: str) -> Callable[[Handler], Handler]:
    """Register ``handler`` for ``pattern``; lower priorities are tried first at a position."""

    def add(handler: Handler) -> Handler:
        RULES.append(Rule(priority, handler.__name__, pattern, handler))
        return handler

    return add


def moved(c: Ctx, gran: str, n: int, prefer_ref: bool = False) -> str:
    """The value ``n`` units of ``gran`` away from the context's base point.

    >>> moved(Ctx("", dt.date(2025, 11, 27)), "week", 1), moved(Ctx("", None), "year", -1)
    ('2025-W49', 'XXXX')
    """
    base = c.base(prefer_ref, gran)
    if base is None:
        return fmt(None, gran)
    return fmt(shift(base[0], gran, n), gran)


_VALUE_FORMS = (
    (re.compile(r"(\d{4})-(\d\d)-(\d\d)"), "day"),
    (re.compile(r"(\d{4})-W(\d\d)"), "week"),
    (re.compile(r"(\d{4})-Q([1-4])"), "quarter"),
    (re.compile(r"(\d{4})-H([12])"), "half"),
    (re.compile(r"(\d{4})-(\d\d)"), "month"),
    (re.compile(r"(\d{4})"), "year"),
)


@lru_cache(maxsize=4096)  # an article names the same few dates again and again
def point_of(value: str) -> Point | None:
    """The point a concrete DATE value names, to serve as the next reference point.

    >>> point_of("1989-Q3"), point_of("PRESENT_REF")
    ((datetime.date(1989, 7, 1), 'quarter'), None)
    """
    for rx, gran in _VALUE_FORMS:
        m = rx.fullmatch(value[: {"day": 10, "week": 8, "quarter": 7, "half": 7, "month": 7}.get(gran, 4)])
        if not m or (gran == "year" and len(value) > 4 and value[4:5] != "-"):
            continue
        y, n = int(m.group(1)), int(m.group(2)) if gran != "year" else 1
        try:
            return _point(gran, y, n, m), gran
        except ValueError:
            return None
    return None


def _point(gran: str, y: int, n: int, m: re.Match[str]) -> dt.date:
    if gran == "day":
        return dt.date(y, n, int(m.group(3)))
    if gran == "week":
        return dt.date.fromisocalendar(y, max(1, min(n, 52)), 1)
    if gran in ("quarter", "half"):
        return dt.date(y, (n - 1) * (3 if gran == "quarter" else 6) + 1, 1)
    return dt.date(y, n, 1)
