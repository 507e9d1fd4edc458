"""The same set of hashtags on every post.

Keys of ``hashtag-set`` (the same set of hashtags every time):

* ``min_drafts`` (int): how many drafts must use the same set (default 3).
* ``min_tags`` (int): smaller sets are ignored (default 2).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from sociable import regex_cache
from sociable.findings import Finding
from sociable.kinds.base import Key, Rule, RuleError
from sociable.kinds.corpus import Keyed, KeyedCorpusKind, corpus_finding, place
from sociable.records import Record, fill

if TYPE_CHECKING:
    from sociable.document import Document
    from sociable.packs.schema import RuleSpec

_HASHTAG = regex_cache.lazy(r"(?<![\w#&/])#([^\W\d_][\w]*)")


class TagOptions(Record):
    """A hashtag-set rule's options (frozen; a plain record: a dataclass costs start-up time)."""

    _frozen = True

    min_drafts: int
    min_tags: int

    def __init__(self, min_drafts: int, min_tags: int) -> None:
        fill(self, min_drafts=min_drafts, min_tags=min_tags)


class HashtagSet(KeyedCorpusKind):
    name = "hashtag-set"
    keys = {
        "min_drafts": Key((int,), "how many drafts must use the same set", default=3),
        "min_tags": Key((int,), "smaller sets are ignored", default=2),
    }
    message_fields = ("count", "other")

    def prepare(self, spec: RuleSpec) -> TagOptions:
        min_drafts = int(spec.options.get("min_drafts") or 3)
        if min_drafts < 2:
            raise RuleError("'min_drafts' must be 2 or more", key="min_drafts")
        return TagOptions(min_drafts, int(spec.options.get("min_tags") or 2))

    def _keyed(self, doc: Document, view: str, start: int, end: int, rule: Rule) -> Keyed | None:
        found = list(_HASHTAG.finditer(view, start, end))
        tags = sorted({m.group(1).lower() for m in found})
        if len(tags) < rule.prepared.min_tags:
            return None
        return Keyed(place(doc, found[0].start(), found[-1].end()), " ".join("#" + t for t in tags))

    def _findings(self, items: Sequence[Keyed], rule: Rule) -> Iterator[Finding]:
        groups: dict[str, list[Keyed]] = defaultdict(list)
        for item in items:
            groups[item.key].append(item)
        for key, group in groups.items():
            if len(group) < rule.prepared.min_drafts:
                continue
            for index, item in enumerate(group):
                other = group[1] if index == 0 else group[0]
                yield corpus_finding(
                    rule, item.place, rule.spec.severity, match=key, count=len(group) - 1,
                    other=other.place.where,
                )
