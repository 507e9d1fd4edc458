"""``sociable init``: a starter configuration for a content repo, and the pre-commit snippet.

Writes a commented ``[tool.sociable]`` section at the end of ``pyproject.toml`` when the folder
has one (the rest of the file is left byte for byte as it was), otherwise creates
``sociable.toml``. An existing section is never replaced without ``--force``, because it holds
someone's decisions. Then prints the lines to add to ``.pre-commit-config.yaml``, since a content
repo usually has no pre-commit setup yet. The repository has no release tags, so the snippet
names the ``main`` branch and says to run ``pre-commit autoupdate``, which (with no tags to
find) pins ``rev`` to the latest commit's SHA.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Sequence
from pathlib import Path

REPO_URL = "https://github.com/sociable-lint/sociable"

#: The starter settings, written with the table prefix of the file they go into.
STARTER = """\
# sociable: lint outreach drafts. Every key: https://github.com/sociable-lint/sociable/blob/main/docs/configuration.md
[{table}]
# Files that are not drafts (globs relative to this file; folders cover what they hold).
extend-exclude = ["README.md", "CHANGELOG.md", "CONTRIBUTING.md", "LICENSE*"]
# All rules run by default; silence some by code or prefix (`sociable rules` lists them).
ignore = []
# The channel of drafts whose frontmatter names none (sets length limits and rules).
# channel = "linkedin-post"
# Messages already sent (folders or CSV/JSONL exports): new drafts must not repeat them.
# history = ["sent/"]
# Drafts compared with the checked ones for repetition; pre-commit's hook passes "." itself.
# compare-with = ["."]
# Where cached results live; `sociable clean` deletes it.
# cache-dir = ".sociable_cache"

[{table}.channels]
# "connect/**" = "linkedin-connect"
# "email/**" = "cold-email"

[{table}.per-file-ignores]
# "templates/**" = ["NP"]
"""

PRE_COMMIT_SNIPPET = """\
repos:
  - repo: {url}
    # No release is tagged yet: `pre-commit autoupdate` pins this to the latest commit's SHA.
    rev: main
    hooks:
      - id: sociable
      # or, to apply safe fixes and then report what is left:
      # - id: sociable-fix
"""

_HEADER = re.compile(r"^\s*\[\s*tool\s*\.\s*sociable\s*[\].]")
_ANY_HEADER = re.compile(r"^\s*\[")


class InitError(Exception):
    """Why the configuration could not be written; the message says what to do."""


def starter(table: str) -> str:
    return STARTER.format(table=table)


def _toml_loads(text: str) -> dict[str, object]:
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover
        import tomli as tomllib
    return tomllib.loads(text)


def _read(path: Path) -> str:
    try:
        return path.read_bytes().decode("utf-8")
    except OSError as exc:
        raise InitError(f"cannot read {path}: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise InitError(f"{path} is not UTF-8; save it as UTF-8 first") from None


def _has_section(text: str, path: Path) -> bool:
    try:
        data = _toml_loads(text)
    except Exception as exc:  # tomllib.TOMLDecodeError; the module is imported lazily
        raise InitError(f"{path} is not valid TOML ({exc}); fix it first") from None
    tool = data.get("tool")
    return isinstance(tool, dict) and "sociable" in tool


def _without_section(text: str) -> str:
    """``text`` minus every ``[tool.sociable...]`` table, up to the next other table."""
    kept: list[str] = []
    skipping = False
    for line in text.splitlines(keepends=True):
        if _HEADER.match(line):
            skipping = True
        elif _ANY_HEADER.match(line):
            skipping = False
        if not skipping:
            kept.append(line)
    # The starter's own comment line sits above its header: it goes with the section.
    intro = STARTER.splitlines()[0]
    while kept and (not kept[-1].strip() or kept[-1].strip() == intro):
        kept.pop()
    return "".join(kept)


def _newline(text: str) -> str:
    return "\r\n" if "\r\n" in text else "\n"


def write_pyproject(path: Path, force: bool) -> str:
    """Append the section to ``path`` (replacing it with ``force``); what was done, in words."""
    text = _read(path)
    replaced = False
    if _has_section(text, path):
        if not force:
            raise InitError(
                f"{path} already has a [tool.sociable] section; edit it, or run "
                "`sociable init --force` to replace it with the starter"
            )
        text = _without_section(text)
        if _has_section(text, path):
            raise InitError(
                f"{path} sets tool.sociable outside a [tool.sociable] table; "
                "remove it by hand, then run `sociable init` again"
            )
        replaced = True
    newline = _newline(text)
    if not text.strip() or text.endswith(newline * 2):
        separator = ""
    else:
        separator = newline if text.endswith(newline) else newline * 2
    # Only appended: whatever the file held stays as it was, comments and layout included.
    result = text + separator + starter("tool.sociable").replace("\n", newline)
    _check_loads(result, path)
    _write(path, result)
    return f"{'replaced' if replaced else 'added'} [tool.sociable] in {path}"


def write_own_file(path: Path, force: bool) -> str:
    """Create ``sociable.toml`` (overwrite it with ``force``)."""
    if path.exists() and not force:
        raise InitError(
            f"{path} already exists; edit it, or run `sociable init --force` to replace it"
        )
    # In sociable.toml the keys sit at the top level: drop the table header, keep the rest.
    body = starter("sociable").replace("[sociable]\n", "").replace("[sociable.", "[")
    _check_loads(body, path)
    existed = path.exists()
    _write(path, body)
    return f"{'replaced' if existed else 'wrote'} {path}"


def _check_loads(text: str, path: Path) -> None:
    """The starter must be a configuration sociable accepts; a bug here is ours, not the user's."""
    from sociable.config import parse_config

    data = _toml_loads(text)
    if path.name == "pyproject.toml":
        tool = data.get("tool")
        data = tool.get("sociable", {}) if isinstance(tool, dict) else {}
    parse_config(data, path)


def _write(path: Path, text: str) -> None:
    try:
        with path.open("w", encoding="utf-8", newline="") as handle:
            handle.write(text)
    except OSError as exc:
        raise InitError(f"cannot write {path}: {exc.strerror or exc}") from None


def build_parser() -> argparse.ArgumentParser:
    from sociable.faces.cli.parser import Parser

    parser = Parser(
        prog="sociable init",
        description="Write a starter [tool.sociable] configuration and print the pre-commit snippet.",
    )
    parser.add_argument("folder", nargs="?", default=".", help="the repository folder (default: .)")
    parser.add_argument("--force", action="store_true", help="replace an existing configuration")
    return parser


def main(argv: Sequence[str]) -> int:
    args = build_parser().parse_args(list(argv))
    folder = Path(args.folder)
    if not folder.is_dir():
        print(f"sociable: error: {folder}: no such folder", file=sys.stderr)
        return 2
    own, pyproject = folder / "sociable.toml", folder / "pyproject.toml"
    try:
        # sociable.toml wins over pyproject.toml when both exist (config.find_config).
        if pyproject.is_file() and not own.exists():
            done = write_pyproject(pyproject, args.force)
        else:
            done = write_own_file(own, args.force)
    except InitError as exc:
        print(f"sociable: error: {exc}", file=sys.stderr)
        return 2
    print(f"sociable: {done}")
    print(
        "\nAdd this to .pre-commit-config.yaml, then run `pre-commit autoupdate` (pins rev to a"
        " commit SHA)\nand `pre-commit install`:\n"
    )
    print(PRE_COMMIT_SNIPPET.format(url=REPO_URL), end="")
    return 0
