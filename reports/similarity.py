"""Near-duplicate reports: MinHash signatures of word shingles.

A wire story republished by several outlets with small edits (a new headline, a
dropped paragraph, a byline) shares most of its five-word shingles with the
original; the share of equal MinHash values estimates that Jaccard similarity.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

SHINGLE = 5
PERMUTATIONS = 64
# Estimated Jaccard similarity of shingles at or above which two reports are one story.
THRESHOLD = 0.7
_PRIME = (1 << 61) - 1
_MASK = (1 << 64) - 1


def _coefficients() -> list[tuple[int, int]]:
    out = []
    for i in range(PERMUTATIONS):
        digest = hashlib.blake2b(f"perm-{i}".encode(), digest_size=16).digest()
        a = int.from_bytes(digest[:8], "big") % (_PRIME - 1) + 1
        b = int.from_bytes(digest[8:], "big") % _PRIME
        out.append((a, b))
    return out


_COEFFICIENTS = _coefficients()


def _words(text: str) -> list[str]:
    folded = unicodedata.normalize("NFKD", text.lower())
    folded = "".join(c for c in folded if not unicodedata.combining(c))
    return re.findall(r"\w+", folded)


def signature(text: str) -> list[int]:
    """The MinHash signature of the text's word shingles (empty for very short texts)."""
    words = _words(text)
    if len(words) < SHINGLE:
        return []
    shingles = {
        int.from_bytes(
            hashlib.blake2b(" ".join(words[i : i + SHINGLE]).encode(), digest_size=8).digest(),
            "big",
        )
        for i in range(len(words) - SHINGLE + 1)
    }
    return [min(((a * h + b) % _PRIME) & _MASK for h in shingles) for a, b in _COEFFICIENTS]


BANDS = 16  # locality-sensitive hashing: 16 bands of 4 values; pairs near THRESHOLD collide
ROWS = PERMUTATIONS // BANDS


def band_keys(signature_: list[int]) -> list[int]:
    """One key per band of the signature; near-duplicates share at least one key."""
    if not signature_:
        return []
    keys = []
    for band in range(BANDS):
        values = signature_[band * ROWS : (band + 1) * ROWS]
        digest = hashlib.blake2b(repr((band, values)).encode(), digest_size=8).digest()
        keys.append(int.from_bytes(digest, "big", signed=True))
    return keys


def similarity(first: list[int], second: list[int]) -> float:
    """Estimated Jaccard similarity of two signatures (0 when either is empty)."""
    if not first or not second or len(first) != len(second):
        return 0.0
    return sum(x == y for x, y in zip(first, second, strict=True)) / len(first)
