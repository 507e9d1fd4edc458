"""Vale's ``existence``: report every match of ``tokens`` (and ``raw``).

Keys: ``tokens`` (alternatives, wrapped in the word template ``\\b(?:...)\\b`` unless
``nonword``), ``raw`` (pattern text prepended as is, or appended with ``append``),
``ignorecase``, ``nonword``, ``exceptions`` (a match containing one, as a word, is let off;
the accepted ``Vocab`` words too, unless ``nonword`` or ``vocab: false``), ``scope``.
The message's ``%s`` is the match.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sociable.kinds.base import Rule
from sociable.packs.schema import RuleSpec
from sociable.vale.kinds.base import (
    IGNORECASE,
    NONWORD_TEMPLATE,
    WORD_TEMPLATE,
    Alert,
    Exceptions,
    ValeKind,
    compile_rule,
    definition,
    format_message,
    one_line,
    strings,
)
from sociable.vale.markup import Block
from sociable.vale.regex import literal_alternation


def existence_pattern(rule: dict[str, Any], word_template: str = "") -> str:
    tokens = [t for t in strings(rule.get("tokens")) if t.strip()]
    raw = "".join(strings(rule.get("raw")))
    word = not rule.get("nonword", False) and bool(tokens)
    template = (word_template or WORD_TEMPLATE) if word else NONWORD_TEMPLATE
    fast = literal_alternation(tokens, bool(rule.get("ignorecase"))) if word and not raw else None
    body = template.replace("%s", fast if fast is not None else "|".join(tokens))
    pattern = body + raw if rule.get("append", False) else raw + body
    if rule.get("ignorecase", False):
        pattern = IGNORECASE + pattern
    return pattern


class Existence(ValeKind):
    name = "vale-existence"
    extends = "existence"

    def prepare(self, spec: RuleSpec) -> Any:
        rule = definition(spec)
        pattern = compile_rule(spec, existence_pattern(rule, spec.options.get("word_template", "")), "tokens")
        use_vocab = bool(rule.get("vocab", True)) and not rule.get("nonword", False)
        return pattern, Exceptions.build(spec, strings(rule.get("exceptions")), use_vocab)

    def run(self, block: Block, rule: Rule) -> Iterable[Alert]:
        pattern, exceptions = rule.prepared
        message = definition(rule.spec).get("message", "")
        action = definition(rule.spec).get("action") or {}
        removes = isinstance(action, dict) and action.get("name") == "remove"
        for match in pattern.finditer(block.text):
            if match.end() == match.start():
                continue
            converted = match.group()
            observed = converted.strip()
            if exceptions.excuses(observed, block.text, match.start(), match.end()):
                continue
            yield Alert(match.start(), match.end(), format_message(message, one_line(converted)),
                        converted, "" if removes else None)
