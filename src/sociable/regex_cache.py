"""Compiled regular expressions kept across runs, so a short run does not recompile them.

Compiling the rules' regular expressions (``re``'s parser and compiler are pure Python) is
most of what a one-draft run spends after start-up: about half a millisecond a pattern, and
the packs hold well over a hundred. ``re`` itself cannot persist compiled patterns, so this
module records what CPython's compiler produces for each pattern (the opcode list handed to
``_sre.compile``) in the cache folder and hands it straight to ``_sre.compile`` next time.

It relies on a CPython internal, so it is guarded everywhere: the cache file is keyed on the
interpreter's version and ``_sre.MAGIC``, a recorded pattern is only used when rebuilding it
succeeds, and on any surprise (another Python implementation, a changed signature) it falls
back to plain :func:`re.compile`. Results are identical either way: the same opcodes.
"""

from __future__ import annotations

import os
import pickle
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

try:  # CPython only
    import _sre

    if sys.version_info >= (3, 11):
        from re import _compiler, _parser
    else:  # pragma: no cover - Python 3.10
        import sre_compile as _compiler
        import sre_parse as _parser
    _TAG = f"{sys.implementation.cache_tag}-{_sre.MAGIC}-{'.'.join(map(str, sys.version_info[:3]))}"
except Exception:  # pragma: no cover - other interpreters
    _sre = None
    _TAG = ""

_entries: dict[tuple[str, int], Any] = {}
_loaded = False
_dirty = False
_path: Path | None = None
#: Keys this process looked up or recorded (kept at the next save, see :func:`save`).
_used: set[tuple[str, int]] = set()
#: key -> the save (generation) at which a run last used it, and the file's generation.
_last_used: dict[tuple[str, int], int] = {}
_generation = 0
#: An entry no run has used in this many saves is dropped: the file holds what recent runs
#: compiled, not every pattern any run ever did (it had grown to 400-585 KB, 8-11 ms to load).
KEEP_GENERATIONS = 12
_META = ("\0sociable:last-used", 0)


def configure(cache_dir: Path | None) -> None:
    """Use ``cache_dir`` for the recorded patterns (None: keep them in memory only)."""
    global _path, _loaded
    path = cache_dir / "regex" / f"{_TAG}.pickle" if cache_dir is not None and _TAG else None
    if path != _path:
        _path, _loaded = path, False


def _load() -> None:
    global _loaded, _entries, _last_used, _generation
    _loaded = True
    if _path is None:
        return
    try:
        with _path.open("rb") as handle:
            data = pickle.load(handle)
        if isinstance(data, dict):
            meta = data.pop(_META, None)
            if isinstance(meta, tuple) and len(meta) == 2:
                _generation, _last_used = meta
            _entries = {**data, **_entries}
    except Exception:  # missing or unreadable: start empty
        pass


def compile(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, from the recorded opcodes when there are any."""
    global _dirty
    if _sre is None:
        return re.compile(pattern, flags)
    if not _loaded:
        _load()
    key = (pattern, int(flags))
    _used.add(key)
    args = _entries.get(key)
    if args is not None:
        try:
            return _sre.compile(*args)
        except Exception:
            del _entries[key]
    regex = re.compile(pattern, flags)
    try:
        parsed = _parser.parse(pattern, flags)
        code = _compiler._code(parsed, flags)  # type: ignore[attr-defined]
        groupindex = dict(parsed.state.groupdict)
        indexgroup: list[str | None] = [None] * parsed.state.groups
        for name, index in groupindex.items():
            indexgroup[index] = name
        # Plain ints only: opcodes are int subclasses that do not pickle.
        args = (pattern, int(flags | parsed.state.flags), [int(op) for op in code],
                parsed.state.groups - 1, groupindex, tuple(indexgroup))
        rebuilt = _sre.compile(*args)
        if rebuilt.flags == regex.flags and rebuilt.groupindex == regex.groupindex:
            _entries[key] = args
            _dirty = True
    except Exception:  # an internal changed: plain re.compile it is, without recording
        pass
    return regex


class LazyPattern:
    """A module-level regex compiled on first use, through :func:`compile`.

    Importing a module then costs nothing for its patterns, and by first use the CLI or the
    language server has pointed the cache at its folder, so the opcodes come from there. On
    first use the compiled pattern's methods are copied onto the instance: every later call
    is one attribute lookup, as on a plain pattern (``__getattr__`` only runs for what is
    missing).
    """

    _METHODS = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split",
                "groups", "groupindex", "scanner")

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern
        self.flags = flags

    def compiled(self) -> re.Pattern[str]:
        regex = compile(self.pattern, self.flags)
        for name in self._METHODS:
            setattr(self, name, getattr(regex, name))
        self.flags = regex.flags  # as re reports them (with re.UNICODE)
        return regex

    def __getattr__(self, name: str) -> Any:
        if name not in self._METHODS:
            raise AttributeError(name)
        return getattr(self.compiled(), name)

    def __repr__(self) -> str:
        return f"regex_cache.lazy({self.pattern!r}, {self.flags!r})"


def lazy(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)`` for module level: compiled (or loaded) on first use."""
    return LazyPattern(pattern, flags)  # type: ignore[return-value]  # quacks like a Pattern


def derived(name: str, pattern: str, flags: int, compute: Callable[[str, int], Any]) -> Any:
    """``compute(pattern, flags)``, remembered across runs like the opcodes (for facts
    derived from parsing a pattern, such as its prefilter literals: parsing is the slow part)."""
    global _dirty
    if not _loaded:
        _load()
    key = (f"{name}:{pattern}", int(flags))
    _used.add(key)
    if key in _entries:
        return _entries[key]
    value = compute(pattern, flags)
    _entries[key] = value
    _dirty = _dirty or _path is not None
    return value


def save() -> None:
    """Write newly recorded patterns (atomically; a read-only cache costs speed only).

    Only a run that recorded something writes. It marks what it used with the file's next
    generation and drops entries no run has marked in :data:`KEEP_GENERATIONS` saves. A run
    that recorded nothing marks nothing, so an entry only it uses may be dropped after many
    other runs' saves; it is then compiled once more and kept again.
    """
    global _dirty, _generation
    if not _dirty or _path is None:
        return
    generation = _generation + 1
    last_used = {key: used for key, used in _last_used.items() if key in _entries}
    for key in _entries:
        last_used.setdefault(key, generation)  # recorded before generations were kept
    for key in _used:
        if key in _entries:
            last_used[key] = generation
    kept = {key: args for key, args in _entries.items()
            if last_used[key] > generation - KEEP_GENERATIONS}
    try:
        _path.parent.mkdir(parents=True, exist_ok=True)
        tmp = _path.parent / f"{_path.name}.{os.getpid()}.tmp"
        data: dict[Any, Any] = {**kept, _META: (generation, {k: last_used[k] for k in kept})}
        with tmp.open("wb") as handle:
            pickle.dump(data, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, _path)
        _dirty = False
        _generation = generation
        _last_used.clear()
        _last_used.update(data[_META][1])
        for key in [key for key in _entries if key not in kept]:
            del _entries[key]  # dropped from the file: not resurrected by a later save
    except OSError:
        pass
