"""Which files a run lints: folders walked, ``.gitignore`` and ``exclude`` respected.

Folders are walked recursively for every suffix a discovering reader claims. Hidden files and
folders (``.name``) are skipped, ``.gitignore`` files are honoured at every level (even outside
a git repository, as ruff does), ``exclude`` globs apply relative to the configuration's root,
and symlinked folders are followed at most once (no loops). A file named on the command line
is always linted, whatever the excludes say.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from sociable.globs import IgnoreRule, gitignored, matches_any, parse_gitignore
from sociable.records import Record, fill


class Target(Record):
    """A file to lint, and whether it was named on the command line (frozen; a plain record:
    a dataclass costs start-up time, :mod:`sociable.records`)."""

    __slots__ = ("explicit", "path")
    _frozen = True

    path: Path
    explicit: bool

    def __init__(self, path: Path, explicit: bool) -> None:
        fill(self, path=path, explicit=explicit)


class MissingPath(Exception):
    pass


def relative_to(path: Path, root: Path) -> str:
    """POSIX path of ``path`` relative to ``root`` (or absolute if outside it)."""
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.resolve().as_posix()


def _identity(path: Path) -> tuple[int, int]:
    """One file reached by two paths (a symlink) is linted once."""
    info = os.stat(path)
    return info.st_dev, info.st_ino


def discover(
    paths: Sequence[Path],
    *,
    root: Path,
    extensions: Iterable[str],
    exclude: Sequence[str],
    respect_gitignore: bool = True,
) -> tuple[list[Target], list[str]]:
    """Files to lint, in a stable order, and error messages for paths that do not exist."""
    suffixes = tuple(ext.lower() for ext in extensions)
    targets: list[Target] = []
    errors: list[str] = []
    seen: set[tuple[int, int]] = set()
    for path in paths:
        if not path.exists():
            errors.append(_missing(path))
            continue
        if path.is_file():
            identity = _identity(path)
            if identity not in seen:
                seen.add(identity)
                targets.append(Target(path, explicit=True))
            continue
        for found in _walk(path, root, suffixes, exclude, respect_gitignore):
            identity = _identity(found)
            if identity not in seen:
                seen.add(identity)
                targets.append(Target(found, explicit=False))
    return targets, errors


def _missing(path: Path) -> str:
    """Why a path named on the command line cannot be linted, in the user's terms."""
    try:
        os.stat(path)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return f"{path}: symbolic link loop (the link leads back to itself)"
        if path.is_symlink():
            return f"{path}: broken symbolic link (it points at {os.readlink(path)!r}, which does not exist)"
    return f"{path}: no such file or folder"


def _inherited_ignores(folder: str) -> list[tuple[str, list[IgnoreRule]]]:
    """``.gitignore`` files of the folders above ``folder``, up to the repository top."""
    found = []
    for parent in Path(folder).parents:
        ignore_file = parent / ".gitignore"
        if ignore_file.is_file():
            found.append((str(parent), _read_ignore(ignore_file)))
        if (parent / ".git").exists():
            break
    return list(reversed(found))


def _read_ignore(path: Path) -> list[IgnoreRule]:
    try:
        return parse_gitignore(path.read_text(encoding="utf-8", errors="replace"))
    except OSError:
        return []


def _ignored(layers: list[tuple[str, list[IgnoreRule]]], path: str, is_dir: bool) -> bool:
    verdict = False
    for base, rules in layers:
        prefix = base.rstrip(os.sep) + os.sep
        if not path.startswith(prefix):
            continue
        decided = gitignored(rules, path[len(prefix):].replace(os.sep, "/"), is_dir)
        if decided is not None:
            verdict = decided
    return verdict


def _walk(
    top: Path, root: Path, suffixes: tuple[str, ...], exclude: Sequence[str], gitignore: bool
) -> Iterator[Path]:
    """Files under ``top``. Paths are joined as strings, not resolved per entry: a folder of
    thousands of drafts is walked with one ``scandir`` per folder and no ``realpath`` per file."""
    top_abs = os.path.abspath(top)
    layers = _inherited_ignores(top_abs) if gitignore else []
    visited: set[tuple[int, int]] = set()
    top_relative = relative_to(top, root)
    top_relative = "" if top_relative == "." else top_relative

    def walk(
        folder: str, shown: str, relative: str, layers: list[tuple[str, list[IgnoreRule]]]
    ) -> Iterator[Path]:
        try:
            info = os.stat(folder)
        except OSError:
            return
        key = (info.st_dev, info.st_ino)
        if key in visited:
            return  # a symlink back to a folder already walked
        visited.add(key)
        ignore_file = os.path.join(folder, ".gitignore")
        if gitignore and os.path.isfile(ignore_file):
            layers = [*layers, (folder, _read_ignore(Path(ignore_file)))]
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError:
            return
        for entry in entries:
            name = entry.name
            if name.startswith("."):
                continue
            try:
                is_dir = entry.is_dir()
            except OSError:
                continue
            child_relative = f"{relative}/{name}" if relative else name
            if matches_any(exclude, child_relative) or matches_any(exclude, name):
                continue
            absolute = os.path.join(folder, name)
            if gitignore and _ignored(layers, absolute, is_dir):
                continue
            child_shown = os.path.join(shown, name)
            if is_dir:
                yield from walk(absolute, child_shown, child_relative, layers)
            elif name.lower().endswith(suffixes):
                yield Path(child_shown)

    yield from walk(top_abs, str(top), top_relative, layers)
