"""Where one worker's CPU goes, in process: reading, text analysis and each rule kind's ``check``.

The same drafts as ``speed.py``'s channel row (a channel and a recipient in each frontmatter,
so every family runs; grammar off), linted in this process the way a worker lints them:

    python benchmarks/kinds.py [--drafts 2000] [--rounds 3] [--kind shape]

Per round it prints the CPU seconds of ``Document.from_text``, of the text analysis of the
views the shape rules read (tokenised and split into sentences once; other views are analysed
by the first kind that reads them and count there), of each kind's checks (``check`` and
corpus ``signature``) and of the whole ``engine.lint_document`` on fresh documents. To compare
two trees, run them in turn (``PYTHONPATH=other/src``). Figures are printed, not asserted:
they depend on the machine.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from speed import make_drafts  # the same corpus as the speed table


def _texts(count: int) -> list[tuple[str, str]]:
    with tempfile.TemporaryDirectory(prefix="sociable-kinds-") as tmp:
        folder = Path(tmp) / "channel"
        make_drafts(folder, count, channel=True)
        return [(str(path), path.read_text(encoding="utf-8")) for path in sorted(folder.iterdir())]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--drafts", type=int, default=2000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--kind", action="append", help="time only these kinds (repeatable)")
    args = parser.parse_args(argv)

    from sociable.config import Config
    from sociable.context import load_context
    from sociable.document import Document
    from sociable.engine import lint_document

    context = load_context(Config(root=Path.cwd()), ignore=["GR"], use_cache=False, entrypoints=False)
    ruleset = context.ruleset
    texts = _texts(args.drafts)
    clock = time.process_time
    for number in range(1, args.rounds + 1):
        spent: dict[str, float] = defaultdict(float)
        started = clock()
        docs = [Document.from_text(text, path) for path, text in texts]
        spent["Document.from_text"] = clock() - started
        by_kind: dict[str, list] = defaultdict(list)
        started = clock()
        for doc in docs:  # the views the shape rules read (the other kinds read few)
            for spec in ruleset.active(doc.channel):
                if spec.kind == "shape" and doc.scopes.get(spec.scope):
                    doc.analysis(spec.scope, ruleset.rule(spec.code).prepared.unmask)
        spent["text analysis (shape views)"] = clock() - started
        for doc in docs:
            rules: dict[str, list] = defaultdict(list)
            for spec in ruleset.active(doc.channel):
                if spec.kind == "grammar" or (args.kind and spec.kind not in args.kind):
                    continue
                if doc.scopes.get(spec.scope) or ruleset.kinds[spec.kind].corpus:
                    rules[spec.kind].append(ruleset.rule(spec.code))
            for kind, group in rules.items():
                by_kind[kind].append((doc, group))
        for name, items in sorted(by_kind.items()):
            kind = ruleset.kinds[name]
            started = clock()
            for doc, group in items:
                if kind.corpus:
                    for rule in group:
                        kind.signature(doc, rule)
                for rule in group:
                    for _ in kind.check(doc, rule):
                        pass
            spent[f"kind {name}"] = clock() - started
        started = clock()
        for path, text in texts:
            lint_document(Document.from_text(text, path), ruleset)
        spent["lint_document (fresh documents)"] = clock() - started
        print(f"round {number}, {len(texts)} drafts, CPU seconds:")
        for label, seconds in spent.items():
            print(f"  {label:34} {seconds:7.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
