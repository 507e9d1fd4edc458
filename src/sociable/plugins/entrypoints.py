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

from sociable.records import Record, fill


class EntryPoint(Record):
    """One entry point of a distribution (frozen; a plain class: a dataclass costs
    start-up time, :mod:`sociable.records`)."""

    __slots__ = ("distribution", "name", "value")
    _frozen = True

    name: str
    value: str  # "package.module" or "package.module:attribute"
    distribution: str

    def __init__(self, name: str, value: str, distribution: str) -> None:
        fill(self, name=name, value=value, distribution=distribution)

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


def entry_points(group: str, paths: list[str] | None = None,
                 cache_dir: str | None = None) -> list[EntryPoint]:
    """Entry points of ``group`` from every distribution on ``paths`` (default ``sys.path``).

    The first distribution found for a name wins, as with ``importlib.metadata``. With
    ``cache_dir``, the answer is kept in ``<cache_dir>/plugins/`` under the modification time
    of every folder searched: installing or removing a distribution adds or removes a folder
    in one of them, which changes its time, so the next run searches again. Listing the
    folders (the standard library's among them) and reading every ``entry_points.txt`` was
    2-5 ms of each run.
    """
    folders = list(paths if paths is not None else sys.path)
    if cache_dir is None:
        return _search(group, folders)
    stamps = tuple((folder, _mtime(folder)) for folder in folders)
    store = os.path.join(cache_dir, "plugins", f"entry-points-{group}.pickle")
    found = _read(store, stamps)
    if found is None:
        found = _search(group, folders)
        _write(store, stamps, found)
    return found


def _mtime(folder: str) -> int:
    try:
        return os.stat(folder or ".").st_mtime_ns
    except OSError:
        return -1


def _read(store: str, stamps: tuple[tuple[str, int], ...]) -> list[EntryPoint] | None:
    import pickle

    try:
        with open(store, "rb") as handle:
            kept_stamps, rows = pickle.load(handle)
        if kept_stamps != stamps:
            return None
        return [EntryPoint(str(name), str(value), str(dist)) for name, value, dist in rows]
    except Exception:  # missing, stale or unreadable: search again
        return None


def _write(store: str, stamps: tuple[tuple[str, int], ...], found: list[EntryPoint]) -> None:
    import pickle

    rows = [(entry.name, entry.value, entry.distribution) for entry in found]
    try:
        os.makedirs(os.path.dirname(store), exist_ok=True)
        tmp = f"{store}.{os.getpid()}.tmp"
        with open(tmp, "wb") as handle:
            pickle.dump((stamps, rows), handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, store)
    except OSError:
        pass  # a read-only cache folder costs speed only


def _search(group: str, folders: list[str]) -> list[EntryPoint]:
    result: list[EntryPoint] = []
    seen_dists: set[str] = set()
    for folder in folders:
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
