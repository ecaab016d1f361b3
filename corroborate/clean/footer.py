"""Copyright notices and related-story lists."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from .paragraphs import Paragraph
from .scan import key_scan
from .verdict import Context, Verdict
from .vocab import REPORTING, fold, may_match

#: "© 2024 ...", "(c) 2024 ...", "Copyright 2024 ...", "Copyright © ...", "Copyright by ...".
_NOTICE = re.compile(
    r"^(?:copyright\s*)?(?:\u00a9|&copy;)|^(?:copyright\s*)?\(c\)\s*\d{4}|^copyright\s+(?:\d{4}|by\b)"
    r"|\bcopyright\s*(?:\u00a9|\(c\))\s*\d{4}|\u00a9\s*\d{4}",
    re.IGNORECASE,
)
_RESERVED = re.compile(
    r"\ball rights reserved\b|\bmay not be (?:published|reproduced|redistributed|copied|republished)\b"
    r"|\bwithout (?:the )?(?:prior )?written permission\b",
    re.IGNORECASE,
)
#: The owner a notice names, after the symbol and the years.
_OWNER = re.compile(
    r"^(?:copyright\s*)?(?:\u00a9|&copy;|\(c\))?\s*(?:\d{4}(?:\s*[-\u2013]\s*\d{4})?)?\s*,?\s*(?:by\s+)?"
    r"(?P<owner>[A-Z](?:[^.|;\u2022]|\.(?=[a-z]{2,}\b))*)",
    re.IGNORECASE,
)
#: Prefilters (on the folded text): every match contains one of these (tests/test_clean_prefilter.py).
_NOTICE_KEYS = ("\u00a9", "&copy;", "(c)", "copyright")
_RESERVED_KEYS = ("all rights reserved", "may not be", "written permission")
_KEYS = _NOTICE_KEYS + _RESERVED_KEYS
_NOT_AN_OWNER = re.compile(r"^(?:all rights|this material|the material|copyright)", re.IGNORECASE)
_MAX_WORDS = 60


def copyright_owner(text: str) -> str | None:
    """The publisher a copyright notice names, as written.

    >>> copyright_owner("\\u00a9 2024 The Example Post. All rights reserved.")
    'The Example Post'
    >>> copyright_owner("Copyright 2023-2024 Example.com | All Rights Reserved")
    'Example.com'
    >>> copyright_owner("All rights reserved.") is None
    True
    """
    m = _OWNER.match(text) if _NOTICE.match(text) else None
    owner = m["owner"].strip().rstrip(",") if m else ""
    if not owner or _NOT_AN_OWNER.match(owner) or len(owner.split()) > 8:
        return None
    return owner


def copyright_reason(text: str, words: int | None = None) -> str | None:
    """Why ``text`` (of ``words`` words, when known) is a copyright footer, or None.

    >>> copyright_reason("The band lost the copyright to its songs in 1990.") is None
    True
    """
    if (len(text.split()) if words is None else words) > _MAX_WORDS:
        return None
    low = fold(text)
    if may_match(_NOTICE_KEYS, low) and _NOTICE.search(text):
        return "a copyright notice"
    if may_match(_RESERVED_KEYS, low) and _RESERVED.search(text) and not REPORTING.search(text):
        return "reserves the publisher's rights"
    return None


def detect_copyright(paragraphs: Sequence[Paragraph], ctx: Context) -> dict[int, Verdict]:
    """Copyright notices ("© 2024 ...", "All rights reserved"), naming the outlet when they do."""
    out: dict[int, Verdict] = {}
    # copyright_reason finds nothing in a paragraph without a key: only the others are asked.
    for i in key_scan(paragraphs).holding(_KEYS, folded=True):
        p = paragraphs[i]
        reason = None if p.index in ctx.earlier else copyright_reason(p.text, p.words)
        if reason:
            owner = copyright_owner(p.text)
            out[p.index] = Verdict("copyright", reason, (("outlet", owner),) if owner else ())
    return out


_HEADING = re.compile(
    r"^(?:related(?:\s+(?:stories|articles|coverage|content|reading|news|posts|links|topics|videos?))?"
    r"|more (?:from|on|about|in) (?:[^.!?]|\.(?=\w)){1,50}|more (?:stories|news|coverage|headlines|to read)"
    r"|you (?:may|might) also (?:like|enjoy|be interested in)|recommended(?: for you| stories| reading| articles)?"
    r"|read next|up next|see also|also read|read also|also on [^.!?]{1,40}|most (?:read|popular|viewed|shared)"
    r"|trending(?: now| stories)?|top stories|further reading|what to read next|editor['\u2019]s picks"
    r"|popular (?:stories|now)|latest (?:stories|news|headlines))\s*[:|\u00bb\u203a>\u2014\u2013-]*\s*$",
    re.IGNORECASE,
)
_INLINE = re.compile(
    r"^(?:related|see also|also read|read also|recommended)\s*[:|\u00bb\u203a>]\s*\S", re.IGNORECASE
)
#: Either: both are anchored at the start, and one pattern is tried faster than two.
_INLINE_OR_HEADING = re.compile(f"{_INLINE.pattern}|{_HEADING.pattern}", re.IGNORECASE)
_MAX_ITEMS = 10


def is_headline_line(text: str) -> bool:
    """A linked headline: a few words, not ending like a sentence or a clause.

    >>> is_headline_line("Storm Closes Coastal Roads"), is_headline_line("The storm closed roads.")
    (True, False)
    """
    return 2 <= len(text.split()) <= 20 and not re.search(r"[.,:;\u2026]$", text.rstrip())


def _items(paragraphs: Sequence[Paragraph], start: int, claimed: Mapping[int, Verdict]) -> list[int]:
    """The headline lines under a heading, looking past paragraphs already claimed
    (an advert between two links), exactly as if those were gone."""
    found: list[int] = []
    for p in paragraphs[start:]:
        if p.index in claimed:
            continue
        if len(found) == _MAX_ITEMS or not is_headline_line(p.text):
            break
        found.append(p.index)
    return found


def heading_lines(paragraphs: Sequence[Paragraph]) -> list[int]:
    """Positions of the paragraphs that are an inline related link or a related-stories
    heading: the only ones :func:`related_verdicts` starts from.

    >>> heading_lines([Paragraph(i, 0, 0, t) for i, t in enumerate(["Rain.", "Related stories", "A B"])])
    [1]
    """
    return [i for i, p in enumerate(paragraphs) if _INLINE_OR_HEADING.match(p.text)]


def related_verdicts(
    paragraphs: Sequence[Paragraph], claimed: Mapping[int, Verdict], heads: Sequence[int] | None = None
) -> dict[int, Verdict]:
    """A related-stories heading with the headline lines under it, or an inline "Related: ..." line.
    ``heads``: :func:`heading_lines`, when the caller has it already.

    A bare heading with no headline under it is left to the tail rules: on its own it
    could be a section heading of the article.
    """
    out: dict[int, Verdict] = {}
    for i in heading_lines(paragraphs) if heads is None else heads:
        p = paragraphs[i]
        if p.index in claimed or p.index in out:
            continue
        if _INLINE.match(p.text) and p.words <= 25:
            out[p.index] = Verdict("related", "an inline related-story link")
        elif _HEADING.match(p.text):
            items = _items(paragraphs, i + 1, {**claimed, **out})
            if items:
                out[p.index] = Verdict("related", "a related-stories heading")
                for j in items:
                    out[j] = Verdict("related", "a headline listed under a related-stories heading")
    return out
