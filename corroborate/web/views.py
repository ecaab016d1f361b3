"""A dossier arranged for the story page: the claim matrix (claim groups as rows, outlets as
columns, each cell the outlet's own words), timeline rows linked to their sources, and links
to exact source spans."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from ..reconcile.records import CONFLICTING, CORROBORATED, UNIQUE, ClaimGroup, ClaimRef, Dossier
from ..render.common import timeline_rows


def span_href(article_id: str, start: int, end: int) -> str:
    """The article page with characters ``start``-``end`` highlighted and scrolled to.

    >>> span_href("ab/c", 3, 9)
    '/articles/ab%2Fc?hl=3-9#span'
    """
    return f"/articles/{quote(article_id, safe='')}?hl={start}-{end}#span"


@dataclass(frozen=True)
class MatrixRow:
    group: ClaimGroup
    #: one tuple of claims per outlet column (empty where the outlet does not report it)
    cells: tuple[tuple[ClaimRef, ...], ...]
    #: claim id -> what it says in a conflict ("number: 15"), for claims on a conflict's side
    sides: dict[str, str]


def outlet_columns(dossier: Dossier) -> list[str]:
    return list(dict.fromkeys(a.outlet for a in dossier.articles))


def _sides(group: ClaimGroup) -> dict[str, str]:
    out: dict[str, list[str]] = {}
    for conflict in group.conflicts:
        for side in conflict.sides:
            for claim in side.claims:
                out.setdefault(claim, []).append(f"{conflict.kind}: {side.value}")
    return {claim: "; ".join(values) for claim, values in out.items()}


def matrix(groups: Sequence[ClaimGroup], outlets: Sequence[str]) -> list[MatrixRow]:
    rows = []
    for g in groups:
        cells = tuple(tuple(c for c in g.claims if c.outlet == outlet) for outlet in outlets)
        rows.append(MatrixRow(g, cells, _sides(g)))
    return rows


def by_status(dossier: Dossier) -> dict[str, list[ClaimGroup]]:
    """Claim groups by status, each in the dossier's order (most independently reported first)."""
    out: dict[str, list[ClaimGroup]] = {CORROBORATED: [], CONFLICTING: [], UNIQUE: []}
    for g in dossier.groups:
        out.setdefault(g.status, []).append(g)
    return out


def timeline_items(dossier: Dossier) -> list[dict[str, Any]]:
    """Timeline rows: date, text, outlets and a link to the first claim behind the entry; a
    busy date's overflow as {date, more}."""
    outlet = {a.id: a.outlet for a in dossier.articles}
    claims = {c.id: c for g in dossier.groups for c in g.claims}
    items: list[dict[str, Any]] = []
    for t in timeline_rows(dossier.timeline):
        if isinstance(t, tuple):
            items.append({"date": t[0], "more": t[1], "text": "", "outlets": [], "href": None})
            continue
        first = next((claims[c] for c in t.claims if c in claims), None)
        items.append({
            "date": t.date, "more": 0, "text": t.text,
            "outlets": list(dict.fromkeys(outlet.get(a, a) for a in t.articles)),
            "href": span_href(first.article, first.start, first.end) if first else None,
        })  # fmt: skip
    return items


def timeline_dates(dossier: Dossier) -> list[tuple[str, list[tuple[str, str | None]]]]:
    """Every timeline entry as (text, link to its first claim), grouped by date in order."""
    claims = {c.id: c for g in dossier.groups for c in g.claims}
    dates: dict[str, list[tuple[str, str | None]]] = {}
    for t in dossier.timeline:
        first = next((claims[c] for c in t.claims if c in claims), None)
        href = span_href(first.article, first.start, first.end) if first else None
        dates.setdefault(t.date, []).append((t.text, href))
    return list(dates.items())


def group_summaries(dossier: Dossier) -> dict[str, str]:
    return {g.id: g.summary for g in dossier.groups}
