"""The same opening or closing sentence in many drafts: a template showing through.

Keys of ``shared-sentence`` (same opening or closing sentence in many drafts):

* ``part`` (text, required): ``opening`` or ``closing``.
* ``min_drafts`` (int): how many drafts must share the sentence (default 3).
* ``min_words`` (int): shorter sentences are ignored (default 5).
* ``except`` (list of text): sentence starts that are fine to repeat (greetings and sign-offs
  such as "thanks" and "looking forward" are always fine).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from sociable import regex_cache
from sociable.findings import Finding
from sociable.kinds.base import Key, Rule, RuleError
from sociable.kinds.corpus import (
    Keyed,
    KeyedCorpusKind,
    draft_names,
    group_findings,
    normalise,
    place,
    view_sentences,
)
from sociable.records import Record, fill

if TYPE_CHECKING:
    from sociable.document import Document
    from sociable.packs.schema import RuleSpec

_COURTESY = regex_cache.lazy(
    r"^(?:thanks?\b|thank you|many thanks|cheers|best|regards|kind regards|warm(?:est)? regards"
    r"|all the best|looking forward|look forward|talk soon|speak soon|have a (?:great|good|nice)"
    r"|hope (?:you|this|all)|i hope (?:you|this|all)|hi\b|hello|hey|dear|good (?:morning|afternoon|evening)"
    r"|let me know|no worries|take care|happy (?:monday|friday|weekend)|p\.?s\b)"
)


class SentenceOptions(Record):
    """A shared-sentence rule's options (frozen; a plain record: a dataclass costs start-up time)."""

    _frozen = True

    part: str
    min_drafts: int
    min_words: int
    exceptions: tuple[str, ...]

    def __init__(self, part: str, min_drafts: int, min_words: int, exceptions: tuple[str, ...]) -> None:
        fill(self, part=part, min_drafts=min_drafts, min_words=min_words, exceptions=exceptions)


class SharedSentence(KeyedCorpusKind):
    name = "shared-sentence"
    keys = {
        "part": Key((str,), "opening or closing", required=True),
        "min_drafts": Key((int,), "how many drafts must share the sentence", default=3),
        "min_words": Key((int,), "shorter sentences are ignored", default=5),
        "except": Key((list,), "sentence starts that are fine to repeat"),
    }
    message_fields = ("count", "other")

    def prepare(self, spec: RuleSpec) -> SentenceOptions:
        part = spec.options.get("part")
        if part not in ("opening", "closing"):
            raise RuleError("'part' must be 'opening' or 'closing'", key="part")
        min_drafts = int(spec.options.get("min_drafts") or 3)
        if min_drafts < 2:
            raise RuleError("'min_drafts' must be 2 or more", key="min_drafts")
        exceptions = tuple(normalise(str(e)) for e in spec.options.get("except") or ())
        return SentenceOptions(part, min_drafts, int(spec.options.get("min_words") or 5), exceptions)

    def _keyed(self, doc: Document, view: str, start: int, end: int, rule: Rule) -> Keyed | None:
        options: SentenceOptions = rule.prepared
        whole = start == 0 and end == len(view)  # the signature: sentences split once a draft
        spans = view_sentences(doc, rule.spec.scope) if whole else doc.sentences_within(rule.spec.scope, start, end)
        if len(spans) < 2:
            return None  # a one-sentence draft has no separate opening or closing
        span = spans[0] if options.part == "opening" else spans[-1]
        key = normalise(view[span[0] : span[1]], draft_names(doc))
        if len(key.split()) < options.min_words or _COURTESY.match(key):
            return None
        if any(key.startswith(e) for e in options.exceptions):
            return None
        return Keyed(place(doc, *span), key)

    def _findings(self, items: Sequence[Keyed], rule: Rule) -> Iterator[Finding]:
        yield from group_findings(items, rule, rule.prepared.min_drafts, rule.prepared.part)
