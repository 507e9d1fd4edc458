"""A rule skipped for time makes the run exit 2, not 0 (issue 15, item 4): the findings of
that draft are incomplete, and a hook or CI job must not pass on them."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

import sociable.pipeline
from sociable.engine import SKIPPED, lint_document
from sociable.faces.cli.main import main
from sociable.kinds.shape import ShapeKind


def test_a_rule_skipped_for_time_is_an_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    draft = tmp_path / "post.md"
    draft.write_text("Like this if you agree!\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SOCIABLE_CACHE_DIR", str(tmp_path / ".cache"))

    def little_time(doc, ruleset, extra_ignores=(), rule_time_limit=2.0):  # type: ignore[no-untyped-def]
        return lint_document(doc, ruleset, extra_ignores, rule_time_limit=0.05)

    real_check = ShapeKind.check

    def slow_check(self, doc, rule):  # type: ignore[no-untyped-def]
        deadline = time.process_time() + 5  # busy, as a runaway regex is: the limit counts CPU time
        while time.process_time() < deadline:
            pass
        return real_check(self, doc, rule)

    monkeypatch.setattr(sociable.pipeline, "lint_document", little_time)
    monkeypatch.setattr(ShapeKind, "check", slow_check)
    code = main(["check", "--isolated", "--no-cache", "--jobs", "1", "--select", "EB101", "post.md"])
    err = capsys.readouterr().err
    assert code == 2, err
    assert f"sociable: error: post.md: rule EB101 (react-bait) ran longer than 0.05s and was {SKIPPED}" in err
    assert "warning" not in err


def test_without_a_skip_the_same_run_is_findings_not_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "post.md").write_text("Like this if you agree!\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SOCIABLE_CACHE_DIR", str(tmp_path / ".cache"))
    code = main(["check", "--isolated", "--no-cache", "--jobs", "1", "--select", "EB101", "post.md"])
    assert code == 1 and capsys.readouterr().err == ""
