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


def test_the_remembered_source_is_the_one_built_phrase_by_phrase() -> None:
    from sociable import regex_cache
    from sociable.kinds.matching import phrase_regex

    phrases = ["reach out", "touch ** base", "circle * back", "reach"]
    built = "|".join(f"(?:{phrase_regex(p)})" for p in ["circle * back", "touch ** base", "reach out", "reach"])
    assert compile_phrases(phrases).pattern == built
    # A second list that differs in one phrase is not taken for the first.
    assert compile_phrases([*phrases[:-1], "reached"]).pattern != built
    assert regex_cache.derived("phrases", "\0".join(["circle * back", "touch ** base", "reach out", "reach"]), 0,
                               lambda *_: "not computed again") == built


def test_a_phrase_without_words_still_names_its_key() -> None:
    import pytest

    from sociable.kinds.base import RuleError

    with pytest.raises(RuleError) as caught:
        compile_phrases(["fine words", "* **"], key="exceptions")
    assert caught.value.key == "exceptions" and "no words" in str(caught.value)
