"""Claim extraction on sentences written for these tests (no outside text)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from corroborate.extract.base import Attribution, Extent, TimeExpr
from corroborate.extract.claim_clauses import clause_like, main_scope, negated, split_clauses, stance
from corroborate.extract.claim_lexicon import stem, words
from corroborate.extract.claims import ClaimExpr, find_claims
from corroborate.extract.entities import MentionExpr, find_mentions
from corroborate.extract.numbers import Quantity, find_quantities, number_conflict
from corroborate.extract.quotes import find_attributions
from corroborate.extract.resolve import resolve_article
from corroborate.extract.sentences import split_sentences
from corroborate.extract.times import find_times

ANCHOR = dt.date(2024, 3, 14)


def claims_of(text: str, *, excluded: tuple[Extent, ...] = (), pronouns: bool = True) -> list[ClaimExpr]:
    """Run every extractor the way the pipeline does, then :func:`find_claims`."""
    sentences = split_sentences(text)
    mentions = find_mentions(text)
    entities = resolve_article(text, mentions, pronouns=pronouns)
    return find_claims(
        text,
        sentences,
        find_attributions(text, sentences),
        mentions,
        entities,
        find_times(text, ANCHOR),
        excluded,
    )


def span(text: str, c: ClaimExpr) -> str:
    return text[c.start : c.end]


def content(text: str, c: ClaimExpr) -> str:
    return text[c.content_start : c.content_end]


def entity_of(text: str, name: str, *, pronouns: bool = True) -> int:
    """The local entity number of the first mention spelled ``name``."""
    mentions = find_mentions(text)
    ids = resolve_article(text, mentions, pronouns=pronouns)
    return next(i for m, i in zip(mentions, ids, strict=True) if text[m.start : m.end] == name)


def only(found: list[ClaimExpr], word: str, text: str) -> ClaimExpr:
    hits = [c for c in found if word in span(text, c)]
    assert len(hits) == 1, [span(text, c) for c in found]
    return hits[0]


# --- outlet voice and reported speech -------------------------------------------------------


def test_outlet_voice_claim_carries_numbers_times_and_stance() -> None:
    text = "The Varnholm city council approved a $3 million flood budget on Tuesday."
    [c] = claims_of(text)
    assert c.asserter == "outlet" and c.asserter_entity is None and c.attribution_index is None
    assert (c.start, c.end) == (0, len(text))
    assert content(text, c) == text[:-1]
    assert [(q.value, q.unit) for q in c.numbers] == [(3_000_000.0, "USD")]
    assert c.times == ("2024-03-12",)
    assert c.stance == "accept" and not c.negated
    assert "council" in c.key_terms and "budget" in c.key_terms


def test_said_that_claim_is_the_speakers_with_the_said_content() -> None:
    text = (
        "Harbour engineer Tomasz Reyl inspected the pier at dawn. "
        "Reyl said that the ferry terminal would reopen within 100 days."
    )
    found = claims_of(text)
    c = only(found, "ferry", text)
    assert c.asserter == "speaker"
    assert c.asserter_entity == entity_of(text, "Tomasz Reyl")
    assert span(text, c).startswith("Reyl said")
    assert content(text, c) == "the ferry terminal would reopen within 100 days"
    assert [(q.value, q.unit) for q in c.numbers] == [(100.0, "day")]
    assert c.times == ("P100D",)
    assert "said" not in c.key_terms and "ferry" in c.key_terms
    first = only(found, "inspected", text)
    assert first.asserter == "outlet"


def test_direct_quote_paragraph_is_a_speaker_claim() -> None:
    text = (
        "Coach Imelda Farrow spoke after the final whistle.\n"
        '"We will rebuild this squad through the youth academy," she said.'
    )
    c = only(claims_of(text), "rebuild", text)
    assert c.asserter == "speaker"
    assert c.asserter_entity == entity_of(text, "Imelda Farrow")
    assert "We will rebuild this squad" in content(text, c)
    assert "she said" not in content(text, c)


def test_pronoun_speaker_falls_back_when_pronouns_are_left_unresolved() -> None:
    text = (
        "Coach Imelda Farrow spoke after the final whistle.\n"
        '"We will rebuild this squad through the youth academy," she said.'
    )
    c = only(claims_of(text, pronouns=False), "rebuild", text)
    assert c.asserter_entity == entity_of(text, "Imelda Farrow", pronouns=False)


def test_multi_sentence_quote_gives_one_speaker_claim_per_sentence() -> None:
    text = (
        'Mayor Odile Brandvik addressed the crowd. "The levee held for three days. '
        'Nobody in the lower town lost a home," Brandvik said.'
    )
    found = [c for c in claims_of(text) if c.asserter == "speaker"]
    assert len(found) == 2
    assert {c.asserter_entity for c in found} == {entity_of(text, "Odile Brandvik")}
    assert found[0].numbers[0].value == 3 and found[0].numbers[0].unit == "day"
    assert found[1].negated


def test_attribution_stub_without_its_quote_is_no_claim() -> None:
    text = 'Inspector Vell Amari said:\n"The hatch was left open by the night crew."'
    found = claims_of(text)
    assert all("hatch" in span(text, c) for c in found)
    assert found and found[0].asserter == "speaker"


def test_relayed_statement_goes_to_the_original_speaker() -> None:
    text = "The dam will be finished next year, engineer Pilar Souto said, a regional paper reported."
    [c] = claims_of(text)
    assert c.asserter_entity == entity_of(text, "Pilar Souto")
    assert content(text, c) == "The dam will be finished next year"


# --- clauses -------------------------------------------------------------------------------


def test_sentence_with_two_assertions_splits_at_while() -> None:
    text = (
        "Officer Dana Quill confirmed that the tunnel will reopen next week, "
        "while noting that the old bridge remains closed to lorries."
    )
    found = claims_of(text)
    assert len(found) == 2
    tunnel, bridge = found
    assert "tunnel" in span(text, tunnel) and "bridge" not in span(text, tunnel)
    assert "bridge" in content(text, bridge)
    assert tunnel.asserter == bridge.asserter == "speaker"
    assert tunnel.times == ("2024-W12",) and bridge.times == ()


def test_split_needs_a_new_subject_and_two_clauses() -> None:
    t = "The board met the auditors, and set a deadline for the report."
    assert split_clauses(t, 0, len(t)) == [(0, len(t))]
    t = "The board met the auditors; the auditors found no fraud in the accounts."
    assert len(split_clauses(t, 0, len(t))) == 2
    t = "Selma, who had waited, and the others agreed to stay overnight."
    assert split_clauses(t, 0, len(t)) == [(0, len(t))]
    t = "The board met the auditors, and shareholders voted against the merger."
    assert len(split_clauses(t, 0, len(t))) == 2
    t = "The board met the auditors, and then left the building together."
    assert split_clauses(t, 0, len(t)) == [(0, len(t))]


# --- what is not a claim -------------------------------------------------------------------


def test_questions_fragments_and_excluded_captions_are_no_claims() -> None:
    text = (
        "Will the harbour reopen before the storm season?\n"
        "Rescue boats at dawn.\n"
        "Divers pictured near the wreck on Monday (file photo)\n"
        "Divers recovered the second engine from the wreck on Monday."
    )
    caption_start = text.index("Divers pictured")
    caption = Extent(caption_start, text.index("\n", caption_start))
    found = claims_of(text, excluded=(caption,))
    assert [span(text, c) for c in found] == ["Divers recovered the second engine from the wreck on Monday."]


@pytest.mark.parametrize(
    ("sentence", "is_clause"),
    [
        ("The new ferry carries a crew of nine.", True),
        ("Two hikers died on the ridge.", True),
        ("Rescue boats near the harbour at dawn.", False),
        ("Lena Ostrova, Harbour Radio, Port Ellis.", False),
    ],
)
def test_clause_needs_a_verb(sentence: str, is_clause: bool) -> None:
    assert clause_like(words(sentence)) is is_clause


def test_quoted_question_is_no_claim() -> None:
    text = '"Who will pay for the new sea wall?" the harbour master asked.'
    assert claims_of(text) == []


# --- numbers -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("phrase", "value", "unit"),
    [
        ("12 killed", 12.0, "killed"),
        ("a 14-point plan", 14.0, "point"),
        ("$3 million", 3_000_000.0, "USD"),
        ("6%", 6.0, "%"),
        ("6 percent", 6.0, "%"),
        ("twelve families", 12.0, "family"),
        ("100 days", 100.0, "day"),
        ("1,200 homeless", 1200.0, "homeless"),
        ("€2.5bn", 2_500_000_000.0, "EUR"),
        ("twenty-one boats", 21.0, "boat"),
        ("12 people were killed", 12.0, "killed"),
    ],
)
def test_numbers_with_units(phrase: str, value: float, unit: str) -> None:
    [q] = find_quantities(f"Officials counted {phrase} by noon.")
    assert (q.value, q.unit) == (value, unit)


def test_numbers_in_dates_ordinals_and_names_are_skipped() -> None:
    text = "On March 3, 2024 the 3rd Battalion flew Boeing 737 jets at 10:30 with 40 crew."
    times = find_times(text, ANCHOR)
    assert [(q.value, q.unit) for q in find_quantities(text, times)] == [(40.0, "crew")]


def test_hedged_figures_and_conflicts() -> None:
    exact, about, more = find_quantities("143 people, about 140 people, more than 150 people")
    assert about.hedge == "~" and more.hedge == ">"
    assert not number_conflict(exact, about)
    assert number_conflict(exact, more)
    assert number_conflict(exact, Quantity(140, "people", "140 people", 0, 10))
    assert not number_conflict(exact, Quantity(140, "day", "140 days", 0, 8))
    a, b = find_quantities("3 million dollars and $3.2 million")
    assert not number_conflict(a, b)  # "3 million" is written to the nearest million
    c, d = find_quantities("6 percent against 9%")
    assert number_conflict(c, d)


# --- negation, stance, hedges --------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "is_negated"),
    [
        ("The committee has never published the minutes of the meeting.", True),
        ("The ferry company wasn't aware of the fault.", True),
        ("The port authority had no plans to expand the terminal.", True),
        ("If the talks don't resume, the strike will continue next week.", False),
        ("The guards agreed to not search the vans before noon.", False),
        ("The mayor approved the plan, which critics say is not costed.", False),
        ("Fine, let the auditors look at it, no problem at all.", False),
        ("The crews are not leaving the platform tonight.", True),
        ("The crews planned a march and not leaving the platform.", False),
    ],
)
def test_negation_of_the_main_clause(sentence: str, is_negated: bool) -> None:
    assert negated(words(main_scope(sentence))) is is_negated


def test_denial_cue_negates_its_content() -> None:
    text = "The shipping ministry denied that the tanker had been leaking fuel for weeks."
    [c] = claims_of(text)
    assert c.asserter == "speaker" and c.negated


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The dockers agreed to the new pay offer.", "accept"),
        ("The dockers rejected the new pay offer.", "reject"),
        ("The dockers refused to accept the new pay offer.", "reject"),
        ("The dockers did not accept the new pay offer.", "reject"),
        ("The owners pressed the dockers to accept the offer.", None),
        ("The dockers met the owners on Friday.", None),
        ("The union leader, who was not at the meeting, rejected the offer.", "reject"),
    ],
)
def test_stance(sentence: str, expected: str | None) -> None:
    assert stance(words(main_scope(sentence))) == expected


def test_hedged_and_negated_claims_from_text() -> None:
    text = "The old lighthouse may close next spring. The council did not approve the repairs."
    first, second = claims_of(text)
    assert first.hedged and not first.negated
    assert second.negated and second.stance == "reject"


def test_key_terms_are_stems_without_stopwords() -> None:
    assert stem("negotiations") == stem("negotiation")
    assert stem("withdrawal") == stem("withdraw")
    text = "The rebels said they would withdraw their fighters from the valley."
    [c] = claims_of(text)
    assert {stem("withdraw"), stem("fighters"), stem("valley")} <= set(c.key_terms)
    assert not {"said", "the", "they"} & set(c.key_terms)


# --- robustness ----------------------------------------------------------------------------


def test_handmade_inputs_with_odd_extents_do_not_break() -> None:
    text = 'Ulla Berg said the old mill closed. "Odd'
    mention = MentionExpr(0, 9, "PERSON", "Ulla Berg")
    said = text.index(" the")
    attributions = [
        Attribution("indirect", Extent(said + 1, text.index(".")), Extent(0, 9), Extent(10, 14)),
        Attribution("direct", Extent(30, 400), None, None),
        Attribution("indirect", Extent(5, 2), Extent(-3, 1), Extent(50, 60)),
    ]
    times = [TimeExpr(500, 510, "DATE", "2024")]
    sentences = [Extent(0, text.index(".") + 1), Extent(text.index('"'), 999), Extent(-5, 3)]
    found = find_claims(text, sentences, attributions, [mention], [], times)
    assert found and found[0].asserter == "speaker" and found[0].asserter_entity is None
    for c in found:
        assert 0 <= c.start <= c.end <= len(text)


_PIECES = [
    "Ada ",
    "Berg ",
    "said ",
    "not ",
    "that ",
    "12 ",
    "$3 million",
    "Nov. 4 ",
    ". ",
    ", ",
    "; ",
    "? ",
    '"',
    "“",
    "”",
    "’",
    "\n",
    "😀",
    "שלום ",
    "مرحبا ",
    "—",
    "(",
    ")",
    "while ",
    "and the ",
    "never ",
]
_TEXT = st.one_of(st.text(max_size=200), st.lists(st.sampled_from(_PIECES), max_size=60).map("".join))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_TEXT, st.data())
def test_find_claims_never_raises_and_stays_in_the_text(text: str, data: st.DataObject) -> None:
    n = len(text)
    extent = st.builds(Extent, st.integers(-5, n + 5), st.integers(-5, n + 5))
    sentences = data.draw(st.one_of(st.just(split_sentences(text)), st.lists(extent, max_size=5)))
    attributions = data.draw(
        st.one_of(
            st.just(find_attributions(text)),
            st.lists(
                st.builds(
                    Attribution,
                    st.sampled_from(["direct", "indirect"]),
                    extent,
                    st.one_of(st.none(), extent),
                    st.one_of(st.none(), extent),
                ),
                max_size=3,
            ),
        )
    )
    mentions = find_mentions(text)
    entities = data.draw(st.one_of(st.just(resolve_article(text, mentions)), st.just([])))
    found = find_claims(text, sentences, attributions, mentions, entities, find_times(text, None))
    for c in found:
        assert 0 <= c.start <= c.end <= n
        assert c.start <= c.content_start <= c.content_end <= c.end
        assert c.asserter in ("outlet", "speaker")
        assert all(0 <= q.start <= q.end <= n and text[q.start : q.end] == q.text for q in c.numbers)
