"""Finding ``sociable`` entry points without importing :mod:`importlib.metadata`.

``importlib.metadata`` costs 20-40 ms to import and scan, more than linting a short draft.
Entry points live in ``*.dist-info/entry_points.txt`` (and ``*.egg-info/entry_points.txt``)
in the folders on ``sys.path``; reading the few that exist is a directory listing and a
handful of small reads. ``sociable plugins`` still uses :mod:`importlib.metadata` for
versions, where start-up time does not matter.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass


@dataclass(frozen=True)
class EntryPoint:
    name: str
    value: str  # "package.module" or "package.module:attribute"
    distribution: str

    def load(self) -> object:
        import importlib

        module_name, _, attribute = self.value.partition(":")
        target: object = importlib.import_module(module_name.strip())
        for part in filter(None, attribute.strip().split(".")):
            target = getattr(target, part)
        return target


def _section(text: str, group: str) -> list[tuple[str, str]]:
    found = []
    inside = False
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith(("#", ";")):
            continue
        if line.startswith("[") and line.endswith("]"):
            inside = line[1:-1].strip() == group
            continue
        if inside and "=" in line:
            name, _, value = line.partition("=")
            value = value.split("[", 1)[0].strip()  # drop "[extras]"
            found.append((name.strip(), value))
    return found


def entry_points(group: str, paths: list[str] | None = None) -> list[EntryPoint]:
    """Entry points of ``group`` from every distribution on ``paths`` (default ``sys.path``).

    The first distribution found for a name wins, as with ``importlib.metadata``.
    """
    result: list[EntryPoint] = []
    seen_dists: set[str] = set()
    for folder in paths if paths is not None else sys.path:
        try:
            names = os.listdir(folder or ".")
        except OSError:
            continue
        for entry in sorted(names):
            if not entry.endswith((".dist-info", ".egg-info")):
                continue
            dist = entry.rsplit(".", 1)[0].split("-")[0].lower().replace("_", "-")
            if dist in seen_dists:
                continue
            seen_dists.add(dist)
            path = os.path.join(folder or ".", entry, "entry_points.txt")
            try:
                with open(path, encoding="utf-8") as handle:
                    text = handle.read()
            except OSError:
                continue
            if f"[{group}]" not in text:
                continue
            result.extend(EntryPoint(name, value, dist) for name, value in _section(text, group))
    return result
