"""Applying fixes to a draft without losing a byte that was not meant to change.

Two layers, both free of terminals and editors so the CLI (``--fix``/``--diff``) and the
language server ("fix all") share them:

* text: :func:`choose_fixes` picks fixes whose edits do not overlap (a fix is all of its edits
  or none), :func:`apply_edits` applies them, and :func:`fix_until_stable` re-lints and repeats
  until nothing applicable is left, a bounded number of times, so one fix that uncovers another
  is handled and a fix that keeps re-creating its finding cannot loop forever;
* bytes: :class:`EncodedText` remembers how a file was stored (UTF-8, UTF-8 with BOM, UTF-16
  with BOM, CRLF or LF) and writes the fixed text back the same way, and
  :func:`write_atomic` replaces the file through a temporary file in the same folder, keeping
  its permissions, so a crash never leaves half a draft behind.
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
import tempfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from sociable.findings import Applicability, Edit, Finding, Fix

MAX_PASSES = 10  # re-lint rounds; real drafts settle in two or three

_BOMS = (
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)


class FixError(Exception):
    """A file cannot be fixed safely; the message says why and what to do."""


# --- choosing and applying edits ------------------------------------------------------------


def applicable(fix: Fix | None, unsafe: bool) -> bool:
    """Whether ``fix`` may be applied: safe always, unsafe with opt-in, display never."""
    if fix is None or not fix.edits:
        return False
    if fix.applicability is Applicability.SAFE:
        return True
    return unsafe and fix.applicability is Applicability.UNSAFE


def _overlaps(a: Edit, b: Edit) -> bool:
    # Two insertions at one point are ambiguous in order, so they count as overlapping too.
    if a.start == b.start:
        return True
    return a.start < b.end and b.start < a.end


def choose_fixes(findings: Iterable[Finding], unsafe: bool = False) -> list[Fix]:
    """Fixes to apply in one pass: applicable, and no edit overlapping an earlier one.

    Findings are taken in text order; a fix that collides with one already chosen waits for
    the next pass, when it is recomputed on the changed text (if it still applies).
    """
    chosen: list[Fix] = []
    taken: list[Edit] = []
    seen: set[tuple[Edit, ...]] = set()
    for finding in sorted(findings, key=lambda f: (f.start, f.end, f.code)):
        fix = finding.fix
        if not applicable(fix, unsafe):
            continue
        assert fix is not None
        if fix.edits in seen:
            continue  # two findings offering the very same fix: apply it once
        if any(_overlaps(edit, other) for edit in fix.edits for other in taken):
            continue
        chosen.append(fix)
        seen.add(fix.edits)
        taken.extend(fix.edits)
    return chosen


def apply_edits(text: str, edits: Sequence[Edit], newline: str = "\n") -> str:
    """``text`` with non-overlapping ``edits`` applied; line breaks in replacements follow
    ``newline`` so a fix never mixes LF into a CRLF draft."""
    out: list[str] = []
    position = 0
    for edit in sorted(edits, key=lambda e: (e.start, e.end)):
        if edit.start < position or edit.end < edit.start or edit.end > len(text):
            raise ValueError(f"edit {edit} overlaps another or lies outside the text")
        out.append(text[position : edit.start])
        out.append(_with_newlines(edit.replacement, newline))
        position = edit.end
    out.append(text[position:])
    return "".join(out)


def _with_newlines(replacement: str, newline: str) -> str:
    if "\n" not in replacement and "\r" not in replacement:
        return replacement
    return re.sub(r"\r\n|\r|\n", lambda _: newline, replacement)


def newline_of(text: str) -> str:
    """The draft's line ending: CRLF when most of its lines end that way, else LF."""
    crlf = text.count("\r\n")
    return "\r\n" if crlf and crlf * 2 >= text.count("\n") else "\n"


@dataclass
class FixOutcome:
    """What :func:`fix_until_stable` did to one draft."""

    text: str
    fixed: int = 0
    passes: int = 0
    #: Findings of the final text (None when the last re-lint failed).
    remaining: list[Finding] | None = field(default_factory=list)
    problem: str | None = None

    @property
    def changed(self) -> bool:
        return self.fixed > 0


def fix_until_stable(
    text: str,
    lint: Callable[[str], list[Finding]],
    *,
    unsafe: bool = False,
    max_passes: int = MAX_PASSES,
    first: list[Finding] | None = None,
) -> FixOutcome:
    """Apply fixes, re-lint, repeat until nothing applicable is left (or ``max_passes``).

    ``lint(text)`` returns the findings of a text (offsets into it) and may raise
    ``ValueError`` (a fix broke the frontmatter, say): fixing then stops at the last text that
    linted, so a fix never leaves a draft worse than it found it. ``first`` saves the first
    lint when the caller already has it.
    """
    newline = newline_of(text)
    seen_first = text
    findings = first if first is not None else lint(text)
    outcome = FixOutcome(text, remaining=findings)
    seen = {text}
    for _ in range(max_passes):
        fixes = choose_fixes(findings, unsafe)
        if not fixes:
            break
        candidate = apply_edits(text, [edit for fix in fixes for edit in fix.edits], newline)
        if candidate in seen:
            break  # a fix that undoes another: stop rather than go round in circles
        try:
            findings = lint(candidate)
        except ValueError as exc:
            outcome.problem = f"a fix made the draft unreadable ({exc}); kept the last good text"
            break
        seen.add(candidate)
        text = candidate
        outcome.text, outcome.remaining = text, findings
        outcome.fixed += len(fixes)
        outcome.passes += 1
    if outcome.changed:

        outcome.text = keep_trailing_blank_lines(seen_first, outcome.text)
    return outcome


# --- bytes: encodings, line endings, atomic writes -------------------------------------------


@dataclass(frozen=True)
class EncodedText:
    """A draft's text and exactly how its bytes spelled it."""

    text: str  # without BOM: offsets of findings index this
    codec: str
    bom: bytes = b""

    @classmethod
    def from_bytes(cls, data: bytes, path: str) -> EncodedText:
        """Decode like the linter does; refuse files that would not round-trip byte for byte."""
        from sociable.readers.decoding import InputError, decode

        try:
            decode(data, path)  # the linter's checks and messages (binary, bad UTF-8)
        except InputError as exc:
            raise FixError(str(exc)) from None
        codec, bom = "utf-8", b""
        for mark, name in _BOMS:
            if data.startswith(mark):
                codec, bom = name, mark
                break
        text = data[len(bom) :].decode(codec)
        encoded = cls(text, codec, bom)
        if encoded.to_bytes(text) != data:
            raise FixError(f"{path}: its bytes do not round-trip through {codec}; not rewritten")
        return encoded

    def to_bytes(self, text: str) -> bytes:
        return self.bom + text.encode(self.codec)


def write_atomic(path: str | Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` all at once, keeping its permission bits.

    The temporary file lives in the target's folder so :func:`os.replace` is a rename on one
    file system; a symbolic link is followed, so the link stays and its target changes.
    """
    target = Path(os.path.realpath(path))
    mode = stat.S_IMODE(target.stat().st_mode)
    handle, temp = tempfile.mkstemp(
        prefix=f".{target.name}.", suffix=".sociable", dir=target.parent
    )
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temp, mode)
        os.replace(temp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise


def unified_diff(before: str, after: str, path: str) -> str:
    """A ``diff -u`` of two texts, marking a missing final newline as git does."""
    import difflib

    def lines(text: str) -> list[str]:
        out = re.findall(r"[^\n]*\n|[^\n]+$", text)  # only LF splits: CR stays in the line
        if out and not out[-1].endswith("\n"):
            out[-1] += "\n\\ No newline at end of file\n"
        return out

    return "".join(difflib.unified_diff(lines(before), lines(after), f"a/{path}", f"b/{path}"))


_TRAILING_BLANK = re.compile(r"(?:[ \t]*(?:\r\n|\r|\n))*[ \t]*\Z")


def keep_trailing_blank_lines(original: str, fixed: str) -> str:
    """``fixed`` ending with the same run of blank lines (and final line break) as
    ``original``; the text before that run is untouched."""
    tail = _TRAILING_BLANK.search(original)
    end = tail.group(0) if tail else ""
    body = fixed[: _TRAILING_BLANK.search(fixed).start()]  # type: ignore[union-attr]
    return body + end if body else fixed
