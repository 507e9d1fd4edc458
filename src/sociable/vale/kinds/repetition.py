"""Vale's ``repetition``: the same token twice in a row ("the the").

Keys: ``tokens`` (what counts as a token), ``max`` (repeats allowed), ``ignorecase``,
``alpha`` (only tokens made of letters), ``exceptions``. A repeat spanning two sentences is
not reported. The message's ``%s`` is the repeated token.
"""

from __future__ import annotations

from collections.abc import Iterable
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
from sociable.vale.markup import Block, split_sentences


class Repetition(ValeKind):
    name = "vale-repetition"
    extends = "repetition"

    def prepare(self, spec: RuleSpec) -> Any:
        rule = definition(spec)
        pattern = "(" + "|".join(strings(rule.get("tokens"))) + ")"
        if rule.get("ignorecase"):
            pattern = IGNORECASE + pattern
        exceptions = Exceptions.build(spec, strings(rule.get("exceptions")), bool(rule.get("vocab", True)))
        return compile_rule(spec, pattern, "tokens"), exceptions

    def run(self, block: Block, rule: Rule) -> Iterable[Alert]:
        pattern, exceptions = rule.prepared
        spec_rule = definition(rule.spec)
        ignorecase = bool(spec_rule.get("ignorecase"))
        alpha = bool(spec_rule.get("alpha"))
        most = int(spec_rule.get("max") or 0)
        prev = ""
        prev_start = 0
        count = 0
        for match in pattern.finditer(block.text):
            curr = match.group().strip()
            hit = curr != "" and (curr.lower() == prev.lower() if ignorecase else curr == prev)
            hit = hit and (not alpha or curr.isalpha())
            if hit:
                count += 1
            if hit and count > most:
                span_text = block.text[prev_start:match.end()]
                piece = Block(span_text, block.offsets[prev_start:match.end() + 1], block.tags)
                if len(split_sentences(piece)) == 1 and not exceptions.excuses(span_text):
                    message = format_message(spec_rule.get("message", ""), curr)
                    yield Alert(prev_start, match.end(), message, span_text)
                    count = 0
            prev_start = match.start()
            prev = curr
