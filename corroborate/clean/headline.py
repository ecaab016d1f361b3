"""Title, deck (subtitle) and byline at the top of an article."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..extract.word_lists import word_list
from .captions import caption_reason
from .embeds import is_signature
from .paragraphs import Paragraph
from .verdict import Context, Verdict

_FINAL_STOP = re.compile(r"[.:;,]$")
_BYLINE = re.compile(
    r"^(?:by|written by|von|par|por)\s+(?P<name>[A-Z][\w.'\u2019-]+(?:\s+(?:[A-Z][\w.'\u2019-]+|and|&|de|van|von|der|la|al|bin))*)"
    r"(?:\s*[,|\u2013\u2014-]\s*(?P<rest>.{1,80}))?$",
    re.IGNORECASE,
)

#: "Published March 3, 2025 at 9:10 a.m. | Updated 10:02 a.m.", "Last updated: 14:05 GMT": a
#: timestamp line in the header, not reporting. It opens with a stamp word, holds a figure, and
#: every other word is a date, time or zone word, so "Updated forecasts show a decline of 4
#: percent" stays.
_STAMP_START = re.compile(r"^(?:first |last |originally )?(?:published|posted|updated|modified)\b", re.I)
_STAMP_WORDS = word_list("timestamp_words")
_WORD = re.compile(r"[^\W\d_]+(?:\.[^\W\d_]+)*")


def is_timestamp_line(text: str) -> bool:
    """
    >>> is_timestamp_line("Published March 3, 2025 at 9:10 a.m. | Updated 10:02 a.m.")
    True
    >>> is_timestamp_line("Last updated: 14:05 GMT"), is_timestamp_line("Updated guidance was issued to ports.")
    (True, False)
    >>> is_timestamp_line("Updated forecasts show a decline in exports of 4 percent this year.")
    False
    >>> is_timestamp_line("Posted troops may stay until 2026, the minister said.")
    False
    """
    if not _STAMP_START.match(text) or not any(c.isdigit() for c in text):
        return False
    return all(w.lower() in _STAMP_WORDS for w in _WORD.findall(text))


def _squash(text: str) -> str:
    return re.sub(r"\W+", " ", text).strip().lower()


def looks_like_headline(p: Paragraph, max_words: int) -> bool:
    """Short, and not ending like a sentence of running text.

    >>> looks_like_headline(Paragraph(0, 0, 9, "Rain Due"), 30)
    True
    >>> looks_like_headline(Paragraph(0, 0, 20, "It rained all day."), 30)
    False
    """
    return 0 < p.words <= max_words and not _FINAL_STOP.search(p.text)


def detect_headline(paragraphs: Sequence[Paragraph], ctx: Context) -> dict[int, Verdict]:
    """The first paragraph is the title when the input names it or it looks like one;
    the next short unpunctuated one is the deck; a "By ..." line is the byline."""
    out: dict[int, Verdict] = {}
    if not paragraphs:
        return out
    first = paragraphs[0]
    declared = ctx.meta.title
    if declared and _squash(first.text) == _squash(declared):
        out[0] = Verdict("title", "repeats the declared title", (("title", first.text),))
    elif not declared and len(paragraphs) > 1 and looks_like_headline(first, ctx.settings.title_max_words):
        out[0] = Verdict("title", "first line, short and unpunctuated", (("title", first.text),))
    i = 1 if out else 0
    while i < min(len(paragraphs), 4):
        p = paragraphs[i]
        byline = _BYLINE.match(p.text)
        if byline and p.words <= 16:
            fields = [("author", byline.group("name").strip())]
            out[i] = Verdict("byline", "a 'By ...' line", tuple(fields))
        elif is_timestamp_line(p.text):
            out[i] = Verdict("timestamp", "a 'Published ... / Updated ...' line")
        elif (
            out.get(0)
            and i == 1
            and not ctx.meta.subtitle
            and len(paragraphs) > 2
            and looks_like_headline(p, ctx.settings.subtitle_max_words)
            and not p.text.endswith((".", "!", "?", '"', "\u201d", "\ufffd"))
            and not is_signature(p)
            and not caption_reason(p.text)
        ):
            out[i] = Verdict("subtitle", "short unpunctuated line under the title", (("subtitle", p.text),))
        elif ctx.meta.subtitle and _squash(p.text) == _squash(ctx.meta.subtitle):
            out[i] = Verdict("subtitle", "repeats the declared deck", (("subtitle", p.text),))
        else:
            break
        i += 1
    return out
