"""Exact and near-duplicate detection: content hashes, word shingles, MinHash LSH.

A syndicated wire copy, a re-scrape with small edits or the same article
under a new headline shares most of its word 5-grams with the original.
MinHash band keys find candidates through the store's index; the shingle
containment of each candidate then decides.

Shingles are stable 32-bit hashes of word n-grams (crc32 of each word, mixed
with numpy), so band keys mean the same thing in every process and run.
"""

from __future__ import annotations

import functools
import hashlib
import re
import zlib
from typing import Literal

import numpy as np
from datasketch import MinHash

from .settings import Settings

_WORD = re.compile(r"\w+")
#: Odd multipliers that mix the word hashes of one n-gram position by position.
_MIX = np.array([0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9, 0x27D4EB2F165667C5,
                 0x85EBCA77C2B2AE63, 0xFF51AFD7ED558CCD, 0xC4CEB9FE1A85EC53, 0x94D049BB133111EB],
                dtype=np.uint64)  # fmt: skip


def normalised_words(text: str) -> list[str]:
    """
    >>> normalised_words("The U.S. envoy’s  visit")
    ['the', 'u', 's', 'envoy', 's', 'visit']
    """
    return _WORD.findall(text.lower())


def content_hash(title: str | None, body: str) -> str:
    """Same words in title and body, whatever the spacing and case, give the same hash."""
    words = " ".join(normalised_words(title or "")) + "\n" + " ".join(normalised_words(body))
    return hashlib.sha256(words.encode()).hexdigest()


_WORD_IDS: dict[str, int] = {}


def _word_id(word: str) -> int:
    """crc32 of a word, cached: news vocabulary repeats, hashing each time does not need to."""
    found = _WORD_IDS.get(word)
    if found is None:
        if len(_WORD_IDS) > 500_000:
            _WORD_IDS.clear()
        found = _WORD_IDS[word] = zlib.crc32(word.encode())
    return found


def shingles(text: str, size: int) -> np.ndarray:
    """Sorted unique 32-bit hashes of the text's word ``size``-grams (one gram for short texts).

    >>> len(shingles("a b c d", 3)), len(shingles("a b a b a b", 2)), len(shingles("", 3))
    (2, 2, 0)
    """
    words = normalised_words(text)
    if not words:
        return np.empty(0, dtype=np.uint64)
    found = list(map(_WORD_IDS.get, words))  # C-level lookups; hash only the words not seen yet
    if None in found:
        found = [i if i is not None else _word_id(w) for i, w in zip(found, words, strict=True)]
    ids = np.array(found, dtype=np.uint64)
    size = max(1, min(size, len(ids), len(_MIX)))
    count = len(ids) - size + 1
    mixed = np.zeros(count, dtype=np.uint64)
    for k in range(size):
        mixed ^= ids[k : k + count] * _MIX[k]
    return np.unique(mixed >> np.uint64(32))


#: Pinned, so a datasketch upgrade cannot silently change the band keys already stored.
_SCHEME: Literal["affine32"] = "affine32"


@functools.cache
def _permutations(num_perm: int) -> tuple[np.ndarray, np.ndarray]:
    """datasketch draws the same seeded permutations for every signature; draw them once."""
    template = MinHash(num_perm=num_perm, scheme=_SCHEME)
    return template.permutations


def band_keys(grams: np.ndarray, settings: Settings) -> list[int]:
    """One LSH key per band of the MinHash signature; the band number is mixed into the key."""
    if not len(grams):
        return []
    sig = MinHash(num_perm=settings.minhash_perm, hashfunc=int,
                  permutations=_permutations(settings.minhash_perm), scheme=_SCHEME)  # fmt: skip
    sig.update_batch(grams.tolist())
    rows = settings.minhash_perm // settings.lsh_bands
    values = np.asarray(sig.hashvalues, dtype=np.uint64)
    keys = []
    for band in range(settings.lsh_bands):
        chunk = band.to_bytes(2, "big") + values[band * rows : (band + 1) * rows].tobytes()
        keys.append(int.from_bytes(hashlib.blake2b(chunk, digest_size=8).digest(), "big", signed=True))
    return keys


def containment(a: np.ndarray, b: np.ndarray) -> float:
    """Share of the smaller set found in the larger one.

    >>> containment(np.array([1, 2]), np.array([1, 2, 3]))
    1.0
    """
    if not len(a) or not len(b):
        return 0.0
    return len(np.intersect1d(a, b, assume_unique=True)) / min(len(a), len(b))


#: Below this many shingles containment is noise, so both sides must be long enough.
MIN_SHINGLES = 20


def is_near_duplicate(grams: np.ndarray, other: np.ndarray, settings: Settings) -> bool:
    if min(len(grams), len(other)) < MIN_SHINGLES:
        return bool(len(grams)) and np.array_equal(grams, other)
    return containment(grams, other) >= settings.near_duplicate_containment
