"""What runs and what is reported, decided in one place.

* Which rules run: ``select``/``extend-select``/``ignore`` (:func:`is_selected`, ruff's rule).
* What a path means: its channel (``[channels]`` globs, :func:`channel_for`) and the codes
  ``per-file-ignores`` silence for it (:func:`per_file_ignores`).
* What is silenced inside a draft: inline comments, frontmatter and per-file ignores
  (:class:`Suppressions`).

Inline comments (HTML comments, so they never show when a draft is rendered)::

    Like if you agree! <!-- sociable: ignore EB101 -->   silences that line (all codes if none)
    <!-- sociable: ignore GP201 -->                      on a line of its own: the next paragraph
    <!-- sociable: disable EB -->  ...  <!-- sociable: enable -->     a block
    <!-- sociable: skip-file -->                         the whole draft

Codes may be prefixes (``EB`` silences every engagement-bait rule). A comment inside a code
block is an example, not a directive. A directive that silences nothing is itself reported
(``SX100``), as ruff reports unused ``noqa`` comments, so stale suppressions do not pile up.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from sociable import regex_cache
from sociable.findings import Edit, Finding, Fix, Severity
from sociable.globs import matches
from sociable.kinds.base import widen_for_removal
from sociable.records import Record

if TYPE_CHECKING:
    from sociable.config import Config
    from sociable.document import Document

UNUSED_CODE = "SX100"


# --- which rules run ---------------------------------------------------------------------------


def selector_matches(selector: str, code: str) -> int:
    """How specifically ``selector`` matches ``code``: its length, or -1 when it does not."""
    if selector == "ALL":
        return 0
    # Case-insensitive: selectors are upper-cased on input, plugin codes may not be
    # (Vale's ``Microsoft.Contractions``).
    return len(selector) if code.upper().startswith(selector.upper()) else -1


def is_selected(
    code: str,
    select: Sequence[str] | None,
    extend_select: Sequence[str] = (),
    ignore: Sequence[str] = (),
    default: bool = True,
) -> bool:
    """ruff's rule: the most specific selector wins; on a tie, ``ignore`` wins.

    With no ``select`` every rule that is enabled by default is on.
    """
    upper = code.upper()  # selector_matches, inlined: every rule is asked once a run
    best_on = best_off = -1
    for selectors, on in (((["ALL"] if default else []) if select is None else select, True),
                          (extend_select, True), (ignore, False)):
        for selector in selectors:
            if selector == "ALL":
                found = 0
            elif upper.startswith(selector.upper()):
                found = len(selector)
            else:
                continue
            if on:
                best_on = max(best_on, found)
            else:
                best_off = max(best_off, found)
    return best_on >= 0 and best_on > best_off


# --- what a path means -------------------------------------------------------------------------


def channel_for(relative: str, config: Config) -> str | None:
    """The channel of a draft at ``relative``: the first matching ``[channels]`` glob, else the
    configured default (frontmatter ``channel:`` still wins, in the document)."""
    for glob, channel in config.channels.items():
        if matches(glob, relative):
            return channel
    return config.channel


def per_file_ignores(relative: str, config: Config) -> tuple[str, ...]:
    """Codes ``per-file-ignores`` silences for the draft at ``relative``."""
    codes: list[str] = []
    for glob, ignored in config.per_file_ignores.items():
        if matches(glob, relative):
            codes.extend(ignored)
    return tuple(codes)

_DIRECTIVE = regex_cache.lazy(
    r"<!--\s*sociable\s*:\s*(?P<verb>ignore|disable|enable|skip-file)\b(?P<codes>[^>]*?)\s*-->",
    re.I,
)
_CODE = regex_cache.lazy(r"[A-Za-z]+[0-9]*(?:\.[A-Za-z0-9_-]+)?")  # SP101, or Vale's Style.Rule


class Directive(Record):
    """One inline ``<!-- sociable: ... -->`` comment and the lines it covers."""

    __slots__ = (
        "codes", "column", "end", "end_column", "first_line", "last_line", "line", "removal",
        "start", "text", "used", "verb",
    )

    verb: str
    codes: tuple[str, ...]  # empty = every code
    first_line: int
    last_line: int  # inclusive; lines it covers
    line: int
    column: int
    end_column: int
    start: int
    end: int
    text: str
    used: bool
    removal: tuple[int, int]  # what to delete to remove the directive cleanly

    def __init__(
        self, verb: str, codes: tuple[str, ...], first_line: int, last_line: int, line: int,
        column: int, end_column: int, start: int, end: int, text: str, used: bool = False,
        removal: tuple[int, int] = (0, 0),
    ) -> None:
        self.verb, self.codes, self.first_line, self.last_line = verb, codes, first_line, last_line
        self.line, self.column, self.end_column = line, column, end_column
        self.start, self.end, self.text, self.used, self.removal = start, end, text, used, removal

    def covers(self, finding: Finding) -> bool:
        if not self.first_line <= finding.line <= self.last_line:
            return False
        return not self.codes or silences(self.codes, finding.code)


def silences(codes: Iterable[str], code: str) -> bool:
    """Whether any of ``codes`` (codes, prefixes or ``ALL``, in any case) names ``code``: the
    same matching as ``select``, so what selects a rule can also silence it."""
    return any(selector_matches(selector, code) >= 0 for selector in codes)


class Suppressions(Record):
    """A draft's silencing decisions, small and picklable (workers send it back).

    Plain classes, this and :class:`Directive`: a dataclass costs start-up time
    (:mod:`sociable.records`).
    """

    __slots__ = ("directives", "file_ignores", "path", "skip_file")

    path: str
    directives: list[Directive]
    file_ignores: tuple[str, ...]
    skip_file: bool

    def __init__(
        self,
        path: str,
        directives: list[Directive] | None = None,
        file_ignores: tuple[str, ...] = (),
        skip_file: bool = False,
    ) -> None:
        self.path = path
        self.directives = [] if directives is None else directives
        self.file_ignores = file_ignores
        self.skip_file = skip_file

    @classmethod
    def from_document(cls, doc: Document, extra_ignores: Iterable[str] = ()) -> Suppressions:
        result = cls(doc.path, file_ignores=tuple(doc.ignores) + tuple(extra_ignores))
        text = doc.text
        if "sociable" not in text:
            return result
        lines = text.split("\n")
        open_blocks: list[Directive] = []
        code_masks = [(s, e) for s, e, kind in doc.masks if kind in ("code", "blockquote")]
        for match in _DIRECTIVE.finditer(text):
            if any(s <= match.start() < e for s, e in code_masks):
                continue
            verb = match.group("verb").lower()
            codes = tuple(code.upper() for code in _CODE.findall(match.group("codes")))
            line, column = doc.position(match.start())
            _, end_column = doc.position(match.end())
            line_index = line - 1 - doc.line_base
            before = lines[line_index][: column - 1] if 0 <= line_index < len(lines) else ""
            directive = Directive(
                verb, codes, line, line, line, column, end_column, match.start(), match.end(),
                match.group(0),
            )
            directive.removal = widen_for_removal(text, match.start(), match.end())
            if verb == "skip-file":
                result.skip_file = True
                continue
            if verb == "ignore" and not before.strip():
                directive.first_line, directive.last_line = _next_paragraph(lines, line_index, doc)
            elif verb == "disable":
                directive.last_line = 10**9
                open_blocks.append(directive)
            elif verb == "enable":
                for block in open_blocks:
                    if block.last_line == 10**9 and (not codes or set(codes) & set(block.codes)):
                        block.last_line = line
                continue
            result.directives.append(directive)
        return result

    def apply(self, findings: Iterable[Finding], unused_rule: object | None = None) -> list[Finding]:
        """The findings that survive; plus an SX100 finding per unused directive when
        ``unused_rule`` (the SX100 RuleSpec) is given."""
        if self.skip_file:
            return []
        kept = []
        for finding in findings:
            if silences(self.file_ignores, finding.code):
                continue
            silenced = False
            for directive in self.directives:
                if directive.covers(finding):
                    directive.used = True
                    silenced = True
            if not silenced:
                kept.append(finding)
        if unused_rule is not None:  # SX100 is a code like any other: per-file ignores hold
            kept.extend(f for f in self._unused(unused_rule) if not silences(self.file_ignores, f.code))
        return kept

    def _unused(self, spec: object) -> list[Finding]:
        from sociable.packs.schema import RuleSpec

        assert isinstance(spec, RuleSpec)
        out = []
        for directive in self.directives:
            if directive.used:
                continue
            what = ", ".join(directive.codes) if directive.codes else "all codes"
            out.append(
                Finding(
                    path=self.path,
                    code=spec.code,
                    name=spec.name,
                    category=spec.category,
                    severity=Severity(spec.severity),
                    message=spec.message.format(match=directive.text, codes=what),
                    start=directive.start,
                    end=directive.end,
                    line=directive.line,
                    column=directive.column,
                    end_line=directive.line,
                    end_column=directive.end_column,
                    fix=Fix(
                        (Edit(*directive.removal, ""),),
                        description="Remove the unused suppression",
                    ),
                    url=spec.url,
                )
            )
        return out


def _next_paragraph(lines: list[str], index: int, doc: Document) -> tuple[int, int]:
    """1-based first and last line of the paragraph after line ``index`` (0-based)."""
    first = index + 1
    while first < len(lines) and not lines[first].strip():
        first += 1
    last = first
    while last + 1 < len(lines) and lines[last + 1].strip():
        last += 1
    base = doc.line_base + 1
    return first + base, last + base
