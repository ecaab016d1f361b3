"""The shortcuts that make cleaning fast answer exactly as the slow way did.

Mostly literal prefilters: a tuple of keys checked with a substring test before an expensive
pattern runs, sound when every match of the pattern contains one of the keys. That is proved
here from the parsed pattern: each way through it is spelled out as its literal text, with a
gap wherever it matches something other than fixed characters, and one of the keys must lie
inside the fixed stretches of every way. The same is then checked on examples (the golden
cases, known prompts, credits and notices) and on random text, as are the other shortcuts:
alternatives run only when their keys are there, patterns tried only where a match can
start, the repeat search without a sentence index, and the inner-space test.

All text here is our own.
"""

from __future__ import annotations

import json
import random
import re
import sys
from pathlib import Path
from re import _constants as sre
from re import _parser as sre_parse  # type: ignore[attr-defined]

import pytest

from corroborate.clean import bio, captions, embeds, footer, vocab
from corroborate.clean.paragraphs import _INNER_SPACE, has_inner_space, split_paragraphs
from corroborate.clean.vocab import fold, may_match


def _keys_of(alternative: int) -> tuple[str, ...]:
    return tuple(key for key, chosen in vocab.STRONG_PHRASES.by_key.items() if alternative in chosen)


#: (name, pattern, keys, folded): with ``folded`` the keys are looked for in ``fold(text)``,
#: otherwise in the text as it is.
PREFILTERS = [
    *(
        (f"STRONG[{i}]", re.compile(alternative, vocab.STRONG.flags), _keys_of(i), True)
        for i, alternative in enumerate(vocab.STRONG_PHRASES.alternatives)
    ),
    ("WEAK", vocab.WEAK, vocab.WEAK_KEYS, True),
    ("SELF_EVIDENT", vocab.SELF_EVIDENT, vocab.SELF_EVIDENT_KEYS, True),
    ("CONTINUES", vocab.CONTINUES, ("continue",), True),
    ("SECOND_PERSON", vocab.SECOND_PERSON, vocab.SECOND_PERSON_KEYS, True),
    (
        "SITE_VOICE after the start",
        re.compile(vocab._SITE_NAMED, re.IGNORECASE),
        vocab._SITE_NAMED_KEYS,
        True,
    ),
    ("captions._TRAILING", captions._TRAILING, captions._TRAILING_KEYS, False),
    ("footer._NOTICE", footer._NOTICE, footer._NOTICE_KEYS, True),
    ("footer._RESERVED", footer._RESERVED, footer._RESERVED_KEYS, True),
    ("embeds._SIGNATURE", embeds._SIGNATURE, embeds._SIGNATURE_KEYS, False),
    ("embeds._POST_LINK", embeds._POST_LINK, embeds._POST_LINK_KEYS, False),
    ("bio._SPEECH", bio._SPEECH, bio._SPEECH_KEYS, False),
]

GAP = "\0"
_LIMIT = 100_000
_ZERO_WIDTH = (sre.AT, sre.ASSERT, sre.ASSERT_NOT)
_REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT)


def _literal_chars(items: sre_parse.SubPattern) -> set[str]:
    """Every literal character of a parsed pattern, at any depth."""
    found: set[str] = set()
    for op, av in items:
        if op is sre.LITERAL:
            found.add(chr(av))
        elif op is sre.SUBPATTERN:
            found |= _literal_chars(av[3])
        elif op is sre.BRANCH:
            for alt in av[1]:
                found |= _literal_chars(alt)
        elif op in _REPEATS:
            found |= _literal_chars(av[2])
        elif op is sre.ATOMIC_GROUP:
            found |= _literal_chars(av)
    return found


def _parse(pattern: re.Pattern[str]) -> sre_parse.SubPattern:
    return sre_parse.parse(pattern.pattern, pattern.flags)


@pytest.fixture(scope="module")
def variants() -> dict[str, set[str]]:
    """Each literal character of the patterns -> every character IGNORECASE matches it with."""
    chars = set().union(*(_literal_chars(_parse(p)) for _, p, _, _ in PREFILTERS))
    any_of = re.compile("[" + "".join(re.escape(c) for c in sorted(chars)) + "]", re.IGNORECASE)
    candidates = [chr(i) for i in range(sys.maxunicode + 1) if any_of.fullmatch(chr(i))]
    return {c: {x for x in candidates if re.fullmatch(re.escape(c), x, re.IGNORECASE)} for c in chars}


class _Spell:
    """Spells out the ways through a parsed pattern (see the module docstring). A way that
    already holds a key is just COVERED, and only the first and last of its fixed stretches
    are kept, since nothing can join the ones in between."""

    COVERED = "\1"

    def __init__(self, variants: dict[str, set[str]], folded: bool, keys: tuple[str, ...]) -> None:
        self.variants = variants
        self.folded = folded
        self.keys = keys

    def literal(self, ch: str, ignorecase: bool) -> str:
        if self.folded:  # every character the pattern may take for ch folds as ch does
            assert all(fold(x) == fold(ch) for x in self.variants[ch]), ch
            return fold(ch)
        return GAP if ignorecase and self.variants[ch] != {ch} else ch

    def join(self, a: str, b: str) -> str:
        way = a + b
        if self.COVERED in way or any(key in way for key in self.keys):
            return self.COVERED
        parts = way.split(GAP)
        return parts[0] + GAP + parts[-1] if len(parts) > 1 else way

    def sequence(self, items: sre_parse.SubPattern, ignorecase: bool) -> list[str]:
        ways = [""]
        for op, av in items:
            ways = list({self.join(a, b) for a in ways for b in self.item(op, av, ignorecase)})
            assert len(ways) < _LIMIT
        return ways

    def item(self, op: object, av: object, ignorecase: bool) -> list[str]:
        if op is sre.LITERAL:
            return [self.literal(chr(av), ignorecase)]  # type: ignore[call-overload]
        if op in _ZERO_WIDTH:
            return [""]
        if op is sre.SUBPATTERN:
            _, add, remove, sub = av  # type: ignore[misc]
            flag = sre.SRE_FLAG_IGNORECASE
            return self.sequence(sub, (ignorecase or bool(add & flag)) and not remove & flag)
        if op is sre.ATOMIC_GROUP:
            return self.sequence(av, ignorecase)  # type: ignore[arg-type]
        if op is sre.BRANCH:
            return [way for alt in av[1] for way in self.sequence(alt, ignorecase)]  # type: ignore[index]
        if op in _REPEATS:
            low, high, sub = av  # type: ignore[misc]
            inner = self.sequence(sub, ignorecase)
            if high == 1:
                return ([""] if low == 0 else []) + inner
            # One repetition and then anything; or, with none required, a gap.
            return [way + GAP for way in inner] if low else [GAP]
        return [GAP]  # a class, any character, a back-reference: not fixed text


def uncovered(
    pattern: re.Pattern[str], keys: tuple[str, ...], folded: bool, variants: dict[str, set[str]]
) -> list[str]:
    """The ways through ``pattern`` that contain none of ``keys`` (empty: the prefilter is sound)."""
    spell = _Spell(variants, folded, keys)
    ways = spell.sequence(_parse(pattern), bool(pattern.flags & re.IGNORECASE))
    return sorted(way.replace(GAP, "…") for way in ways if way != spell.COVERED)


@pytest.mark.parametrize("name, pattern, keys, folded", PREFILTERS, ids=[p[0] for p in PREFILTERS])
def test_prefilter_keys_are_necessary(
    name: str, pattern: re.Pattern[str], keys: tuple[str, ...], folded: bool, variants: dict[str, set[str]]
) -> None:
    assert GAP not in "".join(keys)
    if folded:
        assert all(key == fold(key) for key in keys)
    assert uncovered(pattern, keys, folded, variants) == []


def test_fold_keeps_positions() -> None:
    """One character for one, so a match's characters fold where they stand."""
    assert all(len(fold(chr(i))) == 1 for i in range(sys.maxunicode + 1))


def test_spelling_catches_a_missing_key(variants: dict[str, set[str]]) -> None:
    assert uncovered(vocab.SECOND_PERSON, ("you",), True, variants) == ["please"]


CASES = sorted((Path(__file__).parent / "cases" / "clean").glob("*.json"))
EXAMPLES = [
    "Sign up for our newsletter to get the news in your inbox.",
    "Comments are moderated. Please be respectful or your comment will be removed.",
    "What do you think? Let us know in the comments.",
    "Get the app",
    "Download the Bay Courier app for the latest news.",
    "Terms of Use | Privacy Policy | Contact Us",
    "Skip Advertisement",
    "Paid Post",
    "Back to top",
    "Story continues below advertisement",
    "Tags: ferries, harbour",
    "Got a news tip? Send us your tips.",
    "Thank you for reading!",
    "Already a subscriber? Log in to continue reading.",
    "ſign up for our newsletter",
    "SUBSCRIBE NOW",
    "Become a member today and support independent journalism.",
    "We use cookies. Accept all cookies or manage cookie settings.",
    "Never miss a story: follow us on Instagram.",
    "Like what you read? Give us a share.",
    "Listen to this article",
    "Enable JavaScript for unlimited digital access. Two free articles left.",
    "Don't forget to subscribe!",
    "Report an error",
]


def _texts() -> list[str]:
    texts = list(EXAMPLES)
    for path in CASES:
        texts += [p.text for p in split_paragraphs(json.loads(path.read_text(encoding="utf-8"))["input"])]
    return texts


def test_prefilters_keep_every_match() -> None:
    texts = _texts()
    matched = 0
    for _, pattern, keys, folded in PREFILTERS:
        for text in texts:
            if pattern.search(text):
                matched += 1
                assert may_match(keys, fold(text) if folded else text), (pattern.pattern[:40], text)
    assert matched > 40


def _random_texts(count: int, seed: int = 7) -> list[str]:
    """Texts stitched from the keys, words of the examples, punctuation and the characters
    IGNORECASE treats specially, in random case: near misses and matches of every pattern."""
    rng = random.Random(seed)
    pieces = [word for text in EXAMPLES for word in text.split()]
    pieces += [key for _, _, keys, _ in PREFILTERS for key in keys]
    pieces += ["\u017f", "\u0130", "\u0131", "\u212a", "\u00a9", "(c)", "|", "/", ":", ".", "\u2019", "@"]
    texts = []
    for _ in range(count):
        chosen = rng.choices(pieces, k=rng.randint(1, 12))
        text = rng.choice([" ", "", ". "]).join(chosen)
        texts.append("".join(ch.upper() if rng.random() < 0.2 else ch for ch in text))
    return texts


def test_prefilters_keep_every_match_of_random_text() -> None:
    for text in _random_texts(3000):
        for _, pattern, keys, folded in PREFILTERS:
            if pattern.search(text):
                assert may_match(keys, fold(text) if folded else text), (pattern.pattern[:40], text)


def test_alternatives_find_what_the_whole_pattern_finds() -> None:
    for text in _random_texts(3000, seed=8) + _texts():
        assert vocab.STRONG_PHRASES.findall(text, fold(text)) == vocab.STRONG.findall(text), text


@pytest.mark.parametrize(
    "keys, folded",
    [(vocab.STRONG_PHRASES.keys, True), (vocab.WEAK_KEYS, True), (captions._TRAILING_KEYS, False)],
    ids=["STRONG", "WEAK", "_TRAILING"],
)
def test_any_of_is_a_substring_test(keys: tuple[str, ...], folded: bool) -> None:
    union = vocab.any_of(keys)
    for text in _random_texts(2000, seed=9) + _texts():
        text = fold(text) if folded else text
        assert bool(union.search(text)) == may_match(keys, text)
    assert not vocab.any_of(()).search("anything")


def test_shortcuts_answer_as_the_patterns_do() -> None:
    assert vocab.SITE_VOICE.pattern.startswith(r"^(?:we|our)\b|")  # only this part is anchored
    for text in _random_texts(3000, seed=10) + _texts():
        assert vocab.site_voice(text, fold(text)) == bool(vocab.SITE_VOICE.search(text)), text
        assert vocab.imperative(text) == bool(vocab.IMPERATIVE.search(text)), text


def _indexed_holds(seen: list[str], text: str, partial: bool) -> bool:
    """Seen.holds as it was: seen text indexed by the first words of each sentence."""
    exact, by_key, everything = set(), {}, []
    for earlier in seen:
        norm = embeds.normalise(earlier)
        exact.add(norm)
        everything.append(norm)
        for start in (0, *(m.end() for m in re.finditer(r"[.!?:;]\s", norm))):
            by_key.setdefault(tuple(norm[start : start + 200].split(maxsplit=4)[:4]), []).append(norm)
    needle = embeds.Needle.of(text)
    if needle.whole in exact or not partial:
        return needle.whole in exact
    key = needle.key()
    candidates = by_key.get(key, []) if len(key) == 4 and len(needle.text.split()) > 4 else everything
    return any(embeds._found_in(needle, h) for h in candidates)


def test_seen_finds_what_the_sentence_index_found() -> None:
    rng = random.Random(11)
    vocabulary = ["ferry", "Ferry", "the", "sailed", "“late”", "x" * 70, "y" * 45, "at", "noon", "it's"]
    marks = [". ", "! ", ": ", "; ", ", ", " ", "… ", "... "]

    def sentence() -> str:
        words = rng.choices(vocabulary, k=rng.randint(1, 8))
        return "".join(word + rng.choice(marks) for word in words).strip()

    found = 0
    for _ in range(3000):
        seen = [sentence() for _ in range(rng.randint(0, 4))]
        pool = " ".join(seen).split()
        if pool and rng.random() < 0.7:
            start = rng.randrange(len(pool))
            text = " ".join(pool[start : start + rng.randint(1, 9)])
        else:
            text = sentence()
        for partial in (False, True):
            expected = _indexed_holds(seen, text, partial)
            found += expected
            assert embeds.Seen(seen).holds(text, partial) == expected, (seen, text, partial)
    assert found > 300


def test_inner_space_found_as_the_pattern_finds_it() -> None:
    rng = random.Random(12)
    alphabet = ["a", " ", "\t", "\n", "\u00a0", "\u2003", "\u200a", "\u200b", "\u3000", "\u2014", "\u202f"]
    for _ in range(5000):
        text = "".join(rng.choices(alphabet, k=rng.randint(0, 8)))
        assert has_inner_space(text) == bool(_INNER_SPACE.search(text)), repr(text)
