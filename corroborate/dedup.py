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
from collections import OrderedDict
from itertools import repeat
from typing import Literal

import numpy as np
from datasketch import MinHash

from .settings import Settings

_WORD = re.compile(r"\w+")
#: Odd multipliers that mix the word hashes of one n-gram position by position.
_MIX = np.array([0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9, 0x27D4EB2F165667C5,
                 0x85EBCA77C2B2AE63, 0xFF51AFD7ED558CCD, 0xC4CEB9FE1A85EC53, 0x94D049BB133111EB],
                dtype=np.uint64)  # fmt: skip
#: The last texts split into words, with their words: the clean stage hashes an article's words
#: (content_hash) and the store step shingles the same text object right after.
_RECENT_WORDS: list[tuple[str, list[str]]] = []
_RECENT_SIZE = 8


def normalised_words(text: str) -> list[str]:
    """The lower-cased words of ``text`` (the list may be shared: do not change it).

    >>> normalised_words("The U.S. envoy’s  visit")
    ['the', 'u', 's', 'envoy', 's', 'visit']
    """
    for seen, words in _RECENT_WORDS:
        if seen is text:  # the same object, so the same words: no string comparison needed
            return words
    words = _WORD.findall(text.lower())
    if len(text) > 200:  # short texts (titles) are cheap to split again
        _RECENT_WORDS[:] = [(text, words), *_RECENT_WORDS[: _RECENT_SIZE - 1]]
    return words


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
    """Sorted unique 32-bit hashes (uint32) of the text's word ``size``-grams (one gram for short texts).

    >>> len(shingles("a b c d", 3)), len(shingles("a b a b a b", 2)), len(shingles("", 3))
    (2, 2, 0)
    """
    words = normalised_words(text)
    if not words:
        return np.empty(0, dtype=np.uint32)
    # C-level lookups (-1 for a word not seen yet); only the new words are hashed here.
    ids = np.fromiter(map(_WORD_IDS.get, words, repeat(-1)), dtype=np.int64, count=len(words))
    for k in np.flatnonzero(ids < 0).tolist():
        ids[k] = _word_id(words[k])
    ids = ids.view(np.uint64)
    size = max(1, min(size, len(ids), len(_MIX)))
    count = len(ids) - size + 1
    mixed = ids[:count] * _MIX[0]
    for k in range(1, size):
        mixed ^= ids[k : k + count] * _MIX[k]
    grams = (mixed >> np.uint64(32)).astype(np.uint32)
    grams.sort()  # sort and drop repeats: np.unique does the same several times slower
    keep = np.empty(len(grams), dtype=bool)
    keep[0] = True
    np.not_equal(grams[1:], grams[:-1], out=keep[1:])
    return grams[keep]


#: Shingles of recently stored or verified articles, by (article id, n-gram size), most recent
#: last. A near-duplicate's original usually arrived shortly before it, and re-reading and
#: re-shingling its text is what verifying a candidate costs. An article id hashes the words of
#: the article, so an entry holds for that id in any store, for good.
_RECENT_SHINGLES: OrderedDict[tuple[str, int], np.ndarray] = OrderedDict()
_RECENT_SHINGLES_SIZE = 4096


def remember_shingles(article_id: str, size: int, grams: np.ndarray) -> None:
    _RECENT_SHINGLES[(article_id, size)] = grams
    _RECENT_SHINGLES.move_to_end((article_id, size))
    if len(_RECENT_SHINGLES) > _RECENT_SHINGLES_SIZE:
        _RECENT_SHINGLES.popitem(last=False)


def recall_shingles(article_id: str, size: int) -> np.ndarray | None:
    """The shingles :func:`remember_shingles` kept for this article (now the most recent), or None."""
    grams = _RECENT_SHINGLES.get((article_id, size))
    if grams is not None:
        _RECENT_SHINGLES.move_to_end((article_id, size))
    return grams


#: Pinned, so a datasketch upgrade cannot silently change the band keys already stored.
_SCHEME: Literal["affine32"] = "affine32"
#: The 32-bit MurmurHash3 finalizer that datasketch's affine32 scheme applies to each input hash.
_FMIX32 = (np.uint32(16), np.uint32(0x85EBCA6B), np.uint32(13), np.uint32(0xC2B2AE35), np.uint32(16))


@functools.cache
def _permutations(num_perm: int) -> tuple[np.ndarray, np.ndarray]:
    """datasketch's seeded affine permutations ``(a, b)`` as uint32 arrays, drawn once."""
    a, b = MinHash(num_perm=num_perm, scheme=_SCHEME).permutations
    return np.asarray(a, dtype=np.uint32), np.asarray(b, dtype=np.uint32)


@functools.cache
def _band_prefixes(bands: int) -> tuple[bytes, ...]:
    return tuple(band.to_bytes(2, "big") for band in range(bands))


def minhash_signature(grams: np.ndarray, num_perm: int) -> np.ndarray:
    """The MinHash signature datasketch's ``MinHash(scheme="affine32", hashfunc=int)`` gives
    for these 32-bit values, computed in one numpy pass (uint32 arithmetic wraps as its does)."""
    s1, m1, s2, m2, s3 = _FMIX32
    hv = grams.astype(np.uint32)
    hv = hv ^ (hv >> s1)
    hv *= m1
    hv ^= hv >> s2
    hv *= m2
    hv ^= hv >> s3
    a, b = _permutations(num_perm)
    return (hv[:, None] * a + b).min(axis=0)


def band_keys(grams: np.ndarray, settings: Settings) -> list[int]:
    """One LSH key per band of the MinHash signature; the band number is mixed into the key."""
    if not len(grams):
        return []
    rows = settings.minhash_perm // settings.lsh_bands
    width = rows * 8  # each signature value hashed as 8 bytes, as the keys have always been
    values = minhash_signature(grams, settings.minhash_perm).astype(np.uint64).tobytes()
    keys = []
    for band, prefix in enumerate(_band_prefixes(settings.lsh_bands)):
        digest = hashlib.blake2b(prefix + values[band * width : (band + 1) * width], digest_size=8).digest()
        keys.append(int.from_bytes(digest, "big", signed=True))
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
