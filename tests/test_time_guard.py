"""One time guard per draft: a runaway rule is skipped, the draft's other rules still run."""

from __future__ import annotations

import _signal
import signal
import time
from typing import Any

import pytest

from sociable.document import Document
from sociable.engine import lint_document
from sociable.regex_guard import RegexTimeout, time_limit
from sociable.ruleset import RuleSet

BAIT = "Like this if you agree that Mondays are the worst!!! #a #b #c #d #e #f #g #h\n"


def spin(seconds: float) -> None:
    """Busy for ``seconds`` of CPU time (the clock the limit counts), however loaded the machine."""
    deadline = time.process_time() + seconds
    while time.process_time() < deadline:
        pass


def test_restart_gives_the_rest_of_the_block_a_fresh_limit() -> None:
    guard = time_limit(0.2)
    fired = 0
    with guard:
        for _ in range(2):
            try:
                spin(2.0)
            except RegexTimeout:
                fired += 1
                guard.restart()
    assert fired == 2
    assert signal.getitimer(signal.ITIMER_PROF) == (0.0, 0.0)  # nothing left armed


def test_the_limit_counts_cpu_time_not_waiting() -> None:
    """A loaded machine (the rule waits for a core) must not skip a rule: sleeping is not running."""
    with time_limit(0.2):
        time.sleep(0.5)  # would have fired on the wall clock


def test_a_runaway_rule_is_skipped_and_the_others_still_report(
    ruleset: RuleSet, monkeypatch: pytest.MonkeyPatch
) -> None:
    doc = Document.from_text(BAIT, "bait.md")
    before = lint_document(doc, ruleset)
    assert any(f.code == "EB101" for f in before.findings) and not before.problems
    count = ruleset.kinds["count"]
    counted = {f.code for f in before.findings if ruleset.specs[f.code].kind == "count"}
    assert counted  # the draft trips a count rule, which the runaway check replaces

    def runaway(doc: Document, rule: Any) -> Any:
        spin(30.0)
        return iter(())

    monkeypatch.setattr(count, "check", runaway)
    started = time.monotonic()
    after = lint_document(doc, ruleset, rule_time_limit=0.3)
    assert time.monotonic() - started < 10.0  # far below one spin per count rule
    assert after.problems and all("ran longer than 0.3s" in p for p in after.problems)
    kept = {f.code for f in after.findings}
    assert "EB101" in kept and not kept & counted


def _count_timers(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """The seconds of every ``setitimer`` call from here on (the timer is still set)."""
    calls: list[float] = []
    real = _signal.setitimer  # what the guard calls (``signal`` re-exports it)

    def counting(which: int, seconds: float, interval: float = 0.0) -> Any:
        calls.append(seconds)
        return real(which, seconds, interval)

    monkeypatch.setattr(_signal, "setitimer", counting)
    return calls


def test_one_timer_per_draft(ruleset: RuleSet, monkeypatch: pytest.MonkeyPatch) -> None:
    calls = _count_timers(monkeypatch)
    doc = Document.from_text(BAIT, "bait.md", channel="linkedin-post")
    lint_document(doc, ruleset)  # rules prepared on first use
    calls.clear()
    result = lint_document(doc, ruleset)
    assert len(result.findings) > 1
    assert calls == [2.0, 0]  # armed once, disarmed once, however many rules ran


def test_a_long_draft_gets_a_limit_in_proportion(ruleset: RuleSet, monkeypatch: pytest.MonkeyPatch) -> None:
    """A linear-time rule needs time in proportion to the draft: a fixed limit made long
    drafts lose rules depending on the machine's speed."""
    from sociable.engine import CHARACTERS_PER_LIMIT

    calls = _count_timers(monkeypatch)
    long_text = BAIT * (3 * CHARACTERS_PER_LIMIT // len(BAIT) + 1)
    lint_document(Document.from_text(long_text, "long.md"), ruleset, rule_time_limit=2.0)
    assert calls[0] == pytest.approx(2.0 * len(long_text) / CHARACTERS_PER_LIMIT)


def test_a_wait_inside_a_guard_is_bounded_by_its_budget() -> None:
    """The CPU-time alarm cannot end a socket wait, so waiting code asks for the budget."""
    from sociable.regex_guard import time_limit, wait_budget

    assert wait_budget(5.0) == 5.0
    with time_limit(0.5):
        assert wait_budget(5.0) == 0.5
        assert wait_budget(0.2) == 0.2
    assert wait_budget(5.0) == 5.0  # closed guards leave no budget behind
