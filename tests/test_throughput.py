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


def test_messages_fill_as_string_formatter_filled_them(ruleset: RuleSet) -> None:
    import string

    from sociable.kinds.base import _Defaulting

    values = {"match": "like if you agree", "channel": "x-post", "first_name": "Ana",
              "recipient": "Ana Lima", "company": "Acme", "value": 7.25, "min": 2, "max": 5,
              "count": 3, "other": "a.md:4", "line": 2, "metric": "words"}
    for spec in ruleset.specs.values():
        for given in (values, {"match": "x"}):  # all fields, and most of them missing
            expected = string.Formatter().vformat(spec.message, (), _Defaulting(given))
            assert spec.message.format_map(_Defaulting(given)) == expected, spec.code


def test_rule_findings_come_located(ruleset: RuleSet) -> None:
    from sociable.document import Document
    from sociable.engine import locate

    doc = Document.from_text("---\nchannel: x-post\n---\nFirst line\nLike if you agree!\n", "a.md")
    rule = ruleset.rule(ruleset.selected[0])
    start = doc.text.index("Like")
    found = rule.finding(doc, start, start + 4)
    assert (found.line, found.column, found.end_line, found.end_column) == (5, 1, 5, 5)
    unlocated = type(found)(**{**found.__dict__, "line": 0, "column": 0, "end_line": 0, "end_column": 0})
    assert locate(doc, unlocated) == found


def _phrases_one_by_one(view: str, n: int, min_count: int) -> list[tuple[int, int, int, str]]:
    """repeated_phrases as it was written before the frequent phrases were counted first."""
    from collections import defaultdict

    from sociable.kinds.self_repetition import _STOP, _WORD

    words = list(_WORD.finditer(view))
    lowered = [m.group().lower().replace("’", "'") for m in words]
    where: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for index in range(len(lowered) - n + 1):
        positions = where[tuple(lowered[index : index + n])]
        if not positions or positions[-1] + n <= index:
            positions.append(index)
    out, used = [], set()
    for gram, positions in where.items():
        if len(positions) < min_count or sum(1 for w in gram if w not in _STOP and len(w) > 2) < 2:
            continue
        if positions[0] in used:
            continue
        length = n
        limits = [*positions[1:], len(lowered)]
        while all(p + length < q for p, q in zip(positions, limits, strict=True)) and (
            len({lowered[p + length] for p in positions}) == 1
        ):
            length += 1
        for p in positions:
            used.update(range(p, p + length))
        start, end = words[positions[0]].start(), words[positions[0] + length - 1].end()
        out.append((len(positions), start, end, " ".join(lowered[positions[0] : positions[0] + length])))
    return sorted(out, key=lambda item: item[1])


def test_repeated_phrases_are_those_found_one_window_at_a_time() -> None:
    from sociable.kinds.self_repetition import repeated_phrases

    rng = random.Random(2)
    vocab = ["the", "we", "help", "teams", "ship", "faster", "it’s", "it's", "great", "Café", "İstanbul", "plan", "review", "data-driven", "of"]
    for _ in range(300):
        view = " ".join(rng.choice(vocab) for _ in range(rng.randint(0, 60)))
        for n, count in ((3, 3), (2, 2), (4, 2)):
            assert repeated_phrases(view, n, count) == _phrases_one_by_one(view, n, count), view
