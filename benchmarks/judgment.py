"""Judgment on real drafts: per-family precision and recall, development and blind check side by side.

Lints every item of the labelled corpora (``../shared/corpus/dev.jsonl`` and the blind
``../shared/corpus/check.jsonl``, next to this repository) with the built-in packs and default
selection, using each item's channel, and prints for every family (rule category) precision
and recall on each corpus, the macro averages, and how many clean drafts got any finding.

    python benchmarks/judgment.py [--dev FILE] [--check FILE] [--show fp|fn|all] [--family NAME]

``check.jsonl`` is a blind check: only aggregate figures are ever printed for it, never its
texts, ids or which items were missed. ``--show`` lists misjudged drafts of the development
corpus only, so rules are improved from the habits' definitions, not from the check's items.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))  # run from a checkout too
from sociable.packs.schema import JUDGMENT_CATEGORIES as FAMILIES

CORPUS_DIR = Path(__file__).resolve().parents[2] / "shared" / "corpus"


@dataclass
class Score:
    """Draft-level counts for one corpus: per family true/false positives and misses."""

    counts: dict[str, dict[str, int]] = field(
        default_factory=lambda: {family: {"tp": 0, "fp": 0, "fn": 0} for family in FAMILIES}
    )
    clean: int = 0
    clean_flagged: int = 0
    #: rule code -> [drafts it flagged that carry its family, drafts that do not]
    rules: dict[str, list[int]] = field(default_factory=dict)
    #: the same counts when only each finding's own code counts, not the codes merged into it:
    #: what a report reading each finding's ``category`` sees (a stricter recall)
    shown: dict[str, dict[str, int]] = field(
        default_factory=lambda: {family: {"tp": 0, "fp": 0, "fn": 0} for family in FAMILIES}
    )

    def precision(self, family: str) -> float:
        c = self.counts[family]
        return c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 1.0

    def recall(self, family: str) -> float:
        c = self.counts[family]
        return c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 1.0

    def macro(self) -> tuple[float, float]:
        return (
            sum(self.precision(f) for f in FAMILIES) / len(FAMILIES),
            sum(self.recall(f) for f in FAMILIES) / len(FAMILIES),
        )

    def macro_shown(self) -> tuple[float, float]:
        """Macro precision and recall counting only each finding's displayed code."""
        shown = Score(counts=self.shown)
        return shown.macro()


def judge(items: list[dict[str, Any]], ruleset: Any, show: str | None = None,
          family_filter: str | None = None) -> Score:
    """Score ``items``; with ``show``, print the misjudged ones (development corpus only)."""
    from sociable.document import Document
    from sociable.engine import check_document

    score = Score()
    for item in items:
        doc = Document.from_text(item["text"], item["id"], channel=item.get("channel"))
        predicted: dict[str, list[str]] = {}
        codes: dict[str, str] = {}
        shown: set[str] = set()
        for finding in check_document(doc, ruleset):
            shown.add(ruleset.specs[finding.code].category)
            # A finding carries the codes of the rules merged into it (one finding per
            # problem, Finding.codes): each of their families counts as flagged.
            for code in finding.codes:
                family = ruleset.specs[code].category
                if family in FAMILIES:
                    codes[code] = family
                    predicted.setdefault(family, []).append(f"{code} {finding.message[:70]!r}")
        labels = set(item.get("labels") or [])
        for code, family in codes.items():
            score.rules.setdefault(code, [0, 0])[family not in labels] += 1
        if not labels:
            score.clean += 1
            score.clean_flagged += bool(predicted)
        for family in FAMILIES:
            hit, truth = family in predicted, family in labels
            outcome = "tp" if hit and truth else "fp" if hit else "fn" if truth else None
            if outcome is None:
                continue
            score.counts[family][outcome] += 1
            shown_hit = family in shown
            shown_outcome = "tp" if shown_hit and truth else "fp" if shown_hit else "fn"
            if shown_hit or truth:
                score.shown[family][shown_outcome] += 1
            if show in ("all", outcome) and outcome != "tp" and family_filter in (None, family):
                print(f"{outcome.upper()} {family:<19} {item['id']} [{item.get('channel')}] labels={sorted(labels)}")
                for line in predicted.get(family, []):
                    print(f"      {line}")
                print("      " + item["text"][:400].replace("\n", " | "))
    return score


def _right_wrong(counts: list[int]) -> str:
    return f"{counts[0]}/{counts[1]}"


def read(path: Path) -> list[dict[str, Any]]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dev", type=Path, default=CORPUS_DIR / "dev.jsonl")
    parser.add_argument("--check", type=Path, default=CORPUS_DIR / "check.jsonl")
    parser.add_argument("--show", choices=("fp", "fn", "all"), help="list misjudged dev drafts")
    parser.add_argument("--family", choices=FAMILIES, help="only show this family's errors")
    parser.add_argument("--rules", action="store_true", help="per rule: drafts flagged right/wrong")
    args = parser.parse_args(argv)

    from sociable.config import Config
    from sociable.context import load_context

    ruleset = load_context(Config(), use_cache=False).ruleset
    scores: dict[str, Score] = {}
    for name, path in (("dev", args.dev), ("check", args.check)):
        if not path.is_file():
            print(f"corpus not found: {path}", file=sys.stderr)
            continue
        scores[name] = judge(read(path), ruleset, args.show if name == "dev" else None, args.family)
    if not scores:
        return 2

    header = f"{'family':<20}" + "".join(f"{name + ' P':>9}{name + ' R':>9}{'tp/fp/fn':>11}" for name in scores)
    print(header)
    for family in FAMILIES:
        row = f"{family:<20}"
        for score in scores.values():
            c = score.counts[family]
            row += f"{score.precision(family):>9.2f}{score.recall(family):>9.2f}{c['tp']:>5}/{c['fp']}/{c['fn']:<3}"
        print(row)
    row = f"{'macro':<20}"
    for score in scores.values():
        precision, recall = score.macro()
        row += f"{precision:>9.2f}{recall:>9.2f}{'':>11}"
    print(row)
    row = f"{'macro, shown code':<20}"
    for score in scores.values():
        precision, recall = score.macro_shown()
        row += f"{precision:>9.2f}{recall:>9.2f}{'':>11}"
    print(row + "  (only each finding's own code, not the codes merged into it)")
    if args.rules:
        print(f"{'rule':<8}" + "".join(f"{name + ' right/wrong':>20}" for name in scores))
        for code in sorted({code for score in scores.values() for code in score.rules}):
            print(f"{code:<8}" + "".join(
                f"{_right_wrong(score.rules.get(code, [0, 0])):>20}" for score in scores.values()
            ))
    for name, score in scores.items():
        share = score.clean_flagged / score.clean if score.clean else 0.0
        print(f"{name}: clean drafts flagged {score.clean_flagged} of {score.clean} ({share:.0%})")
    check = scores.get("check")
    if check is not None:
        precision, recall = check.macro()
        shown_precision, shown_recall = check.macro_shown()
        share = check.clean_flagged / check.clean if check.clean else 0.0
        met = min(precision, shown_precision) >= 0.90 and min(recall, shown_recall) >= 0.70 and share <= 0.05
        print(f"check targets (macro P >= 0.90, macro R >= 0.70 by both counts, clean flagged <= 5%): {'met' if met else 'not met'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
