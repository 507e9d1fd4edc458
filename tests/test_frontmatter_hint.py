"""A frontmatter value with a colon is the commonest YAML slip: the error says how to quote it."""

from __future__ import annotations

from pathlib import Path

import pytest

from sociable.document import Document, DocumentError

# run_cli calls main() in this process (tests/conftest.py): the process boundary is not what these tests are about.
pytestmark = pytest.mark.cli_in_process


@pytest.mark.parametrize(
    ("line", "suggestion"),
    [
        ("subject: Re: the blocking notebook", 'subject: "Re: the blocking notebook"'),
        ('subject: @ana asked "why"', 'subject: "@ana asked \\"why\\""'),
    ],
)
def test_error_suggests_quoting(line: str, suggestion: str) -> None:
    with pytest.raises(DocumentError) as caught:
        Document.from_text(f"---\nchannel: cold-email\n{line}\n---\nHi Ana,\n", "mail.md")
    message = str(caught.value)
    assert "line 3" in message and message.endswith(f"put the value in quotes: {suggestion}")


def test_suggested_quoting_parses() -> None:
    doc = Document.from_text('---\nsubject: "Re: the blocking notebook"\n---\nHi Ana,\n', "mail.md")
    assert doc.frontmatter["subject"] == "Re: the blocking notebook"


def test_no_hint_when_quoting_is_not_the_problem() -> None:
    with pytest.raises(DocumentError) as caught:
        Document.from_text("---\nto: {name: Ana\n---\nHi Ana,\n", "mail.md")
    assert "quotes" not in str(caught.value)


def test_cli_names_file_line_and_fix(tmp_path: Path, run_cli) -> None:
    (tmp_path / "mail.md").write_text("---\nsubject: Re: our call\n---\nHi Ana,\n", encoding="utf-8")
    result = run_cli("check", "mail.md")
    assert result.returncode == 2
    assert result.stderr.strip() == (
        "sociable: error: mail.md: invalid YAML frontmatter at line 2: mapping values are not "
        'allowed here; put the value in quotes: subject: "Re: our call"'
    )
