"""Files in, draft results out: reading, decoding and linting many files, in parallel.

This is the piece between discovery and :func:`sociable.pipeline.finish_run`. Each file is one
unit of work: decode, then :func:`sociable.pipeline.lint_source` (reader, channel, ignores,
lint), with the results cache in front. Units run in a process pool when there are many; a
short run stays in-process, which is faster than starting workers. Bad input (undecodable
bytes, broken frontmatter) becomes an error message for that file and the run goes on.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from sociable.config import Config
from sociable.decisions import channel_for, per_file_ignores
from sociable.pipeline import FileOutcome, Source, lint_source, reader_for
from sociable.readers.base import Reader
from sociable.readers.decoding import InputError, decode
from sociable.ruleset import RuleSet

if TYPE_CHECKING:
    from sociable.cache import ResultCache

__all__ = [
    "FileOutcome", "InputError", "Job", "channel_for", "decode", "lint_path", "lint_text",
    "per_file_ignores", "reader_for", "relative_path", "run",
]

PARALLEL_THRESHOLD = 48  # files; below this, worker start-up costs more than it saves


@dataclass
class Job:
    """Everything a worker needs; inherited by forked workers, pickled otherwise."""

    ruleset: RuleSet
    readers: Mapping[str, Reader]
    config: Config
    keep_text: bool = False
    #: Results of unchanged files (``sociable.cache``); None with ``--no-cache``.
    cache: ResultCache | None = None


_JOB: Job | None = None


def _init_worker(job: Job) -> None:
    global _JOB
    _JOB = job


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


def cached_outcome(path: str, job: Job) -> FileOutcome | None:
    """The stored outcome of ``path`` when its entry is current; None on a miss or read error."""
    if job.cache is None or job.keep_text:  # texts are not cached: --fix needs them afresh
        return None
    try:
        data = Path(path).read_bytes()
    except OSError:
        return None
    outcome = job.cache.get(_cache_key(path, data, relative_path(path, job.config.root), job))
    if outcome is not None:
        outcome.cached = True
    return outcome


def lint_path(path: str) -> FileOutcome:
    assert _JOB is not None, "worker not initialised"
    job = _JOB
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        return FileOutcome(path, error=f"{path}: cannot read: {exc.strerror or exc}")
    relative = relative_path(path, job.config.root)
    key = None
    if job.cache is not None:
        key = _cache_key(path, data, relative, job)
        cached = None if job.keep_text else job.cache.get(key)
        if cached is not None:
            cached.cached = True
            return cached
    try:
        text = decode(data, path)
    except InputError as exc:
        return FileOutcome(path, error=str(exc))
    outcome = lint_text(text, path, job, relative)
    if key is not None and job.cache is not None:
        job.cache.put(key, outcome)
    return outcome


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
    if job.cache is not None and not job.keep_text and len(paths) >= PARALLEL_THRESHOLD:
        # Reading a hit here costs what receiving it from a worker would, so only the misses
        # go to the pool (or stay in-process when few): a re-run starts no workers at all.
        found = [cached_outcome(path, job) for path in paths]
        missing = [path for path, outcome in zip(paths, found, strict=True) if outcome is None]
        fresh = _lint_all(missing, job, jobs, progress)
        for outcome in found:
            yield outcome if outcome is not None else next(fresh)
        for _ in fresh:  # let the pool, if any, shut down here rather than when collected
            pass
        return
    yield from _lint_all(paths, job, jobs, progress)


def _lint_all(
    paths: Sequence[str],
    job: Job,
    jobs: int | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> Iterator[FileOutcome]:
    workers = jobs or os.cpu_count() or 1
    if len(paths) < PARALLEL_THRESHOLD or workers <= 1:
        for index, path in enumerate(paths, 1):
            yield lint_path(path)
            if progress:
                progress(index, len(paths))
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    method = "fork" if sys.platform.startswith("linux") else None
    context = multiprocessing.get_context(method)
    chunk = max(1, min(64, len(paths) // (workers * 8)))
    with ProcessPoolExecutor(workers, mp_context=context, initializer=_init_worker, initargs=(job,)) as pool:
        for index, outcome in enumerate(pool.map(lint_path, paths, chunksize=chunk), 1):
            yield outcome
            if progress and (index % 50 == 0 or index == len(paths)):
                progress(index, len(paths))
