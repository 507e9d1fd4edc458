"""Judgment on real drafts: per-family precision and recall at draft level.

Lints every item of a labelled JSONL corpus (default ``../shared/corpus/dev.jsonl``, next to
this repository) with the built-in packs and default selection, using each item's channel, and
prints for every family (rule category) how many drafts were flagged correctly, precision,
recall, and how many clean drafts got any finding of these families.

    python benchmarks/judgment.py [CORPUS.jsonl] [--show fp|fn|all] [--family NAME]

Run it after every rule change; ``--show fp`` lists false alarms with the rules that fired.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))  # run from a checkout too
from sociable.packs.schema import JUDGMENT_CATEGORIES as FAMILIES

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "dev.jsonl"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--show", choices=("fp", "fn", "all"), help="list misjudged drafts")
    parser.add_argument("--family", choices=FAMILIES, help="only show this family's errors")
    args = parser.parse_args(argv)
    if not args.corpus.is_file():
        print(f"corpus not found: {args.corpus}", file=sys.stderr)
        return 2

    from sociable.config import Config
    from sociable.context import load_context
    from sociable.document import Document
    from sociable.engine import check_document

    ruleset = load_context(Config(), use_cache=False).ruleset
    items = [json.loads(line) for line in args.corpus.read_text(encoding="utf-8").splitlines() if line.strip()]
    stats = {family: {"tp": 0, "fp": 0, "fn": 0} for family in FAMILIES}
    clean_flagged = []
    for item in items:
        doc = Document.from_text(item["text"], item["id"], channel=item.get("channel"))
        findings = check_document(doc, ruleset)
        predicted: dict[str, list[str]] = {}
        for finding in findings:
            if finding.category in FAMILIES:
                predicted.setdefault(finding.category, []).append(f"{finding.code} {finding.message[:70]!r}")
        labels = set(item.get("labels") or [])
        if not labels and predicted:
            clean_flagged.append(item["id"])
        for family in FAMILIES:
            hit, truth = family in predicted, family in labels
            outcome = "tp" if hit and truth else "fp" if hit else "fn" if truth else None
            if outcome:
                stats[family][outcome] += 1
            show = args.show == "all" or args.show == outcome
            if show and outcome in ("fp", "fn") and (args.family in (None, family)):
                print(f"{outcome.upper()} {family:<19} {item['id']} [{item.get('channel')}] labels={sorted(labels)}")
                for line in predicted.get(family, []):
                    print(f"      {line}")
                print("      " + item["text"][:400].replace("\n", " | "))

    print(f"{'family':<20}{'tp':>4}{'fp':>4}{'fn':>4}{'precision':>11}{'recall':>8}")
    worst_ok = True
    for family in FAMILIES:
        s = stats[family]
        precision = s["tp"] / (s["tp"] + s["fp"]) if s["tp"] + s["fp"] else 1.0
        recall = s["tp"] / (s["tp"] + s["fn"]) if s["tp"] + s["fn"] else 1.0
        worst_ok &= precision >= 0.90 and recall >= 0.80
        print(f"{family:<20}{s['tp']:>4}{s['fp']:>4}{s['fn']:>4}{precision:>11.2f}{recall:>8.2f}")
    clean_total = sum(1 for item in items if not item.get("labels"))
    print(f"clean drafts flagged: {len(clean_flagged)} of {clean_total} {sorted(clean_flagged)[:10]}")
    print(f"targets (precision >= 0.90, recall >= 0.80, no clean flagged): "
          f"{'met' if worst_ok and not clean_flagged else 'not met'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
