"""Frames of the cues in one unit: which reading applies, and where contents end."""

from __future__ import annotations

import re

from .base import Extent
from .quote_frames import (
    CLOSE_QUOTES,
    OPEN_QUOTES,
    Frame,
    according_frame,
    extend_cue,
    inverted_source,
    is_participle,
    left_content,
    main_subject,
    right_is_empty,
    right_start,
    subject_span,
    trim_content,
)
from .quote_layout import Layout
from .quote_phrases import object_phrase, source_after
from .speech_verbs import ACCORDING, CueLexicon, CueMatch

_BOUNDARY = ",—–" + CLOSE_QUOTES
#: From the end of "…," he said to the next piece of a split quote: ``, "C2"``.
_SPLIT_AFTER = re.compile(r"[^:.;\"“”„«»]{0,90}?[,:]\s*(?=[\"“„«‘'])")
#: A comma opening a participial or comparative adjunct, which PolNeAR leaves out of contents.
_ADJUNCT_TAIL = re.compile(r",\s+(?:compared|however|though|citing|prompting|sparking|leaving|making)\b|;\s")
#: ``, `` after an interposed "he said" and before a clause that goes on (not "adding").
_AFTER_ASIDE = re.compile(
    r"(?:\s+(?:on|in|at|last|this)\s+\w+)?\s*,\s+(?![a-z]+ing\b|who\b|which\b|according\b)(?=\S+\s+\S+\s+\S)"
)
_DETERMINER = re.compile(r"\b(?:the|a|an|his|her|their|its|this|these|those|our|my|your)\s+$", re.IGNORECASE)
_BY = re.compile(r"\s+by\s+")
#: A coordinating joiner before a later clause ("X said A, and Y said B").
_JOINER = re.compile(r"(?:,\s*(?:and|but|while|whereas)\s|;\s|\s(?:and|but)\s)", re.IGNORECASE)


def unit_frames(text: str, lo: int, hi: int, lexicon: CueLexicon, layout: Layout) -> list[Frame]:
    """Frames of the cues in ``text[lo:hi]``; cues inside quotation marks are quoted words, not cues."""
    frames: list[Frame] = []
    cues = [m for m in lexicon.find(text, lo, hi) if layout.piece_at(m.start) is None]
    if not cues:
        return frames
    for m in cues[:MAX_CUES]:  # frames are compared pairwise: bound the work on freak text
        frame = build_frame(text, lo, hi, m, frames, layout, lexicon.objects)
        if frame is not None:
            frames.append(frame)
    for i, frame in enumerate(frames):
        if frame.order in ("pre", "part") and frame.pieces:
            _cut_at_later(text, frame, frames[i + 1 :], layout)
        # a second piece that holds another cue ("..., Markov said, Reuters reported") is not said
        frame.pieces[1:] = [
            p for p in frame.pieces[1:] if not any(p.start <= g.cue.start < p.end for g in frames)
        ]
    return [f for f in frames if f.form in NESTABLE or not _nested(f, frames)]


#: Cues read per unit; news sentences hold a handful, word lists and freak text thousands.
MAX_CUES = 16
#: Cues still worth reporting inside another attribution's content ("X said Y told him Z").
#: Other cues nested that way were wrong four times in five on PolNeAR train.
NESTABLE = frozenset(
    ["said", "says", "say", "told", "tells", "added", "according_to", "wrote", "writes", "reported"]
)


def _nested(frame: Frame, frames: list[Frame]) -> bool:
    """Is the frame's cue inside another frame's content? A frame whose cue follows what was
    said (``C, she noted``) is not nested in one its content holds (a cue inside C)."""
    return any(f is not frame and _inside(frame.cue.start, f) and not _holds(frame, f) for f in frames)


def _inside(pos: int, frame: Frame) -> bool:
    return any(p.start <= pos < p.end for p in frame.pieces)


def _holds(outer: Frame, inner: Frame) -> bool:
    return outer.order == "post" and _inside(inner.cue.start, outer)


def build_frame(
    text: str,
    lo: int,
    hi: int,
    m: CueMatch,
    frames: list[Frame],
    layout: Layout,
    objects: frozenset[str] = frozenset(),
) -> Frame | None:
    """The frame of cue ``m`` in unit ``text[lo:hi]``, given the frames found before it."""
    if _DETERMINER.search(text, max(lo, m.start - 8), m.start):
        return None  # "the note", "a show", "his calls": a noun, not a cue
    cue = extend_cue(text, lo, m.start, m.end)
    if m.form == ACCORDING:
        return according_frame(text, lo, hi, cue)
    if is_participle(text, lo, cue, m.form):
        src = frames[-1].source if frames else main_subject(text, lo, cue.start)
        clause = _joiner_start(text, lo, cue.start)
        return _pre_posed(text, cue, src, hi, m.form, layout, "part", clause) if src else None
    opening = _opening_clause(text, lo, hi, cue, m.form, layout)
    if opening is not None:
        return opening
    frame = _clause_frame(text, lo, hi, cue, m.form, layout)
    if (
        frame is not None
        and m.form in objects
        and frame.pieces
        and layout.piece_at(frame.pieces[0].start) is None
    ):
        frame.pieces[0] = object_phrase(text, frame.pieces[0].start, frame.pieces[0].end) or frame.pieces[0]
    return frame


def _clause_frame(text: str, lo: int, hi: int, cue: Extent, form: str, layout: Layout) -> Frame | None:
    """A finite cue: ``X said C``, ``C, X said``, ``"C," said X`` or ``As X said, C``."""
    left = text[lo : cue.start].rstrip()
    src, clause = subject_span(text, lo, cue.start)
    if left and left[-1] in _BOUNDARY and (src is None or right_is_empty(text, cue.end, hi)):
        inverted = inverted_source(text, cue.end, hi, form)
        if inverted is not None:
            return _post_posed(text, lo, lo + len(left), cue, inverted, hi, layout, form)
    if src is None:
        return None
    before = text[lo:clause].rstrip()
    if before and before[-1] in _BOUNDARY and _content_before(text, before, cue, hi, form):
        return _post_posed(text, lo, lo + len(before), cue, src, hi, layout, form)
    if before.lower() in ("as", "but as", "and as") and text[cue.end : cue.end + 1] == ",":
        content = trim_content(text, cue.end + 1, _clause_end(text, cue.end + 1, hi, layout))
        return Frame(cue, src, [content] if content else [], form, "pre", clause)
    if form in _SEEM:
        return _seem_frame(text, cue, src, hi, form, layout)
    if _passive(text, cue, form):
        src = _by_agent(text, cue.end, hi)  # "was asked by X": the subject was addressed, X spoke
    frame = _pre_posed(text, cue, src, hi, form, layout, "pre", clause)
    if not frame.pieces and not before and not frame.needs:
        frame.needs = "before"
    return frame


#: "X seemed / appears (to) Y": an impression with no one's name on it; X is part of the content.
_SEEM = frozenset(["seem", "seems", "seemed", "appear", "appears", "appeared", "sounded", "looked", "looks"])


def _seem_frame(text: str, cue: Extent, subject: Extent, hi: int, form: str, layout: Layout) -> Frame:
    frame = _pre_posed(text, cue, None, hi, form, layout, "pre", subject.start)
    frame.pieces[:0] = [subject]
    return frame


def _opening_clause(text: str, lo: int, hi: int, cue: Extent, form: str, layout: Layout) -> Frame | None:
    """``Noting that C, Brisk said ...`` / ``Asked about C, he said ...``: a clause opening the
    unit with a participle; its content runs to the comma, its speaker follows it (none if asked)."""
    lead = text[lo : cue.start].strip().lower()
    if lead not in ("", "when", "while", "after", "and", "but") or not (
        form.endswith("ing") or form == "asked"
    ):
        return None
    comma = _comma_outside_quotes(text, cue.end, hi, layout)
    if comma is None:
        return None
    content = trim_content(text, right_start(text, cue.end, comma, form), comma)
    src = None if form == "asked" else main_subject(text, comma + 1, hi)
    if content is None or (src is None and form != "asked"):
        return None
    return Frame(cue, src, [content], form, "open", lo)


def _comma_outside_quotes(text: str, start: int, hi: int, layout: Layout) -> int | None:
    pos = text.find(",", start, hi)
    while pos >= 0 and layout.piece_at(pos) is not None:
        pos = text.find(",", pos + 1, hi)
    return pos if pos >= 0 else None


_BE = frozenset(["is", "are", "was", "were", "be", "been", "being"])
_PARTICIPLES = frozenset(["told", "said", "known", "seen", "shown", "written", "thought", "heard"])


def _passive(text: str, cue: Extent, form: str) -> bool:
    """A passive cue ("was asked", "has been told"), whose subject is not the speaker."""
    if not (form.endswith("ed") or form in _PARTICIPLES):
        return False
    words = text[cue.start : cue.end].lower().split()
    return len(words) > 1 and words[-2] in _BE


def _by_agent(text: str, pos: int, hi: int) -> Extent | None:
    """The agent of a passive cue: ``by X`` right after it."""
    m = _BY.match(text, pos, hi)
    return source_after(text, m.end(), hi) if m else None


def _joiner_start(text: str, lo: int, cue_start: int) -> int:
    """Where ", adding" / "and noting" / "while saying" begins, for cutting the content before it.

    >>> t = "He said no, and adding"
    >>> t[:_joiner_start(t, 0, 16)]
    'He said no'
    """
    left = text[lo:cue_start].rstrip(" ,")
    head, _, last = left.rpartition(" ")
    if last.lower() in ("and", "but", "while", "before", "after", "by"):
        left = head.rstrip(" ,")
    return lo + len(left)


def _content_before(text: str, before: str, cue: Extent, hi: int, form: str) -> bool:
    """Is the text before the subject what was said? Yes after a quotation unless the cue
    introduces another ("said that", "said:"); otherwise when nothing is said after the cue."""
    after = right_start(text, cue.end, hi, form)
    if before.endswith(",") and text[cue.end : cue.end + 1] == ",":
        # "A, the lawyers said, B": an aside inside what was said -- unless B is a whole
        # quotation, and A only sets the scene ("In February, Brisk said, 'Out!'")
        return not _whole_quote_after(text, cue.end + 1, hi)
    if before.rstrip(",")[-1:] in CLOSE_QUOTES:
        rest = text[after:hi].lstrip()
        return not (text[cue.end - 1] == ":" or rest[:5].lower() == "that ")
    return right_is_empty(text, after, hi)


def _whole_quote_after(text: str, pos: int, hi: int) -> bool:
    """Does a quotation start at ``pos`` (after spaces) and run to the unit's end?"""
    rest = text[pos:hi].lstrip()
    if not rest or rest[0] not in OPEN_QUOTES:
        return False
    start = hi - len(rest)
    close = max(rest.rfind(q) for q in CLOSE_QUOTES)
    return close > 0 and not text[start + close + 1 : hi].strip(" .,;")


def _pre_posed(
    text: str, cue: Extent, src: Extent | None, hi: int, form: str, layout: Layout, order: str, clause: int
) -> Frame:
    """``X said (that) C``: content from after the cue (a quotation there is the whole content)."""
    start = right_start(text, cue.end, hi, form)
    frame = Frame(cue, src, [], form, order, clause)
    if (
        text[hi - 1] == ":"
        and layout.piece_at(start) is None
        and "“" not in text[start:hi]
        and '"' not in text[start:hi]
    ):
        frame.cue = Extent(cue.start, hi)  # "released the following statement:" + the quotation
        frame.needs = "after"
        return frame
    if right_is_empty(text, start, hi):
        frame.needs = "after" if text[cue.end - 1] == ":" else ""
        return frame
    content = trim_content(text, start, _clause_end(text, start, hi, layout))
    if content is not None:
        frame.pieces.append(content)
    return frame


def _adjunct_cut(text: str, start: int, hi: int, layout: Layout) -> int:
    """End of a reported clause before a trailing participial adjunct (", claiming ...")."""
    for m in _ADJUNCT_TAIL.finditer(text, start, hi):
        if layout.piece_at(m.start()) is None:
            return m.start()
    return hi


def _post_posed(
    text: str, lo: int, boundary: int, cue: Extent, src: Extent, hi: int, layout: Layout, form: str
) -> Frame | None:
    """``C, X said`` (plus ``, "C2"`` after it when the quote is split).

    When a quotation ends right at the boundary, it alone is the content.
    """
    end = boundary - 1 if text[boundary - 1] == "," else boundary
    hit = layout.piece_at(end - 1)
    start = hit[0] if hit is not None and hit[1] == end else lo
    first = left_content(text, start, boundary)
    if first is None:
        return None
    frame = Frame(cue, src, [first], form, "post", src.start if src.start < cue.start else cue.start)
    second = _second_piece(text, max(cue.end, src.end), hi, layout)
    quoted = layout.piece_at(first.start) is not None
    if second is not None and (not quoted or layout.piece_at(second.start) is not None):
        frame.pieces.append(second)  # a quotation goes on only as a quotation
    return frame


def _second_piece(text: str, pos: int, hi: int, layout: Layout) -> Extent | None:
    """What follows an interposed ``, he said,``: a quotation (``"A," he said, "B."``) or the
    rest of the reported clause (``Many closures, he said, involved courses.``)."""
    split = _SPLIT_AFTER.match(text, pos, hi) or _AFTER_ASIDE.match(text, pos, hi)
    if split is None or layout.piece_at(pos) is not None:
        return None
    return trim_content(text, split.end(), _clause_end(text, split.end(), hi, layout))


def _clause_end(text: str, start: int, hi: int, layout: Layout) -> int:
    """End of a content starting at ``start``: a quotation closing on ``,?!.`` ends it (what
    follows is a new clause), otherwise the unit's end bar a trailing adjunct."""
    hit = layout.piece_at(start)
    if (
        hit is not None
        and hit[0] == start
        and text[hit[0] : hit[1]].rstrip(CLOSE_QUOTES)[-1:] in (",", "?", "!", ".")
    ):
        return hit[1]
    return _adjunct_cut(text, start, hi, layout)


def _cut_at_later(text: str, frame: Frame, later: list[Frame], layout: Layout) -> None:
    """End a content where a later clause with its own cue takes over."""
    last = frame.pieces[-1]
    for g in later:
        cut = _cut_point(text, last, g, layout)
        if cut is not None:
            trimmed = trim_content(text, last.start, cut)
            if trimmed is not None:
                frame.pieces[-1] = trimmed
            return


def _cut_point(text: str, last: Extent, g: Frame, layout: Layout) -> int | None:
    """Where a later frame ``g`` ends the content ``last``, if it does: before a participle
    ("..., adding that B"), a quotation it claims ("he said X: "Q," he wrote"), a coordinated
    clause ("..., and he said B"), or its cue when its speaker stands before ``last``
    ("Markov, while noting A, said B")."""
    if g.order == "post" and g.pieces and last.start < g.pieces[0].start < last.end:
        return g.pieces[0].start
    if last.start < g.clause < last.end:
        return g.clause if g.order == "part" else _joiner_before(text, last.start, g.clause, layout)
    if last.start < g.cue.start < last.end and g.source is not None and g.source.end <= last.start:
        comma = text.rfind(",", last.start, g.cue.start)
        return comma if comma > last.start else None
    return None


def _joiner_before(text: str, start: int, clause: int, layout: Layout) -> int | None:
    """Position of the last "and" / "but" / ";" joiner in ``text[start:clause]`` outside quotes."""
    found = None
    for m in _JOINER.finditer(text, start, clause):
        if layout.piece_at(m.start()) is None:
            found = m.start()
    return found
