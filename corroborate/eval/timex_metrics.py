"""TempEval-3 style scores for time expressions.

A system timex and a gold timex *match* (relaxed) when their character spans
overlap; pairs are formed one-to-one, greedily by largest overlap, so one long
system span cannot claim two gold timexes. A strict match has identical spans.

Attribute scores follow TempEval-3 (UzZaman et al., 2013): an attribute counts
as right only on a relaxed-matched pair whose attribute is equal, and

* precision = right / system timexes,
* recall    = right / gold timexes,

so a missed or spurious timex costs value F1 as well as extent F1.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, fields

from ..extract.base import TimeExpr


@dataclass
class Counts:
    """Tallies over documents; :func:`scores` turns them into percentages."""

    gold: int = 0
    system: int = 0
    relaxed: int = 0
    strict: int = 0
    type_ok: int = 0
    value_ok: int = 0

    def add(self, other: Counts) -> None:
        for f in fields(self):
            setattr(self, f.name, getattr(self, f.name) + getattr(other, f.name))


def overlap(a: TimeExpr, b: TimeExpr) -> int:
    """Characters two spans share.

    >>> overlap(TimeExpr(0, 5, "DATE", "x"), TimeExpr(3, 9, "DATE", "x"))
    2
    >>> overlap(TimeExpr(0, 3, "DATE", "x"), TimeExpr(3, 9, "DATE", "x"))
    0
    """
    return max(0, min(a.end, b.end) - max(a.start, b.start))


def match(gold: Sequence[TimeExpr], system: Sequence[TimeExpr]) -> list[tuple[TimeExpr, TimeExpr]]:
    """One-to-one (gold, system) pairs of overlapping spans, largest overlap first.

    >>> g = [TimeExpr(0, 6, "DATE", "a"), TimeExpr(10, 14, "DATE", "b")]
    >>> s = [TimeExpr(2, 12, "DATE", "a")]
    >>> [(p[0].value, p[1].value) for p in match(g, s)]
    [('a', 'a')]
    """
    candidates = [
        (overlap(g, s), i, j) for i, g in enumerate(gold) for j, s in enumerate(system) if overlap(g, s) > 0
    ]
    candidates.sort(key=lambda c: (-c[0], c[1], c[2]))
    used_gold: set[int] = set()
    used_system: set[int] = set()
    pairs = []
    for _, i, j in candidates:
        if i not in used_gold and j not in used_system:
            used_gold.add(i)
            used_system.add(j)
            pairs.append((gold[i], system[j]))
    return pairs


def count(gold: Sequence[TimeExpr], system: Sequence[TimeExpr]) -> Counts:
    """Tallies for one document.

    >>> c = count([TimeExpr(0, 6, "DATE", "2025")], [TimeExpr(0, 6, "DATE", "2025"), TimeExpr(9, 12, "SET", "P1D")])
    >>> (c.gold, c.system, c.relaxed, c.strict, c.value_ok)
    (1, 2, 1, 1, 1)
    """
    c = Counts(gold=len(gold), system=len(system))
    for g, s in match(gold, system):
        c.relaxed += 1
        c.strict += (g.start, g.end) == (s.start, s.end)
        c.type_ok += g.type == s.type
        c.value_ok += g.value == s.value
    return c


def prf(right: int, system: int, gold: int) -> tuple[float, float, float]:
    """Precision, recall and F1 in percent (0 where undefined).

    >>> prf(3, 4, 6)
    (75.0, 50.0, 60.0)
    >>> prf(0, 0, 0)
    (0.0, 0.0, 0.0)
    """
    p = 100.0 * right / system if system else 0.0
    r = 100.0 * right / gold if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def scores(c: Counts) -> dict[str, float]:
    """The figures a report shows, from summed tallies."""
    out: dict[str, float] = {"gold": float(c.gold), "system": float(c.system)}
    for name, right in (
        ("relaxed", c.relaxed),
        ("strict", c.strict),
        ("type", c.type_ok),
        ("value", c.value_ok),
    ):
        p, r, f = prf(right, c.system, c.gold)
        out[f"{name}_p"], out[f"{name}_r"], out[f"{name}_f1"] = p, r, f
    out["type_accuracy"] = 100.0 * c.type_ok / c.relaxed if c.relaxed else 0.0
    out["value_accuracy"] = 100.0 * c.value_ok / c.relaxed if c.relaxed else 0.0
    return out


def score_documents(docs: Iterable[tuple[Sequence[TimeExpr], Sequence[TimeExpr]]]) -> dict[str, float]:
    """Micro-averaged scores over (gold, system) pairs of documents.

    >>> g = [TimeExpr(0, 4, "DATE", "1998")]
    >>> round(score_documents([(g, g), (g, [])])["value_f1"], 1)
    66.7
    """
    total = Counts()
    for gold, system in docs:
        total.add(count(gold, system))
    return scores(total)
