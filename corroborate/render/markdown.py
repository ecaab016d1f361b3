"""A dossier as Markdown, for reading in a terminal or a repository: outlets, timeline,
actors, who said what, corroborated / conflicting / unique claims with each outlet's words
quoted from the source, and how each outlet frames the story."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from ..reconcile.records import CONFLICTING, CORROBORATED, UNIQUE, ClaimGroup, ClaimRef, Dossier
from .common import timeline_rows

#: At most this many quotations per speaker and unique claims per outlet are listed in full.
MAX_LISTED = 12


def md(text: str | None) -> str:
    """Text safe inside a Markdown line or table cell: one line, markup characters escaped.

    >>> md("a *b* | c\\n d")
    'a \\\\*b\\\\* \\\\| c d'
    """
    flat = " ".join((text or "").split())
    for ch in "\\`*_[]|<>":
        flat = flat.replace(ch, "\\" + ch)
    return flat


def _where(c: ClaimRef) -> str:
    return f"`{c.id}` chars {c.start}–{c.end}"


def _evidence(c: ClaimRef) -> str:
    via = f" _(repeating {md(c.source)})_" if c.source else ""
    return f"- **{md(c.outlet)}**{via}: “{md(c.text)}” — {_where(c)}"


def _header(d: Dossier) -> Iterator[str]:
    outlets = {a.outlet for a in d.articles}
    yield f"# {md(d.headline) or 'Untitled story'}"
    yield ""
    yield f"Story `{d.story_id}` · {len(d.articles)} articles from {len(outlets)} outlets"
    yield ""
    yield "## Outlets"
    yield ""
    for a in d.articles:
        dup = f" _(near-duplicate of `{a.duplicate_of}`)_" if a.duplicate_of else ""
        yield f"- **{md(a.outlet)}** ({a.published or 'undated'}): {md(a.title) or '_untitled_'} `{a.id}`{dup}"


def _timeline(d: Dossier) -> Iterator[str]:
    yield "## Timeline"
    yield ""
    if not d.timeline:
        yield "_No dated events._"
    outlet = {a.id: a.outlet for a in d.articles}
    for t in timeline_rows(d.timeline):
        if isinstance(t, tuple):
            yield f"- **{t[0]}** — _… and {t[1]} more on this date_"
            continue
        who = ", ".join(dict.fromkeys(outlet.get(a, a) for a in t.articles))
        yield f"- **{t.date}** — {md(t.text)} _({md(who)})_"


def _actors(d: Dossier) -> Iterator[str]:
    yield "## Actors"
    yield ""
    yield "| actor | kind | articles | mentions | quotations |"
    yield "|---|---|---|---|---|"
    for a in d.actors[:25]:
        yield f"| {md(a.name)} | {a.kind} | {a.articles} | {a.mentions} | {a.quotes} |"


def _speakers(d: Dossier) -> Iterator[str]:
    yield "## Who said what"
    for s in d.quotes_by_speaker:
        yield ""
        yield f"### {md(s.name)} ({len(s.quotes)})"
        yield ""
        for q in s.quotes[:MAX_LISTED]:
            cue = f", {md(q.cue)}" if q.cue else ""
            yield f"- {q.kind}: “{md(q.text)}” — {md(q.outlet)}{cue} `{q.id}`"
        if len(s.quotes) > MAX_LISTED:
            yield f"- … and {len(s.quotes) - MAX_LISTED} more"


def _independence(g: ClaimGroup) -> str:
    echoes = "; ".join(f"{md(e.outlet)} {e.how} {md(e.source)}" for e in g.echoes)
    line = f"Independent sources: {md(', '.join(g.independent_outlets))}"
    return line + (f" · echoes: {echoes}" if echoes else "")


def _corroborated(groups: list[ClaimGroup]) -> Iterator[str]:
    yield "## Corroborated claims"
    for g in groups:
        yield ""
        yield f"### {md(g.summary)}"
        yield ""
        yield f"`{g.id}` · {_independence(g)}"
        yield ""
        yield from (_evidence(c) for c in g.claims)


def _conflicting(groups: list[ClaimGroup]) -> Iterator[str]:
    yield "## Conflicting claims"
    for g in groups:
        by_id = {c.id: c for c in g.claims}
        yield ""
        yield f"### {md(g.summary)}"
        yield ""
        yield f"`{g.id}` · {_independence(g)}"
        for conflict in g.conflicts:
            yield ""
            yield f"**{conflict.kind}**: {md(conflict.summary)}"
            for side in conflict.sides:
                yield f"- **{md(side.value)}** ({md(', '.join(side.outlets))})"
                yield from ("  " + _evidence(by_id[i]) for i in side.claims if i in by_id)


def _unique(groups: list[ClaimGroup]) -> Iterator[str]:
    yield "## Reported by one outlet only"
    by_outlet: dict[str, list[ClaimGroup]] = defaultdict(list)
    for g in groups:
        by_outlet[g.independent_outlets[0] if g.independent_outlets else g.outlets[0]].append(g)
    for outlet in sorted(by_outlet):
        yield ""
        yield f"### {md(outlet)}"
        yield ""
        listed = by_outlet[outlet]
        for g in listed[:MAX_LISTED]:
            c = g.claims[0]
            via = f" _(via {md(', '.join(e.outlet for e in g.echoes))})_" if g.echoes else ""
            yield f"- “{md(c.text)}”{via} — {_where(c)}"
        if len(listed) > MAX_LISTED:
            yield f"- … and {len(listed) - MAX_LISTED} more"


def _framing(d: Dossier) -> Iterator[str]:
    summary = {g.id: g.summary for g in d.groups}
    yield "## Framing"
    yield ""
    yield "| outlet | leads with | buries | quotes most | attribution verbs | headline words |"
    yield "|---|---|---|---|---|---|"
    for f in d.framing:
        lead = "; ".join(md(summary.get(g, g)[:70]) for g in f.lead)
        buried = "; ".join(md(summary.get(g, g)[:70]) for g in f.buried) or "—"
        quoted = ", ".join(f"{md(n)} ({k})" for n, k in f.quoted[:4]) or "—"
        verbs = ", ".join(f"{md(v)} ({k})" for v, k in f.verbs[:5]) or "—"
        words = ", ".join(f.headline_words) or "—"
        yield f"| {md(f.outlet)} | {lead or '—'} | {buried} | {quoted} | {verbs} | {words} |"


def render_markdown(dossier: Dossier) -> str:
    """The whole dossier as one Markdown document."""
    by_status: dict[str, list[ClaimGroup]] = defaultdict(list)
    for g in dossier.groups:
        by_status[g.status].append(g)
    parts = [
        _header(dossier), _timeline(dossier), _actors(dossier), _speakers(dossier),
        _corroborated(by_status[CORROBORATED]), _conflicting(by_status[CONFLICTING]),
        _unique(by_status[UNIQUE]), _framing(dossier),
    ]  # fmt: skip
    return "\n\n".join("\n".join(p) for p in parts) + "\n"
