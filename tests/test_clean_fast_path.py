"""Cleaning's fast paths give what running every test on every paragraph gives.

Cleaning skips work it can prove idle: detectors look only at the paragraphs that hold their
keys (searched for the whole article at once), a caption test only at paragraphs that can end
or open like a credit, a prompt score only where a paragraph reads as a label or addresses
the reader, a bio test only where a paragraph opens with a name, the related-story rules only
from heading lines. Each shortcut is checked on its own against the test it stands in for
(on our examples, the case fixtures and random text), and all of them together: documents
cleaned with every shortcut switched off must come out exactly as with them.

All text here is our own.
"""

from __future__ import annotations

import json
import random
import re
import sys
import unicodedata
from pathlib import Path
from re import _constants as sre
from re import _parser as sre_parse  # type: ignore[attr-defined]

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from corroborate.clean import (
    CleanedDocument,
    bio,
    boilerplate,
    captions,
    clean_document,
    dates,
    embeds,
    footer,
    prompt_gate,
    scan,
    vocab,
)
from corroborate.clean.paragraphs import (
    Paragraph,
    remove_paragraphs,
    split_paragraphs,
)
from corroborate.model import RawDocument, SourceMeta
from corroborate.offsets import TrackedText
from corroborate.settings import Settings
from tests.test_clean_prefilter import EXAMPLES, _random_texts, _texts
from tests.test_clean_properties import FURNITURE, documents

SETTINGS = Settings()
CASES = sorted((Path(__file__).parent / "cases" / "clean").glob("*.json"))

#: Lines of articles of our own: reporting, and furniture of every kind the detectors know.
REPORTING = [
    "The ferry to Velmora left at noon on Monday, an hour late, the port office said.",
    "Harbour workers said the crane had been repaired overnight.",
    "“We will reopen the pier by May 3, 2024,” said Tovan Rell, the harbour master.",
    "Our reporters saw queues at the ticket office; this week the fares rise again.",
    "Readers sent hundreds of comments about the timetable, many of them respectful.",
    "Share prices in the shipping firm fell 4 percent on Tuesday.",
    "Pia Lund is the director of the Velmora Maritime Institute.",
    "The ferry sailed on time. It was the first time this month.",
    "Rain fell all day on Thursday.",
    "It was cold. Tell us what you saw at the harbour.",
    "Please keep clear of the quay, police said.",
    "Ferry Fares Rise Again",
    "By Ana Ruiz",
    "Published May 3, 2024 at 9:10 a.m.",
    "The ferry sailed on time.",
    "Velmora harbour at dawn on Friday (Example photo)",
    "Storm Closes Coastal Roads",
    "Boats in the harbour at dawn. Ana Ruiz via Getty Images.",
    "Cars queue for the ferry. Ana Ruiz/Reuters",
    "— Ana Ruiz (@anaruiz) May 2, 2024",
    "Great day for the crews! pic.twitter.com/abc123",
    "Ana Ruiz covers the harbour for The Bay Courier. Follow her on X @anaruiz.",
    "Terms of Use | Privacy Policy | Contact Us",
    "Related: Ferry fares to rise in June",
    "More from the harbour",
    "Story continues below advertisement",
]
LINES = [*REPORTING, *FURNITURE, *EXAMPLES]


def _articles(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    out = []
    for _ in range(count):
        chosen = rng.choices(LINES, k=rng.randint(1, 16))
        if rng.random() < 0.3:  # a repeat of an earlier line, as pages repeat embedded posts
            chosen.insert(rng.randint(0, len(chosen)), rng.choice(chosen))
        out.append("".join(line + rng.choice(["\n", "\n\n", "\n\n\n"]) for line in chosen))
    return out


def _case_inputs() -> list[str]:
    return [json.loads(path.read_text(encoding="utf-8"))["input"] for path in CASES]


def _cleaned(text: str) -> CleanedDocument:
    return clean_document(RawDocument("t.txt", text, "text", meta=SourceMeta(fetched="2026-01-15")), SETTINGS)


def _summary(doc: CleanedDocument) -> tuple[object, ...]:
    return doc.tracked.text, doc.tracked.offset_map(), doc.removed, doc.fixes, doc.meta


def _clear_caches() -> None:
    for cached in (boilerplate.prompt_score, bio._shape, bio._contact, embeds._prepared):
        cached.cache_clear()
    scan._RECENT.clear()


def _shortcuts_off(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every paragraph goes through every detector's full test."""
    monkeypatch.setattr(scan.KeyScan, "holding", lambda self, keys, folded: list(range(len(self.texts))))
    monkeypatch.setattr(captions, "may_be_caption", lambda text, words: words <= captions._MAX_WORDS)
    monkeypatch.setattr(boilerplate, "may_score", lambda text: True)
    monkeypatch.setattr(bio, "_OPENING", re.compile(""))
    monkeypatch.setattr(boilerplate, "heading_lines", lambda paragraphs: list(range(len(paragraphs))))
    _clear_caches()


def _fast_results(texts: list[str]) -> list[tuple[object, ...]]:
    _clear_caches()
    return [_summary(_cleaned(text)) for text in texts]


def test_documents_clean_as_with_every_test_run(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = _case_inputs() + _articles(400, seed=1)
    fast = _fast_results(texts)
    with monkeypatch.context() as patch:
        _shortcuts_off(patch)
        slow = [_summary(_cleaned(text)) for text in texts]
    _clear_caches()
    removed = 0
    for text, a, b in zip(texts, fast, slow, strict=True):
        assert a == b, text
        removed += len(a[2])  # type: ignore[arg-type]
    assert removed > 1000  # the documents do have furniture to remove


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents)
def test_arbitrary_documents_clean_as_with_every_test_run(text: str) -> None:
    fast = _fast_results([text])
    with pytest.MonkeyPatch.context() as patch:
        _shortcuts_off(patch)
        slow = [_summary(_cleaned(text))]
    _clear_caches()
    assert fast == slow


# ------------------------------------------------------------------ each shortcut on its own


def _all_texts() -> list[str]:
    return _texts() + LINES + _random_texts(3000, seed=21)


def test_may_score_keeps_every_label_and_every_reader_address() -> None:
    """prompt_score is 0 unless the text is a label or addresses the reader (as it says)."""
    assert vocab.SECOND_PERSON_KEYS == ("you", "please")  # as may_score writes them out
    assert vocab._SITE_NAMED_KEYS == ("our ", "this ")
    kept = 0
    for text in _all_texts():
        label = (
            vocab.is_label(text)
            or (len(text.split()) <= 12 and vocab.SELF_EVIDENT.search(text))
            or vocab.is_link_row(text)
        )
        addressed = (
            vocab.SECOND_PERSON.search(text) or vocab.IMPERATIVE.search(text) or vocab.SITE_VOICE.search(text)
        )
        if label or addressed:
            kept += 1
            assert prompt_gate.may_score(text), text
    assert kept > 500


def _credit_texts(count: int, seed: int) -> list[str]:
    """Near misses and matches of every credit shape, from their pieces."""
    rng = random.Random(seed)
    pieces = [
        "Getty Images",
        "Reuters",
        "AP Photo",
        "AFP",
        "Ana Ruiz",
        "ZUMA Wire",
        "iStockphoto",
        "Alamy Stock Photo",
    ]
    pieces += [
        "File photo",
        "Handout photo",
        "Photo illustration",
        "Photo:",
        "Image source,",
        "credit",
        "via",
        "Pool",
    ]
    pieces += [
        "/",
        "(",
        ")",
        "[",
        "]",
        ".",
        ". ",
        "|",
        "\u00a0",
        "\u2028",
        "\n",
        "the",
        "Harbour",
        "at",
        "dawn",
    ]
    return [rng.choice(["", " "]).join(rng.choices(pieces, k=rng.randint(1, 9))) for _ in range(count)]


def test_may_be_caption_keeps_every_credit() -> None:
    found = 0
    for text in _all_texts() + _credit_texts(5000, seed=26):
        n = len(text.split())
        credit = n <= captions._MAX_WORDS and (
            (n <= captions._BARE_WORDS and captions._BARE.search(text))
            or captions._LAST_BRACKET.search(text)
            or captions._TRAILING.search(text)
            or captions._LEADING.search(text)
        )
        if credit:
            found += 1
            assert captions.may_be_caption(text, n), text
    assert found > 300


def _names(items: sre_parse.SubPattern) -> list[str]:
    """Every string a pattern of literals, alternatives and optional parts matches."""
    ways = [""]
    for op, av in items:
        if op is sre.LITERAL:
            ways = [way + chr(av) for way in ways]
        elif op is sre.SUBPATTERN:
            ways = [way + tail for way in ways for tail in _names(av[3])]
        elif op is sre.BRANCH:
            ways = [way + tail for way in ways for alt in av[1] for tail in _names(alt)]
        elif op is sre.MAX_REPEAT and av[:2] == (0, 1):
            ways = [way + tail for way in ways for tail in ["", *_names(av[2])]]
        else:
            raise AssertionError(f"not a plain name: {op}")
    return ways


def test_credit_endings_end_every_credit_name() -> None:
    """What _TRAILING can close with, but for a slash: a library, or one of three phrases."""
    names = _names(sre_parse.parse(captions.LIBRARIES)) + [
        "File photo",
        "Handout photo",
        "Photo illustration",
    ]
    assert len(names) > 20
    assert all(name.endswith(captions._CREDIT_ENDINGS) for name in names)
    spaces = "".join(ch for ch in map(chr, range(sys.maxunicode + 1)) if ch.isspace())
    assert set(captions._END_CHARS) == set(spaces + ".)]")
    assert all(bool(re.fullmatch(r"\s", ch)) for ch in spaces)


def _bio_texts(count: int, seed: int) -> list[str]:
    """A label or none, a name, and the words bios and near misses go on with."""
    rng = random.Random(seed)
    labels = ["", "About the author: ", "— ", "- ", "about the authors—", "ABOUT THE AUTHOR "]
    names = ["Ana Ruiz", "Ana de Ruiz", "Ana Maria Ruiz Lund", "ANA", "Ana", "Dr. Ana O'Ruiz", "ana ruiz"]
    links = [",", " ", "  ", "\n", ", ", " is", " was", " has been", " serves as", " writes", " reports"]
    links += [" blogs", " covers", " said", " is\t", " Is"]
    rest = [
        "a",
        "an",
        "the",
        "senior",
        "reporter",
        "editor",
        "director",
        "co-author of",
        "about",
        "for",
        "at",
    ]
    rest += [
        "on",
        "The Bay Courier",
        "Example.com",
        "of",
        "writer",
        "science",
        "housing",
        "the Velmora Institute",
    ]
    return [
        rng.choice(labels)
        + rng.choice(names)
        + rng.choice(links)
        + " "
        + " ".join(rng.choices(rest, k=rng.randint(0, 7)))
        for _ in range(count)
    ]


def test_bio_patterns_both_open_as_a_name() -> None:
    assert bio._IS_ROLE.pattern.startswith(bio._NAMED + r"(?:,\s+|\s+(?:is|was|has been|serves as)\s+)")
    assert bio._WRITES.pattern.startswith(bio._NAMED + r"\s+(?:(?:writes|reports|blogs)\s+")
    assert r"|covers\s|is\s+" in bio._WRITES.pattern and r"|(?:is|was)\s+" in bio._WRITES.pattern
    found = 0
    for text in _all_texts() + _bio_texts(5000, seed=27):
        if bio._IS_ROLE.match(text) or bio._WRITES.match(text):
            found += 1
            assert bio._OPENING.match(text), text
    assert found > 300


def test_heading_lines_are_the_lines_either_pattern_opens() -> None:
    for text in _all_texts():
        expected = bool(footer._INLINE.match(text) or footer._HEADING.match(text))
        assert bool(footer._INLINE_OR_HEADING.match(text)) == expected, text


def test_self_evident_answers_as_the_pattern_does() -> None:
    for text in _all_texts():
        assert vocab.self_evident(text, vocab.fold(text)) == bool(vocab.SELF_EVIDENT.search(text)), text


def test_key_scan_finds_the_paragraphs_holding_a_key() -> None:
    rng = random.Random(22)
    pool = _all_texts() + ["a\nb © c", "x" * 50 + "Getty Images", ""]
    key_sets = [
        (footer._KEYS, True),
        (embeds._KEYS, False),
        (captions._TRAILING_KEYS, False),
        (vocab.SECOND_PERSON_KEYS, True),
    ]
    for _ in range(500):
        texts = rng.choices(pool, k=rng.randint(0, 12))
        found = scan.KeyScan([Paragraph(i, 0, 0, t) for i, t in enumerate(texts)])
        for keys, folded in key_sets:
            expected = [
                i for i, t in enumerate(texts) if vocab.may_match(keys, vocab.fold(t) if folded else t)
            ]
            assert found.holding(keys, folded) == expected, (texts, keys)


def test_key_scan_is_made_once_for_equal_paragraphs() -> None:
    paragraphs = split_paragraphs("One.\n\nTwo © 2024.")
    assert scan.key_scan(paragraphs) is scan.key_scan(list(paragraphs))
    assert scan.key_scan(split_paragraphs("One.\n\nTwo © 2025.")).text.endswith("2025.")


def _reference_normalise(text: str) -> str:
    text = embeds._QUOTES.sub("", unicodedata.normalize("NFKC", text).lower())
    return " ".join(text.split())


def test_normalise_ascii_as_the_general_way() -> None:
    rng = random.Random(23)
    alphabet = [chr(i) for i in range(128)] + [
        " ",
        " ",
        "'",
        '"',
        "A",
        "\u201c",
        "\u00e9",
        "\u00a0",
        "\ufb01",
    ]
    for text in _all_texts() + ["".join(rng.choices(alphabet, k=rng.randint(0, 12))) for _ in range(20000)]:
        assert embeds.normalise(text) == _reference_normalise(text), repr(text)


def test_seen_so_far_finds_what_seen_finds() -> None:
    rng = random.Random(24)
    words = ["ferry", "Ferry", "the", "sailed", "“late”", "at", "noon", "it's", "x" * 70]
    marks = [". ", "! ", ": ", "; ", ", ", " ", "… ", "... "]

    def sentence() -> str:
        return "".join(w + rng.choice(marks) for w in rng.choices(words, k=rng.randint(1, 8))).strip()

    found = 0
    for _ in range(3000):
        texts = [sentence() for _ in range(rng.randint(1, 6))]
        before = rng.randint(0, len(texts))  # the paragraph asking; those added come before it
        added = sorted(rng.sample(range(before), rng.randint(0, before)))
        so_far = embeds.SeenSoFar([embeds.normalise(t) if i in added else "" for i, t in enumerate(texts)])
        for i in added:
            so_far.add(i)
        seen = embeds.Seen([texts[i] for i in added])
        needle = embeds.Needle.of(rng.choice([*texts, sentence()]))
        for partial in (False, True):
            expected = seen.finds(needle, partial)
            found += expected
            assert so_far.finds(needle, partial, before) == expected, (texts, added, needle)
    assert found > 300


def _reference_clause_words(text: str, start: int, end: int) -> tuple[list[str], list[str]]:
    chunk = text[max(0, start - 100) : start]
    cut = max((m.end() for m in dates._BOUNDARY.finditer(chunk)), default=0)
    before = dates._WORD.findall(chunk[cut:])
    tail = text[end : end + 100]
    stop = dates._BOUNDARY.search(tail)
    after = dates._WORD.findall(tail[: stop.start()] if stop else tail)
    if not after and len(before) <= 1 and stop:
        nxt = dates._BOUNDARY.search(tail, stop.end())
        after = dates._WORD.findall(tail[stop.end() : nxt.start() if nxt else None])
    return before[-dates._WINDOW :], after[: dates._WINDOW]


def test_clause_words_as_found_boundary_by_boundary() -> None:
    rng = random.Random(25)
    pieces = ["said", "on", "Monday", "will", ".", ",", ";", "\n", "(", ")", "—", "“", "x", " ", "  "]
    for _ in range(5000):
        text = " ".join(rng.choices(pieces, k=rng.randint(0, 40)))
        start = rng.randint(0, len(text))
        end = rng.randint(start, len(text))
        assert dates._clause_words(text, start, end) == _reference_clause_words(text, start, end)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(LINES), max_size=10), st.data())
def test_removing_with_known_paragraphs_as_without(lines: list[str], data: st.DataObject) -> None:
    tracked = TrackedText.from_raw("\n\n".join(lines))
    paragraphs = split_paragraphs(tracked.text)
    doomed = [p for p in paragraphs if data.draw(st.booleans())]
    assert remove_paragraphs(tracked, doomed, paragraphs).text == remove_paragraphs(tracked, doomed).text
    assert (
        remove_paragraphs(tracked, doomed, paragraphs).offset_map()
        == remove_paragraphs(tracked, doomed).offset_map()
    )
