"""The fast tokenizer and the mention-finding shortcuts give what the plain versions gave."""

from __future__ import annotations

import dataclasses
import pickle
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corroborate.extract.entities import MentionExpr
from corroborate.extract.mention_context import build_context
from corroborate.extract.mention_names import is_acronym
from corroborate.extract.mention_tokens import (
    _ABBREVIATIONS,
    _NON_FINAL_ABBR,
    _SENTENCE_END,
    _TRANSPARENT,
    Token,
    headline_lines,
    tokenize,
    where,
)

# The tokenizer as first written (one match per token, a line-break search per gap), kept as
# the reference the faster one must reproduce.
_PLAIN = re.compile(
    r"(?P<acro>(?:[A-Z]\.){2,})"
    rf"|(?=[A-Za-z]{{1,4}}\.)(?:(?P<abbr>\b(?:{_ABBREVIATIONS})\.)|(?P<init>\b[A-Z]\.(?=\s+[A-Z])))"
    r"|(?=[\w-]+\.\w)(?P<url>\b[\w-]++(?:\.[\w-]++)+(?<=\.com|\.org|\.net|\.gov|\.edu|\.int)\b)"
    r"|(?P<word>[^\W_]++(?:(?:-|['’](?!s\b))[^\W_]++|_++[^\W_]*+)*+)"
    r"|(?P<poss>['’]s\b|(?<=s)['’](?![^\W_]))"
    r"|(?P<punct>\S)"
)


def _plain_tokenize(text: str) -> list[Token]:
    tokens, line, expect_start, prev_end = [], 0, True, 0
    for m in _PLAIN.finditer(text):
        kind, (start, end) = m.lastgroup or "punct", m.span()
        word = text[start:end]
        newline = "\n" in text[prev_end:start]
        if newline:
            line, expect_start = line + 1, True
        prev_end = end
        if kind == "punct":
            tokens.append(Token(start, end, word, kind, False, False, newline, line))
            if word not in _TRANSPARENT:
                expect_start = word in _SENTENCE_END
            continue
        initial = expect_start and kind != "poss"
        tokens.append(Token(start, end, word, kind, word[:1].isupper(), initial, newline, line))
        expect_start = kind == "abbr" and word not in _NON_FINAL_ABBR
    return tokens


# Pieces that exercise every branch: abbreviations, initials, acronyms, web addresses (and
# near misses), possessives, contractions, hyphens, underscores, odd spaces and letters.
_PIECES = [
    *"aAsSzZ0é É.-_'’\"“”()#@!?:…,\n\t\r\x0b\x0c\u00a0\u2028ǅⒶ",
    "Mr.",
    "Dr.",
    "etc.",
    "Inc.",
    "Jr.",
    "J. ",
    "U.S.",
    "N.A.T.O.",
    "vs.",
    ".com",
    "x.org",
    "a.-.com",
    "'s",
    "s'",
    "O'Neil",
    "we'll",
    "al-",
    " \n \n",
]


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=40).map("".join))
def test_tokenize_matches_the_plain_tokenizer(text: str) -> None:
    assert tokenize.__wrapped__(text) == _plain_tokenize(text)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "\n\nLeading breaks. Then words.\n",
        "Trailing spaces   ",
        "Mr. Tarn met Dr. Olu at hq.example.com today.\nJ. Tarn said: “No.” (Etc.) Then rain.",
        "Go to a.-.com or bB.-Zx.org now; U.S. Jobs rose.",
        "Velmar’s envoy and the Tarns’ dog, we’ll see\r\n\tNext line",
    ],
)
def test_tokenize_on_written_cases(text: str) -> None:
    assert tokenize.__wrapped__(text) == _plain_tokenize(text)


def test_a_dotted_word_that_is_no_address_stays_a_word() -> None:
    assert [(t.text, t.type) for t in tokenize("see a.-.com")][:2] == [("see", "word"), ("a", "word")]


def test_headline_lines_bound_keeps_shouting_and_title_case() -> None:
    text = (
        "VELMAR FLOODS HIT TOWNS\n"
        "Tarn Council Plans New Bridge\n"
        "Tarn Council Plans New Bridge.\n"
        "The council said it would meet Ida Tarn and Olu Brandt.\n"
        "IT WAS ok"
    )
    assert sorted(headline_lines(tokenize(text))) == [0, 1]


def test_where_gives_true_positions() -> None:
    assert where([]) == [] and where(iter([False, 2, None, "a"])) == [1, 3]


def test_token_at_finds_the_token_holding_a_character() -> None:
    ctx = build_context("Ida Tarn-Oslo  left.")
    assert [ctx.token_at(p) for p in (0, 2, 3, 4, 9, 13, 14, 15, 19)] == [0, 0, -1, 1, 1, -1, -1, 2, 3]


def test_mention_expr_defaults_and_frozen() -> None:
    m = MentionExpr(4, 9, "PERSON", "Tarn", gender="f")
    assert (m.phrase_start, m.phrase_end, m.title, m.is_pronoun) == (4, 9, None, False)
    assert MentionExpr(4, 9, "PERSON", "Tarn", phrase_start=0).phrase_start == 0
    assert m == MentionExpr(4, 9, "PERSON", "Tarn", gender="f") and hash(m) == hash(
        pickle.loads(pickle.dumps(m))
    )
    assert dataclasses.replace(m, kind="ORG").kind == "ORG"
    with pytest.raises(dataclasses.FrozenInstanceError):
        m.start = 0  # type: ignore[misc]


def test_is_acronym_ignores_dots_and_ampersands() -> None:
    assert [is_acronym(w) for w in ("AT&T", "A.B.", "At&T", "&", "ABCDEFG", "A1")] == [
        True,
        True,
        False,
        False,
        False,
        False,
    ]
