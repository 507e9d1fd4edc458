"""The repetition kinds read the document's sentences: one splitter for every kind (issue 10)."""

from __future__ import annotations

from pathlib import Path

from sociable.config import Config
from sociable.context import load_context
from sociable.document import Document
from sociable.engine import finish, lint_document
from sociable.text import sentence_spans

OPENING = "Release 2.5 of the route planner ships on Thursday with offline maps for drivers."
TAILS = (
    "Ana asked for it after the storm took the network down in March.",
    "The depot in Leeds tried it for a month and lost no deliveries.",
    "Thanks to the three couriers who sent us their crash logs.",
)


def _codes(texts: list[str], select: str) -> list[tuple[str, int]]:
    context = load_context(Config(root=Path("/tmp")), select=[select])
    results = [lint_document(Document.from_text(t, f"d{n}.md"), context.ruleset) for n, t in enumerate(texts)]
    return [(f.code, f.line) for f in finish(results, context.ruleset)]


def test_a_decimal_number_does_not_end_the_opening_sentence() -> None:
    """The corpus kinds' own splitter cut "Release 2." off as the opening (too short to
    count), so three drafts opening with the same sentence went unseen."""
    found = _codes([f"{OPENING} {tail}\n" for tail in TAILS], "RP102")
    assert found == [("RP102", 1)] * 3


def test_a_title_and_a_wrapped_line_stay_inside_their_sentence() -> None:
    view = "Dear Mrs. Okafor, thank you for the notes on the\nfirst chapter.\nSee you soon."
    assert [view[a:b] for a, b in sentence_spans(view)] == [
        "Dear Mrs. Okafor, thank you for the notes on the\nfirst chapter.", "See you soon.",
    ]
    doc = Document.from_text(view, "a.md")
    assert doc.sentence_spans("all") == sentence_spans(view)
    assert [(s.start, s.end) for s in doc.analysis("all").sentences] == doc.sentence_spans("all")


def test_sentences_within_a_section_are_those_of_the_whole_view() -> None:
    text = "First post here. It has two sentences.\n---\nSecond post. Also two.\n"
    doc = Document.from_text(text, "a.md")
    view = doc.view("body")
    cut = text.index("Second")
    inside = doc.sentences_within("body", cut, len(text))
    assert [view[a:b] for a, b in inside] == ["Second post.", "Also two."]
    assert [view[a:b] for a, b in doc.sentences_within("body", 0, cut)] == [
        "First post here.", "It has two sentences.",
    ]
