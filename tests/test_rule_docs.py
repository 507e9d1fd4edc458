"""``docs/rules`` is generated from the packs and must not drift from them."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

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


@pytest.mark.parametrize("section", ["## Why", "## Bad", "## Good", "## Fix"])
def test_every_rule_page_has_the_required_sections(section: str) -> None:
    pages = load_generator().render()
    missing = [name for name, text in pages.items() if name != "README.md" and section not in text]
    assert not missing
