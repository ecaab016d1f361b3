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

from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property

import numpy as np

Edit = tuple[int, int, str]
#: (clean_start, raw_start, clean_len, raw_len, exact): ``exact`` 1 means character i of the
#: run comes from raw character raw_start + i; 0 means the run as a whole stands for the raw range.
Segment = tuple[int, int, int, int, int]


@dataclass(frozen=True)
class TrackedText:
    text: str
    starts: np.ndarray  # raw start of each character (int64)
    ends: np.ndarray  # raw end of each character (int64)
    raw_length: int

    @classmethod
    def from_raw(cls, raw: str) -> TrackedText:
        n = len(raw)
        starts = np.arange(n, dtype=np.int64)
        return cls(raw, starts, starts + 1, n)

    def edit(self, edits: Iterable[Edit]) -> TrackedText:
        """Replace non-overlapping ``(start, end, replacement)`` ranges.

        A replacement stands for the whole raw range of what it replaces.
        An insertion (start == end) stands for the empty raw range at that point.
        """
        pieces: list[str] = []
        starts: list[np.ndarray] = []
        ends: list[np.ndarray] = []
        pos = 0
        for start, end, new in sorted(edits):
            if start < pos or end < start or end > len(self.text):
                raise ValueError(f"overlapping or out-of-range edit {(start, end)}")
            raw_start, raw_end = self.raw_range(start, end)
            pieces += [self.text[pos:start], new]
            starts += [self.starts[pos:start], np.full(len(new), raw_start, dtype=np.int64)]
            ends += [self.ends[pos:start], np.full(len(new), raw_end, dtype=np.int64)]
            pos = end
        pieces.append(self.text[pos:])
        starts.append(self.starts[pos:])
        ends.append(self.ends[pos:])
        return TrackedText("".join(pieces), np.concatenate(starts), np.concatenate(ends), self.raw_length)

    def raw_range(self, start: int, end: int) -> tuple[int, int]:
        """The raw range that clean characters ``[start, end)`` come from."""
        if end > start:
            return int(self.starts[start]), int(self.ends[end - 1])
        if start < len(self.text):
            return int(self.starts[start]), int(self.starts[start])
        last = int(self.ends[-1]) if self.text else self.raw_length
        return last, last

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
    def from_arrays(cls, starts: np.ndarray, ends: np.ndarray, raw_length: int) -> OffsetMap:
        starts, ends = np.asarray(starts, dtype=np.int64), np.asarray(ends, dtype=np.int64)
        if not len(starts):
            return cls((), raw_length)
        exact = ends - starts == 1
        # A character continues the run before it when both are exact and consecutive,
        # or both stand for the same replaced raw range.
        same_exact_run = exact[1:] & exact[:-1] & (starts[1:] == starts[:-1] + 1)
        same_piece = ~exact[1:] & ~exact[:-1] & (starts[1:] == starts[:-1]) & (ends[1:] == ends[:-1])
        heads = np.concatenate(([0], np.flatnonzero(~(same_exact_run | same_piece)) + 1))
        lasts = np.concatenate((heads[1:], [len(starts)])) - 1
        rows = zip(heads.tolist(), starts[heads].tolist(), (lasts - heads + 1).tolist(),
                   (ends[lasts] - starts[heads]).tolist(), exact[heads].astype(int).tolist(), strict=True)  # fmt: skip
        return cls(tuple(rows), raw_length)

    @cached_property
    def _segment_starts(self) -> list[int]:
        return [segment[0] for segment in self.segments]

    def _locate(self, i: int) -> Segment | None:
        at = bisect_right(self._segment_starts, i)
        return self.segments[at - 1] if at else None

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
        seg = self._locate(start)
        # Most spans lie inside one run of unchanged characters: one lookup, plain arithmetic.
        if seg is not None and seg[4] and end <= seg[0] + seg[2]:
            return seg[1] + (start - seg[0]), seg[1] + (end - seg[0])
        return self.raw_start(start), self.raw_end(end)

    def to_json(self) -> list[list[int]]:
        return [list(s) for s in self.segments]

    @classmethod
    def from_json(cls, data: Sequence[Sequence[int]], raw_length: int) -> OffsetMap:
        return cls(tuple((int(a), int(b), int(c), int(d), int(e)) for a, b, c, d, e in data), raw_length)
