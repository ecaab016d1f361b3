"""The dossier page's coverage chart: one stacked bar per outlet, counting the claim groups it
reports by status (corroborated, conflicting, unique to it), as inline SVG. Outlet names
come from articles, so every one is escaped; colours are presentation attributes, not style
attributes, so the page's Content-Security-Policy needs no inline styles."""

from __future__ import annotations

from collections import Counter
from html import escape

from ..reconcile.records import CONFLICTING, CORROBORATED, UNIQUE, Dossier

WIDTH, LABEL, ROW, TOP = 960, 250, 26, 34
COLOURS = {CORROBORATED: "#2e7d4f", CONFLICTING: "#b3392f", UNIQUE: "#8a93a3"}
ORDER = (CORROBORATED, CONFLICTING, UNIQUE)
#: Characters of an outlet name drawn beside its bar (the whole name is its tooltip).
NAME_CHARS = 30


def coverage(dossier: Dossier) -> list[tuple[str, Counter[str]]]:
    """(outlet, claim groups it reports by status), in the dossier's outlet order."""
    outlets = list(dict.fromkeys(a.outlet for a in dossier.articles))
    counts: dict[str, Counter[str]] = {o: Counter() for o in outlets}
    for g in dossier.groups:
        for outlet in g.outlets:
            counts.setdefault(outlet, Counter())[g.status] += 1
    return list(counts.items())


def _legend(y: int) -> str:
    parts, x = [], LABEL
    for status in ORDER:
        parts.append(f'<rect x="{x}" y="{y}" width="12" height="12" rx="2" fill="{COLOURS[status]}"/>'
                     f'<text x="{x + 18}" y="{y + 11}" font-size="13" fill="#1d2330">{status}</text>')  # fmt: skip
        x += 150
    return "".join(parts)


def _bar(outlet: str, counts: Counter[str], y: int, scale: float) -> str:
    name = outlet if len(outlet) <= NAME_CHARS else outlet[: NAME_CHARS - 1] + "…"
    tip = ", ".join(f"{counts[s]} {s}" for s in ORDER)
    parts = [f"<g><title>{escape(outlet)}: {tip}</title>",
             f'<text x="{LABEL - 10}" y="{y + 15}" font-size="13" text-anchor="end" fill="#1d2330">{escape(name)}</text>']  # fmt: skip
    x = float(LABEL)
    for status in ORDER:
        width = counts[status] * scale
        if width:
            parts.append(
                f'<rect x="{x:.1f}" y="{y + 3}" width="{width:.1f}" height="16" fill="{COLOURS[status]}"/>'
            )
        x += width
    parts.append(
        f'<text x="{x + 6:.1f}" y="{y + 15}" font-size="12" fill="#5b6475">{sum(counts.values())}</text></g>'
    )
    return "".join(parts)


def coverage_svg(dossier: Dossier) -> str:
    """The chart's SVG markup (empty when the story has no claims)."""
    rows = coverage(dossier)
    most = max((sum(c.values()) for _, c in rows), default=0)
    if not most:
        return ""
    scale = (WIDTH - LABEL - 50) / most
    height = TOP + ROW * len(rows) + 8
    body = "".join(_bar(outlet, counts, TOP + ROW * i, scale) for i, (outlet, counts) in enumerate(rows))
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" height="{height}" '
        f'role="img" aria-label="claim groups reported by each outlet">{_legend(6)}{body}</svg>'
    )


#: Timeline chart: widest column, mark height and gap, marks drawn per date before "+n".
COLUMN, MARK, GAP, STACK = 110, 11, 3, 10


def _column_label(date: str, x: float, y: int, rotate: bool) -> str:
    if rotate:  # narrow columns: labels slanted up from the axis
        return (f'<text x="{x:.1f}" y="{y}" font-size="11" fill="#5b6475" '
                f'transform="rotate(-60 {x:.1f} {y})">{escape(date)}</text>')  # fmt: skip
    return (
        f'<text x="{x:.1f}" y="{y}" font-size="12" fill="#5b6475" text-anchor="middle">{escape(date)}</text>'
    )


def timeline_chart(dates: list[tuple[str, list[tuple[str, str | None]]]]) -> str:
    """A strip of dated events: one column per date (in order, evenly spaced: a story's dates
    are often months apart and then hours apart), one mark per event, each mark a link to the
    event's source with its text as tooltip. ``dates`` is [(date, [(text, href)])]."""
    if not dates:
        return ""
    width = min(COLUMN, (WIDTH - 20) / len(dates))
    rotate = width < 76
    top = 66 if rotate else 28
    mark_w = max(6.0, min(64.0, width - 10))
    most = max(len(events) for _, events in dates)
    height = top + min(STACK, most) * (MARK + GAP) + (22 if most > STACK else 8)
    used = round(20 + width * len(dates))
    parts = [
        f'<line x1="10" y1="{top - 6}" x2="{10 + width * len(dates):.1f}" y2="{top - 6}" stroke="#8892a6"/>'
    ]
    for c, (date, events) in enumerate(dates):
        centre = 10 + width * (c + 0.5)
        parts.append(_column_label(date, centre, top - 12, rotate))
        for k, (text, href) in enumerate(events[:STACK]):
            y = top + k * (MARK + GAP)
            mark = (f'<rect x="{centre - mark_w / 2:.1f}" y="{y}" width="{mark_w:.1f}" height="{MARK}" rx="2" '
                    f'fill="#3d6fb6"><title>{escape(date)}: {escape(text)}</title></rect>')  # fmt: skip
            parts.append(f'<a href="{escape(href)}">{mark}</a>' if href else mark)
        if len(events) > STACK:
            y = top + STACK * (MARK + GAP) + 12
            parts.append(f'<text x="{centre:.1f}" y="{y}" font-size="11" fill="#5b6475" text-anchor="middle">'
                         f"+{len(events) - STACK}</text>")  # fmt: skip
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {used} {height}" width="{used}" height="{height}" '
        f'role="img" aria-label="timeline: events by date">{"".join(parts)}</svg>'
    )
