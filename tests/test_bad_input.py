"""Every bad input we tried, what sociable does with it, and ``docs/bad-input.md`` kept true.

Each case runs the real command in a fresh folder and checks the documented exit code and the
documented words on stderr (and that no traceback ever appears). The table in
``docs/bad-input.md`` is rendered from the same list, and a test fails when the file differs
from it. After changing a case, regenerate the page with::

    .venv/bin/python tests/test_bad_input.py
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest

DOC = Path(__file__).resolve().parents[1] / "docs" / "bad-input.md"
BAIT = "Great news today.\n\nLike this if you agree!\n"
PITCH = "Hi Ana,\n\nI read your post about onboarding churn and the way you cut the trial to seven days.\n"


@dataclass(frozen=True)
class Case:
    what: str  # the bad input, as the table names it
    args: tuple[str, ...]  # the command line after `sociable`
    code: int  # the exit code
    says: str  # words the one error line must contain ("" when nothing is said)
    files: dict[str, bytes] = field(default_factory=dict)
    stdin: bytes | None = None
    setup: Callable[[Path], None] | None = None
    note: str = ""  # what else the table should say


def _loop(folder: Path) -> None:
    os.symlink(folder / "loop.md", folder / "loop.md")


def _dangling(folder: Path) -> None:
    os.symlink(folder / "gone.md", folder / "link.md")


def _folder_loop(folder: Path) -> None:
    (folder / "a").mkdir()
    (folder / "a" / "post.md").write_bytes(BAIT.encode())
    os.symlink(folder / "a", folder / "a" / "again")


PACK_BAD_KEY = b"""pack: house
description: House rules.
rules:
  - code: HR101
    name: house-rule
    kind: phrases
    category: style
    severity: info
    scope: body
    message: 'x'
    why: y
    phrasez: [synergy]
    examples: {bad: [synergy], good: [plain]}
"""

CASES = [
    # --- drafts -------------------------------------------------------------------------------
    Case("empty file", ("check", "empty.md"), 0, "", {"empty.md": b""}),
    Case("binary file", ("check", "img.md"), 2, "looks like a binary file, not a draft",
         {"img.md": b"\x89PNG\r\n\x1a\n\x00\x00"}),
    Case("Latin-1 bytes (not UTF-8)", ("check", "old.md"), 2,
         "old.md:1: not valid UTF-8 (byte 0xe9 at offset 3)", {"old.md": "café\n".encode("latin-1")}),
    Case("UTF-16 with BOM", ("check", "wide.md"), 1, "", {"wide.md": BAIT.encode("utf-16")},
         note="decoded and linted like UTF-8"),
    Case("UTF-8 with BOM, CRLF line ends", ("check", "win.md"), 1, "",
         {"win.md": b"\xef\xbb\xbf" + BAIT.replace("\n", "\r\n").encode()},
         note="linted; positions count from after the BOM"),
    Case("binary on stdin", ("check", "--stdin-filename", "x.md", "-"), 2,
         "x.md: looks like a binary file", stdin=b"\x00\x01\x02"),
    Case("unreadable frontmatter YAML", ("check", "fm.md"), 2, "fm.md: invalid YAML frontmatter",
         {"fm.md": b"---\nchannel: [oops\n---\nHi\n"}),
    Case("unknown channel in frontmatter", ("check", "ch.md"), 2,
         "ch.md: unknown channel 'myspace' in frontmatter", {"ch.md": b"---\nchannel: myspace\n---\nHi\n"}),
    Case("one bad draft among good ones", ("check", "old.md", "bait.md"), 2, "not valid UTF-8",
         {"old.md": b"caf\xe9\n", "bait.md": BAIT.encode()},
         note="the other drafts are still linted and reported"),
    # --- paths --------------------------------------------------------------------------------
    Case("path that does not exist", ("check", "nowhere.md"), 2, "nowhere.md: no such file or folder"),
    Case("symlink loop named on the command line", ("check", "loop.md"), 2,
         "loop.md: symbolic link loop", setup=_loop),
    Case("dangling symlink named on the command line", ("check", "link.md"), 2,
         "link.md: broken symbolic link", setup=_dangling),
    Case("symlinked folder loop inside a walked folder", ("check", "a"), 1, "", setup=_folder_loop,
         note="each folder is walked once"),
    Case("--output-file in a folder that does not exist", ("check", "-o", "no/dir/out.txt", "bait.md"),
         2, "cannot write no/dir/out.txt", {"bait.md": BAIT.encode()}),
    Case("--history file that does not exist", ("check", "--history", "sent.csv", "pitch.md"), 2,
         "sent.csv: history not found", {"pitch.md": PITCH.encode()}),
    Case("--history CSV without a message column", ("check", "--history", "sent.csv", "pitch.md"), 2,
         "no message column", {"pitch.md": PITCH.encode(), "sent.csv": b"a,b\n1,2\n"}),
    Case("--compare-with path that does not exist", ("check", "--compare-with", "nope", "pitch.md"),
         2, "--compare-with nope: no such file or folder", {"pitch.md": PITCH.encode()}),
    # --- configuration ------------------------------------------------------------------------
    Case("broken pyproject.toml with [tool.sociable]", ("check", "bait.md"), 2,
         "pyproject.toml:2: invalid TOML: Unclosed array",
         {"pyproject.toml": b'[tool.sociable]\nselect = ["GP"\n', "bait.md": BAIT.encode()},
         note="never skipped for a parent folder's config or the defaults"),
    Case("broken sociable.toml", ("check", "bait.md"), 2, "sociable.toml:1: invalid TOML",
         {"sociable.toml": b"select = [\n", "bait.md": BAIT.encode()}),
    Case("unknown configuration key", ("check", "bait.md"), 2,
         "sociable.toml:1: unknown key 'selct' (did you mean 'select'?)",
         {"sociable.toml": b"selct = []\n", "bait.md": BAIT.encode()}),
    Case("configuration value of the wrong type", ("check", "bait.md"), 2,
         "pyproject.toml:3: [tool.sociable]: 'select' must be a list",
         {"pyproject.toml": b'[tool.sociable]\n\nselect = "EB"\n', "bait.md": BAIT.encode()}),
    Case("unknown rule code in ignore", ("check", "bait.md"), 2,
         "sociable.toml:1: 'ignore': no rule matches ZZ999",
         {"sociable.toml": b'ignore = ["ZZ999"]\n', "bait.md": BAIT.encode()}),
    Case("--config naming a folder", ("check", "--config", "conf", "bait.md"), 2,
         "conf: is a folder", {"conf/x": b"", "bait.md": BAIT.encode()}),
    # --- command line -------------------------------------------------------------------------
    Case("--select of a code that does not exist", ("check", "--select", "ZZ999", "bait.md"), 2,
         "--select: no rule matches ZZ999", {"bait.md": BAIT.encode()}),
    Case("--ignore of a code that does not exist", ("check", "--ignore", "ZZ999", "bait.md"), 2,
         "--ignore: no rule matches ZZ999", {"bait.md": BAIT.encode()}),
    Case("--channel that does not exist", ("check", "--channel", "myspace", "bait.md"), 2,
         "--channel: unknown channel 'myspace'", {"bait.md": BAIT.encode()}),
    Case("invalid --languagetool URL", ("check", "--languagetool", "ftp://x", "bait.md"), 2,
         "--languagetool: invalid LanguageTool URL 'ftp://x'", {"bait.md": BAIT.encode()}),
    Case("unknown --output-format", ("check", "--output-format", "yaml", "bait.md"), 2,
         "unknown output format 'yaml'", {"bait.md": BAIT.encode()}),
    Case("--fix on a file that is not UTF-8", ("check", "--fix", "old.md"), 2, "not valid UTF-8",
         {"old.md": b"caf\xe9\n"}, note="the file is left untouched"),
    Case("explain of an unknown rule", ("explain", "ZZ999"), 2, "no rule 'ZZ999'"),
    # --- rule packs ---------------------------------------------------------------------------
    Case("rule pack with an unknown key", ("check", "bait.md"), 2,
         "house.yaml:12: unknown key 'phrasez' in rule HR101 (did you mean 'phrases'?)",
         {"house.yaml": PACK_BAD_KEY, "sociable.toml": b'extend-packs = ["house.yaml"]\n',
          "bait.md": BAIT.encode()}),
    Case("rule pack that is not YAML", ("check", "bait.md"), 2, "house.yaml",
         {"house.yaml": b"pack: [\n", "sociable.toml": b'extend-packs = ["house.yaml"]\n',
          "bait.md": BAIT.encode()}),
    Case("extend-packs path that does not exist", ("check", "bait.md"), 2, "rule pack not found",
         {"sociable.toml": b'extend-packs = ["none.yaml"]\n', "bait.md": BAIT.encode()}),
]


#: Cases run in a real child process, one or more of each kind of input: a real process's exit
#: code, its stdin, and nothing but one line on its stderr. The others run ``main()`` in the
#: test process (conftest's ``main_in_process``): the same code path from the argument list to
#: the exit code, without a second of interpreter and Harper start-up each; a traceback there
#: is an exception that fails the test.
IN_A_CHILD = frozenset({
    "UTF-16 with BOM", "binary on stdin", "one bad draft among good ones",
    "symlink loop named on the command line", "--history file that does not exist",
    "broken pyproject.toml with [tool.sociable]", "--select of a code that does not exist",
    "--fix on a file that is not UTF-8", "explain of an unknown rule", "rule pack that is not YAML",
})


def run_case(case: Case, folder: Path,
             run: Callable[..., subprocess.CompletedProcess[bytes]] | None = None,
             ) -> subprocess.CompletedProcess[bytes]:
    for name, data in case.files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    if case.setup is not None:
        case.setup(folder)
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    env["SOCIABLE_CACHE_DIR"] = str(folder / ".cache")
    if run is not None:
        return run(case.args, cwd=folder, input=case.stdin or b"", env=env)
    return subprocess.run(
        [sys.executable, "-m", "sociable", *case.args], cwd=folder, input=case.stdin or b"",
        capture_output=True, env=env, timeout=120,
    )


@pytest.mark.parametrize("case", CASES, ids=[c.what for c in CASES])
def test_bad_input_does_what_the_table_says(case: Case, tmp_path: Path, seed_cache,
                                            main_in_process) -> None:
    seed_cache(tmp_path / ".cache")  # run_case's cache folder, started warm (conftest.py)
    result = run_case(case, tmp_path, None if case.what in IN_A_CHILD else main_in_process)
    stderr = result.stderr.decode("utf-8", "replace")
    assert "Traceback" not in stderr
    assert result.returncode == case.code, stderr
    if case.says:
        errors = [line for line in stderr.splitlines() if line.startswith("sociable: error:")]
        assert errors and case.says in errors[0], stderr
    elif case.code != 2:
        assert "error" not in stderr, stderr


def render() -> str:
    """The page, from :data:`CASES`."""
    rows = []
    for case in CASES:
        command = "sociable " + " ".join(
            f"'{a}'" if (" " in a or not a) else a for a in case.args
        )
        said = f"`{case.says}`" if case.says else "nothing"
        note = f"; {case.note}" if case.note else ""
        what = case.what.replace("|", "\\|")
        rows.append(f"| {what} | `{command}` | {case.code} | {said}{note} |")
    return "\n".join([
        "# Bad input and what sociable does with it",
        "",
        "Every row is a case in `tests/test_bad_input.py`, run on each test run: the exit code",
        "and the words of the error line are checked, and this page is compared with the list",
        "(regenerate it with `python tests/test_bad_input.py`). Errors are one line on stderr,",
        "`sociable: error: ...`, naming the file (and line, where there is one); the rest of",
        "the run goes on, and no input gives a traceback. Exit codes: 0 clean, 1 findings,",
        "2 usage, configuration, pack or input errors.",
        "",
        "| bad input | command | exit | error line contains |",
        "|---|---|---|---|",
        *rows,
        "",
        "## The language server",
        "",
        "Checked over stdio in `tests/test_lsp_robust.py`: malformed JSON, a message that is",
        "not JSON-RPC 2.0, params of the wrong shape, unknown methods and requests about a",
        "document that is neither open nor on disk each get an answer (a result, or a JSON-RPC",
        "error with a one-line message and no traceback), and nothing is shown to the user as",
        "a pop-up; the server's log (stderr) has the details.",
        "",
    ])


def test_the_child_cases_are_cases() -> None:
    assert {case.what for case in CASES} >= IN_A_CHILD


def test_the_page_is_up_to_date() -> None:
    assert DOC.is_file(), f"{DOC} is missing: run python tests/test_bad_input.py"
    assert DOC.read_text(encoding="utf-8") == render(), (
        "docs/bad-input.md is out of date: run python tests/test_bad_input.py"
    )


if __name__ == "__main__":
    DOC.write_text(render(), encoding="utf-8")
    with tempfile.TemporaryDirectory() as scratch:
        failed = [c.what for c in CASES if run_case(c, Path(tempfile.mkdtemp(dir=scratch))).returncode != c.code]
    print(f"wrote {DOC}" + (f"; these cases do not hold: {failed}" if failed else ""))
