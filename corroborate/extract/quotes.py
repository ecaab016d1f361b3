"""Direct quotes and reported speech: who said what, with the words that say so.

:func:`find_attributions` returns one :class:`QuoteAttribution` per statement:
the source as written ("he", "Markov", "the Ruritanian leader", "a spokesperson
for the ministry"), the cue ("said", "has told", "according to", "added:") and
the content. Span conventions follow PolNeAR: a direct quote's content keeps
its quote marks; "that" opens an indirect content; final periods outside quote
marks are left out; a quote split by "he said", and the quoted sentences and
paragraphs that continue it, are one attribution whose content has several
``pieces`` (``content`` spans them all).

Quotes that carry no cue of their own take the speaker of the attribution
before them in the paragraph (else the one after), the news convention.

How it is put together: :mod:`.sentences` and :mod:`.quotemarks` (pairing quote
marks, multi-paragraph quotes) feed :mod:`.quote_layout` (units: sentences joined
where a quotation runs across them); :mod:`.speech_verbs` finds cues from the
mined lexicon ``data/lexicons/cues.tsv``; :mod:`.quote_clauses` decides each cue's
reading with the helpers of :mod:`.quote_frames` and :mod:`.quote_phrases`
(subjects, appositives, addressees); :mod:`.quote_special` covers headlines,
dashes and unknown verbs after a quotation; :mod:`.quote_attach` gives cue-less
quotations to a neighbour. Closed word lists are in ``data/lexicons/word_lists.txt``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from .base import Attribution, Extent
from .quote_attach import attach_quotes
from .quote_clauses import unit_frames
from .quote_frames import CLOSE_QUOTES, OPEN_QUOTES, Frame
from .quote_layout import Layout
from .quote_special import colon_clause_frame, colon_frame, dash_frame, headline_frame, tail_frame
from .quotemarks import find_quotations
from .sentences import split_sentences
from .speech_verbs import CueLexicon, cue_lexicon


@dataclass(frozen=True)
class QuoteAttribution(Attribution):
    """An :class:`Attribution` whose content may come in pieces (a quote split by "he said")."""

    pieces: tuple[Extent, ...] = ()


def find_attributions(text: str, sentences: list[Extent] | None = None) -> list[Attribution]:
    """Quotes and reported statements in ``text``, in order of their content.

    >>> t = '"We will win," Markov told reporters. "The talks went well."'
    >>> [(t[a.source.start:a.source.end], t[a.cue.start:a.cue.end], len(a.pieces))
    ...  for a in find_attributions(t)]
    [('Markov', 'told', 2)]
    """
    return list(attributions_with(text, cue_lexicon(), sentences))


def attributions_with(
    text: str, lexicon: CueLexicon, sentences: Sequence[Extent] | None = None
) -> list[QuoteAttribution]:
    """:func:`find_attributions` with an explicit cue lexicon (the lexicon miner varies it)."""
    quotes = find_quotations(text)
    layout = Layout(text, sentences if sentences is not None else split_sentences(text), quotes)
    frames: list[list[Frame]] = [unit_frames(text, lo, hi, lexicon, layout) for lo, hi in layout.units]
    _cueless_frames(text, layout, frames)
    attach_quotes(text, layout, frames)
    out = [_attribution(text, f, layout) for unit in frames for f in unit if f.pieces]
    # dict.fromkeys, not set: ties keep the order they were found in, whatever the hash seed
    return sorted(dict.fromkeys(out), key=lambda a: (a.content.start, a.content.end))


def _cueless_frames(text: str, layout: Layout, frames: list[list[Frame]]) -> None:
    """Add headline, unknown-verb and dash attributions where the lexicon found nothing."""
    if layout.units and layout.para[0] == 0:
        head = headline_frame(text, *layout.units[0])
        frames[0][:0] = [head] if head else []
    for u, (lo, hi) in enumerate(layout.units):
        if not frames[u]:
            found = (
                tail_frame(text, lo, hi, layout)
                or dash_frame(text, u, layout)
                or colon_frame(text, lo, hi, layout)
                or colon_clause_frame(text, lo, hi, layout)
            )
            frames[u].extend([found] if found else [])
        elif not any(p.start <= lo < p.end for f in frames[u] for p in f.pieces):
            # an opening quotation no cue claimed ("Yes," Brisk quipped, citing a poll)
            tail = tail_frame(text, lo, hi, layout)
            frames[u][:0] = [tail] if tail else []


def _attribution(text: str, frame: Frame, layout: Layout) -> QuoteAttribution:
    pieces = _with_quotations(frame.pieces, layout)
    content = Extent(pieces[0].start, pieces[-1].end)
    kind = "direct" if all(_is_quoted(text, p) for p in pieces) else "indirect"
    return QuoteAttribution(kind, content, frame.source, frame.cue, tuple(pieces))


def _with_quotations(pieces: list[Extent], layout: Layout) -> list[Extent]:
    """Pieces plus the other paragraphs of any multi-paragraph quotation they start or end."""
    if not layout.multi_paragraph and all(a.start < b.start for a, b in pairwise(pieces)):
        return list(pieces)  # nothing to add, and already what the sort below would give
    out = set(pieces)
    for p in pieces:
        for pos in (p.start, p.end - 1):
            hit = layout.piece_at(pos)
            if hit is not None and len(layout.quotes[hit[2]].pieces) > 1:
                out.update(q for q in layout.quotes[hit[2]].pieces if q.end <= p.start or q.start >= p.end)
    return sorted(out, key=lambda e: e.start)


def _is_quoted(text: str, p: Extent) -> bool:
    body = text[p.start : p.end].rstrip(".,;:!? ")
    return (
        len(body) > 1
        and body[0] in OPEN_QUOTES
        and (body[-1] in CLOSE_QUOTES or text[p.end : p.end + 1] == "\n")
    )
