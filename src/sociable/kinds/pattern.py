"""``pattern``: flag matches of regular expressions, or their absence.

For what a phrase list cannot say: "comment <WORD> below", a merge field in any syntax, a
calendar link. Patterns are case-insensitive unless ``case_sensitive`` is set. A named group
``(?P<match>...)`` narrows the reported span to that group. Patterns whose shape can backtrack
catastrophically are rejected at load time, and every check runs under a time limit.

Keys (besides the common ones):

* ``pattern`` (text or list of text, required): Python regular expressions.
* ``case_sensitive`` (bool): match case exactly (default false).
* ``when`` (``found`` | ``missing``): flag each match (default), or flag the scope once when
  nothing matches (e.g. a first note that never asks a question).
* ``exceptions`` / ``unless`` (list of text): as for ``phrases``.
* ``max_findings`` (int): report at most this many matches per draft (default 3).
* ``min_matches`` (int): flag only drafts with at least this many distinct matches (default 1):
  one stock compliment is fine, three in one comment read as a spam template.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sociable import regex_cache
from sociable.kinds.base import Key, Kind, Rule, RuleError
from sociable.kinds.matching import optional_phrases, vetoed
from sociable.kinds.prefilter import (
    Requirement,
    requirement,
    requirement_of_any,
    satisfied,
    searchable,
)
from sociable.regex_guard import risky_repeat

if TYPE_CHECKING:
    from sociable.document import Document
    from sociable.findings import Finding
    from sociable.packs.schema import RuleSpec


_IGNORECASE, _MULTILINE = int(re.IGNORECASE), int(re.MULTILINE)


@dataclass(frozen=True)
class Prepared:
    regexes: tuple[re.Pattern[str], ...]
    missing: bool
    exceptions: re.Pattern[str] | None
    unless: re.Pattern[str] | None
    max_findings: int
    min_matches: int = 1
    #: Per regex, what any of its matches contains (see ``prefilter``).
    requirements: tuple[Requirement, ...] = ()
    #: What a match of any of the regexes contains: when the draft lacks it, none can match.
    rule_requirement: Requirement = ()


class Pattern(Kind):
    name = "pattern"
    keys = {
        "pattern": Key((str, list), "one regular expression or a list of them", required=True),
        "case_sensitive": Key((bool,), "match case exactly", default=False),
        "when": Key((str,), "'found' flags matches, 'missing' flags their absence", default="found"),
        "exceptions": Key((list,), "longer phrases containing a match that make it fine"),
        "unless": Key((list,), "phrases that make a match fine when in the same sentence"),
        "max_findings": Key((int,), "at most this many findings per draft", default=3),
        "min_matches": Key((int,), "flag only drafts with at least this many matches", default=1),
    }

    def validate(self, spec: RuleSpec) -> None:
        prepared = self.prepare(spec)
        for regex in prepared.regexes:
            problem = risky_repeat(regex.pattern, regex.flags & re.IGNORECASE)
            if problem:
                raise RuleError(f"regex {regex.pattern!r} is unsafe: {problem}", key="pattern")

    def prepare(self, spec: RuleSpec) -> Prepared:
        options = spec.options
        sources = options["pattern"]
        if isinstance(sources, str):
            sources = [sources]
        if not sources or not all(isinstance(s, str) and s for s in sources):
            raise RuleError("'pattern' must be a non-empty regex or list of regexes", key="pattern")
        # Plain ints: or-ing two RegexFlag members builds a new enum member, 50 us a time.
        flags = (0 if options.get("case_sensitive") else _IGNORECASE) | _MULTILINE
        compiled = []
        for source in sources:
            try:
                regex = regex_cache.compile(source, flags)
            except re.error as exc:
                raise RuleError(f"bad regex {source!r}: {exc}", key="pattern") from None
            if regex.match(""):
                raise RuleError(f"regex {source!r} matches empty text", key="pattern")
            compiled.append(regex)
        when = options.get("when") or "found"
        if when not in ("found", "missing"):
            raise RuleError("'when' must be 'found' or 'missing'", key="when")
        requirements = tuple(requirement(regex.pattern, regex.flags) for regex in compiled)
        return Prepared(
            tuple(compiled),
            when == "missing",
            optional_phrases(options.get("exceptions"), "exceptions"),
            optional_phrases(options.get("unless"), "unless"),
            int(options.get("max_findings") or 3),
            max(1, int(options.get("min_matches") or 1)),
            requirements,
            requirement_of_any([regex.pattern for regex in compiled], flags),
        )

    def check(self, doc: Document, rule: Rule) -> Iterator[Finding]:
        prepared: Prepared = rule.prepared
        folded = searchable(doc.folded(rule.spec.scope, rule.spec.unmask))
        if not satisfied(prepared.rule_requirement, folded):
            candidates = []  # no regex of this rule can match: the common case, decided in C
        elif len(prepared.regexes) == 1:
            candidates = list(prepared.regexes)
        else:
            candidates = [
                regex
                for regex, required in zip(prepared.regexes, prepared.requirements, strict=True)
                if satisfied(required, folded)
            ]
        if not candidates and not prepared.missing:
            return
        view = doc.reading(rule.spec.scope, rule.spec.unmask)
        if prepared.missing:
            if not view.strip():
                return
            if not any(regex.search(view) for regex in candidates):
                start = len(view) - len(view.lstrip())
                line_end = view.find("\n", start)
                end = line_end if line_end != -1 else len(view.rstrip())
                yield rule.finding(doc, start, max(start + 1, end), fix=None)
            return
        hits: list[tuple[int, int]] = []
        reported: list[tuple[int, int]] = []
        for regex in candidates:
            for match in regex.finditer(view):
                start, end = match.span("match") if "match" in regex.groupindex else match.span()
                while start < end and view[start].isspace():
                    start += 1  # `^\s*` may have run over blanked lines: report the words
                while end > start and view[end - 1].isspace():
                    end -= 1
                if start < 0 or start == end:
                    continue
                if any(s < end and start < e for s, e in reported):
                    continue  # two patterns of one rule found the same words
                reported.append((start, end))
                if vetoed(doc.text, view, start, end, prepared.exceptions, prepared.unless):
                    continue
                hits.append((start, end))
                if len(hits) >= max(prepared.max_findings, prepared.min_matches):
                    break
        if len(hits) < prepared.min_matches:
            return  # too few tells to judge the draft (see ``min_matches``)
        for start, end in sorted(hits)[: prepared.max_findings]:
            yield rule.finding(doc, start, end)

