"""Each claim of a story as alignment sees it: who published it and its features.

Features are strings with a prefix for their kind: a stemmed key term of the asserted
content (no prefix; "_" for a generic one such as "officials"), a word class ("~travel"), a
corpus entity ("E:..."), a day, week or month ("@2025-W49"), the unit a figure counts
("#killed") and the speaker ("S:..."). Names are represented by their entity, not their
words, so "Zablotsky" and "Zablotskyy" are one feature; times by their value, not "Tuesday".
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import urlparse

from ..extract.claim_lexicon import SPEECH_CUES, STOPWORDS, stem, words
from ..extract.numbers import unit_family
from ..model import Article, Claim, TimeRef
from .lexicon import GENERIC, TIME_WORDS, WORD_CLASS

#: TIMEX values that place an event on the calendar: a day (a time of day after it is
#: dropped), an ISO week, a month.
DATED = re.compile(r"^(\d{4}-(?:\d\d-\d\d|W\d\d|\d\d))(?:T[\w:.+-]*)?$")


def calendar_value(value: str) -> str | None:
    """The day, week or month a TIMEX value names; None for other values.

    >>> calendar_value("2026-03-03TNI"), calendar_value("2025-W49"), calendar_value("PRESENT_REF"), calendar_value("P3D")
    ('2026-03-03', '2025-W49', None, None)
    """
    m = DATED.match(value)
    return m.group(1) if m and (len(m.group(1)) > 7 or "T" not in value) else None


@dataclass(frozen=True)
class ClaimView:
    """One claim with the article facts alignment, status and framing need."""

    claim: Claim
    article: str
    outlet: str
    #: the outlet as a comparable key ("Fieldnotes.com" and "fieldnotes" are one)
    outlet_key: str
    #: index of the claim within its article, and where it starts as a share of the text
    order: int
    position: float
    features: frozenset[str]
    #: features that may be the shared core of two claims (before story-level ubiquity)
    core: frozenset[str]
    speaker: str | None = None
    places: frozenset[str] = frozenset()
    #: the claim is (part of) a direct quotation
    direct: bool = False
    #: days, weeks and months the claim names (for the timeline), and those of the event it
    #: asserts, without when it was said ("two people said on Tuesday"), for date conflicts
    dates: tuple[str, ...] = ()
    event_dates: frozenset[str] = frozenset()
    #: the capitalised name words of the speaker as the attribution writes them ("Anton Pell")
    speaker_words: frozenset[str] = frozenset()
    #: the first entity the asserted content names (roughly who acts: "South Korea agreed")
    subject: str | None = None

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


@lru_cache(maxsize=4096)  # a story's few outlets, asked for by every claim and citation
def outlet_key(name: str) -> str:
    """A name folded so spellings of one outlet meet.

    >>> outlet_key("Fieldnotes.com"), outlet_key("The Fieldnotes"), outlet_key("www.fieldnotes.com")
    ('fieldnotes', 'fieldnotes', 'fieldnotes')
    """
    low = name.lower().strip().removeprefix("www.").removeprefix("the ")
    low = re.sub(r"\.(?:com|org|net|co\.uk|co|news|info)$", "", low)
    return re.sub(r"[^0-9a-z]+", "", low) or name.lower()


def entity_id(article: Article, local: int | None) -> str | None:
    """The corpus id of a local entity (a name key when the article was not linked)."""
    if local is None:
        return None
    ids, ents = article.entity_ids, article.extraction.entities
    if 0 <= local < len(ids) and ids[local]:
        return ids[local]
    return f"name:{ents[local].name.lower()}" if 0 <= local < len(ents) else None


def name_stems(article: Article) -> frozenset[str]:
    """Stems of the words naming the article's entities; entities stand for them as features."""
    out: set[str] = set()
    for e in article.extraction.entities:
        for name in (e.name, *e.aliases):
            out.update(stem(w) for w in words(name))
    return frozenset(out)


def claim_terms(text: str, names: frozenset[str]) -> tuple[set[str], set[str]]:
    """Term features of a claim's content, and those that may be its core: stems of content
    words, a word class for words in :data:`WORD_CLASS`, names left to their entities.

    >>> sorted(claim_terms("Officials said the envoy will travel to Lisbon next week", frozenset({"lisbon"}))[1])
    ['envoy', '~travel']
    """
    terms = _text_terms(text)
    return {f for t, f, _ in terms if t not in names}, {f for t, f, core in terms if core and t not in names}


# Wire copies repeat a claim's words in article after article, and the same words recur in
# every claim of a story: what a text's and a word's terms are is kept.
@lru_cache(maxsize=16384)
def _text_terms(text: str) -> tuple[tuple[str, str, bool], ...]:
    return tuple(term for w in words(text) if (term := _term(w)) is not None)


@lru_cache(maxsize=32768)
def _term(w: str) -> tuple[str, str, bool] | None:
    """(stem, feature, may be core) of a word; None for a word that is no feature."""
    if w in STOPWORDS or w in SPEECH_CUES or w in TIME_WORDS or len(w) < 2 or not w[0].isalpha():
        return None
    t = stem(w)
    f = WORD_CLASS.get(w, t if t not in GENERIC else f"_{t}")
    return t, f, f[0] == "~" or (f[0] != "_" and len(t) > 2)


#: A time right after a speech verb dates the statement, not the event ("said on Tuesday").
_STATEMENT_TIME = re.compile(
    r"\b(?:said|says|told|tells|announced|reported|confirmed|added|stated|wrote|tweeted|declared|disclosed|"
    r"revealed)(?:\s+(?:reporters|journalists|officials|the\s+\w+|him|her|them|us))?\s+(?:on\s+|late\s+|early\s+)?$",
    re.IGNORECASE,
)
_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b|'\d\d\b")


def trusted_times(article: Article, dated: bool) -> list[TimeRef]:
    """The article's time expressions whose values can be trusted: all of them when its date
    is ``dated`` (known and in line with the story's); else only those that name their year
    ("last Friday" was resolved against a guess)."""
    times = article.extraction.times
    return list(times) if dated else [t for t in times if _YEAR.search(t.span.text)]


def statement_time(text: str, start: int) -> bool:
    """Whether the time expression at ``start`` dates a statement ("officials said on Tuesday").

    >>> statement_time("two people said on Tuesday", 19), statement_time("voted on Tuesday", 9)
    (True, False)
    """
    return _STATEMENT_TIME.search(text, max(0, start - 40), start) is not None


class _Inside:
    """Entities and times of an article that lie inside an extent (a claim's content)."""

    def __init__(self, article: Article, dated: bool) -> None:
        self.mentions = sorted((m.span.start, m.span.end, m.entity) for m in article.extraction.mentions)
        self.starts = [m[0] for m in self.mentions]
        # only times with a calendar value can be found, so the others are dropped here
        self.times = [
            (t.span.start, t.span.end, c)
            for t in trusted_times(article, dated)
            if (c := calendar_value(t.value))
        ]
        starts = [a for a, _, _ in self.times]
        #: the times' starts when they come in start order with no reversed span (as extraction
        #: gives them): the times inside an extent are then one slice, found by bisection
        self.time_starts: list[int] | None = starts
        if any(b < a for a, b, _ in self.times) or starts != sorted(starts):
            self.time_starts = None
        self.text = article.text
        self._statement: dict[int, bool] = {}

    def entities(self, lo: int, hi: int) -> tuple[int, ...]:
        """Local entities of the mentions inside ``[lo, hi)``, each once, in text order."""
        k, found = bisect_left(self.starts, lo), dict[int, None]()
        while k < len(self.mentions) and self.mentions[k][0] < hi:
            if self.mentions[k][1] <= hi:
                found[self.mentions[k][2]] = None
            k += 1
        return tuple(found)

    def times_in(self, lo: int, hi: int) -> list[tuple[int, int, str]]:
        """(start, end, calendar value) of the times inside ``[lo, hi)``, in the article's order."""
        starts = self.time_starts
        if starts is None:
            return [t for t in self.times if lo <= t[0] and t[1] <= hi]
        if not starts:
            return []
        return [t for t in self.times[bisect_left(starts, lo) : bisect_right(starts, hi)] if t[1] <= hi]

    def time_values(self, lo: int, hi: int, events: bool = False) -> tuple[str, ...]:
        """Calendar values inside ``[lo, hi)``; with ``events``, not those dating a statement."""
        found = self.times_in(lo, hi)
        return tuple(dict.fromkeys(c for a, _, c in found if not (events and self.dates_statement(a))))

    def dates_statement(self, start: int) -> bool:
        known = self._statement.get(start)
        if known is None:
            known = self._statement[start] = statement_time(self.text, start)
        return known


@lru_cache(maxsize=8192)  # a story quotes the same speakers under the same words again and again
def name_words(phrase: str) -> frozenset[str]:
    """The name words of a speaker phrase: capitalised, not titles or pronouns.

    >>> sorted(name_words("fire chief Anton Pell")), sorted(name_words("Mr. Brisk")), sorted(name_words("The president"))
    (['Anton', 'Pell'], ['Brisk'], [])
    """
    ws = (w.strip(".,;:'’\"“”()") for w in phrase.split())
    return frozenset(
        w for w in ws if w[:1].isupper() and w.lower() not in STOPWORDS and stem(w.lower()) not in GENERIC
    )


_new = object.__new__
_NONE: frozenset[str] = frozenset()


class _Article:
    """What the views of one article's claims share, worked out once for the article: its
    outlet, name stems, entity features and the quotes claims belong to."""

    def __init__(self, article: Article, dated: bool) -> None:
        self.id, self.outlet = article.id, outlet_name(article)
        unknown = self.outlet.startswith("unknown outlet")
        self.key = outlet_key(self.outlet) if not unknown else f"article:{article.id}"
        self.names = name_stems(article)
        self.inside = _Inside(article, dated and bool(article.meta.published))
        x, known = article.extraction, range(max(len(article.entity_ids), len(article.extraction.entities)))
        #: local entity -> corpus id (see entity_id), its feature, and that of a place
        self.gid: dict[int | None, str] = {k: g for k in known if (g := entity_id(article, k))}
        self.feature = {k: f"E:{g}" for k, g in self.gid.items()}
        places = {k for k, e in enumerate(x.entities) if e.kind == "PLACE"}
        self.place = {k: f for k, f in self.feature.items() if k in places}
        self.direct = {q.id for q in x.quotes if q.kind == "direct"}
        self.said_by = {q.id: name_words(q.speaker.text) for q in x.quotes if q.speaker}
        self.size = max(1, len(article.text))

    def view(self, order: int, c: Claim) -> ClaimView:
        """The claim's view. Features are those of what it asserts (its content: not "Markov
        said, Reuters reported on Thursday"), and the speaker is a feature of its own."""
        content, span, inside = c.content or c.span, c.span, self.inside
        lo, hi = content.start, content.end
        local = inside.entities(lo, hi)
        ents = {self.feature[k] for k in local if k in self.feature}
        feats, core = claim_terms(content.text, self.names)
        feats |= ents
        core |= ents
        times = inside.times_in(lo, hi)
        if times:
            feats.update(f"@{t}" for _, _, t in times)
        if c.numbers:
            figures = (q for q in c.numbers if lo <= q.span.start and q.span.end <= hi)
            feats.update(f"#{u}" for u in (unit_family(q.unit) for q in figures) if u)
        speaker = self.gid.get(c.asserter_entity) if c.asserter == "speaker" else None
        if speaker:
            feats.add(f"S:{speaker}")
        # most claims name no time and no place: those skip building empty values
        same = (span.start, span.end) == (lo, hi) or not inside.times
        span_times = times if same else inside.times_in(span.start, span.end)
        places = frozenset(self.place[k] for k in local if k in self.place) if local and self.place else _NONE
        events = frozenset(t for a, _, t in times if not inside.dates_statement(a)) if times else _NONE
        # a story has ~10^4 claims: each field is written into the view's own dict, in declared
        # order, not set through object.__setattr__ by the frozen dataclass's __init__
        view = _new(ClaimView)
        d = view.__dict__
        d["claim"], d["article"], d["outlet"], d["outlet_key"] = c, self.id, self.outlet, self.key
        d["order"], d["position"] = order, span.start / self.size
        d["features"], d["core"], d["speaker"] = frozenset(feats), frozenset(core), speaker
        d["places"], d["direct"] = places, c.quote_id in self.direct
        d["dates"] = tuple(dict.fromkeys(t for _, _, t in span_times)) if span_times else ()
        d["event_dates"], d["speaker_words"] = events, self.said_by.get(c.quote_id or "", _NONE)
        d["subject"] = self.gid.get(local[0]) if local else None
        return view


def article_views(article: Article, dated: bool = True) -> list[ClaimView]:
    """The claims of one article as views, in text order (``dated``: see :func:`trusted_times`)."""
    facts = _Article(article, dated)
    return [facts.view(i, c) for i, c in enumerate(article.extraction.claims)]


#: An article published further than this from the story's median date has a doubtful date
#: (inferred from a date in its text, say), so its relative times are not trusted.
DATE_DRIFT_DAYS = 14


def anchored(articles: Sequence[Article]) -> set[str]:
    """Ids of the articles whose publication date agrees with the story's (within the drift)."""
    dates = {a.id: d for a in articles if (d := _date(a.meta.published))}
    if not dates:
        return set()
    ordered = sorted(dates.values())
    median = ordered[len(ordered) // 2]
    return {i for i, d in dates.items() if abs((d - median).days) <= DATE_DRIFT_DAYS}


def _date(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def story_views(articles: Sequence[Article]) -> list[ClaimView]:
    """Every claim of a story's articles, articles in the order given."""
    trusted = anchored(articles)
    return [v for a in articles for v in article_views(a, a.id in trusted)]
