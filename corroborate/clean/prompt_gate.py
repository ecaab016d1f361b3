"""A quick test that a paragraph cannot score as a prompt, run before scoring it.

:func:`~.boilerplate.prompt_score` is 0 unless a paragraph reads as a widget label (only
widget words, a self-evident marker, a row of links) or addresses the reader ("you",
"please", an imperative, the site's own voice). Most paragraphs are reporting that does
neither, and :func:`may_score` finds that out with the cheapest form of each of those tests:
the keys of the ones that may match anywhere, and one pattern for the ones that may only
match at the start (tests/test_clean_fast_path.py checks it against scoring every paragraph).
"""

from __future__ import annotations

import re

from .vocab import (
    _IMPERATIVE_FIRST,
    _IMPERATIVE_LATER,
    SELF_EVIDENT_AT_START,
    fold,
    is_label,
    is_link_row,
    site_voice,
)

#: What a prompt may open with: an imperative, "We"/"Our" (the site speaks), a self-evident
#: marker. One pattern for the three, which the regex engine tries at once.
_OPENING = re.compile(
    rf"{_IMPERATIVE_FIRST.pattern}|^(?:we|our)\b|{SELF_EVIDENT_AT_START.pattern}", re.IGNORECASE
)


def may_score(text: str) -> bool:
    """False when ``text`` is neither a label nor addressed to the reader, so it scores 0.

    >>> may_score("Share this article"), may_score("It was cold. Tell us your story.")
    (True, True)
    >>> may_score("The ferry left at noon, an hour late.")
    False
    """
    low = fold(text)
    # Keys of the tests that may match anywhere: second person (SECOND_PERSON_KEYS), and the
    # one self-evident marker that need not open the paragraph ("... continues below the ad").
    if "you" in low or "please" in low or "continue" in low:
        return True
    if _OPENING.match(text) or _IMPERATIVE_LATER.search(text, 1):
        return True
    if ("our " in low or "this " in low) and site_voice(text, low):
        return True
    return is_label(text) or is_link_row(text)
