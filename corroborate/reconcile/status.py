"""Status of a claim group: corroborated by independent outlets, unique to one, or conflicting.

Independence: a near-duplicate counts as the article it copies; a claim an article credits
to another news organisation ("according to Reuters") counts as that organisation's, and
the repeating outlet is listed as its echo. Conflicts: the same slot with different values
-- figures for one kind of thing beyond rounding and hedges (see ``number_conflict``),
different days (weeks, months) for the event, accepted vs rejected or asserted vs denied, or
the same words in different speakers' mouths. Each conflict keeps both sides' claims.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Collection, Hashable, Mapping, Sequence
from dataclasses import dataclass

from ..extract.claim_lexicon import NEGATORS, STOPWORDS, words
from ..extract.numbers import Quantity as Figure
from ..extract.numbers import number_conflict, unit_family
from ..model import Article, Quantity
from .echo import article_citations, claim_citation, wire_credit
from .features import ClaimView, outlet_key
from .records import CONFLICTING, CORROBORATED, UNIQUE, Conflict, ConflictSide, Echo
from .settings import DEFAULT, ReconcileSettings


@dataclass(frozen=True)
class Origin:
    """The independent source a claim counts for, and how the publishing outlet got it."""

    key: str
    name: str
    #: None when the outlet reports it itself; "cites" or "copies" when it repeats ``name``
    how: str | None = None


def _root(article: Article, by_id: Mapping[str, Article]) -> Article:
    """The article a near-duplicate copies, followed within the story (cycles stop)."""
    seen = {article.id}
    while article.duplicate_of in by_id and article.duplicate_of not in seen:
        article = by_id[article.duplicate_of]  # type: ignore[index]
        seen.add(article.id)
    return article


def story_origins(views: Sequence[ClaimView], articles: Sequence[Article]) -> list[Origin]:
    """The origin of each claim: a cited organisation, else the agency of a wire dateline,
    else the outlet of the article a copy duplicates, else the publishing outlet."""
    by_id = {a.id: a for a in articles}
    known = {v.outlet_key for v in views}
    cites = {a.id: article_citations(a, known) for a in articles}
    credits = {a.id: wire_credit(a, known) for a in articles}
    first = {v.article: v for v in reversed(views)}
    roots = {a.id: first.get(_root(a, by_id).id) for a in articles}
    out = []
    for v in views:
        cited = claim_citation(by_id[v.article], v.claim, cites[v.article]) or credits[v.article]
        root = roots[v.article]
        if cited:
            out.append(Origin(outlet_key(cited), cited, "cites"))
        elif root is not None and root.article != v.article and root.outlet_key != v.outlet_key:
            out.append(Origin(root.outlet_key, root.outlet, "copies"))
        else:
            out.append(Origin(v.outlet_key, v.outlet))
    return out


def independence(views: Sequence[ClaimView], origins: Sequence[Origin]) -> tuple[tuple[str, ...], tuple[str, ...], tuple[Echo, ...]]:  # fmt: skip
    """(outlets, independent outlets, echoes) of one group's claims."""
    outlets = tuple(dict.fromkeys(v.outlet for v in views))
    independent = tuple({o.key: o.name for o in origins}.values())
    own = {v.outlet for v, o in zip(views, origins, strict=True) if o.how is None}
    echoed: dict[tuple[str, str, str], list[str]] = defaultdict(list)
    for v, o in zip(views, origins, strict=True):
        if o.how is not None and v.outlet not in own:
            echoed[(v.outlet, o.name, o.how)].append(v.claim.id)
    echoes = tuple(Echo(out, src, how, tuple(ids)) for (out, src, how), ids in echoed.items())
    return outlets, independent, echoes


def _figure(q: Quantity) -> Figure:
    return Figure(q.value, q.unit, q.span.text, q.span.start, q.span.end, q.hedge, q.step)


def _sides(views: Sequence[ClaimView], origins: Sequence[Origin], values: Sequence[str | None]) -> tuple[ConflictSide, ...]:  # fmt: skip
    """Claims split by the value each gives (claims giving none left out), in first-seen order."""
    claims: dict[str, list[str]] = defaultdict(list)
    outlets: dict[str, dict[str, None]] = defaultdict(dict)
    for v, o, x in zip(views, origins, values, strict=True):
        if x is not None:
            claims[x].append(v.claim.id)
            outlets[x][o.name] = None
    return tuple(ConflictSide(x, tuple(ids), tuple(outlets[x])) for x, ids in claims.items())


def _disputed(origins: Sequence[Origin], clash: Callable[[int, int], bool], among: Sequence[int],
              key: Callable[[int], Hashable] | None = None) -> bool:  # fmt: skip
    """Do two of the claims ``among`` (those that can clash at all), from different origins,
    clash? With ``key`` (what ``clash`` looks at: claims with equal keys never clash with each
    other), each distinct key is compared once, so a group of hundreds of claims giving a few
    distinct figures costs a few comparisons."""
    if key is None:
        return any(
            origins[i].key != origins[j].key and clash(i, j)
            for x, i in enumerate(among)
            for j in among[x + 1 :]
        )
    firsts: dict[Hashable, tuple[int, set[str]]] = {}
    for i in among:
        firsts.setdefault(key(i), (i, set()))[1].add(origins[i].key)
    reps = list(firsts.values())
    return any(
        not (len(oa) == 1 and oa == ob) and clash(a, b)
        for x, (a, oa) in enumerate(reps)
        for b, ob in reps[x + 1 :]
    )


def number_conflict_of(views: Sequence[ClaimView], origins: Sequence[Origin]) -> Conflict | None:
    """Figures for one kind of thing that no hedge or rounding reconciles ("12 killed" / "15")."""
    if sum(1 for v in views if v.claim.numbers) < 2:
        return None  # a clash takes two claims giving figures
    figures = [[_figure(q) for q in v.claim.numbers] for v in views]
    for unit in sorted({u for fs in figures for f in fs if (u := unit_family(f.unit))}):
        of = [[f for f in fs if unit_family(f.unit) == unit] for fs in figures]

        def clash(i: int, j: int, of: list[list[Figure]] = of) -> bool:
            a, b = of[i], of[j]
            return bool(a and b) and all(number_conflict(x, y) for x in a for y in b)

        def values(i: int, of: list[list[Figure]] = of) -> Hashable:
            return tuple(sorted((f.value, f.hedge or "", f.step) for f in of[i]))

        if _disputed(origins, clash, [i for i, fs in enumerate(of) if fs], values):
            sides = _sides(views, origins, [", ".join(f.text for f in fs) or None for fs in of])
            return Conflict("number", f"figures for {unit} differ", sides)
    return None


def _granularity(value: str) -> str:
    return "week" if "W" in value else "day" if value.count("-") == 2 else "month"


def date_conflict_of(views: Sequence[ClaimView], origins: Sequence[Origin]) -> Conflict | None:
    """Different days (or weeks, months) given for the same event by different sources."""
    if sum(1 for v in views if v.event_dates) < 2:
        return None  # a clash takes two claims giving dates
    for grain in ("day", "week", "month"):
        of = [frozenset(t for t in v.event_dates if _granularity(t) == grain) for v in views]

        def clash(i: int, j: int, of: list[frozenset[str]] = of) -> bool:
            return bool(of[i] and of[j]) and not of[i] & of[j]

        if _disputed(origins, clash, [i for i, ts in enumerate(of) if ts], of.__getitem__):
            sides = _sides(views, origins, [", ".join(sorted(ts)) or None for ts in of])
            return Conflict("date", f"different {grain}s given", sides)
    return None


def polarity_conflict_of(views: Sequence[ClaimView], origins: Sequence[Origin], close: Callable[[int, int], bool]) -> Conflict | None:  # fmt: skip
    """Accepted vs rejected by the same actors about the same thing, or asserted vs negated by
    two close paraphrases only one of which has a negating word ("not" elsewhere in a long
    sentence, or a negation the extractor read differently, is no contradiction)."""
    stance = [v.claim.stance for v in views]

    def opposed(i: int, j: int) -> bool:
        about = {f for f in views[i].core & views[j].core if f != "~respond" and f[:2] != "E:"}
        a, b = views[i].subject, views[j].subject
        apart = bool(a and b) and a != b  # "South Korea agreed" vs "Canada refused"
        return {stance[i], stance[j]} == {"accept", "reject"} and bool(about) and not apart

    if _disputed(origins, opposed, [i for i, x in enumerate(stance) if x]):
        sides = _sides(
            views, origins, [{"accept": "accepted", "reject": "rejected"}.get(x or "") for x in stance]
        )
        return Conflict("polarity", "accepted by some, rejected by others", sides)
    neg = [v.claim.negated for v in views]
    if len(set(neg)) < 2:
        return None
    text = [_content_words(v) for v in views]
    has_negator = [bool(NEGATORS & set(words((v.claim.content or v.claim.span).text))) for v in views]

    def negated(i: int, j: int) -> bool:
        one_sided = has_negator[i] != has_negator[j] and neg[i] != neg[j]
        return one_sided and close(i, j) and _jaccard(text[i], text[j]) >= 0.5

    if _disputed(origins, negated, range(len(views))):
        sides = _sides(views, origins, ["negated" if x else "asserted" for x in neg])
        return Conflict("polarity", "asserted by some, negated by others", sides)
    return None


def _content_words(v: ClaimView) -> set[str]:
    """The words of what a claim asserts, without negators and stop words."""
    return {
        w for w in words((v.claim.content or v.claim.span).text) if w not in STOPWORDS and w not in NEGATORS
    }


def _jaccard(x: set[str], y: set[str]) -> float:
    return len(x & y) / len(x | y) if x and y else 0.0


def _overlap(a: str, b: str) -> float:
    """Jaccard overlap of two texts' words.

    >>> round(_overlap("We will not wait.", "we will not wait any longer"), 2)
    0.67
    """
    return _jaccard(set(words(a)), set(words(b)))


def speaker_conflict_of(views: Sequence[ClaimView], origins: Sequence[Origin], names: Mapping[str, str],
                        settings: ReconcileSettings = DEFAULT) -> Conflict | None:  # fmt: skip
    """The same words quoted directly from speakers the attributions name differently ("said
    Mayor Elena Vostrik" / "fire chief Anton Pell said"; a cited news organisation is a
    source, not a speaker; "the president" names nobody)."""
    who = [v.speaker if v.direct and o.how != "cites" else None for v, o in zip(views, origins, strict=True)]
    among = [i for i, w in enumerate(who) if w and views[i].speaker_words]
    if len(among) < 2:
        return None
    text = [(v.claim.content or v.claim.span).text for v in views]

    def clash(i: int, j: int) -> bool:
        a, b, na, nb = who[i], who[j], views[i].speaker_words, views[j].speaker_words
        spans = views[i].claim.span.text, views[j].claim.span.text
        # each names its own speaker only: a name in both is a quotation inside a quotation
        crossed = _names_inside(na, spans[1]) or _names_inside(nb, spans[0])
        named_apart = bool(na and nb) and not na & nb and not crossed
        return bool(a and b and a != b) and named_apart and _overlap(text[i], text[j]) >= settings.same_words

    if not _disputed(origins, clash, among):
        return None
    sides = _sides(views, origins, [names.get(w, w) if w else None for w in who])
    return Conflict("speaker", "the same words attributed to different speakers", sides)


def _names_inside(names: Collection[str], text: str) -> bool:
    """Does the quoted text itself name the speaker (a quotation inside a quotation)?"""
    return any(n in text for n in names)


def group_status(independent: Sequence[str], conflicts: Sequence[Conflict]) -> str:
    """
    >>> group_status(["A", "B"], []), group_status(["A"], []), group_status(["A", "B"], [Conflict("date", "", ())])
    ('corroborated', 'unique', 'conflicting')
    """
    if conflicts:
        return CONFLICTING
    return CORROBORATED if len(independent) >= 2 else UNIQUE
