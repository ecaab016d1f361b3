"""Attributions that do without a lexicon cue: headlines, quotes with unknown verbs, dashes.

* ``Caddell: Voters Worried About Clinton's Health`` as a first line;
* ``"Quote," X opined.`` -- a quotation closing on a comma is followed by its
  attribution, whatever the verb;
* ``"Quote" — Name`` (same line, as in embedded posts) or a line ``- Name``
  after a quoted paragraph.
"""

from __future__ import annotations

import re

from .base import Extent
from .quote_frames import Frame, extend_cue, inverted_source, trim_content
from .quote_layout import Layout
from .quote_phrases import STOP_WORDS, source_before, tokens
from .word_lists import word_list


def headline_frame(text: str, lo: int, hi: int) -> Frame | None:
    """``Caddell: Voters Worried About Clinton's Health`` in a first line: a name, a colon, a claim."""
    m = _HEADLINE.match(text, lo, hi)
    if m is None or any(w in _NOT_SPEAKERS for w in m.group(1).split()) or m.group(1).isupper():
        return None
    content = trim_content(text, m.start(2), hi)
    if content is None:
        return None
    cue = Extent(m.end(1), m.end(1) + 1)
    return Frame(cue, Extent(m.start(1), m.end(1)), [content], ":", "pre", lo)


_HEADLINE = re.compile(r"([A-Z][\w.’'-]*(?: [A-Z][\w.’'-]*){0,3}): +(\S)")
_NOT_SPEAKERS = word_list("not_speakers")


def tail_frame(text: str, lo: int, hi: int, layout: Layout) -> Frame | None:
    """``"Quote," X opined.`` with a verb the lexicon lacks: a quotation closing on a comma,
    question or exclamation mark and followed by a short name-and-verb tail is attributed."""
    hit = layout.piece_at(lo)
    if hit is None or hit[0] != lo or hit[1] >= hi or text[hit[1] - 2] not in ",?!—-":
        return None
    toks = tokens(text, hit[1], hi)
    if not toks or len(toks) > _MAX_TAIL:
        return None
    verb = next((k for k, t in enumerate(toks) if _verb_like(t[2])), None)
    if verb is None:
        return None
    cue = extend_cue(text, hit[1], toks[verb][0], toks[verb][1])
    if verb == 0:
        src = inverted_source(text, cue.end, hi)
    else:
        src = source_before(text, hit[1], cue.start)
        src = src if src is not None and text[hit[1] : src.start].strip() == "" else None
    piece = trim_content(text, hit[0], hit[1])
    return Frame(cue, src, [piece], "tail", "post", cue.start) if src and piece else None


_MAX_TAIL = 30
_IRREGULAR = word_list("irregular_verbs")


def _verb_like(word: str) -> bool:
    """A lower-case past or present verb form, by its ending.

    >>> _verb_like("opined"), _verb_like("quips"), _verb_like("this"), _verb_like("Reed")
    (True, True, False, False)
    """
    if not word.islower() or len(word) < 4:
        return word in _IRREGULAR
    if word in _IRREGULAR or word.endswith("ed"):
        return True
    return word.endswith("s") and not word.endswith(("ss", "us", "is", "ous")) and word not in STOP_WORDS


#: Any dash (hyphen, en, em, figure dash, horizontal bar) before a name.
_DASH_NAME = re.compile(r"[-‒–—―⸺]{1,2} ?([A-Z][\w.’'-]*(?: [A-Z][\w.’'-]*){0,3})(?: ?\(@\w+\))?")


def dash_frame(text: str, u: int, layout: Layout) -> Frame | None:
    """``"Quote" — Name`` in one unit, or a unit ``- Name, 34, of Ohio`` after a quotation."""
    lo, hi = layout.units[u]
    if _DASH_NAME.match(text, lo, hi):
        return _dash_after_quote(text, u, layout)
    dashes = [d for d in _DASH_NAME.finditer(text, lo, hi) if layout.piece_at(d.start()) is None]
    m = dashes[-1] if dashes else None
    if m is None or m.start() == lo or not text[m.start() - 1].isspace():
        return None
    body = trim_content(text, lo, m.start())
    if body is None or not (layout.piece_at(body.start) or "(@" in m.group()):
        return None
    return Frame(
        Extent(m.start(), m.start() + 1), Extent(m.start(1), m.end(1)), [body], "dash", "post", m.start()
    )


def _dash_after_quote(text: str, u: int, layout: Layout) -> Frame | None:
    """A line ``- Name`` whose previous unit is a whole quotation."""
    if u == 0:
        return None
    lo, hi = layout.units[u]
    p_lo, p_hi = layout.units[u - 1]
    hit = layout.piece_at(p_lo)
    if hit is None or hit[0] != p_lo or hit[1] < p_hi - 2:
        return None
    m = _DASH_NAME.match(text, lo, hi)
    piece = trim_content(text, p_lo, p_hi)
    if m is None or piece is None:
        return None
    return Frame(
        Extent(lo, lo + len(m.group()) - len(m.group().lstrip("-‒–—―⸺"))),
        Extent(m.start(1), m.end(1)),
        [piece],
        "dash",
        "post",
        lo,
    )


_NAME_COLON = re.compile(r"([A-Z][\w.’'-]*(?: (?:[A-Z][\w.’'-]*|and|of|de))*):\s+(?=[\"“„«])")


def colon_frame(text: str, lo: int, hi: int, layout: Layout) -> Frame | None:
    """``Carl Bialik: "Quote"`` -- a name, a colon and a quotation, with no verb at all."""
    if text.find(":", lo, hi) < 0:
        return None  # the usual unit: no colon, and no name to try before one
    for m in _NAME_COLON.finditer(text, lo, hi):
        before = text[lo : m.start()].rstrip()
        if before and before[-1] not in "-—–:.":
            continue
        hit = layout.piece_at(m.end())
        if hit is None or hit[0] != m.end():
            continue
        piece = trim_content(text, hit[0], hit[1])
        if piece is not None:
            return Frame(
                Extent(m.end(1), m.end(1) + 1), Extent(m.start(1), m.end(1)), [piece], ":", "pre", m.start()
            )
    return None


def colon_clause_frame(text: str, lo: int, hi: int, layout: Layout) -> Frame | None:
    """``Brisk went even further: "Quote"`` -- a subject, any verb phrase, a colon, a quotation
    (or nothing, the quotation opening the next paragraph)."""
    colon = text.rfind(":", lo, hi)
    if colon < 0 or layout.piece_at(colon) is not None:
        return None
    rest = text[colon + 1 : hi].strip()
    quoted = layout.piece_at(colon + 1 + len(text[colon + 1 : hi]) - len(text[colon + 1 : hi].lstrip()))
    if rest and quoted is None:
        return None
    toks = tokens(text, lo, colon)
    verb = next((k for k, t in enumerate(toks) if k > 0 and _verb_like(t[2])), None)
    if verb is None or verb > _MAX_SUBJECT:
        return None
    src = source_before(text, lo, toks[verb][0])
    if src is None or text[lo : src.start].strip():
        return None
    cue = extend_cue(text, lo, toks[verb][0], colon + 1)
    if quoted is None:
        return Frame(cue, src, [], "colon", "pre", lo, needs="after")
    piece = trim_content(text, quoted[0], quoted[1])
    return Frame(cue, src, [piece] if piece else [], "colon", "pre", lo)


_MAX_SUBJECT = 8
