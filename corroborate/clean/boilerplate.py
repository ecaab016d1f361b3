"""Page furniture around the reporting: prompts, adverts, bios, and the detector list.

Prompts to the reader (comment policies, newsletter and share prompts, advert
markers, app and cookie notices) are scored, not matched: vocabulary of site
functions, phrases that only prompts use, a voice addressing the reader ("you",
an imperative, the site's "we/our"), shortness, the tail of the article and
neighbouring furniture all add evidence; reported speech takes it away. So a
prompt phrased in a way no list foresaw is still caught, and reporting that
mentions comments, newsletters or subscribers is not.

Bios and prompts depend on the article's tail, and related lists on what follows
their heading, which in turn depend on what is removed, so the three are settled
together (:func:`settled_verdicts`), to a fixed point:
the tail is counted in the paragraphs nothing has claimed, and neighbouring
furniture only adds evidence. Cleaning the cleaned body therefore finds nothing
new to remove.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence

from .bio import bio_fields, bio_reason, opens_as_bio
from .captions import detect_captions
from .embeds import detect_embeds
from .footer import detect_copyright, heading_lines, related_verdicts
from .paragraphs import Paragraph
from .prompt_gate import may_score
from .verdict import Context, Detector, Verdict
from .vocab import (
    SECOND_PERSON,
    SECOND_PERSON_KEYS,
    STRONG_PHRASES,
    WEAK,
    WEAK_KEYS,
    any_of,
    ends_sentence,
    fold,
    imperative,
    is_label,
    is_link_row,
    may_match,
    reports_speech,
    self_evident,
    site_voice,
)

#: A paragraph is in the tail when at most this many unclaimed paragraphs follow it.
TAIL = 2
#: Score at which a paragraph is a prompt (see :func:`prompt_score`).
THRESHOLD = 5
#: Longer paragraphs are running prose, never furniture.
MAX_WORDS = 60
#: Kinds settled together to a fixed point.
_SETTLED = frozenset({"related", "bio", "boilerplate"})
#: Kinds that make a neighbour count as furniture.
_FURNITURE = frozenset({"boilerplate", "copyright", "related", "bio"})
#: Short heading or exclamation lines ("Join us!", "Comments") next to furniture, with nothing
#: but furniture after them: a heading followed by reporting is a section heading.
_HEADING_WORDS = 8


#: A text in which this finds nothing holds no weak word.
_WEAK_KEY = any_of(WEAK_KEYS)


@functools.lru_cache(maxsize=4096)
def prompt_score(text: str) -> int:
    """Evidence, from the paragraph alone, that it is a prompt or widget, not reporting.

    >>> prompt_score("Sign up for our newsletter to get the news in your inbox.")
    11
    >>> prompt_score("“Sign up for our newsletter,” the editor told readers.")
    3
    """
    if not may_score(text):
        return 0  # neither a label nor addressed to the reader
    n = len(text.split())
    if n > MAX_WORDS:
        return 0
    low = fold(text)
    label = is_label(text) or (n <= 12 and self_evident(text, low)) or is_link_row(text)
    if not label and not _addressed(text, low):
        return 0
    strong = min(len(STRONG_PHRASES.findall(text, low)), 2) or int(label)
    weak = min(len({m.lower() for m in WEAK.findall(text)}), 3) if _WEAK_KEY.search(low) else 0
    if not strong and weak < 2:
        return 0
    score = 3 * strong + weak + 1 + (n <= 25)
    return score - 4 if reports_speech(text) else score


def _addressed(text: str, low: str) -> bool:
    """The paragraph addresses the reader, or the site speaks."""
    you = may_match(SECOND_PERSON_KEYS, low) and SECOND_PERSON.search(text)
    return bool(you or imperative(text) or site_voice(text, low))


def _is_heading(p: Paragraph) -> bool:
    """A short line that is not a finished statement: a heading or an exclamation."""
    return p.words <= _HEADING_WORDS and (not ends_sentence(p.text) or p.text.rstrip().endswith(("!", "?")))


def _neighbours(paragraphs: Sequence[Paragraph], i: int, claimed: Mapping[int, Verdict]) -> int:
    near = (paragraphs[j].index for j in (i - 1, i + 1) if 0 <= j < len(paragraphs))
    return sum(1 for k in near if k in claimed and claimed[k].kind in _FURNITURE)


class _Judge:
    """Bios and prompts among one article's paragraphs."""

    def __init__(self, paragraphs: Sequence[Paragraph]) -> None:
        self.paragraphs = paragraphs
        self.quiet: dict[int, bool] = {}

    def is_quiet(self, i: int) -> bool:
        """Paragraph ``i`` is neither a prompt nor opens like a bio: :meth:`verdict` claims it
        only as one of the last ``TAIL`` + 1 unclaimed paragraphs (as a bio or a heading)."""
        found = self.quiet.get(i)
        if found is None:
            text = self.paragraphs[i].text
            found = self.quiet[i] = not opens_as_bio(text) and not prompt_score(text)
        return found

    def verdict(self, i: int, after: int, claimed: Mapping[int, Verdict]) -> Verdict | None:
        """The verdict on paragraph ``i`` with ``after`` unclaimed paragraphs after it."""
        p = self.paragraphs[i]
        in_tail = after <= TAIL
        reason = bio_reason(p.text, after, TAIL)
        if reason:
            return Verdict("bio", reason, bio_fields(p.text))
        score = prompt_score(p.text)
        if not score and after:
            return None  # not a prompt, and not the last line
        adjacent = _neighbours(self.paragraphs, i, claimed)
        if score and score + in_tail + min(adjacent, 1) >= THRESHOLD:
            return Verdict("boilerplate", f"a prompt or widget (score {score})")
        if after == 0 and adjacent and _is_heading(p):
            return Verdict("boilerplate", "a short heading next to furniture at the end")
        return None

    def sweep(self, claimed: dict[int, Verdict]) -> bool:
        """One pass from the end, claiming bios and prompts; True when it claimed any."""
        changed = False
        after = 0
        for i in range(len(self.paragraphs) - 1, -1, -1):
            index = self.paragraphs[i].index
            if index in claimed:
                continue
            verdict = None if after > TAIL and self.is_quiet(i) else self.verdict(i, after, claimed)
            if verdict is None:
                after += 1
            else:
                claimed[index] = verdict
                changed = True
        return changed


_Settled = tuple[tuple[Paragraph, ...], tuple[tuple[int, Verdict], ...]]
#: The last few answers, newest first: the three settled detectors ask for the same answer in
#: turn. Looked up by equality (as a cache keyed by the arguments would), but without hashing
#: every paragraph: comparing the same paragraph objects is quick.
_RECENT: list[tuple[_Settled, tuple[tuple[int, Verdict], ...]]] = []


def settled_verdicts(paragraphs: Sequence[Paragraph], earlier: Mapping[int, Verdict]) -> dict[int, Verdict]:
    """Related lists, bios and prompts, settled together to a fixed point over the
    paragraphs nothing else claimed (claims only ever add evidence, so this ends)."""
    key = (tuple(paragraphs), tuple(sorted(earlier.items())))
    # Another article's entry mostly has another number of paragraphs: no need to compare them.
    found = next((answer for asked, answer in _RECENT if len(asked[0]) == len(key[0]) and asked == key), None)
    if found is None:
        found = _settled(*key)
        _RECENT[:] = [(key, found), *_RECENT[:7]]
    return dict(found)


def _settled(
    paragraphs: tuple[Paragraph, ...], earlier: tuple[tuple[int, Verdict], ...]
) -> tuple[tuple[int, Verdict], ...]:
    claimed = dict(earlier)
    judge = _Judge(paragraphs)
    heads = heading_lines(paragraphs)
    changed = True
    while changed:
        related = {i: v for i, v in related_verdicts(paragraphs, claimed, heads).items() if i not in claimed}
        claimed.update(related)
        changed = judge.sweep(claimed) or bool(related)
    before = dict(earlier)
    return tuple((i, v) for i, v in claimed.items() if i not in before)


def _own(paragraphs: Sequence[Paragraph], ctx: Context, kind: str) -> dict[int, Verdict]:
    others = {i: v for i, v in ctx.earlier.items() if v.kind not in _SETTLED}
    found = settled_verdicts(paragraphs, others)
    return {i: v for i, v in found.items() if v.kind == kind and i not in ctx.earlier}


def detect_related(paragraphs: Sequence[Paragraph], ctx: Context) -> dict[int, Verdict]:
    """Related-stories headings ("Related", "More from ...", "You may also like") with the
    headline lines listed under them, and inline "Related: ..." links."""
    return _own(paragraphs, ctx, "related")


def detect_bio(paragraphs: Sequence[Paragraph], ctx: Context) -> dict[int, Verdict]:
    """Author bios: a bio sentence with a way to reach the author, or at the article's end.
    Fields: author, author_role and outlet when the bio names them."""
    return _own(paragraphs, ctx, "bio")


def detect_boilerplate(paragraphs: Sequence[Paragraph], ctx: Context) -> dict[int, Verdict]:
    """Comment policies, newsletter/share/app/cookie prompts, advert markers, "Read more:" and
    "Click here" lines, and short headings next to such furniture at the end."""
    return _own(paragraphs, ctx, "boilerplate")


#: In order; the first verdict on a paragraph wins. Context-free detectors come first;
#: the last three are settled together (:func:`settled_verdicts`) and see all of them.
DETECTORS: tuple[Detector, ...] = (
    detect_embeds,
    detect_copyright,
    detect_captions,
    detect_related,
    detect_bio,
    detect_boilerplate,
)
