"""``sociable check``: discover, lint, finish, report; returns the exit code.

Entered through :func:`sociable.faces.cli.check_cmd.run_check`.

Like flake8's ``Application``: :meth:`CheckApp.initialize` (configuration, plugins, rules,
files), :meth:`CheckApp.run_checks`, :meth:`CheckApp.report`. Errors about input go to stderr
as one clear line each; the rest of the run goes on and the exit code becomes 2.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Iterator
from itertools import chain, groupby
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from sociable.faces.cli.exits import EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS
from sociable.findings import Finding

if TYPE_CHECKING:
    from sociable.config import Config
    from sociable.context import Context
    from sociable.faces.formatters.base import Formatter
    from sociable.ruleset import RuleSet

__all__ = ["EXIT_CLEAN", "EXIT_ERROR", "EXIT_FINDINGS", "CheckApp", "setup_hints"]


def split_codes(raw: str | None) -> list[str] | None:
    if raw is None:
        return None
    return [part.strip().upper() for part in raw.split(",") if part.strip()]


def split_globs(raw: str | None) -> tuple[str, ...] | None:
    if raw is None:
        return None
    return tuple(part.strip() for part in raw.split(",") if part.strip())


def force_excluded(path: Path, config: Config) -> bool:
    """``--force-exclude``: would a folder walk skip this file named on the command line?

    pre-commit names every staged file, so without this a content repo's README would be
    linted as a draft whatever ``exclude`` says (ruff's flag of the same name).
    """
    from sociable.discover import relative_to
    from sociable.globs import matches_any

    # A pattern naming a folder covers everything inside it (globs.py), so one test suffices.
    return matches_any(config.all_excludes, relative_to(path, config.root))


def use_color(flag: bool | None, stream: TextIO) -> bool:
    if flag is not None:
        return flag
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return hasattr(stream, "isatty") and stream.isatty()


class CheckApp:
    """One ``check`` run: its arguments, streams and what it found (a plain class: a dataclass
    costs start-up time, :mod:`sociable.records`)."""

    def __init__(
        self,
        args: argparse.Namespace,
        stdout: TextIO | None = None,
        stderr: TextIO | None = None,
    ) -> None:
        self.args = args
        self.stdout: TextIO = sys.stdout if stdout is None else stdout
        self.stderr: TextIO = sys.stderr if stderr is None else stderr
        self.had_errors = False
        #: The stdin draft as read, when ``-`` was linted.
        self.stdin_text: str | None = None
        #: Counts what ``--fix`` would fix in the given drafts, every pass counted
        #: (:func:`fix_cmd.count_fixes`); None: count the fixes the findings offer now.
        self.count_fixes: Callable[[CheckApp, list[str]], int] | None = None

    def error(self, message: str) -> None:
        self.had_errors = True
        self.stderr.write(f"sociable: error: {message}\n")

    def initialize(self) -> bool:
        from sociable.config import ConfigError, check_channel, check_languagetool_url
        from sociable.context import PluginError, load_context, resolve_config
        from sociable.packs.problems import PackError

        args = self.args
        self.paths = args.paths or ["."]
        start = Path(self.paths[0]) if self.paths[0] != "-" else Path.cwd()
        try:
            config = resolve_config(args.config, args.isolated, start if start.exists() else Path.cwd())
            if args.channel:
                check_channel(args.channel, "--channel")
            if args.languagetool is not None:
                check_languagetool_url(args.languagetool, "--languagetool")
            config = config.with_overrides(
                channel=args.channel,
                exclude=split_globs(args.exclude),
                extend_exclude=(
                    config.extend_exclude + (split_globs(args.extend_exclude) or ())
                    if args.extend_exclude else None
                ),
                output_format=args.output_format,
                history=tuple(Path(p) for p in args.history) if args.history else None,
                compare_with=(
                    tuple(Path(p) for p in args.compare_with)
                    if getattr(args, "compare_with", None) else None
                ),
                languagetool=args.languagetool,
                vale_config=(
                    Path(args.vale_config) if getattr(args, "vale_config", None) else None
                ),
            )
            self.context = load_context(
                config,
                select=split_codes(args.select),
                extend_select=split_codes(args.extend_select) or (),
                ignore=split_codes(args.ignore) or (),
                # --no-cache is about results; validated packs and compiled patterns are
                # keyed on the packs themselves and stay in use.
                use_cache=True,
                cache_dir=args.cache_dir,
            )
        except (ConfigError, PackError, PluginError) as exc:
            self.error(str(exc))
            return False
        for level, notice in self.context.ruleset.notices:
            if level == "error":
                self.error(notice)
            else:
                self.stderr.write(f"sociable: warning: {notice}\n")
        formatters = registered_formatters(self.context)
        self.format_name = config.output_format
        if self.format_name not in formatters:
            self.error(f"unknown output format {self.format_name!r}; use one of: {', '.join(sorted(formatters))}")
            return False
        from sociable.config import unknown_codes

        unknown = unknown_codes(config, self.context.ruleset.specs, {
            "--select": split_codes(args.select),
            "--extend-select": split_codes(args.extend_select),
            "--ignore": split_codes(args.ignore),
        })
        if unknown:  # a typo in any selector, ignore lists included, is a usage error
            self.error(unknown)
            return False
        self.config = config
        for hint in setup_hints(self.context.ruleset, [
            *(split_codes(args.select) or config.select or ()), *config.extend_select,
            *(split_codes(args.extend_select) or ()),
        ]):  # e.g. grammar rules asked for by code, but no server named
            self.stderr.write(f"sociable: warning: {hint}\n")
        return True

    def run_checks(self, paths: list[str] | None = None, stream: bool = False) -> None:
        """Lint ``paths`` (default: the command line's) and keep the findings for :meth:`report`.

        With ``stream``, :meth:`report` gets them one file at a time from the corpus step
        (``self.findings`` stays empty): a run of 100,000 drafts never holds them all.
        """
        from sociable.cache import open_cache
        from sociable.discover import discover
        from sociable.engine import SKIPPED
        from sociable.pipeline import finish_run_stream
        from sociable.readers.decoding import InputError, decode
        from sociable.runner import Job, lint_text, run

        if paths is not None:
            self.paths = paths
        args = self.args
        context = self.context

        job = Job(
            context.ruleset, context.readers(), self.config, keep_text=args.show_source,
            cache=open_cache(self.config, args.cache_dir, enabled=not args.no_cache),
        )
        outcomes = []
        file_paths = [Path(p) for p in self.paths if p != "-"]
        targets, missing = discover(
            file_paths,
            root=self.config.root,
            extensions=context.discover_extensions(),
            exclude=self.config.all_excludes,
            respect_gitignore=not args.no_gitignore,
        )
        for message in missing:
            self.error(message)
        if getattr(args, "force_exclude", False):
            targets = [t for t in targets if not (t.explicit and force_excluded(t.path, self.config))]
        if "-" in self.paths:
            name = args.stdin_filename or "-"
            try:
                text = decode(sys.stdin.buffer.read(), name)
                self.stdin_text = text  # the fixable count re-lints it (fix_cmd.count_fixes)
                outcomes.append(lint_text(text, name, job))
            except InputError as exc:
                self.error(str(exc))
        reference_paths = self.reference_paths(targets)
        from sociable.faces.cli.feedback import Progress

        progress = Progress(self.stderr, quiet=args.quiet)
        linted = len(outcomes) + len(targets)
        outcomes.extend(run([str(t.path) for t in targets] + reference_paths, job, args.jobs, progress))
        progress.clear()
        # Drafts of --compare-with take part in corpus rules only; their errors are not ours.
        references = [r for outcome in outcomes[linted:] for r in outcome.results]
        del outcomes[linted:]
        results = []
        self.sources: dict[str, list[str]] = {}
        warned: set[str] = set()  # workers are separate processes: dedupe here, once per run
        for outcome in outcomes:
            if outcome.error:
                self.error(outcome.error)
            for result in outcome.results:
                for problem in result.problems:
                    if problem.endswith(SKIPPED):  # incomplete findings: the run failed
                        self.error(problem)
                    elif problem not in warned:
                        warned.add(problem)
                        self.stderr.write(f"sociable: warning: {problem}\n")
            results.extend(outcome.results)
            if outcome.texts:
                self.sources[outcome.path] = "\n".join(outcome.texts).split("\n")
        self.drafts = len(results)
        problems: list[str] = []
        found = finish_run_stream(
            results, context.ruleset, job.readers, references, problems, memo=job.cache
        )
        del outcomes, results, references  # the stream holds what it still needs
        self.findings: list[Finding] = []
        self.stream: Iterator[Finding] | None = None
        if stream:
            self.stream = found
        else:
            self.findings = list(found)
        for problem in problems:
            self.error(problem)

    def reference_paths(self, targets: list[Any]) -> list[str]:
        """Files of ``--compare-with``/``compare-with`` that are not linted in this run."""
        from sociable.discover import discover

        if not self.config.compare_with:
            return []
        found, missing = discover(
            list(self.config.compare_with),
            root=self.config.root,
            extensions=self.context.discover_extensions(),
            exclude=self.config.all_excludes,
            respect_gitignore=not self.args.no_gitignore,
        )
        for message in missing:
            self.error(f"--compare-with {message}")
        linted = {t.path.resolve() for t in targets}
        if "-" in self.paths and self.args.stdin_filename:
            linted.add(Path(self.args.stdin_filename).resolve())
        # Resolving thousands of paths costs more than the cached run: only a file with a linted
        # file's name, or a symlink, can be one of them.
        names = {path.name for path in linted}
        return [
            str(t.path) for t in found
            if not ((t.path.name in names or t.path.is_symlink()) and t.path.resolve() in linted)
        ]

    def source_line(self, path: str, line: int) -> str:
        lines = self.sources.get(path)
        if lines is None:
            try:
                lines = Path(path).read_text(encoding="utf-8", errors="replace").split("\n")
            except OSError:
                lines = []
            self.sources[path] = lines
        return lines[line - 1].rstrip("\r") if 0 < line <= len(lines) else ""

    def use_results(self, findings: list[Finding], drafts: int, sources: dict[str, list[str]]) -> None:
        """Report these findings instead of a run's (``--fix`` on stdin reports what is left)."""
        self.findings, self.drafts, self.sources = findings, drafts, sources
        self.stream = None

    def report(self, stream: TextIO | None = None) -> int:
        """Format the findings to ``stream`` (default stdout, or ``--output-file``); exit code."""
        from sociable.faces.formatters.base import FormatterOptions, RunSummary

        args = self.args
        stream = stream or self.stdout
        handle = None
        if args.output_file:
            try:
                handle = open(args.output_file, "w", encoding="utf-8")  # noqa: SIM115
            except OSError as exc:
                self.error(f"cannot write {args.output_file}: {exc.strerror}")
                return EXIT_ERROR
            stream = handle
        options = FormatterOptions(
            show_source=args.show_source,
            color=use_color(args.color, stream) and self.format_name == "text",
            statistics=args.statistics,
            quiet=args.quiet,
            source_line=self.source_line,
            rules=self.context.ruleset.specs,
        )
        formatter = registered_formatters(self.context)[self.format_name](stream, options)
        summary = RunSummary(drafts=self.drafts, errors=int(self.had_errors))
        flagged: set[str] = set()
        formatter.start()
        # Only fixes that apply together are offered (JSON edits, [*], the fixable count):
        # decided within each file, so one file at a time gives the same answer.
        stream = getattr(self, "stream", None)
        found = stream if stream is not None else self.findings
        self.stream = None
        unsafe = getattr(args, "unsafe_fixes", False)
        by_file = (_applicable(list(group), unsafe) for _, group in groupby(found, key=_path_of))
        fix_paths: dict[str, None] = {}  # drafts with a fix this run may apply, in report order
        for finding in chain.from_iterable(by_file):
            if finding.fix is not None and finding.path not in fix_paths and self.count_fixes is not None:
                from sociable.fixer import applicable

                if applicable(finding.fix, unsafe):
                    fix_paths[finding.path] = None
            formatter.handle(finding)
            summary.findings += 1
            flagged.add(finding.path)
            summary.by_code[finding.code] = summary.by_code.get(finding.code, 0) + 1
            if finding.fix is not None and finding.fix.applicability.value == "safe":
                summary.fixable += 1
        summary.flagged = len(flagged)
        if self.count_fixes is not None:
            summary.fixable = self.count_fixes(self, list(fix_paths))
        formatter.stop(summary)
        if handle is not None:
            handle.close()
        from sociable.faces.cli.feedback import echo_summary

        echo_summary(summary, self.format_name, args.quiet, self.stderr)
        if self.had_errors:
            return EXIT_ERROR
        if summary.findings and not args.exit_zero:
            return EXIT_FINDINGS
        return EXIT_CLEAN


def _applicable(findings: list[Finding], unsafe: bool) -> list[Finding]:
    """A file's findings with only the fixes that apply together.

    Without a fix to weigh, the fixer (tempfile, difflib) is not even imported.
    """
    if not any(finding.fix is not None for finding in findings):
        return findings
    from sociable.fix_report import compatible_fixes

    return compatible_fixes(findings, unsafe)


def _path_of(finding: Finding) -> str:
    return finding.path


def registered_formatters(context: Context) -> dict[str, type[Formatter]]:
    """Output formats by name; a later plugin's format wins over the built-in one."""
    table: dict[str, type[Formatter]] = {}
    for group in reversed(context.manager.hook.sociable_formatters()):
        table.update(group or {})
    return table


def setup_hints(ruleset: RuleSet, selectors: list[str]) -> list[str]:
    """Each kind's own hint (:meth:`Kind.setup_hint`) for the rules the user asked for by code
    (a selector other than ``ALL``) that cannot run as configured."""
    from sociable.kinds.lazy import may_hint

    chosen = [s for s in selectors if s and s != "ALL"]
    by_kind: dict[str, list[str]] = {}
    for code in ruleset.selected:
        asked = by_kind.setdefault(ruleset.specs[code].kind, [])  # every kind that runs is asked
        if any(code.startswith(selector) for selector in chosen):
            asked.append(code)
    hints = [  # a kind registered without hints is not imported just to say None
        ruleset.kinds[name].setup_hint(codes, ruleset.settings)
        for name, codes in by_kind.items() if may_hint(ruleset.kinds, name)
    ]
    return [hint for hint in hints if hint]
