"""The quote extractor's shortcuts give what the plain computations they skip give."""

from __future__ import annotations

import random
from itertools import pairwise

from corroborate.extract.quote_frames import extend_cue, is_adverb
from corroborate.extract.quote_phrases import tokens
from corroborate.extract.quotemarks import find_quotations
from corroborate.extract.quotes import find_attributions
from corroborate.extract.speech_verbs import AUXILIARIES, CueLexicon, CueMatch, cue_lexicon

_TEXT = (
    'Lena Varga has also said: "We will not sign." The minister, who spoke Monday, later '
    "told reporters that the plan was dead-on-arrival. 'Never,' she added. It's the aides' "
    "view, Σ officials said ıt, and the ſaid deal was over-said.\nAccording to Tom Brisk, "
    'the vote is off. "A," he said, "B."\n"C," said Ann Lo.'
)
_INSERTS = ["Σ", "ı", "İ", "ſ", "K", '"', "“", "”", "'", "’", "-", ":", ",", ".", "\n", " ", "said", "has "]


def _variants(n: int = 60) -> list[str]:
    rng = random.Random(3)
    out = [_TEXT]
    for _ in range(n):
        chars = list(_TEXT)
        for _ in range(rng.randint(1, 12)):
            chars.insert(rng.randrange(len(chars) + 1), rng.choice(_INSERTS))
        out.append("".join(chars))
    return out


def _plain_extend(text: str, lo: int, start: int, end: int) -> tuple[int, int]:
    for tok_start, _, word in reversed(tokens(text, max(lo, start - 60), start)):
        if word.lower() not in AUXILIARIES and not is_adverb(word):
            break
        start = tok_start
    return start, end + (text[end : end + 1] == ":")


def test_extend_cue_matches_the_token_walk() -> None:
    for text in _variants():
        for end in range(1, len(text)):
            e = extend_cue(text, 0, end - 1, end)
            assert (e.start, e.end) == _plain_extend(text, 0, end - 1, end)


def test_cues_of_a_text_seen_again_are_the_units_own() -> None:
    lexicon = cue_lexicon()
    fresh = CueLexicon(lexicon.forms, lexicon.objects)
    for text in _variants():
        cuts = sorted({0, len(text), *random.Random(len(text)).sample(range(len(text)), 8)})
        for lo, hi in pairwise(cuts):
            # the same text object again and again: the whole-text scan answers
            assert fresh.find(text, lo, hi) == _per_unit(lexicon, text, lo, hi)


def _per_unit(lexicon: CueLexicon, text: str, lo: int, hi: int) -> list[CueMatch]:
    copy = "".join(list(text))  # a new object each time: never the cached text
    return lexicon.find(copy, lo, hi)


def test_single_quotes_inside_double_ones_are_not_quotations() -> None:
    text = "He said \"it's 'done' now\" and 'then' it's over, the aides' 'plan' too."
    spans = [text[q.start : q.end] for q in find_quotations(text)]
    assert spans == ["\"it's 'done' now\"", "'then'", "'plan'"]


def test_attributions_do_not_depend_on_the_text_object() -> None:
    for text in _variants(20):
        first = find_attributions(text)
        assert find_attributions("".join(list(text))) == first == find_attributions(text)
