"""Each claim of a story as alignment sees it: who published it and its features.

Features are strings with a prefix for their kind: a stemmed key term (no prefix), a verb
class ("~travel"), a corpus entity ("E:..."), a time value ("@2025-W49"), the unit a figure
counts ("#killed") and the speaker ("S:..."). Names are represented by their entity, not
their words, so "Zelensky" and "Zelenskyy" are one feature.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import urlparse

from ..extract.claim_lexicon import stem, words
from ..extract.numbers import unit_family
from ..model import Article, Claim
from .lexicon import GENERIC, VERB_CLASS

#: TIMEX values that place an event on the calendar: a day, an ISO week, a month.
DATED = re.compile(r"^\d{4}-(?:\d\d-\d\d|W\d\d|\d\d)$")


@dataclass(frozen=True)
class ClaimView:
    """One claim with the article facts alignment, status and framing need."""

    claim: Claim
    article: str
    outlet: str
    #: the outlet as a comparable key ("Antiwar.com" and "antiwar" are one)
    outlet_key: str
    #: index of the claim within its article, and where it starts as a share of the text
    order: int
    position: float
    features: frozenset[str]
    #: features that may be the shared core of two claims (before story-level ubiquity)
    core: frozenset[str]
    speaker: str | None = None

    @property
    def text(self) -> str:
        return self.claim.span.text


def outlet_name(article: Article) -> str:
    """The outlet as a reader knows it: declared, else the site's host, else unknown.

    >>> from corroborate.model import Metadata
    >>> from corroborate.offsets import OffsetMap
    >>> a = Article("a1", "x", "s", "text", "", "", OffsetMap((), 0), Metadata(url="https://www.example.org/x"))
    >>> outlet_name(a)
    'example.org'
    """
    meta = article.meta
    if meta.outlet:
        return meta.outlet.strip()
    host = urlparse(meta.url).netloc if meta.url else ""
    if host:
        return host.removeprefix("www.")
    return f"unknown outlet ({article.id[:8]})"


def outlet_key(name: str) -> str:
    """A name folded so spellings of one outlet meet.

    >>> outlet_key("Antiwar.com"), outlet_key("The Antiwar"), outlet_key("www.antiwar.com")
    ('antiwar', 'antiwar', 'antiwar')
    """
    low = name.lower().strip().removeprefix("www.").removeprefix("the ")
    low = re.sub(r"\.(?:com|org|net|co\.uk|co|news|info)$", "", low)
    return re.sub(r"[^0-9a-z]+", "", low) or name.lower()


def _global(article: Article, local: int | None) -> str | None:
    ids = article.entity_ids
    if local is None:
        return None
    if 0 <= local < len(ids) and ids[local]:
        return ids[local]
    ents = article.extraction.entities
    return f"name:{ents[local].name.lower()}" if 0 <= local < len(ents) else None


def name_stems(article: Article) -> frozenset[str]:
    """Stems of the words naming the article's entities; entities stand for them as features."""
    out: set[str] = set()
    for e in article.extraction.entities:
        for name in (e.name, *e.aliases):
            out.update(stem(w) for w in words(name))
    return frozenset(out)


def _term_features(claim: Claim, names: frozenset[str]) -> tuple[set[str], set[str]]:
    feats, core = set(), set()
    for t in claim.key_terms:
        if t in names:
            continue
        f = VERB_CLASS.get(t, t)
        feats.add(f)
        if f.startswith("~") or (t not in GENERIC and len(t) > 2):
            core.add(f)
    return feats, core


def claim_features(article: Article, claim: Claim, names: frozenset[str]) -> tuple[frozenset[str], frozenset[str]]:
    """All features of a claim, and those that may be its core."""
    feats, core = _term_features(claim, names)
    ents = {f"E:{g}" for g in (_global(article, k) for k in claim.entities) if g}
    feats |= ents
    core |= ents
    feats |= {f"@{t}" for t in claim.times if DATED.match(t)}
    feats |= {f"#{u}" for u in (unit_family(q.unit) for q in claim.numbers) if u}
    speaker = _global(article, claim.asserter_entity) if claim.asserter == "speaker" else None
    if speaker:
        feats.add(f"S:{speaker}")
    return frozenset(feats), frozenset(core)


def article_views(article: Article) -> list[ClaimView]:
    """The claims of one article as views, in text order."""
    outlet = outlet_name(article)
    key = outlet_key(outlet) if not outlet.startswith("unknown outlet") else f"article:{article.id}"
    names = name_stems(article)
    size = max(1, len(article.text))
    out = []
    for i, c in enumerate(article.extraction.claims):
        feats, core = claim_features(article, c, names)
        speaker = _global(article, c.asserter_entity) if c.asserter == "speaker" else None
        out.append(ClaimView(c, article.id, outlet, key, i, c.span.start / size, feats, core, speaker))
    return out


def story_views(articles: Sequence[Article]) -> list[ClaimView]:
    """Every claim of a story's articles, articles in the order given."""
    return [v for a in articles for v in article_views(a)]
