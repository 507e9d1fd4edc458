"""--fix reporting (issue 15, item 7): only edits that apply together are offered, and a fixed
file keeps the blank lines it had at its end."""

from __future__ import annotations

import json
from itertools import pairwise
from pathlib import Path

import pytest

from sociable.findings import Applicability, Edit, Finding, Fix, Severity
from sociable.fix_report import compatible_fixes, keep_trailing_blank_lines
from sociable.fixer import apply_edits

# run_cli calls main() in this process (tests/conftest.py): the process boundary is not what these tests are about.
pytestmark = pytest.mark.cli_in_process


def finding(code: str, start: int, end: int, path: str = "a.md",
            applicability: Applicability = Applicability.SAFE) -> Finding:
    return Finding(path, code, code.lower(), "engagement-bait", Severity.WARNING, "m", start, end,
                   fix=Fix((Edit(start, end, ""),), applicability))


def test_colliding_fix_is_dropped_from_the_report() -> None:
    items = [finding("EB101", 86, 105), finding("EB104", 104, 143), finding("EB105", 150, 160)]
    out = compatible_fixes(items)
    assert [f.code for f in out] == ["EB101", "EB104", "EB105"]  # every finding still reported
    assert [f.fix is not None for f in out] == [True, False, True]
    edits = [e for f in out if f.fix for e in f.fix.edits]
    apply_edits("x" * 200, edits)  # they do apply together


def test_other_files_and_unapplicable_fixes_are_untouched() -> None:
    items = [finding("EB101", 0, 10), finding("EB104", 5, 12, path="b.md"),
             finding("EB102", 5, 12, applicability=Applicability.DISPLAY)]
    assert compatible_fixes(items) == items


def test_unsafe_fixes_count_only_with_unsafe() -> None:
    items = [finding("EB101", 0, 10, applicability=Applicability.UNSAFE), finding("EB104", 5, 12)]
    assert [f.fix is not None for f in compatible_fixes(items)] == [True, True]
    assert [f.fix is not None for f in compatible_fixes(items, unsafe=True)] == [True, False]


@pytest.mark.parametrize(
    ("original", "fixed", "expected"),
    [
        ("a\nb\n\n\n", "a\n\n\n\n\n", "a\n\n\n"),
        ("a\nb", "a\n", "a"),
        ("a\r\nb\r\n\r\n", "a\r\n\r\n\r\n\r\n", "a\r\n\r\n"),
        ("a\nb\n", "a\nc\n", "a\nc\n"),
        ("a\n", "", ""),
    ],
)
def test_keep_trailing_blank_lines(original: str, fixed: str, expected: str) -> None:
    assert keep_trailing_blank_lines(original, fixed) == expected


def test_fix_keeps_the_files_trailing_blank_lines(tmp_path: Path, run_cli) -> None:  # type: ignore[no-untyped-def]
    draft = tmp_path / "post.md"
    draft.write_bytes(b"Great news today.\n\nThanks! <!-- sociable: ignore ZZ -->\n\n\n")
    result = run_cli("check", "--isolated", "--fix", "post.md")
    assert result.returncode == 0, result.stderr
    assert draft.read_bytes() == b"Great news today.\n\nThanks!\n\n\n"


def test_json_carries_only_edits_that_apply_together(tmp_path: Path, run_cli) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "o.md").write_text(
        "So true. Like if you agree! Tag a friend who needs this!\n", encoding="utf-8"
    )
    result = run_cli("check", "--isolated", "--output-format", "json", "o.md")
    data = json.loads(result.stdout)
    edits = sorted((e["start"], e["end"]) for f in data if f["fix"] for e in f["fix"]["edits"])
    assert edits, "expected at least one fix"
    assert all(a[1] <= b[0] for a, b in pairwise(edits)), edits


# A fix that collides with an earlier one (the share sentence's removal starts where the "Like
# if you agree!" removal ends) is offered only on the second pass.
TWO_PASSES = (
    "Shipping notes for the week.\n\n"
    "Like if you agree! Share this with your network and tag a friend who should read it.\n"
    "Comment YES below for the checklist.\n"
)


def _count(pattern: str, text: str) -> int:
    import re

    found = re.search(pattern, text)
    assert found, text
    return int(found.group(1))


@pytest.mark.parametrize("stdin", [False, True])
def test_check_diff_and_fix_count_the_same_fixes(tmp_path: Path, run_cli, stdin: bool) -> None:  # type: ignore[no-untyped-def]
    draft = tmp_path / "post.md"
    draft.write_text(TWO_PASSES, encoding="utf-8")
    where = ["-", "--stdin-filename", "post.md"] if stdin else ["post.md"]
    feed = TWO_PASSES if stdin else None
    checked = run_cli("check", "--isolated", "--no-cache", *where, stdin=feed)
    marks = checked.stdout.count("[*]")
    fixable = _count(r"\((\d+) fixable with --fix\)", checked.stdout)
    assert fixable > marks >= 1  # the old count (first pass only) said `marks`
    diffed = run_cli("check", "--isolated", "--no-cache", "--diff", *where, stdin=feed)
    assert _count(r"Would fix (\d+) finding", diffed.stderr) == fixable
    fixed = run_cli("check", "--isolated", "--no-cache", "--fix", *where, stdin=feed)
    stream = fixed.stderr if stdin else fixed.stdout
    assert _count(r"Fixed (\d+) finding", stream) == fixable
    after = run_cli("check", "--isolated", "--no-cache", "--diff", "post.md")
    assert ("No fixes available." in after.stderr) is (not stdin)  # stdin leaves the file alone


def test_a_draft_fix_would_not_rewrite_counts_no_fix(tmp_path: Path, run_cli) -> None:  # type: ignore[no-untyped-def]
    rows = tmp_path / "sent.csv"
    rows.write_text('message\n"Like if you agree! Great week."\n', encoding="utf-8")
    checked = run_cli("check", "--isolated", "--no-cache", "sent.csv")
    diffed = run_cli("check", "--isolated", "--no-cache", "--diff", "sent.csv")
    assert "fixable" not in checked.stdout.splitlines()[-1], checked.stdout
    assert "No fixes available." in diffed.stderr
