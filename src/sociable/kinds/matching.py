"""Shared matching helpers: phrase lists -> one regex, vetoes, sentence bounds.

Phrases are matched case-insensitively, word-bounded, and tolerant of whitespace and
punctuation between words ("share this with your network" matches "Share this, with your
network"), never across a blank line. In a phrase, ``*`` stands for exactly one word and
``**`` for up to three.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from sociable import regex_cache
from sociable.kinds.base import RuleError, sentence_around

# Between two words: punctuation or whitespace. Kept this small because compiling it once per
# phrase is most of a short run's start-up; matches that span a paragraph break are dropped
# afterwards by :func:`crosses_paragraph`.
_GAP = r"\W{1,8}"
_PARAGRAPH = regex_cache.lazy(r"\n[ \t]*\r?\n")
_ONE_WORD = r"[\w'’-]+"
_TOKEN = regex_cache.lazy(r"\*\*|\*|[#@$]?\w+|[^\w\s'’,.;:!?\"()\[\]-]")


def phrase_regex(phrase: str) -> str:
    """The regex source of one phrase (see module docstring for the syntax)."""
    tokens = _TOKEN.findall(phrase)
    if not tokens or all(t in ("*", "**") for t in tokens):
        raise RuleError(f"phrase {phrase!r} has no words", key="phrases")
    body = ""
    for index, token in enumerate(tokens):
        if token == "**":
            # Zero to three words, each with the gap before it.
            body += f"(?:{_GAP}{_ONE_WORD}){{0,3}}"
            continue
        if index:
            body += _GAP
        body += _ONE_WORD if token == "*" else re.escape(token)
    head = r"(?<!\w)" if re.match(r"\w", tokens[0]) or tokens[0][0] in "#@$" else ""
    tail = r"(?!\w)" if re.search(r"\w$", tokens[-1]) else ""
    return f"{head}{body}{tail}"


def compile_phrases(phrases: Sequence[str], key: str = "phrases") -> re.Pattern[str]:
    """One alternation for a whole list, longest phrases first, compiled once per process.

    Phrases of the same length are ordered by their text: sorting a ``set`` by length alone
    leaves ties in hash-seed order, a new pattern every run that the regex cache never hits.
    """
    if not phrases:
        raise RuleError(f"{key!r} must list at least one phrase", key=key)
    ordered = sorted(set(phrases), key=lambda phrase: (-len(phrase), phrase))
    try:
        # Building the source is pure Python string work, 20 us a phrase: remembered in the
        # regex cache with the opcodes, so a one-draft run skips it for the packs' lists.
        source = regex_cache.derived("phrases", "\0".join(ordered), 0, _alternation)
    except RuleError as exc:
        raise RuleError(str(exc), key=key) from None
    return regex_cache.compile(source, re.IGNORECASE)


def _alternation(joined: str, _flags: int) -> str:
    return "|".join(f"(?:{phrase_regex(p)})" for p in joined.split("\0"))


def vetoed(
    text: str,
    view: str,
    start: int,
    end: int,
    exceptions: re.Pattern[str] | None,
    unless: re.Pattern[str] | None,
) -> bool:
    """True when an exception overlaps the match or an ``unless`` phrase is in its sentence."""
    if exceptions is not None:
        left, right = max(0, start - 80), min(len(view), end + 80)
        for match in exceptions.finditer(view, left, right):
            if match.start() <= start and end <= match.end():
                return True
    if unless is not None:
        left, right = sentence_around(view, start, end)
        if unless.search(view, left, right):
            return True
    return False


def crosses_paragraph(text: str) -> bool:
    return "\n" in text and _PARAGRAPH.search(text) is not None


def optional_phrases(values: Iterable[str] | None, key: str) -> re.Pattern[str] | None:
    values = list(values or [])
    return compile_phrases(values, key) if values else None
