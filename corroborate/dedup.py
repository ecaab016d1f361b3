"""Exact and near-duplicate detection: content hashes, word shingles, MinHash LSH.

A syndicated wire copy, a re-scrape with small edits or the same article
under a new headline shares most of its word 5-grams with the original.
MinHash band keys find candidates through the store's index; the shingle
containment of each candidate then decides.
"""

from __future__ import annotations

import hashlib
import re

import numpy as np
from datasketch import MinHash

from .settings import Settings

_WORD = re.compile(r"\w+")


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


def shingles(text: str, size: int) -> set[str]:
    """
    >>> sorted(shingles("a b c d", 3))
    ['a b c', 'b c d']
    """
    words = normalised_words(text)
    if len(words) < size:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + size]) for i in range(len(words) - size + 1)}


def band_keys(text: str, settings: Settings) -> list[tuple[int, int]]:
    """(band, key) pairs of the text's MinHash signature."""
    grams = shingles(text, settings.shingle_words)
    if not grams:
        return []
    sig = MinHash(num_perm=settings.minhash_perm)
    sig.update_batch([g.encode() for g in grams])
    rows = settings.minhash_perm // settings.lsh_bands
    values = np.asarray(sig.hashvalues, dtype=np.uint64)
    keys = []
    for band in range(settings.lsh_bands):
        digest = hashlib.blake2b(values[band * rows : (band + 1) * rows].tobytes(), digest_size=8).digest()
        keys.append((band, int.from_bytes(digest, "big", signed=True)))
    return keys


def containment(a: set[str], b: set[str]) -> float:
    """Share of the smaller set found in the larger one.

    >>> containment({"x", "y"}, {"x", "y", "z"})
    1.0
    """
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


#: Below this many shingles containment is noise, so both sides must be long enough.
MIN_SHINGLES = 20


def is_near_duplicate(text: str, other: str, settings: Settings) -> bool:
    a, b = shingles(text, settings.shingle_words), shingles(other, settings.shingle_words)
    if min(len(a), len(b)) < MIN_SHINGLES:
        return a == b and bool(a)
    return containment(a, b) >= settings.near_duplicate_containment
