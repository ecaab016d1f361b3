"""The shortcuts of claim extraction give what the plain ways give."""

from hypothesis import given, settings
from hypothesis import strategies as st

from corroborate.extract import claim_lexicon
from corroborate.extract.base import Attribution, Extent
from corroborate.extract.claim_lexicon import word_tuple, words
from corroborate.extract.claim_speakers import Speakers
from corroborate.extract.claims import _Att, _Cued, _overlap, _overreaches, _ranked, find_claims
from corroborate.extract.entities import MentionExpr
from corroborate.extract.quotes import find_attributions
from corroborate.extract.sentences import split_sentences

WORDS = st.lists(st.sampled_from(["He", "didn’t", "say", "it's", "“no”", " ", "\n", "—", "x.", "?", ""]))


@given(WORDS.map(" ".join))
def test_word_tuple_is_words_without_the_copy(text: str) -> None:
    assert word_tuple(text) == tuple(words(text))


SPAN = st.tuples(st.integers(0, 40), st.integers(0, 40)).map(lambda t: Extent(min(t), max(t)))
ATTRIBUTIONS = st.lists(
    st.builds(Attribution, st.just("indirect"), SPAN, st.one_of(st.none(), SPAN), st.one_of(st.none(), SPAN)),
    max_size=8,
)


def _overreaches_by_scan(a: Attribution, attributions: list[Attribution]) -> bool:
    lo, hi = a.content.start, a.content.end
    for b in attributions:
        if b is a or b.cue is None or not (lo <= b.cue.start < hi):
            continue
        if not (lo <= b.content.start and b.content.end <= hi):
            continue
        if b.content.start <= lo + 1 or (b.source is not None and not lo <= b.source.start < hi):
            return True
    return False


@settings(max_examples=300, deadline=None)
@given(ATTRIBUTIONS)
def test_overreach_found_by_bisection_is_that_found_by_a_scan(attributions: list[Attribution]) -> None:
    cued = _Cued(attributions)
    for a in attributions:
        assert _overreaches(a, cued) == _overreaches_by_scan(a, attributions)


PIECES = st.lists(SPAN.filter(lambda e: e.start < e.end), min_size=1, max_size=3).map(
    lambda ps: tuple(sorted(ps, key=lambda e: e.start))
)
ATTS = st.lists(
    st.tuples(PIECES, st.one_of(st.none(), SPAN), st.booleans(), st.integers(0, 9)), max_size=6
).map(lambda xs: [_Att(i, p, cue, None, False, over, gap) for i, (p, cue, over, gap) in enumerate(xs)])


@settings(max_examples=300, deadline=None)
@given(ATTS, st.integers(0, 40), st.integers(0, 40))
def test_ranked_attributions_are_those_of_the_plain_sort(atts: list[_Att], lo: int, hi: int) -> None:
    found = []
    for a in atts:
        cover = _overlap(a.pieces, lo, hi)
        cue_in = a.cue is not None and lo <= a.cue.start < hi
        if (
            a.pieces[0].start < hi
            and a.pieces[-1].end > lo
            and cover > 0
            and (cue_in or 2 * cover >= hi - lo)
        ):
            found.append(((a.overreach, -cover, a.gap, a.number), a))
    assert _ranked(atts, lo, hi) == [a for _, a in sorted(found, key=lambda x: x[0])]


def test_source_names_its_last_mention_that_is_no_place() -> None:
    text = "Officials in Lyon said the bridge had closed."
    mentions = [MentionExpr(0, 9, "ORG", "Officials"), MentionExpr(13, 17, "PLACE", "Lyon")]
    speakers = Speakers(text, [], mentions, [0, 1])
    assert speakers.in_extent(Extent(0, 17)) == 0
    assert speakers.in_extent(Extent(13, 17)) == 1
    assert Speakers(text, [], mentions, [-1, -1]).in_extent(Extent(0, 17)) is None


def test_questions_and_clauses_without_a_question_mark() -> None:
    text = 'Will the port reopen soon? "Is it safe?" she asked. The port will reopen in May, officials said.'
    s = split_sentences(text)
    claims = find_claims(text, s, find_attributions(text, s), [], [], [])
    assert [text[c.content_start : c.content_end] for c in claims] == ["The port will reopen in May"]


def _stem_by_scan(word: str) -> str:
    w = word.lower().replace("’", "'")
    w = w[:-2] if w.endswith("'s") else w
    for suffix, repl, keep in claim_lexicon._PLURALS:
        if w.endswith(suffix) and len(w) - len(suffix) >= keep:
            w = w[: len(w) - len(suffix)] + repl
            break
    for suffix, keep in claim_lexicon._SUFFIXES:
        if w.endswith(suffix) and len(w) - len(suffix) >= keep:
            w = w[: len(w) - len(suffix)] + ("ee" if suffix == "eed" else "")
            break
    return w[:-1] if len(w) > 3 and w.endswith("e") else w


ENDINGS = [
    "ies",
    "sses",
    "ss",
    "us",
    "is",
    "s",
    "ation",
    "ment",
    "ing",
    "eed",
    "ed",
    "al",
    "ly",
    "ate",
    "er",
    "e",
]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from([*ENDINGS, "a", "agre", "’s", "'s", "T"]), max_size=5).map("".join))
def test_stem_tests_all_endings_at_once_first(word: str) -> None:
    assert claim_lexicon.stem(word) == _stem_by_scan(word)
