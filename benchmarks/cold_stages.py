"""Where a one-draft cold ``check`` spends its CPU, stage by stage, in a fresh process each run.

Imports each layer in turn, then runs the check's own steps (``CheckApp.initialize``, the kinds
and prepared rules of the draft's rules, linting, the report), timing each with
``time.process_time`` and the garbage collector off, as the CLI has it during start-up. The
pack and regex caches are warmed first, as ``speed.py``'s cold-start row has them.

    python benchmarks/cold_stages.py --runs 10

Prints the median and the smallest CPU milliseconds of each stage.
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
ARGS = ["check", "--exit-zero", "--quiet", "--jobs", "2", "--ignore", "GR", "--no-cache", "short.md"]
PROGRAM = r'''
import gc, io, sys, time
stages = [("start", time.process_time())]
gc.disable()

def mark(name):
    stages.append((name, time.process_time()))

import sociable.faces.cli.main
mark("import the CLI and argparse")
import sociable.faces.cli.check_cmd
mark("import check, findings, dataclasses")
import sociable.config
mark("import config, document, text")
import sociable.context
mark("import context, ruleset, pack loader, decisions")
import sociable.plugins.manager
mark("import pluggy and the plugin manager")
from sociable.faces.cli.main import build_parser
args = build_parser().parse_args(sys.argv[1:])
mark("build and parse the command line")
from sociable.faces.cli.check import CheckApp
app = CheckApp(args)
app.initialize()
mark("initialize: configuration, plugins, packs")
import sociable.cache, sociable.discover, sociable.engine, sociable.pipeline, sociable.runner
mark("import runner, pipeline, engine, cache")
rules = app.context.ruleset
for spec in rules.active(None):
    rules.kinds[spec.kind]
mark("import the kinds that run")
for spec in rules.active(None):
    rules.rule(spec.code)
mark("prepare (unpickle) their rules")
app.run_checks(stream=True)
mark("lint the draft")
app.report(io.StringIO())
mark("report")
for (_, before), (name, after) in zip(stages, stages[1:]):
    print(f"{name}\t{(after - before) * 1000:.2f}")
print(f"total\t{(stages[-1][1] - stages[0][1]) * 1000:.2f}")
'''


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args(argv)
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    with tempfile.TemporaryDirectory(prefix="sociable-stages-") as tmp:
        folder = Path(tmp)
        (folder / "short.md").write_text(SHORT, encoding="utf-8")
        env["SOCIABLE_CACHE_DIR"] = str(folder / ".cache")
        for _ in range(2):  # pack and regex caches, bytecode
            subprocess.run([sys.executable, "-m", "sociable", *ARGS], cwd=folder, env=env,
                           capture_output=True)
        runs = []
        for _ in range(args.runs):
            done = subprocess.run([sys.executable, "-c", PROGRAM, *ARGS], cwd=folder, env=env,
                                  capture_output=True, text=True, check=True)
            runs.append(dict(line.split("\t") for line in done.stdout.splitlines()))
    for stage in runs[0]:
        values = [float(run[stage]) for run in runs]
        print(f"{stage:48s} median {statistics.median(values):6.1f} ms   min {min(values):6.1f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
