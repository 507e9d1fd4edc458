"""``paragraph-length``: flag a paragraph with more words than a reader takes in at a glance.

A DM or a connection note read on a phone turns one long paragraph into a wall of text; the
reader scrolls past it. Paragraphs are separated by blank lines.

Keys (besides the common ones):

* ``max-words`` (int, required): the most words one paragraph may hold.

Messages may use ``{words}`` (the paragraph's word count) and ``{max}``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from sociable.kinds.base import Key, Kind, Rule, RuleError

if TYPE_CHECKING:
    from sociable.document import Document
    from sociable.findings import Finding
    from sociable.packs.schema import RuleSpec

PARAGRAPH = re.compile(r"\S(?:.|\n(?![ \t]*\n))*")
WORD = re.compile(r"[^\W_][\w'’-]*")


class ParagraphLength(Kind):
    name = "paragraph-length"
    keys = {"max-words": Key((int,), "the most words one paragraph may hold", required=True)}
    message_fields = ("words", "max")

    def prepare(self, spec: RuleSpec) -> int:
        """Checked once when the pack loads: a bad limit is an error naming the pack's line."""
        limit = spec.options["max-words"]
        if limit < 1:
            raise RuleError("'max-words' must be 1 or more", key="max-words")
        return int(limit)

    def check(self, doc: Document, rule: Rule) -> Iterator[Finding]:
        limit: int = rule.prepared
        # The view blanks what the author quotes rather than writes (code, URLs, quotes) and
        # keeps offsets, so a finding's span points into the original draft.
        view = doc.view(rule.spec.scope, rule.spec.unmask)
        for paragraph in PARAGRAPH.finditer(view):
            words = len(WORD.findall(paragraph.group()))
            if words > limit:
                start, end = paragraph.span()
                first_line_end = view.find("\n", start, end)
                yield rule.finding(
                    doc, start, first_line_end if first_line_end != -1 else end,
                    fix=None, words=words, max=limit,
                )
