"""Configuration that cannot be used is an error naming the file and the line, exit 2.

Issue 15, items 1 and 6: a broken ``pyproject.toml`` is never skipped in favour of a parent's
configuration or the defaults; every config error points at its line; a typo in an ignore
list fails like one in a select list; a bad LanguageTool URL is a usage error; a symlink loop
named on the command line is called a loop.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from sociable.config import ConfigError, find_config, key_line, load_config, toml_error_line

# run_cli calls main() in this process (tests/conftest.py): the process boundary is not what these tests are about.
pytestmark = pytest.mark.cli_in_process

BAIT = "Great news today.\n\nLike this if you agree!\n"


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def one_error_line(stderr: str) -> str:
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert len(lines) == 1, stderr
    assert "Traceback" not in stderr
    return lines[0]


# --- item 1: a broken pyproject.toml ---------------------------------------------------------


def test_broken_pyproject_is_exit_2_naming_file_and_line(tmp_path: Path, run_cli) -> None:
    write(tmp_path / "pyproject.toml", '[project]\nname = "x"\n\n[tool.sociable]\nselect = ["GP"\n')
    write(tmp_path / "bait.md", BAIT)
    result = run_cli("check", "bait.md")
    assert result.returncode == 2
    line = one_error_line(result.stderr)
    assert "pyproject.toml:5: invalid TOML: Unclosed array" in line


def test_broken_pyproject_does_not_fall_back_to_the_parent(tmp_path: Path, run_cli) -> None:
    write(tmp_path / "sociable.toml", 'ignore = ["EB"]\n')
    write(tmp_path / "sub" / "pyproject.toml", "[tool.sociable]\nignore = [\n")
    write(tmp_path / "sub" / "bait.md", BAIT)
    assert find_config(tmp_path / "sub") == tmp_path / "sub" / "pyproject.toml"
    result = run_cli("check", "sub/bait.md")
    assert result.returncode == 2 and "sub/pyproject.toml:" in result.stderr


def test_someone_elses_broken_pyproject_is_passed_over(tmp_path: Path) -> None:
    # No [tool.sociable] table: a broken build file is the build tool's to report, not ours.
    write(tmp_path / "sociable.toml", "select = ['EB']\n")
    write(tmp_path / "sub" / "pyproject.toml", '[project]\ndescription = "a sociable app\n')
    assert find_config(tmp_path / "sub") == tmp_path / "sociable.toml"


def test_broken_sociable_toml_names_the_line(tmp_path: Path) -> None:
    path = write(tmp_path / "sociable.toml", 'select = ["EB"]\nignore = "GP\n')
    with pytest.raises(ConfigError, match=r"sociable\.toml:2: invalid TOML: "):
        load_config(path)


def test_end_of_document_error_points_at_the_last_line() -> None:
    assert toml_error_line("Unclosed array (at end of document)", "a\nb\nc = [\n") == (
        3, "Unclosed array"
    )
    assert toml_error_line("Bad (at line 7, column 2)", "") == (7, "Bad")
    assert toml_error_line("no position at all", "x") == (1, "no position at all")


def test_tool_sociable_that_is_not_a_table(tmp_path: Path) -> None:
    path = write(tmp_path / "pyproject.toml", '[project]\nname = "x"\n[tool]\nsociable = 3\n')
    with pytest.raises(ConfigError, match=r"pyproject\.toml:4: \[tool\.sociable\] must be a table"):
        load_config(path)


def test_config_path_that_is_a_folder(tmp_path: Path, run_cli) -> None:
    write(tmp_path / "a.md", BAIT)
    (tmp_path / "conf").mkdir()
    result = run_cli("check", "--config", "conf", "a.md")
    assert result.returncode == 2 and "is a folder" in one_error_line(result.stderr)


# --- item 6: every config error names its line -----------------------------------------------


@pytest.mark.parametrize(
    ("body", "line", "message"),
    [
        ('select = "EB"\n', 3, "'select' must be a list of rule codes or prefixes"),
        ('channel = "myspace"\n', 3, "unknown channel 'myspace'"),
        ("selct = []\n", 3, "unknown key 'selct' (did you mean 'select'?)"),
        ('exclude = [1]\n', 3, "'exclude' must be a list of text"),
        ("language = 3\n", 3, "'language' must be text"),
        ('per-file-ignores = 3\n', 3, "'per-file-ignores' must be a table"),
        ('\n[tool.sociable.per-file-ignores]\n"a/*.md" = 3\n', 5, "per-file-ignores 'a/*.md' must list"),
        ('\n[tool.sociable.channels]\n"notes/**" = "linkedin"\n', 5, "unknown channel 'linkedin'"),
    ],
)
def test_pyproject_errors_name_the_line(tmp_path: Path, body: str, line: int, message: str) -> None:
    path = write(tmp_path / "pyproject.toml", f'[project]\n[tool.sociable]\n{body}')
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    text = str(caught.value)
    assert text.startswith(f"{path}:{line}: [tool.sociable]"), text
    assert message in text


def test_sociable_toml_errors_name_the_line(tmp_path: Path) -> None:
    path = write(tmp_path / "sociable.toml", '# house rules\nselect = ["EB"]\n\nignore = "GP"\n')
    with pytest.raises(ConfigError, match=rf"^{path}:4: 'ignore' must be a list"):
        load_config(path)


def test_key_line_follows_tables_and_dotted_keys() -> None:
    text = (
        "[project]\n"
        'select = "not ours"\n'
        "[tool.sociable]\n"
        "ignore = []\n"
        "[tool]\n"
        "sociable.select = []\n"
        '[ tool . "sociable" . channels ]\n'
        '"x/*.md" = "dm"\n'
    )
    assert key_line(text, ("tool", "sociable"), "ignore") == 4
    assert key_line(text, ("tool", "sociable"), "select") == 6
    assert key_line(text, ("tool", "sociable", "channels"), "x/*.md") == 8
    assert key_line(text, ("tool", "sociable"), "missing") == 3  # falls back to the table
    assert key_line(text, ("nope",), "x") is None


# --- item 6: unknown codes in ignore lists ---------------------------------------------------


def test_unknown_code_in_ignore_flag_is_exit_2(tmp_path: Path, run_cli) -> None:
    write(tmp_path / "a.md", BAIT)
    result = run_cli("check", "--ignore", "EB101,ZZ999", "a.md")
    assert result.returncode == 2
    assert one_error_line(result.stderr).endswith(
        "--ignore: no rule matches ZZ999; see `sociable rules`"
    )
    assert result.stdout == ""


@pytest.mark.parametrize("key", ["ignore", "select", "extend-select"])
def test_unknown_code_in_config_is_exit_2_with_line(tmp_path: Path, run_cli, key: str) -> None:
    write(tmp_path / "sociable.toml", f'channel = "dm"\n{key} = ["EB", "ZZ999"]\n')
    write(tmp_path / "a.md", BAIT)
    result = run_cli("check", "a.md")
    assert result.returncode == 2
    line = one_error_line(result.stderr)
    assert f"sociable.toml:2: {key!r}: no rule matches ZZ999" in line


def test_unknown_code_in_per_file_ignores(tmp_path: Path, run_cli) -> None:
    write(tmp_path / "pyproject.toml", '[tool.sociable.per-file-ignores]\n"*.md" = ["ZZ1"]\n')
    write(tmp_path / "a.md", BAIT)
    result = run_cli("check", "a.md")
    assert result.returncode == 2 and "no rule matches ZZ1" in one_error_line(result.stderr)


def test_known_prefixes_in_ignore_still_work(tmp_path: Path, run_cli) -> None:
    write(tmp_path / "sociable.toml", 'ignore = ["EB1", "SX"]\n')
    write(tmp_path / "a.md", BAIT)
    result = run_cli("check", "a.md")
    assert (result.returncode, result.stderr) == (0, "")


# --- item 6: LanguageTool URL and symlink loops ----------------------------------------------


@pytest.mark.parametrize(
    "url", ["ftp://localhost:8081", "http://", "localhost:notaport", "http://host:99999", "a b"]
)
def test_invalid_languagetool_url_is_a_usage_error(tmp_path: Path, run_cli, url: str) -> None:
    write(tmp_path / "a.md", BAIT)
    result = run_cli("check", "--languagetool", url, "a.md")
    assert result.returncode == 2
    assert "--languagetool: invalid LanguageTool URL" in one_error_line(result.stderr)
    assert result.stdout == ""


def test_invalid_languagetool_url_in_config_names_the_line(tmp_path: Path) -> None:
    path = write(tmp_path / "sociable.toml", 'select = ["GR"]\nlanguagetool = "gopher://x"\n')
    with pytest.raises(ConfigError, match=r"sociable\.toml:2: languagetool: invalid LanguageTool"):
        load_config(path)


@pytest.mark.parametrize(
    "url", ["http://localhost:8081", "localhost:8081", "https://lt.example.org/v2", "127.0.0.1:8010"]
)
def test_valid_languagetool_urls_are_accepted(tmp_path: Path, url: str) -> None:
    path = write(tmp_path / "sociable.toml", f'languagetool = "{url}"\n')
    assert load_config(path).languagetool == url


def test_symlink_loop_named_on_the_command_line(tmp_path: Path, run_cli) -> None:
    os.symlink(tmp_path / "loop.md", tmp_path / "loop.md")
    write(tmp_path / "a.md", BAIT)
    result = run_cli("check", "loop.md", "a.md")
    assert result.returncode == 2
    line = one_error_line(result.stderr)
    assert line == "sociable: error: loop.md: symbolic link loop (the link leads back to itself)"
    assert "a.md:3:1: EB101" in result.stdout  # the rest of the run goes on


def test_broken_symlink_named_on_the_command_line(tmp_path: Path, run_cli) -> None:
    os.symlink(tmp_path / "gone.md", tmp_path / "link.md")
    result = run_cli("check", "link.md")
    assert result.returncode == 2
    assert "link.md: broken symbolic link" in one_error_line(result.stderr)
