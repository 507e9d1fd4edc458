"""MinHash sketches and LSH banding: how near-duplicate drafts are found without comparing
every pair. Pure functions over bytes and sets of integers: no document, no rule.

* :func:`shingle_hashes`: CRC-32 (stable across processes, unlike ``hash()`` of text) of every
  character 5-gram of a normalised text, over its UTF-8 bytes.
* :func:`sketch`: a 128-bin *one-permutation* MinHash of those hashes, densified so short
  texts get a full sketch; the share of equal bins (:func:`jaccard_estimate`) estimates the
  Jaccard similarity, :func:`quick_estimate` does so from one byte per bin.
* :func:`candidate_pairs`: LSH, bands of :data:`BAND_ROWS` bins become bucket keys, one band at
  a time (memory stays at one dict of drafts); only drafts sharing a bucket are compared, so
  the cost grows about linearly.
* :func:`score`: the Jaccard estimate, or the containment when one text is (almost) all inside
  the other.
"""

from __future__ import annotations

import sys
import zlib
from array import array
from collections.abc import Iterator, Sequence
from itertools import chain, islice
from typing import Any

BINS = 128  # one-permutation MinHash bins (7 top bits of a 32-bit hash)
BAND_ROWS = 6  # bins per LSH band
BANDS = BINS // BAND_ROWS  # 21 bands; the last 2 bins only count in the estimate
SHINGLE = 5
_SHIFT = 32 - 7
_LOW = (1 << _SHIFT) - 1
_EMPTY = 0xFFFFFFFF
_BUCKET_CAP = 24  # compare a draft with at most this many earlier drafts of one bucket


def shingle_hashes(text: str) -> set[int]:
    """CRC-32 of every character 5-gram (over UTF-8 bytes) of ``text``."""
    data = text.encode("utf-8")
    if len(data) < SHINGLE:
        return {zlib.crc32(data)} if data else set()
    crc = zlib.crc32
    return set(map(crc, [data[i : i + SHINGLE] for i in range(len(data) - SHINGLE + 1)]))


def sketch(hashes: set[int]) -> bytes:
    """A densified one-permutation MinHash of a set of 32-bit hashes: 128 uint32 as bytes.

    Each hash falls in the bin named by its top 7 bits; a bin keeps its smallest remainder.
    An empty bin borrows the value of the next non-empty bin to its right, tagged with the
    distance, so two sets agree on it about as often as on a real bin (Shrivastava and Li's
    densification), and short drafts still get a full sketch.
    """
    # Largest first, so the smallest of each bin is written last (a comprehension measured
    # faster here than dict(zip(map(...))) on Python 3.11).
    mins: dict[int, int] = {h >> _SHIFT: h & _LOW for h in sorted(hashes, reverse=True)}
    found = list(map(mins.get, range(BINS)))
    bins = [_EMPTY if value is None else value for value in found]
    if mins and len(mins) < BINS:
        following = 0  # the next non-empty bin to the right, counting past the end (circular)
        for index in range(2 * BINS - 1, -1, -1):
            if found[index % BINS] is not None:
                following = index
            elif index < BINS:
                distance = following - index
                borrowed = mins[following % BINS] ^ (distance * 0x2545F491)
                bins[index] = (borrowed & _LOW) | (distance << _SHIFT)
    values = array("I", bins)
    if sys.byteorder == "big":
        values.byteswap()  # little-endian everywhere, so the low byte is every 4th byte
    return values.tobytes()


def jaccard_estimate(a: bytes, b: bytes) -> float:
    """Share of equal bins of two sketches: an unbiased estimate of the Jaccard similarity.

    Counted in C: the XOR of the two sketches has a zero bin where they agree, and OR-ing the
    four byte lanes of each bin leaves one byte per bin that is zero exactly then.
    """
    if a == b:
        return 1.0
    x = (int.from_bytes(a, "little") ^ int.from_bytes(b, "little")).to_bytes(4 * BINS, "little")
    lanes = (
        int.from_bytes(x[0::4], "little") | int.from_bytes(x[1::4], "little")
        | int.from_bytes(x[2::4], "little") | int.from_bytes(x[3::4], "little")
    )
    return lanes.to_bytes(BINS, "little").count(0) / BINS


def quick_key(a: bytes) -> int:
    """The low byte of each bin of a sketch, as one integer: what :func:`quick_estimate`
    compares, made once per draft when one draft is compared with many."""
    return int.from_bytes(a[::4], "little")


def _quick(key_a: int, key_b: int) -> float:
    agree = (key_a ^ key_b).to_bytes(BINS, "little").count(0) / BINS
    return max(0.0, (agree - 1 / 256) / (1 - 1 / 256))


def quick_estimate(a: bytes, b: bytes) -> float:
    """The Jaccard estimate from the low byte of each bin (b-bit MinHash, b = 8), all in C.

    Two unequal bins still agree on their low byte once in 256; the estimate is corrected
    for that. About five times faster than :func:`jaccard_estimate`, a little noisier, so it
    only filters candidates before the exact count.
    """
    return _quick(quick_key(a), quick_key(b))


QUICK_FLOOR = 0.45  # below this quick estimate a pair is neither alike nor contained
CONTAINED_AT = 0.9  # share of the smaller text found in the larger that makes it a copy
CONTAINED_MIN_JACCARD = 0.55


def score(
    a: bytes, size_a: int, b: bytes, size_b: int, keys: tuple[int, int] | None = None
) -> float:
    """The Jaccard estimate, raised to the containment when one text is (almost) all inside
    the other and they are of comparable length: a copy with a sentence added is a copy.

    Containment alone is not used below :data:`CONTAINED_AT`: for two texts of equal length it
    is ``2J / (1 + J)``, which would make unrelated drafts of one template look alike.
    ``keys``: the two sketches' :func:`quick_key`, when the caller made them once per draft.
    """
    key_a, key_b = (quick_key(a), quick_key(b)) if keys is None else keys
    if _quick(key_a, key_b) < QUICK_FLOOR:
        return 0.0
    jaccard = jaccard_estimate(a, b)
    small, large = min(size_a, size_b), max(size_a, size_b)
    if jaccard < CONTAINED_MIN_JACCARD or small < 0.6 * large:
        return jaccard  # stock sentences shared by unrelated drafts stay below this
    shared = jaccard * (size_a + size_b) / (1 + jaccard)
    contained = min(1.0, shared / small)
    return contained if contained >= CONTAINED_AT else jaccard


def candidate_pairs(sketches: Sequence[bytes]) -> Iterator[tuple[int, int]]:
    """Pairs ``(i, j)``, ``i < j``, that share an LSH band, one band at a time.

    Only one band's buckets are in memory at once, and pairs are not collected: a pair that
    shares several bands comes out several times (callers skip pairs already seen), which
    costs less than a set of every pair of a large run.
    """
    width = BAND_ROWS * 4
    for band in range(BANDS):
        lo, hi = band * width, band * width + width
        buckets: dict[bytes, Any] = {}
        for index, value in enumerate(sketches):
            key = value[lo:hi]
            seen = buckets.get(key)
            if seen is None:
                buckets[key] = index
            elif isinstance(seen, int):
                yield seen, index
                buckets[key] = [seen, index]
            else:
                for other in seen[-_BUCKET_CAP:]:
                    yield other, index
                seen.append(index)


# --- scoring every candidate pair -------------------------------------------------------------

#: From this many drafts, pairs are scored with numpy when it is installed (importing it costs
#: about 0.1 s; below this the pure-Python loop is as fast). Both give the same pairs and the
#: same scores: bins are counted as integers and the score takes the same float steps.
VECTOR_FROM = 1000
_CHUNK = 16_384  # candidate pairs scored together: about 20 MB of gathered bins at most


def alike_pairs(
    sketches: Sequence[bytes], sizes: Sequence[int], history: Sequence[bool], limit: int,
    warn_at: float,
) -> Iterator[tuple[int, int, float]]:
    """``(i, j, score)`` once for each candidate pair scoring ``warn_at`` or more.

    Pairs of two drafts past ``limit`` (references, not reported) and pairs of two history
    entries are not scored. numpy scores the pairs when it is installed and there are
    :data:`VECTOR_FROM` drafts or more; otherwise one pair at a time in Python.
    """
    if len(sketches) >= VECTOR_FROM:
        try:
            import numpy  # noqa: F401  (optional; installed with the 'fast' extra)
        except ImportError:
            pass
        else:
            yield from _alike_pairs_numpy(sketches, sizes, history, limit, warn_at)
            return
    keys = [quick_key(s) for s in sketches]  # once a draft, not once a pair
    alike: set[tuple[int, int]] = set()
    for i, j in candidate_pairs(sketches):
        if (i >= limit and j >= limit) or (history[i] and history[j]) or (i, j) in alike:
            continue
        value = score(sketches[i], sizes[i], sketches[j], sizes[j], (keys[i], keys[j]))
        if value >= warn_at:
            alike.add((i, j))
            yield i, j, value


def _alike_pairs_numpy(
    sketches: Sequence[bytes], sizes: Sequence[int], history: Sequence[bool], limit: int,
    warn_at: float,
) -> Iterator[tuple[int, int, float]]:
    import numpy as np

    count = len(sketches)
    bins = np.frombuffer(b"".join(sketches), dtype="<u4").reshape(count, BINS)
    low = (bins & 0xFF).astype(np.uint8)
    size = np.asarray(sizes, dtype=np.float64)
    past = np.asarray(history, dtype=bool)
    alike: set[tuple[int, int]] = set()
    pairs = candidate_pairs(sketches)
    while True:
        flat = list(islice(chain.from_iterable(pairs), 2 * _CHUNK))
        if not flat:
            return
        ij = np.asarray(flat, dtype=np.int64).reshape(-1, 2)
        i, j = ij[:, 0], ij[:, 1]
        keep = ~(((i >= limit) & (j >= limit)) | (past[i] & past[j]))
        i, j = i[keep], j[keep]
        # The same float steps as quick_estimate and score, one array at a time.
        agree = (low[i] == low[j]).sum(axis=1) / BINS
        quick = np.maximum(0.0, (agree - 1 / 256) / (1 - 1 / 256))
        keep = quick >= QUICK_FLOOR
        i, j = i[keep], j[keep]
        jaccard = (bins[i] == bins[j]).sum(axis=1) / BINS
        size_i, size_j = size[i], size[j]
        small, large = np.minimum(size_i, size_j), np.maximum(size_i, size_j)
        shared = jaccard * (size_i + size_j) / (1 + jaccard)
        contained = np.minimum(1.0, shared / small)
        raised = (jaccard >= CONTAINED_MIN_JACCARD) & (small >= 0.6 * large) & (contained >= CONTAINED_AT)
        value = np.where(raised, contained, jaccard)
        keep = value >= warn_at
        for a, b, v in zip(i[keep].tolist(), j[keep].tolist(), value[keep].tolist(), strict=True):
            if (a, b) not in alike:
                alike.add((a, b))
                yield a, b, v
