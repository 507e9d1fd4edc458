"""Formatters turn findings into output; they never decide what is reported.

A formatter is created once per run, gets :meth:`Formatter.start`, one :meth:`handle` per
finding (already filtered and sorted by path, line, column) and :meth:`stop`. Line-oriented
formats only override :meth:`format` (or just ``line_format``); whole-document formats (JSON,
SARIF) collect in ``handle`` and write in ``stop``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, ClassVar, TextIO

if TYPE_CHECKING:
    from sociable.findings import Finding
    from sociable.packs.schema import RuleSpec


@dataclass
class RunSummary:
    """What the run saw, for closing lines and statistics."""

    drafts: int = 0
    #: drafts with at least one finding: "Found 3 findings in 2 drafts" counts these
    flagged: int = 0
    findings: int = 0
    fixable: int = 0
    fixed: int = 0
    errors: int = 0
    by_code: dict[str, int] = field(default_factory=dict)


@dataclass
class FormatterOptions:
    show_source: bool = False
    color: bool = False
    statistics: bool = False
    quiet: bool = False
    #: (path, line) -> that line's text, for --show-source
    source_line: Callable[[str, int], str] = lambda path, line: ""
    rules: Mapping[str, RuleSpec] = field(default_factory=dict)


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
