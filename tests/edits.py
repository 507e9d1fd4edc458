"""Typing simulated for the language server's incremental tests: one edit at a time, and a
finding's every visible field, so a long-lived session can be compared with a fresh one."""

from __future__ import annotations

from sociable.findings import Finding

#: One edit: where (a share of the text's length), how many characters to delete there, and
#: what to type.
Edit = tuple[float, int, str]


def apply_edit(text: str, edit: Edit) -> str:
    share, deleted, typed = edit
    at = min(len(text), int(share * len(text)))
    return text[:at] + typed + text[at + deleted:]


def finding_key(finding: Finding) -> tuple[object, ...]:
    return (finding.code, finding.start, finding.end, finding.line, finding.column,
            finding.end_line, finding.end_column, finding.message, finding.fix, finding.extra)
