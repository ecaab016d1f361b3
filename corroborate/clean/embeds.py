"""Social-media embeds and repeated text.

An embedded post renders as its text followed by a signature line
("— Name (@handle) Month D, YYYY"), and pages often repeat the post's text
(whole sentences, or a prefix cut off with "…") in paragraphs of their own.
A paragraph that repeats earlier article text is the embed's repeated text
when it sits near a signature, and a plain duplicate otherwise.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
import unicodedata
from collections.abc import Mapping, Sequence
from typing import NamedTuple

from .paragraphs import Paragraph
from .scan import key_scan
from .verdict import Context, Verdict
from .vocab import DATE, SOCIAL, may_match

_HANDLE = r"\(\s*@[A-Za-z0-9_.]{1,50}(?:@[A-Za-z0-9_.-]{1,60})?\s*\)"
#: "— Name (@handle) November 27, 2025" / "- Name (@handle) 27 Nov 2025" / "— Name (@handle) on X".
_SIGNATURE = re.compile(
    rf"(?:^|(?<=[\s.!?\"\u201d\u2019\u2026]))[\u2014\u2013-]{{1,2}}\s*[^()\n]{{1,120}}?\s*{_HANDLE}"
    rf"\s*(?:{DATE}|on\s+{SOCIAL})\s*$"
    rf"|^[\u2014\u2013-]{{1,2}}\s*[^()\n]{{1,120}}?\s*{_HANDLE}\s*$"
    rf"|{_HANDLE}\s*{DATE}\s*$"
    r"|^A post shared by\b|^View this post on \w+$"
    rf"|^Posted by [^\n]{{1,80}}? on (?:\w+day,? )?{DATE}\s*$"
)
_POST_LINK = re.compile(r"\bpic\.twitter\.com/\w+|\bhttps?://t\.co/\w+")
#: Prefilters: every match of the pattern contains one of these (tests/test_clean_prefilter.py).
_SIGNATURE_KEYS = ("@", "A post shared by", "View this post on", "Posted by ")
_POST_LINK_KEYS = ("pic.twitter.com/", "://t.co/")
_KEYS = _SIGNATURE_KEYS + _POST_LINK_KEYS
#: What a truncated paragraph ends with (before spaces): the cheap test before ``_TRUNCATED``.
_ELLIPSES = ("\u2026", "...", "\ufffd")
_QUOTES = re.compile(r"[\"'\u2018\u2019\u201a\u201b\u201c\u201d\u201e\u00ab\u00bb\u2039\u203a]")
_TRUNCATED = re.compile(r"\s*(?:\u2026|\.\.\.|\ufffd)+\s*$")
_SENTENCE_GAP = re.compile(r"[.!?:;]\s$")
#: Near an embed, the article's own copy of a post's text is looked for this many paragraphs ahead.
_LATER = 40
#: Repeats are looked up by the first words of the sentence they start with ...
_KEY_WORDS = 4
#: ... as they appear in its first this many characters.
_KEY_SPAN = 200
#: Longer embedded text is running prose; only an exact repeat of it is removed.
_PROSE_WORDS = 60
#: Away from an embed, a paragraph repeating only part of an earlier one needs this many words:
#: a speaker repeating a short line ("We will get this done.") is reporting.
_PARTIAL_WORDS = 10
#: A repeat this close to a signature belongs to the embed.
_NEAR = 3


def normalise(text: str) -> str:
    """Compare text without case, quotation marks or spacing differences.

    >>> normalise("“We’re  here,” he said.")
    'were here, he said.'
    """
    if text.isascii():
        return _normalise_ascii(text)
    text = _QUOTES.sub("", unicodedata.normalize("NFKC", text).lower())
    return " ".join(text.split())


def _normalise_ascii(text: str) -> str:
    """:func:`normalise` for ASCII text, which NFKC leaves as it is and whose only quotation
    marks are ``"`` and ``'``; split and joined again only when that changes it.

    >>> _normalise_ascii("  'We are'  here"), _normalise_ascii("it's here")
    ('we are here', 'its here')
    """
    text = text.lower().replace('"', "").replace("'", "")
    if text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " ":
        return text  # no space but single ones between words (printable: no tab or line break)
    return " ".join(text.split())


def is_signature(p: Paragraph) -> bool:
    """An embed's signature line (possibly after the post's own text), or a post link.

    >>> is_signature(Paragraph(0, 0, 0, "Great day! — Ann Lee (@annlee) May 2, 2024"))
    True
    >>> is_signature(Paragraph(0, 0, 0, "She posted on X on May 2, 2024, that it was a great day."))
    False
    """
    words = p.words
    if words > 100:
        return False
    if may_match(_SIGNATURE_KEYS, p.text) and _SIGNATURE.search(p.text):
        return True
    return bool(may_match(_POST_LINK_KEYS, p.text) and _POST_LINK.search(p.text) and words <= 80)


def _aligned(haystack: str, start: int, end: int, truncated: bool) -> bool:
    """The match covers whole sentences: it starts one, and ends one unless cut off."""
    if start and not _SENTENCE_GAP.search(haystack[max(0, start - 2) : start]):
        return False
    return truncated or end == len(haystack) or haystack[end] in ".!?,;:"


class Needle(NamedTuple):
    """A paragraph prepared for searching: normalised, without a trailing "…" or full stop.
    (A named tuple: one is made for every new paragraph, and tuples are made fastest.)"""

    text: str
    whole: str
    truncated: bool

    @classmethod
    def of(cls, text: str) -> Needle:
        # A repeated quote may close with "." where the article had "," before "she said".
        whole = normalise(text)
        truncated = text.rstrip().endswith(_ELLIPSES) and bool(_TRUNCATED.search(text))
        return cls(
            (normalise(_TRUNCATED.sub("", text)) if truncated else whole).rstrip(".!?,;:"), whole, truncated
        )

    def key(self) -> tuple[str, ...]:
        return tuple(self.text.split(maxsplit=_KEY_WORDS)[:_KEY_WORDS])


_Prepared = tuple[Needle, int, bool]


@functools.lru_cache(maxsize=4096)
def _prepared(text: str) -> _Prepared:
    """A paragraph's needle, its word count, and whether a partial repeat of it can be found:
    not when it has more than ``_KEY_WORDS`` words and the first ones span more than
    ``_KEY_SPAN`` characters (see :class:`Seen`)."""
    needle = Needle.of(text)
    # Normalised text is words between single spaces (one may trail, where a stop was cut), so
    # the spaces count the words; only a long text needs its first words found.
    words = needle.text.count(" ") + 1 - needle.text.endswith(" ") if needle.text else 0
    long_key = (
        words > _KEY_WORDS
        and len(needle.text) > _KEY_SPAN
        and len(" ".join(needle.text.split(maxsplit=_KEY_WORDS)[:_KEY_WORDS])) > _KEY_SPAN  # see Needle.key
    )
    return needle, words, not long_key


def _found_in(needle: Needle, haystack: str) -> bool:
    start = haystack.find(needle.text) if needle.text else -1
    while start >= 0:
        if _aligned(haystack, start, start + len(needle.text), needle.truncated):
            return True
        start = haystack.find(needle.text, start + 1)
    return False


def repeats(text: str, earlier: str) -> bool:
    """``text`` repeats whole sentences of ``earlier`` (a prefix, if it ends in "…").

    >>> repeats("We are glad that ou…", "“Thanks. We are glad that our team won,” he said.")
    True
    >>> repeats("He said he would stay.", "Asked again, he said he would stay.")
    False
    """
    return _found_in(Needle.of(text), normalise(earlier))


class Seen:
    """Normalised paragraphs, searched for repeats of whole sentences.

    A paragraph of more than ``_KEY_WORDS`` words whose first ``_KEY_WORDS`` span more than
    ``_KEY_SPAN`` characters only counts as an exact repeat (sentences are looked up by their
    first words within that span). Any other is looked for in all the seen text at once
    (``joined``), and where found, in each seen paragraph for a whole-sentence repeat.
    """

    def __init__(self, texts: Sequence[str] = ()) -> None:
        # As if each text were added in turn.
        self.all: list[str] = [_prepared(text)[0].whole for text in texts]
        self.exact: set[str] = set(self.all)
        #: All of it, a line each (normalised text holds no line break).
        self.joined = "".join("\n" + norm for norm in self.all)

    def add(self, text: str) -> None:
        norm = _prepared(text)[0].whole
        self.exact.add(norm)
        self.all.append(norm)
        self.joined += "\n" + norm

    def holds(self, text: str, partial: bool) -> bool:
        """``text`` repeats seen text exactly, or when ``partial`` repeats whole sentences of it."""
        needle, _, searchable = _prepared(text)
        return self.finds(needle, partial and searchable)

    def finds(self, needle: Needle, partial: bool) -> bool:
        """:meth:`holds` for the text of ``needle``, ``partial`` only when it is searchable."""
        if needle.whole in self.exact:
            return True
        if not partial or needle.text not in self.joined:
            return False
        return any(_found_in(needle, h) for h in self.all)


class SeenSoFar:
    """:class:`Seen` of the paragraphs of one article added so far, for looking up each
    paragraph in turn: their normalised text is joined once, and searched only up to the
    paragraph asking, instead of joining the seen text again after every paragraph.

    >>> seen = SeenSoFar(["the ferry sailed.", "", "it rained. the ferry sailed"])
    >>> seen.add(0)
    >>> seen.finds(Needle.of("The ferry sailed"), True, 2), seen.finds(Needle.of("It rained."), True, 2)
    (True, False)
    """

    def __init__(self, norms: Sequence[str]) -> None:
        #: Each paragraph's normalised text ("" for those never added), a line each.
        self.norms = norms
        self.text = "\n".join(norms)
        self.starts = [0, *itertools.accumulate(len(norm) + 1 for norm in norms)]
        self.added: set[int] = set()
        self.exact: set[str] = set()

    def add(self, i: int) -> None:
        self.added.add(i)
        self.exact.add(self.norms[i])

    def finds(self, needle: Needle, partial: bool, before: int) -> bool:
        """``Seen(<the texts added>).finds(needle, partial)``, all of them before paragraph ``before``."""
        if needle.whole in self.exact:
            return True
        if not partial:
            return False
        end = self.starts[before]
        at = self.text.find(needle.text, 0, end)  # normalised text holds no line break
        while at >= 0:
            i = bisect.bisect_right(self.starts, at) - 1
            if i in self.added:
                return any(_found_in(needle, self.norms[k]) for k in self.added)
            at = self.text.find(needle.text, self.starts[i + 1], end)
        return False


def _repeats_any(
    p: Paragraph, prepared: _Prepared, seen: Seen | SeenSoFar, min_words: int, by_embed: bool, at: int
) -> bool:
    """An exact repeat of text ``seen``, or (short paragraphs only) of whole sentences of
    it; away from an embed a partial repeat must be long enough not to be a refrain.
    ``prepared``: ``_prepared(p.text)``; ``p`` is paragraph ``at`` of the article."""
    needle, words, searchable = prepared
    if words < min_words:
        return False
    partial = p.words <= _PROSE_WORDS and (by_embed or words >= _PARTIAL_WORDS)
    if isinstance(seen, SeenSoFar):
        return seen.finds(needle, partial and searchable, at)
    return seen.finds(needle, partial and searchable)


def _signatures(paragraphs: Sequence[Paragraph], taken: Mapping[int, Verdict]) -> dict[int, Verdict]:
    """Signature lines, and the post text above a signature that stands on its own line."""
    out: dict[int, Verdict] = {}
    # is_signature is False for a paragraph without a key: only the others are asked.
    for i in key_scan(paragraphs).holding(_KEYS, folded=False):
        p = paragraphs[i]
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
    repeating whole sentences of other article text: "embed" near a signature (where the
    repeated text may also be the post's own, or come later in the article), and
    "duplicate" elsewhere (where only earlier text counts)."""
    out = _signatures(paragraphs, ctx.earlier)
    posts = [p for p in paragraphs if p.index in out]
    min_words = ctx.settings.embed_repeat_min_words
    asked = [None if p.index in ctx.earlier or p.index in out else _prepared(p.text) for p in paragraphs]
    seen = SeenSoFar([prepared[0].whole if prepared else "" for prepared in asked])
    for i, p in enumerate(paragraphs):
        prepared = asked[i]
        if prepared is None:
            continue
        near = [q for q in posts if abs(q.index - p.index) <= _NEAR] if posts else []
        by_embed = bool(near)
        found = _repeats_any(p, prepared, seen, min_words, by_embed, i)
        if by_embed and not found and prepared[1] >= min_words:  # else no repeat anywhere
            later = [
                q
                for q in paragraphs[i + 1 : i + 1 + _LATER]
                if q.index not in ctx.earlier and q.index not in out
            ]
            found = _repeats_any(p, prepared, Seen([q.text for q in (*near, *later)]), min_words, by_embed, i)
        if found:
            out[p.index] = Verdict(
                "embed" if by_embed else "duplicate", "repeats text already in the article"
            )
        else:
            seen.add(i)
    return out
