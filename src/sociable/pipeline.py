"""One pipeline from a source to its results: reader, channel, per-file ignores, read, lint.

Every face reads drafts the same way, so they cannot drift apart: the CLI (a file or stdin,
through :mod:`sociable.runner`), ``--fix`` (each text of the fix loop), the language server (an
editor buffer, the workspace's drafts), history (``--history``) and the public API
(:mod:`sociable.api`) all call :func:`lint_source`, then :func:`finish_run`.

A source is plain text plus the names it goes by; bytes are decoded before
(:func:`read_bytes`). Everything here is a function of (source, rules, readers, configuration):
no process pool, no cache, no printing.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sociable.decisions import channel_for, per_file_ignores
from sociable.document import Document, DocumentError, Recipient
from sociable.engine import (
    AnyResult,
    CorpusMemo,
    DraftResult,
    finish_stream,
    history_result,
    lint_document,
)
from sociable.readers.decoding import InputError, decode
from sociable.records import Record, fill

if TYPE_CHECKING:
    from sociable.config import Config
    from sociable.findings import Finding
    from sociable.readers.base import Reader
    from sociable.ruleset import RuleSet

__all__ = [
    "FileOutcome", "HistoryError", "InputError", "Source", "decode", "finish_run",
    "finish_run_stream", "lint_source", "load_history", "read_bytes", "reader_for",
]


class Source(Record):
    """One text to lint and the names it goes by.

    ``display`` is the name findings show (a path as typed, ``-`` for stdin); ``relative`` is
    the project-relative path that ``[channels]`` and ``per-file-ignores`` globs match
    (defaults to ``display``). ``channel`` overrides the channel those globs would give.
    """

    _frozen = True
    text: str
    display: str
    relative: str | None
    channel: str | None
    #: Whom the draft is for when its frontmatter has no ``to:`` (the API's ``to=``).
    recipient: Recipient | None

    def __init__(self, text: str, display: str = "-", relative: str | None = None,
                 channel: str | None = None, recipient: Recipient | None = None) -> None:
        fill(self, text=text, display=display, relative=relative, channel=channel,
             recipient=recipient)

    @property
    def matched_path(self) -> str:
        return self.relative if self.relative is not None else self.display


class FileOutcome(Record):
    """What one source produced: its drafts' results, or one error line for the user.

    :class:`Source`, this and the engine's results are :class:`~sociable.records.Record` records,
    not dataclasses: every run builds these classes, and a dataclass's generated methods cost
    it start-up time (docs/performance.md, phase 10d).
    """

    _hidden = frozenset({"documents"})
    path: str
    #: Packed (:class:`sociable.engine.PackedResult`) when the runner made them, so that a
    #: large run's main process holds each draft's findings as one compressed value.
    results: list[AnyResult]
    error: str | None
    #: The decoded texts, only kept when asked (``--show-source``, ``--fix``).
    texts: list[str]
    #: True when this outcome came from the results cache (``sociable.cache``).
    cached: bool
    #: The documents read, only kept when asked (the language server, ``--fix``); never cached.
    documents: list[Document]

    def __init__(self, path: str, results: list[AnyResult] | None = None, error: str | None = None,
                 texts: list[str] | None = None, cached: bool = False,
                 documents: list[Document] | None = None) -> None:
        self.path = path
        self.results = [] if results is None else results
        self.error = error
        self.texts = [] if texts is None else texts
        self.cached = cached
        self.documents = [] if documents is None else documents


def reader_for(name: str, readers: Mapping[str, Reader]) -> Reader:
    """The reader registered for ``name``'s suffix; plain text when none claims it."""
    suffix = os.path.splitext(name)[1].lower()
    return readers.get(suffix) or readers[".txt"]


def read_bytes(data: bytes, display: str, relative: str | None = None) -> Source:
    """A source from a file's bytes; raises :class:`InputError` with a message for the user."""
    return Source(decode(data, display), display, relative)


def lint_source(
    source: Source,
    ruleset: RuleSet,
    readers: Mapping[str, Reader],
    config: Config,
    *,
    reader: Reader | None = None,
    keep_text: bool = False,
    keep_documents: bool = False,
) -> FileOutcome:
    """Read ``source`` with its reader and lint every draft it holds (no corpus step yet).

    Bad input (broken frontmatter, a reader that fails) becomes ``outcome.error``, one line
    naming the source; it never raises.
    """
    outcome = FileOutcome(source.display)
    reader = reader or reader_for(source.display, readers)
    relative = source.matched_path
    channel = source.channel if source.channel is not None else channel_for(relative, config)
    try:
        documents: list[Document] = reader.read(source.text, source.display, channel)
    except DocumentError as exc:
        outcome.error = f"{source.display}: {exc}"
        return outcome
    except Exception as exc:  # a third-party reader's bug is reported, not raised
        outcome.error = f"{source.display}: reader {reader.name!r} failed: {exc!r}"
        return outcome
    ignores = per_file_ignores(relative, config)
    for doc in documents:
        if source.recipient is not None and doc.recipient is None:
            doc.recipient = source.recipient  # what Document.from_text(recipient=...) does
        outcome.results.append(lint_document(doc, ruleset, ignores))
        if keep_text:
            outcome.texts.append(doc.text)
    if keep_documents:
        outcome.documents = documents
    return outcome


def finish_run(
    results: Sequence[AnyResult],
    ruleset: RuleSet,
    readers: Mapping[str, Reader],
    references: Sequence[AnyResult] = (),
    problems: list[str] | None = None,
) -> list[Finding]:
    """The corpus step of a run: history (read through ``readers``) and ``references`` take
    part, then suppressions and ordering (:func:`sociable.engine.finish`).

    Unreadable history is reported in ``problems`` (when given, else raised) and the run goes on.
    """
    return list(finish_run_stream(results, ruleset, readers, references, problems))


def finish_run_stream(
    results: Sequence[AnyResult],
    ruleset: RuleSet,
    readers: Mapping[str, Reader],
    references: Sequence[AnyResult] = (),
    problems: list[str] | None = None,
    memo: CorpusMemo | None = None,
) -> Iterator[Finding]:
    """:func:`finish_run` as an iterator (:func:`sociable.engine.finish_stream`): the corpus
    step runs before it returns, each file's findings are made when the formatter reaches
    them, so a run of 100,000 drafts never holds all their findings at once. ``memo`` (the
    results cache) keeps the corpus findings of an unchanged corpus between runs."""
    history: list[DraftResult] = []
    paths = ruleset.settings.get("history")
    if paths and _compares_with_history(results, ruleset):
        try:
            history = load_history(paths, ruleset, readers)
        except HistoryError as exc:
            if problems is None:
                raise
            problems.append(str(exc))
    return finish_stream(results, ruleset, references, problems, history=history, memo=memo)


def _compares_with_history(results: Sequence[AnyResult], ruleset: RuleSet) -> bool:
    """Whether a draft has a signature for a rule whose kind reads history (overrides
    :meth:`Kind.reference`): otherwise history is not even opened."""
    from sociable.kinds.base import Kind

    codes = {
        code for code in ruleset.selected
        if type(ruleset.kinds[ruleset.specs[code].kind]).reference is not Kind.reference
    }
    return any(code in result.signatures for result in results for code in codes)


# --- history: messages already sent -----------------------------------------------------------


class HistoryError(ValueError):
    """History that cannot be read; the run reports it and goes on."""


_HISTORY_CACHE: dict[tuple[Any, ...], tuple[RuleSet, list[DraftResult]]] = {}


def history_files(paths: Iterable[str | Path], readers: Mapping[str, Reader]) -> list[Path]:
    """Files of the history paths: a folder holds every file a registered reader claims."""
    files: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files.extend(
                sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in readers
                       and not any(part.startswith(".") for part in p.relative_to(path).parts))
            )
        elif path.is_file():
            files.append(path)
        else:
            raise HistoryError(f"{path}: history not found; fix the path in --history or 'history'")
    return files


def display_path(path: Path) -> str:
    """``path`` relative to the working folder when inside it, as findings show paths."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return str(path)


def read_history_file(path: Path, readers: Mapping[str, Reader]) -> list[Document]:
    """The messages of one history file, each a row (or the whole file) as a document."""
    shown = display_path(path)
    try:
        return reader_for(path.name, readers).read(decode(path.read_bytes(), shown), shown, None)
    except (OSError, InputError, ValueError) as exc:
        raise HistoryError(f"history {shown}: {exc}") from None


def load_history(
    paths: Iterable[str | Path], ruleset: RuleSet, readers: Mapping[str, Reader]
) -> list[DraftResult]:
    """Corpus signatures of every message in the history paths (kept while the files are
    unchanged, so the language server does not re-read them at every keystroke)."""
    files = history_files(paths, readers)
    key = (id(ruleset), *((str(f), f.stat().st_mtime_ns) for f in files))
    cached = _HISTORY_CACHE.get(key)
    if cached is not None and cached[0] is ruleset:
        return cached[1]
    out: list[DraftResult] = []
    for path in files:
        for doc in read_history_file(path, readers):
            result = history_result(doc, ruleset)
            if result.signatures:
                out.append(result)
    if len(_HISTORY_CACHE) > 16:
        _HISTORY_CACHE.clear()
    _HISTORY_CACHE[key] = (ruleset, out)
    return out
