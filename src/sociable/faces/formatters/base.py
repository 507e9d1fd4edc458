"""Formatters turn findings into output; they never decide what is reported.

A formatter is created once per run, gets :meth:`Formatter.start`, one :meth:`handle` per
finding (already filtered and sorted by path, line, column) and :meth:`stop`. Line-oriented
formats only override :meth:`format` (or just ``line_format``); whole-document formats (JSON,
SARIF) collect in ``handle`` and write in ``stop``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, ClassVar, TextIO

from sociable.records import Record

if TYPE_CHECKING:
    from sociable.findings import Finding
    from sociable.packs.schema import RuleSpec


class RunSummary(Record):
    """What the run saw, for closing lines and statistics (a plain class, as is
    :class:`FormatterOptions`: a dataclass costs start-up time, :mod:`sociable.records`)."""

    __slots__ = ("by_code", "drafts", "errors", "findings", "fixable", "fixed", "flagged")

    drafts: int
    #: drafts with at least one finding: "Found 3 findings in 2 drafts" counts these
    flagged: int
    findings: int
    fixable: int
    fixed: int
    errors: int
    by_code: dict[str, int]

    def __init__(
        self, drafts: int = 0, flagged: int = 0, findings: int = 0, fixable: int = 0,
        fixed: int = 0, errors: int = 0, by_code: dict[str, int] | None = None,
    ) -> None:
        self.drafts, self.flagged, self.findings, self.fixable = drafts, flagged, findings, fixable
        self.fixed, self.errors = fixed, errors
        self.by_code = {} if by_code is None else by_code


def _no_source(path: str, line: int) -> str:
    return ""


class FormatterOptions(Record):
    """How a formatter writes: the command line's display flags and what it may look up."""

    __slots__ = ("color", "quiet", "rules", "show_source", "source_line", "statistics")

    show_source: bool
    color: bool
    statistics: bool
    quiet: bool
    #: (path, line) -> that line's text, for --show-source
    source_line: Callable[[str, int], str]
    rules: Mapping[str, RuleSpec]

    def __init__(
        self, show_source: bool = False, color: bool = False, statistics: bool = False,
        quiet: bool = False, source_line: Callable[[str, int], str] = _no_source,
        rules: Mapping[str, RuleSpec] | None = None,
    ) -> None:
        self.show_source, self.color, self.statistics, self.quiet = show_source, color, statistics, quiet
        self.source_line = source_line
        self.rules = {} if rules is None else rules


class Formatter:
    #: For simple line formats: ``str.format`` fields are the keys of ``Finding.to_dict()``.
    line_format: ClassVar[str] = "{path}:{line}:{column}: {code} {message}"

    def __init__(self, stream: TextIO, options: FormatterOptions) -> None:
        self.stream = stream
        self.options = options

    def start(self) -> None:
        """Called once before any finding."""

    def handle(self, finding: Finding) -> None:
        text = self.format(finding)
        if text is not None:
            self.stream.write(text + "\n")

    def format(self, finding: Finding) -> str | None:
        return self.line_format.format(**finding.to_dict())

    def stop(self, summary: RunSummary) -> None:
        """Called once after the last finding."""
