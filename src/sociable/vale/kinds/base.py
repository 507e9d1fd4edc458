"""What every Vale extension point shares: which files and blocks a rule reads, its level,
its exceptions (with the ``Vocab`` words), Vale's message formatting, and turning a match in
a block into a sociable :class:`~sociable.findings.Finding`.

A Vale rule's spec (built by :mod:`sociable.vale.styles`) keeps the rule's YAML in
``options["definition"]`` and, in ``options["levels"]``, the ``.vale.ini`` sections that switch
it on, off or to another level for matching files, so that :meth:`ValeKind.check` stays a pure
function of the draft and the rule.
"""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar

from sociable.findings import Applicability, Edit, Finding, Fix
from sociable.kinds.base import Kind, Rule, RuleError, widen_for_removal
from sociable.packs.schema import RuleSpec
from sociable.vale.markup import Block, Parsed, parse
from sociable.vale.regex import Untranslatable, compile_go

LEVEL_RANK = {"suggestion": 0, "warning": 1, "error": 2}
SEVERITY = {"suggestion": "info", "warning": "warning", "error": "error"}
WORD_TEMPLATE = r"(?m)\b(?:%s)\b"
NONWORD_TEMPLATE = r"(?m)(?:%s)"
IGNORECASE = "(?i)"


@dataclass(frozen=True)
class Alert:
    """A Vale alert inside one block: block offsets, the message, and the matched text."""

    start: int
    end: int
    message: str
    match: str
    #: What the rule's ``action`` would put in place of the match (None: no fix offered).
    replacement: str | None = None


def format_message(message: str, *subs: str) -> str:
    """Vale's ``FormatMessage``: each ``%s`` takes the next substitution, in order."""
    parts = message.split("%s")
    if len(parts) == 1:
        return message
    out = [parts[0]]
    for index, part in enumerate(parts[1:]):
        out.append(subs[index] if index < len(subs) else (subs[-1] if subs else ""))
        out.append(part)
    return "".join(out).replace("%%", "%")


def compile_rule(spec_or_name: RuleSpec | str, pattern: str, key: str | None = None) -> Any:
    """Compile a Go pattern or raise :class:`RuleError` naming the rule."""
    name = spec_or_name if isinstance(spec_or_name, str) else spec_or_name.code
    try:
        return compile_go(pattern)
    except Untranslatable as exc:
        raise RuleError(f"Vale rule {name}: {exc}", key=key) from None


def exception_pattern(exceptions: Iterable[str], accepted: Iterable[str] = ()) -> str:
    """Vale's exceptions regex: the terms longest first, in the word template."""
    terms = [*exceptions, *accepted]
    if not terms:
        return ""
    terms.sort(key=len, reverse=True)
    return WORD_TEMPLATE % "|".join(terms)


@dataclass(frozen=True)
class Exceptions:
    """Terms a match is let off for: a rule's ``exceptions`` plus the accepted vocabulary."""

    pattern: Any = None
    phrases: Any = None

    @classmethod
    def build(cls, spec: RuleSpec, exceptions: Sequence[str], use_vocab: bool = True) -> Exceptions:
        accepted = tuple(spec.options.get("accepted", ())) if use_vocab else ()
        source = exception_pattern(exceptions, accepted)
        if not source:
            return cls()
        pattern = compile_rule(spec, source, "exceptions")
        multi = [t for t in (*exceptions, *accepted) if " " in t]
        phrases = compile_rule(spec, exception_pattern(multi)) if multi else None
        return cls(pattern, phrases)

    def excuses(self, observed: str, text: str = "", start: int = 0, end: int = 0) -> bool:
        """Vale's ``isMatch`` on the match, or the match lies inside an excepted phrase."""
        if self.pattern is not None and self.pattern.search(observed):
            return True
        if self.phrases is not None and text:
            for phrase in self.phrases.finditer(text):
                if phrase.start() <= start and end <= phrase.end():
                    return True
        return False


def scope_filter(scopes: Sequence[str]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Split Vale scopes into the tags a block needs (any) and those it must not have."""
    wanted = tuple(s for s in scopes if not s.startswith("~"))
    banned = tuple(s[1:] for s in scopes if s.startswith("~"))
    return (wanted or ("text",)), banned


def blocks_for(parsed: Parsed, scopes: Sequence[str], skipped: Sequence[str] = ()) -> Iterator[Block]:
    """The blocks a rule with ``scopes`` reads, in document order."""
    wanted, banned = scope_filter(scopes)
    for scope in wanted:
        parts = scope.split("&") if "&" in scope else [scope]
        parts = [p.strip() for p in parts]
        head = parts[0]
        if head == "raw":
            yield parsed.raw
            continue
        if head == "summary":
            yield parsed.summary
            continue
        pool = parsed.sentences if head == "sentence" else parsed.blocks
        for block in pool:
            tags = block.tags
            if head != "sentence" and not all(p in tags for p in parts):
                continue
            if any(b in tags for b in banned) or any(s in tags for s in skipped):
                continue
            yield block


def document_format(path: str, formats: Mapping[str, str]) -> str:
    ext = os.path.splitext(path)[1].lower().lstrip(".")
    return formats.get(ext, ext)


def level_for(path: str, options: Mapping[str, Any]) -> str | None:
    """The rule's level for a file under the ``.vale.ini`` sections, or None when it is off."""
    return _level_for(path, options.get("root", ""), options.get("level", "warning"),
                      tuple(options.get("levels", ())))


@functools.lru_cache(maxsize=8192)
def _level_for(path: str, root: str, default: str, levels: tuple[tuple[str, str], ...]) -> str | None:
    from sociable.vale.ini import glob_matches

    relative = _relative(path, root)
    level: str | None = None
    for glob, action in levels:
        if not glob_matches(glob, relative):
            continue
        if action == "NO":
            level = None
        elif action in ("YES", "base"):
            level = default
        else:
            level = action
    return level


@functools.lru_cache(maxsize=4096)
def _relative(path: str, root: str) -> str:
    relative = os.path.relpath(os.path.abspath(path), root) if root else path
    return relative.replace(os.sep, "/")


class ValeKind(Kind):
    """Base of the Vale extension points: subclasses implement :meth:`run` over one block."""

    #: The extension point, as written after ``extends:`` in a Vale rule.
    extends: ClassVar[str] = ""
    #: Scope used when the rule names none.
    default_scope: ClassVar[tuple[str, ...]] = ("text",)

    def prepare(self, spec: RuleSpec) -> Any:
        return None

    def scopes(self, spec: RuleSpec) -> tuple[str, ...]:
        scope = spec.options["definition"].get("scope")
        if not scope:
            return self.default_scope
        return tuple(scope) if isinstance(scope, list) else (str(scope),)

    def check(self, doc: Any, rule: Rule) -> Iterable[Finding]:
        options = rule.spec.options
        level = level_for(doc.path, options)
        if level is None or LEVEL_RANK[level] < LEVEL_RANK[options.get("min_level", "suggestion")]:
            return []
        fmt = document_format(doc.path, options.get("formats", {}))
        parsed = parse(doc.text, fmt, "code" in options.get("ignored_scopes", ("code",)))
        blocks = parsed.selected(self.scopes(rule.spec), tuple(options.get("skipped_scopes", ())),
                                 blocks_for)
        findings = []
        for block, alert in self.run_blocks(blocks, rule, parsed):
            start, end = block.source_span(alert.start, alert.end)
            if parsed.switches and not parsed.enabled(rule.code, start):
                continue
            fix = None
            if alert.replacement is not None and end > start:
                edit_start, edit_end = (start, end) if alert.replacement else widen_for_removal(
                    doc.text, start, end)
                fix = Fix((Edit(edit_start, edit_end, alert.replacement),), Applicability.UNSAFE,
                          f"Replace with {alert.replacement!r}" if alert.replacement
                          else "Remove it")
            findings.append(rule.finding(
                doc, start, end, match=alert.match, fix=fix, severity=SEVERITY[level],
                vale_message=alert.message,
                extra={"vale_level": level, "vale_check": rule.code},
            ))
        return findings

    def run_blocks(self, blocks: list[Block], rule: Rule, parsed: Parsed) -> Iterator[tuple[Block, Alert]]:
        """Alerts over the rule's blocks; kinds with per-file state override this."""
        for block in blocks:
            for alert in self.run(block, rule):
                yield block, alert

    def run(self, block: Block, rule: Rule) -> Iterable[Alert]:
        return ()


def one_line(text: str) -> str:
    """A match as Vale prints it in a message: runs of whitespace become one space."""
    return re.sub(r"\s+", " ", text)


def template_for(spec: RuleSpec) -> str:
    """The template a rule's words are matched in: Vale's ``nonword`` as is, otherwise the
    ``.vale.ini``'s ``WordTemplate`` or the default ``\\b(?:...)\\b``."""
    if definition(spec).get("nonword"):
        return NONWORD_TEMPLATE
    return str(spec.options.get("word_template") or WORD_TEMPLATE)


def definition(spec: RuleSpec) -> dict[str, Any]:
    value = spec.options["definition"]
    assert isinstance(value, dict)
    return value


def strings(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, list):
        return [str(v) for v in value if v is not None]
    return [str(value)]
