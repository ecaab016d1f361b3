"""Which paragraphs of an article hold a prefilter key, found for the whole article at once.

A detector's prefilter is a few strings one of which every match of its pattern contains
(tests/test_clean_prefilter.py proves them). Asked of each paragraph, that is a call and a
few substring tests per paragraph, though nearly all hold none. Asked of the article's
paragraphs joined by line breaks, one substring search per key finds the few that do: no key
holds a line break, so each occurrence lies inside one paragraph, and every other paragraph
provably holds no key, so the detector would find nothing there.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Sequence

from .paragraphs import Paragraph
from .vocab import fold


class KeyScan:
    """One article's paragraphs as one text (and folded, see :func:`fold`), searched for keys.

    >>> scan = KeyScan([Paragraph(i, 0, 0, t) for i, t in enumerate(["A b", "© 2024", "Sign UP"])])
    >>> scan.holding(("©", "sign up"), folded=True), scan.holding(("sign up",), folded=False)
    ([1, 2], [])
    """

    def __init__(self, paragraphs: Sequence[Paragraph]) -> None:
        self.texts = [p.text for p in paragraphs]
        self.text = "\n".join(self.texts)
        #: Where each paragraph starts in ``text``, and the end of the text after the last.
        self.starts = [0, *itertools.accumulate(len(t) + 1 for t in self.texts)]
        self._folded: str | None = None

    @property
    def folded(self) -> str:
        """``fold`` of each paragraph, joined as ``text`` is (folding keeps positions)."""
        if self._folded is None:
            self._folded = "\n".join(map(fold, self.texts))
        return self._folded

    def holding(self, keys: Sequence[str], folded: bool) -> list[int]:
        """Positions (in order) of the paragraphs that hold one of ``keys``, looked for in
        their folded text when ``folded``; no other paragraph holds one."""
        text = self.folded if folded else self.text
        found: set[int] = set()
        for key in keys:
            assert key and "\n" not in key, key  # else an occurrence could span two paragraphs
            at = text.find(key)
            while at >= 0:
                i = bisect.bisect_right(self.starts, at) - 1
                found.add(i)
                at = text.find(key, self.starts[i + 1])  # this paragraph is found: on to the next
        return sorted(found)


#: The last articles scanned, newest first: the detectors of one article ask in turn.
_RECENT: list[tuple[tuple[Paragraph, ...], KeyScan]] = []


def key_scan(paragraphs: Sequence[Paragraph]) -> KeyScan:
    """The :class:`KeyScan` of ``paragraphs``, made once for the detectors of one article.

    Looked up by equality (comparing the same paragraph objects is quick), so equal
    paragraphs always get a scan of the same text.
    """
    key = tuple(paragraphs)
    found = next((scan for asked, scan in _RECENT if len(asked) == len(key) and asked == key), None)
    if found is None:
        found = KeyScan(key)
        _RECENT[:] = [(key, found), *_RECENT[:3]]
    return found
