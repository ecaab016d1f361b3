"""Speed shortcuts in cleaning and the story features give what the plain code gave.

Each reference below is the straightforward form a shortcut replaced, kept here so a
change to either side that breaks the equivalence fails at once.
"""

from __future__ import annotations

import random
import re

from corroborate.clean import embeds, vocab
from corroborate.clean.alternation import exact_alternation
from corroborate.cluster import text as ctext

_PIECES = ["a", "b", "Cd", "Éa", "x.", "7", "3.5", "2,500", "May", "4", "Sunday", "of", "de", "O'Neill", "’s"]
_GAPS = [" ", "  ", ". ", "! ", "? ", ".\n", "\n", "\n\n", " .", "?!  ", ", ", " — ", "\u00a0", ".\u2028"]


def _random_texts(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return [
        "".join(rng.choice(_PIECES) + rng.choice(_GAPS) for _ in range(rng.randint(0, 14)))
        for _ in range(count)
    ]


def test_sentence_tokens_as_split_by_sentences() -> None:
    for text in _random_texts(3000, seed=1):
        expected = [t for t in (ctext._TOKEN.findall(s) for s in ctext.sentences(text)) if t]
        assert ctext._token_sentences(text) == expected, text


def _reference_proper_words(body: list[list[str]], title: list[list[str]]) -> set[str]:
    capital = {ctext._token(t)[0] for tokens in body for t in tokens[1:] if t[0].isupper()}
    lower = {ctext._token(t)[0] for tokens in [*body, *title] for t in tokens if t[0].islower()}
    return {w for w in capital - lower if w not in ctext._NOT_NAMES and len(w) > 1}


def _reference_sentence_features(tokens: list[str], proper: set[str]) -> list[str]:
    parsed = [ctext._token(tok) for tok in tokens]
    found = [feature for _, feature, _ in parsed if feature]
    found += ctext.name_runs([word for word, _, _ in parsed], proper)
    months = [month for _, _, month in parsed]
    return found + (ctext.day_features(tokens, months) if any(months) else [])


def _reference_features(title: str, text: str, weights: tuple[float, float, int]) -> dict[str, float]:
    title_weight, lead_weight, lead_sentences = weights
    title_sents = [t for t in (ctext._TOKEN.findall(s) for s in ctext.sentences(title)) if t]
    body_sents = [t for t in (ctext._TOKEN.findall(s) for s in ctext.sentences(text)) if t]
    proper = _reference_proper_words(body_sents, title_sents) | ctext._title_only_names(
        title_sents, body_sents
    )
    counts: dict[str, float] = {}
    weighted = [(title_weight, t) for t in title_sents]
    weighted += [(lead_weight if i < lead_sentences else 1.0, t) for i, t in enumerate(body_sents)]
    for weight, tokens in weighted:
        for feature in _reference_sentence_features(tokens, proper):
            counts[feature] = counts.get(feature, 0.0) + weight
    return counts


def test_features_as_computed_token_by_token() -> None:
    texts = _random_texts(1500, seed=2)
    for i, text in enumerate(texts):
        title = texts[i - 1][:40]
        for weights in ((2.0, 1.5, 3), (1.3, 0.7, 2)):
            found = ctext.features(title, text, *weights)
            expected = _reference_features(title, text, weights)
            assert list(found.counts.items()) == list(expected.items()), (title, text)
            sents = [t for t in (ctext._TOKEN.findall(s) for s in ctext.sentences(text)) if t]
            assert ctext.proper_words(sents, sents[:1]) == _reference_proper_words(sents, sents[:1])


def test_prepared_counts_words_as_split_does() -> None:
    rng = random.Random(3)
    chars = "ab .…,\u00a0“!?;:"
    texts = [
        "",
        ".",
        "a .",
        "x…",
        "a b c d e" + "f" * 300,
        "x" * 300 + " b c d e",
        "w " * 5 + "x" * 300 + "…",
    ]
    texts += ["".join(rng.choice(chars) for _ in range(rng.randint(0, 16))) for _ in range(5000)]
    for text in texts:
        needle, words, searchable = embeds._prepared.__wrapped__(text)
        tokens = needle.text.split()
        long_key = (
            len(tokens) > embeds._KEY_WORDS and len(" ".join(tokens[: embeds._KEY_WORDS])) > embeds._KEY_SPAN
        )
        assert (words, searchable) == (len(tokens), not long_key), text


def test_exact_alternation_matches_the_words_it_is_given() -> None:
    rng = random.Random(4)
    for _ in range(300):
        words = tuple(
            {"".join(rng.choice("abc ") for _ in range(rng.randint(1, 4))) for _ in range(rng.randint(1, 6))}
        )
        tree = re.compile(exact_alternation(words))
        for probe in {
            *words,
            *("".join(rng.choice("abc ") for _ in range(rng.randint(0, 5))) for _ in range(30)),
        }:
            assert bool(tree.fullmatch(probe)) == (probe in words), (words, probe)


def test_imperative_answers_as_the_pattern_does() -> None:
    rng = random.Random(5)
    pieces = [
        *vocab._IMPERATIVE_VERBS,
        "logi",
        "logins",
        "Don’t",
        "DO NOT",
        "ſign",
        "\u212aeep",
        "Please",
        "for more a,",
    ]
    gaps = [" ", "", ". ", "! ", "?\n", "\u00a0"]
    for _ in range(20000):
        text = "".join(rng.choice(pieces) + rng.choice(gaps) for _ in range(rng.randint(0, 6)))
        assert vocab.imperative(text) == bool(vocab.IMPERATIVE.search(text)), text
