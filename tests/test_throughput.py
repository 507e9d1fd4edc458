"""Folder throughput: what the main process does once for its workers, and fast paths that
must give the very results of the plain ones."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from sociable import runner, syllables
from sociable.kinds import metric
from sociable.kinds.base import Rule
from sociable.ruleset import RuleSet


def test_warm_prepares_every_selected_rule_and_warms_each_kind_once(
    ruleset: RuleSet, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[list[str]] = []

    def record(self: metric.Metric, rules: Sequence[Rule]) -> None:
        calls.append([rule.code for rule in rules])

    monkeypatch.setattr(metric.Metric, "warm", record)
    runner.warm(ruleset)
    assert set(ruleset.selected) <= set(ruleset._prepared)
    expected = [code for code in ruleset.selected if ruleset.specs[code].kind == "metric"]
    assert expected and calls == [expected]


def test_a_kind_that_fails_to_warm_does_not_stop_the_run(
    ruleset: RuleSet, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fail(self: metric.Metric, rules: Sequence[Rule]) -> None:
        raise RuntimeError("no dictionary here")

    monkeypatch.setattr(metric.Metric, "warm", fail)
    runner.warm(ruleset)  # the worker meets the problem later, as it would have without warming


def test_metric_warm_loads_the_readability_dictionaries(ruleset: RuleSet, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(syllables, "_DICTIONARY", None)
    monkeypatch.setattr(metric, "_SCORERS", {})
    rules = [ruleset.rule(code) for code in ruleset.selected if ruleset.specs[code].kind == "metric"]
    assert any(rule.prepared.metric in metric.FORMULAS for rule in rules)
    metric.Metric().warm(rules)
    assert syllables._DICTIONARY is not None
    assert "en-US" in metric._SCORERS
