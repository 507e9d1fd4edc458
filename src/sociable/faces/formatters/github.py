"""GitHub Actions workflow commands: ``::warning file=...,line=...::message``.

Values are escaped as the runner expects: ``%``, CR and LF everywhere, plus ``:`` and ``,``
inside properties, so a message with a newline or a path with a comma stays one annotation.
"""

from __future__ import annotations

from sociable.faces.formatters.base import Formatter
from sociable.findings import Finding

_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


class GithubFormatter(Formatter):
    def format(self, finding: Finding) -> str:
        props = ",".join(
            f"{key}={escape_property(str(value))}"
            for key, value in (
                ("file", finding.path),
                ("line", finding.line),
                ("col", finding.column),
                ("endLine", finding.end_line),
                ("endColumn", finding.end_column),
                ("title", f"sociable {finding.code} ({finding.name})"),
            )
        )
        level = _LEVEL[finding.severity.value]
        return f"::{level} {props}::{escape_data(f'{finding.code} {finding.message}')}"
