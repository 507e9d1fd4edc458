"""Entry points found without importlib.metadata, and kept between runs until sys.path changes."""

from __future__ import annotations

import os
from pathlib import Path

from sociable.plugins.entrypoints import entry_points


def _distribution(site: Path, name: str, plugin: str) -> None:
    info = site / f"{name}-1.0.dist-info"
    info.mkdir()
    (info / "entry_points.txt").write_text(f"[sociable]\n{plugin} = {name}_plugin\n", encoding="utf-8")


def _bump(folder: Path) -> None:
    """Make sure a change shows in the folder's time even on a coarse clock."""
    stat = folder.stat()
    os.utime(folder, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))


def test_entry_points_are_kept_until_a_folder_changes(tmp_path: Path) -> None:
    site, cache = tmp_path / "site", tmp_path / "cache"
    site.mkdir()
    _distribution(site, "acme", "acme")
    paths = [str(site)]
    first = entry_points("sociable", paths, cache_dir=str(cache))
    assert [(e.name, e.value, e.distribution) for e in first] == [("acme", "acme_plugin", "acme")]
    assert (cache / "plugins").is_dir()
    # Unchanged folders: the kept answer is used (a hand edit inside a dist-info is not seen).
    (site / "acme-1.0.dist-info" / "entry_points.txt").write_text("[sociable]\n", encoding="utf-8")
    assert [e.name for e in entry_points("sociable", paths, cache_dir=str(cache))] == ["acme"]
    assert entry_points("sociable", paths) == []  # without a cache: searched afresh
    # Installing a distribution adds a folder: the folder's time changes, the search runs again.
    _distribution(site, "beta", "beta")
    _bump(site)
    found = entry_points("sociable", paths, cache_dir=str(cache))
    assert [e.name for e in found] == ["beta"]


def test_an_unreadable_kept_answer_is_searched_again(tmp_path: Path) -> None:
    site, cache = tmp_path / "site", tmp_path / "cache"
    site.mkdir()
    _distribution(site, "acme", "acme")
    entry_points("sociable", [str(site)], cache_dir=str(cache))
    (store,) = (cache / "plugins").iterdir()
    store.write_bytes(b"garbage")
    assert [e.name for e in entry_points("sociable", [str(site)], cache_dir=str(cache))] == ["acme"]
