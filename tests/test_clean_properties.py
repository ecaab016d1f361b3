"""Properties of cleaning on arbitrary text (hypothesis).

Cleaning never raises; cleaning the cleaned body changes nothing; characters the
offset map calls identical are identical; removed text is where it says it was.
"""

from __future__ import annotations

from collections.abc import Sequence

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import corroborate.clean as clean_module
from corroborate.clean import CleanedDocument, clean_document
from corroborate.clean.boilerplate import DETECTORS as BOILERPLATE_DETECTORS
from corroborate.model import Fix, RawDocument
from corroborate.settings import Settings

SETTINGS = Settings()
#: Characters mojibake is made of, and the replacement character sources leave behind.
MOJIBAKE = "ÃÂÐÑâ€™œ\u009d\u0081¦©®°±²³´µ¶·¸¹º»¼½¾¿\u00a0\ufffd¤¢£ðŸ˜"
#: Words that trigger the detectors, so that removals actually happen.
FURNITURE = [
    "Advertisement",
    "Share this article",
    "Photo: Ana Ruiz/Getty Images",
    "© 2024 The Bay Courier. All rights reserved.",
    "Related stories",
    "Join the conversation!",
    "Comments are moderated. Please be respectful.",
    "Pia Lund is a columnist for The Bay Courier.",
    "Proud of the crews! — Ana Ruiz (@anaruiz) May 2, 2024",
    "The ferry sailed on time, the harbour office said on Monday.",
    "Ferry Fares Rise",
    "caf\u00c3\u00a9 \u00e2\u20ac\u0153ok\u00e2\u20ac",
    "\u00d0\u00bb\u00d0\u00b8\u00d1",
    "It\u00e2s true, we don\u00e2t know.",
]
FAST = settings(
    max_examples=150,
    deadline=None,
    # The fixture only swaps the detector list; it holds no per-example state.
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)

lines = st.one_of(
    st.text(max_size=40),
    st.text(alphabet=st.sampled_from(list(MOJIBAKE) + list("abc XYZ.,\t'\"")), max_size=30),
    st.sampled_from(FURNITURE),
)


def _sloppy_cp1252(text: str) -> str:
    return "".join(bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in text.encode("utf-8"))


def _c1_dropped(text: str) -> str:
    return "".join(ch for ch in text.encode("utf-8").decode("latin-1") if not 0x80 <= ord(ch) < 0xA0)


#: Real mojibake of arbitrary text: whole, with cp1252's undefined bytes lost, or C1 bytes dropped.
mojibake = st.text().flatmap(
    lambda t: st.sampled_from(
        [_sloppy_cp1252(t), t.encode("utf-8").decode("cp1252", errors="ignore"), _c1_dropped(t)]
    )
)
documents = st.one_of(
    st.text(),
    mojibake,
    st.lists(st.one_of(lines, mojibake), max_size=8).map("\n".join),
    st.lists(lines, max_size=12).map("\n".join),
    st.lists(lines, max_size=12).map("\n\n".join),
)


def cleaned(text: str) -> CleanedDocument:
    return clean_document(RawDocument("t.txt", text, "text"), SETTINGS)


@pytest.fixture
def no_headline(monkeypatch: pytest.MonkeyPatch) -> None:
    """Only the boilerplate detectors: a title is removed again from any text whose first line
    looks like one, so the headline detector is idempotent only on real articles."""
    monkeypatch.setattr(clean_module, "DETECTORS", BOILERPLATE_DETECTORS)


def _covered(fixes: Sequence[Fix], raw_start: int, raw_end: int) -> bool:
    return any(f.raw_start < raw_end and raw_start < f.raw_end for f in fixes)


def _straddled(fixes: Sequence[Fix], raw_start: int, raw_end: int) -> bool:
    """A fix crosses the range's start or end (overlaps it without lying inside it)."""
    return any(
        f.raw_start < raw_end
        and raw_start < f.raw_end
        and not (raw_start <= f.raw_start and f.raw_end <= raw_end)
        for f in fixes
    )


def _same_or_spaces(clean: str, raw: str) -> bool:
    # Layout turns tabs, no-break spaces and lone carriage returns into spaces or newlines.
    return clean == raw or (clean.isspace() and raw.isspace())


def _replay(raw: str, start: int, end: int, fixes: Sequence[Fix]) -> str:
    """The raw slice with the repairs inside it applied: first-round fixes by position,
    later rounds (text mis-decoded twice) by content."""
    text, inside = raw[start:end], [f for f in fixes if start <= f.raw_start and f.raw_end <= end]
    first = [f for f in inside if raw[f.raw_start : f.raw_end] == f.before]
    for f in sorted(first, key=lambda f: f.raw_start, reverse=True):
        text = text[: f.raw_start - start] + f.after + text[f.raw_end - start :]
    for f in inside:
        if f not in first:
            text = text.replace(f.before, f.after, 1)
    return text


@FAST
@given(documents)
def test_never_raises(text: str) -> None:
    doc = cleaned(text)
    assert isinstance(doc.tracked.text, str)


@FAST
@given(documents)
def test_cleaning_is_idempotent(no_headline: None, text: str) -> None:
    once = cleaned(text)
    twice = cleaned(once.tracked.text)
    assert twice.tracked.text == once.tracked.text
    assert twice.removed == ()
    assert twice.fixes == ()


@FAST
@given(documents)
def test_identity_segments_map_back_to_the_same_characters(text: str) -> None:
    doc = cleaned(text)
    for c0, r0, clen, rlen, *exact in doc.tracked.offset_map().segments:
        if clen != rlen or (exact and not exact[0]) or _covered(doc.fixes, r0, r0 + rlen):
            continue
        for clean_ch, raw_ch in zip(doc.tracked.text[c0 : c0 + clen], text[r0 : r0 + rlen], strict=True):
            assert _same_or_spaces(clean_ch, raw_ch), (clean_ch, raw_ch)


@FAST
@given(documents)
def test_removed_text_is_where_it_says(text: str) -> None:
    doc = cleaned(text)
    for r in doc.removed:
        assert 0 <= r.raw_start <= r.raw_end <= len(text)
        if _straddled(doc.fixes, r.raw_start, r.raw_end):
            continue  # a fix maps piece by piece ("ÂÂ\xa0" -> "\ufffd" + "\xa0"): not replayable whole
        assert r.text.split() == _replay(text, r.raw_start, r.raw_end, doc.fixes).split()


def test_a_removal_may_end_inside_a_fix_that_maps_piece_by_piece() -> None:
    # The first lead byte lost its continuation; the second and the no-break space are one character.
    doc = cleaned("ÂÂ\xa0\r0")
    assert [(r.text, r.raw_start, r.raw_end) for r in doc.removed] == [("\ufffd", 0, 1)]
    assert _straddled(doc.fixes, 0, 1)


@FAST
@given(documents)
def test_first_round_fixes_quote_the_raw_text(text: str) -> None:
    doc = cleaned(text)
    for f in doc.fixes:
        assert 0 <= f.raw_start < f.raw_end <= len(text)
        assert f.before != f.after
