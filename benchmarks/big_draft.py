"""One huge draft: peak memory, time, and whether two runs give the same findings (issue 15, item 4).

Writes a draft of ``--mb`` megabytes (a greeting, then ordinary numbered paragraphs with links,
hashtags and a mention, with emoji if asked, and a bait line, a merge field and a check-in among them, written
here), runs ``sociable check --output-format json`` on it
twice in fresh processes and prints each run's peak resident memory, CPU seconds, number of
findings, exit code and whether the two runs' findings are equal. The target is under 300 MB
for 20 MB and the same findings every run. Arguments after ``--`` go to ``sociable check``
(``-- --ignore GR``: Harper's grammar rules read about 30 µs of CPU a character, so with
them a 20 MB draft takes most of an hour).

    python benchmarks/big_draft.py --mb 20 [--runs 2] [-- --ignore GR]
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

PARAGRAPHS = (
    "Hi team, I rewrote the ingest job over the weekend and the nightly run fell from 40 to 9 minutes.",
    "Like if you agree that small batches beat big ones! Share this with your network.",
    "We tried three queue libraries; the notes are in the wiki with the numbers for each: "
    "https://wiki.example.com/ingest/queues?run=7",
    "Just checking in on the invoice from last week, {{first_name}}.",
    "The trick was reading the files in order and keeping one connection open per worker. "
    "Thanks to @dana_k for the review. #dataengineering #batchjobs",
    "Would the same order help your importer? I can send the script from www.example.org/ingest.",
)
#: The same paragraphs with emoji (``--emoji``). One emoji outside the Basic Multilingual Plane
#: makes Python keep the whole text, and every view of it, at four bytes a character.
EMOJI = {2: " \U0001f680", 4: " \U0001f64f"}


def write_draft(path: Path, size: int, emoji: bool = False) -> None:
    """About ``size`` characters of numbered paragraphs, the first opening with a greeting."""
    parts, total, number = [], 0, 0
    while total < size:
        which = number % len(PARAGRAPHS)
        extra = EMOJI.get(which, "") if emoji else ""
        part = f"{PARAGRAPHS[which]}{extra} ({number})\n\n"
        parts.append(part)
        total += len(part)
        number += 1
    path.write_text("".join(parts), encoding="utf-8")


def run_once(path: Path, extra: Sequence[str] = ()) -> tuple[list[tuple[str, int, int]], int, float, float, float]:
    """Findings, exit code, wall seconds, CPU seconds and peak RSS (MB) of one fresh run."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-m", "sociable", "check", "--isolated", "--no-cache",
         "--output-format", "json", *extra, str(path)],
        capture_output=True, text=True, check=False,
    )
    wall = time.monotonic() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    try:
        found = [(f["code"], f["line"], f["column"]) for f in json.loads(done.stdout or "[]")]
    except json.JSONDecodeError:
        found = []
    skipped = sum("skipped" in line for line in done.stderr.splitlines())
    if skipped:
        print(f"  {skipped} rules skipped for time")
    # ru_maxrss is the largest child so far (kilobytes on Linux): runs go from small to big.
    return found, done.returncode, wall, cpu, after.ru_maxrss / 1024


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=20.0, help="draft size in megabytes")
    parser.add_argument("--runs", type=int, default=2, help="fresh runs of the same draft")
    parser.add_argument("--emoji", action="store_true", help="emoji in two paragraphs of six")
    parser.add_argument("check", nargs=argparse.REMAINDER, help="-- then sociable check's arguments")
    args = parser.parse_args()
    extra = [a for a in args.check if a != "--"]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "big.md"
        write_draft(path, int(args.mb * 1_000_000), args.emoji)
        runs = []
        for number in range(1, args.runs + 1):
            found, code, wall, cpu, rss = run_once(path, extra)
            print(f"run {number}: {len(found)} findings, exit {code}, {wall:.1f} s wall, "
                  f"{cpu:.1f} s CPU, peak RSS {rss:.0f} MB")
            runs.append(found)
        if len(runs) > 1:
            print("same findings on every run:", all(run == runs[0] for run in runs))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
