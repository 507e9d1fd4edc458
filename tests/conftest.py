"""Shared fixtures: a rule set built once per session from the installed plugins, and the
``sociable`` command, run in a child process or (where a test module asks) in process.

Why in process: a child ``sociable check`` costs about a CPU second before it reads a draft
(interpreter, imports, packs, and with ``harper-py`` installed two Harper linters), and the
suite runs hundreds of them. ``main()`` in this process pays that once per session. A module
opts in with ``pytestmark = pytest.mark.cli_in_process`` when the process boundary is not
what its tests are about; a test in such a module opts back out with ``cli_process``, and a
call the in-process runner cannot reproduce faithfully (see :func:`_needs_child`) still gets a
real child. Modules that do not opt in keep the real child for every call.
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path

import pytest

from sociable.config import Config
from sociable.context import load_context
from sociable.ruleset import RuleSet

REPO = Path(__file__).resolve().parents[1]
RunCli = Callable[..., subprocess.CompletedProcess[str]]

#: Environment variables the in-process runner can set for one call (sociable reads them at
#: run time). Anything else (PYTHONPATH for a plugin, say) changes the interpreter: a child.
_IN_PROCESS_ENV = ("SOCIABLE_", "NO_COLOR", "FORCE_COLOR", "CI")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "cli_in_process: run_cli calls sociable's main() in this process (conftest.py)"
    )
    config.addinivalue_line(
        "markers", "cli_process: run_cli starts a real child process even in a cli_in_process module"
    )


@pytest.fixture(scope="session")
def ruleset() -> RuleSet:
    return load_context(Config(), use_cache=False).ruleset


def _child_env(cache_dir: Path, env: dict[str, str] | None) -> dict[str, str]:
    full_env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    full_env["SOCIABLE_CACHE_DIR"] = str(cache_dir)
    full_env.update(env or {})
    return full_env


def _run_child(args: tuple[str, ...], cwd: Path, stdin: str | None,
               env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "sociable", *args],
        cwd=cwd, input=stdin, capture_output=True, text=True, env=env, timeout=120,
    )


def _needs_child(args: tuple[str, ...], env: dict[str, str] | None) -> bool:
    """Whether a call needs a fresh interpreter: another import path or plugin set, the
    language server, or worker processes (which would fork the test process)."""
    if any(not key.startswith(_IN_PROCESS_ENV) for key in env or {}):
        return True
    if args[:1] == ("lsp",):
        return True
    for index, arg in enumerate(args):
        jobs = args[index + 1] if arg in ("--jobs", "-j") and index + 1 < len(args) else None
        if arg.startswith("--jobs="):
            jobs = arg.split("=", 1)[1]
        if jobs is not None and jobs != "1":
            return True
    return False


def _translated(data: bytes) -> str:
    """Bytes as ``subprocess.run(..., text=True)`` hands them back: newlines translated."""
    return data.decode("utf-8", "replace").replace("\r\n", "\n").replace("\r", "\n")


class _Capture(io.TextIOWrapper):
    """A text stream over bytes, like a pipe: ``.buffer`` works, ``isatty()`` is False."""

    def __init__(self, data: bytes = b"") -> None:
        super().__init__(io.BytesIO(data), encoding="utf-8", errors="surrogateescape",
                         newline="\n" if data else None, write_through=True)

    def value(self) -> bytes:
        self.flush()
        raw = self.buffer
        assert isinstance(raw, io.BytesIO)
        return raw.getvalue()


def _main_in_process(args: Sequence[str], cwd: Path, stdin: bytes, env: Mapping[str, str],
                     monkeypatch: pytest.MonkeyPatch) -> tuple[int, bytes, bytes]:
    """``sociable ARGS`` through :func:`sociable.faces.cli.main.main`, with the child's cwd,
    environment (the variables sociable reads), stdin and pipes standing in for the real ones
    for the length of the call: (exit code, stdout bytes, stderr bytes)."""
    from sociable.faces.cli.main import main

    out, err, fed = _Capture(), _Capture(), _Capture(stdin)
    with monkeypatch.context() as patch:
        for key in [k for k in os.environ if k.startswith(_IN_PROCESS_ENV)]:
            if key not in env:
                patch.delenv(key)
        for key, value in env.items():
            if key.startswith(_IN_PROCESS_ENV):
                patch.setenv(key, value)
        patch.chdir(cwd)
        patch.setattr(sys, "stdin", fed)
        patch.setattr(sys, "stdout", out)
        patch.setattr(sys, "stderr", err)
        try:
            code = main(list(args))
        except SystemExit as exit_:  # argparse: usage errors, --help, --version
            code = exit_.code if isinstance(exit_.code, int) else (0 if exit_.code is None else 1)
            if isinstance(exit_.code, str):
                err.write(exit_.code + "\n")
    return code, out.value(), err.value()


def _run_in_process(args: tuple[str, ...], cwd: Path, stdin: str | None, env: dict[str, str],
                    monkeypatch: pytest.MonkeyPatch) -> subprocess.CompletedProcess[str]:
    code, out, err = _main_in_process(args, cwd, (stdin or "").encode("utf-8"), env, monkeypatch)
    return subprocess.CompletedProcess(["sociable", *args], code, _translated(out), _translated(err))


@pytest.fixture
def main_in_process(monkeypatch: pytest.MonkeyPatch) -> Callable[..., subprocess.CompletedProcess[bytes]]:
    """``subprocess.run([python, -m, sociable, *args], cwd=, input=, env=, capture_output=True)``
    for a test that starts sociable itself, as ``main()`` in this process (bytes in, bytes out)."""

    def run(args: Sequence[str], cwd: Path, input: bytes | None = None,
            env: Mapping[str, str] | None = None) -> subprocess.CompletedProcess[bytes]:
        assert not _needs_child(tuple(args), None), args
        code, out, err = _main_in_process(args, cwd, input or b"", env or os.environ, monkeypatch)
        return subprocess.CompletedProcess(["sociable", *args], code, out, err)

    return run


#: What a first run leaves in its cache folder that depends only on sociable's own code and
#: packs (parsed packs and prepared rules, compiled patterns, the entry-point search).
_SEEDED = ("packs", "regex", "plugins")


@pytest.fixture(scope="session")
def warm_cache_seed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The reusable part of a cache folder, made by one real ``sociable check`` run.

    Parsing and preparing the shipped packs costs a cold run about a second of CPU, and every
    test's cache folder starts cold. :func:`run_cli` starts each test's folder with these
    entries instead (hard links; sociable replaces cache files, never writes into them). They
    are keyed on pack files and code stamps, so a test's own packs still miss and are built;
    the results store, ``CACHEDIR.TAG`` and ``.gitignore`` are not seeded, so what a test
    asserts about them is still made by the run under test.
    """
    seed = tmp_path_factory.mktemp("warm-cache")
    (seed / "draft.md").write_text("Like this if you agree!\n", encoding="utf-8")
    done = _run_child(("check", "--isolated", "draft.md"), seed, None,
                      _child_env(seed / ".cache", None))
    assert done.returncode == 1, done.stdout + done.stderr
    return seed / ".cache"


def _seed(cache_dir: Path, seed: Path) -> None:
    for name in _SEEDED:
        if (seed / name).is_dir():
            shutil.copytree(seed / name, cache_dir / name, copy_function=os.link)


@pytest.fixture
def seed_cache(warm_cache_seed: Path) -> Callable[[Path], Path]:
    """For tests that start ``sociable`` themselves: start a cache folder as :func:`run_cli`
    starts its own (see :func:`warm_cache_seed`); returns the folder."""

    def seed(cache_dir: Path) -> Path:
        _seed(cache_dir, warm_cache_seed)
        return cache_dir

    return seed


@pytest.fixture
def run_cli(tmp_path: Path, request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch,
            warm_cache_seed: Path) -> Iterator[RunCli]:
    """Run the ``sociable`` command (cwd defaults to tmp_path, the cache is tmp_path/.cache,
    started with the session's pack and pattern cache entries: see :func:`warm_cache_seed`).

    A real child process, unless the test is marked ``cli_in_process`` (and not
    ``cli_process``): then ``main()`` runs here, same arguments, same result fields.
    """
    in_process = (request.node.get_closest_marker("cli_in_process") is not None
                  and request.node.get_closest_marker("cli_process") is None)
    _seed(tmp_path / ".cache", warm_cache_seed)

    def run(*args: str, cwd: Path | None = None, stdin: str | None = None,
            env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
        full_env = _child_env(tmp_path / ".cache", env)
        folder = cwd or tmp_path
        if not in_process or _needs_child(args, env):
            return _run_child(args, folder, stdin, full_env)
        return _run_in_process(args, folder, stdin, full_env, monkeypatch)

    yield run


# The LanguageTool look-alike, shared with the pack-example tests of grammar rules.
from test_grammar import fake_lt  # noqa: E402, F401
