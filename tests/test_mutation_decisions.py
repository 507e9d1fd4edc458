"""What mutation testing of ``decisions.py`` found the suite did not pin down (docs/mutation.md).

Each test is here because a one-line change to ``decisions.py`` passed every other test while a
user would have seen the difference: a suppression silencing the wrong paragraph, a directive
ignored after another one, an SX100 finding with the wrong place or message, or a crash on a
draft that ends without a newline.
"""

from __future__ import annotations

import pytest

from sociable.decisions import UNUSED_CODE, Suppressions, is_selected
from sociable.document import Document
from sociable.engine import check_document
from sociable.findings import Finding, Severity
from sociable.ruleset import RuleSet

AGREE = "Like this if you agree!"  # EB101
TAG = "Tag a friend who knows."  # EB103


def found(ruleset: RuleSet, text: str, line_base: int = 0) -> list[tuple[int, str]]:
    doc = Document.from_text(text, "d.md", line_base=line_base)
    return [(f.line, f.code) for f in check_document(doc, ruleset) if f.code.startswith(("EB", "SX"))]


def finding_on(line: int, code: str = "EB101") -> Finding:
    return Finding("d.md", code, "x", "engagement-bait", Severity.WARNING, "m", 0, 1, line=line)


# --- which rules run ---------------------------------------------------------------------------


@pytest.mark.parametrize("select", [["E"], ["EB"], ["EB101"]])
def test_any_named_select_beats_ignore_all(select: list[str]) -> None:
    """``ALL`` is the least specific selector there is: even one letter beats it."""
    assert is_selected("EB101", select, ignore=["ALL"]) is True
    assert is_selected("EB101", ["ALL"], ignore=select) is False


# --- directives the parser must see, and skip ------------------------------------------------


def test_a_directive_inside_a_blockquote_is_quoted_not_obeyed(ruleset: RuleSet) -> None:
    text = f"> <!-- sociable: skip-file -->\n\n{AGREE}\n"
    assert found(ruleset, text) == [(3, "EB101")]


def test_a_directive_right_after_inline_code_is_obeyed(ruleset: RuleSet) -> None:
    # The code mask ends where the directive starts: the directive is outside it.
    text = f"{AGREE} `x`<!-- sociable: ignore EB101 -->\n{AGREE}\n"
    assert found(ruleset, text) == [(2, "EB101")]


def test_a_directive_after_an_example_in_code_is_still_obeyed(ruleset: RuleSet) -> None:
    text = f"```\n<!-- sociable: ignore EB101 -->\n```\n{AGREE} <!-- sociable: ignore EB101 -->\n{AGREE}\n"
    assert found(ruleset, text) == [(5, "EB101")]


def test_a_directive_after_an_enable_is_still_obeyed(ruleset: RuleSet) -> None:
    text = (
        f"<!-- sociable: disable EB103 -->\n{TAG}\n<!-- sociable: enable EB103 -->\n"
        f"{AGREE} <!-- sociable: ignore EB101 -->\n{AGREE}\n"
    )
    assert found(ruleset, text) == [(5, "EB101")]


# --- which lines an own-line ``ignore`` covers -----------------------------------------------


def test_an_own_line_ignore_does_not_reach_back_to_the_line_above(ruleset: RuleSet) -> None:
    text = f"{AGREE}\n<!-- sociable: ignore EB101 -->\n{AGREE}\n"
    assert found(ruleset, text) == [(1, "EB101")]


def test_an_own_line_ignore_skips_one_blank_line_and_covers_one_paragraph(ruleset: RuleSet) -> None:
    text = f"<!-- sociable: ignore EB101 -->\n\n{AGREE}\n\n{AGREE}\n"
    assert found(ruleset, text) == [(5, "EB101")]


def test_an_own_line_ignore_covers_a_last_paragraph_without_a_newline(ruleset: RuleSet) -> None:
    text = f"<!-- sociable: ignore EB -->\n{AGREE}\n{TAG}"
    assert found(ruleset, text) == []


def test_an_own_line_ignore_with_nothing_after_it_is_unused_not_a_crash(ruleset: RuleSet) -> None:
    text = f"{AGREE}\n<!-- sociable: ignore EB101 -->\n\n\n"
    assert found(ruleset, text) == [(1, "EB101"), (2, UNUSED_CODE)]


def test_paragraph_lines_are_counted_from_the_line_base() -> None:
    """A draft read out of a bigger file (an export's row) keeps that file's line numbers."""
    text = f"{AGREE}\n<!-- sociable: ignore EB101 -->\n\n{AGREE}\n{AGREE}\n\n{AGREE}\n"
    (directive,) = Suppressions.from_document(Document.from_text(text, "d.md", line_base=40)).directives
    assert (directive.line, directive.first_line, directive.last_line) == (42, 44, 45)


def test_an_end_of_line_ignore_in_a_row_of_a_bigger_file_covers_its_line(ruleset: RuleSet) -> None:
    text = f"Thanks.\n{AGREE} <!-- sociable: ignore EB101 -->\n\n{AGREE}\n"
    assert found(ruleset, text, line_base=7) == [(11, "EB101")]


# --- SX100: an unused directive, reported where it is, with a fix that removes it --------------


@pytest.fixture(scope="module")
def unused_spec(ruleset: RuleSet):  # type: ignore[no-untyped-def]
    return ruleset.specs[UNUSED_CODE]


def test_an_unused_directive_is_one_complete_sx100(unused_spec) -> None:  # type: ignore[no-untyped-def]
    text = "Hello.\nNotes on pricing. <!-- sociable: ignore EB101, GP2 -->  \nBye.\n"
    start = text.index("<!--")
    end = text.index("-->") + 3
    doc = Document.from_text(text, "drafts/d.md")
    (sx,) = Suppressions.from_document(doc).apply([], unused_spec)
    assert (sx.path, sx.code, sx.name, sx.category) == (
        "drafts/d.md", UNUSED_CODE, unused_spec.name, unused_spec.category,
    )
    assert sx.severity is Severity.INFO
    assert (sx.start, sx.end) == (start, end)
    assert (sx.line, sx.column, sx.end_line, sx.end_column) == (2, 19, 2, 19 + end - start)
    assert sx.message == (
        "Suppression <!-- sociable: ignore EB101, GP2 --> silences nothing (EB101, GP2): remove it."
    )
    assert sx.url == unused_spec.url and sx.url
    assert sx.fix is not None
    assert sx.fix.description == "Remove the unused suppression"
    (edit,) = sx.fix.edits
    # The space before the directive and the spaces after it go too: the line ends clean.
    assert text[: edit.start] + edit.replacement + text[edit.end :] == "Hello.\nNotes on pricing.\nBye.\n"


def test_an_unused_directive_without_codes_says_all_codes(unused_spec) -> None:  # type: ignore[no-untyped-def]
    doc = Document.from_text("Fine. <!-- sociable: ignore -->\n", "d.md")
    (sx,) = Suppressions.from_document(doc).apply([], unused_spec)
    assert sx.message == "Suppression <!-- sociable: ignore --> silences nothing (all codes): remove it."


def test_a_used_directive_is_not_reported_and_others_are(unused_spec) -> None:  # type: ignore[no-untyped-def]
    text = "a <!-- sociable: ignore EB101 -->\nb <!-- sociable: ignore GP201 -->\n"
    suppressions = Suppressions.from_document(Document.from_text(text, "d.md"))
    kept = suppressions.apply([finding_on(1), finding_on(2)], unused_spec)
    # EB101 on line 1 is silenced; EB101 on line 2 is not (the directive names GP201) and
    # the GP201 directive, silencing nothing, is reported.
    assert [(f.line, f.code) for f in kept] == [(2, "EB101"), (2, UNUSED_CODE)]


def test_one_finding_covered_by_two_directives_uses_both(unused_spec) -> None:  # type: ignore[no-untyped-def]
    text = f"<!-- sociable: disable EB -->\n{AGREE} <!-- sociable: ignore EB101 -->\n"
    suppressions = Suppressions.from_document(Document.from_text(text, "d.md"))
    assert suppressions.apply([finding_on(2)], unused_spec) == []


def test_file_ignores_are_prefixes_and_keep_the_rest(unused_spec) -> None:  # type: ignore[no-untyped-def]
    doc = Document.from_text("Plain text.\n", "d.md")
    suppressions = Suppressions.from_document(doc, extra_ignores=("EB1",))
    kept = suppressions.apply(
        [finding_on(1, "EB101"), finding_on(1, "EB201"), finding_on(1, "EB103")], unused_spec
    )
    assert [f.code for f in kept] == ["EB201"]


# --- bugs found reading the survivors: per-file ignores that silenced nothing ------------------


def test_frontmatter_ignore_codes_match_whatever_their_case(ruleset: RuleSet) -> None:
    """Inline directives and the configuration upper-case their codes; frontmatter did not, so
    ``ignore: [eb101]`` silenced nothing."""
    text = f"---\nsociable: {{ignore: [eb101]}}\n---\n{AGREE} {TAG}\n"
    assert found(ruleset, text) == [(4, "EB103")]


def test_all_in_per_file_ignores_silences_every_rule(ruleset: RuleSet) -> None:
    """``ALL`` passes the unknown-code check in ``per-file-ignores`` (it is a selector), so it
    must silence every rule there, as it selects every rule in ``select``."""
    doc = Document.from_text(f"{AGREE} {TAG}\n", "d.md")
    assert check_document(doc, ruleset, extra_ignores=("ALL",)) == []
    text = f"---\nsociable: {{ignore: [ALL]}}\n---\n{AGREE}\n"
    assert found(ruleset, text) == []


def test_an_unused_directive_can_be_ignored_per_file(unused_spec) -> None:  # type: ignore[no-untyped-def]
    """``SX100`` in ``per-file-ignores`` or frontmatter silences it like any other code."""
    text = "Fine. <!-- sociable: ignore EB101 -->\n"
    for ignores in (("SX100",), ("SX",), ("sx100",)):
        suppressions = Suppressions.from_document(Document.from_text(text, "d.md"), ignores)
        assert suppressions.apply([], unused_spec) == [], ignores
    # ... and an ignore of another code leaves it reported.
    other = Suppressions.from_document(Document.from_text(text, "d.md"), ("EB",))
    assert [f.code for f in other.apply([], unused_spec)] == [UNUSED_CODE]


def test_is_selected_is_the_most_specific_selector_rule_on_random_selections() -> None:
    """The inlined loop (every rule is asked once a run) against ruff's rule spelled out."""
    import random

    from sociable.decisions import selector_matches

    def reference(code, select, extend, ignore, default):  # type: ignore[no-untyped-def]
        chosen = [*(select if select is not None else (["ALL"] if default else [])), *extend]
        on = max((selector_matches(s, code) for s in chosen), default=-1)
        off = max((selector_matches(s, code) for s in ignore), default=-1)
        return on >= 0 and on > off

    selectors = ["ALL", "E", "EB", "EB1", "EB101", "eb", "GR", "GR101", "Vale.", "VALE.Spell", "SX"]
    codes = ["EB101", "EB102", "GR101", "SX100", "Vale.Spelling", "eb103"]
    rng = random.Random(12)
    for _ in range(3000):
        code = rng.choice(codes)
        select = None if rng.random() < 0.3 else rng.sample(selectors, rng.randint(0, 3))
        extend, ignore = rng.sample(selectors, rng.randint(0, 2)), rng.sample(selectors, rng.randint(0, 3))
        default = rng.random() < 0.7
        assert is_selected(code, select, extend, ignore, default) is reference(code, select, extend, ignore, default)
