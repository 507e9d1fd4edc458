"""Recorded regex opcodes give patterns that behave exactly like ``re.compile``'s."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from sociable import regex_cache

PATTERNS = [
    (r"\b(?:like|love)\s+(?:this|it)\s+if\s+(?P<who>you|u)\b", re.IGNORECASE),
    (r"^\s*(?:hi|hey)\s+there\b", re.IGNORECASE | re.MULTILINE),
    (r"(?<![\w&/#])#(?=\w*[^\W\d_])\w+", 0),
    (r"[\U0001F300-\U0001FAFF]+", 0),
]
TEXT = "Hey there!\nLike this if you agree 🎉🎉 #growth #2024 and LOVE IT IF U do."


@pytest.fixture
def fresh_cache(tmp_path: Path):  # type: ignore[no-untyped-def]
    regex_cache._entries.clear()
    regex_cache.configure(tmp_path)
    yield tmp_path
    regex_cache._entries.clear()
    regex_cache.configure(None)


def test_recorded_patterns_match_like_re(fresh_cache: Path) -> None:
    for pattern, flags in PATTERNS:
        regex_cache.compile(pattern, flags)
    regex_cache.save()
    stored = list((fresh_cache / "regex").glob("*.pickle"))
    assert len(stored) == 1
    regex_cache._entries.clear()
    regex_cache.configure(None)
    regex_cache.configure(fresh_cache)  # a new run: loads the recorded opcodes
    for pattern, flags in PATTERNS:
        cached = regex_cache.compile(pattern, flags)
        assert (pattern, int(flags)) in regex_cache._entries
        plain = re.compile(pattern, flags)
        assert cached.flags == plain.flags and cached.groupindex == plain.groupindex
        assert [m.span() for m in cached.finditer(TEXT)] == [m.span() for m in plain.finditer(TEXT)]


def test_a_corrupt_cache_file_is_ignored(fresh_cache: Path) -> None:
    folder = fresh_cache / "regex"
    folder.mkdir()
    for name in ("a", "b"):
        (folder / name).write_bytes(b"junk")
    regex_cache.configure(None)
    regex_cache.configure(fresh_cache)
    target = regex_cache._path
    assert target is not None
    target.write_bytes(b"not a pickle")
    assert regex_cache.compile(r"\bfoo\b").search("a foo b") is not None


def test_a_broken_record_falls_back_to_re(fresh_cache: Path) -> None:
    regex_cache._entries[("x+", 0)] = ("x+", 0, [999999], 0, {}, ())
    assert regex_cache.compile("x+").fullmatch("xxx") is not None
    assert ("x+", 0) not in regex_cache._entries or regex_cache._entries[("x+", 0)][2] != [999999]


def test_entries_no_recent_run_used_are_dropped(fresh_cache: Path) -> None:
    regex_cache.compile(r"old\s+pattern", 0)
    regex_cache.save()
    stale = (r"old\s+pattern", 0)

    def new_run() -> None:  # what the next process starts with: only the file
        regex_cache._entries.clear()
        regex_cache._used.clear()
        regex_cache._last_used.clear()
        regex_cache.configure(None)
        regex_cache.configure(fresh_cache)

    for number in range(regex_cache.KEEP_GENERATIONS + 1):
        new_run()
        regex_cache.compile(r"kept\s+pattern", 0)  # used by every run
        regex_cache.compile(rf"new\s+{number}", 0)  # something new each run: it saves
        regex_cache.save()
        new_run()
        regex_cache.compile("x", 0)  # loads the file
        if number < regex_cache.KEEP_GENERATIONS - 1:
            assert stale in regex_cache._entries, number
    assert stale not in regex_cache._entries  # unused for KEEP_GENERATIONS saves: gone
    assert (r"kept\s+pattern", 0) in regex_cache._entries
    assert regex_cache.compile(r"old\s+pattern").search("an old  pattern")  # still compiles
