"""Plain results of the extractors, in offsets of the text they were given.

Extractors work on a plain ``str`` so that evaluation harnesses can run them
on corpus text; the pipeline turns these offsets into :class:`~corroborate.model.Span`
values with raw offsets through :meth:`Article.span`.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Extent:
    start: int
    end: int


@dataclass(frozen=True)
class TimeExpr:
    start: int
    end: int
    #: TIMEX3 type: DATE, TIME, DURATION or SET
    type: str
    #: TIMEX3 value, e.g. 2025-11-24, 2025-W49, P100D, XXXX-11-24, PRESENT_REF
    value: str


@dataclass(frozen=True)
class Attribution:
    """One quote or reported statement: who (source), the verb (cue), what (content)."""

    kind: str  # "direct" | "indirect"
    content: Extent
    source: Extent | None = None
    cue: Extent | None = None
