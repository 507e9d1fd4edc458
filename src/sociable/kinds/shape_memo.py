"""The shape kind's matches kept per sentence, for a session that re-lints one draft per keystroke.

Why: the language server lints the whole buffer again after every edit, and one edit changes
one sentence. A shape's matches, and the guards' verdicts on them, read only the tokens of the
sentence they sit in: a match never runs past its sentence's last token (``_positions`` stops
there), and every guard and ``unless`` shape reads that sentence alone. So what a rule finds in
a sentence whose tokens did not change is what it found there last time.

What is kept, and why it is exact:

* A sentence's *part* is its tokens (for the first sentence, the tokens before it as well:
  a match may start there and run into it; tokens between two later sentences never start
  a match) as a small :class:`~sociable.text.Analysis` of its own, offsets relative to the
  part's first character. Its key holds everything that analysis is made of (the text, every
  token column, the sentence's bounds, whether it is a question), so the part, and what a
  rule finds in it, is a pure function of the key.
* Per part and prepared rule: each shape's unguarded matches, in token numbers of the part.
  The kind shifts them back and runs its draft-level logic (overlaps between shapes,
  ``min_matches``, ``max_findings``, ``max_other_words``, ``requires``, ``unless_draft``)
  over the whole view as before; only the search in each sentence is reused.
* Bounded: an LRU of :data:`SENTENCES` parts; a prepared rule is known by its identity,
  kept alive in :attr:`SentenceMemo._rules`, so no other rule can ever read its entries.

Off for the CLI, where a sentence is met once: the kind uses it only when the run's settings
say ``shape_memo`` (the language server's session does).
"""

from __future__ import annotations

from array import array
from collections import OrderedDict
from collections.abc import Callable, Iterator, Sequence
from typing import Protocol

from sociable.text import Analysis, TokenIndex

#: A match as token numbers ``(first, stop)``.
Match = tuple[int, int]
#: For each shape of a rule (in the rule's order), its unguarded matches in one part.
Found = tuple[tuple[Match, ...], ...]
#: Parts kept: about 40 a 3,000-character post, so a few dozen drafts' worth.
SENTENCES = 2048
SETTING = "shape_memo"


class Prepared(Protocol):
    """What the memo reads of a prepared shape rule (:class:`sociable.kinds.shape.Prepared`;
    not imported: that module imports this one)."""

    @property
    def shapes(self) -> Sequence[object]: ...


class _Part:
    """One sentence of a view: where its tokens start, its entry in the memo, and the part's
    own analysis, made the first time a rule has not read it yet."""

    __slots__ = ("_analysis", "entry", "key", "lo")

    def __init__(self, lo: int, key: tuple[object, ...], entry: dict[int, Found | None]) -> None:
        self.lo, self.key, self.entry = lo, key, entry
        self._analysis: Analysis | None = None

    def analysis(self) -> Analysis:
        if self._analysis is None:
            self._analysis = _part_analysis(self.key)
        return self._analysis


class SentenceMemo:
    """Each prepared rule's unguarded matches per sentence (see the module docstring)."""

    def __init__(self, size: int | None = None) -> None:
        self.size = SENTENCES if size is None else size
        #: Part key -> for each prepared rule (by id), its matches there (None: none at all).
        self._parts: OrderedDict[tuple[object, ...], dict[int, Found | None]] = OrderedDict()
        #: Prepared rules by id, kept alive here, with each shape's number by the shape's id.
        self._rules: dict[int, tuple[Prepared, dict[int, int]]] = {}
        self.searched = 0  # parts a rule searched (tests count them)

    def __len__(self) -> int:
        return len(self._parts)

    def unguarded(
        self, analysis: Analysis, prepared: Prepared, find: Callable[[Analysis], Found]
    ) -> Callable[[object], Iterator[Match]]:
        """For each shape of ``prepared``, its unguarded matches over the whole view, left to
        right, as token numbers of ``analysis``; ``find`` searches one part for all shapes."""
        numbers = self._numbers(prepared)
        ident = id(prepared)
        found: list[tuple[int, Found]] = []
        for part in self._parts_of(analysis):
            entry = part.entry
            if ident in entry:
                matches = entry[ident]
            else:
                self.searched += 1
                matches = find(part.analysis())
                if not any(matches):
                    matches = None
                entry[ident] = matches
            if matches is not None:
                found.append((part.lo, matches))

        def of(shape: object) -> Iterator[Match]:
            number = numbers[id(shape)]
            for lo, matches in found:
                for first, stop in matches[number]:
                    yield lo + first, lo + stop

        return of

    def _numbers(self, prepared: Prepared) -> dict[int, int]:
        known = self._rules.get(id(prepared))
        if known is None or known[0] is not prepared:
            if known is not None:  # another rule under a reused id: nothing kept may be read
                self._parts.clear()
            known = (prepared, {id(shape): n for n, shape in enumerate(prepared.shapes)})
            self._rules[id(prepared)] = known
        return known[1]

    def _parts_of(self, analysis: Analysis) -> list[_Part]:
        """The view's parts with their entries, made once per view (kept on the analysis)."""
        cache_key = ("sentence-memo", id(self))
        cached = analysis.cache.get(cache_key)
        if isinstance(cached, tuple) and cached[0] is self:
            parts: list[_Part] = cached[1]
            return parts
        kept = self._parts
        parts = []
        for number in range(len(analysis.sentence_starts)):
            lo, key = _part_key(analysis, number)
            entry = kept.get(key)
            if entry is None:
                entry = kept[key] = {}
            else:
                kept.move_to_end(key)
            parts.append(_Part(lo, key, entry))
        while len(kept) > self.size:
            kept.popitem(last=False)
        analysis.cache[cache_key] = (self, parts)
        return parts


def _part_key(analysis: Analysis, number: int) -> tuple[int, tuple[object, ...]]:
    """Where sentence ``number``'s part starts among the tokens, and its key: the part's text
    and every column of its tokens, offsets relative to its first character."""
    lo = 0 if number == 0 else analysis.sentence_firsts[number]
    first, stop = analysis.sentence_firsts[number], analysis.sentence_stops[number]
    start, end = analysis.sentence_starts[number], analysis.sentence_ends[number]
    if lo < stop:
        start = min(start, analysis.starts[lo])
        end = max(end, analysis.ends[stop - 1])
    starts = array("i", [s - start for s in analysis.starts[lo:stop]])
    ends = array("i", [e - start for e in analysis.ends[lo:stop]])
    key = (
        analysis.text[start:end], tuple(analysis.norms[lo:stop]), bytes(analysis.kinds[lo:stop]),
        bytes(analysis.flags[lo:stop]), starts.tobytes(), ends.tobytes(), first - lo, stop - lo,
        analysis.sentence_starts[number] - start, analysis.sentence_ends[number] - start,
        number in analysis.questions,
    )
    return lo, key


def _part_analysis(key: tuple[object, ...]) -> Analysis:
    """The analysis of one part, made from its key alone (so what is found in it depends on
    nothing else)."""
    text, norms, kinds, flags, starts, ends, first, stop, begin, finish, question = key
    assert isinstance(text, str) and isinstance(norms, tuple) and isinstance(kinds, bytes)
    assert isinstance(flags, bytes) and isinstance(starts, bytes) and isinstance(ends, bytes)
    assert isinstance(first, int) and isinstance(stop, int)
    assert isinstance(begin, int) and isinstance(finish, int)
    ids: dict[str, int] = {}
    token_ids = array("i", [ids.setdefault(norm, len(ids)) for norm in norms])
    token_starts, token_ends = array("i"), array("i")
    token_starts.frombytes(starts)
    token_ends.frombytes(ends)
    return Analysis(
        text, token_starts, token_ends, bytearray(kinds), list(norms), bytearray(flags),
        array("i", [begin]), array("i", [finish]), array("i", [first]), array("i", [stop]),
        TokenIndex(ids, token_ids), frozenset({0}) if question else frozenset(),
    )

