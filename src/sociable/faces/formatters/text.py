"""The default format, flake8's ``path:line:col: CODE message``, with optional colour,
source excerpts, statistics and a closing summary (like ruff's).

The summary follows ruff: in the text format it goes to stdout after the findings, piped or
not ("All checks passed!" included), because text is for people. Machine formats (json, sarif,
github, ...) keep stdout to themselves; their summary goes to stderr, and only when stderr is a
terminal, so a person running ``--output-format json > out.json`` still sees the count.
"""

from __future__ import annotations

from sociable.faces.formatters.base import Formatter, RunSummary
from sociable.findings import Finding

_COLORS = {"error": "31", "warning": "33", "info": "36"}


def _paint(text: str, code: str, enabled: bool) -> str:
    return f"\x1b[{code}m{text}\x1b[0m" if enabled else text


class TextFormatter(Formatter):
    def format(self, finding: Finding) -> str:
        color = self.options.color
        where = _paint(f"{finding.path}:{finding.line}:{finding.column}:", "1", color)
        code = _paint(finding.code, "1;" + _COLORS[finding.severity.value], color)
        message = " ".join(finding.message.split())  # one finding, one line
        line = f"{where} {code} {message}"
        if finding.fix is not None and finding.fix.applicability.value == "safe":
            line += _paint(" [*]", "32", color) if color else " [*]"
        if self.options.show_source:
            line += "\n" + self._excerpt(finding)
        return line

    def _excerpt(self, finding: Finding) -> str:
        source = self.options.source_line(finding.path, finding.line)
        if not source:
            return ""
        width = (
            finding.end_column - finding.column
            if finding.end_line == finding.line
            else len(source) - finding.column + 1
        )
        gutter = f"{finding.line:>4} | "
        caret = " " * (len(gutter) + finding.column - 1) + "^" * max(1, width)
        return f"{gutter}{source}\n{_paint(caret, _COLORS[finding.severity.value], self.options.color)}"

    def stop(self, summary: RunSummary) -> None:
        write = self.stream.write
        if self.options.statistics and summary.by_code:
            for code, count in sorted(summary.by_code.items(), key=lambda kv: (-kv[1], kv[0])):
                rule = self.options.rules.get(code)
                label = f"{rule.name}: {rule.one_line}" if rule else ""
                write(f"{count:<5} {code:<7} {label}\n")
        if self.options.quiet:
            return
        line = summary_line(summary)
        if line:
            write(line + "\n")


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def summary_line(summary: RunSummary) -> str | None:
    """The closing line: "All checks passed!" or "Found N findings in M drafts (K fixable ...)".

    M counts drafts *with* findings, as ruff counts files. Nothing is claimed to have passed
    when a draft could not be read (the errors above say which), hence ``None`` then.
    """
    if summary.findings:
        line = f"Found {_plural(summary.findings, 'finding')} in {_plural(summary.flagged, 'draft')}"
        if summary.fixable:
            line += f" ({summary.fixable} fixable with --fix)"
        return line + "."
    if summary.errors:
        return None
    if summary.fixed:
        return f"Fixed {_plural(summary.fixed, 'finding')}; nothing else to report."
    return "All checks passed!"

