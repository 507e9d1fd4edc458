"""Every rule of every pack carries examples, and every example behaves as documented.

Each ``bad`` example must raise its rule's code; each ``good`` example must not. Examples
run through the same per-draft function as the CLI, with the rule's first channel when the
rule is channel-specific and the example names none.
"""

from __future__ import annotations

import copy

import pytest

from sociable.config import Config
from sociable.context import load_context
from sociable.document import Document
from sociable.engine import check_document
from sociable.ruleset import RuleSet

_RULESET = load_context(Config(), use_cache=False).ruleset
_CASES = [
    pytest.param(code, verdict, index, id=f"{code}-{verdict}-{index}")
    for code, spec in sorted(_RULESET.specs.items())
    for verdict, examples in (("bad", spec.examples_bad), ("good", spec.examples_good))
    for index in range(len(examples))
]


def _codes_for(ruleset: RuleSet, code: str, text: str) -> list[str]:
    spec = ruleset.specs[code]
    doc = Document.from_text(text, f"<{code} example>", channel=spec.channels[0] if spec.channels else None)
    # A rule merged into a more specific one of its family on the same words still found it:
    # the report names it under ``also`` (sociable.overlaps).
    return [c for f in check_document(doc, ruleset) for c in f.codes]


def test_every_rule_has_bad_and_good_examples() -> None:
    missing = [c for c, s in _RULESET.specs.items() if not s.examples_bad or not s.examples_good]
    assert not missing, f"rules without examples: {missing}"
    assert len(_RULESET.specs) >= 5


@pytest.mark.parametrize(("code", "verdict", "index"), _CASES)
def test_example(ruleset: RuleSet, code: str, verdict: str, index: int, request: pytest.FixtureRequest) -> None:
    spec = ruleset.specs[code]
    text = (spec.examples_bad if verdict == "bad" else spec.examples_good)[index]
    needs = ruleset.kinds[spec.kind].needs_setting
    if needs == "languagetool" and not ruleset.settings.get(needs):
        # Grammar rules run against the LanguageTool look-alike of tests/test_grammar.py.
        server = request.getfixturevalue("fake_lt")
        ruleset = copy.copy(ruleset)
        ruleset.settings = {**ruleset.settings, "languagetool": server.url}
        ruleset._prepared = {}
    if code not in ruleset.selected:  # off by default: its examples still run
        ruleset = copy.copy(ruleset)
        ruleset.selected = [*ruleset.selected, code]
    codes = _codes_for(ruleset, code, text)
    if verdict == "bad":
        assert code in codes, f"{code} should flag its bad example {text!r}; got {codes}"
    else:
        assert code not in codes, f"{code} should not flag its good example {text!r}"
