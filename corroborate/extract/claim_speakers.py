"""Who asserts a reported statement: the local entity behind each attribution's source.

The source extent is matched to the mentions inside it (the last one that is no place wins:
"Zablotsky's chief of staff Taras Boyko" is Boyko). A pronoun the resolver left open
("he added") goes to :func:`~corroborate.extract.resolve.resolve_pronoun`, else to the last
speaker of the same gender a little earlier, the news convention; an attribution without a
source ("..., Ruth Adeyemi was reported as saying") takes a name right before its cue.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence

from .base import Attribution, Extent
from .entities import MentionExpr
from .resolve import resolve_pronoun

#: How far back (characters) a pronoun may reach for an earlier speaker or person.
REACH = 1500
#: How far before a cue a name may end to be the speaker of a sourceless attribution.
_CUE_REACH = 40


class Speakers:
    """The speaker entity of every attribution of one article, computed once, in order."""

    def __init__(
        self,
        text: str,
        attributions: Sequence[Attribution],
        mentions: Sequence[MentionExpr],
        mention_entities: Sequence[int],
    ) -> None:
        self.text = text
        self.mentions = mentions
        # one entity per mention, -1 for those past the end of ``mention_entities``
        self.ents = list(mention_entities[: len(mentions)])
        self.ents += [-1] * (len(mentions) - len(self.ents))
        self.starts = [m.start for m in mentions]
        self.genders = _entity_genders(mentions, self.ents)
        self._recent: list[tuple[int, int]] = []  # (position, entity) of speakers found so far
        order = sorted(range(len(attributions)), key=lambda i: _position(attributions[i]))
        self._found: dict[int, int | None] = {}
        for i in order:
            self._found[i] = self._speaker(attributions[i])

    def entity(self, index: int) -> int | None:
        """The local entity number of attribution ``index``'s speaker, or None."""
        return self._found.get(index)

    def _speaker(self, a: Attribution) -> int | None:
        pos = _position(a)
        if a.source is not None:
            found = self._in_source(a.source, pos)
        elif a.cue is not None:
            found = self._before(a.cue.start)
        else:
            found = None
        if found is not None:
            self._recent.append((pos, found))
        return found

    def _overlapping(self, src: Extent) -> list[int]:
        """Indexes of the mentions overlapping ``src``."""
        lo, hi, mentions = src.start, src.end, self.mentions
        k = max(0, bisect_left(self.starts, lo) - 1)
        out = []
        while k < len(mentions) and mentions[k].start < hi:
            if mentions[k].end > lo:
                out.append(k)
            k += 1
        return out

    def in_extent(self, src: Extent) -> int | None:
        """The entity a source phrase names: its last mention that is no place, else its last one."""
        last = named = -1
        for k in self._overlapping(src):
            if self.ents[k] >= 0:
                last = k
                named = k if self.mentions[k].kind != "PLACE" else named
        return None if last < 0 else self.ents[named if named >= 0 else last]

    def _in_source(self, src: Extent, pos: int) -> int | None:
        found = self.in_extent(src)
        if found is not None:
            return found
        inside = self._overlapping(src)
        pronoun = next((k for k in inside if self.mentions[k].is_pronoun), None)
        if pronoun is None or self.mentions[pronoun].gender not in ("m", "f"):
            return None
        return self._pronoun(pronoun, pos)

    def _pronoun(self, k: int, pos: int) -> int | None:
        """A he/she source: the resolver's antecedent, else a recent speaker of that gender."""
        try:
            j = resolve_pronoun(self.text, self.mentions, k, self.ents)
        except (IndexError, ValueError):  # inconsistent inputs (hand-made mentions) must not stop claims
            j = None
        if j is not None and self.ents[j] >= 0:
            return self.ents[j]
        gender = self.mentions[k].gender
        for where, entity in reversed(self._recent):
            if pos - where > REACH:
                break
            if self.genders.get(entity, gender) == gender:
                return entity
        return None

    def _before(self, cue_start: int) -> int | None:
        """A named person or organisation ending just before a cue."""
        k = bisect_left(self.starts, cue_start) - 1
        while k >= 0 and self.mentions[k].end > cue_start:
            k -= 1
        if k < 0 or cue_start - self.mentions[k].end > _CUE_REACH or self.ents[k] < 0:
            return None
        return self.ents[k] if self.mentions[k].kind in ("PERSON", "ORG", "OTHER") else None


def _position(a: Attribution) -> int:
    return a.cue.start if a.cue is not None else a.content.start


def _entity_genders(mentions: Sequence[MentionExpr], ents: list[int]) -> dict[int, str]:
    """Entity -> "m" / "f" from its named mentions (given names, honorifics, role nouns)."""
    out: dict[int, str] = {}
    for m, k in zip(mentions, ents, strict=False):
        if k >= 0 and not m.is_pronoun and m.gender in ("m", "f"):
            out.setdefault(k, m.gender)
    return out
