"""The pre-commit snippet of `sociable init` tells the truth: with no release tag in the
repository, `pre-commit autoupdate` turns its ``rev: main`` into a commit SHA."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from sociable.faces.cli.init_cmd import PRE_COMMIT_SNIPPET, REPO_URL

REPO = Path(__file__).resolve().parents[1]
ENV = {
    "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
    "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org",
}


def git(*args: str, cwd: Path) -> str:
    done = subprocess.run(
        ["git", "-c", "commit.gpgsign=false", "-c", "init.defaultBranch=main", *args],
        cwd=cwd, capture_output=True, text=True, check=True, env={**os.environ, **ENV},
    )
    return done.stdout.strip()


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_autoupdate_pins_a_sha_when_there_are_no_tags(tmp_path: Path) -> None:
    hooks = tmp_path / "hooks"
    hooks.mkdir()
    shutil.copy(REPO / ".pre-commit-hooks.yaml", hooks / ".pre-commit-hooks.yaml")
    git("init", "-q", cwd=hooks)
    git("add", "-A", cwd=hooks)
    git("commit", "-q", "-m", "hooks", cwd=hooks)
    head = git("rev-parse", "HEAD", cwd=hooks)
    assert git("tag", cwd=hooks) == ""

    content = tmp_path / "content"
    content.mkdir()
    git("init", "-q", cwd=content)
    config = content / ".pre-commit-config.yaml"
    config.write_text(PRE_COMMIT_SNIPPET.format(url=REPO_URL).replace(REPO_URL, str(hooks)), encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith("PRE_COMMIT")}
    env["PRE_COMMIT_HOME"] = str(tmp_path / "home")
    done = subprocess.run([sys.executable, "-m", "pre_commit", "autoupdate"], cwd=content,
                          capture_output=True, text=True, env={**env, **ENV}, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    rev = yaml.safe_load(config.read_text(encoding="utf-8"))["repos"][0]["rev"]
    assert re.fullmatch(r"[0-9a-f]{40}", rev) and rev == head


def test_readme_and_docs_pin_no_missing_tag() -> None:
    """No page tells users to pin ``rev: v0.1.0``: the repository has no such tag."""
    pages = [REPO / "README.md", *sorted((REPO / "docs").glob("*.md"))]
    for page in pages:
        text = page.read_text(encoding="utf-8")
        assert not re.search(r"rev:\s*v\d", text), page.name
        assert "@v0.1.0" not in text, page.name
