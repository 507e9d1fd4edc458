"""Long drafts: work per draft grows with its length, not with its length squared."""

from __future__ import annotations

from pathlib import Path

from sociable.config import Config
from sociable.context import load_context
from sociable.document import Document
from sociable.engine import check_document
from sociable.kinds import shape


def test_unless_shapes_are_matched_once_per_view_however_many_hits(monkeypatch) -> None:
    """Each hit asks whether an ``unless`` shape matches in its sentence; the answer comes
    from one pass of that shape over the view, not one pass per hit."""
    ruleset = load_context(Config(root=Path("/tmp"))).ruleset
    lines = [f"Like this if you agree that batch {n} ran faster than the last one." for n in range(40)]
    doc = Document.from_text("\n\n".join(lines) + "\n", "long.md")
    calls: dict[int, int] = {}
    real = shape._matches

    def counting(analysis, found_shape, prepared):
        if found_shape in prepared.unless:
            calls[id(found_shape)] = calls.get(id(found_shape), 0) + 1
        return real(analysis, found_shape, prepared)

    monkeypatch.setattr(shape, "_matches", counting)
    found = check_document(doc, ruleset)
    assert sum(f.code.startswith("EB") for f in found) >= 1
    assert calls, "no rule with an unless shape ran"
    assert max(calls.values()) == 1
