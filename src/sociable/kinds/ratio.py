"""``ratio``: flag a draft that is mostly about the sender and never asks the reader anything.

Sales coaches call it you-focus: a message full of "I", "we" and "our" that never turns to
"you" reads as a broadcast, however polite. The kind counts first-person and second-person
words in a scope and flags the draft when first-person words dominate and no question is
asked. It is meant for channels where one reader is addressed (DMs, emails, notes).

Keys (besides the common ones):

* ``min_words`` (int): drafts with fewer words are not checked (default 40).
* ``min_first`` (int): at least this many first-person words before the draft can be
  flagged (default 6).
* ``max_share`` (number between 0 and 1): the largest allowed share of first-person words
  among first- and second-person words together (default 0.8).
* ``require_question`` (bool): when true (the default) a draft that asks anything (a
  sentence ending in "?") is never flagged.
* ``first`` (list of text): the first-person words (default: I, me, my, mine, myself, we, us,
  our, ours, ourselves and their contractions such as I'm and we've).
* ``second`` (list of text): the second-person words (default: you, your, yours, yourself,
  yourselves and their contractions such as you're).

The finding covers the first line of the scope. Messages may use ``{first}`` and
``{second}`` (the counts), ``{share}`` (the first-person share in percent) and ``{words}``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sociable.kinds.base import Key, Kind, Rule, RuleError

if TYPE_CHECKING:
    from sociable.document import Document
    from sociable.findings import Finding
    from sociable.packs.schema import RuleSpec

DEFAULT_FIRST = (
    "i", "me", "my", "mine", "myself", "we", "us", "our", "ours", "ourselves",
    "i'm", "i've", "i'd", "i'll", "we're", "we've", "we'd", "we'll", "im", "ive",
)
DEFAULT_SECOND = (
    "you", "your", "yours", "yourself", "yourselves", "you're", "you've", "you'd", "you'll",
    "youre", "u", "ur", "ya",
)

_WORD = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)?")
_QUESTION = re.compile(r"\?")


@dataclass(frozen=True)
class Prepared:
    first: frozenset[str]
    second: frozenset[str]
    min_words: int
    min_first: int
    max_share: float
    require_question: bool


def _word_set(values: object, key: str, default: tuple[str, ...]) -> frozenset[str]:
    if values is None:
        return frozenset(default)
    if not isinstance(values, list) or not values or not all(isinstance(v, str) and v.strip() for v in values):
        raise RuleError(f"{key!r} must be a non-empty list of words", key=key)
    return frozenset(v.strip().lower().replace("’", "'") for v in values)


class Ratio(Kind):
    name = "ratio"
    keys = {
        "min_words": Key((int,), "drafts with fewer words are not checked", default=40),
        "min_first": Key((int,), "first-person words needed before a draft can be flagged", default=6),
        "max_share": Key((float, int), "largest allowed share of first-person words (0 to 1)", default=0.8),
        "require_question": Key((bool,), "a draft that asks a question is never flagged", default=True),
        "first": Key((list,), "the first-person words"),
        "second": Key((list,), "the second-person words"),
    }
    message_fields = ("first", "second", "share", "words")

    def prepare(self, spec: RuleSpec) -> Prepared:
        options = spec.options
        first = _word_set(options.get("first"), "first", DEFAULT_FIRST)
        second = _word_set(options.get("second"), "second", DEFAULT_SECOND)
        if first & second:
            raise RuleError(f"a word cannot be both first and second person: {sorted(first & second)}", key="second")
        share = options.get("max_share")
        share = 0.8 if share is None else share
        if isinstance(share, bool) or not 0 < float(share) <= 1:
            raise RuleError("'max_share' must be a number above 0 and at most 1, such as 0.8", key="max_share")
        min_words = options.get("min_words")
        min_first = options.get("min_first")
        for key, value in (("min_words", min_words), ("min_first", min_first)):
            if value is not None and value < 0:
                raise RuleError(f"{key!r} must be 0 or more", key=key)
        require = options.get("require_question")
        return Prepared(
            first,
            second,
            40 if min_words is None else int(min_words),
            6 if min_first is None else int(min_first),
            float(share),
            True if require is None else bool(require),
        )

    def check(self, doc: Document, rule: Rule) -> Iterator[Finding]:
        prepared: Prepared = rule.prepared
        view = doc.reading(rule.spec.scope, rule.spec.unmask)
        words = [w.lower().replace("’", "'") for w in _WORD.findall(view)]
        if len(words) < prepared.min_words:
            return
        if prepared.require_question and _QUESTION.search(view):
            return
        first = sum(1 for w in words if w in prepared.first)
        second = sum(1 for w in words if w in prepared.second)
        if first == 0 or first < prepared.min_first or first / (first + second) <= prepared.max_share:
            return
        start = len(view) - len(view.lstrip())
        line_end = view.find("\n", start)
        end = line_end if line_end != -1 else len(view.rstrip())
        yield rule.finding(
            doc, start, max(start + 1, end), fix=None,
            first=first, second=second, share=round(100 * first / (first + second)), words=len(words),
        )
