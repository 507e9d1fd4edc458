"""What a person at a terminal sees besides findings: the closing summary and the progress bar."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from sociable.faces.cli.feedback import MIN_DRAFTS, Progress, render
from sociable.faces.formatters.base import RunSummary
from sociable.faces.formatters.text import summary_line


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(
    ("summary", "expected"),
    [
        (RunSummary(drafts=4), "All checks passed!"),
        (RunSummary(drafts=4, flagged=1, findings=1), "Found 1 finding in 1 draft."),
        (RunSummary(drafts=9, flagged=2, findings=3, fixable=2), "Found 3 findings in 2 drafts (2 fixable with --fix)."),
        (RunSummary(drafts=2, errors=1), None),  # an unreadable draft did not pass
    ],
)
def test_summary_line(summary: RunSummary, expected: str | None) -> None:
    assert summary_line(summary) == expected


def test_bar_renders_fraction() -> None:
    assert render(0, 10, width=10) == "sociable [----------] 0/10 drafts"
    assert render(5, 10, width=10) == "sociable [#####-----] 5/10 drafts"
    assert render(10, 10, width=10) == "sociable [##########] 10/10 drafts"


def test_progress_only_on_a_terminal_for_long_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CI", raising=False)
    tty = Terminal()
    progress = Progress(tty)
    progress(MIN_DRAFTS - 1, MIN_DRAFTS - 1)  # short run: no bar
    assert tty.getvalue() == ""
    progress(MIN_DRAFTS, MIN_DRAFTS)
    progress.clear()
    assert f"{MIN_DRAFTS}/{MIN_DRAFTS} drafts" in tty.getvalue()
    assert tty.getvalue().endswith("\r\x1b[K")
    for quiet_one in (Progress(io.StringIO()), Progress(Terminal(), quiet=True)):
        quiet_one(MIN_DRAFTS, MIN_DRAFTS)
        quiet_one.clear()
        assert quiet_one.stream.getvalue() == ""  # type: ignore[attr-defined]
    monkeypatch.setenv("CI", "true")
    in_ci = Progress(Terminal())
    in_ci(MIN_DRAFTS, MIN_DRAFTS)
    assert in_ci.stream.getvalue() == ""  # type: ignore[attr-defined]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="needs a pseudo-terminal")
def test_terminal_sees_bar_and_summary_pipe_stays_clean(tmp_path: Path) -> None:
    """A real run with stderr on a pseudo-terminal and stdout piped, as `sociable ... > out.json`."""
    import pty

    text = "Hi Ana,\n\nYour PyCon talk on caching changed how we size our queues.\n"
    for index in range(MIN_DRAFTS + 10):
        (tmp_path / f"d{index:03}.md").write_text(text, encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k not in ("CI", "NO_COLOR", "FORCE_COLOR")}
    env["SOCIABLE_CACHE_DIR"] = str(tmp_path / ".cache")

    def run(*args: str) -> tuple[str, str]:
        master, slave = pty.openpty()
        proc = subprocess.Popen(
            [sys.executable, "-m", "sociable", "check", "--select", "EB", "-j", "1", *args, "."],
            cwd=tmp_path, stdout=subprocess.PIPE, stderr=slave, env=env,
        )
        os.close(slave)
        chunks = []
        while True:
            try:
                chunk = os.read(master, 4096)
            except OSError:  # the terminal closes when the process ends
                break
            if not chunk:
                break
            chunks.append(chunk)
        os.close(master)
        assert proc.stdout is not None
        out = proc.stdout.read().decode()
        assert proc.wait(timeout=120) == 0
        return out, b"".join(chunks).decode()

    out, terminal = run("--no-cache")
    assert out == "All checks passed!\n"
    assert f"{MIN_DRAFTS + 10}/{MIN_DRAFTS + 10} drafts" in terminal
    out, terminal = run("--no-cache", "--output-format", "json")
    assert out.strip() == "[]"  # machine output untouched
    assert "sociable: All checks passed!" in terminal
    out, terminal = run("--no-cache", "--quiet")
    assert (out, terminal) == ("", "")
