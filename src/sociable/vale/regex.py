"""Vale's regular expressions, translated for Python's ``regex`` module.

Vale compiles rules with regexp2 (.NET syntax, RE2-compatible for what style authors write),
so lookarounds, backreferences, ``\\p{...}`` classes and POSIX classes all occur in public
styles. The third-party ``regex`` module understands all of those; what still differs is:

* an inline flag group such as ``(?i)`` in the middle of a pattern: Go and .NET apply it from
  there to the end of the enclosing group, ``regex`` would apply it to the whole pattern, so it
  becomes a scoped group ``(?i:...)`` closed where the enclosing group closes;
* ``\\Q...\\E`` literal text, which becomes escaped text;
* ``\\z`` (end of text), which is ``\\Z`` here.

What has no equivalent (``\\C``, the ungreedy flag ``U``) raises :class:`Untranslatable`.
"""

from __future__ import annotations

import functools
from typing import Any

_FLAG_CHARS = set("imsx-")


class Untranslatable(ValueError):
    """A pattern uses Go syntax with no Python equivalent (or does not compile)."""


def _class_end(pattern: str, start: int) -> int:
    """Index just past the character class opening at ``pattern[start] == '['``."""
    i = start + 1
    if i < len(pattern) and pattern[i] == "^":
        i += 1
    if i < len(pattern) and pattern[i] == "]":
        i += 1
    while i < len(pattern):
        char = pattern[i]
        if char == "\\":
            i += 2
            continue
        if char == "[" and pattern.startswith("[:", i):
            close = pattern.find(":]", i + 2)
            if close != -1:
                i = close + 2
                continue
        if char == "]":
            return i + 1
        i += 1
    raise Untranslatable("unterminated character class")


def translate(pattern: str) -> str:
    """The Python ``regex`` spelling of a Go/regexp2 pattern."""
    import regex

    out: list[str] = []
    # One entry per open group: the scoped flag groups opened in it, to close with it (and
    # to close and reopen around each ``|``, since Go keeps the flags across alternatives).
    pending: list[list[str]] = [[]]
    i = 0
    n = len(pattern)
    while i < n:
        char = pattern[i]
        if char == "\\":
            nxt = pattern[i + 1] if i + 1 < n else ""
            if nxt == "Q":
                end = pattern.find("\\E", i + 2)
                literal = pattern[i + 2:] if end == -1 else pattern[i + 2:end]
                out.append(regex.escape(literal))
                i = n if end == -1 else end + 2
                continue
            if nxt == "z":
                out.append("\\Z")
            elif nxt == "C":
                raise Untranslatable("\\C (any byte) has no Python equivalent")
            else:
                out.append(pattern[i:i + 2])
            i += 2
            continue
        if char == "[":
            end = _class_end(pattern, i)
            out.append(pattern[i:end])
            i = end
            continue
        if char == "(":
            if pattern.startswith("(?", i):
                j = i + 2
                while j < n and pattern[j] in _FLAG_CHARS:
                    j += 1
                flags = pattern[i + 2:j]
                if j < n and pattern[j] == "U":
                    raise Untranslatable("the ungreedy flag (?U) has no Python equivalent")
                if flags and j < n and pattern[j] == ")":
                    if "-" in flags and flags.endswith("-"):
                        flags = flags[:-1]
                    if i == 0 or not out:
                        out.append(f"(?{flags})")
                    else:
                        out.append(f"(?{flags}:")
                        pending[-1].append(flags)
                    i = j + 1
                    continue
            out.append("(")
            pending.append([])
            i += 1
            continue
        if char == ")":
            out.append(")" * len(pending.pop()) if len(pending) > 1 else "")
            out.append(")")
            i += 1
            continue
        if char == "|" and pending[-1]:
            out.append(")" * len(pending[-1]) + "|")
            out.extend(f"(?{flags}:" for flags in pending[-1])
            i += 1
            continue
        out.append(char)
        i += 1
    out.append(")" * len(pending[0]))
    return "".join(out)


@functools.lru_cache(maxsize=4096)
def compile_go(pattern: str) -> Any:
    """Translate and compile ``pattern``; raise :class:`Untranslatable` with the reason."""
    import regex

    translated = translate(pattern)
    try:
        return regex.compile(translated, regex.V0)
    except regex.error as exc:
        raise Untranslatable(f"invalid regular expression {pattern!r}: {exc}") from None


_PLAIN = __import__("re").compile(r"[^\\.^$*+?()\[\]{}|#]+")


def literal_alternation(tokens: list[str], ignorecase: bool) -> str | None:
    """The tokens as one trie-shaped pattern, or None when that could change the matches.

    Public styles list hundreds of plain phrases (cliches, profanity); a backtracking engine
    tries each alternative at every position, a trie tries one branch per character. Only
    tokens without regex syntax qualify, and a token may be a prefix of another only where the
    word template's ``\\b`` cannot hold between them ("arse" / "arsehole"): then at most one
    alternative can match at a position, so leftmost-first alternation and the trie pick the
    same match.
    """
    import regex

    order: dict[str, int] = {}
    for token in tokens:
        if not _PLAIN.fullmatch(token):
            return None
        order.setdefault(token.lower() if ignorecase else token, len(order))
    unique = sorted(order)
    if len(unique) < 8:
        return None
    # A shorter token wins over a longer one where both can end on a word boundary
    # ("coon" / "coon ass") when it is listed first: its end then tries to stop early.
    lazy: set[str] = set()
    for index, first in enumerate(unique):
        clashes = []
        for second in unique[index + 1:]:
            if not second.startswith(first):
                break
            if not first or _wordy(first[-1]) != _wordy(second[len(first)]):
                clashes.append(order[second] > order[first])
        if clashes and not all(clashes) and any(clashes):
            return None
        if clashes and all(clashes):
            lazy.add(first)
    trie: dict[str, dict] = {}
    for word in unique:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def render(node: dict[str, dict], prefix: str) -> str:
        branches = [regex.escape(char) + render(node[char], prefix + char)
                    for char in sorted(node) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if "" not in node:
            return body
        return f"(?:{body})??" if prefix in lazy else f"(?:{body})?"

    return render(trie, "")


def _wordy(char: str) -> bool:
    return char.isalnum() or char == "_"
