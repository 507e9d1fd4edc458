"""Vale's ``consistency``: a draft should use one spelling of each ``either`` pair.

Keys: ``either`` (option -> other option), ``ignorecase``, ``nonword``, ``scope``. Once both
options of a pair have been seen in the draft, each block that uses the pair is reported at
its last use of it; the message's ``%s`` is that use.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from sociable.kinds.base import Rule, RuleError
from sociable.packs.schema import RuleSpec
from sociable.vale.kinds.base import (
    IGNORECASE,
    Alert,
    ValeKind,
    compile_rule,
    definition,
    format_message,
    template_for,
)
from sociable.vale.markup import Block, Parsed


class Consistency(ValeKind):
    name = "vale-consistency"
    extends = "consistency"

    def prepare(self, spec: RuleSpec) -> Any:
        rule = definition(spec)
        either = rule.get("either") or {}
        if not isinstance(either, dict):
            raise RuleError(f"Vale rule {spec.code}: 'either' must map one option to the other", "either")
        template = template_for(spec)
        steps = []
        for first, second in either.items():
            pattern = template.replace("%s", f"(?P<a>{first})|(?P<b>{second})")
            if rule.get("ignorecase"):
                pattern = IGNORECASE + pattern
            steps.append(compile_rule(spec, pattern, "either"))
        return steps

    def run_blocks(self, blocks: list[Block], rule: Rule, parsed: Parsed) -> Iterator[tuple[Block, Alert]]:
        message = definition(rule.spec).get("message", "")
        seen: set[tuple[int, str]] = set()
        for block in blocks:
            for index, pattern in enumerate(rule.prepared):
                last = None
                for match in pattern.finditer(block.text):
                    name = "a" if match.start("a") != -1 else "b"
                    seen.add((index, name))
                    last = match
                if last is not None and {(index, "a"), (index, "b")} <= seen:
                    yield block, Alert(last.start(), last.end(),
                                       format_message(message, last.group()), last.group())
