"""``count``: flag too many (or too few) hashtags, @mentions, links, emoji, ... in a scope.

Keys (besides the common ones):

* ``count`` (required): what to count: ``hashtags``, ``mentions``, ``links``, ``emoji``,
  ``exclamations``, ``caps-words`` (words of four or more capitals), ``questions``.
* ``max`` / ``min`` (int, or a mapping of channel -> int with an optional ``default``):
  the allowed range; a channel missing from the mapping and without ``default`` is not checked.
* ``ignore`` (list of text): items that do not count (acronyms such as ``NASA`` for
  ``caps-words``, a brand's own hashtag).
* ``skip_leading`` (bool): items that open the scope, before any word, do not count: the
  handles a reply starts with are put there by the platform's reply chain, not by the writer.

Messages may use ``{count}``, ``{max}`` and ``{min}``. A draft over the maximum is reported
from the first item past the limit to the last item; one under the minimum at the scope's
first line.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any

from sociable import regex_cache
from sociable.kinds.base import Key, Kind, Rule, RuleError
from sociable.records import Record, fill

if TYPE_CHECKING:
    from sociable.document import Document
    from sociable.findings import Finding
    from sociable.packs.schema import RuleSpec

EMOJI = (
    r"(?:[\U0001F1E6-\U0001F1FF]{2}"
    r"|[\U0001F000-\U0001FAFF\u2600-\u27BF\u2B00-\u2BFF\u2300-\u23FF\u3030\u303D\u3297\u3299]"
    r"(?:[\uFE0F\U0001F3FB-\U0001F3FF]|\u200D[\U0001F000-\U0001FAFF\u2600-\u27BF]\uFE0F?)*)"
)

COUNTABLE: dict[str, tuple[str, tuple[str, ...]]] = {
    # name: (regex, mask kinds to read through). The hashtag and mention patterns open with
    # their "#" or "@" and look behind it from there ("(?<![\w&/#]#)" is "no word character
    # before the #"): a pattern that opens with a literal lets the regex engine jump from one
    # "#" to the next instead of trying the look-behind at every character of the view (20x
    # less time on a 3,000-character post, which an editor re-lints on every pause).
    "hashtags": (r"#(?:(?<=hashtag#)|(?<![\w&/#]#))(?=\w*[^\W\d_])\w+", ()),
    "mentions": (r"@(?<![\w.@/]@)[A-Za-z0-9_](?:[\w.-]*\w)?", ()),
    "links": (
        r"(?:\b(?:https?|ftp)://|\bwww\.)\S+"
        r"|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|org|net|io|co|ly|me|ai|app|dev|in|uk)/\S*",
        ("url",),
    ),
    "emoji": (EMOJI, ()),
    "exclamations": (r"!", ()),
    "caps-words": (r"(?<![\w'’])[A-Z][A-Z'’]{3,}(?![\w'’])", ()),
    "questions": (r"\?+", ()),
}


class Prepared(Record):
    """A count rule ready to run (frozen; a plain record: a dataclass costs start-up time)."""

    _frozen = True

    regex: re.Pattern[str]
    unmask: tuple[str, ...]
    low: Any
    high: Any
    ignore: frozenset[str]
    skip_leading: bool

    def __init__(self, regex: re.Pattern[str], unmask: tuple[str, ...], low: Any, high: Any,
                 ignore: frozenset[str], skip_leading: bool = False) -> None:
        fill(self, regex=regex, unmask=unmask, low=low, high=high, ignore=ignore,
             skip_leading=skip_leading)


def _limit(value: Any, channel: str | None) -> int | None:
    if value is None or isinstance(value, int):
        return value
    if isinstance(value, Mapping):
        chosen = value.get(channel or "", value.get("default"))
        return int(chosen) if chosen is not None else None
    return None


class Count(Kind):
    name = "count"
    keys = {
        "count": Key((str,), f"what to count: {', '.join(COUNTABLE)}", required=True),
        "max": Key((int, dict), "the most allowed (or channel -> most allowed)"),
        "min": Key((int, dict), "the fewest allowed (or channel -> fewest allowed)"),
        "ignore": Key((list,), "items that do not count"),
        "skip_leading": Key((bool,), "items before the scope's first word do not count", default=False),
    }
    message_fields = ("count", "max", "min")

    def prepare(self, spec: RuleSpec) -> Prepared:
        options = spec.options
        what = options["count"]
        if what not in COUNTABLE:
            raise RuleError(f"cannot count {what!r}; use one of: {', '.join(COUNTABLE)}", key="count")
        if options.get("max") is None and options.get("min") is None:
            raise RuleError("a count rule needs 'max', 'min' or both", key="count")
        for bound in ("max", "min"):
            value = options.get(bound)
            if isinstance(value, dict) and not all(
                isinstance(v, int) and not isinstance(v, bool) for v in value.values()
            ):
                raise RuleError(f"every value of {bound!r} must be a whole number", key=bound)
        source, unmask = COUNTABLE[what]
        flags = 0 if what == "caps-words" else re.IGNORECASE
        ignore = frozenset(str(item).lower() for item in options.get("ignore") or [])
        return Prepared(
            regex_cache.compile(source, flags), unmask, options.get("min"), options.get("max"), ignore,
            bool(options.get("skip_leading")),
        )

    def check(self, doc: Document, rule: Rule) -> Iterator[Finding]:
        prepared: Prepared = rule.prepared
        low, high = _limit(prepared.low, doc.channel), _limit(prepared.high, doc.channel)
        if low is None and high is None:
            return
        view = doc.reading(rule.spec.scope, tuple(rule.spec.unmask) + prepared.unmask)
        if not view or view.isspace():  # (not a stripped copy: a view is as long as the draft)
            return
        items: Iterator[tuple[int, int]] = (
            m.span() for m in prepared.regex.finditer(view)
            if m.group().lower() not in prepared.ignore
        )
        if prepared.skip_leading:
            items = _after_leading(view, items)
        # Counted as they come, keeping only the first item past the limit and the last: a
        # long draft has tens of thousands of hashtags, and a list of their spans to match.
        count, first_over, last = 0, 0, 0
        for start, end in items:
            if count == high:
                first_over = start
            count += 1
            last = end
        fields: dict[str, Any] = {"count": count, "max": high, "min": low}
        if high is not None and count > high:
            match = view[first_over:last] if rule.shows_match else None
            yield rule.finding(doc, first_over, last, match=match, **fields)
        elif low is not None and count < low:
            start = len(view) - len(view.lstrip())
            line_end = view.find("\n", start)
            end = line_end if line_end != -1 else len(view.rstrip())
            yield rule.finding(doc, start, max(start + 1, end), fix=None, **fields)


def _after_leading(view: str, items: Iterable[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    """``items`` without the run that opens ``view`` with nothing but spaces or commas between."""
    position = 0
    leading = True
    for start, end in items:
        if leading and (view[position:start].strip(" \t\n,;:") or start < position):
            leading = False
        if not leading:
            yield start, end
        position = end
