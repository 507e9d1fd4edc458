"""The GitHub Action (action.yml): its metadata is sound, and its script steps, run locally in
a sample git repository the way the runner runs them, lint the right drafts."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

REPO = Path(__file__).resolve().parents[1]
ACTION = yaml.safe_load((REPO / "action.yml").read_text(encoding="utf-8"))
EXPRESSION = re.compile(r"\$\{\{\s*([^}]*?)\s*\}\}")
GOOD = "Hi Ana,\n\nYour PyCon talk on caching changed how we size our queues. How did you pick the TTLs?\n"
BAD = "Big news today.\n\nLike this if you agree!\n"
GIT_ENV = {
    "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
    "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org",
}


def steps() -> dict[str, dict[str, Any]]:
    return {step["id"]: step for step in ACTION["runs"]["steps"]}


def test_metadata_is_a_composite_action_with_documented_inputs() -> None:
    assert ACTION["runs"]["using"] == "composite"
    inputs = ACTION["inputs"]
    assert {"paths", "changed-since", "config", "output-format", "sarif-file"} <= set(inputs)
    assert inputs["output-format"]["default"] == "github"
    for name, spec in {**inputs, **ACTION["outputs"]}.items():
        assert spec.get("description"), name
    used = set()
    for step in ACTION["runs"]["steps"]:
        assert step.get("shell") == "bash", step["name"]
        # Inputs go through env:, never into the script text, so they cannot inject shell code.
        assert not EXPRESSION.search(step["run"]), step["name"]
        for value in step.get("env", {}).values():
            used.update(m.group(1).removeprefix("inputs.") for m in EXPRESSION.finditer(value))
    assert set(inputs) <= used, set(inputs) - used
    for output in ACTION["outputs"].values():
        assert EXPRESSION.fullmatch(output["value"]).group(1).split(".")[1] in steps()  # type: ignore[union-attr]


@pytest.mark.parametrize("step", ["install", "lint"])
def test_scripts_are_valid_bash(step: str) -> None:
    done = subprocess.run(["bash", "-n"], input=steps()[step]["run"], text=True, capture_output=True)
    assert done.returncode == 0, done.stderr


def git(*args: str, cwd: Path) -> str:
    return subprocess.run(
        ["git", "-c", "commit.gpgsign=false", "-c", "init.defaultBranch=main", *args],
        cwd=cwd, capture_output=True, text=True, check=True, env={**os.environ, **GIT_ENV},
    ).stdout.strip()


@pytest.fixture
def content(tmp_path: Path) -> tuple[Path, str]:
    """A repo whose base commit holds an old bad draft; the next commit adds more."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    root = tmp_path / "content"
    (root / "posts").mkdir(parents=True)
    (root / "sociable.toml").write_text('extend-exclude = ["README.md"]\n', encoding="utf-8")
    (root / "posts" / "old.md").write_text(BAD.replace("Big", "Old"), encoding="utf-8")
    (root / "posts" / "good.md").write_text(GOOD, encoding="utf-8")
    git("init", "-q", cwd=root)
    git("add", "-A", cwd=root)
    git("commit", "-q", "-m", "base", cwd=root)
    base = git("rev-parse", "HEAD", cwd=root)
    (root / "posts" / "new.md").write_text(BAD, encoding="utf-8")
    (root / "README.md").write_text(BAD, encoding="utf-8")  # excluded by the configuration
    (root / "notes.py").write_text("print('not a draft')\n", encoding="utf-8")
    (root / "posts" / "good.md").unlink()  # deleted: nothing to lint
    git("add", "-A", cwd=root)
    git("commit", "-q", "-m", "new drafts", cwd=root)
    return root, base


def run_lint(root: Path, **inputs: str) -> tuple[subprocess.CompletedProcess[str], dict[str, str]]:
    """Run the lint step as the runner would: inputs resolved into its env, bash, GITHUB_OUTPUT."""
    values = {name: spec.get("default", "") for name, spec in ACTION["inputs"].items()}
    values["changed-since"] = ""  # the default is an expression only the runner evaluates
    values.update({key.replace("_", "-"): value for key, value in inputs.items()})
    output = root.parent / "github_output"
    output.write_text("", encoding="utf-8")
    step = steps()["lint"]
    env = {k: v for k, v in os.environ.items() if not k.startswith("SOCIABLE_")}
    env.update({
        key: EXPRESSION.sub(lambda m: values[m.group(1).removeprefix("inputs.")], value)
        for key, value in step["env"].items()
    })
    env.update(GITHUB_OUTPUT=str(output), NO_COLOR="1", SOCIABLE_CACHE_DIR=str(root.parent / "cache"))
    # The sociable under test, where the install step would have put one.
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env['PATH']}"
    done = subprocess.run(["bash", "-c", step["run"]], cwd=root, env=env, capture_output=True,
                          text=True, timeout=300)
    outputs = dict(line.split("=", 1) for line in output.read_text(encoding="utf-8").splitlines())
    return done, outputs


def test_pull_request_lints_only_changed_drafts_as_annotations(content: tuple[Path, str]) -> None:
    root, base = content
    done, outputs = run_lint(root, changed_since=base)
    assert done.returncode == 1, done.stderr
    annotations = [line for line in done.stdout.splitlines() if line.startswith("::")]
    assert annotations and all("file=posts/new.md," in line for line in annotations)
    assert any(" EB101 " in line or "::EB101 " in line for line in annotations)
    assert outputs["exit-code"] == "1"


def test_without_base_lints_every_path(content: tuple[Path, str]) -> None:
    root, _ = content
    done, outputs = run_lint(root, paths="posts")
    files = {re.search(r"file=([^,]+),", line).group(1)  # type: ignore[union-attr]
             for line in done.stdout.splitlines() if line.startswith("::")}
    assert files == {"posts/new.md", "posts/old.md"}
    assert done.returncode == 1 and outputs["exit-code"] == "1"


def test_sarif_report_for_code_scanning(content: tuple[Path, str]) -> None:
    root, base = content
    done, outputs = run_lint(root, changed_since=base, output_format="sarif", sarif_file="out.sarif")
    assert done.returncode == 1, done.stderr
    assert outputs["sarif-file"] == "out.sarif"
    report = json.loads((root / "out.sarif").read_text(encoding="utf-8"))
    locations = {
        result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        for result in report["runs"][0]["results"]
    }
    assert locations == {"posts/new.md"}


def test_nothing_changed_is_a_clean_run(content: tuple[Path, str]) -> None:
    root, _ = content
    head = git("rev-parse", "HEAD", cwd=root)
    done, outputs = run_lint(root, changed_since=head)
    assert done.returncode == 0 and "no drafts changed" in done.stdout
    assert outputs["exit-code"] == "0"


def test_config_and_args_reach_sociable(content: tuple[Path, str]) -> None:
    root, _ = content
    (root / "strict.toml").write_text('ignore = ["EB"]\n', encoding="utf-8")
    plain, _ = run_lint(root, paths="posts", output_format="text")
    assert ": EB101 " in plain.stdout
    done, outputs = run_lint(root, paths="posts", config="strict.toml", output_format="text")
    assert outputs["exit-code"] in ("0", "1") and ": EB" not in done.stdout
    done, _ = run_lint(root, paths="posts", args="--select EB101 --output-format json")
    assert {f["code"] for f in json.loads(done.stdout)} == {"EB101"}
