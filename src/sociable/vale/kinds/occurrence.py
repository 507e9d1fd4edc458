"""Vale's ``occurrence``: too many (``max``) or too few (``min``) matches of ``token``.

Keys: ``token``, ``max``, ``min``, ``ignorecase``, ``scope`` (a block at a time; ``summary``
for the whole draft). The alert sits on the first match, or at the block's start when there
is none; the message is printed as written.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sociable.kinds.base import Rule
from sociable.packs.schema import RuleSpec
from sociable.vale.kinds.base import IGNORECASE, Alert, ValeKind, compile_rule, definition
from sociable.vale.markup import Block


class Occurrence(ValeKind):
    name = "vale-occurrence"
    extends = "occurrence"

    def prepare(self, spec: RuleSpec) -> Any:
        rule = definition(spec)
        pattern = f"(?:{rule.get('token', '')})"
        if rule.get("ignorecase"):
            pattern = IGNORECASE + pattern
        return compile_rule(spec, pattern, "token"), int(rule.get("max") or 0), int(rule.get("min") or 0)

    def run(self, block: Block, rule: Rule) -> Iterable[Alert]:
        pattern, most, least = rule.prepared
        matches = [m for m in pattern.finditer(block.text) if m.end() > m.start()]
        count = len(matches)
        if (most > 0 and count > most) or (least > 0 and count < least):
            message = str(definition(rule.spec).get("message", ""))
            if not matches:
                yield Alert(0, 0, message, "")
            else:
                first = matches[0]
                yield Alert(first.start(), first.end(), message, first.group())
