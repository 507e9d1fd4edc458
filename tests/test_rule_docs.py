"""``docs/rules`` is generated from the packs and must not drift from them."""

from __future__ import annotations

import importlib.util
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def load_generator():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("gen", REPO / "scripts" / "generate_rule_docs.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_rule_pages_are_up_to_date() -> None:
    pages = load_generator().render()
    stale = [
        name for name, text in pages.items()
        if not (REPO / "docs" / "rules" / name).is_file()
        or (REPO / "docs" / "rules" / name).read_text(encoding="utf-8") != text
    ]
    assert not stale, f"run `python scripts/generate_rule_docs.py`; stale: {stale[:10]}"


def test_every_rule_page_has_ruffs_sections_in_order() -> None:
    """What it does, Why is this bad?, Example (bad, then "Use instead:" good), Fix safety."""
    from sociable.faces.cli.rule_doc import SECTIONS

    pages = load_generator().render()
    for name, text in pages.items():
        if name == "README.md":
            continue
        positions = [text.find(section + "\n") for section in SECTIONS]
        assert -1 not in positions and positions == sorted(positions), name
        example = text[positions[2]:positions[3]]
        assert "Use instead:" in example, name


def test_page_shows_the_rules_examples_and_fix_safety(ruleset) -> None:  # type: ignore[no-untyped-def]
    from sociable.faces.cli.rule_doc import rule_page

    spec = next(s for s in ruleset.specs.values() if s.fix is not None and s.fix.applicability == "safe")
    page = rule_page(spec)
    bad_part, good_part = page.split("Use instead:")
    assert spec.examples_bad[0].split("\n")[0] in bad_part
    assert spec.examples_good[0].split("\n")[0] in good_part.split("## Fix safety")[0]
    assert "It is safe" in page.split("## Fix safety")[1]
    unfixable = next(s for s in ruleset.specs.values() if s.fix is None)
    assert "No automatic fix" in rule_page(unfixable)
