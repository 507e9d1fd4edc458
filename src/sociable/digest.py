"""``blake2b`` without importing :mod:`hashlib`.

``import hashlib`` loads OpenSSL's ``_hashlib``, 5-8 ms of a one-draft run that only needs a
cache key. The BLAKE2 module is built into CPython; ``hashlib`` is the fallback elsewhere.
"""

from __future__ import annotations

try:
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - interpreters without the built-in module
    from hashlib import blake2b

__all__ = ["blake2b"]
