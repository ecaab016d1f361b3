"""Claims: what an article asserts, sentence by sentence (or clause by clause), and who asserts it.

A claim is a sentence, or a clause where a sentence asserts two things ("X happened, while Y
happened"). When a reported statement covers the clause ("Markov said that Y", a quotation
with "he added"), the speaker asserts it and ``content_start``/``content_end`` give Y;
otherwise the outlet asserts it in its own voice. Each claim carries what alignment across
outlets needs: entities, figures with units, time values, negation, stance (accept /
reject), hedging and stemmed key terms.

Not claims: sentences in ``excluded`` extents (captions, headings), questions, fragments of
fewer than four words, word runs without a verb-like word, and attribution stubs ("he added.")
whose quotation lies in another sentence.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from itertools import pairwise
from typing import Generic, NamedTuple, Protocol, TypeVar

from .base import Attribution, Extent, TimeExpr
from .claim_clauses import MIN_WORDS, clause_like, main_scope, negated, split_clauses, stance
from .claim_expr import ClaimExpr
from .claim_expr import new_claim_expr as _new_claim
from .claim_lexicon import DENIAL_CUES, HEDGES, NEGATORS, SPEECH_CUES, STANCE, STOPWORDS, stem, word_tuple
from .claim_speakers import Speakers
from .entities import MentionExpr
from .numbers import Quantity, find_quantities, number_conflict
from .speech_verbs import head_form


class _Att(NamedTuple):
    """An attribution usable for claims, with what choosing between them needs."""

    #: its index in the attributions given
    number: int
    pieces: tuple[Extent, ...]
    cue: Extent | None
    source: Extent | None
    denial: bool
    #: its content swallowed another attribution's main verb ("while noting A, said B")
    overreach: bool
    #: characters between the cue and the content
    gap: int


def find_claims(
    text: str,
    sentences: Sequence[Extent],
    attributions: Sequence[Attribution],
    mentions: Sequence[MentionExpr],
    mention_entities: Sequence[int],
    times: Sequence[TimeExpr],
    excluded: Sequence[Extent] = (),
) -> list[ClaimExpr]:
    """The claims of one article, in text order.

    >>> t = 'Anna Berg said that the bridge will reopen in May. "We will not wait," she added.'
    >>> from corroborate.extract.sentences import split_sentences
    >>> from corroborate.extract.quotes import find_attributions
    >>> s = split_sentences(t)
    >>> [(t[c.content_start:c.content_end], c.asserter, c.negated) for c in find_claims(t, s, find_attributions(t, s), [], [], [])]
    [('the bridge will reopen in May', 'speaker', False), ('"We will not wait,"', 'speaker', True)]
    """
    n = len(text)
    near = _Near(_usable(text, attributions))
    speakers = Speakers(text, attributions, mentions, mention_entities)
    figures = _Inside(find_quantities(text, times))
    timexes = _Inside(times)
    out: list[ClaimExpr] = []
    for s in sorted(sentences, key=lambda e: (e.start, e.end)):
        lo, hi = s.start, s.end
        if not (0 <= lo <= n and 0 <= hi <= n):
            lo, hi = max(0, min(lo, n)), max(0, min(hi, n))
        if hi - lo < 2 or (excluded and _excluded(lo, hi, excluded)):
            continue
        for a, b in split_clauses(text, lo, hi):
            draft = _claim(text, a, b, near.around(a, b), speakers)
            if draft is not None:
                out.append(_build(draft, speakers, timexes, figures))
    return out


class _Spanned(Protocol):
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...


S = TypeVar("S", bound=_Spanned)


class _Inside(Generic[S]):
    """Figures or times, to find those inside a claim by bisection rather than a scan of all."""

    def __init__(self, items: Sequence[S]) -> None:
        self.items = list(items)
        self.starts = [x.start for x in self.items]
        # the extractors give them in text order; any other input is scanned as it comes
        self.ordered = all(a <= b for a, b in pairwise(self.starts)) and all(x.start <= x.end for x in items)

    def inside(self, lo: int, hi: int) -> list[S]:
        """The items with ``lo <= start`` and ``end <= hi``, in the order given."""
        if not self.items:
            return []
        if not self.ordered:
            return [x for x in self.items if lo <= x.start and x.end <= hi]
        i, j = bisect_left(self.starts, lo), bisect_right(self.starts, hi)
        return [x for x in self.items[i:j] if x.end <= hi] if i < j else []


class _Near:
    """Usable attributions sorted by where their content starts, to find those near a clause."""

    def __init__(self, atts: list[_Att]) -> None:
        self.atts = sorted(atts, key=lambda a: (a.pieces[0].start, a.number))
        self.starts = [a.pieces[0].start for a in self.atts]
        # How far a content start can lie from a clause it overlaps or whose cue it has.
        self.reach = max(
            (a.pieces[-1].end - a.pieces[0].start + a.gap + _cue_len(a) for a in atts), default=0
        )

    def around(self, lo: int, hi: int) -> list[_Att]:
        """Every attribution whose content overlaps ``[lo, hi)`` or whose cue is in it (and a few more)."""
        i = bisect_left(self.starts, lo - self.reach)
        j = bisect_left(self.starts, hi + self.reach)
        return self.atts[i:j]


def _cue_len(a: _Att) -> int:
    return a.cue.end - a.cue.start if a.cue is not None else 0


def _excluded(lo: int, hi: int, excluded: Sequence[Extent]) -> bool:
    """Does at least half of ``[lo, hi)`` lie in excluded extents?"""
    inside = sum(max(0, min(hi, e.end) - max(lo, e.start)) for e in excluded)
    return 2 * inside >= hi - lo


def _usable(text: str, attributions: Sequence[Attribution]) -> list[_Att]:
    """Attributions that report statements: direct quotes, and speech, writing or belief cues."""
    out, cued, n = [], _Cued(attributions), len(text)
    for i, a in enumerate(attributions):
        pieces = tuple([p for p in (getattr(a, "pieces", ()) or (a.content,)) if 0 <= p.start < p.end <= n])
        cue_form = head_form(text[a.cue.start : a.cue.end]) if a.cue else ""
        speech = a.kind == "direct" or cue_form in SPEECH_CUES or (a.cue is not None and not cue_form)
        if not pieces or not speech or (a.cue is None and a.source is None):
            continue
        first, last = pieces[0].start, pieces[-1].end
        gap = 0 if a.cue is None else max(first - a.cue.end, a.cue.start - last, 0)
        denial = cue_form in DENIAL_CUES or (a.cue is not None and _has_negator(text, a.cue))
        out.append(_Att(i, pieces, a.cue, a.source, denial, _overreaches(a, cued), gap))
    return out


class _Cued:
    """Attributions with a cue, sorted by where it starts, to find the cues inside an extent."""

    def __init__(self, attributions: Sequence[Attribution]) -> None:
        self.atts = sorted((a for a in attributions if a.cue is not None), key=_cue_start)
        self.starts = [_cue_start(a) for a in self.atts]

    def starting_in(self, lo: int, hi: int) -> list[Attribution]:
        return self.atts[bisect_left(self.starts, lo) : bisect_left(self.starts, hi)]


def _cue_start(a: Attribution) -> int:
    assert a.cue is not None
    return a.cue.start


def _has_negator(text: str, cue: Extent) -> bool:
    phrase = text[cue.start : cue.end].lower()
    return ("n" in phrase) and not NEGATORS.isdisjoint(word_tuple(phrase))


def _overreaches(a: Attribution, cued: _Cued) -> bool:
    """Does ``a``'s content hold another statement's cue and content that is the real one: either
    its source is outside ``a``'s content ("while noting A, X said B": ``a`` ran past its end), or
    it opens ``a``'s content ("C, X said, an agency reported": the agency relays X)?"""
    lo, hi = a.content.start, a.content.end
    for b in cued.starting_in(lo, hi):
        if b is a:
            continue
        if not (lo <= b.content.start and b.content.end <= hi):
            continue
        if b.content.start <= lo + 1 or (b.source is not None and not lo <= b.source.start < hi):
            return True
    return False


def _overlap(pieces: tuple[Extent, ...], lo: int, hi: int) -> int:
    return sum(max(0, min(hi, p.end) - max(lo, p.start)) for p in pieces)


def _ranked(atts: list[_Att], lo: int, hi: int) -> list[_Att]:
    """Attributions covering the clause ``[lo, hi)``: those whose cue is in it or whose content
    covers half of it; sound ones first, then by coverage, then the cue nearest its content."""
    found = []
    for a in atts:
        first, last = a.pieces[0], a.pieces[-1]
        if first.start >= hi or last.end <= lo:
            continue
        cover = min(hi, last.end) - max(lo, first.start) if len(a.pieces) == 1 else _overlap(a.pieces, lo, hi)
        cue_in = a.cue is not None and lo <= a.cue.start < hi
        if cover > 0 and (cue_in or 2 * cover >= hi - lo):
            found.append(((a.overreach, -cover, a.gap, a.number), a))
    # the keys differ (``number``), so the attributions themselves are never compared
    found.sort()
    return [a for _, a in found]


def _content(text: str, a: _Att, lo: int, hi: int) -> tuple[int, int]:
    """The part of ``a``'s content inside the clause, without a leading "that" or final punctuation."""
    # a ranked attribution covers the clause, so one of its pieces at least is inside it
    inside = [p for p in a.pieces if p.end > lo and p.start < hi] if len(a.pieces) > 1 else a.pieces
    start, end = max(lo, inside[0].start), min(hi, inside[-1].end)
    while start < end and text[start].isspace():
        start += 1
    if text[start : start + 5].lower() == "that ":
        start += 5
    while end > start and text[end - 1] in " \t\n.;:":
        end -= 1
    return start, end


def _is_question(body: str) -> bool:
    """Does the text end in a question mark (closing quotes and brackets aside)?

    >>> _is_question('"Will they sign?"'), _is_question("They will sign.")
    (True, False)
    """
    return body.rstrip(" \t\n\"'”’»)]").endswith("?")


class _Draft(NamedTuple):
    """A claim before its details: extents, asserter, and its content as words."""

    start: int
    end: int
    content_start: int
    content_end: int
    asserter: str
    who: int | None
    att: int | None
    body: str
    ws: Sequence[str]
    denial: bool


def _claim(text: str, lo: int, hi: int, atts: list[_Att], speakers: Speakers) -> _Draft | None:
    """The claim of clause ``[lo, hi)``: a speaker's when a statement covers it, else the outlet's."""
    clause = text[lo:hi]
    # a content lies inside its clause: without a "?" in the clause, neither is a question
    asks = "?" in clause
    if asks and _is_question(clause):
        return None
    for a in _ranked(atts, lo, hi) if atts else ():
        start, end = _content(text, a, lo, hi)
        body = text[start:end]
        ws = word_tuple(body)
        if not (asks and _is_question(body)) and clause_like(ws):
            return _Draft(
                lo, hi, start, end, "speaker", speakers.entity(a.number), a.number, body, ws, a.denial
            )
    ws = word_tuple(clause)
    if asks or not clause_like(ws) or (atts and _is_stub(text, lo, hi, atts, len(ws))):
        return None
    # the pattern ends in "saying": a find skips the regex's search at every comma
    tail = _PASSIVE_TAIL.search(text, lo, hi) if text.find("saying", lo, hi) >= 0 else None
    if tail is not None and clause_like(word_tuple(text[lo : tail.start()])):
        who = speakers.in_extent(Extent(tail.start(1), tail.end(1)))
        body = text[lo : tail.start()]
        return _Draft(
            lo,
            hi,
            lo,
            tail.start(),
            "speaker",
            who,
            _cue_in(atts, tail.start(2), hi),
            body,
            word_tuple(body),
            False,
        )
    end = hi - 1 if text[hi - 1] in ".;:" else hi
    return _Draft(lo, hi, lo, end, "outlet", None, None, text[lo:end], ws, False)


def _is_stub(text: str, lo: int, hi: int, atts: list[_Att], n_words: int) -> bool:
    """Is the clause only the frame of a statement made elsewhere ("Inspector X said:")?"""
    for a in atts:
        if a.cue is None or not lo <= a.cue.start < hi or _overlap(a.pieces, lo, hi) > 0:
            continue
        frame = [e for e in (a.source, a.cue) if e is not None and lo <= e.start and e.end <= hi]
        if n_words - sum(len(word_tuple(text[e.start : e.end])) for e in frame) < MIN_WORDS:
            return True
    return False


#: ", X was quoted as saying." -- a passive report closing a sentence.
_PASSIVE_TAIL = re.compile(
    r",\s+([^,]{2,80}?)\s+((?:was|were|has been|have been|had been)\s+(?:reported|quoted|cited|heard)"
    r"\s+(?:as\s+)?saying)\W*$"
)


def _cue_in(atts: list[_Att], lo: int, hi: int) -> int | None:
    """The index of an attribution whose cue starts in ``[lo, hi)``."""
    return next((a.number for a in atts if a.cue is not None and lo <= a.cue.start < hi), None)


def key_terms(ws: Sequence[str]) -> tuple[str, ...]:
    """Stems of the content words, in order, without stop words and speech verbs.

    >>> key_terms(word_tuple("He said the talks were not over, adding that officials would meet."))
    ('talk', 'offici', 'meet')
    """
    return tuple(filter(None, dict.fromkeys(map(_TERMS.__getitem__, ws))))


_NOT_TERMS = STOPWORDS | SPEECH_CUES


class _Terms(dict[str, str]):
    """Word -> the stem it adds to the key terms, "" for a stop word, a speech verb or a symbol
    (a stem is never empty). Filled as words come: a look-up per word instead of three tests."""

    def __missing__(self, w: str) -> str:
        if len(self) > _MAX_TERMS:
            self.clear()
        term = self[w] = stem(w) if w not in _NOT_TERMS and len(w) > 1 and w[0].isalpha() else ""
        return term


_MAX_TERMS = 100_000
_TERMS = _Terms()


def _entities(speakers: Speakers, lo: int, hi: int) -> tuple[int, ...]:
    """Local entity numbers of the mentions inside ``[lo, hi)``, in order, once each."""
    found: dict[int, None] = {}
    mentions, starts, ents = speakers.mentions, speakers.starts, speakers.ents
    k, n = bisect_left(starts, lo), len(mentions)
    while k < n and starts[k] < hi:
        if ents[k] >= 0 and mentions[k].end <= hi:
            found[ents[k]] = None
        k += 1
    return tuple(found)


def _build(d: _Draft, speakers: Speakers, times: _Inside[TimeExpr], figures: _Inside[Quantity]) -> ClaimExpr:
    """The claim of a draft, with its polarity read from its content and what lies inside it."""
    ws = d.ws
    # most claims hold none of these words: one test instead of three
    flagged = not _FLAGGED.isdisjoint(ws)
    polar = flagged and not (NEGATORS.isdisjoint(ws) and _STANCE_WORDS.isdisjoint(ws))
    main = word_tuple(main_scope(d.body)) if polar else ()
    lo, hi = d.start, d.end
    timexes = times.inside(lo, hi)
    return _new_claim(
        start=lo,
        end=hi,
        content_start=d.content_start,
        content_end=d.content_end,
        asserter=d.asserter,
        asserter_entity=d.who,
        attribution_index=d.att,
        entities=_entities(speakers, lo, hi),
        numbers=tuple(figures.inside(lo, hi)),
        times=tuple(dict.fromkeys([t.value for t in timexes])) if timexes else (),
        negated=(polar and negated(main)) != d.denial,
        stance=stance(main) if polar else None,
        hedged=flagged and not HEDGES.isdisjoint(ws),
        key_terms=key_terms(ws),
    )


_STANCE_WORDS = frozenset(STANCE)
_FLAGGED = NEGATORS | _STANCE_WORDS | HEDGES


__all__ = ["ClaimExpr", "Quantity", "find_claims", "number_conflict"]
