"""The shape kind's index (:class:`sociable.kinds.shape.NeedIndex`) and its quick paths change
speed, not findings.

The kind tries only the shapes whose required word sets all occur in a view, starts each
shape only where its first token can stand, and matches one-token elements without listing
their ends. Here the shipped shape rules run twice over generated drafts made of their own
words: once as the kind runs them, once with every shape tried at every token (or clause
start) by plain backtracking without any index, and the findings must be the same.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import NamedTuple

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sociable.config import Config
from sociable.context import load_context
from sociable.document import Document
from sociable.kinds import shape as shape_module
from sociable.kinds.base import Rule
from sociable.kinds.shape import NeedIndex, Prepared, Shape, ShapeKind, parse_shape
from sociable.packs.schema import RuleSpec
from sociable.text import Analysis, Sentence, Token


@functools.cache
def shape_rules() -> list[Rule]:
    """The shipped shape rules, prepared (a function, not a fixture: hypothesis would print it)."""
    ruleset = load_context(Config(root=Path.cwd()), use_cache=False, entrypoints=False).ruleset
    return [ruleset.rule(code) for code in sorted(ruleset.specs) if ruleset.specs[code].kind == "shape"]


def _vocabulary() -> list[str]:
    ruleset = load_context(Config(root=Path.cwd()), use_cache=False, entrypoints=False).ruleset
    words: set[str] = set()
    for spec in ruleset.specs.values():
        if spec.kind != "shape":
            continue
        prepared = ruleset.rule(spec.code).prepared
        for shape in (*prepared.shapes, *prepared.unless, *prepared.requires):
            for element in shape.elements:
                words |= element.words
                for sequence in element.sequences:
                    for part in sequence:
                        words |= part.words
    # A sample of the rules' words (sorted, so the strategy is the same every run), plus words
    # no rule names and the tokens the shape language reads apart.
    return [*sorted(words)[::7], "Dana", "Acme", "42", "GUIDE", "🙂", "#growth", "@kev", "?", "!", ",", ":",
                     ".", "-", "if", "you", "please", "the", "this", "my", "our"]


def _bad_examples() -> list[str]:
    return sorted({text for rule in shape_rules() for text in rule.spec.examples_bad})


VOCABULARY = _vocabulary()
words = st.lists(st.sampled_from(VOCABULARY), min_size=1, max_size=14)


@st.composite
def near_misses(draw: st.DrawFn) -> str:
    """A rule's own bad example with a few words dropped, swapped or put in: matches and
    near misses, where random words alone seldom make a shape."""
    tokens = draw(st.sampled_from(_bad_examples())).split()
    for _ in range(draw(st.integers(0, 3))):
        where = draw(st.integers(0, len(tokens)))
        action = draw(st.sampled_from(("drop", "insert", "replace")))
        if action == "insert" or not tokens:
            tokens.insert(where, draw(st.sampled_from(VOCABULARY)))
        elif action == "drop":
            del tokens[min(where, len(tokens) - 1)]
        else:
            tokens[min(where, len(tokens) - 1)] = draw(st.sampled_from(VOCABULARY))
    return " ".join(tokens)


sentences = st.one_of(words.map(" ".join), near_misses())
drafts = st.lists(sentences, min_size=1, max_size=5).map(lambda parts: "\n\n".join(parts) + "\n")


def _reference_match_at(tokens: Sequence[Token], analysis: Analysis, shape: Shape, index: int,
                        position: int, limit: int, across_emoji: bool = True) -> int:
    """The shape language's matching written the plain way: every element lists where its
    occurrences may end, longest first, and the rest is tried from each (backtracking); the
    end test and the emoji skip read :class:`Token` objects, not the columns."""
    elements = shape.elements
    if index == len(elements):
        if shape.at_end:
            rest = position
            while rest < limit and (tokens[rest].kind == "emoji" or tokens[rest].norm in shape_module._CLOSING):
                rest += 1
            if rest < limit:
                return -1
        return position
    if across_emoji and index and position < limit and tokens[position].kind == "emoji":
        # Emoji between two elements are decoration: tried as tokens first, then skipped.
        found = _reference_match_at(tokens, analysis, shape, index, position, limit, False)
        if found >= 0:
            return found
        skipped = position
        while skipped < limit and tokens[skipped].kind == "emoji":
            skipped += 1
        return _reference_match_at(tokens, analysis, shape, index, skipped, limit, False)
    element = elements[index]
    if element.sequences:
        ends = shape_module._group_ends(analysis, element, position, limit)
    else:
        ends = [position] if element.low == 0 else []
        count = 0
        while count < element.high and position + count < limit and element.fits(analysis, position + count):
            count += 1
            if count >= element.low:
                ends.append(position + count)
    for end in reversed(ends):
        found = _reference_match_at(tokens, analysis, shape, index + 1, end, limit)
        if found >= 0:
            return found
    return -1


class _View(NamedTuple):
    """What the reference reads of a view, made once per view rather than once per shape:
    its :class:`Token` objects, its :class:`Sentence` objects and, for each token, the stop of
    its sentence (from :attr:`Analysis.sentence_of`). Building these from the columns for each
    of the 2,300 shapes was most of this test's time."""

    tokens: list[Token]
    sentences: list[Sentence]
    limits: list[int]


#: The views of the draft being compared (keyed by identity, the analysis kept alive so the
#: key cannot be reused); emptied for every example.
_VIEWS: dict[int, tuple[Analysis, _View]] = {}


def _view(analysis: Analysis) -> _View:
    entry = _VIEWS.get(id(analysis))
    if entry is None or entry[0] is not analysis:
        sentences = list(analysis.sentences)
        limits = [sentences[number].stop for number in analysis.sentence_of] if sentences else []
        entry = _VIEWS[id(analysis)] = (analysis, _View(list(analysis.tokens), sentences, limits))
    return entry[1]


def _naive_positions(analysis: Analysis, shape: Shape, prepared: Prepared) -> Iterator[tuple[int, int]]:
    """Every shape tried at every token (or at every clause start for ``^``), no index."""
    tokens, sentences, limits = _view(analysis)
    if not sentences:
        return  # every match lies in a sentence
    if shape.at_start:
        for number, starts in enumerate(shape_module._all_clause_starts(analysis, prepared.preamble)):
            limit = sentences[number].stop
            for start in starts:
                end = _reference_match_at(tokens, analysis, shape, 0, start, limit)
                if end > start:
                    yield start, end
                    break
        return
    last_stop = -1
    for start in range(len(tokens)):
        if start < last_stop:
            continue
        limit = limits[start]
        end = _reference_match_at(tokens, analysis, shape, 0, start, limit)
        if end > start:
            yield start, end
            last_stop = end


def _findings(rules: list[Rule], text: str) -> list[tuple[str, int, int]]:
    doc = Document.from_text(text, "draft.md")
    found = []
    for rule in rules:
        found += [(f.code, f.start, f.end) for f in rule.kind.check(doc, rule)]
    return found


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=drafts)
def test_indexed_shapes_find_what_trying_every_shape_everywhere_finds(
    text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    indexed = _findings(shape_rules(), text)
    _VIEWS.clear()
    with monkeypatch.context() as patch:
        patch.setattr(NeedIndex, "possible", lambda self, prepared, analysis: list(prepared.shapes))
        patch.setattr(shape_module, "_positions", _naive_positions)
        patch.setattr(shape_module, "_matches", _naive_positions)
        naive = _findings(shape_rules(), text)
    assert indexed == naive


def test_the_shipped_rules_flag_drafts_made_of_their_words() -> None:
    """The comparison above means something only if such drafts raise findings."""
    text = "Like this if you agree. Please share this with your network. I hope this email finds you well.\n"
    assert len(_findings(shape_rules(), text)) >= 2


def test_a_view_of_punctuation_alone_has_no_sentence_and_no_match() -> None:
    """Tokens but no sentence ("!"): no rule fails on it (it raised IndexError before)."""
    assert _findings(shape_rules(), "!\n") == []
    assert _findings(shape_rules(), "🙂 !!\n") == []


def _spec(shapes: list[str]) -> RuleSpec:
    return RuleSpec(code="ZZ1", name="zz", kind="shape", category="engagement-bait",
                    severity="warning", scope="text", message="m", why="w", examples_bad=(),
                    examples_good=(), pack="t", source="t.yaml:1", options={"shapes": shapes})


def test_a_rule_seen_after_a_view_was_indexed_still_finds_its_words() -> None:
    """The view's bits are made again when a later rule adds word sets to the index."""
    index = NeedIndex()
    analysis = Document.from_text("Apples and pears, then plums.\n").analysis("text")
    kind = ShapeKind()

    def prepared(shapes: list[str]) -> Prepared:
        return kind.prepare(_spec(shapes))

    first = prepared(["apples and"])
    assert [s.source for s in index.possible(first, analysis)] == ["apples and"]
    later = prepared(["then plums", "then kiwis"])
    assert [s.source for s in index.possible(later, analysis)] == ["then plums"]
    assert index.possible(prepared(["kiwis"]), analysis) == []


def test_a_shape_with_no_required_word_is_always_possible() -> None:
    index = NeedIndex()
    kind = ShapeKind()
    spec = _spec([":number ..."])
    analysis = Document.from_text("Nothing here but words.\n").analysis("text")
    assert parse_shape(":number").first_words is None
    assert [s.source for s in index.possible(kind.prepare(spec), analysis)] == [":number ..."]
