"""The `ratio` kind (you-focus): mostly about the sender and no question, through a real pack."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from sociable.document import Document
from sociable.engine import check_document
from sociable.kinds.ratio import Ratio
from sociable.packs.loader import PackError, load_pack
from sociable.ruleset import RuleSet

KINDS = {"ratio": Ratio()}


def pack_text(options: str = "") -> str:
    head = textwrap.dedent(
        """\
        pack: t
        rules:
          - code: T301
            name: t-ratio
            kind: ratio
            category: self-promotion
            severity: info
            scope: body
            message: '{first} first, {second} second, {share}% of {words} words.'
            why: Test.
            examples: {bad: [x], good: [y]}
        """
    )
    return head + textwrap.indent(textwrap.dedent(options), "    ")


def ruleset_for(tmp_path: Path, options: str = "") -> RuleSet:
    path = tmp_path / "p.yaml"
    path.write_text(pack_text(options), encoding="utf-8")
    specs = load_pack(path, KINDS)
    return RuleSet({s.code: s for s in specs}, dict(KINDS), [s.code for s in specs])


def findings(ruleset: RuleSet, text: str) -> list[tuple[int, str]]:
    doc = Document.from_text(text, "d.md")
    return [(f.line, f.message) for f in check_document(doc, ruleset)]


ABOUT_US = (
    "Hi Sam,\n\n"
    "We are a leading agency and our team has won many awards. We build apps, we design brands "
    "and our clients love us. I founded the company in 2010 and my partners joined in 2012. "
    "Our offices are in Leeds and we're growing fast.\n\nBest,\nDana\n"
)


def test_a_draft_all_about_the_sender_is_flagged_with_counts(tmp_path: Path) -> None:
    assert findings(ruleset_for(tmp_path), ABOUT_US) == [(3, "10 first, 0 second, 100% of 42 words.")]


def test_a_question_clears_it(tmp_path: Path) -> None:
    text = ABOUT_US.replace("growing fast.", "growing fast. Do you need an app?")
    assert findings(ruleset_for(tmp_path), text) == []


def test_enough_second_person_clears_it(tmp_path: Path) -> None:
    text = ABOUT_US.replace(
        "Our offices are in Leeds and we're growing fast.",
        "You said your app crashes on login; you could fix that with your team in a week, and your "
        "users would notice. You know your churn numbers better than anyone.",
    )
    assert findings(ruleset_for(tmp_path), text) == []


def test_short_drafts_are_not_checked(tmp_path: Path) -> None:
    assert findings(ruleset_for(tmp_path), "We build apps. Our team is great. We win awards.\n") == []


def test_require_question_false_flags_even_with_a_question(tmp_path: Path) -> None:
    text = ABOUT_US.replace("growing fast.", "growing fast. Why?")
    ruleset = ruleset_for(tmp_path, "require_question: false\n")
    assert len(findings(ruleset, text)) == 1


def test_custom_word_lists_and_thresholds(tmp_path: Path) -> None:
    # Company voice only: a first-person story in "I" is not counted.
    story = (
        "I grew up in Porto. I taught myself to code, I shipped my first app at 15, and I ran "
        "my first marathon last year. I moved to Leeds for my degree and I still run every day "
        "along the river before my classes start."
    )
    ruleset = ruleset_for(tmp_path, "first: [we, us, our]\nmin_words: 10\nmin_first: 3\n")
    assert findings(ruleset, story) == []
    assert len(findings(ruleset, ABOUT_US)) == 1


def test_max_share_is_a_strict_upper_bound(tmp_path: Path) -> None:
    text = "We build apps and our team ships weekly; you get releases and your users get fixes often."
    ruleset = ruleset_for(tmp_path, "min_words: 5\nmin_first: 2\nmax_share: 0.5\n")
    assert findings(ruleset, text) == []  # 2 first, 2 second: exactly 50%
    ruleset = ruleset_for(tmp_path, "min_words: 5\nmin_first: 2\nmax_share: 0.4\n")
    assert len(findings(ruleset, text)) == 1


def test_no_pronouns_at_all_is_not_flagged(tmp_path: Path) -> None:
    ruleset = ruleset_for(tmp_path, "min_words: 3\nmin_first: 0\n")
    assert findings(ruleset, "Apples, pears and plums are in season this week at the market.") == []


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        ("max_share: 1.5\n", "'max_share' must be a number above 0 and at most 1"),
        ("max_share: 0\n", "'max_share' must be a number above 0 and at most 1"),
        ("max_share: high\n", "'max_share' must be float or int"),
        ("min_words: -3\n", "'min_words' must be 0 or more"),
        ("first: []\n", "'first' must be a non-empty list of words"),
        ("first: [we, you]\n", "a word cannot be both first and second person"),
        ("require_question: maybe\n", "'require_question' must be bool"),
    ],
)
def test_bad_options_are_reported_with_the_pack_line(tmp_path: Path, options: str, expected: str) -> None:
    path = tmp_path / "p.yaml"
    path.write_text(pack_text(options), encoding="utf-8")
    with pytest.raises(PackError) as info:
        load_pack(path, KINDS)
    problem = info.value.problems[0]
    assert expected in problem.message
    assert problem.path == str(path) and problem.line >= 3
