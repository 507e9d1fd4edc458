"""The pre-commit hooks, for real: the manifest validates, and ``pre-commit run`` runs them.

The hooks run from a configuration naming this working tree, committed in a repository of its
own (pre-commit clones a repository at a revision, so it only sees what is committed), at that
commit, the way a team's ``.pre-commit-config.yaml`` names sociable. pre-commit builds a
virtual environment and pip-installs sociable into it (from the package registry, so the first
test takes a minute); a session-wide ``PRE_COMMIT_HOME`` keeps that environment for every later
run. (``pre-commit try-repo`` would build a new one on every call: it always uses a temporary
store.) These tests are not skipped in CI: they are the only proof that the published hook works.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parents[1]
MANIFEST = REPO / ".pre-commit-hooks.yaml"
PRE_COMMIT = [sys.executable, "-m", "pre_commit"]
GIT_ENV = {
    "GIT_AUTHOR_NAME": "sociable tests", "GIT_AUTHOR_EMAIL": "tests@example.invalid",
    "GIT_COMMITTER_NAME": "sociable tests", "GIT_COMMITTER_EMAIL": "tests@example.invalid",
    "GIT_AUTHOR_DATE": "2026-01-01T00:00:00Z", "GIT_COMMITTER_DATE": "2026-01-01T00:00:00Z",
    "GIT_CONFIG_NOSYSTEM": "1",
}
COPY_IGNORE = shutil.ignore_patterns(
    ".git", ".venv", "venv", "__pycache__", "*.egg-info", ".sociable_cache", ".pytest_cache",
    ".mypy_cache", ".ruff_cache", "build", "dist",
)
TEMPLATE = (
    "Hi {name},\n\nI noticed your company is growing fast and wanted to reach out. We help teams "
    "like yours streamline their workflow and save hours every week with our platform. Would you "
    "be open to a quick call next week to explore if it could be a fit?\n\nBest,\nAlex\n"
)
GOOD = (
    "Hi Priya,\n\nYour post on warehouse slotting matched what we saw at Acme: the second month "
    "is where picks slow down. Did your team keep the weekly review after launch?\n"
)
BAD = "Like this if you agree that Mondays are the worst!\n"


def git(*args: str, cwd: Path) -> None:
    subprocess.run(
        ["git", "-c", "commit.gpgsign=false", "-c", "init.defaultBranch=main", *args],
        cwd=cwd, check=True, capture_output=True, env={**os.environ, **GIT_ENV},
    )


@pytest.fixture(scope="session")
def hook_repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """This working tree, committed in a repository of its own, as pre-commit fetches it."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    copy = tmp_path_factory.mktemp("hook-repo") / "sociable"
    shutil.copytree(REPO, copy, symlinks=True, ignore=COPY_IGNORE)
    git("init", "-q", cwd=copy)
    git("add", "-A", cwd=copy)
    git("commit", "-q", "-m", "sociable under test", cwd=copy)
    return copy


@pytest.fixture(scope="session")
def pre_commit_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("pre-commit-home")


@pytest.fixture
def content_repo(tmp_path: Path) -> Path:
    """A team's drafts in git, configured as `sociable init` would."""
    root = tmp_path / "content"
    root.mkdir()
    git("init", "-q", cwd=root)
    done = subprocess.run([sys.executable, "-m", "sociable", "init"], cwd=root,
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    (root / "README.md").write_text("# Drafts\n\nLike this if you agree!\n", encoding="utf-8")
    (root / "posts").mkdir()
    (root / "posts" / "good.md").write_text(GOOD, encoding="utf-8")
    (root / "posts" / "bad.md").write_text(BAD, encoding="utf-8")
    (root / "dms").mkdir()
    (root / "dms" / "sam.md").write_text(TEMPLATE.format(name="Sam"), encoding="utf-8")
    git("add", "-A", cwd=root)
    git("commit", "-q", "-m", "drafts", cwd=root)
    return root


def try_repo(
    hook_repo: Path, home: Path, content: Path, hook: str, *files: str
) -> subprocess.CompletedProcess[str]:
    """``pre-commit run HOOK --files FILES`` in ``content``, with a configuration (outside the
    content repository, as ``try-repo`` keeps its own) naming ``hook_repo`` at its commit."""
    rev = subprocess.run(["git", "rev-parse", "HEAD"], cwd=hook_repo, capture_output=True,
                         text=True, check=True).stdout.strip()
    config = content.parent / "pre-commit-config.yaml"
    config.write_text(yaml.safe_dump({"repos": [{
        "repo": str(hook_repo), "rev": rev, "hooks": [{"id": hook}],
    }]}), encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SOCIABLE_", "PRE_COMMIT"))}
    env.update(GIT_ENV, PRE_COMMIT_HOME=str(home), NO_COLOR="1", PRE_COMMIT_COLOR="never")
    return subprocess.run(
        [*PRE_COMMIT, "run", "--config", str(config), hook, "--files", *files],
        cwd=content, capture_output=True, text=True, env=env, timeout=900,
    )


def test_manifest_validates() -> None:
    done = subprocess.run([*PRE_COMMIT, "validate-manifest", str(MANIFEST)],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


def test_manifest_hooks_compare_with_the_whole_repo_once() -> None:
    hooks = {hook["id"]: hook for hook in yaml.safe_load(MANIFEST.read_text(encoding="utf-8"))}
    assert set(hooks) == {"sociable", "sociable-fix"}
    for hook in hooks.values():
        entry = hook["entry"].split()
        assert entry[:2] == ["sociable", "check"]
        assert "--compare-with" in entry and entry[entry.index("--compare-with") + 1] == "."
        assert "--force-exclude" in entry
        assert hook["language"] == "python"
        assert hook["require_serial"] is True
        files = re.compile(hook["files"])
        for name in ("post.md", "notes/a.markdown", "dm.txt", "mail.eml", "UPPER.MD"):
            assert files.search(name), name
        for name in ("script.py", "sent.csv", "data.json", "page.md.bak"):
            assert not files.search(name), name
    assert "--fix" in hooks["sociable-fix"]["entry"].split()
    assert "--fix" not in hooks["sociable"]["entry"].split()


def test_hook_passes_a_good_draft_and_fails_a_bad_one(
    hook_repo: Path, pre_commit_home: Path, content_repo: Path
) -> None:
    good = try_repo(hook_repo, pre_commit_home, content_repo, "sociable", "posts/good.md")
    assert good.returncode == 0, good.stdout + good.stderr
    assert re.search(r"^sociable\.+Passed$", good.stdout, re.M), good.stdout

    bad = try_repo(hook_repo, pre_commit_home, content_repo, "sociable", "posts/bad.md", "posts/good.md")
    assert bad.returncode == 1, bad.stdout + bad.stderr
    assert re.search(r"^sociable\.+Failed$", bad.stdout, re.M), bad.stdout
    assert re.search(r"^posts/bad\.md:1:1: EB101 ", bad.stdout, re.M), bad.stdout
    assert "posts/good.md:" not in bad.stdout

    # README.md is excluded by the configuration `sociable init` wrote, even when it is staged.
    readme = try_repo(hook_repo, pre_commit_home, content_repo, "sociable", "README.md")
    assert readme.returncode == 0, readme.stdout


def test_hook_compares_a_new_draft_with_the_rest_of_the_repo(
    hook_repo: Path, pre_commit_home: Path, content_repo: Path
) -> None:
    # Only the new draft is passed in; the template it repeats was committed long ago.
    (content_repo / "dms" / "jonas.md").write_text(TEMPLATE.format(name="Jonas"), encoding="utf-8")
    git("add", "dms/jonas.md", cwd=content_repo)
    done = try_repo(hook_repo, pre_commit_home, content_repo, "sociable", "dms/jonas.md")
    assert done.returncode == 1, done.stdout + done.stderr
    assert re.search(r"^dms/jonas\.md:\d+:\d+: RP101 .*dms/sam\.md", done.stdout, re.M), done.stdout
    assert not re.search(r"^dms/sam\.md:", done.stdout, re.M)  # compared with, not reported
    assert (content_repo / ".sociable_cache" / "results").is_dir()  # in the repo, git-ignored
    status = subprocess.run(["git", "status", "--porcelain"], cwd=content_repo,
                            capture_output=True, text=True, check=True).stdout
    assert ".sociable_cache" not in status


def test_fix_hook_rewrites_the_draft(
    hook_repo: Path, pre_commit_home: Path, content_repo: Path
) -> None:
    before = (content_repo / "posts" / "bad.md").read_text(encoding="utf-8")
    done = try_repo(hook_repo, pre_commit_home, content_repo, "sociable-fix", "posts/bad.md")
    after = (content_repo / "posts" / "bad.md").read_text(encoding="utf-8")
    assert done.returncode == 1, done.stdout + done.stderr  # files changed: the commit stops
    assert after != before
    assert "Like this if" not in after


# `sociable init` ---------------------------------------------------------------------------

PYPROJECT = '[project]\nname = "drafts"\n\n[tool.black]  # keep me\nline-length = 90\n'


def init(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "sociable", "init", *args], cwd=folder,
                          capture_output=True, text=True, timeout=60)


def test_init_appends_to_pyproject_and_prints_a_valid_pre_commit_config(tmp_path: Path) -> None:
    from sociable.config import find_config, load_config

    (tmp_path / "pyproject.toml").write_text(PYPROJECT, encoding="utf-8")
    done = init(tmp_path)
    assert done.returncode == 0, done.stderr
    text = (tmp_path / "pyproject.toml").read_text(encoding="utf-8")
    assert text.startswith(PYPROJECT)  # the rest of the file is untouched
    assert text.count("[tool.sociable]") == 1
    assert find_config(tmp_path) == tmp_path / "pyproject.toml"
    config = load_config(tmp_path / "pyproject.toml")
    assert "README.md" in config.extend_exclude
    assert not (tmp_path / "sociable.toml").exists()

    snippet = done.stdout[done.stdout.index("repos:"):]
    (tmp_path / ".pre-commit-config.yaml").write_text(snippet, encoding="utf-8")
    valid = subprocess.run([*PRE_COMMIT, "validate-config", ".pre-commit-config.yaml"],
                           cwd=tmp_path, capture_output=True, text=True)
    assert valid.returncode == 0, valid.stdout + valid.stderr
    repo = yaml.safe_load(snippet)["repos"][0]
    assert repo["rev"] == "main"  # no release tags exist; the snippet says to autoupdate
    assert [hook["id"] for hook in repo["hooks"]] == ["sociable"]


def test_init_refuses_to_replace_a_section_without_force(tmp_path: Path) -> None:
    pyproject = tmp_path / "pyproject.toml"
    mine = PYPROJECT + '\n[tool.sociable]\nignore = ["RD"]\n\n[tool.sociable.channels]\n"x/**" = "x-post"\n'
    pyproject.write_text(mine, encoding="utf-8")
    done = init(tmp_path)
    assert done.returncode == 2
    assert "--force" in done.stderr and "Traceback" not in done.stderr
    assert pyproject.read_text(encoding="utf-8") == mine

    done = init(tmp_path, "--force")
    assert done.returncode == 0, done.stderr
    text = pyproject.read_text(encoding="utf-8")
    assert text.startswith(PYPROJECT)
    assert '"RD"' not in text and '"x/**"' not in text
    assert text.count("[tool.sociable]") == 1 and text.count("[tool.sociable.channels]") == 1
    assert init(tmp_path, "--force").returncode == 0
    assert pyproject.read_text(encoding="utf-8") == text  # replacing the starter is stable


def test_init_creates_sociable_toml_once(tmp_path: Path) -> None:
    from sociable.config import load_config

    done = init(tmp_path)
    assert done.returncode == 0, done.stderr
    own = tmp_path / "sociable.toml"
    assert "[tool.sociable]" not in own.read_text(encoding="utf-8")
    assert "LICENSE*" in load_config(own).extend_exclude
    own.write_text('ignore = ["RD"]\n', encoding="utf-8")
    done = init(tmp_path)
    assert done.returncode == 2 and "already exists" in done.stderr
    assert own.read_text(encoding="utf-8") == 'ignore = ["RD"]\n'


def test_init_keeps_crlf_line_endings(tmp_path: Path) -> None:
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_bytes(PYPROJECT.replace("\n", "\r\n").encode())
    assert init(tmp_path).returncode == 0
    data = pyproject.read_bytes()
    assert data.startswith(PYPROJECT.replace("\n", "\r\n").encode())
    assert b"\n" not in data.replace(b"\r\n", b"")


@pytest.mark.parametrize(
    ("content", "args", "message"),
    [
        ("[tool\n", (), "is not valid TOML"),
        (None, ("missing-folder",), "no such folder"),
    ],
)
def test_init_problems_are_one_clear_line(
    tmp_path: Path, content: str | None, args: tuple[str, ...], message: str
) -> None:
    if content is not None:
        (tmp_path / "pyproject.toml").write_text(content, encoding="utf-8")
    done = init(tmp_path, *args)
    assert done.returncode == 2
    assert message in done.stderr
    assert done.stderr.count("\n") == 1 and done.stderr.startswith("sociable: error: ")


def test_force_exclude_applies_excludes_to_named_files(tmp_path: Path) -> None:
    (tmp_path / "sociable.toml").write_text('extend-exclude = ["README.md", "notes/"]\n', encoding="utf-8")
    (tmp_path / "notes").mkdir()
    for name in ("README.md", "notes/todo.md", "post.md"):
        (tmp_path / name).write_text(BAD, encoding="utf-8")

    def check(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "sociable", "check", "--no-cache", *args],
                              cwd=tmp_path, capture_output=True, text=True, timeout=60)

    named = ("README.md", "notes/todo.md", "post.md")
    forced = check("--force-exclude", *named)
    assert forced.returncode == 1
    assert [line.split(":")[0] for line in forced.stdout.splitlines() if ": EB" in line] == ["post.md"]
    plain = check(*named)  # without the flag a named file is always linted
    assert {line.split(":")[0] for line in plain.stdout.splitlines() if ": EB" in line} == set(named)
    only_excluded = check("--force-exclude", "README.md")
    assert only_excluded.returncode == 0, only_excluded.stdout + only_excluded.stderr
