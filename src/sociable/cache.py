"""Results of unchanged files, kept between runs, so a re-run only lints what changed.

A pre-commit run in a content repo compares the committed drafts with every draft in the repo,
so it reads thousands of files to change one: each file's :class:`~sociable.runner.FileOutcome`
(findings, suppressions, corpus signatures; not the decoded texts) is stored under
``<cache>/results/`` and reused while nothing it depends on has changed.

The key of an entry covers everything a file's outcome depends on:

* the file: its bytes, the path it is shown as, its path relative to the configuration's root,
  its channel and its per-file ignores (so changing ``channels`` or ``per-file-ignores`` in the
  configuration re-lints only the files it touches);
* the run: sociable's version, the size and modification time of sociable's own modules and of
  every module that defines a kind or a reader (a plugin upgrade or an edit in a checkout
  changes them), every selected rule's validated spec (so an edited pack, ``select`` or
  ``ignore`` invalidates), and the run-time settings kinds read (LanguageTool URL, language).

All entries of one run fingerprint live in one file, ``results/<fingerprint>.pickle``, read
once per run and written once at its end (a temporary file renamed into place), so concurrent
runs never see half a store; an unreadable store is all misses. One file per entry, each with
its own temporary file and rename, cost more CPU than linting short drafts. Outcomes that
carry problems (a rule timed out, a plugin kind raised) are not stored: those depend on the
machine's load or a server, not on the file. Drafts' findings are stored packed
(:class:`sociable.engine.PackedResult`), so a warm run unpickles one value per draft.

Beside the store, ``results/<fingerprint>.corpus`` keeps the last run's corpus findings under a
digest of every signature compared (:func:`sociable.engine.corpus_digest`): when nothing a
corpus rule reads has changed, a warm run reports them without comparing the drafts again. The folder holds a ``CACHEDIR.TAG`` (backup
tools skip it) and a ``.gitignore`` of ``*`` (git ignores it), as ruff's does.

``SOCIABLE_CACHE_STATS=1`` makes a run print ``sociable: cache: N hits, M misses`` to stderr.
"""

from __future__ import annotations

import contextlib
import os
import pickle
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from sociable import __version__
from sociable.digest import blake2b

if TYPE_CHECKING:
    from collections.abc import Mapping

    from sociable.config import Config
    from sociable.findings import Finding
    from sociable.pipeline import FileOutcome
    from sociable.readers.base import Reader
    from sociable.ruleset import RuleSet


class Job(Protocol):
    """What a run's cache entries are keyed on (``sociable.runner.Job`` has it)."""

    ruleset: RuleSet
    readers: Mapping[str, Reader]

#: Bumped when the layout of the store changes; old stores then simply miss.
FORMAT = 3  # 3: drafts' findings packed (sociable.engine.PackedResult)

CACHEDIR_TAG = (
    "Signature: 8a477f597d28d172789f06886806bc55\n"
    "# This file is a cache directory tag created by sociable.\n"
    "# For information about cache directory tags see https://bford.info/cachedir/\n"
)

#: Names a sociable cache folder may hold; ``sociable clean`` refuses to delete anything else.
CACHE_ENTRIES = frozenset({"CACHEDIR.TAG", ".gitignore", "packs", "plugins", "regex", "results"})


def code_stamps(kinds: Mapping[str, object], modules: Iterable[str]) -> list[str]:
    """Stamps of sociable's own modules, of the modules defining ``kinds`` (found without
    importing a kind registered by name) and of ``modules`` (see :mod:`sociable.code_stamps`)."""
    from sociable.code_stamps import module_stamp, package_stamps
    from sociable.kinds.lazy import kind_module

    outside = {kind_module(kinds, name) for name in kinds}  # type: ignore[arg-type]
    outside.update(modules)
    return package_stamps() + [
        module_stamp(name) for name in sorted(outside) if not name.startswith("sociable.")
    ]


def run_fingerprint(job: Job) -> bytes:
    """What every entry of a run shares: version, code, selected rules, kind settings."""
    from sociable.kinds.lazy import kind_identity

    ruleset = job.ruleset
    digest = blake2b(f"sociable {__version__} format {FORMAT}".encode(), digest_size=32)
    readers = {type(reader).__module__ for reader in job.readers.values()}
    for stamp in code_stamps(ruleset.kinds, readers):
        digest.update(stamp.encode() + b"\0")
    for name in sorted(ruleset.kinds):
        digest.update(f"kind {name}={kind_identity(ruleset.kinds, name)}\0".encode())
    for suffix in sorted(job.readers):
        reader = type(job.readers[suffix])
        digest.update(f"reader {suffix}={reader.__module__}.{reader.__qualname__}\0".encode())
    for code in sorted(ruleset.selected):
        # A spec is frozen plain data read from YAML, so its repr is stable between runs.
        digest.update(repr(ruleset.specs[code]).encode() + b"\0")
    for key in sorted(ruleset.settings):
        digest.update(f"setting {key}={ruleset.settings[key]!r}\0".encode())
    return digest.digest()


#: Entries kept per file (its latest bytes and settings, and a few before them).
VERSIONS_KEPT = 3
#: Store files of other runs (another rule selection, an older checkout) kept besides this one's.
KEEP_STORES = 8


class ResultCache:
    """The stored outcomes of one run's fingerprint: one file, read once, written once.

    A run loads its store (one pickle of ``key -> outcome``) on first use, before any workers
    start, so forked workers look entries up in memory. Outcomes linted in this run are
    handed back to the main process, which :meth:`put` records and :meth:`save` writes once
    at the end, to a temporary file renamed into place: concurrent runs never see half a store,
    and the last one to finish wins (the others' new entries cost only a re-lint later).
    """

    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        self.results = self.root / "results"
        self._fingerprint: bytes | None = None
        self._entries: dict[str, FileOutcome] | None = None  # the store as loaded
        self._fresh: dict[str, FileOutcome] = {}  # outcomes linted in this run

    def fingerprint(self, job: Job) -> bytes:
        if self._fingerprint is None:
            self._fingerprint = run_fingerprint(job)
        return self._fingerprint

    def use_fingerprint(self, fingerprint: bytes) -> None:
        """Fix the run's fingerprint (what :meth:`fingerprint` would compute from a job)."""
        if fingerprint != self._fingerprint:
            self._fingerprint, self._entries, self._fresh = fingerprint, None, {}

    def store(self) -> Path:
        """The file holding this run's entries: one per run fingerprint."""
        if self._fingerprint is None:
            raise RuntimeError("the cache's fingerprint is not set yet")
        return self.results / f"{self._fingerprint.hex()[:40]}.pickle"

    def key(
        self,
        data: bytes,
        display: str,
        relative: str,
        channel: str | None,
        ignores: Iterable[str],
        job: Job,
    ) -> str:
        """The entry name of one file's bytes as linted in this run."""
        digest = blake2b(self.fingerprint(job), digest_size=32)
        for part in (display, relative, channel or "", ",".join(ignores)):
            digest.update(part.encode("utf-8", "surrogateescape") + b"\0")
        digest.update(data)
        return digest.hexdigest()

    def entries(self) -> dict[str, FileOutcome]:
        """The stored entries, read on first use; a missing or unreadable store is empty."""
        if self._entries is None:
            self._entries = {}
            try:
                with self.store().open("rb") as handle:
                    stored = pickle.load(handle)
            except Exception:  # missing, truncated, from another version: lint again
                return self._entries
            if isinstance(stored, tuple) and len(stored) == 2 and stored[0] == FORMAT \
                    and isinstance(stored[1], dict):
                self._entries = stored[1]
        return self._entries

    def known_paths(self) -> set[str]:
        """Paths that have an entry (maybe of older bytes): a guess at what a run will hit."""
        return {outcome.path for outcome in self.entries().values()}

    def get(self, key: str) -> FileOutcome | None:
        """The stored outcome, or None when there is none (a miss, never an error)."""
        outcome = self._fresh.get(key) or self.entries().get(key)
        from sociable.pipeline import FileOutcome

        if not isinstance(outcome, FileOutcome):
            return None
        return outcome.replace(results=list(outcome.results), cached=True)

    def put(self, key: str, outcome: FileOutcome) -> None:
        """Record ``outcome`` (without texts) for :meth:`save`; nothing is written yet."""
        if outcome.cached or any(result.problems for result in outcome.results):
            return  # a timeout or a plugin's failure depends on the machine, not the file
        self._fresh[key] = outcome.replace(texts=[], cached=False)

    def save(self) -> None:
        """Write the store once: old entries and this run's, the few newest of each file. A read-only folder or an outcome that does not pickle costs only speed."""
        if not self._fresh or self._fingerprint is None:
            return
        merged = _newest_versions({**self.entries(), **self._fresh})
        target = self.store()
        tmp = target.with_name(f"{target.name}.{os.getpid()}.{os.urandom(4).hex()}.tmp")
        try:
            self.prepare()
            try:
                payload = pickle.dumps((FORMAT, merged), protocol=pickle.HIGHEST_PROTOCOL)
            except Exception:  # a plugin's signature that does not pickle: drop those entries
                merged = {key: outcome for key, outcome in merged.items() if _pickles(outcome)}
                payload = pickle.dumps((FORMAT, merged), protocol=pickle.HIGHEST_PROTOCOL)
            tmp.write_bytes(payload)
            os.replace(tmp, target)
        except Exception:  # unwritable folder
            with contextlib.suppress(OSError):
                tmp.unlink()
            return
        self._entries, self._fresh = merged, {}
        self._prune(target)

    def corpus_file(self) -> Path:
        """The corpus findings of this fingerprint's last run, next to its store."""
        return self.store().with_suffix(".corpus")

    def corpus_get(self, digest: bytes) -> dict[str, list[Finding]] | None:
        """The corpus findings stored under ``digest`` (of every signature compared), or None.

        A warm run of 100,000 unchanged drafts spent most of its time comparing them again;
        with the same signatures the comparison gives the same findings.
        """
        try:
            with self.corpus_file().open("rb") as handle:
                stored = pickle.load(handle)
        except Exception:  # missing, truncated, from another version: compare again
            return None
        if isinstance(stored, tuple) and len(stored) == 3 and stored[0] == FORMAT \
                and stored[1] == digest and isinstance(stored[2], dict):
            return stored[2]
        return None

    def corpus_put(self, digest: bytes, findings: dict[str, list[Finding]]) -> None:
        """Keep this run's corpus findings (only the last run's: one file per fingerprint)."""
        if self._fingerprint is None:
            return
        target = self.corpus_file()
        tmp = target.with_name(f"{target.name}.{os.getpid()}.{os.urandom(4).hex()}.tmp")
        try:
            self.prepare()
            tmp.write_bytes(pickle.dumps((FORMAT, digest, findings), protocol=pickle.HIGHEST_PROTOCOL))
            os.replace(tmp, target)
        except Exception:  # unwritable folder, a finding that does not pickle: only speed lost
            with contextlib.suppress(OSError):
                tmp.unlink()

    def _prune(self, current: Path) -> None:
        """Delete all but the newest few stores of other fingerprints (edits, other selections)."""
        try:
            others = [p for p in self.results.iterdir() if p != current and not p.name.startswith(current.stem)]
            others.sort(key=lambda p: p.stat().st_mtime_ns, reverse=True)
        except OSError:
            return
        for stale in others[KEEP_STORES:]:
            with contextlib.suppress(OSError):
                if stale.is_dir():  # entries of the one-file-per-entry layout before FORMAT 2
                    import shutil

                    shutil.rmtree(stale)
                else:
                    stale.unlink()

    def prepare(self) -> None:
        """Create the folder with its ``CACHEDIR.TAG`` and ``.gitignore``."""
        self.results.mkdir(parents=True, exist_ok=True)
        mark_cache_dir(self.root)

    def __getstate__(self) -> dict[str, object]:
        # Spawned workers (macOS, Windows) read the store themselves rather than receive it.
        return {"root": self.root, "results": self.results, "_fingerprint": self._fingerprint,
                "_entries": None, "_fresh": {}}


def _newest_versions(entries: dict[str, FileOutcome]) -> dict[str, FileOutcome]:
    """The last :data:`VERSIONS_KEPT` entries of each path, in their order: a file edited
    over and over does not grow the store, and switching a setting back still hits."""
    seen: dict[str, int] = {}
    kept = []
    for key, outcome in reversed(entries.items()):
        count = seen.get(outcome.path, 0)
        if count < VERSIONS_KEPT:
            seen[outcome.path] = count + 1
            kept.append((key, outcome))
    return dict(reversed(kept))


def _pickles(outcome: object) -> bool:
    try:
        pickle.dumps(outcome, protocol=pickle.HIGHEST_PROTOCOL)
    except Exception:
        return False
    return True


def mark_cache_dir(root: Path) -> None:
    """Write the tag and ignore files that tell backup tools and git to leave ``root`` alone."""
    for name, content in (("CACHEDIR.TAG", CACHEDIR_TAG), (".gitignore", "# Created by sociable.\n*\n")):
        path = root / name
        if not path.exists():
            with contextlib.suppress(OSError):
                path.write_text(content, encoding="utf-8")


def cache_root(config: Config, override: str | None = None) -> Path:
    """Where cached packs and results go: flag, env, config, else ``.sociable_cache``."""
    if override:
        return Path(override)
    env = os.environ.get("SOCIABLE_CACHE_DIR")
    if env:
        return Path(env)
    return config.cache_dir or (config.root / ".sociable_cache")


def open_cache(config: Config, override: str | None = None, enabled: bool = True) -> ResultCache | None:
    """The results cache of a run (None with ``--no-cache``), in the folder packs use too."""
    if not enabled:
        return None
    return ResultCache(cache_root(config, override))


def stats_line(hits: int, misses: int) -> str:
    def plural(n: int, word: str) -> str:
        return f"{n} {word}" if n == 1 else f"{n} {word}{'es' if word.endswith('s') else 's'}"

    return f"sociable: cache: {plural(hits, 'hit')}, {plural(misses, 'miss')}"
