"""The public Python API, called the way a CRM or a sequence tool would call it."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

import sociable
from sociable.findings import Finding, Severity

# run_cli calls main() in this process (tests/conftest.py): the process boundary is not what these tests are about.
pytestmark = pytest.mark.cli_in_process

Run = Callable[..., subprocess.CompletedProcess[str]]

BAIT = "Hi there,\n\nLike if you agree! Comment YES below.\n\nBest,\nSam\n"
PITCH = (
    "I read your post about onboarding churn and the way you cut the trial to seven days. "
    "We saw the same drop when we moved the activation email earlier, and the fix was dull: "
    "one reminder on day two. Would a short call next week be useful, or should I send the notes?"
)
COLD = (
    "Hi Ana,\n\nI hope this finds you well. I wanted to reach out about our platform that helps "
    "companies like yours grow revenue.\n\nBest,\nSam\n"
)


def draft(name: str, body: str) -> str:
    return f"Hi {name},\n\n{body}\n\nBest,\nSam\n"


def test_lint_returns_typed_findings_with_positions() -> None:
    found = sociable.lint(BAIT, channel="linkedin-post")
    assert found and all(isinstance(f, Finding) for f in found)
    codes = {f.code for f in found}
    assert "EB101" in codes
    bait = next(f for f in found if f.code == "EB101")
    assert (bait.line, bait.path) == (3, "-")
    assert bait.severity in (Severity.WARNING, Severity.ERROR)
    assert BAIT[bait.start : bait.end].lower().startswith("like if you")


def test_clean_draft_has_no_findings() -> None:
    text = draft("Ana", "Your talk on pricing pages in Berlin stuck with me. Did you test the annual toggle first?")
    assert sociable.lint(text, channel="linkedin-dm", to="Ana") == []


def test_to_names_the_recipient_like_frontmatter() -> None:
    without = {f.code for f in sociable.lint(COLD, channel="cold-email")}
    named = sociable.lint(COLD, channel="cold-email", to={"name": "Ben Okafor", "company": "Globex"})
    front = sociable.lint(
        "---\nto: {name: Ben Okafor, company: Globex}\n---\n" + COLD, channel="cold-email"
    )
    assert "NP107" not in without
    assert "NP107" in {f.code for f in named}
    assert {f.code for f in named} == {f.code for f in front}


def test_same_findings_as_the_command(tmp_path: Path, run_cli: Run) -> None:
    (tmp_path / "a.md").write_text(COLD, encoding="utf-8")
    result = run_cli("check", "--isolated", "--channel", "cold-email", "--output-format", "json", "a.md")
    cli = [(f["code"], f["line"], f["column"], f["message"]) for f in json.loads(result.stdout)]
    api = [(f.code, f.line, f.column, f.message) for f in sociable.lint(COLD, channel="cold-email", path="a.md")]
    assert api == cli and api


def test_lint_many_reports_repetition_across_drafts_in_order() -> None:
    results = sociable.lint_many([
        sociable.Draft(draft("Ana", PITCH), channel="cold-email", path="crm/1"),
        sociable.Draft(draft("Cy", "Quick one: are you hiring designers this spring?"), path="crm/2"),
        sociable.Draft(draft("Ben", PITCH), channel="cold-email", path="crm/3"),
    ])
    assert len(results) == 3
    first, second, third = ({f.code for f in r} for r in results)
    assert "RP101" in first and "RP101" in third and "RP101" not in second
    message = next(f.message for f in results[2] if f.code == "RP101")
    assert "crm/1" in message
    # one draft alone has nothing to repeat
    assert "RP101" not in {f.code for f in sociable.lint(draft("Ana", PITCH), channel="cold-email")}


def test_references_take_part_but_are_not_reported() -> None:
    [mine] = sociable.lint_many([draft("Ana", PITCH)], references=[draft("Ben", PITCH)])
    assert [f.path for f in mine if f.code == "RP101"] == ["draft-1"]
    assert "reference-1" in next(f.message for f in mine if f.code == "RP101")


def test_linter_selects_rules_and_reads_history(tmp_path: Path) -> None:
    sent = tmp_path / "sent.jsonl"
    sent.write_text(json.dumps({"body": draft("Hal", PITCH)}) + "\n", encoding="utf-8")
    linter = sociable.Linter(select=["RP"], history=[sent])
    found = linter.lint(draft("Ana", PITCH), channel="cold-email", path="new.md")
    assert [f.code for f in found] == ["RP101"]
    assert "Already sent" in found[0].message and "sent.jsonl:1" in found[0].message
    assert sociable.Linter(select=["RP"]).lint(draft("Ana", PITCH)) == []


def test_config_file_is_used(tmp_path: Path) -> None:
    config = tmp_path / "sociable.toml"
    config.write_text('ignore = ["EB"]\n', encoding="utf-8")
    codes = {f.code for f in sociable.lint(BAIT, channel="linkedin-post", config=config)}
    assert not any(code.startswith("EB") for code in codes)
    assert any(f.code.startswith("EB") for f in sociable.lint(BAIT, channel="linkedin-post"))


@pytest.mark.parametrize(
    ("call", "words"),
    [
        (lambda: sociable.lint("Hi", channel="fax"), "unknown channel"),
        (lambda: sociable.lint("---\nchannel: fax\n---\nHi\n"), "unknown channel"),
        (lambda: sociable.lint("Hi", to=42), "to=42"),
        (lambda: sociable.lint_many([sociable.Draft("a", path="x"), sociable.Draft("b", path="x")]), "two drafts"),
        (lambda: sociable.lint("Hi", config="/nonexistent/sociable.toml"), "sociable.toml"),
    ],
)
def test_bad_input_is_one_clear_error(call: Callable[[], object], words: str) -> None:
    with pytest.raises(sociable.LintError) as info:
        call()
    assert words in str(info.value)


def test_same_input_same_findings() -> None:
    texts = [draft("Ana", PITCH), BAIT, draft("Ben", PITCH)]
    assert sociable.lint_many(texts) == sociable.lint_many(texts)


def test_importing_the_api_does_not_load_the_command_line_or_the_server() -> None:
    code = (
        "import sys, sociable\n"
        "sociable.lint('Hi Ana, like if you agree!')\n"
        "loaded = [m for m in sys.modules if m.startswith(('sociable.faces', 'pygls', 'lsprotocol'))]\n"
        "print(loaded)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
