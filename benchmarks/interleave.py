"""Two source trees in turn on the same folder: ``sociable check`` before and after a change.

On a shared machine the load moves between two runs more than a change does; running the old
and the new tree by turns, several rounds, puts both under the same load:

    git archive BASE | tar -x -C /tmp/base          # the tree to compare with
    python benchmarks/interleave.py --before /tmp/base/src --rounds 2 FOLDER [-- CHECK ARGS]

Each run is the installed console script with ``PYTHONPATH`` pointing at one tree's ``src``
(the new tree is the installed one, no ``PYTHONPATH``); the default arguments are the speed
table's (``--jobs 2 --no-cache --ignore GR``). It prints wall and CPU seconds (the process and
its workers) per run, and the load average. Figures are printed, not asserted.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import time
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--before", type=Path, required=True, help="the old tree's src folder")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("folder", type=Path)
    parser.add_argument("check", nargs=argparse.REMAINDER, help="-- then sociable check's arguments")
    args = parser.parse_args(argv)
    extra = [a for a in args.check if a != "--"] or ["--jobs", "2", "--no-cache", "--ignore", "GR"]
    sociable = str(Path(sys.executable).with_name("sociable"))
    command = [sociable, "check", "--exit-zero", "--quiet", *extra, str(args.folder)]
    for number in range(1, args.rounds + 1):
        for name, source in (("before", str(args.before)), ("after", None)):
            env = dict(os.environ)
            env.pop("PYTHONDONTWRITEBYTECODE", None)  # time the linter, not the bytecode compiler
            env.pop("PYTHONPATH", None)
            if source:
                env["PYTHONPATH"] = source
            used = resource.getrusage(resource.RUSAGE_CHILDREN)
            started = time.perf_counter()
            subprocess.run(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
            wall = time.perf_counter() - started
            now = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu = now.ru_utime - used.ru_utime + now.ru_stime - used.ru_stime
            print(f"round {number} {name}: wall {wall:.1f} s, cpu {cpu:.1f} s, "
                  f"load {os.getloadavg()[0]:.1f}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
