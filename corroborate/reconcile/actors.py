"""Who the story is about and who said what: actors by how much the articles name them, and
every quotation grouped by its speaker."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence

from ..model import Article, Quote
from .features import entity_id, outlet_name
from .framing import is_person_like, speaker_name
from .records import Actor, QuoteRef, SpeakerQuotes

#: Quotations shorter than this say too little to list under their speaker ("for").
MIN_QUOTE_WORDS = 2


def entity_names(articles: Sequence[Article], entities: Mapping[str, dict]) -> dict[str, str]:
    """Entity id -> display name: the corpus record's name, else the article's."""
    out: dict[str, str] = {}
    for a in articles:
        for k, e in enumerate(a.extraction.entities):
            gid = entity_id(a, k)
            if gid and gid not in out:
                out[gid] = str((entities.get(gid) or {}).get("name") or e.name)
    return out


def _kinds(articles: Sequence[Article], entities: Mapping[str, dict]) -> dict[str, str]:
    out: dict[str, str] = {}
    for a in articles:
        for k, e in enumerate(a.extraction.entities):
            gid = entity_id(a, k)
            if gid:
                out.setdefault(gid, str((entities.get(gid) or {}).get("kind") or e.kind))
    return out


def actors(
    articles: Sequence[Article], entities: Mapping[str, dict], names: Mapping[str, str]
) -> tuple[Actor, ...]:
    """Entities the articles name, most widely named first."""
    mentions: Counter[str] = Counter()
    seen_in: dict[str, set[str]] = defaultdict(set)
    quotes: Counter[str] = Counter()
    for a in articles:
        for m in a.extraction.mentions:
            gid = entity_id(a, m.entity)
            if gid:
                mentions[gid] += 1
                seen_in[gid].add(a.id)
        quotes.update(g for q in a.extraction.quotes if (g := entity_id(a, q.speaker_entity)))
    kinds = _kinds(articles, entities)
    found = [
        Actor(g, names.get(g, g), kinds.get(g, "OTHER"), n, len(seen_in[g]), quotes[g])
        for g, n in mentions.items()
    ]
    return tuple(sorted(found, key=lambda x: (-x.articles, -x.mentions, x.name, x.id)))


def quote_ref(article: Article, q: Quote) -> QuoteRef:
    c = q.content
    cue = q.cue.text if q.cue else None
    return QuoteRef(
        q.id, article.id, outlet_name(article), q.kind, c.text, cue, c.start, c.end, c.raw_start, c.raw_end
    )


def quotes_by_speaker(articles: Sequence[Article], names: Mapping[str, str]) -> tuple[SpeakerQuotes, ...]:
    """Every attributed quotation, grouped by speaker (linked entity, else the naming words)."""
    found: dict[str, list[QuoteRef]] = defaultdict(list)
    label: dict[str, tuple[str, str]] = {}
    for a in articles:
        for q in a.extraction.quotes:
            gid = entity_id(a, q.speaker_entity)
            name = speaker_name(a, q, names)
            if (
                name is None
                or not is_person_like(a, q, name)
                or len(q.content.text.split()) < MIN_QUOTE_WORDS
            ):
                continue
            key = gid or f"text:{name.lower()}"
            label.setdefault(key, (gid or "", name))
            found[key].append(quote_ref(a, q))
    out = [SpeakerQuotes(label[k][0], label[k][1], tuple(qs)) for k, qs in found.items()]
    return tuple(sorted(out, key=lambda s: (-len(s.quotes), s.name, s.speaker)))
