"""Social-media embeds and repeated text.

An embedded post renders as its text followed by a signature line
("— Name (@handle) Month D, YYYY"), and pages often repeat the post's text
(whole sentences, or a prefix cut off with "…") in paragraphs of their own.
A paragraph that repeats earlier article text is the embed's repeated text
when it sits near a signature, and a plain duplicate otherwise.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence

from .paragraphs import Paragraph
from .verdict import Context, Verdict
from .vocab import DATE, SOCIAL

_HANDLE = r"\(\s*@[A-Za-z0-9_.]{1,50}\s*\)"
#: "— Name (@handle) November 27, 2025" / "- Name (@handle) 27 Nov 2025" / "— Name (@handle) on X".
_SIGNATURE = re.compile(
    rf"(?:^|(?<=[\s.!?\"\u201d\u2019\u2026]))[\u2014\u2013-]{{1,2}}\s*[^()\n]{{1,120}}?\s*{_HANDLE}"
    rf"\s*(?:{DATE}|on\s+{SOCIAL})\s*$"
    rf"|^[\u2014\u2013-]{{1,2}}\s*[^()\n]{{1,120}}?\s*{_HANDLE}\s*$"
    rf"|{_HANDLE}\s*{DATE}\s*$"
    r"|^A post shared by\b|^View this post on \w+$"
)
_POST_LINK = re.compile(r"\bpic\.twitter\.com/\w+|\bhttps?://t\.co/\w+")
_QUOTES = re.compile(r"[\"'\u2018\u2019\u201a\u201b\u201c\u201d\u201e\u00ab\u00bb\u2039\u203a]")
_TRUNCATED = re.compile(r"\s*(?:\u2026|\.\.\.|\ufffd)+\s*$")
_SENTENCE_GAP = re.compile(r"[.!?:;]\s$")
#: Longer embedded text is running prose; only an exact repeat of it is removed.
_PROSE_WORDS = 60
#: A repeat this close to a signature belongs to the embed.
_NEAR = 3


def normalise(text: str) -> str:
    """Compare text without case, quotation marks or spacing differences.

    >>> normalise("“We’re  here,” he said.")
    'were here, he said.'
    """
    text = _QUOTES.sub("", unicodedata.normalize("NFKC", text).lower())
    return " ".join(text.split())


def is_signature(p: Paragraph) -> bool:
    """An embed's signature line (possibly after the post's own text), or a post link.

    >>> is_signature(Paragraph(0, 0, 0, "Great day! — Ann Lee (@annlee) May 2, 2024"))
    True
    >>> is_signature(Paragraph(0, 0, 0, "She posted on X on May 2, 2024, that it was a great day."))
    False
    """
    if p.words > 100:
        return False
    return bool(_SIGNATURE.search(p.text) or (_POST_LINK.search(p.text) and p.words <= 80))


def _aligned(haystack: str, start: int, end: int, truncated: bool) -> bool:
    """The match covers whole sentences: it starts one, and ends one unless cut off."""
    if start and not _SENTENCE_GAP.search(haystack[:start]):
        return False
    if truncated or end == len(haystack):
        return True
    return haystack[end - 1] in ".!?,;:" or haystack[end] in ".!?,;:"


def repeats(text: str, earlier: str) -> bool:
    """``text`` repeats whole sentences of ``earlier`` (a prefix, if it ends in "…").

    >>> repeats("We are glad that ou…", "“Thanks. We are glad that our team won,” he said.")
    True
    >>> repeats("He said he would stay.", "Asked again, he said he would stay.")
    False
    """
    truncated = bool(_TRUNCATED.search(text))
    needle = normalise(_TRUNCATED.sub("", text))
    haystack = normalise(earlier)
    if not needle:
        return False
    start = haystack.find(needle)
    while start >= 0:
        if _aligned(haystack, start, start + len(needle), truncated):
            return True
        start = haystack.find(needle, start + 1)
    return False


def _repeated(p: Paragraph, earlier: Sequence[Paragraph], min_words: int) -> bool:
    if len(normalise(_TRUNCATED.sub("", p.text)).split()) < min_words:
        return False
    if p.words > _PROSE_WORDS:
        return any(normalise(q.text) == normalise(p.text) for q in earlier)
    return any(repeats(p.text, q.text) for q in earlier)


def _signatures(paragraphs: Sequence[Paragraph], taken: Mapping[int, Verdict]) -> dict[int, Verdict]:
    out: dict[int, Verdict] = {}
    for i, p in enumerate(paragraphs):
        if p.index in taken or not is_signature(p):
            continue
        out[p.index] = Verdict("embed", "a social-media post's signature line")
        prev = paragraphs[i - 1] if i else None
        bare = re.match(r"^[\u2014\u2013-]", p.text)
        if bare and prev and prev.index not in taken and prev.index not in out and prev.words <= _PROSE_WORDS:
            out[prev.index] = Verdict("embed", "the text of an embedded post, above its signature")
    return out


def detect_embeds(paragraphs: Sequence[Paragraph], ctx: Context) -> dict[int, Verdict]:
    """Embed signatures, the post text right above a bare signature, and paragraphs
    repeating whole sentences of earlier article text ("embed" near a signature,
    "duplicate" elsewhere)."""
    out = _signatures(paragraphs, ctx.earlier)
    near = set(out)
    kept: list[Paragraph] = []
    for p in paragraphs:
        if p.index in ctx.earlier or p.index in out:
            continue
        if _repeated(p, kept, ctx.settings.embed_repeat_min_words):
            kind = "embed" if any(abs(j - p.index) <= _NEAR for j in near) else "duplicate"
            out[p.index] = Verdict(kind, "repeats text already in the article")
            continue
        kept.append(p)
    return out
