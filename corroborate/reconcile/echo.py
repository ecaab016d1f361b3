"""Which news organisation an article cites for a claim ("according to Reuters", "Bloomberg
reported", "X told the news agency"): such a claim echoes the cited outlet and is not the
article's own corroboration.

A cited name counts as a news organisation when it is a known agency, an outlet of the
story, or carries a media word ("Daily", "Times", "Radio"). "The news agency", "the
newspaper" refer back to the last organisation the article cited. An article citing itself
("told Reuters" in a Reuters story) is reporting, not echoing.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from functools import lru_cache

from ..model import Article, Claim
from .features import outlet_key
from .lexicon import AGENCIES, MEDIA_BACKREFS, MEDIA_WORDS

_NAME = r"(?P<name>[A-Z][\w&.'’-]*(?:[ \t]+(?:[A-Z][\w&.'’-]*|of|for|de))*)"
_BACKREF = "|".join(re.escape(b) for b in MEDIA_BACKREFS)
_WHO = rf"(?:(?P<back>{_BACKREF})\b|(?:the\s+)?{_NAME})"
#: "according to X", "citing X", "X told Reuters": the cited name follows the cue.
_CUE_BEFORE = re.compile(
    rf"\b(?:[Aa]ccording to|citing|[Cc]ited by|reported by|told|in an interview with|speaking to|via)\s+{_WHO}"
)
_VERBS_AFTER = r"(?:reported|reports|wrote|cited|said in a report|quoted|was first to report)\b"
#: "X reported", "the agency said": the cited name precedes the verb.
_CUE_AFTER = re.compile(rf"{_WHO}\s+(?:has\s+|had\s+|first\s+|also\s+)?{_VERBS_AFTER}")
#: A text without one of the verbs has no such citation: the costly search is skipped.
_ANY_VERB_AFTER = re.compile(_VERBS_AFTER)


@dataclass(frozen=True)
class Citation:
    """A news organisation cited in an article's text."""

    start: int
    end: int
    outlet: str


def is_media(name: str, known: Collection[str] = ()) -> bool:
    """Whether a cited name is a news organisation (``known``: outlet keys of the story).

    >>> is_media("Reuters"), is_media("the Daily Ledger"), is_media("Anna Berg"), is_media("Ledger", ["ledger"])
    (True, True, False, True)
    """
    return _names_media(name) or (bool(known) and outlet_key(name) in known)


@lru_cache(maxsize=8192)  # articles cite the same few names, and every quoted speaker is asked
def _names_media(name: str) -> bool:
    """:func:`is_media` without the story's outlets."""
    low = name.lower().removeprefix("the ").strip()
    if low in AGENCIES or low.endswith((".com", ".org", ".net")):
        return True
    return any(w in MEDIA_WORDS for w in re.findall(r"[a-z]+", low))


def _trim(name: str) -> str:
    """A cited name without final punctuation, a possessive or a dangling small word.

    >>> _trim("Reuters."), _trim("Bloomberg's"), _trim("Radio Free Nowhere of"), _trim("The Daily Ledger. It")
    ('Reuters', 'Bloomberg', 'Radio Free Nowhere', 'Daily Ledger')
    """
    name = re.split(r"\.\s+(?=[A-Z])", name.strip())[0]  # "The Associated Press. It said" ends at the stop
    name = re.sub(r"(?:['’]s?)?[.,;:]*$", "", name)
    name = re.sub(r"^[Tt]he\s+", "", name)  # "The Daily Ledger" and "the Daily Ledger" are one source
    return re.sub(r"\s+(?:of|for|de)$", "", name)


def article_citations(article: Article, known: Collection[str] = ()) -> tuple[Citation, ...]:
    """News organisations the article cites, in text order; back-references resolved."""
    text, own = article.text, outlet_key(article.meta.outlet or "")
    found: list[tuple[int, int, re.Match[str]]] = []
    found.extend((m.start(), m.end(), m) for m in _CUE_BEFORE.finditer(text))
    if _ANY_VERB_AFTER.search(text):
        found.extend((m.start(), m.end(), m) for m in _CUE_AFTER.finditer(text))
    out: list[Citation] = []
    last: str | None = None
    for start, end, m in sorted(found, key=lambda x: (x[0], x[1])):
        name = last if m.group("back") else _trim(m.group("name") or "")
        if not name or not (m.group("back") or is_media(name, known)):
            continue
        last = name
        if outlet_key(name) != own:
            out.append(Citation(start, end, name))
    return tuple(out)


def _sentences_of(article: Article, claim: Claim) -> tuple[int, int]:
    """The extent of the sentences a claim lies in (a clause's citation may sit beside it)."""
    lo, hi = claim.span.start, claim.span.end
    for s in article.extraction.sentences:
        if s.start < hi and lo < s.end:
            lo, hi = min(lo, s.start), max(hi, s.end)
    return lo, hi


def claim_citation(article: Article, claim: Claim, citations: Sequence[Citation]) -> str | None:
    """The organisation the article cites for this claim, if any."""
    if not citations:
        return None
    lo, hi = _sentences_of(article, claim)
    inside = [c for c in citations if lo <= c.start < hi]
    return inside[0].outlet if inside else None


#: A dateline credit opening a wire story: "LONDON (Reuters) -", "WASHINGTON, March 3 (AP) —".
_CREDIT = re.compile(r"(?m)^[^\n(]{0,60}?\((?P<name>[A-Z][\w .&'-]{1,40})\)\s*[-—–:]")
#: A dateline opens the story: within its first few lines.
_CREDIT_WINDOW = 400


def wire_credit(article: Article, known: Collection[str] = ()) -> str | None:
    """The agency credited in the article's dateline, when it is not the article's own outlet
    (a wire story republished: every claim in it is the agency's)."""
    m = _CREDIT.search(article.text, 0, _CREDIT_WINDOW)
    if m is None or not is_media(m.group("name"), known):
        return None
    name = m.group("name").strip()
    return name if outlet_key(name) != outlet_key(article.meta.outlet or "") else None
