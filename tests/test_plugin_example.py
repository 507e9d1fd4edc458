"""examples/sociable-plugin-example, installed with pip as a user would, is found through its
entry point: its pack and its Python rule kind run, and its own tests pass."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "sociable-plugin-example"
WALL = " ".join(["word"] * 70)


@pytest.fixture(scope="module")
def plugin_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """pip installs the example into a folder of its own (offline: this environment's
    setuptools, no dependencies fetched), from a copy so no build files land in the repo."""
    folder = tmp_path_factory.mktemp("plugin-example")
    source = folder / "src"
    shutil.copytree(EXAMPLE, source, ignore=shutil.ignore_patterns("build", "*.egg-info", "__pycache__"))
    target = folder / "site"
    done = subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--no-build-isolation",
         "--no-index", "--target", str(target), str(source)],
        capture_output=True, text=True, timeout=300,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    entry_points = (target / "sociable_plugin_example-0.1.0.dist-info" / "entry_points.txt")
    assert "[sociable]" in entry_points.read_text(encoding="utf-8")
    return target


def test_its_rules_run_from_the_command_line(tmp_path: Path, run_cli, plugin_site: Path) -> None:
    (tmp_path / "dm.md").write_text(
        f"---\nchannel: linkedin-dm\n---\nHi Noor,\n\n{WALL}\n\nAs per my last message, see above.\n",
        encoding="utf-8",
    )
    env = {"PYTHONPATH": str(plugin_site)}
    result = run_cli("check", "--select", "EXA", "dm.md", env=env)
    assert result.returncode == 1, result.stderr
    lines = [line for line in result.stdout.splitlines() if line.startswith("dm.md:")]
    assert lines[0].startswith("dm.md:6:1: EXA101 A paragraph of 70 words (at most 60 here)")
    assert lines[1].startswith('dm.md:8:1: EXA102 "As per my last message" reads as a reproach')
    listed = run_cli("plugins", env=env).stdout
    assert "example" in listed and "sociable-plugin-example 0.1.0" in listed
    assert "phone" in run_cli("explain", "EXA101", env=env).stdout
    # Without the plugin on the path, the codes do not exist at all.
    assert run_cli("check", "--select", "EXA", "dm.md").returncode == 2


def test_it_can_be_disabled(tmp_path: Path, run_cli, plugin_site: Path) -> None:
    (tmp_path / "dm.md").write_text(f"---\nchannel: linkedin-dm\n---\n{WALL}\n", encoding="utf-8")
    env = {"PYTHONPATH": str(plugin_site), "SOCIABLE_DISABLE_PLUGINS": "example"}
    result = run_cli("check", "dm.md", env=env)
    assert "EXA101" not in result.stdout


def test_its_own_tests_pass(tmp_path: Path, plugin_site: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(plugin_site), "SOCIABLE_CACHE_DIR": str(tmp_path / "cache")}
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(EXAMPLE / "tests")],
        cwd=tmp_path, capture_output=True, text=True, env=env, timeout=300,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-2000:]
    assert "4 passed" in done.stdout
