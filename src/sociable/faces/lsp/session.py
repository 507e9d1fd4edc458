"""What the language server knows between messages, without any LSP in it.

A :class:`Session` finds the configuration that applies to a buffer (the nearest
``sociable.toml`` or ``pyproject.toml`` with ``[tool.sociable]``, as the CLI does), keeps one
:class:`~sociable.context.Context` per configuration file, and lints a buffer with the very
functions the CLI runs: :func:`sociable.pipeline.lint_source` (the reader for its suffix,
channel, per-file ignores, lint), then :func:`sociable.pipeline.finish_run`, where the workspace's other drafts take part as
``references`` so a buffer that repeats a draft already on disk is flagged as you type.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from sociable.findings import Finding

if TYPE_CHECKING:
    from sociable.context import Context
    from sociable.document import Document
    from sociable.engine import DraftResult
    from sociable.text import ParagraphMemo

log = logging.getLogger("sociable.lsp")

CONFIG_NAMES = ("sociable.toml", "pyproject.toml")
#: Languages editors name, for buffers without a file name (untitled).
LANGUAGE_SUFFIX = {"markdown": ".md", "plaintext": ".txt", "text": ".txt", "email": ".eml"}
MAX_REFERENCE_FILES = 2000  # a workspace bigger than this is compared in part, not at all
#: How many drafts a session counts as when it warms the kinds (:meth:`Kind.warm`): an editor
#: re-lints its buffer on every pause, hundreds of times a session, so what pays only over a
#: large run (numpy signing the near-duplicate sketch: about 1 ms of a 3,000-character post's
#: re-lint, against 0.1 ms) pays here too.
SESSION_DRAFTS = 100_000
#: The run-time setting that lets the shape kind keep its matches per sentence
#: (:data:`sociable.kinds.shape_memo.SETTING`; named here so no kind is imported to lint).
SHAPE_MEMO = "shape_memo"


@dataclass
class Linted:
    """One lint of one buffer version."""

    text: str
    findings: list[Finding] = field(default_factory=list)
    #: Added to a finding's offsets to index the buffer; None when the draft is not the
    #: buffer itself (rows of an export), so lines and columns are used instead.
    shift: int | None = 0
    error: str | None = None
    seconds: float = 0.0
    #: 0-based lines where an inline ``<!-- sociable: ... -->`` comment would change the
    #: draft's meaning (frontmatter, e-mail headers, the subject line).
    no_comment_lines: frozenset[int] = frozenset()


@dataclass
class _References:
    """Signatures of the workspace's drafts on disk, for corpus rules."""

    by_path: dict[str, list[DraftResult]]  # relative path -> that file's drafts


class RulesUnavailable(Exception):
    """Neither the configuration's rules nor the defaults load (a broken pack)."""


class Session:
    """Configuration, rules and workspace drafts for one editor session."""

    def __init__(
        self,
        roots: Sequence[Path],
        *,
        config_path: str | None = None,
        isolated: bool = False,
        problem: Callable[[str], None] = lambda message: None,
        references: bool = True,
        freeze_gc: bool = False,
    ) -> None:
        self.roots = [r.resolve() for r in roots] or [Path.cwd()]
        #: Whether a loaded configuration's objects are moved out of the cyclic collector's
        #: way (:func:`_freeze_long_lived`): the server does, a test or an embedding tool
        #: that makes many sessions need not.
        self.freeze_gc = freeze_gc
        self._freeze_pending = False
        #: Whether the buffer's lints keep each paragraph's tokens and the shape kind's
        #: matches per sentence (tests and ``lsp_latency.py --no-memo`` compare a session
        #: without them).
        self.memos = True
        self._paragraphs: ParagraphMemo | None = None
        self.config_path = config_path
        self.isolated = isolated
        self.problem = problem
        self.use_references = references
        self.generation = 0  # bumped on every reload; part of pull-diagnostic result ids
        self._contexts: dict[Path | None, Context] = {}
        self._broken: dict[Path | None, str] = {}
        self._config_of_folder: dict[Path, Path | None] = {}
        self._references: dict[Path | None, _References] = {}
        self._said: set[str] = set()

    # --- configuration ------------------------------------------------------------------

    def reload(self) -> None:
        """Forget every configuration and rule set: a config file or pack changed."""
        self._contexts.clear()
        self._broken.clear()
        self._config_of_folder.clear()
        self._references.clear()
        self._said.clear()
        self.generation += 1
        if self.freeze_gc:
            import gc

            gc.unfreeze()  # the old rule sets' cycles can be collected; the next load freezes

    def root_for(self, path: Path | None) -> Path:
        if path is not None:
            for root in self.roots:
                if path == root or root in path.parents:
                    return root
            return path.parent
        return self.roots[0]

    def _config_file(self, folder: Path) -> Path | None:
        if folder not in self._config_of_folder:
            from sociable.config import find_config

            self._config_of_folder[folder] = find_config(folder)
        return self._config_of_folder[folder]

    def context_for(self, path: Path | None) -> Context:
        """The context of the configuration that applies to ``path`` (cached per file)."""
        from sociable.config import Config, ConfigError, load_config
        from sociable.context import load_context
        from sociable.packs.loader import PackError

        root = self.root_for(path)
        if self.isolated:
            source = None
        elif self.config_path:
            source = Path(self.config_path)
        else:
            source = self._config_file(path.parent if path is not None else root)
        context = self._contexts.get(source)
        if context is not None:
            return context
        if source in self._broken:
            raise RulesUnavailable(self._broken[source])
        try:
            config = load_config(source) if source is not None else Config(root=root)
            context = load_context(config)
        except (ConfigError, PackError) as exc:
            try:
                context = load_context(Config(root=root), use_cache=False)
            except PackError as again:
                message = f"cannot load the rules, so drafts are not checked: {again}"
                self._broken[source] = message
                self._say(message)
                raise RulesUnavailable(message) from None
            self._say(f"{exc}; using the default rules until it is fixed")
        self._contexts[source] = context
        _warm(context)
        self._freeze_pending = self.freeze_gc  # after the lint that prepares its rules
        return context

    def _say(self, message: str) -> None:
        if message not in self._said:
            self._said.add(message)
            log.warning("%s", message)
            self.problem(message)

    # --- linting ------------------------------------------------------------------------

    def lint(self, text: str, path: Path | None, language_id: str | None = None) -> Linted | None:
        """Findings of a buffer; None when sociable does not read this kind of file."""
        from sociable.discover import relative_to
        from sociable.pipeline import Source, finish_run, lint_source

        started = time.perf_counter()
        try:
            context = self.context_for(path)
        except RulesUnavailable as exc:
            return Linted(text, error=f"sociable: {exc}")
        suffix = path.suffix.lower() if path is not None else ""
        readers = context.readers()
        reader = readers.get(suffix) or (
            None if suffix else readers.get(LANGUAGE_SUFFIX.get(language_id or "", ""))
        )
        if reader is None:
            return None
        config = context.config
        # Paths relative to the project, as the CLI prints them: a repetition finding names
        # the other draft the way the writer knows it ("sent/ana.md:3").
        relative = relative_to(path, config.root) if path is not None else "-"
        # A buffer is linted again on every pause, one edited sentence at a time: the views'
        # token scan keeps each paragraph's tokens (text.ParagraphMemo) and the shape kind
        # what each rule found in each sentence (kinds/shape_memo.py), both bounded, for the
        # buffer's lint only (the workspace's drafts are read once each).
        from sociable.text import ParagraphMemo, remembering

        if self.memos and self._paragraphs is None:
            self._paragraphs = ParagraphMemo()
        settings = context.ruleset.settings
        settings[SHAPE_MEMO] = self.memos
        try:
            with remembering(self._paragraphs if self.memos else None):
                outcome = lint_source(
                    Source(text, relative), context.ruleset, readers, config, reader=reader,
                    keep_documents=True,
                )
        finally:
            settings[SHAPE_MEMO] = False
        if outcome.error is not None:
            return Linted(text, error=f"sociable: {outcome.error.removeprefix(relative + ': ')}")
        documents, results = outcome.documents, outcome.results
        problems: list[str] = []
        references = self.references(context, relative) if self.use_references else []
        findings = finish_run(results, context.ruleset, readers, references, problems)
        for result in results:
            problems.extend(result.problems)
        for message in problems:
            self._say(message)
        shift: int | None = None
        protected: frozenset[int] = frozenset()
        if len(documents) == 1 and not documents[0].line_base:
            doc = documents[0]
            bom = 1 if doc.bom else 0
            if text[bom:] == doc.text:
                shift = bom
                protected = _no_comment_lines(doc)
        if self._freeze_pending:
            self._freeze_pending = False
            _freeze_long_lived()
        return Linted(
            text, findings, shift, seconds=time.perf_counter() - started,
            no_comment_lines=protected,
        )

    def lint_for_fix(
        self, path: Path | None, language_id: str | None
    ) -> Callable[[str], list[Finding]]:
        """A lint function over texts of this buffer, for the fix loop (in-place drafts only)."""

        def lint(text: str) -> list[Finding]:
            linted = self.lint(text, path, language_id)
            if linted is None or linted.error or linted.shift != 0:
                raise ValueError(linted.error if linted and linted.error else "not fixable")
            return linted.findings

        return lint

    # --- the workspace's drafts, for corpus rules -------------------------------------------

    def references(self, context: Context, own: str) -> list[DraftResult]:
        """The workspace's drafts on disk (but the buffer's own file), as corpus references.

        Read once per configuration, then kept up to date one file at a time
        (:meth:`update_reference`): a keystroke costs a comparison, not a scan.
        """
        if not context.ruleset.compares_drafts():  # kept on the rule set: asked every keystroke
            return []
        source = context.config.source
        cached = self._references.get(source)
        if cached is None:
            cached = self._scan(context)
            self._references[source] = cached
        return [r for path, results in cached.by_path.items() if path != own for r in results]

    def update_reference(self, path: Path) -> None:
        """A draft was saved, created or deleted: re-read that one file where it is known."""
        from sociable.discover import relative_to

        for source, cached in self._references.items():
            context = self._contexts.get(source)
            if context is None:
                continue
            relative = relative_to(path, context.config.root)
            if Path(relative).is_absolute():
                continue  # outside this project
            cached.by_path.pop(relative, None)
            if path.is_file():
                cached.by_path[relative] = self._read_drafts(context, path)

    def _scan(self, context: Context) -> _References:
        from sociable.discover import discover, relative_to

        started = time.perf_counter()
        config = context.config
        roots = [config.root] if config.source is not None else self.roots
        targets, _ = discover(
            roots, root=config.root, extensions=context.discover_extensions(),
            exclude=config.all_excludes,
        )
        by_path: dict[str, list[DraftResult]] = {}
        for target in targets[:MAX_REFERENCE_FILES]:
            path = target.path.resolve()
            by_path[relative_to(path, config.root)] = self._read_drafts(context, path)
        if len(targets) > MAX_REFERENCE_FILES:
            self._say(
                f"compared open drafts with the first {MAX_REFERENCE_FILES} of {len(targets)} "
                "drafts in the workspace; exclude folders you do not need in 'extend-exclude'"
            )
        log.info("read %d workspace files in %.0f ms", len(by_path),
                 (time.perf_counter() - started) * 1000)
        return _References(by_path)

    def _read_drafts(self, context: Context, path: Path) -> list[DraftResult]:
        """One file's drafts, linted for their corpus signatures (their findings dropped)."""
        from sociable.discover import relative_to
        from sociable.pipeline import InputError, lint_source, read_bytes

        config = context.config
        readers = context.readers()
        reader = readers.get(path.suffix.lower())
        if reader is None or not reader.discover:
            return []
        relative = relative_to(path, config.root)
        try:
            source = read_bytes(path.read_bytes(), relative)
        except (OSError, InputError):
            return []  # the CLI reports unreadable drafts; here they simply take no part
        outcome = lint_source(source, context.ruleset, readers, config, reader=reader)
        return [result.unpacked().replace(findings=[]) for result in outcome.results]


def _warm(context: Context) -> None:
    """Let the kinds of the corpus rules load, once per configuration, what pays only over
    many drafts, as the CLI does before a large run (:func:`sociable.runner.warm`, which never
    changes a finding and keeps going past a kind that fails). Only the corpus rules: they
    run on every draft, so preparing them now costs nothing later, where preparing every
    rule (most never pass a buffer's screens) took 0.7 s or more on each configuration load."""
    from sociable.runner import warm

    ruleset = context.ruleset
    warm(ruleset, SESSION_DRAFTS, [code for code in ruleset.selected if ruleset.is_corpus(code)])


def _freeze_long_lived() -> None:
    """Move everything alive now (the rule set, the rules the first lint prepared, packs:
    about 90,000 objects that live as long as the configuration) to the collector's
    permanent generation, after one collection so no garbage goes with them. Called once a
    configuration is loaded, after its first lint.

    A re-lint makes garbage, so now and then the collector walks its oldest generation,
    and with the configuration in it that walk took about 60 ms of CPU: a keystroke whose
    re-lint took three or four times as long as the others (two in 300 re-lints of a
    3,000-character post; frozen, those two walks took 2 ms in all). Reference counting still
    frees a frozen object that is dropped; :meth:`Session.reload` unfreezes, so cycles among
    an old configuration's objects are collected too."""
    import gc

    if gc.isenabled():
        gc.collect()
        gc.freeze()


def _no_comment_lines(doc: Document) -> frozenset[int]:
    spans = [(s, e) for s, e, kind in doc.masks if kind in ("frontmatter", "header")]
    spans += doc.scopes.get("subject", [])
    lines: set[int] = set()
    for start, end in spans:
        first, last = doc.position(start)[0], doc.position(max(start, end - 1))[0]
        lines.update(range(first - 1, last))
    return frozenset(lines)


def is_config_file(path: str | os.PathLike[str] | None) -> bool:
    return path is not None and Path(path).name in CONFIG_NAMES
