"""The ``sociable`` command end to end, in temporary folders, as a user runs it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

# run_cli calls main() in this process (tests/conftest.py) except where a test is marked cli_process.
pytestmark = pytest.mark.cli_in_process

BAIT = "Great news today.\n\nLike this if you agree!\n"
CLEAN = "Hi Ana,\n\nYour PyCon talk on caching changed how we size our queues. How did you pick the TTLs?\n\nBest,\nSam\n"


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.cli_process  # exit codes of a real process
def test_findings_are_flake8_lines_and_exit_1(tmp_path: Path, run_cli) -> None:
    write(tmp_path, "drafts/bait.md", BAIT)
    write(tmp_path, "drafts/good.md", CLEAN)
    result = run_cli("check", "drafts")
    assert result.returncode == 1, result.stderr
    lines = [line for line in result.stdout.splitlines() if line.startswith("drafts/")]
    assert lines == [lines[0]] and lines[0].startswith("drafts/bait.md:3:1: EB101 ")
    # M counts drafts with findings (as ruff counts files), not drafts checked.
    assert result.stdout.splitlines()[-1].startswith("Found 1 finding in 1 draft")


def test_clean_run_exits_0_and_says_so(tmp_path: Path, run_cli) -> None:
    write(tmp_path, "good.md", CLEAN)
    result = run_cli("check", ".")
    assert (result.returncode, result.stdout, result.stderr) == (0, "All checks passed!\n", "")
    quiet = run_cli("check", "--quiet", ".")
    assert (quiet.returncode, quiet.stdout, quiet.stderr) == (0, "", "")


def test_bare_path_means_check_and_default_is_cwd(tmp_path: Path, run_cli) -> None:
    write(tmp_path, "bait.md", BAIT)
    assert run_cli("bait.md").returncode == 1
    assert run_cli("check").returncode == 1


def test_exit_zero_quiet_statistics(tmp_path: Path, run_cli) -> None:
    write(tmp_path, "a.md", BAIT)
    write(tmp_path, "b.md", "Tag a friend who needs this. Like this if you agree.\n")
    result = run_cli("check", "--exit-zero", "--quiet", "--statistics", ".")
    assert result.returncode == 0
    assert "Found" not in result.stdout
    stats = [line for line in result.stdout.splitlines() if not line.startswith(("a.md", "b.md"))]
    assert stats[0].split()[:2] == ["2", "EB101"]


def test_show_source_points_at_the_match(tmp_path: Path, run_cli) -> None:
    write(tmp_path, "a.md", "Intro line.\nSo true. Like this if you agree!\n")
    result = run_cli("check", "--show-source", "--no-color", "a.md")
    out = result.stdout.splitlines()
    index = next(i for i, line in enumerate(out) if line.startswith("a.md:2:10:"))
    assert out[index + 1].endswith("| So true. Like this if you agree!")
    caret_line = out[index + 2]
    assert caret_line.index("^") == out[index + 1].index("Like")


@pytest.mark.cli_process  # a real process's stdin
def test_stdin_with_filename_and_channel_from_frontmatter(run_cli) -> None:
    text = "---\nchannel: linkedin-dm\n---\nHi there,\nI saw your post.\n"
    result = run_cli("check", "--stdin-filename", "notes/dm.md", "-", stdin=text)
    assert result.returncode == 1
    assert "notes/dm.md:4:1: NP101" in result.stdout


def test_color_only_when_forced_and_never_with_no_color(tmp_path: Path, run_cli) -> None:
    write(tmp_path, "a.md", BAIT)
    assert "\x1b[" not in run_cli("check", "a.md").stdout  # piped: no colour
    assert "\x1b[" in run_cli("check", "--color", "a.md").stdout
    assert "\x1b[" not in run_cli("check", "a.md", env={"NO_COLOR": "1", "FORCE_COLOR": ""}).stdout


def test_select_ignore_and_prefixes(tmp_path: Path, run_cli) -> None:
    write(tmp_path, "a.md", "Tag a friend who needs this. Like this if you agree.\n")
    codes = lambda result: {line.split()[1] for line in result.stdout.splitlines() if line.startswith("a.md")}  # noqa: E731
    assert codes(run_cli("check", "a.md")) == {"EB101", "EB103"}
    assert codes(run_cli("check", "--select", "EB103", "a.md")) == {"EB103"}
    assert codes(run_cli("check", "--ignore", "EB1", "a.md")) == set()
    assert codes(run_cli("check", "--select", "EB", "--ignore", "EB101", "a.md")) == {"EB103"}
    bad = run_cli("check", "--select", "ZZ999", "a.md")
    assert bad.returncode == 2 and "no rule matches ZZ999" in bad.stderr


def test_config_in_pyproject_and_cli_override(tmp_path: Path, run_cli) -> None:
    write(tmp_path, "pyproject.toml", '[tool.sociable]\nignore = ["EB101"]\nchannel = "linkedin-dm"\n')
    write(tmp_path, "a.md", "Hi there,\nLike this if you agree.\n")
    result = run_cli("check", "a.md")
    assert "EB101" not in result.stdout and "NP101" in result.stdout
    result = run_cli("check", "--channel", "linkedin-post", "a.md")
    assert "NP101" not in result.stdout  # generic salutation only matters in messages
    isolated = run_cli("check", "--isolated", "a.md")
    assert "EB101" in isolated.stdout


def test_sociable_toml_beats_pyproject_and_channels_globs(tmp_path: Path, run_cli) -> None:
    write(tmp_path, "pyproject.toml", '[tool.sociable]\nselect = ["EB"]\n')
    write(tmp_path, "sociable.toml", 'select = ["NP"]\n[channels]\n"dms/**" = "linkedin-dm"\n')
    write(tmp_path, "dms/a.md", "Hi there,\nLike this if you agree.\n")
    write(tmp_path, "posts/a.md", "Hi there,\nLike this if you agree.\n")
    result = run_cli("check", ".")
    assert "dms/a.md:1:1: NP101" in result.stdout
    assert "posts/a.md" not in result.stdout and "EB101" not in result.stdout


def test_per_file_ignores(tmp_path: Path, run_cli) -> None:
    write(tmp_path, "sociable.toml", '[per-file-ignores]\n"examples/*" = ["EB"]\n')
    write(tmp_path, "examples/a.md", BAIT)
    write(tmp_path, "drafts/a.md", BAIT)
    result = run_cli("check", "--select", "EB", ".")
    assert "drafts/a.md:3:1: EB101" in result.stdout and "examples/a.md" not in result.stdout


def test_bad_config_is_exit_2_with_hint(tmp_path: Path, run_cli) -> None:
    write(tmp_path, "sociable.toml", 'selct = ["EB"]\n')
    write(tmp_path, "a.md", BAIT)
    result = run_cli("check", "a.md")
    assert result.returncode == 2
    assert "unknown key 'selct' (did you mean 'select'?)" in result.stderr
    assert "Traceback" not in result.stderr
    write(tmp_path, "sociable.toml", 'channel = "myspace"\n')
    assert "unknown channel 'myspace'" in run_cli("check", "a.md").stderr


@pytest.mark.cli_process  # exit codes of a real process
def test_usage_error_is_exit_2(run_cli) -> None:
    result = run_cli("check", "--no-such-flag")
    assert result.returncode == 2 and "unrecognized arguments" in result.stderr


def test_bad_input_is_reported_and_the_run_goes_on(tmp_path: Path, run_cli) -> None:
    (tmp_path / "latin1.txt").write_bytes("Caf\xe9 au lait\n".encode("latin-1"))
    write(tmp_path, "frontmatter.md", "---\nchannel: [oops\n---\nHi\n")
    write(tmp_path, "bait.md", BAIT)
    result = run_cli("check", ".")
    assert result.returncode == 2
    assert "latin1.txt:1: not valid UTF-8" in result.stderr
    assert "frontmatter.md: invalid YAML frontmatter" in result.stderr
    assert "bait.md:3:1: EB101" in result.stdout  # the rest of the run went on
    assert "Traceback" not in result.stderr
    missing = run_cli("check", "nope.md")
    assert missing.returncode == 2 and "nope.md: no such file or folder" in missing.stderr


def test_utf16_and_bom_files_are_read(tmp_path: Path, run_cli) -> None:
    (tmp_path / "u16.txt").write_bytes(BAIT.encode("utf-16"))
    (tmp_path / "bom.md").write_bytes(b"\xef\xbb\xbf" + BAIT.encode())
    result = run_cli("check", ".")
    assert "u16.txt:3:1: EB101" in result.stdout
    assert "bom.md:3:1: EB101" in result.stdout


def test_output_order_is_path_line_column(tmp_path: Path, run_cli) -> None:
    write(tmp_path, "b.md", BAIT)
    write(tmp_path, "a.md", "Like this if you agree.\n\nTag a friend who knows.\n")
    result = run_cli("check", "--quiet", ".")
    keys = [line.split(":")[:3] for line in result.stdout.splitlines()]
    assert keys == sorted(keys, key=lambda k: (k[0], int(k[1]), int(k[2])))
    assert [k[0] for k in keys] == ["a.md", "a.md", "b.md"]


def test_version_rules_explain_plugins(run_cli) -> None:
    version = run_cli("--version")
    assert version.returncode == 0 and version.stdout.startswith("sociable ")
    rules = json.loads(run_cli("rules", "--format", "json").stdout)
    row = next(r for r in rules if r["code"] == "EB101")
    assert {"code", "name", "category", "severity", "pack", "summary"} <= set(row)
    assert row["category"] == "engagement-bait"
    markdown = run_cli("rules", "--format", "markdown").stdout
    assert markdown.startswith("| code | name |") and "EB101" in markdown
    explained = run_cli("explain", "eb101").stdout
    assert "## What it does" in explained and "## Why is this bad?" in explained
    assert "## Example" in explained and "Use instead:" in explained
    unknown = run_cli("explain", "EB1O1")
    assert unknown.returncode == 2 and "Did you mean EB101" in unknown.stderr
    assert run_cli("plugins").stdout.startswith("builtin")


def test_process_pool_gives_the_same_findings_as_one_process(tmp_path: Path, run_cli) -> None:
    for index in range(80):
        text = BAIT if index % 3 == 0 else CLEAN.replace("Ana", f"Ana{index}")
        write(tmp_path, f"d/{index:03}.md", text)
    serial = run_cli("check", "--jobs", "1", "--no-cache", "d")
    parallel = run_cli("check", "--jobs", "2", "--no-cache", "d")
    assert serial.returncode == parallel.returncode == 1
    assert serial.stdout == parallel.stdout
    assert serial.stdout.count(": EB101 ") == 27
