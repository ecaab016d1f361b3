"""The inverted index: term -> stories listed under it, most recently updated last.

Most terms a story is indexed under are rare (names, figures), so most
posting lists hold a single story.  Such a list is stored as the bare story
instead of a one-entry dict, which saves about 200 bytes per list -- the
difference between fitting the per-article memory budget and not.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import islice

from .story import Story


class Postings:
    """Ordered posting lists with move-to-end updates and bounded scans."""

    __slots__ = ("_lists",)

    def __init__(self) -> None:
        self._lists: dict[int, Story | dict[Story, None]] = {}

    def __len__(self) -> int:
        return len(self._lists)

    def touch(self, term: int, story: Story) -> None:
        """List ``story`` under ``term`` as the most recently updated entry."""
        current = self._lists.get(term)
        if current is None:
            self._lists[term] = story
        elif isinstance(current, Story):
            if current is not story:
                self._lists[term] = {current: None, story: None}
        else:
            current.pop(story, None)
            current[story] = None

    def remove(self, term: int, story: Story) -> None:
        """Drop ``story`` from ``term``'s list (no-op if absent)."""
        current = self._lists.get(term)
        if current is story:
            del self._lists[term]
        elif isinstance(current, dict):
            current.pop(story, None)
            if len(current) == 1:
                self._lists[term] = next(iter(current))

    def recent(self, term: int, limit: int) -> Iterator[Story]:
        """At most ``limit`` stories under ``term``, most recently updated first."""
        current = self._lists.get(term)
        if current is None:
            return iter(())
        if isinstance(current, Story):
            return iter((current,))
        return islice(reversed(current), limit)
