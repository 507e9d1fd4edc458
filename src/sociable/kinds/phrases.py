"""``phrases``: flag any of a list of phrases.

The workhorse kind, like Vale's ``existence``. Matching is case-insensitive, word-bounded and
tolerant of whitespace and punctuation between words (see :mod:`sociable.kinds.matching`); the
list is compiled once per process into a single regex.

Keys (besides the common ones):

* ``phrases`` (list of text, required): what to flag. ``*`` is one word, ``**`` up to three.
* ``exceptions`` (list of text): longer phrases that contain a match and make it fine
  ("quick question about your talk" is specific, "quick question" is not).
* ``unless`` (list of text): phrases that, anywhere in the same sentence, make a match fine
  ("share" next to "fundraiser" or "missing" is a help request, not bait).
* ``max_findings`` (int): report at most this many matches per draft (default 3).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from sociable.kinds.base import Key, Kind, Rule
from sociable.kinds.matching import compile_phrases, crosses_paragraph, optional_phrases, vetoed
from sociable.kinds.prefilter import Requirement, requirement, satisfied, searchable
from sociable.records import Record, fill

if TYPE_CHECKING:
    from sociable.document import Document
    from sociable.findings import Finding
    from sociable.packs.schema import RuleSpec


class Prepared(Record):
    """A phrases rule ready to run (frozen; a plain record: a dataclass costs start-up time)."""

    _frozen = True

    regex: re.Pattern[str]
    exceptions: re.Pattern[str] | None
    unless: re.Pattern[str] | None
    max_findings: int
    #: What every match contains (see ``prefilter``): without it the regex need not run.
    required: Requirement

    def __init__(self, regex: re.Pattern[str], exceptions: re.Pattern[str] | None,
                 unless: re.Pattern[str] | None, max_findings: int, required: Requirement = ()) -> None:
        fill(self, regex=regex, exceptions=exceptions, unless=unless, max_findings=max_findings,
             required=required)


class Phrases(Kind):
    name = "phrases"
    keys = {
        "phrases": Key((list,), "the phrases to flag", required=True),
        "exceptions": Key((list,), "longer phrases containing a match that make it fine"),
        "unless": Key((list,), "phrases that make a match fine when in the same sentence"),
        "max_findings": Key((int,), "at most this many findings per draft", default=3),
    }

    def prepare(self, spec: RuleSpec) -> Prepared:
        options = spec.options
        regex = compile_phrases(options["phrases"])
        return Prepared(
            regex,
            optional_phrases(options.get("exceptions"), "exceptions"),
            optional_phrases(options.get("unless"), "unless"),
            int(options.get("max_findings") or 3),
            requirement(regex.pattern, regex.flags),
        )

    def check(self, doc: Document, rule: Rule) -> Iterator[Finding]:
        prepared: Prepared = rule.prepared
        if not satisfied(prepared.required, searchable(doc.folded(rule.spec.scope, rule.spec.unmask))):
            return
        view = doc.reading(rule.spec.scope, rule.spec.unmask)
        count = 0
        for match in prepared.regex.finditer(view):
            start, end = match.span()
            if crosses_paragraph(match.group()):
                continue
            if vetoed(doc.text, view, start, end, prepared.exceptions, prepared.unless):
                continue
            yield rule.finding(doc, start, end)
            count += 1
            if count >= prepared.max_findings:
                return
