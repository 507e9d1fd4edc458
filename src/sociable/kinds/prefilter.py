"""Skip a regular expression cheaply when the text cannot match it.

Most rules look for words that most drafts do not contain. Running Python's backtracking
regex engine over every draft for every rule costs far more than asking whether the strings
a match *must* contain occur at all (``str.__contains__`` is a fast C loop). This module
derives, from a parsed pattern, a :data:`Requirement`: a few clauses that every match
satisfies, each clause a set of literal strings one of which the match contains. It is the
idea of RE2's and Hyperscan's prefilters, kept to what Python's own parser can tell:

``\\b\\d+\\s+(?:like|share)s?\\s*=`` requires ``like`` or ``share`` *and* ``=``; a draft
without an ``=`` is skipped even though "like" is everywhere.

The derivation is conservative: whenever it is unsure (a category such as ``\\w``, an
optional part, a lookaround, a back-reference) that part requires nothing, and a pattern that
requires nothing always runs. Literals and text are compared case-folded, so a requirement
holds for case-insensitive patterns too; :func:`searchable` makes the folded text safe for the
one letter whose case-insensitive match ``casefold`` does not cover (dotless ``ı``).

Nothing here decides a finding: a requirement only says when the regex need not run, and the
regex itself confirms every match, so findings are the same with or without the filter.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Sequence
from typing import Any

if sys.version_info >= (3, 11):
    import re._constants as _c
    import re._parser as _parser
else:  # pragma: no cover - Python 3.10
    import sre_constants as _c
    import sre_parse as _parser

#: Clauses that must all hold; each is a tuple of literals one of which occurs. () requires
#: nothing (always run the regex).
Requirement = tuple[tuple[str, ...], ...]
Clause = frozenset[str]

_MAX_CLAUSES = 4  # a few clauses filter as well as many; more only cost checks
_MAX_CLASS = 10  # a character class of up to this many characters becomes a clause
_REPEATS = (_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", _c.MAX_REPEAT))
#: ``re.IGNORECASE`` matches these where ``casefold`` keeps them apart (found by trying every
#: code point against every ASCII letter and digit: only the dotless i).
_IGNORECASE_EXTRA = str.maketrans({"ı": "i"})


def requirement(pattern: str, flags: int = 0) -> Requirement:
    """What every match of ``pattern`` contains, as clauses of case-folded literals.

    Remembered in the regex cache: deriving it means parsing the pattern again.
    """
    from sociable import regex_cache

    found: Requirement = regex_cache.derived("requires", pattern, flags, _requirement)
    return found


def _requirement(pattern: str, flags: int) -> Requirement:
    try:
        parsed = _parser.parse(pattern, flags)
    except Exception:
        return ()
    return _ordered(_sequence(list(parsed.data)))


def requirement_of_any(patterns: Sequence[str], flags: int = 0) -> Requirement:
    """:func:`any_of` the patterns' requirements, remembered in the regex cache like them."""
    from sociable import regex_cache

    if len(patterns) == 1:
        return requirement(patterns[0], flags)
    found: Requirement = regex_cache.derived(
        "requires-any", "\0".join(patterns), flags,
        lambda joined, fl: any_of(requirement(p, fl) for p in joined.split("\0")),
    )
    return found


def any_of(requirements: Iterable[Requirement]) -> Requirement:
    """What a match of *any* of several patterns needs (a rule with a list of patterns): one
    clause, the union of each pattern's most selective clause; nothing if one needs nothing."""
    items = list(requirements)
    if len(items) == 1:
        return items[0]
    union: set[str] = set()
    for item in items:
        if not item:
            return ()
        union |= set(item[0])
    return _ordered([frozenset(union)]) if union else ()


def satisfied(required: Requirement, text: str) -> bool:
    """False only when some clause has no literal in ``text`` (folded, see :func:`searchable`)."""
    for clause in required:
        for literal in clause:
            if literal in text:
                break
        else:
            return False
    return True


def searchable(folded: str) -> str:
    """The case-folded view as requirements are checked against it."""
    return folded.translate(_IGNORECASE_EXTRA) if "ı" in folded else folded


# --- derivation ----------------------------------------------------------------------------

def _sequence(items: list[Any]) -> list[Clause]:
    """A sequence needs what each of its elements needs: runs of literals and the clauses of
    its groups and repeats, all together."""
    clauses: list[Clause] = []
    run: list[str] = []
    for op, arg in items:
        if op == _c.LITERAL:
            run.append(chr(arg))
            continue
        if run:
            clauses.append(frozenset({"".join(run).casefold()}))
            run = []
        clauses.extend(_element(op, arg))
    if run:
        clauses.append(frozenset({"".join(run).casefold()}))
    return clauses


def _element(op: Any, arg: Any) -> list[Clause]:
    if op == _c.SUBPATTERN:
        return _sequence(list(arg[-1]))
    if op == _c.BRANCH:
        union: set[str] = set()
        for branch in arg[1]:
            found = _ordered(_sequence(list(branch)))
            if not found:
                return []  # one branch needs nothing: the whole alternation needs nothing
            union |= set(found[0])
        return [frozenset(union)]
    if op in _REPEATS:
        low, _high, body = arg
        return _sequence(list(body)) if low >= 1 else []
    if op == getattr(_c, "ATOMIC_GROUP", None):
        return _sequence(list(arg))
    if op == _c.IN:
        return _character_class(arg)
    return []  # categories, anchors, lookarounds, back-references: no literal requirement


def _character_class(items: list[Any]) -> list[Clause]:
    """A small class of plain characters (``[,:;]``, ``[0-9]``) needs one of them."""
    chars: set[str] = set()
    for op, arg in items:
        if op == _c.LITERAL:
            chars.add(chr(arg).casefold())
        elif op == _c.RANGE and arg[1] - arg[0] < _MAX_CLASS:
            chars.update(chr(code).casefold() for code in range(arg[0], arg[1] + 1))
        else:
            return []  # negated, a category (\w, \d) or a wide range: anything may match
        if len(chars) > _MAX_CLASS:
            return []
    return [frozenset(chars)] if chars else []


def _ordered(clauses: list[Clause]) -> Requirement:
    """Minimal clauses, the most selective first, at most :data:`_MAX_CLAUSES`.

    A literal that contains another of its clause adds nothing ("shares" beside "share"); a
    clause that holds whenever a smaller one holds adds nothing either. Longer literals are
    rarer, so clauses whose shortest literal is longest come first and a draft usually fails
    on the first; ties are broken by text, so the order is the same every run.
    """
    minimal: list[Clause] = []
    for clause in clauses:
        kept = frozenset(lit for lit in clause if not any(o != lit and o in lit for o in clause))
        if kept:
            minimal.append(kept)
    unique = set(minimal)
    pruned = [c for c in unique if not any(o < c for o in unique)]
    pruned.sort(key=lambda c: (-min(map(len, c)), len(c), sorted(c)))
    return tuple(tuple(sorted(clause)) for clause in pruned[:_MAX_CLAUSES])
