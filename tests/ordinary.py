"""What the ordinary-text tests (``tests/test_ordinary_*.py``) share.

Each of those modules lists real-looking drafts near one family's habits and asserts that no
judgment family flags them. They ask the same question, so they ask it here: which judgment
codes a draft draws, code by code (a finding that merges several rules' codes counts each).
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from sociable.config import CHANNELS
from sociable.document import Document
from sociable.engine import check_document
from sociable.packs.schema import JUDGMENT_CATEGORIES
from sociable.ruleset import RuleSet

JUDGMENT = frozenset(JUDGMENT_CATEGORIES)


def judgment_findings(ruleset: RuleSet, channel: str | None, text: str) -> list[tuple[str, str]]:
    """(code, flagged text) for every judgment-family code the draft draws on ``channel``."""
    doc = Document.from_text(text, "<ordinary>", channel=channel)
    return [
        (code, doc.text[finding.start : finding.end])
        for finding in check_document(doc, ruleset)
        for code in finding.codes
        if ruleset.specs[code].category in JUDGMENT
    ]


#: Every channel a draft may name.
EVERY_CHANNEL = tuple(sorted(CHANNELS))


def uncovered(drafts: list[tuple[str, str]], channels: tuple[str, ...] = EVERY_CHANNEL) -> list[str]:
    """The channels of ``channels`` that no (channel, text) pair of ``drafts`` is written for."""
    present = {channel for channel, _text in drafts}
    return [channel for channel in channels if channel not in present]


def codes_drawn(ruleset: RuleSet, channel: str | None, text: str) -> set[str]:
    """Every code the draft draws on ``channel``, of any family (merged findings' codes too):
    for the near habits that must still fire and the near misses one rule must leave alone."""
    doc = Document.from_text(text, "<draft>", channel=channel)
    return {code for finding in check_document(doc, ruleset) for code in finding.codes}


# --- the two tests every module asks, made from its lists ---------------------------------
#
# A module assigns them to test names (``test_x = no_judgment_test(ORDINARY, "x-ordinary")``)
# so it holds only its drafts; pytest collects a test by the name it is bound to, so the ids
# are those the module's own functions had. A module that still defines the functions itself
# works as before: nothing here is collected unless a module binds it.


def no_judgment_test(drafts: list[tuple[str, str]], prefix: str) -> Callable[..., None]:
    """A test, one case per (channel, text) of ``drafts`` with ids ``{prefix}-{i}``, that the
    draft draws no judgment-family code."""

    @pytest.mark.parametrize(("channel", "text"), drafts, ids=[f"{prefix}-{i}" for i in range(len(drafts))])
    def test(ruleset: RuleSet, channel: str | None, text: str) -> None:
        found = judgment_findings(ruleset, channel, text)
        assert found == [], f"ordinary text flagged: {found}"

    return test


def near_habit_test(habits: list[tuple[str, str, str]]) -> Callable[..., None]:
    """A test, one case per (code, channel, text) of ``habits`` (pytest's own ids), that the
    draft still draws ``code``: the guards that keep the ordinary drafts quiet must not blind
    the rule to the habit next to them."""

    @pytest.mark.parametrize(("code", "channel", "text"), habits)
    def test(ruleset: RuleSet, code: str, channel: str, text: str) -> None:
        assert code in codes_drawn(ruleset, channel, text)

    return test
