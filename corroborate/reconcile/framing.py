"""How each outlet frames the story: what it gives space to, what it leads with and what
it buries, whom it quotes, the verbs it attributes with ("said" vs "claimed" vs
"admitted"), and the loaded words in its headline."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from functools import lru_cache

from ..extract.claim_lexicon import words
from ..extract.sentences import TITLES
from ..extract.speech_verbs import head_form
from ..extract.word_lists import word_list
from ..model import Article, Quote
from .echo import is_media
from .features import ClaimView, outlet_name
from .lexicon import LOADED_HEADLINE_WORDS, MEDIA_BACKREFS
from .records import Framing
from .settings import DEFAULT, ReconcileSettings


def shares(views: Sequence[ClaimView], group_of: Mapping[str, str]) -> tuple[tuple[str, float], ...]:
    """(group, share of the article's claim characters), largest first."""
    size: Counter[str] = Counter()
    for v in views:
        size[group_of[v.claim.id]] += len(v.claim.span.text)
    total = sum(size.values()) or 1
    return tuple(sorted(((g, round(n / total, 3)) for g, n in size.items()), key=lambda x: (-x[1], x[0])))


def lead_groups(views: Sequence[ClaimView], group_of: Mapping[str, str], n: int) -> tuple[str, ...]:
    """Groups of the article's first ``n`` claims."""
    return tuple(dict.fromkeys(group_of[v.claim.id] for v in sorted(views, key=lambda v: v.order)[:n]))


def buried_groups(views: Sequence[ClaimView], group_of: Mapping[str, str], led_elsewhere: set[str],
                  start: float) -> tuple[str, ...]:  # fmt: skip
    """Groups others lead with that this article first reports in its last part."""
    first: dict[str, float] = {}
    for v in sorted(views, key=lambda v: v.order):
        first.setdefault(group_of[v.claim.id], v.position)
    return tuple(g for g, pos in first.items() if pos >= start and g in led_elsewhere)


def speaker_name(article: Article, q: Quote, names: Mapping[str, str]) -> str | None:
    """The name of a quotation's speaker: its corpus entity's name, else the words naming it."""
    ids = article.entity_ids
    k = q.speaker_entity
    if k is not None and 0 <= k < len(ids) and ids[k] in names:
        return names[ids[k]]
    if k is not None and 0 <= k < len(article.extraction.entities):
        return article.extraction.entities[k].name
    return q.speaker.text if q.speaker is not None else None


def is_person_like(article: Article, q: Quote, name: str) -> bool:
    """Whether a quotation's speaker is someone quoted: a linked entity or a descriptive phrase
    ("a senior official"), not a cited news organisation or a stray word ("plan")."""
    if not _may_be_speaker(name):
        return False
    return q.speaker_entity is not None or len(name.split()) > 1


# The same speakers are quoted again and again, and both the quotations by speaker and each
# article's framing ask about every quotation: what a name reads as is kept.
@lru_cache(maxsize=8192)
def _may_be_speaker(name: str) -> bool:
    return not (is_media(name) or name.lower() in MEDIA_BACKREFS or not reads_as_speaker(name))


#: Words a noun phrase cannot end with: a determiner was cut from its noun ("send a").
_DANGLING = frozenset(
    "a an the his her their its our my your this that these those some every each any no".split()  # noqa: SIM905
)
#: Capitalised words that open an adjunct, not a noun phrase ("In January", "After the vote").
_ADJUNCT_STARTS = frozenset("in on at of for after before during since ahead with by from".split())  # noqa: SIM905
#: Lower-case words that cannot open a subject (the speaker finder's own stop list).
_NOT_SUBJECT_STARTS = word_list("subject_stops")


def reads_as_speaker(name: str) -> bool:
    """Whether the words naming a speaker read as a noun phrase, not a fragment the speaker
    finder cut from a clause (a missed parse should show no speaker, not a wrong one).

    >>> [reads_as_speaker(n) for n in ("Dana Ilves", "a senior official", "senior officials", "seven witnesses")]
    [True, True, True, True]
    >>> [reads_as_speaker(n) for n in ("the past", "of the Ruritanian", "In March", "Oslo-based", "Mrs.", "send a")]
    [False, False, False, False, False, False]
    >>> reads_as_speaker("Ana May")
    True
    """
    words = name.replace("\u2019", "'").split()
    if not words or all(w.lower().rstrip(".") in TITLES for w in words):
        return False
    first, last = words[0], words[-1].lower()
    if first.lower() in _ADJUNCT_STARTS or (first.islower() and first in _NOT_SUBJECT_STARTS):
        return False
    if last in _DANGLING or last.endswith(("-based", "-born", "-made")) or last in _TIME_NOUNS:
        return False
    return not (first.lower() == "the" and len(words) == 2 and words[1].lower() in _TIME_NOUNS)


#: Not month names: "Theresa May" is a speaker.
_TIME_NOUNS = frozenset(["past", "future", "year", "week", "month", "day", "time"])


def quoted(article: Article, names: Mapping[str, str]) -> tuple[tuple[str, int], ...]:
    """(speaker, quotations) of the people and bodies the article quotes, most quoted first."""
    counts = Counter(
        n
        for q in article.extraction.quotes
        if (n := speaker_name(article, q, names)) and is_person_like(article, q, n)
    )
    return tuple(sorted(counts.items(), key=lambda x: (-x[1], x[0])))


def attribution_verbs(article: Article) -> tuple[tuple[str, int], ...]:
    """The verbs the article attributes with, as their head form ("has also said" -> "said")."""
    counts = Counter(head_form(q.cue.text).replace("_", " ") for q in article.extraction.quotes if q.cue)
    counts.pop("", None)
    return tuple(sorted(counts.items(), key=lambda x: (-x[1], x[0])))


def headline_words(title: str | None) -> tuple[str, ...]:
    """
    >>> headline_words("Mayor Slams Council, Hints At Breakthrough")
    ('slams', 'hints', 'breakthrough')
    """
    return tuple(dict.fromkeys(w for w in words(title or "") if w in LOADED_HEADLINE_WORDS))


def framing(articles: Sequence[Article], views: Sequence[ClaimView], group_of: Mapping[str, str],
            names: Mapping[str, str], settings: ReconcileSettings = DEFAULT) -> tuple[Framing, ...]:  # fmt: skip
    """One framing per article, in the order given."""
    by_article: dict[str, list[ClaimView]] = defaultdict(list)
    for v in views:
        by_article[v.article].append(v)
    leads = {a.id: lead_groups(by_article[a.id], group_of, settings.lead_claims) for a in articles}
    outlet = {v.article: v.outlet_key for v in views}
    out = []
    for a in articles:
        mine = by_article[a.id]
        led = {g for b, gs in leads.items() if outlet.get(b) != outlet.get(a.id) for g in gs}
        out.append(Framing(
            article=a.id,
            outlet=outlet_name(a),
            title=a.meta.title,
            shares=shares(mine, group_of),
            lead=leads[a.id],
            buried=buried_groups(mine, group_of, led, settings.buried_from),
            quoted=quoted(a, names),
            verbs=attribution_verbs(a),
            headline_words=headline_words(a.meta.title),
        ))  # fmt: skip
    return tuple(out)
