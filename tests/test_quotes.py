"""Quote and reported-speech extraction on invented news sentences, spans asserted exactly."""

import time

from hypothesis import given, settings
from hypothesis import strategies as st

from corroborate.extract.base import Attribution
from corroborate.extract.quotemarks import find_quotations
from corroborate.extract.quotes import QuoteAttribution, find_attributions
from corroborate.extract.sentences import split_sentences
from corroborate.extract.speech_verbs import CueLexicon, cue_lexicon, head_form


def found(text: str) -> list[tuple]:
    """(source, cue, content pieces, kind) as strings, in order."""
    out = []
    for a in find_attributions(text):
        pieces = getattr(a, "pieces", ()) or (a.content,)
        out.append(
            (
                text[a.source.start : a.source.end] if a.source else None,
                text[a.cue.start : a.cue.end] if a.cue else None,
                [text[p.start : p.end] for p in pieces],
                a.kind,
            )
        )
    return out


# --- direct quotes, attribution after, before, inverted --------------------------------------


def test_quote_then_name_and_verb():
    text = '"We will not back down," Mayor Ellen Vasquez said.'
    assert found(text) == [("Mayor Ellen Vasquez", "said", ['"We will not back down,"'], "direct")]


def test_quote_then_inverted_verb_and_name_with_appositive():
    text = '"The budget is balanced," said Tom Reyes, the city treasurer.'
    assert found(text) == [("Tom Reyes, the city treasurer", "said", ['"The budget is balanced,"'], "direct")]


def test_attribution_before_the_quote_with_a_colon():
    text = 'The governor said: "Schools will reopen on Monday."'
    assert found(text) == [("The governor", "said:", ['"Schools will reopen on Monday."'], "direct")]


def test_told_reporters_with_a_pronoun_source():
    text = "“We are close to a deal,” he told reporters after the meeting."
    assert found(text) == [("he", "told", ["“We are close to a deal,”"], "direct")]


def test_role_phrase_source():
    text = "“Nothing has been signed,” the Ruritanian leader said on Friday."
    assert found(text) == [("the Ruritanian leader", "said", ["“Nothing has been signed,”"], "direct")]


def test_a_spokesperson_for_an_organisation():
    text = "“The claims are false,” a spokesperson for the ministry said."
    assert found(text) == [("a spokesperson for the ministry", "said", ["“The claims are false,”"], "direct")]


def test_the_statement_read():
    text = '"We regret the error," the statement read.'
    assert found(text) == [("the statement", "read", ['"We regret the error,"'], "direct")]


def test_every_quote_mark_style():
    for quote in ("“We stay,”", "«We stay,»", "„We stay“,", "‘We stay,’", "''We stay,''", '"We stay,"'):
        text = f"{quote} the mayor said."
        mark_end = quote.rstrip(",") if quote.endswith("“,") else quote
        assert found(text) == [("the mayor", "said", [mark_end], "direct")], quote


def test_unknown_verb_after_a_quotation_still_attributes_it():
    text = "“That is a rumour,” Ms. Okafor scoffed."
    assert found(text) == [("Ms. Okafor", "scoffed", ["“That is a rumour,”"], "direct")]


def test_dash_attribution_line():
    text = '"We will rebuild the school."\n\n— Maria Lopez, 34, teacher'
    assert found(text) == [("Maria Lopez", "—", ['"We will rebuild the school."'], "direct")]


# --- split quotes and quotes continued by further sentences and paragraphs ---------------------


def test_split_quote_is_one_attribution_in_two_pieces():
    text = '"The bridge is safe," the engineer said, "but the ramps need work."'
    assert found(text) == [
        ("the engineer", "said", ['"The bridge is safe,"', '"but the ramps need work."'], "direct")
    ]


def test_a_following_quoted_sentence_joins_the_previous_speaker():
    text = "“We expect rain,” the forecaster told reporters. “Bring an umbrella.”"
    assert found(text) == [
        ("the forecaster", "told", ["“We expect rain,”", "“Bring an umbrella.”"], "direct")
    ]


def test_a_quote_before_its_attribution_joins_the_next_speaker():
    text = "“Thanks for coming.” “It was a pleasure,” the host said."
    assert found(text) == [("the host", "said", ["“Thanks for coming.”", "“It was a pleasure,”"], "direct")]


def test_multi_paragraph_quote_opened_and_not_closed():
    text = '"The first part of the plan is done.\n\n"The second part starts in May," she said.'
    assert found(text) == [
        (
            "she",
            "said",
            ['"The first part of the plan is done.', '"The second part starts in May,"'],
            "direct",
        )
    ]


def test_paragraph_of_quote_followed_by_he_added():
    text = '"The vote was close," the senator said.\n\n"We will try again next year," he added.'
    assert found(text) == [
        ("the senator", "said", ['"The vote was close,"'], "direct"),
        ("he", "added", ['"We will try again next year,"'], "direct"),
    ]


def test_colon_cue_takes_the_quote_of_the_next_paragraph():
    text = "The coach added:\n\n“The team trained all week.”"
    assert found(text) == [("The coach", "added:", ["“The team trained all week.”"], "direct")]


# --- reported speech ----------------------------------------------------------------------------


def test_partial_quote_is_content_of_the_sentence_attribution():
    text = 'The minister also said it was "premature" to discuss a deal.'
    assert found(text) == [
        ("The minister", "also said", ['it was "premature" to discuss a deal'], "indirect")
    ]


def test_said_that_keeps_that_and_drops_the_period():
    text = "Officials said that the road would reopen next week."
    assert found(text) == [("Officials", "said", ["that the road would reopen next week"], "indirect")]


def test_told_reporters_skips_the_addressee():
    text = "The mayor told reporters on Monday that the plan was final."
    assert found(text) == [("The mayor", "told", ["that the plan was final"], "indirect")]


def test_confirmed_and_made_clear():
    text = "Kim confirmed that talks would resume. She also made clear that the offer would expire."
    assert found(text) == [
        ("Kim", "confirmed", ["that talks would resume"], "indirect"),
        ("She", "also made clear", ["that the offer would expire"], "indirect"),
    ]


def test_according_to_before_and_after():
    assert found("According to the ministry, 40 people were hurt.") == [
        ("the ministry", "According to", ["40 people were hurt"], "indirect")
    ]
    assert found("Forty people were hurt, according to a spokesperson for the ministry.") == [
        ("a spokesperson for the ministry", "according to", ["Forty people were hurt"], "indirect")
    ]


def test_reported_clause_before_the_speaker():
    text = "The talks went well, the Ruritanian leader said."
    assert found(text) == [("the Ruritanian leader", "said", ["The talks went well"], "indirect")]


def test_participle_takes_the_main_speaker_and_cuts_the_first_content():
    text = "The chief confirmed that the bridge would close, adding that repairs would take a year."
    assert found(text) == [
        ("The chief", "confirmed", ["that the bridge would close"], "indirect"),
        ("The chief", "adding", ["that repairs would take a year"], "indirect"),
    ]


def test_an_aside_between_commas_gives_two_pieces():
    text = "Most of the closures, he said, have hit public courses."
    assert found(text) == [("he", "said", ["Most of the closures", "have hit public courses"], "indirect")]


def test_a_poll_as_source():
    text = "A new poll shows that the senator leads by six points."
    assert found(text) == [("A new poll", "shows", ["that the senator leads by six points"], "indirect")]


def test_nouns_are_not_cues_and_plain_text_has_no_attribution():
    assert found("The note on the door was short. The show starts at nine.") == []
    assert found("") == []


# --- API shape ---------------------------------------------------------------------------------


def test_content_spans_all_pieces_and_sentences_may_be_given():
    text = '"The bridge is safe," the engineer said, "but the ramps need work."'
    (a,) = find_attributions(text, split_sentences(text))
    assert isinstance(a, QuoteAttribution) and isinstance(a, Attribution)
    assert (a.content.start, a.content.end) == (a.pieces[0].start, a.pieces[-1].end)


def test_lexicon_keys_and_finder():
    assert head_form("has also said:") == "said" and head_form("According to") == "according_to"
    lex = CueLexicon(["said", "according_to", "made_clear"])
    text = "Unsaid, she said. According to him, they made  clear it."
    assert [m.form for m in lex.find(text, 0, len(text))] == ["said", "according_to", "made_clear"]
    assert "said" in cue_lexicon().forms


def test_quotations_pair_mixed_and_nested_marks():
    text = '“I heard his speech," Jo said. "He wants “more” time.”'
    assert [text[q.start : q.end] for q in find_quotations(text)] == [
        '“I heard his speech,"',
        '"He wants “more” time.”',
    ]


# --- robustness ----------------------------------------------------------------------------------

_pieces = st.sampled_from(
    [
        '"',
        "“",
        "”",
        "‘",
        "’",
        "'",
        "«",
        "»",
        "„",
        "''",
        " said ",
        " told reporters ",
        ", he added",
        "according to ",
        "The Mayor",
        "THE MAYOR SAID",
        ".",
        ",",
        ":",
        "\n",
        "\n\n",
        " ",
        "Yes",
        "ש",
        "م",
        "😀",
        "— ",
        "(",
        ")",
    ]
)


def _within(text: str, a: Attribution) -> bool:
    extents = [a.content, a.source, a.cue, *getattr(a, "pieces", ())]
    return all(e is None or 0 <= e.start <= e.end <= len(text) for e in extents)


@settings(max_examples=300, deadline=None)
@given(st.lists(_pieces, max_size=80).map("".join))
def test_never_raises_and_extents_lie_within_the_text(text):
    for a in find_attributions(text):
        assert _within(text, a)
        assert a.kind in ("direct", "indirect")
        assert all(a.content.start <= p.start <= p.end <= a.content.end for p in getattr(a, "pieces", ()))


@settings(max_examples=20, deadline=None)
@given(st.integers(min_value=100, max_value=5000), st.booleans())
def test_very_long_and_unbalanced_quotes(n, closed):
    body = "word " * n
    text = (
        f'The mayor said: "{body}' + ('," she added.' if closed else "") + "\n\nNext paragraph said nothing."
    )
    for a in find_attributions(text):
        assert _within(text, a)


def test_freak_text_stays_fast():
    # thousands of cues in one sentence, thousands of quotations in one paragraph
    for text in ("he said " * 3000, '"Yes." ' * 5000, "“" * 3000 + " he said"):
        start = time.process_time()
        find_attributions(text)
        assert time.process_time() - start < 2.0


def test_all_caps_rtl_and_emoji_text():
    for text in (
        "THE MAYOR SAID THE ROAD IS CLOSED.",
        'قال الرئيس "نحن هنا"',
        '😀 "Yes," 😀 said.',
        "“”",
        '"',
    ):
        for a in find_attributions(text):
            assert _within(text, a)


def test_letters_that_match_a_cue_only_by_case_folding_do_not_crash():
    # the long s and the Kelvin sign fold onto "s" and "k"; they once raised KeyError here
    long_s = '"The mill will close," the owner ſaid on Monday.'
    found = find_attributions(long_s)
    assert [long_s[a.source.start : a.source.end] for a in found if a.source] == ["the owner"]
    find_attributions("The \u212aessel ferry said nothing, the crew \u212anew.")
