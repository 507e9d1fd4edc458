"""Write ``docs/rules/<CODE>.md`` and ``docs/rules/README.md`` from the rule packs.

The rule's own ``why``, examples and fix are the documentation, as ruff builds its rule pages
from each rule's doc comment, and each page follows ruff's order: What it does, Why is this
bad?, Example (bad, then "Use instead:" good), Fix safety (see
:mod:`sociable.faces.cli.rule_doc`). ``sociable explain`` prints the same page. ``tests/test_rule_docs.py`` fails when the pages are out of date; rerun

    python scripts/generate_rule_docs.py
"""

from __future__ import annotations

import sys
from pathlib import Path

DOCS = Path(__file__).resolve().parents[1] / "docs" / "rules"


def render() -> dict[str, str]:
    from sociable.config import Config
    from sociable.context import load_context
    from sociable.faces.cli.rule_cmd import explain_text

    ruleset = load_context(Config(), use_cache=False, entrypoints=False).ruleset
    specs = ruleset.specs
    pages = {
        f"{code}.md": explain_text(spec, ruleset.kinds.get(spec.kind))
        for code, spec in sorted(specs.items())
    }
    rows = ["# Rules", "", "| code | name | category | severity | summary |", "|---|---|---|---|---|"]
    for code, spec in sorted(specs.items()):
        summary = spec.one_line.replace("|", "\\|")
        rows.append(f"| [{code}]({code}.md) | {spec.name} | {spec.category} | {spec.severity} | {summary} |")
    pages["README.md"] = "\n".join(rows) + "\n"
    return pages


def main() -> int:
    pages = render()
    DOCS.mkdir(parents=True, exist_ok=True)
    for stale in DOCS.glob("*.md"):
        if stale.name not in pages:
            stale.unlink()
    for name, text in pages.items():
        (DOCS / name).write_text(text, encoding="utf-8")
    print(f"wrote {len(pages)} pages to {DOCS}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
