"""The dossier's frozen values: what a story's articles agree on, where they differ, and who
said what, each item pointing back to exact characters of its source article.

Offsets (``start``/``end``) index the article's clean text; ``raw_start``/``raw_end`` its
decoded input, as everywhere in the project.
"""

from __future__ import annotations

from dataclasses import dataclass

#: Claim group statuses.
CORROBORATED, UNIQUE, CONFLICTING = "corroborated", "unique", "conflicting"


@dataclass(frozen=True)
class ArticleRef:
    id: str
    outlet: str
    title: str | None
    published: str | None
    url: str | None = None
    duplicate_of: str | None = None


@dataclass(frozen=True)
class ClaimRef:
    """One claim as evidence: its exact source characters and who asserts it."""

    id: str
    article: str
    outlet: str
    text: str
    start: int
    end: int
    raw_start: int
    raw_end: int
    #: the speaker's name; None when the outlet asserts it in its own voice
    speaker: str | None = None
    #: the outlet this claim repeats (cited or copied), None when it is the outlet's own
    source: str | None = None


@dataclass(frozen=True)
class ConflictSide:
    """One value of a disputed slot and the claims (and outlets) that give it."""

    value: str
    claims: tuple[str, ...]
    outlets: tuple[str, ...]


@dataclass(frozen=True)
class Conflict:
    #: "number" | "date" | "polarity" | "speaker"
    kind: str
    summary: str
    sides: tuple[ConflictSide, ...]


@dataclass(frozen=True)
class Echo:
    """An outlet that repeats another for a claim group instead of reporting it itself."""

    outlet: str
    source: str
    #: "cites" (according to X) | "copies" (a near-duplicate or wire copy)
    how: str
    claims: tuple[str, ...]


@dataclass(frozen=True)
class ClaimGroup:
    id: str
    status: str
    summary: str
    claims: tuple[ClaimRef, ...]
    #: every outlet whose articles carry the claim, and the sources that count as independent
    outlets: tuple[str, ...]
    independent_outlets: tuple[str, ...]
    echoes: tuple[Echo, ...] = ()
    conflicts: tuple[Conflict, ...] = ()


@dataclass(frozen=True)
class TimelineEntry:
    #: a TIMEX value: a day (2025-11-27), an ISO week (2025-W49) or a month (2025-11)
    date: str
    text: str
    group: str
    claims: tuple[str, ...]
    articles: tuple[str, ...]


@dataclass(frozen=True)
class Actor:
    id: str
    name: str
    kind: str
    mentions: int
    articles: int
    quotes: int


@dataclass(frozen=True)
class QuoteRef:
    id: str
    article: str
    outlet: str
    kind: str
    text: str
    cue: str | None
    start: int
    end: int
    raw_start: int
    raw_end: int


@dataclass(frozen=True)
class SpeakerQuotes:
    #: corpus entity id of the speaker, or "" when the speaker is not a linked entity
    speaker: str
    name: str
    quotes: tuple[QuoteRef, ...]


@dataclass(frozen=True)
class Framing:
    """How one article frames the story."""

    article: str
    outlet: str
    title: str | None
    #: (group id, share of the article's claim text) for each group it reports, largest first
    shares: tuple[tuple[str, float], ...]
    #: groups of its first claims
    lead: tuple[str, ...]
    #: groups it reports only in its last third that other outlets lead with
    buried: tuple[str, ...]
    #: (speaker, quotations) most quoted first
    quoted: tuple[tuple[str, int], ...]
    #: (attribution verb, uses) most used first
    verbs: tuple[tuple[str, int], ...]
    #: loaded words in the headline
    headline_words: tuple[str, ...]


@dataclass(frozen=True)
class Dossier:
    story_id: str
    headline: str
    articles: tuple[ArticleRef, ...]
    actors: tuple[Actor, ...]
    quotes_by_speaker: tuple[SpeakerQuotes, ...]
    groups: tuple[ClaimGroup, ...]
    timeline: tuple[TimelineEntry, ...]
    framing: tuple[Framing, ...]

    def group(self, group_id: str) -> ClaimGroup:
        return next(g for g in self.groups if g.id == group_id)
