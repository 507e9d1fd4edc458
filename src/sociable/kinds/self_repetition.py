"""Repetition within one draft: a sentence said twice, a phrase over and over.

Keys of ``self-repetition`` (within one draft; not a corpus kind):

* ``unit`` (text): ``sentence`` (a sentence or paragraph said twice) or ``phrase`` (the same
  phrase of three or more words over and over). Default ``sentence``.
* ``min_words`` (int): sentences (or phrases) shorter than this are ignored (default 5; 3).
* ``min_count`` (int): ``phrase`` only: how often the phrase must occur (default 3).
* ``max_findings`` (int): at most this many findings per draft (default 3).
"""

from __future__ import annotations

import heapq
import re
from array import array
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from sociable import regex_cache
from sociable.kinds.base import Key, Kind, Rule, RuleError
from sociable.kinds.corpus import trim, view_sentences, words_only
from sociable.records import Record, fill
from sociable.text import Coverage, Spans, more_words_than

if TYPE_CHECKING:
    from sociable.document import Document
    from sociable.findings import Finding
    from sociable.packs.schema import RuleSpec

_PARAGRAPH = regex_cache.lazy(r"\S(?:.|\n(?![ \t]*\r?\n))*", re.M)
_WORD = regex_cache.lazy(r"[^\W_][\w'’-]*")
_STOP_WORDS = (
    "a an the and or but so of to in on at for with from by as is are was were be been it its "
    "this that these those i me my we our you your he she they them their his her not no do "
    "does did have has had will would can could should just very really if than then there "
    "here what which who how when about into up out more some any all"
)
_STOP = frozenset(_STOP_WORDS.split(" "))


class SelfOptions(Record):
    """The prepared form: a frozen record, not a dataclass (no methods generated at start-up)."""

    _frozen = True
    unit: str
    min_words: int
    min_count: int
    max_findings: int
    max_words: int | None

    def __init__(self, unit: str, min_words: int, min_count: int, max_findings: int,
                 max_words: int | None) -> None:
        fill(self, unit=unit, min_words=min_words, min_count=min_count, max_findings=max_findings,
             max_words=max_words)


class SelfRepetition(Kind):
    name = "self-repetition"
    keys = {
        "unit": Key((str,), "sentence or phrase", default="sentence"),
        "min_words": Key((int,), "shorter sentences or phrases are ignored"),
        "min_count": Key((int,), "phrase: how often it must occur", default=3),
        "max_findings": Key((int,), "at most this many findings per draft", default=3),
        "max_words": Key((int,), "drafts longer than this are not checked (essays repeat their topic)"),
    }
    message_fields = ("line", "count")

    def prepare(self, spec: RuleSpec) -> SelfOptions:
        unit = spec.options.get("unit") or "sentence"
        if unit not in ("sentence", "phrase"):
            raise RuleError("'unit' must be 'sentence' or 'phrase'", key="unit")
        min_words = int(spec.options.get("min_words") or (5 if unit == "sentence" else 3))
        min_count = int(spec.options.get("min_count") or 3)
        if min_count < 2:
            raise RuleError("'min_count' must be 2 or more", key="min_count")
        max_words = spec.options.get("max_words")
        return SelfOptions(
            unit, min_words, min_count, int(spec.options.get("max_findings") or 3),
            int(max_words) if max_words else None,
        )

    def check(self, doc: Document, rule: Rule) -> Iterator[Finding]:
        options: SelfOptions = rule.prepared
        view = doc.view(rule.spec.scope)
        if options.max_words is not None and more_words_than(view, options.max_words):
            return
        scope = rule.spec.scope
        parts = doc.derived(("self-repetition", scope), lambda: units(view, view_sentences(doc, scope)))
        if options.unit == "sentence":
            for start, end, first in repeated_sentences(view, options.min_words, parts, options.max_findings):
                yield rule.finding(doc, start, end, fix=None, line=doc.position(first)[0], count=2)
            return
        skip = [(s, e) for s, e, _ in repeated_sentences(view, options.min_words, parts)]
        for count, start, end, _ in repeated_phrases(view, options.min_words, options.min_count, skip)[
            : options.max_findings
        ]:
            yield rule.finding(doc, start, end, fix=None, count=count, line=doc.position(start)[0])


def _plain(text: str) -> str:
    """Case and punctuation folded away: enough to see one sentence said twice in one draft
    (names and numbers are not masked here, unlike :func:`normalise` across drafts)."""
    return words_only(text)


class Units:
    """Which paragraphs and sentences of a view repeat an earlier one, as columns: what
    :func:`repeated_sentences` reads, made once per draft for both self-repetition rules.

    Only the first occurrence of each folded text is kept, while the view is read; per
    paragraph and sentence its span, word count and the start of its first occurrence (-1
    for a first) are four ints. As tuples with the folded text they took about 7 MB per MB of
    draft. Same text, same word count, so a first occurrence is the same whatever
    ``min_words`` a rule asks for.
    """

    __slots__ = ("paragraphs", "sentences")

    def __init__(self) -> None:
        #: Paragraphs of 8 words or more holding two sentences or more (the least a repeated
        #: paragraph needs), then sentences: each ``(starts, ends, words, firsts)``.
        self.paragraphs = _columns()
        self.sentences = _columns()


def _columns() -> tuple[array[int], array[int], array[int], array[int]]:
    return array("i"), array("i"), array("i"), array("i")


def units(view: str, sentences: Sequence[tuple[int, int]] | None = None) -> Units:
    """The :class:`Units` of ``view`` (``sentences``: its sentence spans by the document's
    splitter, :meth:`Document.sentence_spans`; split here by the same splitter when not given)."""
    if sentences is None:
        from sociable.text import fold, sentence_spans

        sentences = sentence_spans(fold(view))
    starts = [start for start, _end in sentences] if not isinstance(sentences, Spans) else sentences.starts
    made = Units()
    seen: dict[str, int] = {}
    for match in _PARAGRAPH.finditer(view):
        start, end = trim(view, *match.span())
        key = _plain(view[start:end])
        words = len(key.split())
        if words < 8:
            continue
        # Sentences never cross a blank line: count those starting inside the paragraph.
        first = bisect_left(starts, start)
        count = sum(1 for s, e in sentences[first : bisect_left(starts, end, first)] if e <= end)
        if count >= 2:
            _add(made.paragraphs, start, end, words, seen.setdefault(key, start))
    seen = {}
    for start, end in sentences:
        key = _plain(view[start:end])
        _add(made.sentences, start, end, len(key.split()), seen.setdefault(key, start))
    return made


def _add(columns: tuple[array[int], ...], start: int, end: int, words: int, first: int) -> None:
    starts, ends, counts, firsts = columns
    starts.append(start)
    ends.append(end)
    counts.append(words)
    firsts.append(first if first != start else -1)


def repeated_sentences(
    view: str, min_words: int, parts: Units | None = None, limit: int | None = None
) -> list[tuple[int, int, int]]:
    """``(start, end, first_start)`` of each paragraph or sentence said before in ``view``,
    in order; with ``limit``, only the first ``limit`` of them.

    A repeated paragraph is reported once, not sentence by sentence. ``parts``: the view's
    :class:`Units`, when the caller has them. A rule that reports the first few asks for
    those alone: a long draft that repeats its sentences held a tuple a repeat and their
    sorted copy (about 30 MB at 20 MB) to report three.
    """
    found = _repeats(units(view) if parts is None else parts, min_words)
    return sorted(found) if limit is None else heapq.nsmallest(limit, found)


def _repeats(parts: Units, min_words: int) -> Iterator[tuple[int, int, int]]:
    covered: list[tuple[int, int]] = []  # in order and apart: paragraphs do not overlap
    least = max(min_words, 8)
    for start, end, words, first in zip(*parts.paragraphs, strict=True):
        if words >= least and first >= 0:
            yield start, end, first
            covered.append((start, end))
    inside = Coverage(covered)
    for start, end, words, first in zip(*parts.sentences, strict=True):
        if words >= min_words and first >= 0 and not inside.holds(start):
            yield start, end, first


def repeated_phrases(
    view: str, min_words: int, min_count: int, skip: Sequence[tuple[int, int]] = ()
) -> list[tuple[int, int, int, str]]:
    """``(count, start, end, phrase)``: phrases of ``min_words``+ words used ``min_count``+ times.

    Each phrase is grown to its longest shared form and reported at its first occurrence;
    phrases of only common words ("in the end of") and those inside repeated sentences are left out.
    """
    if "’" in view:  # one character for another: the words' spans stay the same
        view = view.replace("’", "'")
    words = list(_WORD.finditer(view))
    if skip:
        inside = Coverage(skip)
        words = [m for m in words if not inside.holds(m.start())]
    lowered = [m.group().lower() for m in words]
    n = min_words
    grams = list(zip(*(lowered[k:] for k in range(n)), strict=False))  # the last n-1 start none
    # Most phrases of a draft occur once: count them all in C, follow only the frequent ones.
    frequent = {gram for gram, count in Counter(grams).items() if count >= min_count}
    where: dict[tuple[str, ...], list[int]] = defaultdict(list)
    if frequent:
        for index, gram in enumerate(grams):
            if gram in frequent:
                positions = where[gram]
                if not positions or positions[-1] + n <= index:  # count non-overlapping uses
                    positions.append(index)
    out: list[tuple[int, int, int, str]] = []
    used: set[int] = set()
    for gram, positions in where.items():
        if len(positions) < min_count or sum(1 for w in gram if w not in _STOP and len(w) > 2) < 2:
            continue
        if positions[0] in used:
            continue
        length = n
        limits = [*positions[1:], len(lowered)]  # a phrase grows up to its next use
        while all(p + length < q for p, q in zip(positions, limits, strict=True)) and (
            len({lowered[p + length] for p in positions}) == 1
        ):
            length += 1
        for p in positions:
            used.update(range(p, p + length))
        start, end = words[positions[0]].start(), words[positions[0] + length - 1].end()
        out.append((len(positions), start, end, " ".join(lowered[positions[0] : positions[0] + length])))
    return sorted(out, key=lambda item: item[1])
