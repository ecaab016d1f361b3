"""Near-duplicate detection: band keys stay what stores already hold, and the shortcuts taken for
speed (shared word lists, remembered shingles, one-pass paragraph removal) change no answer."""

from __future__ import annotations

import hashlib

import numpy as np
from datasketch import MinHash
from hypothesis import given, settings
from hypothesis import strategies as st

from corroborate import dedup
from corroborate.api import ingest
from corroborate.clean.paragraphs import normalise_layout, remove_paragraphs, split_paragraphs
from corroborate.offsets import TrackedText
from corroborate.settings import Settings
from corroborate.store import open_store

from .test_ingest import WIRE, write

SETTINGS = Settings()


def datasketch_band_keys(grams: np.ndarray, settings: Settings) -> list[int]:
    """Band keys as they were first computed and stored: datasketch's MinHash, banded and hashed."""
    sig = MinHash(num_perm=settings.minhash_perm, hashfunc=int, scheme="affine32")
    sig.update_batch([int(g) for g in grams])
    rows = settings.minhash_perm // settings.lsh_bands
    values = np.asarray(sig.hashvalues, dtype=np.uint64)
    keys = []
    for band in range(settings.lsh_bands):
        chunk = band.to_bytes(2, "big") + values[band * rows : (band + 1) * rows].tobytes()
        keys.append(int.from_bytes(hashlib.blake2b(chunk, digest_size=8).digest(), "big", signed=True))
    return keys


@settings(max_examples=60, deadline=None)
@given(st.lists(st.integers(0, 2**32 - 1), min_size=1, max_size=400, unique=True))
def test_band_keys_are_the_ones_datasketch_gave(values):
    grams = np.array(sorted(values), dtype=np.uint32)
    assert dedup.band_keys(grams, SETTINGS) == datasketch_band_keys(grams, SETTINGS)


_WORDS = ("the", "port", "council", "ferry", "crews", "vote", "on", "friday", "pay")


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), max_size=60))
def test_shingles_are_the_sorted_distinct_hashes_of_the_word_grams(words):
    text = " ".join(words)
    grams = dedup.shingles(text, 3)
    ids = np.array([dedup._word_id(w) for w in words], dtype=np.uint64)
    size = max(1, min(3, len(ids)))
    mixed = np.zeros(max(len(ids) - size + 1, 0), dtype=np.uint64)
    for k in range(size):
        mixed ^= ids[k : k + len(mixed)] * dedup._MIX[k]
    assert grams.tolist() == np.unique(mixed >> np.uint64(32)).tolist()


def test_shared_word_lists_follow_the_text_not_its_value():
    body = WIRE * 2
    twin = "".join(list(body))  # equal, but another object
    assert dedup.normalised_words(body) is dedup.normalised_words(body)
    assert dedup.normalised_words(twin) == dedup.normalised_words(body)
    other = body.replace("Friday", "Monday")
    assert "monday" in dedup.normalised_words(other) and "monday" not in dedup.normalised_words(body)


def test_a_copy_is_found_whether_or_not_its_original_is_remembered(tmp_path):
    copy = WIRE.replace("Ferry Strike Ends After Pay Deal", "Travellers Relieved As Ferries Sail Again")
    copy = copy.replace("thousands of travellers", "thousands of holidaymakers")
    for remembered in (True, False):
        store = open_store(str(tmp_path / f"{remembered}.db"))
        ingest([write(tmp_path, "wire.txt", WIRE)], store, Settings(extract=False))
        if not remembered:
            dedup._RECENT_SHINGLES.clear()  # as in a new process: the original's text is read back
        summary = ingest([write(tmp_path, "copy.txt", copy)], store, Settings(extract=False))
        original, dup = store.iter_articles()
        assert summary.count("duplicate") == 1 and dup.duplicate_of == original.id
        store.close()


_PARAGRAPH = st.text(st.sampled_from("ab. \u00a0\t"), min_size=1, max_size=12)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(_PARAGRAPH, min_size=1, max_size=8),
    st.sets(st.integers(0, 7)),
    st.sampled_from(["\n", "\n\n\n", " \n \n"]),
)
def test_removing_paragraphs_in_one_pass_equals_deleting_then_normalising(paragraphs, doomed, breaks):
    tracked = normalise_layout(TrackedText.from_raw(breaks.join(paragraphs)))
    found = split_paragraphs(tracked.text)
    chosen = [p for p in found if p.index in doomed]
    one_pass = remove_paragraphs(tracked, chosen)
    two_steps = normalise_layout(tracked.edit([(p.start, p.end, "") for p in chosen])) if chosen else tracked
    assert one_pass.text == two_steps.text
    assert one_pass.starts.tolist() == two_steps.starts.tolist()
    assert one_pass.ends.tolist() == two_steps.ends.tolist()
