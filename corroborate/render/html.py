"""A dossier as one self-contained HTML page: inline CSS, no script, no network; every piece
of text from the articles escaped. Sections: headline, outlets with dates, timeline (with an
inline SVG strip), actors, who said what by speaker, corroborated / conflicting / unique
claims with each outlet's words quoted from the source, and the framing table."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from html import escape

from ..reconcile.records import CONFLICTING, CORROBORATED, UNIQUE, ClaimGroup, ClaimRef, Dossier
from .common import timeline_rows
from .svg import timeline_svg

#: At most this many quotations per speaker and unique claims per outlet are shown.
MAX_LISTED = 12

CSS = """
body{font:15px/1.5 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:0;color:#1d2330;background:#f6f7f9}
main{max-width:1040px;margin:0 auto;padding:24px 28px 64px;background:#fff}
h1{font-size:1.7em;margin:.2em 0}h2{margin-top:2em;border-bottom:2px solid #e3e6ec;padding-bottom:.2em}
h3{font-size:1.05em;margin:1.4em 0 .4em}
.meta,.ids{color:#5b6475;font-size:.9em}.ids code{font-size:.85em}
table{border-collapse:collapse;width:100%;font-size:.92em}th,td{border:1px solid #e3e6ec;padding:4px 8px;
text-align:left;vertical-align:top}th{background:#f1f3f7}
blockquote{margin:.3em 0 .3em 0;padding:.2em .8em;border-left:3px solid #c7ccd6;background:#fafbfc}
.outlet{font-weight:600}.badge{display:inline-block;border-radius:10px;padding:0 8px;font-size:.8em;
font-weight:600;color:#fff}.corroborated{background:#2e7d4f}.conflicting{background:#b3392f}
.unique{background:#6b7280}.side{margin:.4em 0 .6em 1em}.echo{color:#8a5a00;font-size:.9em}
ul.timeline{list-style:none;padding-left:0}ul.timeline li{margin:.3em 0}.date{font-family:ui-monospace,monospace;
font-weight:600;margin-right:.6em}svg{max-width:100%;height:auto}
"""


def e(text: object) -> str:
    """Escaped text (quotes too: it may land in an attribute).

    >>> e('<b class="x">&</b>')
    '&lt;b class=&quot;x&quot;&gt;&amp;&lt;/b&gt;'
    """
    return escape("" if text is None else str(text), quote=True)


def _tag(name: str, body: str, cls: str | None = None) -> str:
    attr = f' class="{e(cls)}"' if cls else ""
    return f"<{name}{attr}>{body}</{name}>"


def _list(items: Iterable[str], cls: str | None = None) -> str:
    return _tag("ul", "".join(_tag("li", i) for i in items), cls)


def _evidence(c: ClaimRef) -> str:
    via = f' <span class="echo">repeating {e(c.source)}</span>' if c.source else ""
    where = f'<span class="ids"><code>{e(c.id)}</code> chars {c.start}–{c.end}</span>'
    return f'<span class="outlet">{e(c.outlet)}</span>{via} {where}{_tag("blockquote", e(c.text))}'


def _header(d: Dossier) -> Iterator[str]:
    outlets = {a.outlet for a in d.articles}
    yield _tag("h1", e(d.headline or "Untitled story"))
    yield f'<p class="meta">Story <code>{e(d.story_id)}</code> · {len(d.articles)} articles from {len(outlets)} outlets</p>'
    yield _tag("h2", "Outlets")
    rows = []
    for a in d.articles:
        dup = f"near-duplicate of <code>{e(a.duplicate_of)}</code>" if a.duplicate_of else ""
        rows.append(f"<tr><td>{e(a.outlet)}</td><td>{e(a.published or 'undated')}</td><td>{e(a.title or '')}</td>"
                    f"<td><code>{e(a.id)}</code> {dup}</td></tr>")  # fmt: skip
    yield (
        "<table><tr><th>outlet</th><th>published</th><th>headline</th><th>article</th></tr>"
        + "".join(rows)
        + "</table>"
    )


def _timeline(d: Dossier) -> Iterator[str]:
    yield _tag("h2", "Timeline")
    if not d.timeline:
        yield "<p><em>No dated events.</em></p>"
        return
    yield timeline_svg(d.timeline)
    outlet = {a.id: a.outlet for a in d.articles}
    items = []
    for t in timeline_rows(d.timeline):
        if isinstance(t, tuple):
            items.append(f'<span class="date">{e(t[0])}</span><em>… and {t[1]} more on this date</em>')
            continue
        who = ", ".join(dict.fromkeys(outlet.get(a, a) for a in t.articles))
        items.append(f'<span class="date">{e(t.date)}</span>{e(t.text)} <span class="meta">({e(who)})</span>')
    yield _list(items, "timeline")


def _actors(d: Dossier) -> Iterator[str]:
    yield _tag("h2", "Actors")
    rows = "".join(
        f"<tr><td>{e(a.name)}</td><td>{e(a.kind)}</td><td>{a.articles}</td><td>{a.mentions}</td><td>{a.quotes}</td></tr>"
        for a in d.actors[:25]
    )
    yield f"<table><tr><th>actor</th><th>kind</th><th>articles</th><th>mentions</th><th>quotations</th></tr>{rows}</table>"


def _speakers(d: Dossier) -> Iterator[str]:
    yield _tag("h2", "Who said what")
    for s in d.quotes_by_speaker:
        yield _tag("h3", f"{e(s.name)} ({len(s.quotes)})")
        items = []
        for q in s.quotes[:MAX_LISTED]:
            cue = f", {e(q.cue)}" if q.cue else ""
            meta = f'<span class="meta">{e(q.kind)} · {e(q.outlet)}{cue} · <code>{e(q.id)}</code></span>'
            items.append(meta + _tag("blockquote", e(q.text)))
        if len(s.quotes) > MAX_LISTED:
            items.append(f"… and {len(s.quotes) - MAX_LISTED} more")
        yield _list(items)


def _independence(g: ClaimGroup) -> str:
    echoes = "; ".join(f"{e(x.outlet)} {e(x.how)} {e(x.source)}" for x in g.echoes)
    text = f"independent sources: {e(', '.join(g.independent_outlets))}"
    badge = f'<span class="badge {e(g.status)}">{e(g.status)}</span>'
    return (
        f'<p class="meta">{badge} <code>{e(g.id)}</code> · {text}'
        + (f" · echoes: {echoes}" if echoes else "")
        + "</p>"
    )


def _group(g: ClaimGroup) -> Iterator[str]:
    yield _tag("h3", e(g.summary))
    yield _independence(g)
    by_id = {c.id: c for c in g.claims}
    for conflict in g.conflicts:
        yield f"<p><strong>{e(conflict.kind)}</strong>: {e(conflict.summary)}</p>"
        for side in conflict.sides:
            head = (
                f'<strong>{e(side.value)}</strong> <span class="meta">({e(", ".join(side.outlets))})</span>'
            )
            yield _tag("div", head + _list(_evidence(by_id[i]) for i in side.claims if i in by_id), "side")
    if not g.conflicts:
        yield _list(_evidence(c) for c in g.claims)


def _groups(title: str, groups: list[ClaimGroup]) -> Iterator[str]:
    yield _tag("h2", f"{e(title)} ({len(groups)})")
    for g in groups:
        yield from _group(g)


def _unique(groups: list[ClaimGroup]) -> Iterator[str]:
    yield _tag("h2", f"Reported by one source only ({len(groups)})")
    by_outlet: dict[str, list[ClaimGroup]] = defaultdict(list)
    for g in groups:
        by_outlet[g.independent_outlets[0] if g.independent_outlets else g.outlets[0]].append(g)
    for outlet in sorted(by_outlet):
        listed = by_outlet[outlet]
        yield _tag("h3", f"{e(outlet)} ({len(listed)})")
        items = [_evidence(g.claims[0]) for g in listed[:MAX_LISTED]]
        if len(listed) > MAX_LISTED:
            items.append(f"… and {len(listed) - MAX_LISTED} more")
        yield _list(items)


def _framing(d: Dossier) -> Iterator[str]:
    summary = {g.id: g.summary for g in d.groups}
    yield _tag("h2", "Framing")
    head = "<tr><th>outlet</th><th>leads with</th><th>buries</th><th>quotes most</th><th>attribution verbs</th><th>headline words</th></tr>"
    rows = []
    for f in d.framing:
        cells = [
            e(f.outlet),
            "<br>".join(e(summary.get(g, g)) for g in f.lead) or "—",
            "<br>".join(e(summary.get(g, g)) for g in f.buried) or "—",
            ", ".join(f"{e(n)} ({k})" for n, k in f.quoted[:5]) or "—",
            ", ".join(f"{e(v)} ({k})" for v, k in f.verbs[:6]) or "—",
            ", ".join(e(w) for w in f.headline_words) or "—",
        ]
        rows.append("<tr>" + "".join(_tag("td", c) for c in cells) + "</tr>")
    yield "<table>" + head + "".join(rows) + "</table>"


def render_html(dossier: Dossier) -> str:
    """The whole dossier as one HTML document that needs nothing else to display."""
    by_status: dict[str, list[ClaimGroup]] = defaultdict(list)
    for g in dossier.groups:
        by_status[g.status].append(g)
    body = [
        *_header(dossier), *_timeline(dossier), *_actors(dossier), *_speakers(dossier),
        *_groups("Corroborated claims", by_status[CORROBORATED]),
        *_groups("Conflicting claims", by_status[CONFLICTING]),
        *_unique(by_status[UNIQUE]), *_framing(dossier),
    ]  # fmt: skip
    title = e(dossier.headline or dossier.story_id)
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{title} — dossier</title><style>{CSS}</style></head>"
        "<body><main>\n" + "\n".join(body) + "\n</main></body></html>\n"
    )
