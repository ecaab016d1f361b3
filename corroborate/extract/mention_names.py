"""What kind of thing a capitalised name without a title is: organisation, place, person or other."""

from __future__ import annotations

from .mention_context import DEM, GROUP, ROLE, Ctx, Unit, looks_like_demonym


def is_acronym(word: str) -> bool:
    """
    >>> is_acronym("NATO"), is_acronym("U.N."), is_acronym("Nato"), is_acronym("A")
    (True, True, False, False)
    """
    if not word.isupper():  # the usual case; dots and ampersands have no case, so this is the last test's
        return False
    letters = word.replace(".", "").replace("&", "")
    return 2 <= len(letters) <= 6 and letters.isalpha() and letters.isupper()


def org_run(ctx: Ctx, a: int, b: int, stems: frozenset[tuple[str, ...]] = frozenset()) -> bool:
    """Does tokens ``a``..``b`` name an organisation (known name, suffix, "Ministry of ...", acronym)?

    ``stems`` are organisation names seen elsewhere in the text with a suffix ("Harbour Freight Inc.").
    """
    gaz, words = ctx.gaz, ctx.words
    key = tuple(words[a:b])
    if key in gaz.org_names or key in stems:
        return True
    if b - a >= 3 and any(tuple(words[k:b]) in gaz.org_names for k in range(b - 2, b - 1)):
        return True  # "Obama White House"
    if key in gaz.places or key in gaz.demonyms:
        return False
    if b - a >= 2 and words[b - 1] in gaz.org_suffixes:
        return True
    if b - a >= 3 and words[a] in gaz.org_heads and "of" in ctx.lower[a:b]:
        return True
    if b - a != 1 or not is_acronym(words[a]) or (ctx.lower[a],) in gaz.roles:
        return False
    return words[a].title() not in ctx.confirmed  # "BRISK" in a transcript is the man, not an acronym


def _plain_name_word(ctx: Ctx, i: int) -> bool:
    """A word that can be part of a person's name (capitalised, not a common word written elsewhere)."""
    word, low = ctx.words[i], ctx.lower[i]
    if ctx.toks[i].type == "init":
        return True
    if not word[:1].isupper() or word.isupper() or low in ctx.gaz.common_words:
        return False
    return word in ctx.gaz.given_names or low not in ctx.lower_seen


def classify_name(ctx: Ctx, a: int, b: int, alone: frozenset[str] = frozenset()) -> tuple[str, str | None]:
    """(kind, gender) of a name with no title: given names and multi-word names are people.

    ``alone`` holds words used as a whole name elsewhere in the text: a multi-word name whose
    first word stands alone but whose last does not is an organisation ("Apple Computer" /
    "Apple"), since people are called by their surname. A single unknown word stays OTHER;
    :mod:`corroborate.extract.resolve` lifts it to PERSON when it is a known person's surname.
    """
    gaz, words = ctx.gaz, ctx.words
    if b - a == 1 and (words[a],) in gaz.places:
        return "PLACE", None
    if words[a] in gaz.given_names and all(_plain_name_word(ctx, k) for k in range(a + 1, b)):
        return "PERSON", gaz.given_names[words[a]]
    if b - a >= 2 and words[a] in alone and words[b - 1] not in alone:
        return "ORG", None
    if b - a >= 2 and all(_plain_name_word(ctx, k) for k in range(a, b)):
        return "PERSON", None
    return "OTHER", None


def group_run(ctx: Ctx, found: list[Unit]) -> bool:
    """ "Republicans", "American Muslims", "Reagan Democrats": a group named by party, faith or nationality."""
    last = found[-1]
    if last.type not in (GROUP, DEM) or any(u.type == ROLE for u in found):
        return False
    if len(found) == 1:
        return last.type == GROUP
    return ctx.words[found[0].start] not in ctx.gaz.given_names


def demonym_shape(ctx: Ctx, a: int) -> bool:
    """An unknown nationality adjective before a lower-case noun ("her Freedonian counterpart")."""
    word = ctx.words[a]
    if not looks_like_demonym(word) or word in ctx.gaz.given_names or a + 1 >= len(ctx.toks):
        return False
    nxt = ctx.toks[a + 1]
    return nxt.type == "word" and not nxt.cap and not nxt.newline
