"""Folder throughput: what the main process does once for its workers, and fast paths that
must give the very results of the plain ones."""

from __future__ import annotations

import random
import zlib
from collections.abc import Sequence

import pytest

from sociable import runner, syllables
from sociable.kinds import metric, minhash
from sociable.kinds.base import Rule
from sociable.ruleset import RuleSet


def test_warm_prepares_every_selected_rule_and_warms_each_kind_once(
    ruleset: RuleSet, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[list[str]] = []

    def record(self: metric.Metric, rules: Sequence[Rule], drafts: int) -> None:
        calls.append([rule.code for rule in rules])

    monkeypatch.setattr(metric.Metric, "warm", record)
    runner.warm(ruleset, 10)
    assert set(ruleset.selected) <= set(ruleset._prepared)
    expected = [code for code in ruleset.selected if ruleset.specs[code].kind == "metric"]
    assert expected and calls == [expected]


def test_a_kind_that_fails_to_warm_does_not_stop_the_run(
    ruleset: RuleSet, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fail(self: metric.Metric, rules: Sequence[Rule], drafts: int) -> None:
        raise RuntimeError("no dictionary here")

    monkeypatch.setattr(metric.Metric, "warm", fail)
    runner.warm(ruleset, 10)  # the worker meets the problem later, as it would have without warming


def test_metric_warm_loads_the_readability_dictionaries(ruleset: RuleSet, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(syllables, "_DICTIONARY", None)
    monkeypatch.setattr(metric, "_SCORERS", {})
    rules = [ruleset.rule(code) for code in ruleset.selected if ruleset.specs[code].kind == "metric"]
    assert any(rule.prepared.metric in metric.FORMULAS for rule in rules)
    metric.Metric().warm(rules, 1)
    assert syllables._DICTIONARY is not None
    assert "en-US" in metric._SCORERS


def _texts(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    alphabet = "abcdefghij klmnop ¤§µ é漢字 😀\n0"
    fixed = ["", "a", "abcd", "abcde", "abcdefghi", "abcdefghij", "¤ ¤ ¤ ¤ ¤", "x" * 3000]
    return fixed + [
        "".join(rng.choice(alphabet) for _ in range(rng.choice([9, 10, 11, 40, 250, 900])))
        for _ in range(count)
    ]


def test_numpy_signing_gives_the_python_sketch_and_size(monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("numpy")
    monkeypatch.setattr(minhash, "_VECTOR", None)
    assert minhash.use_numpy()
    for text in _texts(150, 11):
        hashes = minhash.shingle_hashes(text)
        assert minhash.sign(text) == (minhash.sketch(hashes), len(hashes)), text


def test_window_crc_tables_are_zlib_crc32() -> None:
    np = pytest.importorskip("numpy")
    first, *rest = minhash._crc_tables(np)
    rng = random.Random(5)
    for _ in range(300):
        window = bytes(rng.randrange(256) for _ in range(minhash.SHINGLE))
        value = int(first[window[0]])
        for place, table in enumerate(rest, 1):
            value ^= int(table[window[place]])
        assert value == zlib.crc32(window)


def test_near_duplicate_loads_numpy_only_for_large_runs(
    ruleset: RuleSet, monkeypatch: pytest.MonkeyPatch
) -> None:
    pytest.importorskip("numpy")
    monkeypatch.setattr(minhash, "_VECTOR", None)
    rules = [ruleset.rule(c) for c in ruleset.selected if ruleset.specs[c].kind == "near-duplicate"]
    kind = rules[0].kind
    kind.warm(rules, minhash.VECTOR_FROM - 1)
    assert minhash._VECTOR is None  # a small run signs in Python: no numpy import to pay
    kind.warm(rules, minhash.VECTOR_FROM)
    assert minhash._VECTOR
