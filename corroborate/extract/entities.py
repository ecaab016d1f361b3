"""Entity mentions in news text: names with their titles, role descriptions and pronouns.

Rules and gazetteers only (no trained model): capitalised runs are split into a title
("US Army Lieutenant Colonel") and a name ("Ruth Adeyemi"); appositions and lower-case titles
around a name give its role ("special envoy"); "the Ruritanian leader" is a description carrying
a role and a nationality for :mod:`corroborate.extract.resolve` to match.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .mention_context import (
    NAME,
    PLACE,
    ROLE,
    TITLE_UNITS,
    Ctx,
    build_context,
    derived_country,
    span_text,
    units,
)
from .mention_names import classify_name, demonym_shape, group_run, org_run
from .mention_phrases import (
    DETERMINERS,
    Scan,
    Title,
    apposition_after,
    apposition_before,
    description_at,
    ends_phrase,
    owner_country,
    title_before,
    title_from_units,
)
from .mention_runs import scan_runs
from .mention_tokens import where

PERSON, ORG, PLACE_KIND, OTHER = "PERSON", "ORG", "PLACE", "OTHER"
# Mis-decoded text ("ÐÐ¾Ð»") has Latin-1 symbols or runs of these capitals; no name looks like that.
_GARBLED = re.compile(r"[\u0080-\u00bf]|[ÃÂÐÑ].*[ÃÂÐÑ]|^[^\x00-\x7f]$")
_PRONOUNS = {
    **dict.fromkeys(("he", "him", "his", "himself"), "m"),
    **dict.fromkeys(("she", "her", "hers", "herself"), "f"),
    **dict.fromkeys(("they", "them", "their", "theirs", "themselves"), "p"),
}


@dataclass(frozen=True, init=False)
class MentionExpr:
    """One mention. ``start``/``end`` cover the name as written ("Vasyl Zablotsky", "the Ruritanian
    leader", "he"); ``phrase_start``/``phrase_end`` also cover its title or apposition."""

    start: int
    end: int
    #: PERSON | ORG | PLACE | OTHER
    kind: str
    #: the bare name ("Paul Brandt"); the canonical name of a place; a description without its article
    name: str
    #: the title as written ("Navy Secretary", "Estonia's President", "special envoy")
    title: str | None = None
    #: normalised role noun and nationality, e.g. ("president", "Russia")
    role: tuple[str, str | None] | None = None
    is_pronoun: bool = False
    is_description: bool = False
    #: a nationality adjective ("Russian officials"): ``name`` is the country
    is_demonym: bool = False
    #: "m" | "f" | "p" (plural pronoun) | None
    gender: str | None = None
    phrase_start: int = -1
    phrase_end: int = -1

    def __init__(
        self,
        start: int,
        end: int,
        kind: str,
        name: str,
        title: str | None = None,
        role: tuple[str, str | None] | None = None,
        is_pronoun: bool = False,
        is_description: bool = False,
        is_demonym: bool = False,
        gender: str | None = None,
        phrase_start: int = -1,
        phrase_end: int = -1,
    ) -> None:
        # Frozen, so the fields go straight into __dict__: the generated __init__ sets them one by
        # one through object.__setattr__, several times slower, and articles make dozens of mentions.
        # The phrase defaults to the mention itself.
        self.__dict__.update(
            start=start,
            end=end,
            kind=kind,
            name=name,
            title=title,
            role=role,
            is_pronoun=is_pronoun,
            is_description=is_description,
            is_demonym=is_demonym,
            gender=gender,
            phrase_start=start if phrase_start < 0 else phrase_start,
            phrase_end=end if phrase_end < 0 else phrase_end,
        )


def find_mentions(text: str) -> list[MentionExpr]:
    """All mentions in ``text``, ordered by position.

    >>> text = "Navy Secretary Paul Brandt left."
    >>> [(text[m.start:m.end], m.title, m.role) for m in find_mentions(text)]
    [('Paul Brandt', 'Navy Secretary', ('navy secretary', None))]
    """
    ctx = build_context(text)
    scan = scan_runs(ctx)
    out = _descriptions(scan)
    for a, b in sorted(scan.run_end.items()):
        if not scan.taken[a]:
            out.extend(_run_mentions(scan, a, b))
    out.extend(_urls(ctx))
    out = _drop_nested(sorted(out, key=lambda m: (m.start, m.end)))
    return sorted(out + _pronouns(ctx), key=lambda m: (m.start, m.end))


def _drop_nested(found: list[MentionExpr]) -> list[MentionExpr]:
    """Drop a country that became part of a later mention's title ("Russia" in "Russia's President X").

    An organisation before a title stays a mention of its own ("Apple" in "Apple CEO Steve Jobs")."""
    keep: list[MentionExpr] = []
    for m in found:
        while (
            keep and keep[-1].end <= m.start and keep[-1].start >= m.phrase_start and _is_owner(keep[-1], m)
        ):
            keep.pop()
        keep.append(m)
    return keep


def _is_owner(nested: MentionExpr, m: MentionExpr) -> bool:
    return nested.kind == PLACE_KIND or (m.role is not None and nested.name == m.role[1])


def _descriptions(scan: Scan) -> list[MentionExpr]:
    out = []
    ctx = scan.ctx
    starts = [
        i
        for i, (w, t) in enumerate(zip(ctx.lower, ctx.types, strict=True))
        if w in DETERMINERS or t == "poss"
    ]
    for i in starts:
        if scan.taken[i]:
            continue
        title = description_at(scan, i)
        if title is not None and not _apposed_to_name(scan, title.start):
            out.append(_description(scan, title))
            _take(scan, title.start, title.end)
    return out


def _apposed_to_name(scan: Scan, i: int) -> bool:
    """ "Ivo Markov, the Ruritanian president,": the name before the comma takes the role."""
    ctx = scan.ctx
    if i < 2 or ctx.words[i - 1] != "," or ctx.toks[i - 1].newline:
        return False
    a = scan.run_start.get(i - 2)
    if a is None or org_run(ctx, a, i - 1):
        return False
    return any(u.type == NAME for u in units(ctx, a, i - 1))


def _description(scan: Scan, title: Title) -> MentionExpr:
    ctx = scan.ctx
    start, end = ctx.toks[title.start].start, ctx.toks[title.end - 1].end
    role = title.role
    return MentionExpr(
        start,
        end,
        role.kind if role else PERSON,
        span_text(ctx, title.text_start, title.end),
        role=(role.phrase, title.country) if role else None,
        is_description=True,
        gender=title.gender,
    )


def _take(scan: Scan, a: int, b: int) -> None:
    if b > a:
        scan.taken[a:b] = b"\x01" * (b - a)


def _run_mentions(scan: Scan, a: int, b: int) -> list[MentionExpr]:
    """The mention(s) one capitalised run makes."""
    ctx = scan.ctx
    if b - a == 1 and "-" in ctx.words[a]:
        parts = _hyphenated_places(ctx, a)
        if parts:
            return parts
    if org_run(ctx, a, b, scan.org_stems):
        return [_mention(scan, a, b, ORG)]
    found = units(ctx, a, b)
    if group_run(ctx, found):
        return [_mention(scan, a, b, OTHER, is_demonym=True)]
    k = next((n for n, u in enumerate(found) if u.type not in TITLE_UNITS), len(found))
    if k == len(found):
        return _title_only(scan, a, b, found)
    head = found[:k]
    if any(u.type == ROLE or (u.type == "HON") for u in head):
        return [_titled(scan, found[k].start, b, head)]
    r = _inner_role(found)
    if r is not None and found[r].type == "HON":  # "Like Mr. Sanders": words before an honorific are no name
        return [_titled(scan, found[r + 1].start, b, found[r : r + 1])]
    if r is not None:  # "Apple CEO Steve Jobs": an organisation, then a title
        org = _mention(scan, a, found[r].start, ORG)
        return [org, _titled(scan, found[r + 1].start, b, found[: r + 1])]
    if ctx.words[b - 1] in ctx.gaz.place_suffixes and b - a > 1:
        return [_mention(scan, a, b, PLACE_KIND)]
    return [_untitled(scan, a, b)]


def _inner_role(found: list) -> int | None:
    """Index of a role (or honorific) that follows name words and precedes the final name ("Apple CEO Steve Jobs")."""
    for r in range(len(found) - 2, 0, -1):
        if found[r].type in (ROLE, "HON"):
            before, after = found[:r], found[r + 1 :]
            if all(u.type == NAME for u in after) and any(u.type == NAME for u in before):
                return r
            return None
    return None


def _hyphenated_places(ctx: Ctx, a: int) -> list[MentionExpr]:
    """ "Peru-Chile": two places in one word."""
    tok, out, offset = ctx.toks[a], [], 0
    for part in tok.text.split("-"):
        place = ctx.gaz.places.get((part,))
        if place is None:
            return []
        s = tok.start + offset
        out.append(MentionExpr(s, s + len(part), PLACE_KIND, place.name))
        offset += len(part) + 1
    return out


def _title_only(scan: Scan, a: int, b: int, found: list) -> list[MentionExpr]:
    """A run made of title words only: a place, a nationality, or a capitalised role ("Foreign Minister")."""
    ctx = scan.ctx
    if len(found) == 1 and found[0].type == PLACE and found[0].place:
        return [_mention(scan, a, b, PLACE_KIND, name=found[0].place.name)]
    if len(found) == 1 and found[0].type == "DEM":
        return [_mention(scan, a, b, PLACE_KIND, name=found[0].country, is_demonym=True)]
    role, country, gender = title_from_units(found)
    if role is not None:
        start, end = ctx.toks[a].start, ctx.toks[b - 1].end
        return [
            MentionExpr(
                start,
                end,
                role.kind,
                span_text(ctx, a, b),
                role=(role.phrase, country),
                is_description=True,
                gender=gender,
            )
        ]
    return [_mention(scan, a, b, OTHER)]


def _titled(scan: Scan, n: int, b: int, head: list) -> MentionExpr:
    """ "Estonia's President Vasyl Zablotsky": tokens before ``n`` are the title."""
    ctx = scan.ctx
    role, country, gender = title_from_units(head)
    t_start = head[0].start
    title = Title(t_start, b, t_start, n, role, country, gender)
    if t_start >= 2 and ctx.toks[t_start - 1].type == "poss":
        title = _with_owner(scan, title)
    after = apposition_after(scan, b)
    if after is not None:  # "President Ivo Markov, the former general, ...": one phrase
        title = Title(
            title.start,
            after.end,
            title.text_start,
            title.text_end,
            title.role or after.role,
            title.country or after.country,
            title.gender or after.gender,
        )
    return _person(scan, n, b, title)


def _with_owner(scan: Scan, title: Title) -> Title:
    """ "Russia's President ...": the possessor country joins the title."""
    owner = owner_country(scan, title.text_start - 1)
    if owner is None:
        return title
    return Title(
        owner[0], title.end, owner[0], title.text_end, title.role, title.country or owner[1], title.gender
    )


def _untitled(scan: Scan, a: int, b: int) -> MentionExpr:
    """A run with no title of its own: look around it for one, then classify the name."""
    ctx = scan.ctx
    # A name followed by a noun modifies it ("his official Twitter feed"): no title, no person.
    head = ends_phrase(ctx, b) or ctx.lower[b].endswith(("ing", "ly"))
    title = (
        (title_before(scan, a) if head else None) or apposition_before(scan, a) or apposition_after(scan, b)
    )
    if title is not None and (title.role is None or title.role.kind == PERSON):
        return _person(scan, a, b, title)
    if title is not None and title.role is not None:
        return _mention(scan, a, b, title.role.kind, title=title)
    if b - a == 1 and demonym_shape(ctx, a):
        return _mention(scan, a, b, PLACE_KIND, name=derived_country(ctx.words[a]), is_demonym=True)
    kind, gender = classify_name(ctx, a, b, scan.alone)
    if kind == PERSON and not head and ctx.words[a] not in ctx.gaz.given_names:
        kind = OTHER
    if kind == PLACE_KIND and b - a == 1:
        place = ctx.gaz.places.get((ctx.words[a],))
        return _mention(scan, a, b, kind, name=place.name if place else None)
    return _mention(scan, a, b, kind, gender=gender)


def _person(scan: Scan, a: int, b: int, title: Title) -> MentionExpr:
    ctx = scan.ctx
    given = ctx.gaz.given_names.get(ctx.words[a]) if b - a > 1 else None
    return _mention(scan, a, b, PERSON, title=title, gender=title.gender or given)


def _mention(
    scan: Scan,
    a: int,
    b: int,
    kind: str,
    *,
    name: str | None = None,
    title: Title | None = None,
    gender: str | None = None,
    is_demonym: bool = False,
) -> MentionExpr:
    """Build a name mention over tokens ``a``..``b`` and mark its whole phrase as taken."""
    ctx = scan.ctx
    p_start, p_end = (min(a, title.start), max(b, title.end)) if title else (a, b)
    _take(scan, p_start, p_end)
    role = title.role if title else None
    return MentionExpr(
        ctx.toks[a].start,
        ctx.toks[b - 1].end,
        kind,
        name or span_text(ctx, a, b),
        title=span_text(ctx, title.text_start, title.text_end)
        if title and title.text_end > title.text_start
        else None,
        role=(role.phrase, title.country) if role and title else None,
        is_demonym=is_demonym,
        gender=gender,
        phrase_start=ctx.toks[p_start].start,
        phrase_end=ctx.toks[p_end - 1].end,
    )


def _urls(ctx: Ctx) -> list[MentionExpr]:
    """Web addresses named in the text ("example.com") are organisations."""
    if "url" not in ctx.types:  # the usual case, found by a C-speed scan
        return []
    return [MentionExpr(t.start, t.end, ORG, t.text) for t in ctx.toks if t.type == "url"]


def _pronouns(ctx: Ctx) -> list[MentionExpr]:
    out = []
    for k in where(map(_PRONOUNS.__contains__, ctx.lower)):
        tok, low = ctx.toks[k], ctx.lower[k]
        gender = _PRONOUNS[low]
        if tok.type == "word":
            kind = PERSON if gender in ("m", "f") else OTHER
            out.append(MentionExpr(tok.start, tok.end, kind, low, is_pronoun=True, gender=gender))
    return out


__all__ = ["MentionExpr", "find_mentions", "PERSON", "ORG", "PLACE_KIND", "OTHER", "NAME"]
