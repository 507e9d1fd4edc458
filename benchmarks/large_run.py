"""One ``sociable check`` in this process, with the main process and its workers measured apart.

``speed.py --large`` reports the peak memory of the largest process; this tells the main
process (which holds every draft's result until the corpus step, then formats the findings)
from the workers (which lint), with the CPU of each:

    python benchmarks/large_run.py --drafts 20000 [--keep DIR] -- --jobs 2 --no-cache --quiet \
        --exit-zero --select ALL --ignore GR

The drafts are ``speed.py``'s, with a channel in each frontmatter (every rule family runs),
written once to ``--keep`` (reused when it holds them) or a temporary folder. Arguments after
``--`` go to ``sociable check``; output goes to ``/dev/null``. Figures are printed, not
asserted: they depend on the machine.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from speed import make_drafts  # the same corpus as the speed table


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--drafts", type=int, default=20000)
    parser.add_argument("--keep", type=Path, help="folder for the drafts, kept between runs")
    parser.add_argument("check", nargs=argparse.REMAINDER, help="-- then sociable check's arguments")
    args = parser.parse_args(argv)
    extra = [a for a in args.check if a != "--"]
    with contextlib.ExitStack() as stack:
        folder = args.keep or Path(stack.enter_context(tempfile.TemporaryDirectory()))
        corpus = folder / f"drafts-{args.drafts}"
        if not (corpus.is_dir() and len(os.listdir(corpus)) == args.drafts):
            make_drafts(corpus, args.drafts, channel=True)
        from sociable.faces.cli.main import main as sociable

        start = time.perf_counter()
        with open(os.devnull, "w") as sink, contextlib.redirect_stdout(sink):
            code = sociable(["check", *extra, str(corpus)])
        wall = time.perf_counter() - start
    me, workers = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    scale = 1024 * 1024 if sys.platform == "darwin" else 1024  # ru_maxrss: bytes on macOS
    print(
        f"{args.drafts} drafts, exit {code}: wall {wall:.1f} s; "
        f"main {me.ru_utime + me.ru_stime:.1f} s cpu, peak {me.ru_maxrss / scale:.0f} MB; "
        f"workers {workers.ru_utime + workers.ru_stime:.1f} s cpu, "
        f"largest peak {workers.ru_maxrss / scale:.0f} MB"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
