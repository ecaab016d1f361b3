"""Sentence splitting: abbreviations, quotes, ellipses, offsets. All sentences are invented."""

from hypothesis import given, settings
from hypothesis import strategies as st

from corroborate.extract.sentences import split_sentences


def sentences(text: str) -> list[str]:
    return [text[e.start : e.end] for e in split_sentences(text)]


def test_titles_dates_and_country_abbreviations_do_not_end_sentences():
    text = "Lt. Col. Ana Ruiz met U.S. Army officers on Nov. 24 in the capital. They agreed."
    assert sentences(text) == [
        "Lt. Col. Ana Ruiz met U.S. Army officers on Nov. 24 in the capital.",
        "They agreed.",
    ]


def test_an_abbreviation_before_a_sentence_starter_ends_the_sentence():
    text = "The talks took place in the U.S. The next round is in Geneva."
    assert sentences(text) == ["The talks took place in the U.S.", "The next round is in Geneva."]


def test_initials_and_titles_stay_inside_the_name():
    text = "Former Gov. John Q. Adams and Dr. Lee spoke at 5 p.m. on Friday."
    assert sentences(text) == [text]


def test_closing_quote_goes_with_its_sentence():
    text = '"The vote is over." Reporters left the hall.'
    assert sentences(text) == ['"The vote is over."', "Reporters left the hall."]


def test_a_question_inside_a_quote_followed_by_lower_case_does_not_split():
    text = '"Is it over?" she asked. "Yes!" he said.'
    assert sentences(text) == ['"Is it over?" she asked.', '"Yes!" he said.']


def test_ellipsis_before_a_capital_ends_a_sentence():
    text = "We waited … Nobody came. It was late... and cold."
    assert sentences(text) == ["We waited …", "Nobody came.", "It was late... and cold."]


def test_line_breaks_always_end_sentences_and_blank_lines_vanish():
    text = "Headline without a period\n\n  First line of the body.  \nSecond line"
    assert sentences(text) == ["Headline without a period", "First line of the body.", "Second line"]


def test_offsets_point_into_the_text_and_are_trimmed():
    text = "  One. Two!   Three?  "
    spans = split_sentences(text)
    assert [(e.start, e.end) for e in spans] == [(2, 6), (7, 11), (14, 20)]


def test_no_sentences_in_empty_or_blank_text():
    assert split_sentences("") == []
    assert split_sentences(" \n\t\n ") == []


odd_text = st.lists(
    st.sampled_from(list("ab AB.!?…\"'“”‘’«»„\n,;:") + ["U.S.", "Mr.", "ש", "م", "😀", "\u200f", "SAID"]),
    max_size=120,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(odd_text)
def test_never_raises_and_extents_are_ordered_trimmed_and_inside(text):
    spans = split_sentences(text)
    last = 0
    for e in spans:
        assert last <= e.start < e.end <= len(text)
        assert not text[e.start].isspace() and not text[e.end - 1].isspace()
        last = e.end


@settings(max_examples=50, deadline=None)
@given(st.integers(min_value=1, max_value=2000))
def test_long_runs_without_spaces_are_one_sentence(n):
    text = "A" * n + "."
    assert sentences(text) == [text]
