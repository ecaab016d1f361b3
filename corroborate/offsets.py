"""Text that remembers where each of its characters came from.

Cleaning edits text (repairs mojibake, removes boilerplate, normalises
paragraph breaks). :class:`TrackedText` applies such edits while keeping, for
every character, the range of the decoded input it stands for, so that any
span of the clean text can be traced back to the exact source characters.

>>> t = TrackedText.from_raw("Hello  world")
>>> t = t.edit([(5, 7, " ")])
>>> t.text, t.raw_range(6, 11)
('Hello world', (7, 12))
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

Edit = tuple[int, int, str]
#: (clean_start, raw_start, clean_len, raw_len, exact): ``exact`` 1 means character i of the
#: run comes from raw character raw_start + i; 0 means the run as a whole stands for the raw range.
Segment = tuple[int, int, int, int, int]


@dataclass(frozen=True)
class TrackedText:
    text: str
    starts: array  # raw start of each character
    ends: array  # raw end of each character
    raw_length: int

    @classmethod
    def from_raw(cls, raw: str) -> TrackedText:
        n = len(raw)
        return cls(raw, array("l", range(n)), array("l", range(1, n + 1)), n)

    def edit(self, edits: Iterable[Edit]) -> TrackedText:
        """Replace non-overlapping ``(start, end, replacement)`` ranges.

        A replacement stands for the whole raw range of what it replaces.
        An insertion (start == end) stands for the empty raw range at that point.
        """
        pieces, starts, ends = [], array("l"), array("l")
        pos = 0
        for start, end, new in sorted(edits):
            if start < pos or end < start or end > len(self.text):
                raise ValueError(f"overlapping or out-of-range edit {(start, end)}")
            pieces.append(self.text[pos:start])
            starts.extend(self.starts[pos:start])
            ends.extend(self.ends[pos:start])
            raw_start, raw_end = self.raw_range(start, end)
            pieces.append(new)
            starts.extend([raw_start] * len(new))
            ends.extend([raw_end] * len(new))
            pos = end
        pieces.append(self.text[pos:])
        starts.extend(self.starts[pos:])
        ends.extend(self.ends[pos:])
        return TrackedText("".join(pieces), starts, ends, self.raw_length)

    def raw_range(self, start: int, end: int) -> tuple[int, int]:
        """The raw range that clean characters ``[start, end)`` come from."""
        if end > start:
            return self.starts[start], self.ends[end - 1]
        if start < len(self.text):
            return self.starts[start], self.starts[start]
        return (self.ends[-1], self.ends[-1]) if self.text else (self.raw_length, self.raw_length)

    def offset_map(self) -> OffsetMap:
        return OffsetMap.from_arrays(self.starts, self.ends, self.raw_length)


@dataclass(frozen=True)
class OffsetMap:
    """A compact clean→raw map: runs of identity characters and replaced pieces.

    >>> m = TrackedText.from_raw("caf\\u00c3\\u00a9 ok").edit([(3, 5, "\\u00e9")]).offset_map()
    >>> m.segments
    ((0, 0, 3, 3, 1), (3, 3, 1, 2, 0), (4, 5, 3, 3, 1))
    >>> m.raw_range(3, 6)
    (3, 7)
    """

    segments: tuple[Segment, ...]
    raw_length: int

    @classmethod
    def from_arrays(cls, starts: Sequence[int], ends: Sequence[int], raw_length: int) -> OffsetMap:
        segments: list[Segment] = []
        i, n = 0, len(starts)
        while i < n:
            j = i + 1
            exact = int(ends[i] - starts[i] == 1)
            if exact:
                while j < n and starts[j] == starts[j - 1] + 1 and ends[j] - starts[j] == 1:
                    j += 1
            else:
                while j < n and starts[j] == starts[i] and ends[j] == ends[i]:
                    j += 1
            segments.append((i, starts[i], j - i, ends[j - 1] - starts[i], exact))
            i = j
        return cls(tuple(segments), raw_length)

    def _locate(self, i: int) -> Segment | None:
        lo, hi = 0, len(self.segments)
        while lo < hi:
            mid = (lo + hi) // 2
            if self.segments[mid][0] <= i:
                lo = mid + 1
            else:
                hi = mid
        return self.segments[lo - 1] if lo else None

    def raw_start(self, i: int) -> int:
        seg = self._locate(i)
        if seg is None:
            return 0
        c0, r0, clen, rlen, exact = seg
        if i >= c0 + clen:
            return r0 + rlen
        return r0 + (i - c0) if exact else r0

    def raw_end(self, i: int) -> int:
        """Raw end of clean position ``i`` used as an exclusive end."""
        if i <= 0:
            return self.raw_start(0)
        seg = self._locate(i - 1)
        if seg is None:
            return 0
        c0, r0, clen, rlen, exact = seg
        return r0 + (i - c0) if exact else r0 + rlen

    def raw_range(self, start: int, end: int) -> tuple[int, int]:
        if end <= start:
            pos = self.raw_start(start)
            return pos, pos
        return self.raw_start(start), self.raw_end(end)

    def to_json(self) -> list[list[int]]:
        return [list(s) for s in self.segments]

    @classmethod
    def from_json(cls, data: Sequence[Sequence[int]], raw_length: int) -> OffsetMap:
        return cls(tuple((int(a), int(b), int(c), int(d), int(e)) for a, b, c, d, e in data), raw_length)
