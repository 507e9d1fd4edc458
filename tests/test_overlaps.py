"""One finding per problem (issue 15, item 5): same span, different codes -> the most specific."""

from __future__ import annotations

from pathlib import Path

from sociable.config import Config
from sociable.context import load_context
from sociable.document import Document
from sociable.engine import check_document
from sociable.findings import Edit, Finding, Fix, Severity
from sociable.overlaps import one_per_problem

PACK = """\
pack: overlap-fixtures
description: Two rules that catch one phrase, and one that catches a longer span around it.
rules:
  - code: ZZ201
    name: check-in-pitch
    kind: phrases
    category: generic-pitch
    severity: warning
    scope: text
    message: 'Generic ("{match}").'
    why: A check-in with nothing new asks for attention without giving a reason.
    phrases: [just checking in]
    examples: {bad: ["Just checking in."], good: ["Here are the numbers you asked for."]}
  - code: ZZ202
    name: check-in-tell
    kind: phrases
    category: automation
    severity: info
    scope: text
    message: 'Sequence step ("{match}").'
    why: Sequenced follow-ups open with the same words.
    phrases: [just checking in]
    examples: {bad: ["Just checking in."], good: ["Here are the numbers you asked for."]}
  - code: ZZ203
    name: check-in-sentence
    kind: phrases
    category: style
    severity: info
    scope: text
    message: 'Long ("{match}").'
    why: Longer span around the same words.
    phrases: [just checking in on]
    examples: {bad: ["Just checking in on this."], good: ["Here are the numbers."]}
"""


def finding(code: str, start: int, end: int, severity: Severity = Severity.WARNING,
            category: str = "generic-pitch", fix: bool = False, path: str = "d.md") -> Finding:
    return Finding(
        path=path, code=code, name=code.lower(), category=category, severity=severity,
        message=code, start=start, end=end, line=1, column=start + 1, end_line=1,
        end_column=end + 1, fix=Fix((Edit(start, end, ""),)) if fix else None,
    )


def test_same_span_keeps_the_higher_severity_and_names_the_others() -> None:
    kept = one_per_problem([
        finding("AU105", 0, 16, Severity.INFO, "automation"),
        finding("GP201", 0, 16, Severity.WARNING),
    ])
    assert [f.code for f in kept] == ["GP201"]
    assert kept[0].extra["also"] == ["AU105"]


def test_ties_go_to_the_fixable_then_the_category_then_the_code() -> None:
    fixable = [finding("AU108", 3, 17, fix=True, category="automation"), finding("NP102", 3, 17)]
    assert [f.code for f in one_per_problem(fixable)] == ["AU108"]
    by_category = [finding("NP102", 3, 17, category="no-personalization"),
                   finding("AU108", 3, 17, category="automation")]
    assert [f.code for f in one_per_problem(by_category)] == ["AU108"]
    same = [finding("ZZ2", 0, 4), finding("ZZ1", 0, 4)]
    assert [f.code for f in one_per_problem(same)] == ["ZZ1"]
    assert [f.code for f in one_per_problem(list(reversed(same)))] == ["ZZ1"]  # order-free


def test_overlapping_contained_other_files_and_sx_are_all_kept() -> None:
    items = [
        finding("GP201", 0, 16), finding("RD102", 0, 60, category="readability"),
        finding("AU105", 4, 20, category="automation"),
        finding("AU105", 0, 16, category="automation", path="other.md"),
        finding("SX100", 0, 16), finding("EB101", 0, 0), finding("EB102", 0, 0),
    ]
    assert one_per_problem(items) == items


def test_engine_reports_one_finding_for_one_phrase(tmp_path: Path) -> None:
    pack = tmp_path / "overlap.yaml"
    pack.write_text(PACK, encoding="utf-8")
    ruleset = load_context(Config(extend_packs=(pack,)), select=["ZZ2"], use_cache=False).ruleset
    kinds = {code: spec.kind for code, spec in ruleset.specs.items()}

    def check(document: Document) -> list[Finding]:
        # What engine.finish would do with one_per_problem wired in after suppressions.
        return one_per_problem(check_document(document, ruleset), kinds)

    doc = Document.from_text("Hi Ana, just checking in on the proposal.\n", "d.md")
    found = check(doc)
    assert sorted(f.code for f in found) == ["ZZ201", "ZZ203"]  # ZZ203's longer span stays
    winner = next(f for f in found if f.code == "ZZ201")
    assert winner.extra["also"] == ["ZZ202"]
    # Merging comes after suppressions: silencing one code leaves the other rule's say.
    silenced = Document.from_text(
        "Hi Ana, just checking in on the proposal. <!-- sociable: ignore ZZ201, ZZ203 -->\n", "d.md"
    )
    assert [f.code for f in check(silenced)] == ["ZZ202"]
    both = Document.from_text(
        "Hi Ana, just checking in on the proposal. <!-- sociable: ignore ZZ2 -->\n", "d.md"
    )
    assert check(both) == []


SAME_FAMILY = PACK.replace("category: automation", "category: generic-pitch")


def test_the_engine_merges_two_rules_of_one_family_on_one_phrase(tmp_path: Path) -> None:
    pack = tmp_path / "overlap.yaml"
    pack.write_text(SAME_FAMILY, encoding="utf-8")
    ruleset = load_context(Config(extend_packs=(pack,)), select=["ZZ2"], use_cache=False).ruleset
    doc = Document.from_text("Hi Ana, just checking in on the proposal.\n", "d.md")
    found = check_document(doc, ruleset)  # engine.finish, as every face calls it
    assert sorted(f.code for f in found) == ["ZZ201", "ZZ203"]
    assert next(f for f in found if f.code == "ZZ201").extra["also"] == ["ZZ202"]


def test_the_engine_keeps_one_finding_per_family_on_one_phrase(tmp_path: Path) -> None:
    pack = tmp_path / "overlap.yaml"
    pack.write_text(PACK, encoding="utf-8")  # ZZ201 generic-pitch, ZZ202 automation
    ruleset = load_context(Config(extend_packs=(pack,)), select=["ZZ2"], use_cache=False).ruleset
    doc = Document.from_text("Hi Ana, just checking in on the proposal.\n", "d.md")
    assert sorted(f.code for f in check_document(doc, ruleset)) == ["ZZ201", "ZZ202", "ZZ203"]
