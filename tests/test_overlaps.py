"""One finding per problem (issue 15, item 5): rules on the same words -> the most specific,
the other codes carried in ``extra["also"]``."""

from __future__ import annotations

from pathlib import Path

from sociable.config import Config
from sociable.context import load_context
from sociable.document import Document
from sociable.engine import check_document
from sociable.findings import Edit, Finding, Fix, Severity
from sociable.overlaps import one_per_problem, same_habits
from sociable.packs.schema import RuleSpec

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
    same-habit: [ZZ201, ZZ203]
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
    same-habit: [ZZ201]
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


#: Rules of two families declared one habit (``same-habit`` in a pack), either way round.
HABITS = same_habits([
    RuleSpec(code=code, name=code.lower(), kind="phrases", category="automation", severity="info",
             scope="text", message="m", why="w", examples_bad=("b",), examples_good=("g",),
             pack="p", source="p.yaml:1", same_habit=others)
    for code, others in (("AU105", ("GP201",)), ("AU108", ("NP102",)), ("AU301", ("GP201",)),
                         ("AU103", ("NP106",)))
])


def test_same_habit_is_symmetric() -> None:
    assert HABITS["GP201"] == {"AU105", "AU301"} and HABITS["AU105"] == {"GP201"}


def test_same_span_keeps_the_higher_severity_and_names_the_others() -> None:
    kept = one_per_problem([
        finding("AU105", 0, 16, Severity.INFO, "automation"),
        finding("GP201", 0, 16, Severity.WARNING),
    ], same_habit=HABITS)
    assert [f.code for f in kept] == ["GP201"]
    assert kept[0].extra["also"] == ["AU105"]


def test_ties_go_to_the_fixable_then_the_category_then_the_code() -> None:
    fixable = [finding("AU108", 3, 17, fix=True, category="automation"), finding("NP102", 3, 17)]
    assert [f.code for f in one_per_problem(fixable, same_habit=HABITS)] == ["AU108"]
    by_category = [finding("NP102", 3, 17, category="no-personalization"),
                   finding("AU108", 3, 17, category="automation")]
    assert [f.code for f in one_per_problem(by_category, same_habit=HABITS)] == ["AU108"]
    same = [finding("ZZ2", 0, 4), finding("ZZ1", 0, 4)]
    assert [f.code for f in one_per_problem(same)] == ["ZZ1"]
    assert [f.code for f in one_per_problem(list(reversed(same)))] == ["ZZ1"]  # order-free


def test_overlapping_inner_other_files_and_sx_are_all_kept() -> None:
    items = [
        finding("GP201", 0, 16), finding("RD102", 2, 60, category="readability"),
        finding("AU105", 4, 20, category="automation"),
        finding("AU105", 0, 16, category="automation", path="other.md"),
        finding("SX100", 0, 16), finding("EB101", 0, 0), finding("EB102", 0, 0),
    ]
    assert one_per_problem(items, same_habit=HABITS) == items


def test_a_shared_start_or_end_is_the_same_words() -> None:
    start = one_per_problem([finding("GP201", 10, 26), finding("AU301", 10, 34, category="automation")],
                            same_habit=HABITS)
    assert [(f.code, f.codes) for f in start] == [("AU301", ("AU301", "GP201"))]
    end = one_per_problem([finding("EB120", 164, 175), finding("EB104", 172, 175, fix=True)])
    assert [(f.code, f.start) for f in end] == [("EB104", 172)]
    assert end[0].extra["also"] == ["EB120"]


def test_only_match_kinds_merge_when_kinds_are_given() -> None:
    items = [finding("GP201", 0, 16), finding("RD102", 0, 30, category="readability")]
    kinds = {"GP201": "phrases", "RD102": "metric"}
    assert one_per_problem(items, kinds) == items
    declared = {"GP201": frozenset({"RD102"}), "RD102": frozenset({"GP201"})}
    assert one_per_problem(items, kinds, same_habit=declared) == items
    shapes = {"GP201": "phrases", "RD102": "shape"}
    assert [f.code for f in one_per_problem(items, shapes, same_habit=declared)] == ["GP201"]


def test_across_families_an_opener_and_its_whole_sentence_are_two_problems() -> None:
    opener, sentence = finding("AU103", 10, 40, category="automation"), finding("NP106", 10, 95, category="no-personalization")
    assert one_per_problem([opener, sentence], same_habit=HABITS) == [opener, sentence]  # 85 > 2 x 30 characters
    near = finding("NP106", 10, 70, category="no-personalization")  # exactly twice the opener: one phrase read further
    assert [(f.code, f.codes) for f in one_per_problem([opener, near], same_habit=HABITS)] == [("AU103", ("AU103", "NP106"))]
    same_family = [finding("GP201", 10, 26), finding("GP202", 10, 95)]
    assert [f.codes for f in one_per_problem(same_family)] == [("GP201", "GP202")]


def test_within_families_keeps_two_families() -> None:
    items = [finding("GP201", 0, 16), finding("AU105", 0, 16, category="automation")]
    assert one_per_problem(items, across_families=False, same_habit=HABITS) == items
    assert len(one_per_problem(items, same_habit=HABITS)) == 1


def test_two_families_on_the_same_words_are_two_habits_unless_declared() -> None:
    """A pitch in a first note that is also self-promotion: two habits, two pieces of advice."""
    items = [finding("PC103", 0, 18, category="pitch-on-connect"), finding("SP104", 0, 18, category="self-promotion")]
    assert one_per_problem(items) == items
    assert one_per_problem(items, same_habit=HABITS) == items
    declared = {"PC103": frozenset({"SP104"}), "SP104": frozenset({"PC103"})}
    assert [f.code for f in one_per_problem(items, same_habit=declared)] == ["PC103"]


def test_engine_reports_one_finding_for_one_phrase(tmp_path: Path) -> None:
    pack = tmp_path / "overlap.yaml"
    pack.write_text(PACK, encoding="utf-8")
    ruleset = load_context(Config(extend_packs=(pack,)), select=["ZZ2"], use_cache=False).ruleset
    kinds = {code: spec.kind for code, spec in ruleset.specs.items()}

    def check(document: Document) -> list[Finding]:
        # What engine.finish would do with one_per_problem wired in after suppressions.
        return one_per_problem(check_document(document, ruleset), kinds,
                               same_habit=same_habits(ruleset.specs.values()))

    doc = Document.from_text("Hi Ana, just checking in on the proposal.\n", "d.md")
    found = check(doc)
    assert [f.code for f in found] == ["ZZ201"]  # the warning beats the two infos
    assert found[0].extra["also"] == ["ZZ202", "ZZ203"]
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
    assert [f.code for f in found] == ["ZZ201"]
    assert found[0].codes == ("ZZ201", "ZZ202", "ZZ203")


INNER = PACK + """\
  - code: ZZ204
    name: checking-word
    kind: phrases
    category: self-promotion
    severity: error
    scope: text
    message: 'Inner ("{match}").'
    why: A word inside the phrase, neither at its start nor at its end.
    phrases: [checking]
    examples: {bad: ["Still checking."], good: ["Here are the numbers."]}
"""


def test_the_engine_keeps_one_finding_across_families_and_inner_words_apart(tmp_path: Path) -> None:
    pack = tmp_path / "overlap.yaml"
    pack.write_text(INNER, encoding="utf-8")  # ZZ201 generic-pitch, ZZ202 automation
    ruleset = load_context(Config(extend_packs=(pack,)), select=["ZZ2"], use_cache=False).ruleset
    doc = Document.from_text("Hi Ana, just checking in on the proposal.\n", "d.md")
    found = check_document(doc, ruleset)
    assert [(f.code, f.codes) for f in found] == [
        ("ZZ201", ("ZZ201", "ZZ202", "ZZ203")), ("ZZ204", ("ZZ204",)),
    ]


def _related(a: Finding, b: Finding, ruleset) -> bool:  # type: ignore[no-untyped-def]
    """The same words by the documented rule: a shared start or end, and across families
    rules declared one habit (``same-habit``) with spans of like length (at most twice as long)."""
    if a.path != b.path or a.start == a.end or b.start == b.end:
        return False
    if a.start != b.start and a.end != b.end:
        return False
    if a.category == b.category:
        return True
    declared = b.code in ruleset.specs[a.code].same_habit or a.code in ruleset.specs[b.code].same_habit
    short, long_ = sorted((a.end - a.start, b.end - b.start))
    return declared and 2 * short >= long_


def test_the_shipped_packs_merge_without_losing_a_code(ruleset) -> None:  # type: ignore[no-untyped-def]
    """Over every bad example of every shipped rule: no two reported match findings are on the
    same words, and every code the rules raised is still named (as a code or in ``also``)."""
    from sociable.engine import finish, lint_document
    from sociable.overlaps import MATCH_KINDS, merge_kind

    merged_any = False
    for spec in ruleset.specs.values():
        for number, text in enumerate(spec.examples_bad):
            doc = Document.from_text(text, f"{spec.code}-{number}.md", channel=(spec.channels or (None,))[0])
            raw = lint_document(doc, ruleset)
            reported = finish([raw], ruleset)
            assert {f.code for f in raw.findings} <= {c for f in reported for c in f.codes}, text
            matches = [f for f in reported if merge_kind(ruleset.specs[f.code]) in MATCH_KINDS
                       and not f.code.startswith("SX")]
            for index, one in enumerate(matches):
                assert not any(_related(one, other, ruleset) for other in matches[index + 1:]), text
            merged_any |= any(len(f.codes) > 1 for f in reported)
    assert merged_any  # the packs do overlap somewhere, so the check above checked something


def test_the_merge_field_example_is_one_finding(ruleset) -> None:  # type: ignore[no-untyped-def]
    """Issue 15's ``{{first_name}}``: AU108 declares NP102 the same habit (one fix, fill the field)."""
    from sociable.engine import finish, lint_document

    doc = Document.from_text("Hi {{first_name}}, a quick one about the Q3 plan.\n", "d.md", channel="cold-email")
    raw = lint_document(doc, ruleset)
    raised = {f.code for f in raw.findings if f.start == 3}
    assert {"AU108", "NP102"} <= raised
    at = [f for f in finish([raw], ruleset) if f.start == 3]
    assert len(at) == 1 and set(at[0].codes) == raised, at


def test_a_content_free_bump_is_two_habits_each_said_once(ruleset) -> None:  # type: ignore[no-untyped-def]
    """"Just checking in" is a generic follow-up and a sequence step: the labelling definitions
    give such a bump both families, so each family reports it once, its own rules merged."""
    from sociable.engine import finish, lint_document

    doc = Document.from_text("Hi Dana,\n\nJust checking in.\n\nBest,\nSam\n", "d.md", channel="follow-up-email")
    at = [f for f in finish([lint_document(doc, ruleset)], ruleset) if f.start == 10]
    assert sorted(f.category for f in at) == ["automation", "generic-pitch"], at
    generic = next(f for f in at if f.category == "generic-pitch")
    assert len(generic.codes) > 1  # GP201 with the other generic-pitch rules on the same words
