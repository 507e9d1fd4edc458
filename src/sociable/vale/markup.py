"""The blocks Vale lints, and where each of their characters sits in the file.

Vale renders Markdown to HTML and lints the text of each block element: headings, paragraphs,
list items, table cells and block quotes, each on its own; rules scoped ``sentence`` see each
sentence of those blocks. Code blocks, frontmatter, HTML comments and link targets are never
seen; inline code is replaced by ``*`` characters of the same length (so a word either side of
it is not "repeated"); emphasis markers, escapes and tags disappear.

This module does that scoping directly on the source, keeping for every character of a
block's text the offset it came from, so a match maps back to an exact line and column (Vale
searches the file for the matched text instead; on ordinary prose the two agree).

Parsed drafts are cached per text, so the many Vale rules of a run share one parse.
"""

from __future__ import annotations

import functools
import html
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from sociable import regex_cache

#: Tags every text block carries, by block kind.
_TAGS = {
    "paragraph": frozenset({"text", "paragraph"}),
    "list": frozenset({"text", "list", "paragraph"}),
    "blockquote": frozenset({"text", "blockquote", "paragraph"}),
    "table.header": frozenset({"text", "table", "table.header"}),
    "table.cell": frozenset({"text", "table", "table.cell"}),
}


def _heading_tags(level: int) -> frozenset[str]:
    return frozenset({"text", "heading", f"heading.h{level}"})


@dataclass(frozen=True)
class Block:
    """Text as Vale sees it, with the file offset of every character (plus one past the end)."""

    text: str
    offsets: tuple[int, ...]
    tags: frozenset[str]

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """File offsets of ``text[start:end]``."""
        if end <= start:
            return self.offsets[start], self.offsets[start]
        return self.offsets[start], self.offsets[end - 1] + 1


@dataclass(frozen=True)
class Parsed:
    """A draft split into blocks; ``raw`` is the whole file, ``summary`` all text blocks."""

    blocks: tuple[Block, ...]
    raw: Block
    sentences: tuple[Block, ...] = field(default=())
    #: ``<!-- vale off -->`` style comments: (offset, target or "" for all rules, on?).
    switches: tuple[tuple[int, str, bool], ...] = ()
    #: Blocks per (scopes, skipped scopes): many rules share a scope, so each is chosen once.
    _selected: dict[Any, list[Block]] = field(default_factory=dict, compare=False, repr=False)

    def enabled(self, code: str, offset: int) -> bool:
        """Whether comments before ``offset`` leave rule ``code`` on (Vale's ``vale off``)."""
        on = True
        style = code.split(".", 1)[0]
        for at, target, state in self.switches:
            if at > offset:
                break
            if target in ("", code, style):
                on = state
        return on

    def selected(self, scopes: tuple[str, ...], skipped: tuple[str, ...],
                 choose: Callable[[Parsed, tuple[str, ...], tuple[str, ...]], Iterable[Block]]) -> list[Block]:
        key = (scopes, skipped)
        found = self._selected.get(key)
        if found is None:
            found = self._selected[key] = list(choose(self, scopes, skipped))
        return found

    @functools.cached_property
    def summary(self) -> Block:
        text: list[str] = []
        offsets: list[int] = []
        for block in self.blocks:
            if text:
                text.append("\n\n")
                offsets.extend((block.offsets[0], block.offsets[0]))
            text.append(block.text)
            offsets.extend(block.offsets[:-1])
        end = self.blocks[-1].offsets[-1] if self.blocks else 0
        return Block("".join(text), (*offsets, end), frozenset({"summary"}))


# --- inline markup ------------------------------------------------------------------------

_CODE_SPAN = regex_cache.lazy(r"(?<!`)(`+)(?!`)(.+?)(?<!`)\1(?!`)", re.S)
_ESCAPE = regex_cache.lazy(r"\\([!-/:-@\[-`{-~])")
_COMMENT = regex_cache.lazy(r"<!--.*?-->", re.S)
_AUTOLINK = regex_cache.lazy(r"<((?:https?|ftp|mailto):[^<>\s]+|[^<>\s@]+@[^<>\s@]+)>")
_TAG = regex_cache.lazy(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")
_IMAGE = regex_cache.lazy(r"!\[[^\]]*\]\([^)]*\)")
_LINK = regex_cache.lazy(r"\[((?:[^\[\]]|\[[^\]]*\])*)\](\([^)]*\)|\[[^\]]*\])")
_EMPHASIS = regex_cache.lazy(r"\*+|_+|~~")
_ENTITY = regex_cache.lazy(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")

KEEP, SKIP = 0, 1


def _inline(src: str, where: list[int], end: int, hide_code: bool = True) -> tuple[str, tuple[int, ...]]:
    """Strip inline Markdown from ``src`` (whose characters sit at file offsets ``where``).

    Inline code becomes ``*`` characters unless ``hide_code`` is off (``IgnoredScopes``
    without ``code``), when its text is linted like the rest.
    """
    n = len(src)
    action = [KEEP] * n
    replace: dict[int, str] = {}
    code = [False] * n
    for match in _CODE_SPAN.finditer(src):
        ticks = len(match.group(1))
        for i in range(match.start(), match.start() + ticks):
            action[i] = SKIP
        for i in range(match.end() - ticks, match.end()):
            action[i] = SKIP
        if hide_code:
            for i in range(match.start(2), match.end(2)):
                replace[i] = "*"
        for i in range(match.start(), match.end()):
            code[i] = True

    def free(start: int, stop: int) -> bool:
        return not any(code[start:stop])

    def skip(start: int, stop: int) -> None:
        for i in range(start, stop):
            action[i] = SKIP

    for match in _ESCAPE.finditer(src):
        if free(match.start(), match.end()):
            action[match.start()] = SKIP
            code[match.start() + 1] = True  # the escaped character is literal
    for pattern in (_COMMENT, _IMAGE):
        for match in pattern.finditer(src):
            if free(match.start(), match.start() + 1):
                skip(match.start(), match.end())
    for match in _AUTOLINK.finditer(src):
        if free(match.start(), match.start() + 1):
            action[match.start()] = action[match.end() - 1] = SKIP
    for match in _TAG.finditer(src):
        if free(match.start(), match.start() + 1) and action[match.start()] == KEEP:
            skip(match.start(), match.end())
    for match in _LINK.finditer(src):
        if free(match.start(), match.start() + 1) and action[match.start()] == KEEP:
            action[match.start()] = SKIP
            skip(match.start(2) - 1, match.end())
    for match in _ENTITY.finditer(src):
        if free(match.start(), match.end()):
            skip(match.start() + 1, match.end())
            replace[match.start()] = html.unescape(match.group())
    for match in _EMPHASIS.finditer(src):
        start, stop = match.start(), match.end()
        if not free(start, stop) or action[start] == SKIP:
            continue
        before = src[start - 1] if start else " "
        after = src[stop] if stop < n else " "
        if before.isspace() and after.isspace():
            continue  # "5 * 3": not emphasis
        if match.group()[0] == "_" and before.isalnum() and after.isalnum():
            continue  # snake_case
        skip(start, stop)
    text: list[str] = []
    offsets: list[int] = []
    for i, char in enumerate(src):
        if action[i] == SKIP:
            continue
        value = replace.get(i, char)
        text.append(value)
        offsets.extend([where[i]] * len(value))
    return "".join(text), (*offsets, end)


def _gather(source: str, spans: list[tuple[int, int]]) -> tuple[str, list[int], int]:
    """Join line spans with newlines: the text and each character's file offset."""
    parts: list[str] = []
    where: list[int] = []
    for index, (start, stop) in enumerate(spans):
        if index:
            parts.append("\n")
            where.append(spans[index - 1][1])
        parts.append(source[start:stop])
        where.extend(range(start, stop))
    return "".join(parts), where, spans[-1][1] if spans else 0


def _make_block(source: str, spans: list[tuple[int, int]], tags: frozenset[str],
                inline: bool = True, hide_code: bool = True) -> Block | None:
    spans = [_strip_span(source, s) for s in spans]
    spans = [s for s in spans if s[1] > s[0]] or spans[:0]
    if not spans:
        return None
    src, where, end = _gather(source, spans)
    if inline:
        text, offsets = _inline(src, where, end, hide_code)
    else:
        text, offsets = src, (*where, end)
    # Trailing whitespace never belongs to a block (Vale trims block text).
    stripped = text.rstrip()
    lead = len(text) - len(text.lstrip())
    if not stripped.strip():
        return None
    return Block(stripped[lead:], (*offsets[lead:len(stripped)], offsets[len(stripped)]), tags)


def _strip_span(source: str, span: tuple[int, int]) -> tuple[int, int]:
    start, stop = span
    while start < stop and source[start] in " \t":
        start += 1
    while stop > start and source[stop - 1] in " \t\r":
        stop -= 1
    return start, stop


# --- Markdown blocks ----------------------------------------------------------------------

_FENCE = regex_cache.lazy(r"^[ \t]*(`{3,}|~{3,})")
_ATX = regex_cache.lazy(r"^ {0,3}(#{1,6})(?:[ \t]+|$)")
_SETEXT = regex_cache.lazy(r"^ {0,3}(=+|-+)[ \t]*$")
_BREAK = regex_cache.lazy(r"^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_LIST = regex_cache.lazy(r"^([ \t]*)([-*+]|\d{1,9}[.)])([ \t]+|$)")
_QUOTE = regex_cache.lazy(r"^ {0,3}> ?")
_TABLE_RULE = regex_cache.lazy(r"^[ \t]*\|?[ \t]*:?-+:?[ \t]*(\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$")
_REFERENCE = regex_cache.lazy(r"^ {0,3}\[[^\]]+\]:\s*\S+")
_FRONTMATTER = regex_cache.lazy(r"\A(---|\+\+\+)[ \t]*\r?\n.*?^(---|\.\.\.|\+\+\+)[ \t]*$", re.S | re.M)


def _lines(source: str, start: int, stop: int) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    pos = start
    while pos < stop:
        nl = source.find("\n", pos, stop)
        end = stop if nl == -1 else nl
        out.append((pos, end))
        pos = end + 1
    return out


def _markdown(source: str, lines: list[tuple[int, int]], container: str | None,
              out: list[Block], hide_code: bool = True) -> None:
    """Append the blocks of ``lines`` (file spans) to ``out``; ``container`` for quotes/lists."""
    para: list[tuple[int, int]] = []
    para_kind = container or "paragraph"
    list_indent = -1

    def flush() -> None:
        nonlocal para
        if para:
            block = _make_block(source, para, _TAGS[para_kind], hide_code=hide_code)
            if block is not None:
                out.append(block)
        para = []

    i = 0
    while i < len(lines):
        start, stop = lines[i]
        line = source[start:stop]
        if not line.strip():
            flush()
            para_kind = container or "paragraph"
            i += 1
            continue
        indent = len(line) - len(line.lstrip(" \t"))
        fence = _FENCE.match(line)
        if fence:
            flush()
            marker = fence.group(1)
            i += 1
            while i < len(lines):
                inner = source[lines[i][0]:lines[i][1]].strip()
                if inner.startswith(marker[0] * len(marker)) and not inner.strip(marker[0]):
                    break
                i += 1
            i += 1
            continue
        if indent >= 4 and not para and list_indent < 0:
            i += 1  # an indented code block
            continue
        if line.lstrip().startswith("<!--"):
            flush()
            while i < len(lines) and "-->" not in source[lines[i][0]:lines[i][1]]:
                i += 1
            i += 1
            continue
        quote = _QUOTE.match(line)
        if quote:
            flush()
            inner_lines: list[tuple[int, int]] = []
            while i < len(lines):
                s, e = lines[i]
                q = _QUOTE.match(source[s:e])
                if q is None:
                    if not source[s:e].strip():
                        break
                    inner_lines.append((s, e))  # lazy continuation
                else:
                    inner_lines.append((s + q.end(), e))
                i += 1
            _markdown(source, inner_lines, "blockquote", out, hide_code)
            continue
        atx = _ATX.match(line)
        if atx:
            flush()
            content_start = start + atx.end()
            content_stop = stop
            body = source[content_start:content_stop].rstrip()
            closing = re.search(r"(?:^|[ \t])#+[ \t]*$", body)
            if closing:
                content_stop = content_start + closing.start()
            block = _make_block(source, [(content_start, content_stop)],
                                _heading_tags(len(atx.group(1))), hide_code=hide_code)
            if block is not None:
                out.append(block)
            i += 1
            continue
        if para and _SETEXT.match(line) and para_kind == "paragraph":
            level = 1 if line.strip()[0] == "=" else 2
            block = _make_block(source, para, _heading_tags(level), hide_code=hide_code)
            if block is not None:
                out.append(block)
            para = []
            i += 1
            continue
        if _BREAK.match(line):
            flush()
            i += 1
            continue
        item = _LIST.match(line)
        if item and (not para or item.group(2)[0] in "-*+" or item.group(2).startswith("1")):
            flush()
            list_indent = len(item.group(1))
            para_kind = "list"
            content = start + item.end()
            para = [(content, stop)]
            i += 1
            continue
        if "|" in line and i + 1 < len(lines) and not para:
            rule = source[lines[i + 1][0]:lines[i + 1][1]]
            if _TABLE_RULE.match(rule) and "-" in rule:
                i = _table(source, lines, i, out, hide_code)
                continue
        if _REFERENCE.match(line) and not para:
            i += 1
            continue
        if para and para_kind == "list" and indent <= list_indent and not container:
            pass  # lazy continuation of the item
        para.append((start, stop))
        i += 1
    flush()


def _table(source: str, lines: list[tuple[int, int]], i: int, out: list[Block],
           hide_code: bool = True) -> int:
    header = True
    while i < len(lines):
        start, stop = lines[i]
        line = source[start:stop]
        if not line.strip() or "|" not in line:
            break
        if not (header is False and _TABLE_RULE.match(line) and "-" in line) and not (
            i > 0 and _TABLE_RULE.match(line) and "-" in line
        ):
            pos = start
            cells: list[tuple[int, int]] = []
            cell_start = pos
            in_code = False
            for j in range(start, stop):
                char = source[j]
                if char == "`":
                    in_code = not in_code
                elif char == "|" and not in_code and (j == start or source[j - 1] != "\\"):
                    cells.append((cell_start, j))
                    cell_start = j + 1
            cells.append((cell_start, stop))
            tags = _TAGS["table.header" if header else "table.cell"]
            for cell in cells:
                block = _make_block(source, [cell], tags, hide_code=hide_code)
                if block is not None:
                    out.append(block)
            header = False
        i += 1
    return i


def parse_markdown(source: str, hide_code: bool = True) -> list[Block]:
    start = 0
    front = _FRONTMATTER.match(source)
    if front:
        start = front.end()
    out: list[Block] = []
    _markdown(source, _lines(source, start, len(source)), None, out, hide_code)
    return out


# --- reStructuredText and plain text ------------------------------------------------------

_RST_LITERAL = regex_cache.lazy(r"``(.+?)``", re.S)
_RST_UNDERLINE = regex_cache.lazy(r"^([=\-`:'\"~^_*+#<>.])\1+[ \t]*$")


def parse_rst(source: str) -> list[Block]:
    """Paragraphs, section titles and list items; literal blocks and directives skipped."""
    out: list[Block] = []
    lines = _lines(source, 0, len(source))
    para: list[tuple[int, int]] = []
    skip_indent = -1

    def flush() -> None:
        nonlocal para
        if para:
            block = _rst_block(source, para, _TAGS["paragraph"])
            if block is not None:
                out.append(block)
        para = []

    for index, (start, stop) in enumerate(lines):
        line = source[start:stop]
        indent = len(line) - len(line.lstrip())
        if skip_indent >= 0:
            if not line.strip() or indent > skip_indent:
                continue
            skip_indent = -1
        if not line.strip():
            flush()
            continue
        if line.lstrip().startswith(".. "):
            flush()
            skip_indent = indent
            continue
        if _RST_UNDERLINE.match(line.strip()) and len(line.strip()) >= 3:
            if para and len(para) == 1:
                block = _rst_block(source, para, _heading_tags(1))
                if block is not None:
                    out.append(block)
                para = []
            continue
        para.append((start, stop))
        if line.rstrip().endswith("::"):
            flush()
            skip_indent = indent
        del index
    flush()
    return out


def _rst_block(source: str, spans: list[tuple[int, int]], tags: frozenset[str]) -> Block | None:
    block = _make_block(source, spans, tags, inline=False)
    if block is None:
        return None
    text = list(block.text)
    keep = [True] * len(text)
    for match in _RST_LITERAL.finditer(block.text):
        keep[match.start()] = keep[match.start() + 1] = False
        keep[match.end() - 1] = keep[match.end() - 2] = False
        for i in range(match.start(1), match.end(1)):
            text[i] = "*"
    chars = [c for c, k in zip(text, keep, strict=False) if k]
    offsets = [o for o, k in zip(block.offsets, keep, strict=False) if k]
    return Block("".join(chars), (*offsets, block.offsets[-1]), tags)


def parse_text(source: str) -> list[Block]:
    """Plain text: each run of non-blank lines is a paragraph; nothing is markup."""
    out: list[Block] = []
    para: list[tuple[int, int]] = []
    for start, stop in [*_lines(source, 0, len(source)), (len(source), len(source))]:
        if source[start:stop].strip():
            para.append((start, stop))
            continue
        if para:
            block = _make_block(source, para, _TAGS["paragraph"], inline=False)
            if block is not None:
                out.append(block)
        para = []
    return out


# --- sentences ----------------------------------------------------------------------------

_ABBREVIATIONS = frozenset(
    ["e.g", "i.e", "etc", "vs", "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "inc", "ltd", "co", "corp", "no", "fig", "al", "approx", "dept", "est"]
)
_SENTENCE_END = regex_cache.lazy(r"[.!?…]+[\"'”’)\]]*(?=\s+\S)")


def split_sentences(block: Block) -> list[Block]:
    """The sentences of a block (a light version of the prose segmenter Vale uses)."""
    text = block.text
    out: list[Block] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        word = re.search(r"(\S+)$", text[start:match.start()] or " ")
        token = word.group(1).lower().rstrip(".") if word else ""
        if match.group().startswith(".") and (token in _ABBREVIATIONS or len(token) == 1):
            continue
        nxt = text[match.end():].lstrip()
        if nxt and nxt[0].islower():
            continue
        out.append(_slice(block, start, match.end()))
        start = match.end()
        while start < len(text) and text[start].isspace():
            start += 1
    if start < len(text):
        out.append(_slice(block, start, len(text)))
    return [s for s in out if s.text.strip()]


def _slice(block: Block, start: int, end: int) -> Block:
    return Block(block.text[start:end], (*block.offsets[start:end], block.offsets[end]),
                 frozenset({"sentence"}))


_SWITCH = regex_cache.lazy(
    r"<!--\s*vale\s+(?:(off|on)|([\w.-]+)\s*=\s*(YES|NO))\s*-->", re.I)


def comment_switches(source: str) -> tuple[tuple[int, str, bool], ...]:
    """``<!-- vale off -->``, ``<!-- vale on -->``, ``<!-- vale Style.Rule = NO -->``..."""
    out = []
    for match in _SWITCH.finditer(source):
        if match.group(1):
            out.append((match.start(), "", match.group(1).lower() == "on"))
        else:
            out.append((match.start(), match.group(2), match.group(3).upper() == "YES"))
    return tuple(out)


# --- entry point ----------------------------------------------------------------------------

MARKDOWN = frozenset({"md", "markdown", "mdown", "mkd", "mkdn", "mdx"})
TEXT = frozenset({"txt", "text", ""})


@functools.lru_cache(maxsize=64)
def parse(source: str, fmt: str, hide_code: bool = True) -> Parsed:
    """Blocks of a draft in format ``fmt`` (``md``, ``rst`` or ``txt``), cached per text."""
    if fmt in MARKDOWN:
        blocks = parse_markdown(source, hide_code)
    elif fmt == "rst":
        blocks = parse_rst(source)
    else:
        blocks = parse_text(source)
    sentences = tuple(s for block in blocks for s in split_sentences(block))
    raw = Block(source, (*range(len(source)), len(source)), frozenset({"raw"}))
    switches = comment_switches(source) if fmt in MARKDOWN and "vale" in source else ()
    return Parsed(tuple(blocks), raw, sentences, switches)
