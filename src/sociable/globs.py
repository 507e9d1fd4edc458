"""Path patterns as users write them in ``.gitignore``, ``exclude`` and ``per-file-ignores``.

One translation serves all three: a pattern without a slash matches a name at any depth
(``*.tmp``, ``drafts``); a pattern with a slash is anchored at the root it is relative to
(``archive/*.md``); ``**`` spans folders; a trailing slash matches folders only; a leading
``!`` (gitignore only) re-includes.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from sociable.records import Record, fill


@lru_cache(maxsize=1024)
def glob_regex(pattern: str) -> re.Pattern[str]:
    """Compile one pattern to a regex over POSIX paths relative to its root."""
    anchored = "/" in pattern.rstrip("/")
    pattern = pattern.strip("/") if anchored else pattern.rstrip("/")
    pattern = pattern.removeprefix("./")
    out = []
    i = 0
    while i < len(pattern):
        char = pattern[i]
        if pattern.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
            continue
        if pattern.startswith("/**", i) and i + 3 == len(pattern):
            out.append("(?:/.*)?")
            i += 3
            continue
        if pattern.startswith("**", i):
            out.append(".*")
            i += 2
            continue
        if char == "*":
            out.append("[^/]*")
        elif char == "?":
            out.append("[^/]")
        elif char == "[":
            close = pattern.find("]", i + 1)
            if close == -1:
                out.append(re.escape(char))
            else:
                body = pattern[i + 1 : close].replace("\\", "\\\\")
                if body.startswith("!"):
                    body = "^" + body[1:]
                out.append(f"[{body}]")
                i = close
        else:
            out.append(re.escape(char))
        i += 1
    prefix = "" if anchored else "(?:.*/)?"
    # A pattern naming a folder also covers everything inside it.
    return re.compile(f"^{prefix}{''.join(out)}(?:/.*)?$")


def matches(pattern: str, relative_path: str) -> bool:
    return glob_regex(pattern).match(relative_path) is not None


def matches_any(patterns: Iterable[str], relative_path: str) -> bool:
    return any(matches(p, relative_path) for p in patterns)


class IgnoreRule(Record):
    """One line of a ``.gitignore`` (frozen; a plain record: a dataclass costs start-up time,
    :mod:`sociable.records`)."""

    __slots__ = ("dir_only", "negate", "pattern")
    _frozen = True

    pattern: str
    negate: bool
    dir_only: bool

    def __init__(self, pattern: str, negate: bool, dir_only: bool) -> None:
        fill(self, pattern=pattern, negate=negate, dir_only=dir_only)


def parse_gitignore(text: str) -> list[IgnoreRule]:
    rules = []
    for raw in text.splitlines():
        line = raw.rstrip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("\\#") or line.startswith("\\!"):
            line = line[1:]
            negate = False
        else:
            negate = line.startswith("!")
            line = line[1:] if negate else line
        rules.append(IgnoreRule(line, negate, line.endswith("/")))
    return rules


def gitignored(rules: list[IgnoreRule], relative_path: str, is_dir: bool) -> bool | None:
    """True/False when a rule decides (the last matching rule wins), None when none matches."""
    verdict: bool | None = None
    for rule in rules:
        if rule.dir_only and not is_dir:
            # A folder-only rule still covers files inside a matching folder.
            parent = relative_path.rsplit("/", 1)[0] if "/" in relative_path else ""
            if not parent or not matches(rule.pattern, parent):
                continue
        elif not matches(rule.pattern, relative_path):
            continue
        verdict = not rule.negate
    return verdict
