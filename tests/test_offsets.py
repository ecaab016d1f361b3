from hypothesis import given, settings
from hypothesis import strategies as st

from corroborate.offsets import OffsetMap, TrackedText


def test_identity_maps_each_character_to_itself():
    t = TrackedText.from_raw("abc")
    assert t.offset_map().segments == ((0, 0, 3, 3, 1),)
    assert t.raw_range(1, 3) == (1, 3)


def test_replacement_stands_for_its_whole_raw_range():
    t = TrackedText.from_raw("xx\u00e2\u20ac\u2122yy").edit([(2, 5, "\u2019")])
    assert t.text == "xx\u2019yy"
    assert t.raw_range(2, 3) == (2, 5)
    assert t.raw_range(3, 5) == (5, 7)


def test_deletion_and_insertion():
    t = TrackedText.from_raw("keep DROP keep").edit([(4, 9, ""), (14, 14, ".")])
    assert t.text == "keep keep."
    assert t.raw_range(5, 9) == (10, 14)
    assert t.raw_range(9, 10) == (14, 14)


def test_overlapping_edits_are_refused():
    t = TrackedText.from_raw("abcdef")
    try:
        t.edit([(0, 3, ""), (2, 4, "")])
    except ValueError:
        return
    raise AssertionError("overlap accepted")


def test_offset_map_round_trips_through_json():
    m = TrackedText.from_raw("a  b\u00c3\u00a9").edit([(1, 3, " "), (4, 6, "\u00e9")]).offset_map()
    assert OffsetMap.from_json(m.to_json(), m.raw_length) == m


@st.composite
def text_and_edits(draw):
    text = draw(st.text(max_size=40))
    cuts = sorted(draw(st.lists(st.integers(0, len(text)), max_size=6)))
    pairs = list(zip(cuts[::2], cuts[1::2], strict=False))
    edits = [(a, b, draw(st.text(max_size=3))) for a, b in pairs]
    return text, edits


@settings(max_examples=200, deadline=None)
@given(text_and_edits())
def test_map_agrees_with_tracked_arrays(case):
    text, edits = case
    tracked = TrackedText.from_raw(text).edit(edits)
    compact = tracked.offset_map()
    n = len(tracked.text)
    for i in range(n):
        for j in range(i + 1, min(n, i + 4) + 1):
            assert compact.raw_range(i, j) == tracked.raw_range(i, j)


@settings(max_examples=200, deadline=None)
@given(text_and_edits())
def test_untouched_characters_map_to_themselves(case):
    text, edits = case
    tracked = TrackedText.from_raw(text).edit(edits)
    for c0, r0, clen, _, exact in tracked.offset_map().segments:
        for k in range(clen if exact else 0):
            if text[r0 + k] != tracked.text[c0 + k]:
                # only a one-for-one replacement may differ, and it lies inside an edit
                assert any(a <= r0 + k < b for a, b, _ in edits)
