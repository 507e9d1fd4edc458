"""Inline suppression comments, frontmatter ignores and unused-suppression reports."""

from __future__ import annotations

import pytest

from sociable.document import Document
from sociable.engine import check_document
from sociable.ruleset import RuleSet

# run_cli calls main() in this process (tests/conftest.py): the process boundary is not what these tests are about.
pytestmark = pytest.mark.cli_in_process


def found(ruleset: RuleSet, text: str) -> list[tuple[int, str]]:
    return [(f.line, f.code) for f in check_document(Document.from_text(text, "d.md"), ruleset)]


def test_end_of_line_comment_silences_that_line_only(ruleset: RuleSet) -> None:
    text = "Like this if you agree! <!-- sociable: ignore EB101 -->\nLike this if you agree!\n"
    assert found(ruleset, text) == [(2, "EB101")]


def test_comment_without_codes_silences_every_code_on_the_line(ruleset: RuleSet) -> None:
    text = "Tag a friend who needs it. Like this if you agree! <!-- sociable: ignore -->\n"
    assert found(ruleset, text) == []


def test_own_line_comment_silences_the_next_paragraph(ruleset: RuleSet) -> None:
    text = (
        "<!-- sociable: ignore EB -->\nLike this if you agree!\nTag a friend who knows.\n\n"
        "Like this if you agree!\n"
    )
    assert found(ruleset, text) == [(5, "EB101")]


def test_disable_enable_block(ruleset: RuleSet) -> None:
    text = (
        "Like this if you agree!\n<!-- sociable: disable EB101 -->\nTag a friend who knows.\n\n"
        "Like this if you agree!\n<!-- sociable: enable -->\nLike this if you agree!\n"
    )
    assert found(ruleset, text) == [(1, "EB101"), (3, "EB103"), (7, "EB101")]


def test_skip_file_and_frontmatter_ignore(ruleset: RuleSet) -> None:
    assert found(ruleset, "<!-- sociable: skip-file -->\nLike this if you agree!\n") == []
    text = "---\nsociable: {ignore: [EB101]}\n---\nLike this if you agree! Tag a friend who knows.\n"
    assert found(ruleset, text) == [(4, "EB103")]


def test_unused_suppression_is_reported_with_a_fix(ruleset: RuleSet) -> None:
    text = "Thanks for the notes on pricing. <!-- sociable: ignore EB101 -->\n"
    (finding,) = check_document(Document.from_text(text, "d.md"), ruleset)
    assert (finding.code, finding.line, finding.column) == ("SX100", 1, 34)
    assert finding.severity.value == "info"
    assert finding.fix is not None
    (edit,) = finding.fix.edits
    fixed = text[: edit.start] + edit.replacement + text[edit.end :]
    assert fixed == "Thanks for the notes on pricing.\n"


def test_directive_inside_code_is_an_example_not_a_directive(ruleset: RuleSet) -> None:
    text = "```\n<!-- sociable: skip-file -->\n```\nLike this if you agree!\n"
    assert found(ruleset, text) == [(4, "EB101")]


def test_sx100_can_be_ignored_like_any_rule(tmp_path, run_cli) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "a.md").write_text("Fine text. <!-- sociable: ignore EB101 -->\n", encoding="utf-8")
    assert "SX100" in run_cli("check", "a.md").stdout
    assert run_cli("check", "--ignore", "SX100", "a.md").returncode == 0
