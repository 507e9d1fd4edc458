"""Vale's ``conditional``: a match of ``first`` needs a match of ``second`` in the draft.

Keys: ``first``, ``second`` (when it has a capture group, each ``first`` match must be one of
its captures, e.g. an acronym defined as "World Health Organization (WHO)"; without one, any
``second`` match in the block will do), ``exceptions``, ``ignorecase``, ``scope``.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from sociable.kinds.base import Rule
from sociable.packs.schema import RuleSpec
from sociable.vale.kinds.base import (
    IGNORECASE,
    Alert,
    Exceptions,
    ValeKind,
    compile_rule,
    definition,
    format_message,
    strings,
)
from sociable.vale.markup import Block, Parsed


def has_capture_group(pattern: str) -> bool:
    return pattern.count("(") > pattern.count("(?") + pattern.count("\\(")


class Conditional(ValeKind):
    name = "vale-conditional"
    extends = "conditional"

    def prepare(self, spec: RuleSpec) -> Any:
        rule = definition(spec)
        prefix = IGNORECASE if rule.get("ignorecase") else ""
        second = str(rule.get("second", ""))
        return (
            compile_rule(spec, prefix + str(rule.get("first", "")), "first"),
            compile_rule(spec, prefix + second, "second"),
            has_capture_group(second),
            Exceptions.build(spec, strings(rule.get("exceptions")), bool(rule.get("vocab", True))),
        )

    def run_blocks(self, blocks: list[Block], rule: Rule, parsed: Parsed) -> Iterator[tuple[Block, Alert]]:
        first, second, grouped, exceptions = rule.prepared
        message = definition(rule.spec).get("message", "")
        defined: list[str] = []
        for block in blocks:
            if not grouped and second.search(block.text):
                continue
            if grouped:
                for match in second.finditer(block.text):
                    defined.extend(g for g in match.groups() if g)
            for match in first.finditer(block.text):
                text = match.group()
                if grouped and text in defined:
                    continue
                if exceptions.excuses(text, block.text, match.start(), match.end()):
                    continue
                yield block, Alert(match.start(), match.end(), format_message(message, text), text)
