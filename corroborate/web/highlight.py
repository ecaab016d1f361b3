"""An article's clean text as HTML with what extraction found marked in place: entity mentions,
quotations, time expressions and claims. These overlap freely (a claim holds a quotation
that holds a name), so the text is cut at every span boundary and each piece carries the
classes of all spans covering it. A requested span (``?hl=start-end``) becomes one ``<mark>``
around its pieces, so the highlighted element holds exactly those characters.

Every piece of article text goes through :func:`markupsafe.escape`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise
from urllib.parse import quote

from markupsafe import Markup, escape

from ..model import Article


@dataclass(frozen=True)
class Layer:
    """One marked span: ``kind`` is "ent", "quote", "time" or "claim"."""

    start: int
    end: int
    kind: str
    label: str
    href: str | None = None


def entity_href(entity_id: str) -> str:
    return f"/entities/{quote(entity_id, safe='')}"


def article_layers(article: Article, names: dict[str, str]) -> list[Layer]:
    """The spans to mark; ``names`` gives corpus entity names by id (speakers of quotations)."""
    x, ids = article.extraction, article.entity_ids

    def corpus_id(local: int | None) -> str | None:
        return ids[local] if local is not None and 0 <= local < len(ids) else None

    def name(local: int | None) -> str | None:
        gid = corpus_id(local)
        local_name = x.entities[local].name if local is not None and 0 <= local < len(x.entities) else None
        return names.get(gid, local_name) if gid else local_name

    layers = []
    for m in x.mentions:
        gid = corpus_id(m.entity)
        layers.append(Layer(m.span.start, m.span.end, "ent", f"{m.kind}: {name(m.entity) or m.span.text}",
                            entity_href(gid) if gid else None))  # fmt: skip
    for q in x.quotes:
        who = name(q.speaker_entity) or (q.speaker.text if q.speaker else "unattributed")
        layers.append(Layer(q.content.start, q.content.end, "quote", f"{q.kind} quotation, {who}"))
    for t in x.times:
        layers.append(Layer(t.span.start, t.span.end, "time", f"{t.type} {t.value}"))
    for c in x.claims:
        voice = (
            "the outlet's own voice" if c.asserter == "outlet" else (name(c.asserter_entity) or "a speaker")
        )
        layers.append(Layer(c.span.start, c.span.end, "claim", f"claim {c.id}, asserted by {voice}"))
    return [layer for layer in layers if 0 <= layer.start < layer.end <= len(article.text)]


def _piece(text: str, active: Sequence[Layer]) -> str:
    if not active:
        return str(escape(text))
    kinds = " ".join(sorted({layer.kind for layer in active}))
    title = escape(" · ".join(layer.label for layer in active))
    # the innermost entity mention links to its entity page
    href = next((layer.href for layer in sorted(active, key=lambda a: a.end - a.start) if layer.href), None)
    if href:
        return f'<a class="{kinds}" href="{escape(href)}" title="{title}">{escape(text)}</a>'
    return f'<span class="{kinds}" title="{title}">{escape(text)}</span>'


def _marked(text: str, offset: int, layers: Sequence[Layer]) -> Iterable[str]:
    """``text`` (which starts at ``offset`` of the article) cut at every layer boundary inside it."""
    end = offset + len(text)
    inside = [a for a in layers if a.start < end and a.end > offset]
    cuts = sorted({offset, end, *(c for a in inside for c in (a.start, a.end) if offset < c < end)})
    starting: dict[int, list[Layer]] = defaultdict(list)
    for a in inside:
        starting[max(a.start, offset)].append(a)
    active: list[Layer] = []
    for lo, hi in pairwise(cuts):  # a sweep: layers join at their start and leave at their end
        active = [a for a in active if a.end > lo] + starting.get(lo, [])
        yield _piece(text[lo - offset : hi - offset], active)


def highlighted_text(text: str, layers: Sequence[Layer], focus: tuple[int, int] | None = None) -> Markup:
    """The text as escaped HTML with every layer marked; ``focus`` wrapped in ``<mark id="span">``.

    >>> str(highlighted_text("a <b> c", [Layer(2, 5, "ent", "x")], (0, 1)))
    '<mark id="span" class="hl">a</mark> <span class="ent" title="x">&lt;b&gt;</span> c'
    """
    if focus is None or not (0 <= focus[0] < focus[1] <= len(text)):
        return Markup("".join(_marked(text, 0, layers)))
    lo, hi = focus
    parts = [
        *_marked(text[:lo], 0, layers),
        '<mark id="span" class="hl">',
        *_marked(text[lo:hi], lo, layers),
        "</mark>",
        *_marked(text[hi:], hi, layers),
    ]
    return Markup("".join(parts))
