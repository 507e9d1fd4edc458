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
from bisect import bisect_left
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

BINS = 128  # one-permutation MinHash bins (7 top bits of a 32-bit hash)
BAND_ROWS = 6  # bins per LSH band
BANDS = BINS // BAND_ROWS  # 21 bands; the last 2 bins only count in the estimate
SHINGLE = 5
_SHIFT = 32 - 7
_LOW = (1 << _SHIFT) - 1
_EMPTY = 0xFFFFFFFF
_SHINGLE_CHUNK = 65_536  # 5-grams sliced at a time
_BUCKET_CAP = 24  # compare a draft with at most this many earlier drafts of one bucket


def shingle_hashes(text: str) -> set[int]:
    """CRC-32 of every character 5-gram (over UTF-8 bytes) of ``text``."""
    if len(text) < SHINGLE:
        data = text.encode("utf-8")
        if len(data) < SHINGLE:
            return {zlib.crc32(data)} if data else set()
    return shingle_hashes_of_parts((text,))


def shingle_hashes_of_parts(parts: Iterable[str]) -> set[int]:
    """``shingle_hashes("".join(parts))``, without the joined text or its bytes.

    Each part is encoded a chunk at a time, after the last ``SHINGLE - 1`` bytes before it,
    so every window of the whole is hashed once (20 MB of bytes at 20 MB before); a slice
    object per 5-gram lives only within one chunk (a list of every slice of a 20 MB draft
    took about a gigabyte before the set was made).
    """
    crc = zlib.crc32
    hashes: set[int] = set()
    tail = b""
    for part in parts:
        for chunk in range(0, len(part), _SHINGLE_CHUNK):
            data = tail + part[chunk : chunk + _SHINGLE_CHUNK].encode("utf-8")
            hashes.update(map(crc, [data[i : i + SHINGLE] for i in range(len(data) - SHINGLE + 1)]))
            tail = data[-(SHINGLE - 1):]
    if not hashes and tail:
        hashes.add(crc(tail))  # fewer than SHINGLE bytes in all: the whole is the one shingle
    return hashes


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


# --- signing a text: shingles and sketch in one step ------------------------------------------

_VECTOR: Any = None  # numpy and its CRC tables once :func:`use_numpy` has loaded them


def use_numpy() -> bool:
    """Sign texts with numpy from now on in this process, when numpy is installed (the
    ``fast`` extra). The runner calls it (:meth:`Kind.warm`) before the workers fork, so no
    worker imports numpy itself and a one-draft run never pays the import. Both ways give
    the same sketch and size, byte for byte."""
    global _VECTOR
    if _VECTOR is None:
        try:
            import numpy as np
        except ImportError:
            _VECTOR = False
        else:
            _VECTOR = (np, *_crc_tables(np))
    return _VECTOR is not False


def _crc_tables(np: Any) -> tuple[Any, ...]:
    """CRC-32 of a 5-byte window as table look-ups: for messages of one length CRC-32 is
    affine over GF(2) (``crc(x ^ y) = crc(x) ^ crc(y) ^ crc(0)``), so the CRC of a window is
    ``crc(0) ^ T0[b0] ^ ... ^ T4[b4]``, with ``Tk[b]`` the CRC of ``b`` alone at place k
    XOR ``crc(0)``; ``crc(0)`` is folded into ``T0``. Checked against :func:`zlib.crc32`."""
    zero = zlib.crc32(bytes(SHINGLE))
    tables = []
    window = bytearray(SHINGLE)
    for place in range(SHINGLE):
        row = []
        for value in range(256):
            window[place] = value
            row.append(zlib.crc32(window) ^ zero ^ (zero if place == 0 else 0))
        window[place] = 0
        tables.append(np.array(row, dtype=np.uint32))
    return tuple(tables)


def sign(text: str) -> tuple[bytes, int]:
    """``(sketch(shingle_hashes(text)), len(shingle_hashes(text)))``: with numpy (after
    :func:`use_numpy`) for texts of a few windows or more, else in Python."""
    if _VECTOR and len(text) >= 2 * SHINGLE:
        return _sign_numpy(text.encode("utf-8"))
    hashes = shingle_hashes(text)
    return sketch(hashes), len(hashes)


def _sign_numpy(data: bytes) -> tuple[bytes, int]:
    """:func:`sign` with the hashing and sorting in numpy (about a third of the time of the
    Python loop on a short draft): every window's CRC from five table look-ups, the distinct
    hashes in order, so each bin's smallest is the first with its top bits; the few empty
    bins are densified as :func:`sketch` does, from the next filled bin to the right."""
    np, first_table, *tables = _VECTOR
    raw = np.frombuffer(data, dtype=np.uint8)
    last = len(raw) - SHINGLE + 1
    hashes = first_table.take(raw[:last])
    for place, table in enumerate(tables, 1):
        hashes ^= table.take(raw[place : place + last])
    hashes.sort()
    distinct = hashes[_starts(np, hashes)]
    which = distinct >> np.uint32(_SHIFT)
    lowest = _starts(np, which)
    filled: list[int] = which[lowest].tolist()
    mins: list[int] = (distinct[lowest] & np.uint32(_LOW)).tolist()
    bins = [_EMPTY] * BINS
    for index, value in zip(filled, mins, strict=True):
        bins[index] = value
    if len(filled) < BINS:
        count = len(filled)
        for index in [i for i in range(BINS) if bins[i] == _EMPTY]:
            at = bisect_left(filled, index)  # the next filled bin, circularly
            following, value = (filled[at], mins[at]) if at < count else (filled[0] + BINS, mins[0])
            distance = following - index
            bins[index] = ((value ^ (distance * 0x2545F491)) & _LOW) | (distance << _SHIFT)
    values = array("I", bins)
    if sys.byteorder == "big":
        values.byteswap()
    return values.tobytes(), len(distinct)


def _starts(np: Any, ordered: Any) -> Any:
    """Where each run of equal values of a sorted array starts, as a mask."""
    mask = np.empty(len(ordered), dtype=bool)
    mask[0] = True
    np.not_equal(ordered[1:], ordered[:-1], out=mask[1:])
    return mask


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
_CHUNK = 65_536  # candidate pairs scored together: about 30 MB of gathered bins at most


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


def best_partners(
    sketches: Sequence[bytes], sizes: Sequence[int], history: Sequence[bool], limit: int,
    warn_at: float,
) -> list[tuple[int, int, float]]:
    """``(draft, partner, score)`` for each draft with an alike partner (:func:`alike_pairs`),
    in draft order: the partner with the best score, then a history entry, then the earlier
    draft, so copies all name the same original. History entries and drafts from ``limit``
    on (references) get no partner of their own.

    With numpy, the best partner is picked in arrays: at 100,000 drafts of one template there
    were 1.7 million alike pairs, and taking each through Python to a dict cost more than
    scoring them.
    """
    if len(sketches) >= VECTOR_FROM:
        try:
            import numpy as np
        except ImportError:
            pass
        else:
            return _best_partners_numpy(np, sketches, sizes, history, limit, warn_at)
    best: dict[int, tuple[tuple[float, bool, int], int, float]] = {}
    for i, j, value in alike_pairs(sketches, sizes, history, limit, warn_at):
        for mine, other in ((i, j), (j, i)):
            if history[mine] or mine >= limit:
                continue
            rank = (value, history[other], -other)
            current = best.get(mine)
            if current is None or rank > current[0]:
                best[mine] = (rank, other, value)
    return [(mine, other, value) for mine, (_rank, other, value) in sorted(best.items())]


def _best_partners_numpy(
    np: Any, sketches: Sequence[bytes], sizes: Sequence[int], history: Sequence[bool],
    limit: int, warn_at: float,
) -> list[tuple[int, int, float]]:
    """:func:`best_partners` over :func:`_alike_arrays`: both directions of every pair, sorted
    by draft, then by score, history and index as the ranking goes; the first of each draft."""
    found = _alike_arrays(sketches, sizes, history, limit, warn_at)
    if found is None:
        return []
    first, second, values = found
    past = np.asarray(history, dtype=bool)
    mine, other = np.concatenate((first, second)), np.concatenate((second, first))
    value = np.concatenate((values, values))
    keep = ~past[mine] & (mine < limit)
    mine, other, value = mine[keep], other[keep], value[keep]
    # np.lexsort sorts by its last key first: the draft, the score (highest first), history
    # before drafts (False sorts first), then the earlier partner.
    order = np.lexsort((other, ~past[other], -value, mine))
    mine, other, value = mine[order], other[order], value[order]
    head = np.flatnonzero(np.concatenate(([True], mine[1:] != mine[:-1]))) if len(mine) else mine
    return list(zip(mine[head].tolist(), other[head].tolist(), value[head].tolist(), strict=True))


def _alike_pairs_numpy(
    sketches: Sequence[bytes], sizes: Sequence[int], history: Sequence[bool], limit: int,
    warn_at: float,
) -> Iterator[tuple[int, int, float]]:
    """:func:`alike_pairs` from :func:`_alike_arrays`."""
    found = _alike_arrays(sketches, sizes, history, limit, warn_at)
    if found is not None:
        yield from zip(*(column.tolist() for column in found), strict=True)


def _alike_arrays(
    sketches: Sequence[bytes], sizes: Sequence[int], history: Sequence[bool], limit: int,
    warn_at: float,
) -> tuple[Any, Any, Any] | None:
    """The pairs of :func:`alike_pairs` as three arrays (first, second, score), each pair
    once, ordered by pair; None when there is none. Candidates are made and scored in numpy,
    band by band.

    Per draft and pair the Python loop cost about 1 µs to make a candidate and more to move it
    into an array; at 100,000 drafts that was about 13 million candidates and most of the main
    process's CPU. Here a band's buckets come from sorting the drafts by the band's bins, and
    the pairs of :func:`candidate_pairs` (each draft with the :data:`_BUCKET_CAP` drafts before
    it in its bucket) are shifted slices of that order; alike pairs are kept as one integer
    each and made unique once at the end, not held in a set of tuples.
    """
    import numpy as np

    count = len(sketches)
    bins = np.empty((count, BINS), dtype="<u4")  # row by row: no joined copy of every sketch
    for row, value in enumerate(sketches):
        bins[row] = np.frombuffer(value, dtype="<u4")
    low_words = (bins & 0xFF).astype(np.uint8).view(np.uint64)  # eight low bytes a word
    size = np.asarray(sizes, dtype=np.float64)
    past = np.asarray(history, dtype=bool)
    found_pairs: list[Any] = []
    found_values: list[Any] = []
    for i, j in _candidate_arrays(bins):
        for lo in range(0, len(i), _CHUNK):
            a, b = i[lo : lo + _CHUNK], j[lo : lo + _CHUNK]
            keep = ~(((a >= limit) & (b >= limit)) | (past[a] & past[b]))
            a, b = a[keep], b[keep]
            value = _scores(np, bins, low_words, size, a, b)
            keep = value >= warn_at
            found_pairs.append(a[keep] * count + b[keep])
            found_values.append(value[keep])
    if not found_pairs:
        return None
    codes, first = np.unique(np.concatenate(found_pairs), return_index=True)
    if not len(codes):
        return None
    return codes // count, codes % count, np.concatenate(found_values)[first]


_LOW_SEVEN = 0x7F7F7F7F7F7F7F7F


def _zero_bytes(np: Any, x: Any) -> Any:
    """How many bytes of each row of uint64 words ``x`` are zero, as integers: the number
    of equal low bytes of two sketches whose XOR ``x`` is (half the time of comparing bytes).

    The classic zero-byte test (no carry crosses a byte) leaves the top bit of each zero
    byte set; those bits are counted with ``np.bitwise_count`` (numpy 2) or by moving them
    to the bottom and adding the bytes up with one multiplication.
    """
    seven = np.uint64(_LOW_SEVEN)
    marks = ~(((x & seven) + seven) | x | seven)
    if hasattr(np, "bitwise_count"):
        return np.bitwise_count(marks).sum(axis=1, dtype=np.int64)
    ones = (marks >> np.uint64(7)) * np.uint64(0x0101010101010101) >> np.uint64(56)
    return ones.sum(axis=1, dtype=np.int64)


def _scores(np: Any, bins: Any, low_words: Any, size: Any, i: Any, j: Any) -> Any:
    """:func:`score` of the pairs ``(i[k], j[k])``, with the same float steps, as an array
    (0.0 where the quick estimate is below :data:`QUICK_FLOOR`). ``bins`` are the sketches'
    rows of uint32, ``low_words`` their low bytes as rows of uint64."""
    agree = _zero_bytes(np, low_words[i] ^ low_words[j]) / BINS
    quick = np.maximum(0.0, (agree - 1 / 256) / (1 - 1 / 256))
    value = np.zeros(len(i), dtype=np.float64)
    passed = np.flatnonzero(quick >= QUICK_FLOOR)
    i, j = i[passed], j[passed]
    jaccard = np.count_nonzero(bins[i] == bins[j], axis=1) / BINS
    size_i, size_j = size[i], size[j]
    small, large = np.minimum(size_i, size_j), np.maximum(size_i, size_j)
    shared = jaccard * (size_i + size_j) / (1 + jaccard)
    contained = np.minimum(1.0, shared / small)
    raised = (jaccard >= CONTAINED_MIN_JACCARD) & (small >= 0.6 * large) & (contained >= CONTAINED_AT)
    value[passed] = np.where(raised, contained, jaccard)
    return value


def _candidate_arrays(bins: Any) -> Iterator[tuple[Any, Any]]:
    """The pairs of :func:`candidate_pairs`, one band at a time, as two index arrays.

    Sorting the drafts by a band's bins (then by index) puts each bucket's drafts next to
    each other in index order, so "the k-th earlier draft of the same bucket" is the draft k
    places before in that order, when it is in the same bucket.
    """
    import numpy as np

    count = len(bins)
    index = np.arange(count, dtype=np.int64)
    for band in range(BANDS):
        columns = bins[:, band * BAND_ROWS : (band + 1) * BAND_ROWS]
        # np.lexsort sorts by its last key first: the band's first bin, ..., then the index.
        order = np.lexsort((index, *(columns[:, c] for c in range(BAND_ROWS - 1, -1, -1))))
        ordered = columns[order]
        starts = np.concatenate(([True], (ordered[1:] != ordered[:-1]).any(axis=1)))
        bucket = np.cumsum(starts)
        for back in range(1, _BUCKET_CAP + 1):
            same = np.flatnonzero(bucket[back:] == bucket[:-back])
            if not len(same):
                break  # no bucket has this many drafts: none has more
            yield order[same], order[same + back]
