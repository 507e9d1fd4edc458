"""The C allocator's setting for a huge draft: every big block a mapping of its own.

glibc's ``malloc`` serves a block of 128 kB or more with a mapping of its own, given back to
the kernel when freed. But each such free raises that threshold to the size freed (up to
32 MB), so once a 20 MB draft's bytes are freed, every later block under 20 MB comes from the
heap: the token columns, which grow by ``realloc`` side by side and so move and leave their
old place behind each time, and the views, whose holes the heap cannot give back. Setting the
threshold (``mallopt(M_MMAP_THRESHOLD)``, which also ends the raising) keeps each big block a
mapping: grown in place (``mremap``) and unmapped when freed. Findings do not change; only
where the bytes live.

Imports nothing of sociable's; a helper outside the layers.
"""

from __future__ import annotations

import os

#: Bytes of a draft from which the setting is made (a short draft's blocks are small).
HUGE = 4 << 20
#: Blocks of this many bytes or more get a mapping of their own.
THRESHOLD = 1 << 17
_M_MMAP_THRESHOLD = -3  # from glibc's malloc.h
_set: bool | None = None


def map_big_blocks() -> bool:
    """Fix glibc's mmap threshold at :data:`THRESHOLD` (once a process); False where the C
    library is not glibc (macOS, Windows, musl) or refuses, and nothing is changed there."""
    global _set
    if _set is None:
        _set = False
        try:
            if not (os.confstr("CS_GNU_LIBC_VERSION") or "").startswith("glibc"):
                return False
        except (AttributeError, ValueError, OSError):
            return False
        try:
            import ctypes

            _set = bool(ctypes.CDLL(None).mallopt(_M_MMAP_THRESHOLD, THRESHOLD))
        except (OSError, AttributeError):
            _set = False
    return _set
