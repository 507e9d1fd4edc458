"""Vale's ``substitution``: each ``swap`` key (a pattern) should read as its value.

Keys: ``swap`` (pattern -> preferred text, ``a|b`` for several), ``ignorecase``, ``nonword``,
``exceptions``, ``action`` (``replace`` without ``params`` offers the swap values), ``scope``.
A match that already reads as the preferred text is not reported. The message takes the
preferred text, then the match; the preferred text is capitalised like the match.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sociable.kinds.base import Rule, RuleError
from sociable.packs.schema import RuleSpec
from sociable.vale.kinds.base import (
    IGNORECASE,
    Alert,
    Exceptions,
    ValeKind,
    compile_rule,
    definition,
    format_message,
    template_for,
)
from sociable.vale.markup import Block
from sociable.vale.regex import Untranslatable, compile_go


def to_sentence(words: list[str], quote: bool) -> str:
    """``['a', 'b', 'c']`` -> ``'a', 'b' or 'c'`` (Vale's ``ToSentence``)."""
    shown = [f"'{w}'" if quote else w for w in words]
    if len(shown) == 1:
        return shown[0]
    return ", ".join(shown[:-1]) + " or " + shown[-1]


def convert_message(message: str) -> tuple[str, bool]:
    """Drop the quotes around the first ``%s`` when the suggestions bring their own."""
    for spec in ("'%s'", '"%s"'):
        if message.count(spec) == 2:
            return message.replace(spec, "%s", 1), True
    return message, False


def is_phrase(text: str) -> bool:
    return " " in text.strip()


class Substitution(ValeKind):
    name = "vale-substitution"
    extends = "substitution"

    def prepare(self, spec: RuleSpec) -> Any:
        rule = definition(spec)
        swap = rule.get("swap") or {}
        if not isinstance(swap, dict):
            raise RuleError(f"Vale rule {spec.code}: 'swap' must map patterns to replacements", "swap")
        keys: list[str] = []
        replacements: list[str] = []
        for key, value in swap.items():
            key = str(key)
            opens = key.count("(")
            if opens != key.count("(?") and opens != key.count("\\("):
                raise RuleError(
                    f"Vale rule {spec.code}: capture group not supported in swap key {key!r}; "
                    "use '(?:' instead of '('", "swap",
                )
            keys.append(f"({key})")
            replacements.append("" if value is None else str(value))
        template = template_for(spec)
        pattern = template.replace("%s", "|".join(keys))
        ignorecase = bool(rule.get("ignorecase", False))
        if ignorecase:
            pattern = IGNORECASE + pattern
        compiled = compile_rule(spec, pattern, "swap")
        exceptions = Exceptions.build(spec, [str(e) for e in rule.get("exceptions") or []])
        return compiled, replacements, ignorecase, exceptions

    def run(self, block: Block, rule: Rule) -> Iterable[Alert]:
        pattern, replacements, ignorecase, exceptions = rule.prepared
        spec_rule = definition(rule.spec)
        action = spec_rule.get("action") or {}
        replace_action = isinstance(action, dict) and action.get("name") == "replace" and not action.get("params")
        for match in pattern.finditer(block.text):
            for index in range(1, len(replacements) + 1):
                if match.start(index) == -1:
                    continue
                start, end = match.start(index), match.end(index)
                if start == end:
                    break
                expected = replacements[index - 1]
                observed = match.group(index).strip()
                if _same(expected, observed, ignorecase) or exceptions.excuses(observed):
                    break
                message = spec_rule.get("message", "")
                first_option = _cased(expected.split("|")[0], observed)
                if replace_action or "|" in expected:
                    options = [_cased(o, observed) for o in expected.split("|")]
                    message, quoted = convert_message(message)
                    shown = to_sentence(options, quoted)
                else:
                    shown = _cased(expected, observed)
                # The fix keeps whatever space the key matched around the word.
                replacement = match.group(index).replace(observed, first_option, 1)
                yield Alert(start, end, format_message(message, shown, observed), observed,
                            replacement if replace_action else None)
                break


def _cased(expected: str, observed: str) -> str:
    """The suggestion capitalised when the match starts a capitalised word."""
    if observed[:1].isupper() and expected[:1].islower() and not observed.isupper():
        return expected[0].upper() + expected[1:]
    return expected


def _same(expected: str, observed: str, ignorecase: bool) -> bool:
    if is_phrase(expected):
        return expected == observed
    try:
        pattern = compile_go((IGNORECASE if ignorecase else "") + f"^(?:{expected})$")
    except Untranslatable:
        return expected == observed
    return pattern.search(observed) is not None
