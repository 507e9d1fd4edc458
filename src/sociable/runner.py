"""Files in, draft results out: reading, decoding and linting many files, in parallel.

This is the piece between discovery and :func:`sociable.pipeline.finish_run`. Each file is one
unit of work: decode, then :func:`sociable.pipeline.lint_source` (reader, channel, ignores,
lint), with the results cache in front. Units run in a process pool when there are many; a
short run stays in-process, which is faster than starting workers. Bad input (undecodable
bytes, broken frontmatter) becomes an error message for that file and the run goes on.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from sociable import allocator
from sociable.config import Config
from sociable.decisions import channel_for, per_file_ignores
from sociable.pipeline import FileOutcome, Source, lint_source, reader_for
from sociable.readers.base import Reader
from sociable.readers.decoding import InputError, decode
from sociable.records import Record
from sociable.ruleset import RuleSet

if TYPE_CHECKING:
    from sociable.cache import ResultCache
    from sociable.kinds.base import Rule

__all__ = [
    "FileOutcome", "InputError", "Job", "channel_for", "decode", "lint_text",
    "per_file_ignores", "reader_for", "relative_path", "run",
]

PARALLEL_THRESHOLD = 48  # files; below this, worker start-up costs more than it saves


class Job(Record):
    """Everything a worker needs; inherited by forked workers, pickled otherwise."""

    ruleset: RuleSet
    readers: Mapping[str, Reader]
    config: Config
    keep_text: bool
    #: Results of unchanged files (``sociable.cache``); None with ``--no-cache``.
    cache: ResultCache | None

    def __init__(self, ruleset: RuleSet, readers: Mapping[str, Reader], config: Config,
                 keep_text: bool = False, cache: ResultCache | None = None) -> None:
        self.ruleset = ruleset
        self.readers = readers
        self.config = config
        self.keep_text = keep_text
        self.cache = cache


_JOB: Job | None = None


def _init_worker(job: Job) -> None:
    global _JOB
    _JOB = job


def _start_worker(job: Job, warm_for: int) -> None:
    """A worker: the job, and when it was spawned (macOS, Windows) and so inherited nothing,
    what :func:`warm` loads (``warm_for`` drafts; 0 for a forked worker, already warm)."""
    _init_worker(job)
    if warm_for:
        warm(job.ruleset, warm_for)


def warm(ruleset: RuleSet, drafts: int, codes: Iterable[str] | None = None) -> None:
    """Prepare every selected rule and let each kind load what its rules load on first use
    (:meth:`Kind.warm`: the readability dictionaries), once, in the process that forks the
    workers: each worker did all of it again (about 0.4 s of CPU a worker). A failure here is
    left for the worker that meets it, which reports it as before. ``codes``: only these
    rules (the language server warms the corpus rules, which run on every draft anyway)."""
    from collections import defaultdict

    by_kind: dict[str, list[Rule]] = defaultdict(list)
    for code in ruleset.selected if codes is None else codes:
        try:
            rule = ruleset.rule(code)
        except Exception:
            continue
        by_kind[rule.spec.kind].append(rule)
    for rules in by_kind.values():
        try:
            rules[0].kind.warm(rules, drafts)
        except Exception:
            continue
    # The document model's own first use (the YAML loader for frontmatter, its patterns).
    from sociable.document import Document

    with contextlib.suppress(Exception):
        Document.from_text("---\nchannel: linkedin-post\n---\nHi Ana,\n\nA line.\n", "-")


def lint_text(text: str, display: str, job: Job, relative: str | None = None) -> FileOutcome:
    """One decoded file (or stdin) through :func:`sociable.pipeline.lint_source`."""
    return lint_source(
        Source(text, display, relative), job.ruleset, job.readers, job.config,
        keep_text=job.keep_text,
    )


@lru_cache(maxsize=1024)
def _real_folder(folder: str) -> str:
    return os.path.realpath(folder)


def relative_path(path: str, root: Path) -> str:
    """What ``discover.relative_to`` returns, for every file of a run: each folder is resolved
    once and only the file itself is checked for a symlink, instead of every part per file."""
    if ".." in Path(path).parts:  # a symlink before ".." decides where it leads: resolve all
        real = os.path.realpath(path)
    else:
        folder, name = os.path.split(os.path.abspath(path))
        real = os.path.join(_real_folder(folder), name)
        if os.path.islink(real):
            real = os.path.realpath(real)
    top = _real_folder(str(root))
    prefix = top if top.endswith(os.sep) else top + os.sep
    if real.startswith(prefix):
        return Path(real[len(prefix):]).as_posix()
    try:
        return Path(real).relative_to(top).as_posix()
    except ValueError:
        return Path(real).as_posix()


def _cache_key(path: str, data: bytes, relative: str, job: Job) -> str:
    assert job.cache is not None
    return job.cache.key(
        data, path, relative, channel_for(relative, job.config),
        per_file_ignores(relative, job.config), job,
    )


def lint_path_keyed(path: str) -> tuple[FileOutcome, str | None]:
    """The outcome of one file and its results-cache key (None without a cache).

    Workers only read the cache (inherited or loaded once); the key goes back with a fresh
    outcome so that the main process records it and writes the store once per run.
    """
    assert _JOB is not None, "worker not initialised"
    job = _JOB
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        return FileOutcome(path, error=f"{path}: cannot read: {exc.strerror or exc}"), None
    relative = relative_path(path, job.config.root)
    key = None
    if job.cache is not None:
        key = _cache_key(path, data, relative, job)
        cached = None if job.keep_text else job.cache.get(key)
        if cached is not None:
            return cached, key
    if len(data) >= allocator.HUGE:
        # Before the bytes are freed: that free would move every later block under 20 MB
        # into the heap, where the growing token columns fragment it (sociable.allocator).
        allocator.map_big_blocks()
    try:
        text = decode(data, path)
    except InputError as exc:
        return FileOutcome(path, error=str(exc)), None
    # Decoded once; the bytes are not needed again (the key is made), and on a 20 MB draft
    # they were 20 MB held while every rule ran.
    del data
    outcome = lint_text(text, path, job, relative)
    # Packed here, in the worker: what crosses to the main process, waits there for the corpus
    # step and goes into the results cache is one compressed value per draft.
    outcome.results = [result.packed() for result in outcome.results]
    return outcome, key


def run(
    paths: Sequence[str],
    job: Job,
    jobs: int | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> Iterator[FileOutcome]:
    """Lint ``paths``, yielding outcomes in input order."""
    if job.cache is None or not os.environ.get("SOCIABLE_CACHE_STATS"):
        yield from _run(paths, job, jobs, progress)
        return
    hits = misses = 0
    for outcome in _run(paths, job, jobs, progress):
        hits, misses = hits + outcome.cached, misses + (not outcome.cached)
        yield outcome
    from sociable.cache import stats_line

    sys.stderr.write(stats_line(hits, misses) + "\n")


def _run(
    paths: Sequence[str],
    job: Job,
    jobs: int | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> Iterator[FileOutcome]:
    _init_worker(job)
    cache = job.cache
    if cache is None:
        yield from (outcome for outcome, _key in _lint_all_keyed(paths, job, jobs, progress))
        return
    cache.fingerprint(job)
    if not job.keep_text:
        # Loaded here, before any fork, so workers look entries up in memory. When nearly
        # every file has an entry (a re-run), the hits are cheaper read in-process than
        # received from workers: start none.
        known = cache.known_paths()
        if sum(path not in known for path in paths) < PARALLEL_THRESHOLD:
            jobs = 1
    for outcome, key in _lint_all_keyed(paths, job, jobs, progress):
        if key is not None:
            cache.put(key, outcome)
        yield outcome
    cache.save()


def _lint_all_keyed(
    paths: Sequence[str],
    job: Job,
    jobs: int | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> Iterator[tuple[FileOutcome, str | None]]:
    workers = jobs or os.cpu_count() or 1
    if len(paths) < PARALLEL_THRESHOLD or workers <= 1:
        for index, path in enumerate(paths, 1):
            yield lint_path_keyed(path)
            if progress:
                progress(index, len(paths))
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    method = "fork" if sys.platform.startswith("linux") else None
    context = multiprocessing.get_context(method)
    forked = context.get_start_method() == "fork"
    if forked:
        warm(job.ruleset, len(paths))  # the workers inherit it
    chunk = max(1, min(64, len(paths) // (workers * 8)))
    # A forked worker only needs the job in its global; a spawned one warms itself too.
    with ProcessPoolExecutor(
        workers, mp_context=context, initializer=_start_worker, initargs=(job, 0 if forked else len(paths)),
    ) as pool:
        for index, keyed in enumerate(pool.map(lint_path_keyed, paths, chunksize=chunk), 1):
            yield keyed
            if progress and (index % 50 == 0 or index == len(paths)):
                progress(index, len(paths))
