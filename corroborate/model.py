"""Frozen values that flow between stages. No I/O here.

Offsets: ``start``/``end`` index :attr:`Article.text` (the clean body);
``raw_start``/``raw_end`` index :attr:`Article.raw_text` (the decoded input,
or for HTML-derived articles the text the HTML extractor produced).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, fields
from typing import Any, TypeVar

from .offsets import OffsetMap

#: Kinds of removed span, each with why it is not body text.
REMOVED_KINDS = {
    "title": "the headline, kept as metadata",
    "subtitle": "the deck under the headline, kept as metadata",
    "byline": "a byline, kept as the author",
    "bio": "an author biography, kept as the author and role",
    "caption": "a photo caption or credit",
    "embed": "a social-media embed (its signature, or text repeating the article)",
    "boilerplate": "comment policy, newsletter, share or advert prompts",
    "copyright": "a copyright footer",
    "related": "a list of related stories",
    "duplicate": "a paragraph that repeats another one word for word",
}


@dataclass(frozen=True)
class Span:
    text: str
    start: int
    end: int
    raw_start: int
    raw_end: int


@dataclass(frozen=True)
class Removed:
    """Text cleaning took out of the body, with where it was and why."""

    kind: str
    text: str
    raw_start: int
    raw_end: int
    reason: str = ""


@dataclass(frozen=True)
class Fix:
    """A repair of the input's characters (mojibake), explaining itself."""

    kind: str
    before: str
    after: str
    raw_start: int
    raw_end: int


@dataclass(frozen=True)
class SourceMeta:
    """Metadata the input itself declares (JSON fields, HTML meta, feed entries)."""

    external_id: str | None = None
    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    subtitle: str | None = None
    author: str | None = None
    published: str | None = None
    #: When the page was fetched (WARC-Date); a publication date can't be later.
    fetched: str | None = None


@dataclass(frozen=True)
class RawDocument:
    """One article as read from an input, before cleaning."""

    source: str
    text: str
    format: str
    encoding: str = "utf-8"
    meta: SourceMeta = field(default_factory=SourceMeta)
    #: sha256 of the exact input bytes of this article (re-ingest detection).
    input_hash: str = ""
    #: 1-based line for JSONL inputs, record index for WARC/feeds.
    line: int | None = None


@dataclass(frozen=True)
class Metadata:
    title: str | None = None
    subtitle: str | None = None
    author: str | None = None
    author_role: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: str | None = None
    #: "metadata" | "text" | None
    published_from: str | None = None
    #: How the date was chosen, for people reading the article page.
    published_evidence: str | None = None


@dataclass(frozen=True)
class LocalEntity:
    """One entity as one article names it; ``index`` is its number within the article."""

    index: int
    name: str
    kind: str
    aliases: tuple[str, ...] = ()
    title: str | None = None
    role: tuple[str, str | None] | None = None
    mentions: int = 1
    gender: str | None = None


@dataclass(frozen=True)
class Mention:
    span: Span
    #: local entity number (index into Extraction.entities)
    entity: int
    kind: str


@dataclass(frozen=True)
class Quote:
    id: str
    kind: str  # "direct" | "indirect"
    content: Span
    speaker: Span | None = None
    speaker_entity: int | None = None
    cue: Span | None = None


@dataclass(frozen=True)
class TimeRef:
    span: Span
    type: str
    value: str


@dataclass(frozen=True)
class Quantity:
    value: float
    unit: str | None
    span: Span
    #: "~" about, "<~" nearly, ">" more than, "<" less than; None when exact
    hedge: str | None = None
    #: the rounding step of the figure as written (1 for "143", 1e6 for "3 million")
    step: float = 1.0


@dataclass(frozen=True)
class Claim:
    id: str
    span: Span
    #: "outlet" (the outlet's own voice) or "speaker"
    asserter: str
    content: Span | None = None
    asserter_entity: int | None = None
    quote_id: str | None = None
    entities: tuple[int, ...] = ()
    numbers: tuple[Quantity, ...] = ()
    times: tuple[str, ...] = ()
    negated: bool = False
    stance: str | None = None
    hedged: bool = False
    key_terms: tuple[str, ...] = ()


@dataclass(frozen=True)
class Extraction:
    """What the extract stage found in one article; entity numbers are local to it."""

    sentences: tuple[Span, ...] = ()
    entities: tuple[LocalEntity, ...] = ()
    mentions: tuple[Mention, ...] = ()
    quotes: tuple[Quote, ...] = ()
    times: tuple[TimeRef, ...] = ()
    claims: tuple[Claim, ...] = ()


@dataclass(frozen=True)
class Article:
    id: str
    external_id: str
    source: str
    format: str
    raw_text: str
    text: str
    offsets: OffsetMap
    meta: Metadata
    removed: tuple[Removed, ...] = ()
    fixes: tuple[Fix, ...] = ()
    content_hash: str = ""
    input_hash: str = ""
    duplicate_of: str | None = None
    extraction: Extraction = field(default_factory=Extraction)
    #: corpus entity id of each local entity, set when the article is linked at store time
    entity_ids: tuple[str, ...] = ()
    story_id: str | None = None

    def span(self, start: int, end: int) -> Span:
        """A span of the clean text with its raw offsets."""
        raw_start, raw_end = self.offsets.raw_range(start, end)
        return Span(self.text[start:end], start, end, raw_start, raw_end)


@dataclass(frozen=True)
class IngestResult:
    """What happened to one article (or one failed input) during ingest."""

    source: str
    status: str  # "ingested" | "duplicate" | "unchanged" | "failed"
    article_id: str | None = None
    duplicate_of: str | None = None
    error: str | None = None


_T = TypeVar("_T")


def frozen_builder(cls: type[_T]) -> Callable[..., _T]:
    """``cls(...)`` for a plain frozen dataclass, without its generated ``__init__``, which sets
    each field through ``object.__setattr__``: the hot paths build ~10^5 spans, claims and
    quotes per story. The instance is the same (its fields are its ``__dict__``, in the order
    given). Every field must be given; a class with ``__post_init__`` or slots is refused.

    >>> build = frozen_builder(Span)
    >>> build("Oslo", 4, 8, 4, 8) == Span("Oslo", 4, 8, 4, 8)
    True
    """
    names = tuple(f.name for f in fields(cls))  # type: ignore[arg-type]
    known = frozenset(names)
    if getattr(cls, "__post_init__", None) is not None or "__slots__" in vars(cls):
        raise TypeError(f"{cls.__name__} needs its own __init__")
    new = object.__new__

    def build(*values: Any, **named: Any) -> _T:
        obj = new(cls)
        state = obj.__dict__
        state.update(zip(names, values, strict=False))  # the rest come by name
        state.update(named)
        if len(values) > len(names) or len(state) != len(names) or not named.keys() <= known:
            raise TypeError(f"{cls.__name__} takes exactly the fields {', '.join(names)}")
        return obj

    return build
