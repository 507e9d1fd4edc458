"""Skip a regular expression cheaply when the text cannot match it.

Most rules look for words that most drafts do not contain. Running Python's backtracking
regex engine over every draft for every rule costs far more than asking whether any of the
words a match *must* contain occur at all (``str.__contains__`` is a fast C loop). This module
derives, from a parsed pattern, a set of literal strings such that every possible match
contains at least one of them, the idea of RE2's and Hyperscan's prefilters.

The derivation is conservative: whenever it is unsure (character classes, optional parts,
back-references) it gives up and returns None, which means "always run the regex". Literals
and text are compared case-folded, so the filter is valid for case-insensitive patterns too.
"""

from __future__ import annotations

import sys
from typing import Any

if sys.version_info >= (3, 11):
    import re._constants as _c
    import re._parser as _parser
else:  # pragma: no cover - Python 3.10
    import sre_constants as _c
    import sre_parse as _parser

_MIN_LITERAL = 3  # shorter literals ("we", "a") filter almost nothing


def required_literals(pattern: str, flags: int = 0) -> tuple[str, ...] | None:
    """Case-folded strings one of which every match contains, or None when unknown.

    Remembered in the regex cache: deriving them means parsing the pattern again.
    """
    from sociable import regex_cache

    found: tuple[str, ...] | None = regex_cache.derived("literals", pattern, flags, _required_literals)
    return found


def _required_literals(pattern: str, flags: int) -> tuple[str, ...] | None:
    try:
        parsed = _parser.parse(pattern, flags)
    except Exception:
        return None
    found = _sequence(list(parsed.data))
    if not found or any(len(item) < _MIN_LITERAL for item in found):
        return None
    return tuple(sorted(found))


def _sequence(items: list[Any]) -> set[str] | None:
    """For a sequence, any element's requirement holds; keep the most selective one."""
    options: list[set[str]] = []
    run: list[str] = []
    for op, arg in items:
        if op == _c.LITERAL:
            run.append(chr(arg))
            continue
        if run:
            options.append({"".join(run).casefold()})
            run = []
        found = _element(op, arg)
        if found:
            options.append(found)
    if run:
        options.append({"".join(run).casefold()})
    if not options:
        return None
    return max(options, key=lambda option: min(len(item) for item in option))


def _element(op: Any, arg: Any) -> set[str] | None:
    if op == _c.SUBPATTERN:
        return _sequence(list(arg[-1]))
    if op == _c.BRANCH:
        union: set[str] = set()
        for branch in arg[1]:
            found = _sequence(list(branch))
            if not found:
                return None  # one branch needs nothing: the whole alternation needs nothing
            union |= found
        return union
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT) or op == getattr(_c, "POSSESSIVE_REPEAT", None):
        low, _high, body = arg
        return _sequence(list(body)) if low >= 1 else None
    if op == getattr(_c, "ATOMIC_GROUP", None):
        return _sequence(list(arg))
    return None  # classes, anchors, lookarounds, back-references: no literal requirement


def may_match(literals: tuple[str, ...] | None, folded_text: str) -> bool:
    """False only when no required literal occurs in the case-folded text."""
    return literals is None or any(literal in folded_text for literal in literals)
