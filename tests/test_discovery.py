"""Which files a folder run lints."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

# run_cli calls main() in this process (tests/conftest.py): the process boundary is not what these tests are about.
pytestmark = pytest.mark.cli_in_process

BAIT = "Like this if you agree!\n"


def linted(result) -> set[str]:  # type: ignore[no-untyped-def]
    return {line.split(":")[0] for line in result.stdout.splitlines() if ": EB101 " in line}


def make(tmp_path: Path, names: list[str]) -> None:
    for name in names:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(BAIT, encoding="utf-8")


def test_default_suffixes_hidden_folders_and_gitignore(tmp_path: Path, run_cli) -> None:
    make(tmp_path, ["a.md", "b.markdown", "c.txt", "d.eml", "e.html", "f.py", ".hidden/g.md",
                    "node_modules/h.md", "ignored/i.md", "keep/j.md", "keep/k.log.md"])
    (tmp_path / ".gitignore").write_text("ignored/\n*.log.md\n", encoding="utf-8")
    result = run_cli("check", ".")
    assert linted(result) == {"a.md", "b.markdown", "c.txt", "d.eml", "keep/j.md"}


def test_nested_gitignore_with_negation(tmp_path: Path, run_cli) -> None:
    make(tmp_path, ["sub/a.md", "sub/b.md", "sub/c.md"])
    (tmp_path / "sub" / ".gitignore").write_text("*.md\n!b.md\n", encoding="utf-8")
    assert linted(run_cli("check", ".")) == {"sub/b.md"}
    assert linted(run_cli("check", "--no-gitignore", ".")) == {"sub/a.md", "sub/b.md", "sub/c.md"}


def test_exclude_globs_but_explicit_files_always_linted(tmp_path: Path, run_cli) -> None:
    make(tmp_path, ["drafts/a.md", "archive/old.md", "drafts/2019/b.md"])
    (tmp_path / "sociable.toml").write_text('extend-exclude = ["archive", "drafts/2019/**"]\n', encoding="utf-8")
    assert linted(run_cli("check", ".")) == {"drafts/a.md"}
    assert linted(run_cli("check", "archive/old.md")) == {"archive/old.md"}
    assert linted(run_cli("check", "--extend-exclude", "drafts", ".")) == set()


def test_symlink_loops_are_walked_once(tmp_path: Path, run_cli) -> None:
    make(tmp_path, ["a/x.md"])
    os.symlink(tmp_path / "a", tmp_path / "a" / "loop")
    os.symlink(tmp_path / "a", tmp_path / "b")
    result = run_cli("check", ".")
    assert result.returncode == 1
    assert len([line for line in result.stdout.splitlines() if ": EB101 " in line]) == 1
