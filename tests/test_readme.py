"""The README's promises hold: the two set-up commands come first, the sample output is what
sociable prints, the drafts it calls good are clean, and every link in the docs resolves."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

# run_cli calls main() in this process (tests/conftest.py): the process boundary is not what these tests are about.
pytestmark = pytest.mark.cli_in_process

REPO = Path(__file__).resolve().parents[1]
README = (REPO / "README.md").read_text(encoding="utf-8")
SUMMARY = re.compile(r"^Found \d+ findings? in \d+ drafts?(?: \(\d+ fixable with --fix\))?\.$")


def test_the_two_setup_commands_come_first() -> None:
    blocks = re.findall(r"```sh\n(.*?)```", README, re.DOTALL)
    lint, tests = blocks[0].strip(), blocks[1].strip()
    assert lint == "python3 -m venv .venv && .venv/bin/pip install . && .venv/bin/sociable check examples/drafts"
    # .ci/run installs '.[test]' as this line says; keep the two in step.
    assert tests == "python3 -m venv .venv && .venv/bin/pip install '.[test]' && .venv/bin/pytest"
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert "pip install --quiet '.[test]'" in ci
    assert README.index(blocks[1]) < README.index("## ")  # before any section


def test_sample_output_is_real(run_cli, ruleset) -> None:  # type: ignore[no-untyped-def]
    sample = README[README.index("$ sociable check examples/drafts\n"):]
    sample = sample[: sample.index("```")]
    result = run_cli("check", "--no-cache", "examples/drafts", cwd=REPO)
    assert result.returncode == 1, "findings on the bundled drafts are expected: exit 1"
    real = result.stdout.splitlines()
    assert SUMMARY.match(real[-1]), real[-1]
    shown = [line for line in sample.splitlines() if line.startswith("examples/")]
    assert len(shown) >= 3
    for line in shown:
        path, code = re.match(r"(\S+?):\d+:\d+: (\w+) ", line).groups()  # type: ignore[union-attr]
        assert (REPO / path).is_file() and code in ruleset.specs, line
    summary = [line for line in sample.splitlines() if line.startswith("Found ")]
    assert len(summary) == 1 and SUMMARY.match(summary[0])


def test_drafts_called_good_are_clean(run_cli) -> None:  # type: ignore[no-untyped-def]
    named = re.search(r"\(([^)]*) are the good ones\)", README.replace("\n", " "))
    assert named
    good = [f"examples/drafts/{name}" for name in re.findall(r"`([\w-]+\.md)`", named.group(1))]
    assert len(good) >= 3
    result = run_cli("check", "--no-cache", *good, cwd=REPO)
    assert (result.returncode, result.stdout) == (0, "All checks passed!\n"), result.stdout


def test_every_relative_link_in_the_docs_resolves() -> None:
    pages = [REPO / "README.md", *sorted((REPO / "docs").glob("*.md")),
             REPO / "examples" / "sociable-plugin-example" / "README.md"]
    broken = []
    for page in pages:
        for target in re.findall(r"\]\(([^)#\s]+)(?:#[^)]*)?\)", page.read_text(encoding="utf-8")):
            if "://" in target:
                continue
            if not (page.parent / target).exists():
                broken.append(f"{page.relative_to(REPO)} -> {target}")
    assert not broken, broken
