"""Near-duplicates across drafts and against history: the same message sent twice.

How two drafts are compared (``near-duplicate``):

1. The body (greeting and signature left out) is *normalised*: lower case; URLs, e-mail
   addresses, @mentions, numbers, emoji and merge fields (``{{first_name}}``, ``[Company]``)
   masked; the recipient's name and company, the name after a greeting and other capitalised
   words inside a sentence masked too, so "Hi Ana, ..." and "Hi Ben, ..." copies still match;
   punctuation dropped, so a moved comma changes nothing.
2. Its character 5-grams (:mod:`sociable.kinds.minhash`) (over UTF-8 bytes) are hashed with CRC-32 (stable across processes,
   unlike ``hash()`` of text) into a 128-bin *one-permutation* MinHash sketch, densified so
   short texts get a full sketch. The share of equal bins estimates the Jaccard similarity.
3. LSH: bands of 6 bins become bucket keys, one band at a time (memory stays at one dict of
   drafts); only drafts sharing a bucket are compared, so the cost grows about linearly.
4. The score is the Jaccard estimate, or the containment (the smaller text inside the larger)
   when the two are of comparable length, so a copy with one added sentence still counts.

Keys of ``near-duplicate`` (besides the common ones):

* ``error_at`` (number): score from which a pair is "the same message", reported with the
  rule's severity (default 0.9).
* ``warn_at`` (number): score from which a pair is "template reuse", reported one severity
  lower (error -> warning; default 0.7).
* ``min_words`` (int): drafts with fewer words in the body take no part (default 8).
* ``history`` (bool): also compare with the configured history (default true).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any

from sociable.findings import Finding
from sociable.kinds.base import Key, Kind, Rule
from sociable.kinds.corpus import (
    Place,
    corpus_finding,
    draft_names,
    normalise_span,
    normalised_pieces,
    number_option,
    place,
    trim,
    view_sections,
)
from sociable.kinds.minhash import (
    VECTOR_FROM,
    best_partners,
    shingle_hashes_of_parts,
    sign,
    sketch,
    use_numpy,
)
from sociable.records import Record, fill
from sociable.text import more_words_than

if TYPE_CHECKING:
    from sociable.document import Document
    from sociable.packs.schema import RuleSpec


class DraftSketch(Record):
    """A draft's MinHash sketch and where the draft is (frozen; a plain record: a dataclass
    costs start-up time, :mod:`sociable.records`)."""

    _frozen = True  # no __slots__: signatures are unpickled by the thousand

    place: Place
    sketch: bytes
    size: int
    history: bool

    def __init__(self, place: Place, sketch: bytes, size: int, history: bool = False) -> None:
        fill(self, place=place, sketch=sketch, size=size, history=history)


def draft_sketch(doc: Document, view: str, start: int, end: int, min_words: int) -> DraftSketch | None:
    if end - start > LONG:
        return _long_sketch(doc, view, start, end, min_words)
    text = normalise_span(view, start, end, draft_names(doc))
    if not more_words_than(text, min_words - 1):
        return None
    signed, size = sign(text)
    return DraftSketch(place(doc, start, end), signed, size)


#: Characters from which a draft is normalised and hashed piece by piece.
LONG = 1 << 17


def _long_sketch(doc: Document, view: str, start: int, end: int, min_words: int) -> DraftSketch | None:
    """:func:`draft_sketch` of a long draft, its normalised text read one piece at a time
    (no copy as long as the draft): the same sketch and size, as :func:`sign` promises for
    its two ways."""
    words = 0

    def spaced(pieces: Iterator[str]) -> Iterator[str]:
        nonlocal words
        for number, piece in enumerate(pieces):
            if words < min_words:
                words += len(piece.split(" ", min_words))  # pieces hold single spaces only
            yield piece if number == 0 else " " + piece

    hashes = shingle_hashes_of_parts(spaced(normalised_pieces(view, start, end, draft_names(doc))))
    if words < min_words:
        return None
    return DraftSketch(place(doc, start, end), sketch(hashes), len(hashes))


class DupOptions(Record):
    """A near-duplicate rule's options (frozen)."""

    _frozen = True

    error_at: float
    warn_at: float
    min_words: int
    history: bool

    def __init__(self, error_at: float, warn_at: float, min_words: int, history: bool) -> None:
        fill(self, error_at=error_at, warn_at=warn_at, min_words=min_words, history=history)


class Match(Record):
    """The best partner found for one draft (frozen)."""

    _frozen = True

    other: Place
    score: float
    history: bool
    rank: tuple[float, bool, int]

    def __init__(self, other: Place, score: float, history: bool, rank: tuple[float, bool, int]) -> None:
        fill(self, other=other, score=score, history=history, rank=rank)


def best_matches(
    drafts: Sequence[DraftSketch], warn_at: float, reported: int | None = None
) -> dict[int, Match]:
    """For each draft (by index), its most similar other draft at or above ``warn_at``.

    Only the first ``reported`` drafts are reported (None: all): pairs of two others, such as
    two drafts of the repo a commit is compared with, are not even scored.
    Ties go to history, then to the earlier draft, so copies all name the same original.
    """
    limit = len(drafts) if reported is None else reported
    best: dict[int, Match] = {}
    history = [d.history for d in drafts]
    sketches, sizes = [d.sketch for d in drafts], [d.size for d in drafts]
    for mine, other, value in best_partners(sketches, sizes, history, limit, warn_at):
        partner = drafts[other]
        best[mine] = Match(partner.place, value, partner.history, (value, partner.history, -other))
    return best


class NearDuplicate(Kind):
    name = "near-duplicate"
    corpus = True
    keys = {
        "error_at": Key((int, float), "score from which a pair is an error", default=0.9),
        "warn_at": Key((int, float), "score from which a pair is a warning", default=0.7),
        "min_words": Key((int,), "drafts with fewer body words take no part", default=8),
        "history": Key((bool,), "also compare with the configured history", default=True),
    }
    message_fields = ("verdict", "other", "similarity")

    def prepare(self, spec: RuleSpec) -> DupOptions:
        warn_at = number_option(spec, "warn_at", 0.7, 0.3, 1.0)
        error_at = number_option(spec, "error_at", 0.9, warn_at, 1.0)
        return DupOptions(error_at, warn_at, int(spec.options.get("min_words") or 8),
                          spec.options.get("history") is not False)

    def warm(self, rules: Sequence[Rule], drafts: int) -> None:
        """numpy signs the drafts of a large run (:func:`minhash.use_numpy`), imported once
        before the workers fork; from :data:`minhash.VECTOR_FROM` drafts, where the main
        process imports it anyway to pair the drafts."""
        if drafts >= VECTOR_FROM:
            use_numpy()

    def signature(self, doc: Document, rule: Rule) -> DraftSketch | None:
        view = doc.view(rule.spec.scope)
        start, end = trim(view, 0, len(view))
        return draft_sketch(doc, view, start, end, rule.prepared.min_words)

    def check(self, doc: Document, rule: Rule) -> Iterator[Finding]:
        view = doc.view(rule.spec.scope)
        parts = view_sections(doc, rule.spec.scope)
        if len(parts) < 2:
            return
        drafts = [d for d in (draft_sketch(doc, view, a, b, rule.prepared.min_words) for a, b in parts) if d]
        yield from self._findings(drafts, rule)

    def compare(
        self, signatures: list[Any], rule: Rule, reported: int | None = None
    ) -> Iterator[Finding]:
        yield from self._findings(list(signatures), rule, reported)

    def reference(self, doc: Document, rule: Rule) -> DraftSketch | None:
        """A sent message (a history row or file), named by the line where it starts:
        "already sent: sent.csv:14"."""
        if not rule.prepared.history:
            return None
        found = self.signature(doc, rule)
        if found is None:
            return None
        row = found.place.replace(line=doc.position(0)[0], column=1)
        return DraftSketch(row, found.sketch, found.size, history=True)

    def _findings(
        self, drafts: Sequence[DraftSketch], rule: Rule, reported: int | None = None
    ) -> Iterator[Finding]:
        options: DupOptions = rule.prepared
        for index, match in sorted(best_matches(drafts, options.warn_at, reported).items()):
            error = match.score >= options.error_at
            if match.history:
                verdict = "Already sent:" if error else "Template reuse: close to the already-sent"
            else:
                verdict = "Same message as" if error else "Template reuse: close to"
            yield corpus_finding(
                rule, drafts[index].place, rule.spec.severity if error else _lower(rule.spec.severity),
                verdict=verdict, other=match.other.where, similarity=round(match.score * 100),
            )


def _lower(severity: str) -> str:
    """The severity of template reuse: one step below the rule's own (error -> warning)."""
    return {"error": "warning", "warning": "info"}.get(severity, severity)
