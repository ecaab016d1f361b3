"""Capitalised runs: the stretches of name words mention finding starts from.

A run is a maximal sequence of capitalised words (plus particles such as "of" or "von"),
leaving out sentence-initial ordinary words, dates, social-media handles, mis-decoded text,
and, in headline lines, words not seen capitalised in running text.
"""

from __future__ import annotations

import re

from .mention_context import TIME_WORDS, Ctx
from .mention_phrases import Scan
from .mention_tokens import CAP, where
from .namekeys import NAME_CONNECTORS

_CONNECTORS = NAME_CONNECTORS
_PARTICLE_NAME = re.compile(r"^(?:al|el|bin|ibn|abu|de|van|von|d)[-'’][A-Z]")
# Mis-decoded text ("ÐÐ¾Ð»") has Latin-1 symbols or runs of these capitals; no name looks like that.
_CONTRACTION = re.compile(r"['’][a-z]{1,2}$")  # "I'm", "We've": never names (unlike "O'Neil")
# Function words written with a capital ("Follow Pam Key On Twitter") are never part of a name.
_BREAKER_WORDS = (
    "on in at to for and or an by with from as into onto upon is are was were be been has have had do does "
    "did would could should might not but if than that this these those there here then so yet nor says said"
)
_BREAKERS = frozenset(_BREAKER_WORDS.split())
_JOINER = re.compile(r"[-'’]")
_GARBLED = re.compile(r"[\u0080-\u00bf]|[ÃÂÐÑ].*[ÃÂÐÑ]|^[^\x00-\x7f]$")


def scan_runs(ctx: Ctx) -> Scan:
    """Find the runs of ``ctx`` and index them by first and last token."""
    run_end: dict[int, int] = {}
    for a, b in _runs(ctx):
        run_end[a] = b
    # Words that stand alone as a name somewhere ("Apple", "Jobs"): organisations go by their
    # first word, people by their last.
    alone = frozenset(ctx.words[a] for a, b in run_end.items() if b - a == 1 and not ctx.toks[a].initial)
    # "Harbour Freight" is the organisation "Harbour Freight Inc." written elsewhere without its suffix.
    stems = frozenset(
        tuple(ctx.words[a : b - 1])
        for a, b in run_end.items()
        if b - a > 2 and ctx.words[b - 1] in ctx.gaz.org_suffixes
    )
    return Scan(ctx, run_end, {b - 1: a for a, b in run_end.items()}, bytearray(len(ctx.toks)), alone, stems)


def _common_at_start(ctx: Ctx, i: int) -> bool:
    """Is a sentence-initial capitalised word just an ordinary word?"""
    word, low = ctx.words[i], ctx.lower[i]
    if low in ctx.gaz.common_words:
        return True
    if word in ctx.gaz.honorifics or (low in ctx.gaz.role_words and _next_cap(ctx, i)):
        return False  # "President Markov said ..." at the start of a sentence
    if (word,) in ctx.gaz.places or (word,) in ctx.gaz.demonyms or word in ctx.gaz.given_names:
        return False
    if word in ctx.confirmed:
        return False
    # -ous and -ful: adjectives opening a sentence ("Furious crowds ..."), which names almost never end in
    return low in ctx.lower_seen or low.endswith(("ing", "ly", "ous", "ful"))


def _next_cap(ctx: Ctx, i: int) -> bool:
    return i + 1 < len(ctx.toks) and ctx.toks[i + 1].cap and not ctx.toks[i + 1].newline


def _known(ctx: Ctx, i: int) -> bool:
    """In a headline line, only words known from elsewhere count as names."""
    word, gaz = ctx.words[i], ctx.gaz
    if (word,) in gaz.places or (word,) in gaz.demonyms or (word,) in gaz.org_names:
        return True
    if word.isupper() and len(word) > 1:
        word = word.title()  # "CLINTON" is known when "Clinton" is
    return word in ctx.confirmed or word in gaz.given_names


def _candidate(ctx: Ctx, i: int) -> bool:
    """Can token ``i`` be part of a name?"""
    tok = ctx.toks[i]
    if not tok.cap and (
        tok.type != "word" or "-" not in tok.text and "'" not in tok.text and "’" not in tok.text
    ):
        return False  # the common case: a lower-case word or punctuation
    if tok.type in ("url", "poss", "punct") or tok.text in TIME_WORDS or tok.text == "I":
        return False
    if i and ctx.words[i - 1] in ("@", "#") and ctx.toks[i - 1].end == tok.start:
        return False  # a social-media handle or hashtag
    if tok.type == "abbr":
        return tok.text in ctx.gaz.honorifics or (tok.text in ctx.gaz.org_suffixes and i > 0)
    if not (tok.cap or _PARTICLE_NAME.match(tok.text)) or _odd_word(tok.text):
        return False
    if tok.text.isupper() and len(tok.text) > 1 and _shouted(ctx, i):
        return False
    if ctx.lower[i] in _BREAKERS:
        return False
    if tok.line in ctx.headlines:
        return _known(ctx, i)
    return not (tok.initial and _common_at_start(ctx, i))


def _odd_word(word: str) -> bool:
    """Mis-decoded text or a contraction. The plain tests first spare most words both regexes:
    mis-decoding needs a non-ASCII character, a contraction an apostrophe."""
    if not word.isascii() and _GARBLED.search(word):
        return True
    return ("'" in word or "’" in word) and _CONTRACTION.search(word) is not None


def _runs(ctx: Ctx) -> list[tuple[int, int]]:
    """Maximal runs of name tokens, joined by particles such as "of" or "von"."""
    out, n, j = [], len(ctx.toks), 0
    maybe, cand = _maybe_names(ctx), [False] * n
    for k in maybe:
        cand[k] = _candidate(ctx, k)
    for i in maybe:
        if i < j or not cand[i]:
            continue
        j = i + 1
        while j < n and not ctx.toks[j].newline:
            if cand[j] and _sentence_may_end(ctx, j):
                break
            if cand[j]:
                j += 1
            elif ctx.lower[j] in _CONNECTORS and j + 1 < n and cand[j + 1] and not ctx.toks[j + 1].newline:
                j += 2
            elif ctx.lower[j] == "of" and j + 2 < n and ctx.lower[j + 1] == "the" and cand[j + 2]:
                j += 3
            else:
                break
        out.append((i, j))
    return out


def _maybe_names(ctx: Ctx) -> list[int]:
    """The tokens that can pass :func:`_candidate`: capitalised ones and words joined by a hyphen or
    an apostrophe ("al-Assad"), found by C-speed scans since they are a small share of the text."""
    capped = where(map(CAP, ctx.toks))
    joined = {ctx.token_at(m.start()) for m in _JOINER.finditer(ctx.text)}
    joined = {k for k in joined if k >= 0 and ctx.types[k] == "word" and not ctx.toks[k].cap}
    return sorted(joined.union(capped)) if joined else capped


def _sentence_may_end(ctx: Ctx, j: int) -> bool:
    """ "... in the U.S. Jobs also said": an acronym's full stop may end the sentence before a name."""
    prev = ctx.toks[j - 1]
    if prev.type != "acro" or not ctx.toks[j].cap:
        return False
    gaz, low = ctx.gaz, ctx.lower[j]
    return not (low in gaz.role_words or low in gaz.modifiers or ctx.words[j] in gaz.org_suffixes)


def _shouted(ctx: Ctx, i: int) -> bool:
    """A common word in capitals ("FULL TEXT", "ABSTRACT"), unlike an acronym or a name known elsewhere."""
    if _known(ctx, i):
        return False
    low = ctx.lower[i]
    return len(low) > 6 or low in ctx.lower_seen or low in ctx.gaz.common_words
