"""Near-duplicate reports: MinHash signatures of word shingles.

A wire story republished by several outlets with small edits (a new headline, a
dropped paragraph, a byline) shares most of its five-word shingles with the
original; the share of equal MinHash values estimates that Jaccard similarity.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from operator import methodcaller

SHINGLE = 5
PERMUTATIONS = 64
# Estimated Jaccard similarity of shingles at or above which two reports are one story.
THRESHOLD = 0.7
# Each distinct shingle is hashed once, with SHAKE-128, into PERMUTATIONS values of 8 bytes
# (read big-endian as unsigned 64-bit integers): the value at position i is the shingle's
# hash under the i-th of PERMUTATIONS independent hash functions.
_WIDTH = 8
_STRIDE = PERMUTATIONS * _WIDTH
_DIGEST = methodcaller("digest", _STRIDE)
_WORD = re.compile(r"\w+")
# Only a text's start is signed: a longer one is too long to extract anyway (see
# EXTRACTION_MAX_BYTES), and signing megabytes would hold up the upload request.
SIGNED_CHARS = 400_000


def _words(text: str) -> list[str]:
    """The text's words, lowercased and without accents."""
    folded = text.lower()
    if not folded.isascii():
        folded = unicodedata.normalize("NFKD", folded)
        marks = {ord(c): None for c in set(folded) if unicodedata.combining(c)}
        if marks:
            folded = folded.translate(marks)
    return _WORD.findall(folded)


def _minima(digests: bytes) -> list[int]:
    """Each position's least value over the concatenated shingle digests.

    The same as `list(map(min, zip(*rows)))` over the digests unpacked into rows of integers,
    without building an int for every value: a position's least value starts with the least
    first byte, so only the few values starting with it are decoded and compared.
    """
    out = []
    for offset in range(0, _STRIDE, _WIDTH):
        firsts = digests[offset::_STRIDE]  # each shingle's first byte at this position
        # with many shingles the least first byte is 0 or 1: look for it from 0 up
        byte = min(firsts) if len(firsts) < 32 else next(b for b in range(256) if b in firsts)
        least = 1 << (8 * _WIDTH)
        at = firsts.find(byte)
        while at >= 0:
            start = at * _STRIDE + offset
            least = min(least, int.from_bytes(digests[start : start + _WIDTH], "big"))
            at = firsts.find(byte, at + 1)
        out.append(least)
    return out


def signature(text: str) -> list[int]:
    """The MinHash signature of the text's word shingles (empty for very short texts).

    Of a text longer than SIGNED_CHARS, its first SIGNED_CHARS characters'.

    The same text gives the same signature in every process and on every machine; two
    signatures agree at a position with probability equal to the Jaccard similarity of the
    two texts' sets of shingles.
    """
    words = _words(text[:SIGNED_CHARS])
    if len(words) < SHINGLE:
        return []
    runs = zip(*(words[i:] for i in range(SHINGLE)), strict=False)  # SHINGLE words in a row
    shingles = set(map(str.encode, map(" ".join, runs)))
    return _minima(b"".join(map(_DIGEST, map(hashlib.shake_128, shingles))))


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
