"""Findings and fixes as LSP values, with positions in the client's encoding.

Sociable counts offsets in Python characters (code points); LSP counts columns in the code
units the client and server agreed on: UTF-16 by default (so an emoji is two), UTF-8 or
UTF-32 when negotiated. Lines break at ``\\n``, ``\\r\\n`` and ``\\r``, as the protocol says.
Everything here is a pure function of text and findings, so it is tested without a server.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from typing import Any

from lsprotocol import types

from sociable.findings import Applicability, Finding

SOURCE = "sociable"

_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_TRAILING_IGNORE = re.compile(
    r"<!--\s*sociable\s*:\s*ignore\b(?P<codes>[^>]*?)(?P<close>\s*-->)[ \t]*$", re.I
)

_SEVERITY = {
    "error": types.DiagnosticSeverity.Error,
    "warning": types.DiagnosticSeverity.Warning,
    "info": types.DiagnosticSeverity.Information,
}


def encoding_name(encoding: object) -> str:
    """``utf-8``, ``utf-16`` or ``utf-32`` from a negotiated PositionEncodingKind."""
    value = str(getattr(encoding, "value", encoding) or "utf-16").lower()
    return value if value in ("utf-8", "utf-16", "utf-32") else "utf-16"


def code_units(text: str, encoding: str) -> int:
    """How many code units ``text`` takes in ``encoding``."""
    if encoding == "utf-32" or text.isascii():
        return len(text)
    if encoding == "utf-8":
        return len(text.encode("utf-8", "surrogatepass"))
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


class LineIndex:
    """Character offsets <-> LSP positions for one text."""

    def __init__(self, text: str, encoding: str = "utf-16") -> None:
        self.text = text
        self.encoding = encoding
        self.starts = [0] + [m.end() for m in _LINE_BREAK.finditer(text)]

    def line_end(self, line: int) -> int:
        """Offset where ``line``'s content ends (before its line break)."""
        if line + 1 < len(self.starts):
            end = self.starts[line + 1]
            if self.text.startswith("\r\n", end - 2):
                return end - 2
            return end - 1
        return len(self.text)

    def line_text(self, line: int) -> str:
        if not 0 <= line < len(self.starts):
            return ""
        return self.text[self.starts[line] : self.line_end(line)]

    def position(self, offset: int) -> types.Position:
        offset = max(0, min(offset, len(self.text)))
        line = bisect_right(self.starts, offset) - 1
        start = self.starts[line]
        return types.Position(line, code_units(self.text[start:offset], self.encoding))

    def line_position(self, line: int, column: int) -> types.Position:
        """A 0-based line and 0-based column in characters, as a position."""
        line = max(0, min(line, len(self.starts) - 1))
        text = self.line_text(line)
        return types.Position(line, code_units(text[: max(0, column)], self.encoding))

    def offset(self, position: types.Position) -> int:
        """The character offset of ``position``; past the line's end means its end."""
        if position.line >= len(self.starts):
            return len(self.text)
        start = self.starts[max(0, position.line)]
        end = self.line_end(max(0, position.line))
        if self.encoding == "utf-32" or self.text.isascii():
            return min(start + position.character, end)
        units = 0
        for index in range(start, end):
            if units >= position.character:
                return index
            units += code_units(self.text[index], self.encoding)
        return end


def finding_range(finding: Finding, index: LineIndex, shift: int | None) -> types.Range:
    """The finding's span in the buffer.

    ``shift`` is what to add to the finding's offsets to index the buffer (1 when the buffer
    starts with a BOM the document dropped); None when the draft is not the buffer itself
    (an export's row), so its 1-based line and column are used instead.
    """
    if shift is not None:
        first, last = finding.start + shift, finding.end + shift
        return types.Range(index.position(first), index.position(last))
    return types.Range(
        index.line_position(finding.line - 1, finding.column - 1),
        index.line_position(finding.end_line - 1, finding.end_column - 1),
    )


def _range_dict(value: types.Range) -> dict[str, Any]:
    return {
        "start": {"line": value.start.line, "character": value.start.character},
        "end": {"line": value.end.line, "character": value.end.character},
    }


def _range_from(data: dict[str, Any]) -> types.Range:
    start, end = data["start"], data["end"]
    return types.Range(
        types.Position(int(start["line"]), int(start["character"])),
        types.Position(int(end["line"]), int(end["character"])),
    )


def to_diagnostic(finding: Finding, index: LineIndex, shift: int | None) -> types.Diagnostic:
    """One finding as a diagnostic; its fix rides along in ``data`` for code actions."""
    fix_data = None
    if finding.fix is not None and shift is not None:
        fix_data = {
            "title": finding.fix.description or f"Fix {finding.code}",
            "applicability": finding.fix.applicability.value,
            "edits": [
                {
                    "range": _range_dict(
                        types.Range(index.position(e.start + shift), index.position(e.end + shift))
                    ),
                    "newText": e.replacement,
                }
                for e in finding.fix.edits
            ],
        }
    return types.Diagnostic(
        range=finding_range(finding, index, shift),
        message=finding.message,
        severity=_SEVERITY.get(finding.severity.value, types.DiagnosticSeverity.Warning),
        code=finding.code,
        code_description=types.CodeDescription(href=finding.url) if finding.url else None,
        source=SOURCE,
        data={"code": finding.code, "name": finding.name, "fix": fix_data},
    )


def error_diagnostic(message: str) -> types.Diagnostic:
    """A draft that cannot be read (bad frontmatter): said once, at the top."""
    return types.Diagnostic(
        range=types.Range(types.Position(0, 0), types.Position(0, 0)),
        message=message,
        severity=types.DiagnosticSeverity.Error,
        source=SOURCE,
    )


def quick_fix(uri: str, diagnostic: types.Diagnostic) -> types.CodeAction | None:
    """The fix carried in a diagnostic's ``data``, as a quick fix."""
    data = diagnostic.data if isinstance(diagnostic.data, dict) else {}
    fix = data.get("fix")
    if not isinstance(fix, dict) or not fix.get("edits"):
        return None
    edits = [types.TextEdit(_range_from(e["range"]), str(e["newText"])) for e in fix["edits"]]
    safe = fix.get("applicability") == Applicability.SAFE.value
    title = f"{fix.get('title') or 'Fix'} ({data.get('code', diagnostic.code)})"
    return types.CodeAction(
        title=title,
        kind=types.CodeActionKind.QuickFix,
        diagnostics=[diagnostic],
        edit=types.WorkspaceEdit(changes={uri: edits}),
        is_preferred=safe,
    )


def ignore_action(
    uri: str, diagnostic: types.Diagnostic, index: LineIndex
) -> types.CodeAction | None:
    """"Ignore CODE on this line": an inline directive at the end of the finding's line.

    A line that already ends with ``<!-- sociable: ignore ... -->`` gets the code added to it
    rather than a second comment.
    """
    code = str(diagnostic.code or "")
    line = diagnostic.range.start.line
    text = index.line_text(line)
    if not code or not text.strip():
        return None
    existing = _TRAILING_IGNORE.search(text)
    if existing:
        codes = existing.group("codes").strip()
        at = existing.start("close")
        insert = f", {code}" if codes else f" {code}"
    else:
        at = len(text.rstrip(" \t"))
        insert = f" <!-- sociable: ignore {code} -->"
    position = index.line_position(line, at)
    return types.CodeAction(
        title=f"Ignore {code} on this line",
        kind=types.CodeActionKind.QuickFix,
        diagnostics=[diagnostic],
        edit=types.WorkspaceEdit(
            changes={uri: [types.TextEdit(types.Range(position, position), insert)]}
        ),
    )


def whole_text_edit(before: str, after: str, index: LineIndex) -> types.TextEdit:
    """One edit turning ``before`` into ``after``, trimmed to the part that changed (so the
    editor keeps the cursor and folds where they were)."""
    prefix = 0
    limit = min(len(before), len(after))
    while prefix < limit and before[prefix] == after[prefix]:
        prefix += 1
    suffix = 0
    while (
        suffix < limit - prefix
        and before[len(before) - 1 - suffix] == after[len(after) - 1 - suffix]
    ):
        suffix += 1
    start, end = prefix, len(before) - suffix
    return types.TextEdit(
        types.Range(index.position(start), index.position(end)),
        after[prefix : len(after) - suffix],
    )


def contains(value: types.Range, position: types.Position) -> bool:
    start = (value.start.line, value.start.character)
    end = (value.end.line, value.end.character)
    return start <= (position.line, position.character) <= end


def hover_markdown(findings: Iterable[Finding], specs: Any) -> str:
    """The why and a good example of each rule under the cursor."""
    parts: list[str] = []
    for finding in findings:
        spec = specs.get(finding.code)
        lines = [f"**{finding.code}** `{finding.name}` ({finding.category})", "", finding.message]
        if spec is not None:
            if spec.why:
                lines += ["", f"*Why:* {spec.why.strip()}"]
            good: Sequence[str] = spec.examples_good
            if good:
                example = good[0].strip().replace("\n", "  \n> ")
                lines += ["", "*Better:*", "", f"> {example}"]
        if finding.url:
            lines += ["", f"[{finding.code} documentation]({finding.url})"]
        parts.append("\n".join(lines))
    return "\n\n---\n\n".join(parts)
