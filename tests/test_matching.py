"""compile_phrases builds the same pattern in every process, so the regex cache hits."""

from __future__ import annotations

import os
import subprocess
import sys

from sociable.kinds.matching import compile_phrases

PHRASES = ["tag a friend", "like if you", "share this", "comment yes", "drop a like", "dm me now"]


def test_longest_phrase_first_and_ties_by_text() -> None:
    pattern = compile_phrases(["ab cd", "zz yy", "a much longer phrase", "aa bb"]).pattern
    order = [pattern.find(word) for word in ("much", "aa", "ab", "zz")]
    assert order == sorted(order), pattern


def test_same_pattern_under_different_hash_seeds() -> None:
    program = (
        "from sociable.kinds.matching import compile_phrases\n"
        f"print(compile_phrases({PHRASES!r}).pattern)\n"
    )
    patterns = set()
    for seed in ("1", "2", "3", "4"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        done = subprocess.run([sys.executable, "-c", program], env=env, capture_output=True,
                              text=True, check=True)
        patterns.add(done.stdout)
    assert len(patterns) == 1
    assert patterns.pop().strip() == compile_phrases(PHRASES).pattern
