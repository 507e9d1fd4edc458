"""The pack cache: validated rules, and what their kinds prepared from them, kept between runs.

A one-draft run must not parse YAML (about 0.3 s for the shipped packs) nor prepare its rules
from scratch: the ``shape`` kind's ``prepare`` parses every shape into elements and word
sets, 35-45 ms for the 27 shape rules a draft without a channel runs. So the first run keeps,
in ``<cache>/packs/<key>.pickle``:

* every validated :class:`~sociable.packs.schema.RuleSpec` (word classes linked in), and
* for the kinds that declare their preparation a pure function of the spec
  (:attr:`sociable.kinds.base.Kind.keeps_prepared`), each rule's prepared form, pickled on
  its own so a run unpickles only the rules it runs (:func:`loads_prepared`), and the
  rule's screen (:meth:`~sociable.kinds.base.Kind.screen`, :mod:`sociable.kinds.screens`),
  so a run does not even unpickle the form of a rule the draft gives nothing to find.

The key covers the pack files (path, size, modification time), sociable's version and the
size and time of every one of its source files, and each kind's name, class and (outside
sociable) module file, all without importing a kind registered by name: an edited kind or
pack is a miss, never a stale rule. Compiled regular expressions inside a prepared form are
stored as their source and flags and rebuilt through :mod:`sociable.regex_cache`. A cache
that cannot be read is a miss; one that cannot be written costs speed only.
"""

from __future__ import annotations

import gc
import io
import os
import pickle
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sociable import __version__
from sociable.records import Record

if TYPE_CHECKING:
    from sociable.kinds.base import Kind
    from sociable.packs.schema import RuleSpec

#: Bumped when what a cache file holds changes; old files then simply miss.
#: 4: each prepared form followed by its rule's screen; 3: an index pickle, then the prepared
#: forms' bytes; 2: (specs, prepared forms); 1: specs
FORMAT = 4

#: code -> (the spec it was prepared from, the pickled prepared form)
Kept = Mapping[str, tuple["RuleSpec", bytes]]

#: Bytes of the length of the index pickle at the start of a cache file.
_LENGTH = 8


#: Where a rule's parts lie in the forms' bytes: (spec, start, end, stop), the prepared form
#: in ``[start:end]`` and its screen pickled in ``[end:stop]`` (empty: the rule has none).
Place = tuple["RuleSpec", int, int, int]


class KeptForms(Mapping[str, tuple["RuleSpec", bytes]]):
    """The prepared forms of a cache file, cut out of its bytes only when a rule asks.

    A file holds all 106 shape rules' forms (1.4 MB); a one-draft run uses a few. Unpickling
    them all as ``bytes`` objects, to throw most away, was 1.5-5 ms of the run (a megabyte
    allocated and copied); now each costs a slice when :meth:`RuleSet.rule` asks for it, and
    each rule's screen (:meth:`screen`) is read on its own, before the form is wanted at all.
    """

    def __init__(self, blobs: bytes | memoryview, index: dict[str, Place]) -> None:
        self._blobs = blobs
        self._index = index

    def __getitem__(self, code: str) -> tuple[RuleSpec, bytes]:
        spec, start, end, _stop = self._index[code]
        return spec, bytes(self._blobs[start:end])

    def screen(self, code: str) -> tuple[RuleSpec, Any] | None:
        """The spec rule ``code`` was kept for and its screen; None when it has none."""
        place = self._index.get(code)
        if place is None or place[2] == place[3]:
            return None
        spec, _start, end, stop = place
        return spec, _loads(self._blobs[end:stop])

    def __iter__(self) -> Iterator[str]:
        return iter(self._index)

    def __len__(self) -> int:
        return len(self._index)

    def __reduce__(self) -> tuple[Any, ...]:  # to a worker: the forms' bytes, not the file's
        return (KeptForms, (bytes(self._blobs), self._index))


def cache_key(files: Sequence[Path], kinds: Mapping[str, Kind]) -> str:
    """The file name (without suffix) under which these packs, with these kinds, are kept."""
    from sociable.code_stamps import module_stamp, package_stamps
    from sociable.digest import blake2b
    from sociable.kinds.lazy import kind_identity, kind_module

    digest = blake2b(f"sociable {__version__} packs {FORMAT}".encode(), digest_size=20)
    for stamp in package_stamps():
        digest.update(stamp.encode() + b"\0")
    for name in sorted(kinds):
        digest.update(f"kind {name}={kind_identity(kinds, name)}\0".encode())
        module = kind_module(kinds, name)
        if not module.startswith("sociable."):  # sociable's own files are stamped above
            digest.update(module_stamp(module).encode() + b"\0")
    for path in files:
        stat = path.stat()  # follows a symlink: the size and time of what is read
        digest.update(f"{os.path.abspath(path)}:{stat.st_size}:{stat.st_mtime_ns}\0".encode())
    return digest.hexdigest()


def read(cache_file: Path) -> tuple[list[RuleSpec], Kept] | None:
    """The specs and prepared forms kept in ``cache_file``, or None (missing, stale, broken).

    The file is the length of an index pickle, the index (the specs, and where each prepared
    form lies in the rest), then the forms' bytes, so only the index is unpickled here.
    """
    try:
        view = _contents(cache_file)
        length = int.from_bytes(view[:_LENGTH], "little")
        specs, index = _loads(view[_LENGTH:_LENGTH + length])
        blobs = view[_LENGTH + length:]
    except Exception:  # missing, stale or unreadable: rebuild it
        return None
    if not isinstance(specs, list) or not isinstance(index, dict):
        return None
    if any(not (0 <= start <= end <= stop <= len(blobs)) for _, start, end, stop in index.values()):
        return None  # cut short
    return specs, KeptForms(blobs, index)


def _contents(cache_file: Path) -> memoryview:
    """The file's bytes, mapped rather than read where files are replaced by renaming.

    A run uses the index (a sixth of the file) and a few rules' forms; reading the whole
    file (4.8 MB) into a new ``bytes`` object made the kernel copy all of it into fresh
    pages, 2.6-3.7 ms of CPU of a one-draft run, where a mapping touches only the pages
    unpickled. Writers never change a cache file in place (:func:`write` renames a new
    one over it), so what is mapped cannot change under the run. On Windows a mapped file
    could not be renamed over or pruned by another run, so it is read there as before.
    """
    with cache_file.open("rb") as handle:
        if os.name != "posix":
            return memoryview(handle.read())
        import mmap

        # An empty file raises ValueError: a miss, like any unreadable file.
        return memoryview(mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ))


def write(cache_file: Path, specs: list[RuleSpec], kept: Kept) -> None:
    """Keep ``specs`` and ``kept`` (atomically: a temporary file renamed into place); the
    screens of a :class:`KeptForms` (as :func:`prepare_kept` makes it) go with their forms."""
    try:
        cache_file.parent.mkdir(parents=True, exist_ok=True)
        tmp = cache_file.with_suffix(f".{os.getpid()}.tmp")
        if isinstance(kept, KeptForms):
            index, blobs = kept._index, [bytes(kept._blobs)]
        else:
            index, blobs = _laid_out((code, spec, blob, b"") for code, (spec, blob) in kept.items())
        head = pickle.dumps((specs, index), protocol=pickle.HIGHEST_PROTOCOL)
        with tmp.open("wb") as handle:
            handle.write(len(head).to_bytes(_LENGTH, "little"))
            handle.write(head)
            handle.writelines(blobs)
        os.replace(tmp, cache_file)
    except (OSError, pickle.PicklingError):
        return  # a read-only cache folder costs speed, not correctness
    _prune(cache_file.parent, keep=cache_file)


#: Cache files kept besides the one just written (other pack sets, older checkouts).
KEEP_FILES = 4


def _prune(folder: Path, keep: Path) -> None:
    """Delete all but the newest :data:`KEEP_FILES` others: every edit of a pack (or, in a
    checkout, of the code) makes a new file of about a megabyte."""
    try:
        others = [p for p in folder.glob("*.pickle") if p != keep]
        others.sort(key=lambda p: p.stat().st_mtime_ns, reverse=True)
        for old in others[KEEP_FILES:]:
            old.unlink()
    except OSError:
        pass  # another run pruned first, or the folder is read-only


def _laid_out(parts: Iterable[tuple[str, RuleSpec, bytes, bytes]]) -> tuple[dict[str, Place], list[bytes]]:
    """Each rule's form and screen one after the other, and the index of where they lie."""
    index: dict[str, Place] = {}
    blobs: list[bytes] = []
    offset = 0
    for code, spec, blob, screen in parts:
        index[code] = (spec, offset, offset + len(blob), offset + len(blob) + len(screen))
        blobs += (blob, screen)
        offset += len(blob) + len(screen)
    return index, blobs


def prepare_kept(specs: Sequence[RuleSpec], kinds: Mapping[str, Kind]) -> KeptForms:
    """Each rule's prepared form, pickled, for the kinds that keep theirs, with its screen.

    A rule whose preparation fails or does not pickle is left out: it is prepared in the run,
    where its error is reported as it always was. A screen that fails or does not pickle is
    left out too (the rule is then checked on every draft).
    """
    parts: list[tuple[str, RuleSpec, bytes, bytes]] = []
    for spec in specs:
        kind = kinds.get(spec.kind)
        if kind is None or not getattr(kind, "keeps_prepared", False):
            continue
        try:
            prepared = kind.prepare(spec)
            blob = dumps_prepared(prepared)
        except Exception:  # prepared again in the run, which reports the error
            continue
        parts.append((spec.code, spec, blob, _screen_of(kind, spec, prepared)))
    index, blobs = _laid_out(parts)
    return KeptForms(b"".join(blobs), index)


def _screen_of(kind: Kind, spec: RuleSpec, prepared: Any) -> bytes:
    screen = getattr(kind, "screen", None)
    try:
        found = screen(spec, prepared) if screen is not None else None
        return b"" if found is None else pickle.dumps(found, protocol=pickle.HIGHEST_PROTOCOL)
    except Exception:  # no screen: the rule is checked on every draft
        return b""


class _Pickler(pickle.Pickler):
    """Compiled patterns go in as ``regex_cache.compile(pattern, flags)``: unpickling a plain
    ``re.Pattern`` runs ``re``'s pure-Python compiler again, the regex cache does not."""

    def reducer_override(self, obj: Any) -> Any:
        if isinstance(obj, re.Pattern):
            flags = obj.flags
            if isinstance(obj.pattern, str):
                flags &= ~re.UNICODE  # implied for text: the regex cache keys it without
            return (_compiled, (obj.pattern, flags))
        return NotImplemented


def _compiled(pattern: str, flags: int) -> re.Pattern[str]:
    from sociable import regex_cache

    return regex_cache.compile(pattern, flags)


def dumps_prepared(prepared: Any) -> bytes:
    """``prepared`` pickled, with equal immutable parts stored once (:func:`shared`)."""
    canonical = shared(prepared)
    buffer = io.BytesIO()
    _Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL).dump(canonical if canonical == prepared else prepared)
    return buffer.getvalue()


_ATOMS = (str, int, bool, float, bytes, type(None))


def shared(value: Any) -> Any:
    """``value`` with equal immutable parts made one object: frozen dataclass instances (and
    frozen :class:`~sociable.records.Record` ones with a ``__dict__``), tuples and frozensets
    of text. A shape rule repeats the same elements and word sets in
    many shapes; unpickling each once is a third less work (and memory) for the run.

    Parts are matched on their type and on their members' identity (or type and value for
    text and numbers), never on ``==`` alone, so ``1`` and ``True`` stay apart. Anything
    else (a mutable object, a compiled pattern) is kept as it is.
    """
    return _Sharing().canon(value)


class _Sharing:
    """One :func:`shared` call's memo. A class, not a closure that calls itself: such a
    closure is a reference cycle, and the CLI builds the pack cache with the cyclic collector
    paused and then freezes what is alive (``faces/cli/startup.py``), so every rule's memo (a
    copy of its whole prepared form, 85 MB for the shipped packs) stayed for the run."""

    def __init__(self) -> None:
        self.memo: dict[Any, Any] = {}

    @staticmethod
    def key_of(item: Any) -> Any:
        return (type(item), item) if type(item) in _ATOMS else id(item)

    def canon(self, item: Any) -> Any:
        memo, key_of = self.memo, self.key_of
        kind = type(item)
        if kind in _ATOMS:
            return item
        if kind is tuple:
            members = tuple(self.canon(member) for member in item)
            return memo.setdefault((tuple, tuple(key_of(m) for m in members)), members)
        if kind is frozenset:
            if all(type(member) is str for member in item):
                return memo.setdefault((frozenset, item), item)
            return item
        params = getattr(kind, "__dataclass_params__", None)
        frozen = params.frozen if params is not None else issubclass(kind, Record) and kind._frozen
        if not frozen or not hasattr(item, "__dict__"):
            return item
        state = {name: self.canon(field) for name, field in vars(item).items()}
        key = (kind, tuple((name, key_of(field)) for name, field in state.items()))
        found = memo.get(key)
        if found is None:
            found = object.__new__(kind)
            found.__dict__.update(state)  # frozen: only __setattr__ is closed
            memo[key] = found
        return found


def loads_prepared(blob: bytes | memoryview) -> Any:
    """A kept prepared form. Thousands of small frozen objects: the cyclic collector, which
    would walk them several times while they are built (and free nothing), waits."""
    return _loads(blob)


def _loads(data: bytes | memoryview) -> Any:
    paused = gc.isenabled()
    if paused:
        gc.disable()
    try:
        return pickle.loads(data)
    finally:
        if paused:
            gc.enable()
