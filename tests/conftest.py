"""Shared fixtures: a rule set built once per session from the installed plugins."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from sociable.config import Config
from sociable.context import load_context
from sociable.ruleset import RuleSet

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def ruleset() -> RuleSet:
    return load_context(Config(), use_cache=False).ruleset


@pytest.fixture
def run_cli(tmp_path: Path) -> Callable[..., subprocess.CompletedProcess[str]]:
    """Run the real ``sociable`` command in a fresh process (cwd defaults to tmp_path)."""

    def run(*args: str, cwd: Path | None = None, stdin: str | None = None,
            env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
        full_env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
        full_env["SOCIABLE_CACHE_DIR"] = str(tmp_path / ".cache")
        full_env.update(env or {})
        return subprocess.run(
            [sys.executable, "-m", "sociable", *args],
            cwd=cwd or tmp_path, input=stdin, capture_output=True, text=True, env=full_env,
            timeout=120,
        )

    return run


# The LanguageTool look-alike, shared with the pack-example tests of grammar rules.
from test_grammar import fake_lt  # noqa: E402, F401
