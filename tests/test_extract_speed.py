"""The shortcuts that make extraction faster give what the plain ways give, on any text."""

import dataclasses
import re
from itertools import accumulate, compress

from hypothesis import example, given, settings
from hypothesis import strategies as st

from corroborate.extract import times as times_module
from corroborate.extract.base import TimeExpr
from corroborate.extract.claim_lexicon import SPEECH_CUES, STOPWORDS, stem, words
from corroborate.extract.claims import ClaimExpr, _Inside, _new_claim, key_terms
from corroborate.extract.speech_verbs import CueLexicon, cue_lexicon
from corroborate.extract.timex_prefix import RuleFilter
from corroborate.extract.timex_scan import LEFT, TRIGGERS, _is_trigger, candidates

#: Words and characters that make the shortcuts' edge cases: case foldings, a lower case
#: longer than its letter, a context-dependent one, digits, apostrophes, dashes.
PIECES = st.sampled_from(
    ["said", "SAID", "ſaid", "saıd", "Said", "told", "according to", "İ", "Σ", "ΟΔΟΣ", "K", "’s", "'", "-",
     " ", "  ", "\n", ", ", ". ", '"', "“", "the past two", "years", "Nov. 24", "1990s", "12:30", "2025",
     "next week", "on Thursday", "May", "may", "a year", "ago", "twice a week", "now", "3rd", "'90s", "x"]
)  # fmt: skip
TEXTS = st.lists(st.one_of(PIECES, st.text(max_size=4)), max_size=40).map("".join)


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_rule_filter_keeps_every_rule_that_matches(text: str) -> None:
    for pos in range(len(text)):
        allowed = times_module._FILTER.rules_at(text, pos)
        for i, rx in enumerate(times_module._SINGLE):
            if rx.match(text, pos) is not None:
                assert i in allowed, (text, pos, i)


def test_rule_filter_reads_patterns_it_knows_and_tries_others_everywhere() -> None:
    f = RuleFilter([r"(?i:on)\s+(?P<d>\d+)", r"x(?P=y)", "[bc]+d?"])
    # the second does not parse (no group y): tried everywhere
    assert f.rules_at("On 3", 0) == (0, 1) and f.rules_at("cd", 0) == (1, 2)


_GROUP = re.compile(r"\(\?P<(\w+)>")


def _renamed(pattern: str, i: int) -> str:
    return _GROUP.sub(lambda m: f"(?P<r{i}_{m.group(1)}>", pattern)


#: The one alternation of all rules by priority, the way times were found before the filter.
_JOINT = re.compile(
    times_module._EDGE_L
    + "(?:"
    + "|".join(
        f"(?P<r{i}>(?:{_renamed(r.pattern, i)}){times_module._EDGE_R})"
        for i, r in enumerate(times_module._ORDERED)
    )
    + ")"
)


def _joint_rules(text: str, pos: int) -> int | None:
    """The rule the one alternation of all rules (the way before the filter) picks at ``pos``."""
    m = _JOINT.match(text, pos)
    return int(m.lastgroup[1:]) if m and m.lastgroup else None


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_first_rule_at_a_position_is_the_alternations(text: str) -> None:
    for pos in range(len(text)):
        first = next(
            (i for i in times_module._FILTER.rules_at(text, pos) if times_module._SINGLE[i].match(text, pos)),
            None,
        )
        assert first == _joint_rules(text, pos)


def _candidates_word_by_word(text: str) -> list[int]:
    """:func:`candidates` as it was: words lower-cased one by one, digits tested per word."""
    parts = re.split(r"(\w+)", text)
    offsets = list(accumulate(map(len, parts), initial=0))[1:-1:2]
    lowered = list(map(str.lower, parts[1::2]))
    hits = set(compress(range(len(lowered)), map(TRIGGERS.__contains__, lowered)))
    hits.update(
        k
        for k in compress(range(len(lowered)), map(re.compile(r"\d").match, lowered))
        if _is_trigger(lowered[k], text, offsets[k] + len(lowered[k]))
    )
    starts: set[int] = set()
    for k in hits:
        j = k
        while j > 0 and k - j < 7 and (lowered[j - 1] in LEFT or lowered[j - 1][:1].isdigit()):
            j -= 1
        starts.update(offsets[j : k + 1])
        if offsets[k] and text[offsets[k] - 1] in "'\u2019":
            starts.add(offsets[k] - 1)
    return sorted(starts)


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_time_candidates_are_the_word_by_word_ones(text: str) -> None:
    assert candidates(text) == _candidates_word_by_word(text)


def test_time_words_hold_no_greek_sigma() -> None:
    # why lower-casing the whole text (where a final sigma depends on context) is safe
    assert all(w.isascii() for w in TRIGGERS | LEFT)


@settings(max_examples=300, deadline=None)
@given(TEXTS, st.integers(-2, 60), st.integers(-2, 200))
@example("The owner ſaid no, the \u212aessel crew said.", 0, 60)
@example("saidİ", 0, -1)
def test_cue_scan_of_lower_case_finds_what_case_folding_finds(text: str, lo: int, hi: int) -> None:
    lex = cue_lexicon()
    folding = []
    for m in lex._pattern.finditer(text, lo, hi):
        head = m.group().lower()  # "ſaid": its lower case is not a cue, its case folding is
        head = head if head in lex._first else m.group().casefold()
        if head in lex._first:
            folding.append((m.start(), m.end(), head))
    assert list(lex._heads(text, lo, hi)) == folding


def test_cue_scan_without_plain_first_words_folds_case() -> None:
    lex = CueLexicon(["saïd"])
    assert lex._lowered is None and [m.form for m in lex.find("He SAÏD", 0, 7)] == ["saïd"]


SPANS = st.lists(st.tuples(st.integers(0, 50), st.integers(0, 50)), max_size=12)


@settings(max_examples=300, deadline=None)
@given(SPANS, st.integers(0, 50), st.integers(0, 50), st.booleans())
def test_items_inside_a_claim_are_those_a_scan_finds(spans, lo: int, hi: int, ordered: bool) -> None:
    items = [TimeExpr(a, b, "DATE", str(k)) for k, (a, b) in enumerate(sorted(spans) if ordered else spans)]
    assert _Inside(items).inside(lo, hi) == [t for t in items if lo <= t.start and t.end <= hi]


def test_claims_built_without_init_equal_those_built_with_it() -> None:
    values = dict(start=0, end=9, content_start=1, content_end=8, asserter="speaker", asserter_entity=2,
                  attribution_index=0, entities=(2,), numbers=(), times=("2025",), negated=True,
                  stance="reject", hedged=False, key_terms=("talk",))  # fmt: skip
    built = _new_claim(**values)
    assert built == ClaimExpr(**values) and repr(built) == repr(ClaimExpr(**values))
    assert hash(built) == hash(ClaimExpr(**values))
    assert set(vars(built)) == {f.name for f in dataclasses.fields(ClaimExpr)}


@given(st.lists(st.one_of(st.sampled_from(["the", "said", "talks", "Talks", "x", "’s", "2025", "", "meet"]),
                          st.text(max_size=6))))  # fmt: skip
def test_key_terms_are_the_stems_of_the_content_words(ws: list[str]) -> None:
    kept = [w for w in ws if w not in STOPWORDS | SPEECH_CUES and len(w) > 1 and w[0].isalpha()]
    assert key_terms(ws) == tuple(dict.fromkeys(map(stem, kept)))
    assert key_terms(words("He said the talks were over")) == ("talk",)
