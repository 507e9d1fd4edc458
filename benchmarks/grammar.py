"""Grammar precision and recall: findings per 1,000 words on clean drafts, and mistakes caught.

Runs the grammar rules (``GR``, default selection) with one backend (default Harper) over

* the clean drafts (empty ``labels``) of a labelled JSONL corpus (default
  ``../shared/corpus/dev.jsonl``): every finding there is a false alarm;
* every ``good`` example of every bundled rule: the same;
* a list of typical mistakes written here (:data:`MISTAKES`): each must be caught by the rule
  named next to it.

and prints findings per 1,000 words (words of the text grammar reads: masked regions and
frontmatter left out), per rule, with the mistakes caught. The aim is fewer than one finding
per 1,000 words of clean text with every mistake caught.

    python benchmarks/grammar.py [CORPUS.jsonl] [--backend harper|languagetool] [--show]

``--show`` lists the findings on clean drafts (refused for the blind ``check.jsonl``, whose
texts are never printed). With ``--backend languagetool`` set ``SOCIABLE_LANGUAGETOOL_URL``.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))  # run from a checkout too

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "dev.jsonl"

#: (draft, rule that must flag it): the mistakes the issue names, and their neighbours.
MISTAKES = [
    ("Hi Ana,\n\nI could of asked sooner, but the audit ran late.", "GR101"),
    ("Hi Ana,\n\nWe should of tested the failover before launch.", "GR101"),
    ("Hi Ana,\n\nTheir going to demo the scheduler on Friday.", "GR101"),
    ("Hi Ana,\n\nI read the the notes from your talk twice.", "GR101"),
    ("Hi Ana,\n\nYou gave a apple to every speaker, a nice touch.", "GR101"),
    ("Hi Ana,\n\nIt was a honest answer and it helped us.", "GR101"),
    ("Hi Ana,\n\nShe have the numbers for the Lisbon office.", "GR101"),
    ("Hi Ana,\n\nIts a small change to the retry queue.", "GR101"),
    ("Hi Ana,\n\nThanks for the recomendation on queue sizing.", "GR102"),
    ("Hi Ana,\n\nI will definately try the sampling trick.", "GR102"),
    ("Hi Ana,\n\nThanks for the slides , they helped our team.", "GR103"),
]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--backend", default="harper", help="grammar backend (default harper)")
    parser.add_argument("--show", action="store_true", help="list findings on clean drafts")
    args = parser.parse_args(argv)
    if not args.corpus.is_file():
        print(f"corpus not found: {args.corpus}", file=sys.stderr)
        return 2
    if args.show and args.corpus.name == "check.jsonl":
        print("check.jsonl is a blind check: aggregate figures only", file=sys.stderr)
        return 2

    from sociable.config import Config
    from sociable.context import load_context
    from sociable.document import Document
    from sociable.engine import check_document

    context = load_context(Config(grammar_backend=args.backend), use_cache=False)
    ruleset = context.ruleset
    ruleset.settings["languagetool"] = os.environ.get("SOCIABLE_LANGUAGETOOL_URL")
    ruleset.selected = [code for code in ruleset.selected if code.startswith("GR")]
    items = [json.loads(line) for line in args.corpus.read_text(encoding="utf-8").splitlines()
             if line.strip()]
    clean = [(item["id"], item.get("channel"), item["text"]) for item in items
             if not item.get("labels")]
    goods = [
        (f"{code} good {index}", spec.channels[0] if spec.channels else None, text)
        for code, spec in sorted(ruleset.specs.items())
        for index, text in enumerate(spec.examples_good)
    ]

    def measure(name: str, drafts: list[tuple[str, str | None, str]]) -> None:
        words, per_rule, shown = 0, Counter[str](), []
        started = time.perf_counter()
        for draft_id, channel, text in drafts:
            doc = Document.from_text(text, draft_id, channel=channel)
            words += len(doc.view("text").split())
            for finding in check_document(doc, ruleset):
                per_rule[finding.code] += 1
                shown.append(f"  {draft_id}:{finding.line}:{finding.column} {finding.code} "
                             f"{doc.text[finding.start:finding.end]!r} {finding.message}")
        elapsed = time.perf_counter() - started
        total = sum(per_rule.values())
        rate = 1000 * total / words if words else 0.0
        rules = ", ".join(f"{code} {n}" for code, n in sorted(per_rule.items())) or "none"
        print(f"{name}: {len(drafts)} drafts, {words} words, {total} findings = "
              f"{rate:.2f} per 1,000 words ({rules}); {1000 * elapsed / max(1, len(drafts)):.1f} "
              "ms per draft")
        if args.show:
            print("\n".join(shown))

    print(f"backend: {args.backend}; rules: {', '.join(ruleset.selected)}")
    measure(f"clean drafts of {args.corpus.name}", clean)
    measure("good examples of every rule", goods)
    caught = 0
    for text, code in MISTAKES:
        codes = [f.code for f in check_document(Document.from_text(text, "m"), ruleset)]
        caught += code in codes
        if code not in codes:
            print(f"  missed ({code}): {text.splitlines()[-1]!r}, got {codes}")
    print(f"typical mistakes caught: {caught}/{len(MISTAKES)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
