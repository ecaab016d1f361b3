"""The contract every paragraph detector follows.

A detector looks at the paragraphs of one article and returns, for the ones
that are not body text, a :class:`Verdict` saying what they are and why.
Detectors are pure: ``(paragraphs, context) -> {index: Verdict}``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from ..model import SourceMeta
from ..settings import Settings
from .paragraphs import Paragraph


@dataclass(frozen=True)
class Verdict:
    kind: str
    reason: str
    #: Metadata the paragraph revealed, e.g. (("author", "Jane Roe"), ("outlet", "Example News")).
    fields: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Context:
    meta: SourceMeta
    settings: Settings
    #: Verdicts of the detectors that ran before this one.
    earlier: Mapping[int, Verdict]


Detector = Callable[[Sequence[Paragraph], Context], dict[int, Verdict]]
