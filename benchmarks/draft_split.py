"""Where one worker's CPU goes in a real run: screens, each kind's ``check`` and ``signature``.

``kinds.py`` times every rule of a kind on every draft; a run does less: with the pack cache
warm, the engine asks each rule's screen (:mod:`sociable.kinds.screens`) first and skips the
rules whose words a draft lacks. This lints ``speed.py``'s channel drafts in this process the
way a worker does (``engine.lint_document``, pack cache on, results cache off, grammar off),
once plain and once with each screen test and each kind's methods timed:

    python benchmarks/draft_split.py [--drafts 2000] [--rounds 1]

The screens' row includes the text analysis of the views they are first to read (a view is
analysed once, by its first reader). Figures are printed, not asserted; to compare two trees
run them in turn (``PYTHONPATH=other/src``).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from speed import make_drafts  # the same corpus as the speed table

CLOCK = time.process_time


def _texts(count: int) -> list[tuple[str, str]]:
    with tempfile.TemporaryDirectory(prefix="sociable-split-") as tmp:
        folder = Path(tmp) / "channel"
        make_drafts(folder, count, channel=True)
        return [(str(path), path.read_text(encoding="utf-8")) for path in sorted(folder.iterdir())]


def _timed(owner: Any, name: str, label: str, spent: Counter[str], listed: bool = False) -> None:
    """Wrap ``owner.name`` so that its CPU time adds up under ``label``."""
    original: Callable[..., Any] = getattr(owner, name)

    def wrapper(*args: Any) -> Any:
        started = CLOCK()
        result = original(*args)
        if listed:
            result = list(result)  # a check is a generator: its work happens when drained
        spent[label] += CLOCK() - started
        return iter(result) if listed else result

    setattr(owner, name, wrapper)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--drafts", type=int, default=2000)
    parser.add_argument("--rounds", type=int, default=1)
    args = parser.parse_args(argv)

    from sociable import engine
    from sociable.config import Config
    from sociable.context import load_context
    from sociable.document import Document

    with tempfile.TemporaryDirectory(prefix="sociable-split-cache-") as cache:
        # The first load writes the pack cache; rules come with their screens from the second
        # on, as in every run after a folder's first.
        load_context(Config(root=Path.cwd()), ignore=["GR"], cache_dir=cache, entrypoints=False)
        context = load_context(Config(root=Path.cwd()), ignore=["GR"], cache_dir=cache, entrypoints=False)
    ruleset = context.ruleset
    texts = _texts(args.drafts)
    for path, text in texts[:20]:  # prepare the rules and load the dictionaries first
        engine.lint_document(Document.from_text(text, path), ruleset)
    for number in range(1, args.rounds + 1):
        started = CLOCK()
        docs = [Document.from_text(text, path) for path, text in texts]
        reading = CLOCK() - started
        started = CLOCK()
        for doc in docs:
            engine.lint_document(doc, ruleset)
        plain = CLOCK() - started
        print(f"round {number}, {len(texts)} drafts, CPU seconds: Document.from_text {reading:.3f}, "
              f"lint_document {plain:.3f} ({1000 * (reading + plain) / len(texts):.2f} ms a draft)")
    spent: Counter[str] = Counter()
    screening = getattr(engine, "_Screening", None)
    if screening is not None:
        _timed(screening, "passes", "screens (with the views they analyse first)", spent)
    elif hasattr(engine, "_passes"):
        _timed(engine, "_passes", "screens (with the views they analyse first)", spent)
    seen: set[type] = set()
    for code in ruleset.selected:
        try:
            kind = type(ruleset.rule(code).kind)
        except Exception:  # a rule that does not prepare: the run reports it, not this table
            continue
        if kind in seen:
            continue
        seen.add(kind)
        _timed(kind, "check", f"kind {kind.name} check", spent, listed=True)
        if kind.corpus:
            _timed(kind, "signature", f"kind {kind.name} signature", spent)
    docs = [Document.from_text(text, path) for path, text in texts]
    started = CLOCK()
    for doc in docs:
        engine.lint_document(doc, ruleset)
    total = CLOCK() - started
    print(f"timed round, lint_document {total:.3f} s:")
    for label, seconds in spent.most_common():
        print(f"  {label:48} {seconds:7.3f}")
    print(f"  {'the engine and the rest':48} {total - sum(spent.values()):7.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
