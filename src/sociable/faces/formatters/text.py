"""The default format, flake8's ``path:line:col: CODE message``, with optional colour,
source excerpts, statistics and a closing summary (like ruff's)."""

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
        if summary.findings:
            noun = "finding" if summary.findings == 1 else "findings"
            drafts = "draft" if summary.drafts == 1 else "drafts"
            write(f"Found {summary.findings} {noun} in {summary.drafts} {drafts}.\n")
            if summary.fixable:
                write(f"[*] {summary.fixable} fixable with `sociable check --fix`.\n")
        elif summary.fixed:
            write(f"Fixed {summary.fixed} findings; nothing else to report.\n")
