"""Which files a run lints: folders walked, ``.gitignore`` and ``exclude`` respected.

Folders are walked recursively for every suffix a discovering reader claims. Hidden files and
folders (``.name``) are skipped, ``.gitignore`` files are honoured at every level (even outside
a git repository, as ruff does), ``exclude`` globs apply relative to the configuration's root,
and symlinked folders are followed at most once (no loops). A file named on the command line
is always linted, whatever the excludes say.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from sociable.globs import IgnoreRule, gitignored, matches_any, parse_gitignore


@dataclass(frozen=True)
class Target:
    path: Path
    explicit: bool


class MissingPath(Exception):
    pass


def relative_to(path: Path, root: Path) -> str:
    """POSIX path of ``path`` relative to ``root`` (or absolute if outside it)."""
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.resolve().as_posix()


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
    seen: set[Path] = set()
    for path in paths:
        if not path.exists():
            errors.append(f"{path}: no such file or folder")
            continue
        if path.is_file():
            resolved = path.resolve()
            if resolved not in seen:
                seen.add(resolved)
                targets.append(Target(path, explicit=True))
            continue
        for found in _walk(path, root, suffixes, exclude, respect_gitignore):
            resolved = found.resolve()
            if resolved not in seen:
                seen.add(resolved)
                targets.append(Target(found, explicit=False))
    return targets, errors


def _inherited_ignores(folder: Path) -> list[tuple[Path, list[IgnoreRule]]]:
    """``.gitignore`` files of the folders above ``folder``, up to the repository top."""
    found = []
    for parent in folder.resolve().parents:
        ignore_file = parent / ".gitignore"
        if ignore_file.is_file():
            found.append((parent, _read_ignore(ignore_file)))
        if (parent / ".git").exists():
            break
    return list(reversed(found))


def _read_ignore(path: Path) -> list[IgnoreRule]:
    try:
        return parse_gitignore(path.read_text(encoding="utf-8", errors="replace"))
    except OSError:
        return []


def _ignored(layers: list[tuple[Path, list[IgnoreRule]]], path: Path, is_dir: bool) -> bool:
    verdict = False
    for base, rules in layers:
        try:
            relative = path.relative_to(base).as_posix()
        except ValueError:
            continue
        decided = gitignored(rules, relative, is_dir)
        if decided is not None:
            verdict = decided
    return verdict


def _walk(
    top: Path, root: Path, suffixes: tuple[str, ...], exclude: Sequence[str], gitignore: bool
) -> Iterator[Path]:
    layers = _inherited_ignores(top) if gitignore else []
    visited: set[tuple[int, int]] = set()

    def walk(folder: Path, layers: list[tuple[Path, list[IgnoreRule]]]) -> Iterator[Path]:
        try:
            info = folder.stat()
        except OSError:
            return
        key = (info.st_dev, info.st_ino)
        if key in visited:
            return  # a symlink back to a folder already walked
        visited.add(key)
        if gitignore and (folder / ".gitignore").is_file():
            layers = [*layers, (folder.resolve(), _read_ignore(folder / ".gitignore"))]
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError:
            return
        for entry in entries:
            if entry.name.startswith("."):
                continue
            path = Path(entry.path)
            try:
                is_dir = entry.is_dir()
            except OSError:
                continue
            if matches_any(exclude, relative_to(path, root)) or matches_any(exclude, entry.name):
                continue
            if gitignore and _ignored(layers, path.resolve(), is_dir):
                continue
            if is_dir:
                yield from walk(path, layers)
            elif entry.name.lower().endswith(suffixes):
                yield path

    yield from walk(top, layers)
