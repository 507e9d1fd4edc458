"""Tests on the edges where four deliberate one-line bugs once passed the whole suite (issue 15):

* ``decisions.py``: ``enable EB101`` must not close an open ``disable EB103`` block;
* ``ruleset.py``: on a select/ignore tie, ignore wins;
* ``kinds/near_duplicate.py``: near-duplicates below 0.7 are quiet by default, ``warn_at`` and
  ``error_at`` move the boundaries, and ``prepare()`` falls back to the documented defaults;
* ``faces/formatters/sarif.py``: info is ``note`` (see also ``test_sarif_schema.py``).

Each was checked by applying the bug and watching its test fail.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from sociable.config import Config
from sociable.context import load_context
from sociable.document import Document
from sociable.engine import check_document, finish, lint_document
from sociable.faces.formatters.base import FormatterOptions, RunSummary
from sociable.faces.formatters.sarif import SarifFormatter
from sociable.findings import Finding, Severity
from sociable.kinds import minhash as rp
from sociable.ruleset import RuleSet, is_selected

# run_cli calls main() in this process (tests/conftest.py): the process boundary is not what these tests are about.
pytestmark = pytest.mark.cli_in_process

# --- decisions.py: enable closes only the blocks it names -------------------------------------

TAG = "Tag a friend who knows."  # EB103
AGREE = "Like this if you agree!"  # EB101


def found(ruleset: RuleSet, text: str) -> list[tuple[int, str]]:
    """Engagement-bait findings only: repeated lines here would also draw RP105."""
    findings = check_document(Document.from_text(text, "d.md"), ruleset)
    return [(f.line, f.code) for f in findings if f.code.startswith(("EB", "SX"))]


def test_enable_of_another_code_leaves_a_disable_block_open(ruleset: RuleSet) -> None:
    text = (
        f"<!-- sociable: disable EB103 -->\n{TAG}\n\n"
        f"<!-- sociable: enable EB101 -->\n{TAG}\n\n{AGREE}\n"
    )
    # EB103 stays silenced after "enable EB101"; EB101 was never disabled.
    assert found(ruleset, text) == [(7, "EB101")]


def test_enable_of_the_same_code_closes_the_block(ruleset: RuleSet) -> None:
    text = f"<!-- sociable: disable EB103 -->\n{TAG}\n<!-- sociable: enable EB103 -->\n{TAG}\n"
    assert found(ruleset, text) == [(4, "EB103")]


def test_enable_without_codes_closes_every_block(ruleset: RuleSet) -> None:
    text = (
        f"<!-- sociable: disable EB103 -->\n<!-- sociable: disable EB101 -->\n{TAG} {AGREE}\n"
        f"<!-- sociable: enable -->\n{TAG} {AGREE}\n"
    )
    assert sorted(found(ruleset, text)) == [(5, "EB101"), (5, "EB103")]


def test_enable_of_one_code_closes_only_its_block(ruleset: RuleSet) -> None:
    text = (
        f"<!-- sociable: disable EB103 -->\n<!-- sociable: disable EB101 -->\n{TAG} {AGREE}\n"
        f"<!-- sociable: enable EB101 -->\n{TAG} {AGREE}\n"
    )
    assert found(ruleset, text) == [(5, "EB101")]


def test_a_block_closed_early_reports_a_later_finding(ruleset: RuleSet) -> None:
    # The block's last line is the enable's line: a finding there is still silenced.
    text = f"<!-- sociable: disable EB101 -->\n{AGREE}\n{AGREE} <!-- sociable: enable EB101 -->\n{AGREE}\n"
    assert found(ruleset, text) == [(4, "EB101")]


# --- ruleset.py: ignore wins a tie ------------------------------------------------------------


@pytest.mark.parametrize(
    ("select", "extend", "ignore", "expected"),
    [
        (["EB101"], [], ["EB101"], False),  # tie on the full code: ignore wins
        (["EB"], [], ["EB"], False),  # tie on a prefix
        (["ALL"], [], ["ALL"], False),
        (None, ["EB1"], ["EB1"], False),  # extend-select ties too
        (["EB"], [], ["EB1"], False),  # the more specific ignore wins
        (["EB101"], [], ["EB1"], True),  # the more specific select wins
        (["EB"], [], ["EB2"], True),  # ignore that does not match
        (None, [], [], True),
        ([], [], [], False),  # an empty select selects nothing
    ],
)
def test_is_selected(select, extend, ignore, expected) -> None:  # type: ignore[no-untyped-def]
    assert is_selected("EB101", select, extend, ignore) is expected


def test_disabled_by_default_needs_a_selector() -> None:
    assert is_selected("GR104", None, default=False) is False
    assert is_selected("GR104", None, ["GR104"], default=False) is True
    assert is_selected("GR104", None, ["GR"], ["GR104"], default=False) is False


def test_select_ignore_tie_end_to_end(tmp_path: Path, run_cli) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "a.md").write_text(f"{AGREE}\n", encoding="utf-8")
    result = run_cli("check", "--select", "EB101", "--ignore", "EB101", "a.md")
    assert (result.returncode, result.stdout) == (0, "All checks passed!\n")


# --- kinds/near_duplicate.py: the near-duplicate boundaries ---------------------------------------

SHARED = [
    "I read your post about onboarding churn last week.",
    "You cut the trial from fourteen days to seven.",
    "We saw the same drop when we moved the activation email.",
    "The fix turned out to be one reminder on day two.",
    "Our support queue shrank by a third after that.",
    "I wrote up the numbers in a short memo for the team.",
    "Would a call next Tuesday be useful for you?",
    "Or I can send the memo over if that is easier.",
    "Either way, thanks for writing the post so plainly.",
    "It helped us argue for the change internally.",
]
SWAPPED = [
    "Your podcast episode on warehouse robotics was great.",
    "Pallet scanning at night sounds like a hard problem.",
    "Our firmware team fought the same battery drain issue.",
    "Switching to a slower polling loop solved most of it.",
    "The forklifts now run a full shift between charges.",
    "A colleague drew a diagram of the charging schedule.",
    "Could we compare notes over coffee in Lisbon?",
    "Otherwise a recorded walkthrough could work too.",
    "Thanks again for sharing the rollout timeline openly.",
    "Our plant managers quoted it in the quarterly review.",
]
NEAR_PACK = """\
pack: near-fixtures
description: A near-duplicate rule with its thresholds moved, for boundary tests.
rules:
  - code: ZZ501
    name: near-moved
    kind: near-duplicate
    category: repetition
    severity: error
    scope: body
    message: '{verdict} {other} ({similarity}% alike).'
    why: Thresholds moved for a test.
    warn_at: 0.5
    error_at: 0.7
    examples:
      bad: ["x"]
      good: ["y"]
"""


#: Sentences swapped for a pair about 0.6 alike that the LSH bands still bring together, so
#: only the threshold keeps it quiet (checked in test_pairs_span_the_boundaries).
SIXTY = (0, 2, 8)


def pair(swapped: int | tuple[int, ...]) -> tuple[Document, Document]:
    """Two drafts that differ in the ``swapped`` sentences (or the last ``swapped``) of ten."""
    chosen = range(10 - swapped, 10) if isinstance(swapped, int) else swapped
    body = [SWAPPED[i] if i in chosen else SHARED[i] for i in range(10)]
    text = "Hi {},\n\n{}\n\nBest,\nSam\n"
    return (
        Document.from_text(text.format("Ana", " ".join(SHARED)), "a.md"),
        Document.from_text(text.format("Ben", " ".join(body)), "b.md"),
    )


def similarity(ruleset: RuleSet, code: str, docs: tuple[Document, Document]) -> float:
    rule = ruleset.rule(code)
    a, b = (rule.kind.signature(d, rule) for d in docs)
    return rp.score(a.sketch, a.size, b.sketch, b.size)


def run_pair(ruleset: RuleSet, docs: tuple[Document, Document]) -> list[Finding]:
    return finish([lint_document(d, ruleset) for d in docs], ruleset)


@pytest.fixture(scope="module")
def rp101() -> RuleSet:
    return load_context(Config(), select=["RP101"], use_cache=False).ruleset


@pytest.fixture(scope="module")
def moved(tmp_path_factory: pytest.TempPathFactory) -> RuleSet:
    pack = tmp_path_factory.mktemp("pack") / "near.yaml"
    pack.write_text(NEAR_PACK, encoding="utf-8")
    return load_context(Config(extend_packs=(pack,)), select=["ZZ501"], use_cache=False).ruleset


def test_pairs_span_the_boundaries(rp101: RuleSet) -> None:
    scores = [similarity(rp101, "RP101", pair(k)) for k in (1, 2, SIXTY)]
    assert scores[0] >= 0.9
    assert 0.7 <= scores[1] < 0.9
    assert 0.5 <= scores[2] < 0.7  # the quiet side of the default warning threshold
    rule = rp101.rule("RP101")
    sketches = [rule.kind.signature(d, rule).sketch for d in pair(SIXTY)]
    assert list(rp.candidate_pairs(sketches)) != []  # compared, not filtered out before


def test_defaults_error_warn_and_quiet(rp101: RuleSet) -> None:
    assert {f.severity for f in run_pair(rp101, pair(1))} == {Severity.ERROR}
    warned = run_pair(rp101, pair(2))
    assert {f.severity for f in warned} == {Severity.WARNING} and len(warned) == 2
    assert "Template reuse" in warned[0].message
    assert run_pair(rp101, pair(SIXTY)) == []  # 0.5-0.7 alike: not reported by default


def test_warn_at_and_error_at_move_the_boundaries(moved: RuleSet) -> None:
    assert 0.5 <= similarity(moved, "ZZ501", pair(SIXTY)) < 0.7
    assert {f.severity for f in run_pair(moved, pair(SIXTY))} == {Severity.WARNING}
    assert {f.severity for f in run_pair(moved, pair(2))} == {Severity.ERROR}
    assert run_pair(moved, pair(6)) == []


def test_prepare_falls_back_to_the_documented_defaults(rp101: RuleSet) -> None:
    spec = rp101.specs["RP101"]
    kind = rp101.kinds[spec.kind]
    bare = spec.replace(options={})
    options = kind.prepare(bare)
    assert (options.warn_at, options.error_at, options.min_words) == (0.7, 0.9, 8)
    assert options.history is True
    keys = kind.keys
    assert (keys["warn_at"].default, keys["error_at"].default) == (0.7, 0.9)


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"warn_at": 0.2}, "'warn_at' must be a number from 0.3 to 1"),
        ({"warn_at": True}, "'warn_at' must be a number"),
        ({"warn_at": 0.8, "error_at": 0.75}, "'error_at' must be a number from 0.8 to 1"),
    ],
)
def test_thresholds_out_of_range_are_rule_errors(rp101: RuleSet, options, message) -> None:  # type: ignore[no-untyped-def]
    from sociable.kinds.base import RuleError

    spec = rp101.specs["RP101"]
    with pytest.raises(RuleError, match=message):
        rp101.kinds[spec.kind].prepare(spec.replace(options=options))


# --- faces/formatters/sarif.py: info is "note" -------------------------------------------------


def test_sarif_info_is_note_in_results_and_rules(ruleset: RuleSet) -> None:
    info = next(spec for spec in ruleset.specs.values() if spec.severity == "info")
    finding = Finding(
        path="a.md", code=info.code, name=info.name, category=info.category,
        severity=Severity.INFO, message="m", start=0, end=1, line=1, column=1, end_line=1,
        end_column=2,
    )
    stream = io.StringIO()
    formatter = SarifFormatter(stream, FormatterOptions(rules={info.code: info}))
    formatter.start()
    formatter.handle(finding)
    formatter.stop(RunSummary())
    run = json.loads(stream.getvalue())["runs"][0]
    assert run["results"][0]["level"] == "note"
    assert run["tool"]["driver"]["rules"][0]["defaultConfiguration"]["level"] == "note"
