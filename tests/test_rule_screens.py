"""Rule screens (:mod:`sociable.kinds.screens`) skip rules a draft gives nothing to find,
before they are prepared: fewer rules prepared, the very same findings."""

from __future__ import annotations

from pathlib import Path

import pytest

from sociable.document import Document
from sociable.engine import check_document
from sociable.kinds.screens import ScreenIndex
from sociable.kinds.shape import NeedIndex
from sociable.plugins.builtin import PACKS_DIR
from sociable.ruleset import RuleSet, load_packs

REPO = Path(__file__).resolve().parents[1]
CLEAN = "Hi Ana,\n\nLoved your talk on onboarding churn. How did you measure activation?\n\nBest,\nSam\n"
BAIT = "Hi Ana,\n\nLike if you agree! Tag a friend who needs this. Comment YES below.\n"


def _texts(ruleset: RuleSet) -> list[str]:
    """Every shape rule's examples and the bundled drafts."""
    specs = [spec for spec in ruleset.specs.values() if spec.kind == "shape"]
    texts = {text for spec in specs for text in (*spec.examples_bad, *spec.examples_good)}
    texts.update(path.read_text(encoding="utf-8") for path in sorted((REPO / "examples" / "drafts").glob("*.md")))
    return sorted(texts)


def test_a_shape_screen_rules_out_exactly_the_drafts_the_need_index_does(ruleset: RuleSet) -> None:
    """The screen is the kind's own first test (:class:`NeedIndex`), made before preparing:
    on each rule's own examples and on a sample of every other's it says what the index says,
    so it never skips a rule that could match."""
    kind = ruleset.kinds["shape"]
    rules = [ruleset.rule(code) for code in sorted(ruleset.specs) if ruleset.specs[code].kind == "shape"]
    screens = {rule.code: kind.screen(rule.spec, rule.prepared) for rule in rules}
    assert sum(screen is not None for screen in screens.values()) > len(rules) * 0.9
    docs: dict[str, Document] = {}
    sample = _texts(ruleset)[::12]
    needs = NeedIndex()
    # The engine asks them all at once, through one index of every screen (bits of words).
    index = ScreenIndex(screen for screen in screens.values() if screen is not None)
    passed = failed = 0
    for rule in rules:
        screen = screens[rule.code]
        if screen is None:
            continue
        for text in (*rule.spec.examples_bad, *rule.spec.examples_good, *sample):
            doc = docs.get(text) or docs.setdefault(text, Document.from_text(text, "draft.md"))
            if not doc.scopes.get(rule.spec.scope):
                continue
            analysis = doc.analysis(rule.spec.scope, rule.prepared.unmask)
            possible = bool(needs.possible(rule.prepared, analysis))
            assert screen.passes(doc, {}) is possible, (rule.code, text)
            assert index.passes(screen, index.present(analysis.index.keys())) is possible, (rule.code, text)
            passed += possible
            failed += not possible
    assert passed and failed > passed  # most rules find nothing to look at in most drafts
    some = next(screen for screen in screens.values() if screen is not None)
    doc = Document.from_text("Nothing here.", "draft.md")
    assert not some.passes(doc, {})
    assert not index.passes(some, index.present(doc.analysis(some.scope, some.unmask).index.keys()))
    assert ScreenIndex([]).passes(some, 0)  # a screen the index was not made with: checked
    assert some.passes(doc, {"extend_lexicons": {"engage-verb": ["boost"]}})  # new words: not screened


@pytest.fixture(scope="module")
def cached(ruleset: RuleSet, warm_cache_seed: Path) -> tuple[RuleSet, RuleSet]:
    """The shipped rules read back from a pack cache a real run wrote, and without one."""
    kinds = ruleset.kinds
    specs, kept = load_packs([PACKS_DIR], kinds, warm_cache_seed)
    assert hasattr(kept, "screen")  # read back from the file, not prepared here
    by_code = {spec.code: spec for spec in specs}
    selected = [spec.code for spec in specs if spec.enabled and spec.kind != "grammar"]
    bare = RuleSet(dict(by_code), kinds, list(selected))
    return RuleSet(by_code, kinds, selected, kept=kept), bare


def test_a_warm_pack_cache_prepares_only_rules_the_draft_may_need(cached: tuple[RuleSet, RuleSet]) -> None:
    screened, bare = cached
    doc = Document.from_text(CLEAN, "draft.md")
    shape_rules = [spec.code for spec in screened.active(None) if spec.kind == "shape"]
    assert check_document(doc, screened) == check_document(doc, bare) == []
    prepared = [code for code in shape_rules if code in screened._prepared]
    assert 0 < len(prepared) < len(shape_rules) / 3  # a handful of 25, not all
    assert all(code in bare._prepared for code in shape_rules)  # without screens: every one


def test_screened_and_unscreened_rules_find_the_same(cached: tuple[RuleSet, RuleSet]) -> None:
    screened, bare = cached
    texts = [BAIT, CLEAN, *_texts(bare)[::40]]
    for text in texts:
        for channel in (None, "linkedin-post"):
            doc = Document.from_text(text, "draft.md", channel=channel)
            assert check_document(doc, screened) == check_document(doc, bare), (channel, text)
    bait = check_document(Document.from_text(BAIT, "draft.md"), screened)
    assert {"EB101", "EB103"} <= {finding.code for finding in bait}
