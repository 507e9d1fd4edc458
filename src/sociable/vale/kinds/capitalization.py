"""Vale's ``capitalization``: a block (usually a heading) in the expected case.

Keys: ``match`` (``$sentence``, ``$title``, ``$lower``, ``$upper`` or a pattern), ``style``
(``AP`` or ``Chicago`` for ``$title``), ``exceptions`` (words always accepted as written, plus
the accepted ``Vocab``), ``indicators`` (suffixes after which a new sentence starts, default
``:``), ``threshold`` (share of words that must conform, default 0.8), ``scope``.
The alert covers the whole block; the message's ``%s`` is the block's text.

For ``$sentence``: the first word with letters must be capitalised as a word (``Test``), the
rest lower case; the word after an indicator starts again like a first word; an excepted word counts as
correct; an all-capitals word counts only when it is excepted (so ``JSON`` in a heading is
reported unless the style or the vocabulary accepts it); words without letters are not words.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sociable.kinds.base import Rule
from sociable.packs.schema import RuleSpec
from sociable.vale.kinds.base import (
    Alert,
    ValeKind,
    compile_rule,
    definition,
    exception_pattern,
    format_message,
    strings,
)
from sociable.vale.markup import Block

_WORD = r"[\p{N}\p{L}*]+[^\s]*"
#: Words AP and Chicago title case keep lower case unless first or last.
_SMALL = frozenset(
    ["a", "an", "and", "as", "at", "but", "by", "en", "for", "if", "in", "nor", "of", "on", "or", "per", "the", "to", "v", "vs", "via"]
)


def go_title(word: str) -> str:
    """Go's ``strings.Title``: upper-case each letter that follows a separator."""
    out = []
    separated = True
    for char in word:
        out.append(char.upper() if separated and char.isalpha() else char)
        separated = not (char.isalnum() or char == "_")
    return "".join(out)


def title_case(text: str) -> str:
    words = text.split(" ")
    last = len(words) - 1
    out = []
    for index, word in enumerate(words):
        bare = word.lower().strip("\"'“”‘’()[]:,.!?")
        if 0 < index < last and bare in _SMALL:
            out.append(word.lower())
        elif word.isupper() or any(c.isupper() for c in word[1:]):
            out.append(word)
        else:
            out.append(word[:1].upper() + word[1:])
    return " ".join(out)


class Capitalization(ValeKind):
    name = "vale-capitalization"
    extends = "capitalization"

    def prepare(self, spec: RuleSpec) -> Any:
        rule = definition(spec)
        source = exception_pattern(strings(rule.get("exceptions")), spec.options.get("accepted", ()))
        excepted = compile_rule(spec, source, "exceptions") if source else None
        words = compile_rule(spec, (source + "|" if source else "") + _WORD)
        match = str(rule.get("match", "$sentence"))
        custom = None
        if not match.startswith("$"):
            custom = compile_rule(spec, match, "match")
        return match, custom, excepted, words, float(rule.get("threshold") or 0.8)

    def conforms(self, text: str, rule: Rule) -> bool:
        match, custom, excepted, words, threshold = rule.prepared
        indicators = strings(definition(rule.spec).get("indicators", [":"]))

        def is_excepted(word: str) -> bool:
            return excepted is not None and excepted.search(word) is not None

        if match == "$lower":
            return text == text.lower() or is_excepted(text)
        if match == "$upper":
            return text == text.upper() or is_excepted(text)
        if custom is not None:
            return custom.search(text) is not None or is_excepted(text)
        if match == "$title":
            expected = words.findall(title_case(text))
            count = total = 0
            for index, word in enumerate(words.findall(text)):
                if index >= len(expected) or word == expected[index] or is_excepted(word) or word == word.upper():
                    count += 1
                total += 1
            return total == 0 or count / total > threshold
        tokens = words.findall(text.rstrip("?!.:"))
        count = total = 0
        first = True
        prev = ""
        for token in tokens:
            word = token
            for mark in ("-", "'", "’"):
                if mark in word:
                    word = word.split(mark)[0]
                    break
            after_indicator = any(prev.endswith(i) for i in indicators)
            prev = token
            if is_excepted(word):
                count += 1
            elif not any(c.isalpha() for c in word):
                continue
            elif first or after_indicator:
                if word != go_title(word.lower()):
                    return False
                count += 1
            elif word == word.lower():
                count += 1
            first = False
            total += 1
        return total == 0 or count / total > threshold

    def run(self, block: Block, rule: Rule) -> Iterable[Alert]:
        text = block.text
        if not self.conforms(text, rule):
            message = format_message(definition(rule.spec).get("message", ""), text)
            yield Alert(0, len(text), message, text)
