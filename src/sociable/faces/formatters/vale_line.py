"""Vale's ``--output=line``: ``path:line:col:Style.Rule:message``, paths relative, sorted.

Findings arrive sorted by path, line and column already; paths are printed relative to the
working folder, as ``vale --relative`` prints them. Rules of sociable's own packs print the
same way, so one run can feed tools that read Vale's output.
"""

from __future__ import annotations

import os

from sociable.faces.formatters.base import Formatter, RunSummary
from sociable.findings import Finding


class ValeLineFormatter(Formatter):
    def start(self) -> None:
        self.lines: list[tuple[str, int, int, str, str]] = []

    def handle(self, finding: Finding) -> None:
        path = finding.path
        if (path not in ("-", "") and os.path.isabs(path)) or path.startswith("./"):
            path = os.path.relpath(path)
        message = " ".join(finding.message.split())
        self.lines.append((path.replace(os.sep, "/"), finding.line, finding.column, finding.code, message))

    def stop(self, summary: RunSummary) -> None:
        for path, line, column, code, message in sorted(self.lines):
            self.stream.write(f"{path}:{line}:{column}:{code}:{message}\n")
