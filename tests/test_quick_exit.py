"""The console script's quick exit (``faces/cli/main.py``: ``run``, ``exit_now``): output and
``atexit`` handlers first, the interpreter's teardown skipped, and only when that is safe."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path

import pytest

from sociable.faces.cli import main as cli

BAIT = "Hi Ana,\n\nLike if you agree! Comment YES below and I'll send it over.\n"


class _Exited(Exception):
    def __init__(self, code: int) -> None:
        self.code = code


@pytest.fixture
def calls(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """What exit_now did, in order; os._exit and the atexit run are stand-ins here, so the
    test process itself neither ends nor runs pytest's own exit handlers."""
    import atexit

    done: list[str] = []

    def fake_exit(code: int) -> None:
        done.append(f"exit {code}")
        raise _Exited(code)

    monkeypatch.setattr(os, "_exit", fake_exit)
    monkeypatch.setattr(atexit, "_run_exitfuncs", lambda: done.append("atexit"))
    return done


def test_exit_now_runs_the_handlers_then_ends_with_the_code(calls: list[str]) -> None:
    with pytest.raises(_Exited) as exited:
        cli.exit_now(1)
    assert exited.value.code == 1
    assert calls == ["atexit", "exit 1"]


def test_exit_now_declines_while_another_thread_lives(calls: list[str]) -> None:
    stop = threading.Event()
    worker = threading.Thread(target=stop.wait)
    worker.start()
    try:
        cli.exit_now(0)  # returns: a normal exit would join the worker
    finally:
        stop.set()
        worker.join()
    assert calls == []


def test_exit_now_declines_when_output_cannot_be_flushed(
    calls: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    class Broken:
        def flush(self) -> None:
            raise BrokenPipeError(32, "Broken pipe")

    monkeypatch.setattr(sys, "stdout", Broken())
    cli.exit_now(0)  # returns, so Python reports the broken pipe its usual way
    assert calls == []


def test_the_console_entry_loses_no_output_and_keeps_the_exit_code(
    tmp_path: Path, seed_cache: Callable[[Path], Path]
) -> None:
    """One child process (the process boundary is what is tested): every finding on a piped
    stdout, a handler registered before the run still runs, and the exit code for findings."""
    (tmp_path / "bait.md").write_text(BAIT, encoding="utf-8")
    program = (
        "import atexit, sys\n"
        "atexit.register(print, 'handler ran')\n"
        "sys.argv = ['sociable', 'check', '--no-cache', '--ignore', 'GR', '--output-format',"
        " 'json', 'bait.md']\n"
        "from sociable.faces.cli.main import run\n"
        "run()\n"
    )
    env = {**os.environ, "SOCIABLE_CACHE_DIR": str(seed_cache(tmp_path / ".cache"))}
    done = subprocess.run([sys.executable, "-c", program], cwd=tmp_path, capture_output=True,
                          text=True, env=env)
    assert done.returncode == 1, done.stderr
    body, _, tail = done.stdout.rpartition("]")
    findings = json.loads(body + "]")
    assert findings and all(f["path"] == "bait.md" for f in findings)
    assert "EB101" in {f["code"] for f in findings}
    assert tail.strip() == "handler ran"
