"""The attribution cue lexicon: speech, belief and report verbs, and "according to".

The word forms and their counts live in ``corroborate/data/lexicons/cues.tsv``,
mined from the PolNeAR train split (``python -m corroborate.eval.polnear
--mine-cues``): how often each form was annotated as a cue, how often it
occurs, and how often the extractor's attributions on it matched gold. Forms in
:data:`CORE_CUES` are always kept so that ordinary reporting verbs work on any
text, whatever the corpus happened to contain.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from .word_lists import word_list

LEXICON_PATH = Path(__file__).resolve().parents[1] / "data" / "lexicons" / "cues.tsv"

#: Forms every text gets, whatever the mined statistics say.
CORE_CUES = word_list("core_cues")
#: Cues whose addressee comes between the verb and what was said ("told reporters that ...").
OBJECT_CUES = word_list("object_cues")
#: Words before a cue that belong to it in PolNeAR ("has said", "also told", "would later add").
AUXILIARIES = word_list("auxiliaries")
ACCORDING = "according_to"


def form_key(words: str) -> str:
    """A lexicon key: lower case, words joined by ``_``.

    >>> form_key("According  to")
    'according_to'
    """
    return "_".join(words.lower().split())


def read_lexicon(path: Path = LEXICON_PATH) -> tuple[frozenset[str], frozenset[str]]:
    """Forms marked kept in the mined TSV (``form gold text found matched keep object``), plus the
    core; and the kept forms whose content is a short noun phrase ("endorsed Cruz")."""
    kept, objects = set(CORE_CUES), set()
    if path.exists():
        for line in path.read_text(encoding="utf-8").splitlines():
            cols = line.split("\t")
            if line.startswith("#") or len(cols) < 7 or cols[0] == "form":
                continue
            if cols[5].strip() == "1":
                kept.add(cols[0])
                if cols[6].strip() == "1":
                    objects.add(cols[0])
    return frozenset(kept), frozenset(objects)


class CueMatch(NamedTuple):
    start: int
    end: int
    form: str


class CueLexicon:
    """Finds cue forms in text: a regex built as a character trie of their first words finds
    candidates (a plain alternation of hundreds of words was the slowest part of extraction),
    a dict completes multi-word forms.

    >>> lex = CueLexicon(["said", "according_to"])
    >>> [m.form for m in lex.find("Unsaid, he said. According to him...", 0, 36)]
    ['said', 'according_to']
    """

    def __init__(self, forms: Iterable[str], objects: Iterable[str] = ()) -> None:
        self.forms = frozenset(forms)
        #: forms whose content is the noun phrase after them ("endorsed Cruz last week")
        self.objects = frozenset(objects)
        self._first: dict[str, list[tuple[str, ...]]] = {}
        for form in self.forms:
            head, *rest = form.split("_")
            self._first.setdefault(head, []).append(tuple(rest))
        for tails in self._first.values():
            tails.sort(key=len, reverse=True)
        body = trie_regex(sorted(self._first)) or "(?!)"
        self._pattern = re.compile(r"(?<![\w’'-])(?:" + body + r")(?![\w’'-])", re.IGNORECASE)
        # The same regex without case folding, for lower-cased text: twice as fast to scan.
        plain = all(_PLAIN_HEAD.fullmatch(head) for head in self._first)
        self._lowered = re.compile(self._pattern.pattern) if plain else None
        #: [a text seen once, (that text, head starts, heads) once it is seen again]
        self._last: list = [None, None]

    def find(self, text: str, lo: int, hi: int) -> list[CueMatch]:
        """Cue forms in ``text[lo:hi]``, whole words only, any letter case, longest form first."""
        out = []
        whole = self._whole_text_heads(text)
        if whole is None or (hi < len(text) and not text[hi].isspace()):
            heads: Iterable[tuple[int, int, str]] = self._heads(text, lo, hi)
        else:  # the unit's heads are the whole text's, its end being a space (or the text's)
            starts, found = whole
            heads = found[bisect.bisect_left(starts, lo) : bisect.bisect_left(starts, hi)]
        for start, end, head in heads:
            tails = self._first[head]
            if tails == _ONE_WORD:  # most cues ("said"): nothing to complete
                out.append(CueMatch(start, end, head))
            else:
                out.extend(self._match_tail(text, start, end, hi, head, tails))
        return out

    def _heads(self, text: str, lo: int, hi: int) -> Iterator[tuple[int, int, str]]:
        """(start, end, lower-cased word) of the cues' first words in ``text[lo:hi]``.

        On the lower-cased stretch (and the character before it, for the word edge) the regex
        without case folding finds the same words: a character is a word character exactly when
        its lower case is, and matches a letter of ASCII first words exactly when its lower case
        is that letter -- for every code point but "ı" and "ſ", which fold onto "i" and "s".
        A stretch holding either, or one whose lower case changes its length, takes the slow way.
        """
        lo, hi = max(lo, 0), max(hi, 0)  # as the regex reads them, not as slices do
        base = max(lo - 1, 0)
        stretch = text[base:hi]
        low = stretch.lower()
        if self._lowered is not None and len(low) == len(stretch) and "ı" not in low and "ſ" not in low:
            for m in self._lowered.finditer(low, lo - base):
                yield m.start() + base, m.end() + base, m.group()
            return
        for m in self._pattern.finditer(text, lo, hi):
            head = m.group().lower()  # "ſaid" or a Kelvin-sign "K" match by case folding only
            head = head if head in self._first else m.group().casefold()
            if head in self._first:
                yield m.start(), m.end(), head

    def _whole_text_heads(self, text: str) -> tuple[list[int], list[tuple[int, int, str]]] | None:
        """:meth:`_heads` of the whole text, found once when the text is asked for again (as each
        of its units is), if its lower case is the fast scan's: one character for one, no "ı" or
        "ſ", no capital sigma (which lowers by context). None otherwise."""
        cached = self._last[1]
        if cached is not None and cached[0] is text:
            return cached[1]
        if self._last[0] is not text:
            self._last[0] = text  # a one-off text is not worth scanning whole
            return None
        low = text.lower()
        whole = None
        if (
            self._lowered is not None
            and len(low) == len(text)
            and not ("ı" in low or "ſ" in low or "Σ" in text)
        ):
            found = [(m.start(), m.end(), m.group()) for m in self._lowered.finditer(low)]
            whole = ([h[0] for h in found], found)
        self._last[1] = (text, whole)
        return whole

    @staticmethod
    def _match_tail(
        text: str, start: int, end: int, hi: int, head: str, tails: list[tuple[str, ...]]
    ) -> list[CueMatch]:
        for tail in tails:
            pos = end
            for word in tail:
                nxt = _NEXT_WORD.match(text, pos, hi)
                if nxt is None or nxt.group(1).lower() != word:
                    break
                pos = nxt.end()
            else:
                return [CueMatch(start, pos, "_".join((head, *tail)))]
        return []


#: The tails of a first word that is a whole form and starts no longer one.
_ONE_WORD: list[tuple[str, ...]] = [()]

#: First words whose letters are all ones the fast lower-case scan is exact for.
_PLAIN_HEAD = re.compile(r"[a-z0-9_'’-]+")


def trie_regex(words: list[str]) -> str:
    """A regex matching exactly ``words``, factored as a character trie (fast in ``re``).

    >>> trie_regex(["said", "say", "says", "told"])
    '(?:sa(?:id|y(?:s)?)|told)'
    """
    groups: dict[str, list[str]] = {}
    ends = False
    for w in words:
        if w:
            groups.setdefault(w[0], []).append(w[1:])
        else:
            ends = True
    if not groups:
        return ""
    parts = [re.escape(ch) + _trie_tail(rest) for ch, rest in sorted(groups.items())]
    body = parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"
    return f"(?:{body})?" if ends else body


def _trie_tail(rest: list[str]) -> str:
    """The regex for what may follow a shared first character, merging a single chain."""
    if len(rest) == 1:
        return re.escape(rest[0])
    return trie_regex(rest)


_NEXT_WORD = re.compile(r"\s+([\w’'-]+)")


@lru_cache(maxsize=1)
def cue_lexicon() -> CueLexicon:
    """The cue finder of the shipped lexicon, built once."""
    return CueLexicon(*read_lexicon())


_PARTICLES = frozenset(["to", "out", "for", "on", "clear", "about", "of"])


@lru_cache(maxsize=4096)  # claims and framing ask for the same few cues ("said") again and again
def head_form(cue: str) -> str:
    """The lexicon key of a cue as annotated: auxiliaries and a colon dropped, particle kept.

    >>> head_form("has also said:"), head_form("According to"), head_form("called for")
    ('said', 'according_to', 'called_for')
    """
    words = [w for w in re.findall(r"[\w’'-]+", cue.lower())]
    i = 0
    while i < len(words) - 1 and words[i] in AUXILIARIES:
        i += 1
    if not words:
        return ""
    if i + 1 < len(words) and words[i + 1] in _PARTICLES:
        return f"{words[i]}_{words[i + 1]}"
    return words[i]
