"""Tokens for mention finding: words with offsets, possessives split off, sentence starts marked.

One precompiled regex does the work, so tokenising a 4 KB article stays well under a millisecond.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from itertools import compress, count, pairwise
from operator import itemgetter
from typing import NamedTuple

# Abbreviations that end with a full stop but never end a sentence in news copy
# (titles, months, company forms); kept as one token so "Lt. Col. Ruth" stays one run.
_ABBREVIATIONS = (
    "Mrs|Mr|Ms|Dr|Prof|Gen|Lt|Col|Sgt|Capt|Maj|Adm|Cmdr|Brig|Sen|Rep|Gov|Rev|St|Jr|Sr|Pres|Insp|Supt|Hon|Amb"
    "|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec|Inc|Corp|Co|Ltd|No|vs|etc"
)
# Leading whitespace is part of each match, so the regex never restarts on a blank; one lookahead
# (a word run ending in a full stop) guards the rarer alternatives so ordinary words fail them at once.
_TOKEN = re.compile(
    r"\s*+(?:(?=[\w-]++\.)(?:(?P<acro>(?:[A-Z]\.){2,})"
    rf"|(?=[A-Za-z]{{1,4}}+\.)(?:(?P<abbr>\b(?:{_ABBREVIATIONS})\.)|(?P<init>\b[A-Z]\.(?=\s+[A-Z])))"
    r"|(?=[\w-]++\.\w)(?P<url>\b[\w-]++(?:\.[\w-]++)+(?<=\.com|\.org|\.net|\.gov|\.edu|\.int)\b))"
    r"|(?P<word>[^\W_]++(?:(?:-|['’](?!s\b))[^\W_]++|_++[^\W_]*+)*+)"
    r"|(?P<poss>['’]s\b|(?<=s)['’](?![^\W_]))"
    r"|(?P<punct>\S))"
)
# Group number -> token type (no group nests in another, so ``lastindex`` is the token's own group).
_KINDS = (None, *sorted(_TOKEN.groupindex, key=_TOKEN.groupindex.__getitem__))
_WORD, _PUNCT = _TOKEN.groupindex["word"], _TOKEN.groupindex["punct"]
_SENTENCE_END = frozenset(".!?…:")
# Quotes and brackets between a full stop and a word do not change whether the word starts a sentence.
_TRANSPARENT = frozenset("\"“”‘’'()[]«»")
# An abbreviation that can close a sentence ("... in the U.S. Then ...") is not in this set.
_NON_FINAL_ABBR = frozenset(
    a + "." for a in _ABBREVIATIONS.split("|") if a not in {"Inc", "Corp", "Co", "Ltd", "etc", "Jr", "Sr"}
)


class Token(NamedTuple):
    start: int
    end: int
    text: str
    #: acro | abbr | init | url | word | poss | punct
    type: str
    #: begins with an upper-case letter
    cap: bool
    #: first word of a sentence (after any opening quote)
    initial: bool
    #: a line break lies between this token and the previous one
    newline: bool
    #: index of the line (paragraph) holding the token
    line: int


# Field getters for C-speed scans of a token list (``map(NEWLINE, tokens)``).
START, TEXT, TYPE, CAP = (itemgetter(Token._fields.index(f)) for f in ("start", "text", "type", "cap"))
NEWLINE = itemgetter(Token._fields.index("newline"))


@lru_cache(maxsize=2)
def tokenize(text: str) -> list[Token]:
    """Split ``text`` into tokens and mark sentence starts and line breaks.

    Cached, because mention finding and resolution read the same article: treat the result as read-only.
    Two entries are enough for that (articles are extracted one at a time); more only keep the
    token lists of finished articles alive, which made extraction measurably slower.

    >>> [t.text for t in tokenize("Russia's U.S. envoy, Mr. O'Neil.")]
    ['Russia', "'s", 'U.S.', 'envoy', ',', 'Mr.', "O'Neil", '.']
    """
    tokens: list[Token] = []
    line, expect_start = 0, True
    append, new = tokens.append, tuple.__new__  # tuple.__new__: the fast NamedTuple build
    # The next line break (the end of the text when none: ``-1 % (size + 1)``): a token starts
    # a line when it lies past it, since tokens hold no whitespace.
    find, size = text.find, len(text)
    nl = find("\n") % (size + 1)
    for m in _TOKEN.finditer(text):
        group = m.lastindex or 0  # never 0: every alternative is a group
        start, end = m.span(group)
        word = text[start:end]
        newline = nl < start
        if newline:
            line += 1
            expect_start = True
            nl = find("\n", end) % (size + 1)
        if group == _WORD:  # most tokens: one branch each for words and punctuation
            append(new(Token, (start, end, word, "word", word[0].isupper(), expect_start, newline, line)))
            expect_start = False
        elif group == _PUNCT:
            append(new(Token, (start, end, word, "punct", False, False, newline, line)))
            if word not in _TRANSPARENT:
                expect_start = word in _SENTENCE_END
        else:
            kind = _KINDS[group]
            initial = expect_start and kind != "poss"
            append(new(Token, (start, end, word, kind, word[0].isupper(), initial, newline, line)))
            # Only an abbreviation that may close a sentence ("etc.") lets the next word start one.
            expect_start = kind == "abbr" and word not in _NON_FINAL_ABBR
    return tokens


def headline_lines(tokens: list[Token]) -> frozenset[int]:
    """Lines written in title case or all capitals, where capitals say little about names.

    >>> sorted(headline_lines(tokenize("Leader Says Plan Could Work Soon\\nThe leader said it could work.")))
    [0]
    """
    starts = [0, *where(map(NEWLINE, tokens)), len(tokens)]
    out = set()
    for a, b in pairwise(starts):
        # Headlines are short; a long line in title case is running text full of names.
        if not 0 < b - a <= 40 or not _may_be_headline(tokens[a:b]):
            continue
        words = [t.text for t in tokens[a:b] if t.type == "word"]
        long = [w for w in words if len(w) > 3 and w.isalpha()]
        if len(long) < 3:
            continue
        need = 0.7 * len(long)
        shouting = sum(map(str.isupper, long)) >= need
        # A headline has no closing full stop; a sentence in title case would.
        titled = tokens[b - 1].text not in _SENTENCE_END and sum(w[0].isupper() for w in long) >= need
        if shouting or (titled and len(words) <= 20):
            out.add(tokens[a].line)
    return frozenset(out)


def _may_be_headline(line: list[Token]) -> bool:
    """A cheap bound, tested before the word lists: both shouting and title case need three
    capitalised words; with a closing full stop only shouting is left, which needs three in capitals."""
    if sum(map(CAP, line)) < 3:
        return False
    return line[-1].text not in _SENTENCE_END or sum(map(str.isupper, map(TEXT, line))) >= 3


def where(flags: Iterable[object]) -> list[int]:
    """Indices of the true items of ``flags``.

    With ``map`` over a token list this scans a whole article at C speed, leaving Python code only
    for the few tokens that matter (line starts, capitals, pronouns).

    >>> where([0, 1, True, "", "x"])
    [1, 2, 4]
    """
    return list(compress(count(), flags))
