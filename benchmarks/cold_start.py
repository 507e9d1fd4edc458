"""One short draft from cold, interleaved: source trees of sociable, proselint and bare Python.

The same command and draft as ``speed.py``'s cold-start row (``sociable check --exit-zero
--quiet --jobs 2 --ignore GR --no-cache short.md``, pack and regex caches warm), run in
rounds: each round runs every tree, proselint and ``python -c pass`` once, so a busy machine
slows them all alike. Compare a change with the tree before it:

    mkdir /tmp/before && git archive 72be19a src rules | tar -x -C /tmp/before
    python benchmarks/cold_start.py --runs 20 /tmp/before/src src

Each tree runs through a launcher that does what the console script of that tree does: it
calls ``sociable.faces.cli.main.run`` where the tree has it (the quick exit, phase 8) and
``main`` where it does not, so an older tree is timed as its own ``sociable`` command ran.

Prints the median and best wall and CPU time (user + system) of each, the CPU time's lower
quartile, and each tree's median wall time as a multiple of proselint's. Each tree gets its own cache folder, warmed first.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

SHORT = "Hi Ana,\n\nLoved your talk on onboarding churn. How did you measure activation?\n\nBest,\nSam\n"
PROBE = (
    "import resource, subprocess, sys, time\n"
    "start = time.perf_counter()\n"
    "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)\n"
    "wall = time.perf_counter() - start\n"
    "use = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
    "print(wall, use.ru_utime + use.ru_stime)\n"
)
#: The console script's body, for any tree: ``run`` (main, then a quick exit) where it exists.
LAUNCHER = (
    "import re\n"
    "import sys\n"
    "from sociable.faces.cli import main as cli\n"
    "sys.exit(getattr(cli, 'run', cli.main)())\n"
)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("trees", nargs="+", type=Path, help="sociable source folders (the src/ of a checkout)")
    parser.add_argument("--runs", type=int, default=20, help="rounds (median of this many runs each)")
    parser.add_argument("--no-proselint", action="store_true", help="time sociable alone")
    args = parser.parse_args(argv)

    bindir = Path(sys.executable).parent
    sociable = [sys.executable, "launcher.py", "check", "--exit-zero", "--quiet", "--jobs", "2",
                "--ignore", "GR", "--no-cache", "short.md"]
    base_env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    with tempfile.TemporaryDirectory(prefix="sociable-cold-") as tmp:
        folder = Path(tmp)
        (folder / "short.md").write_text(SHORT, encoding="utf-8")
        (folder / "launcher.py").write_text(LAUNCHER, encoding="utf-8")
        commands: dict[str, tuple[list[str], dict[str, str]]] = {
            "bare Python": ([sys.executable, "-c", "pass"], base_env),
        }
        if not args.no_proselint:
            commands["proselint"] = ([str(bindir / "proselint"), "check", "short.md"], base_env)
        for number, tree in enumerate(args.trees):
            env = {**base_env, "PYTHONPATH": str(tree.resolve()),
                   "SOCIABLE_CACHE_DIR": str(folder / f"cache-{number}")}
            commands[f"sociable {tree}"] = (sociable, env)
        for command, env in commands.values():  # caches, bytecode
            for _ in range(2):
                subprocess.run(command, cwd=folder, env=env, capture_output=True)
        samples: dict[str, list[tuple[float, float]]] = {name: [] for name in commands}
        for _ in range(args.runs):
            for name, (command, env) in commands.items():
                done = subprocess.run([sys.executable, "-c", PROBE, *command], cwd=folder, env=env,
                                      capture_output=True, text=True, check=True)
                wall, cpu = map(float, done.stdout.split())
                samples[name].append((wall, cpu))
    print(f"{args.runs} interleaved rounds; load average {os.getloadavg()[0]:.1f} at the end")
    # On a shared machine the load comes in spikes: the median moves by a few ms between
    # runs of one tree, so the lower quartile (steadier than the best) is printed too.
    print("| run | wall median (best) | CPU median (best) | CPU lower quartile | wall / proselint |")
    print("|---|---|---|---|---|")
    prose = statistics.median(w for w, _ in samples["proselint"]) if "proselint" in samples else None
    for name, values in samples.items():
        walls, cpus = [w for w, _ in values], [c for _, c in values]
        ratio = f"{statistics.median(walls) / prose:.2f}x" if prose and name.startswith("sociable") else "–"
        quartile = statistics.quantiles(cpus, n=4)[0] if len(cpus) > 1 else cpus[0]
        print(f"| {name} | {statistics.median(walls) * 1000:.0f} ms ({min(walls) * 1000:.0f}) | "
              f"{statistics.median(cpus) * 1000:.1f} ms ({min(cpus) * 1000:.1f}) | "
              f"{quartile * 1000:.1f} ms | {ratio} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
