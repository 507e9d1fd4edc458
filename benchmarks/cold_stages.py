"""Where a one-draft cold ``check`` spends its CPU, stage by stage, in a fresh process each run.

Imports each layer in turn, then runs the check's own steps (``CheckApp.initialize``, the rules
the draft's words let through their screens, the kinds and prepared forms of those rules,
linting, the report), timing each with
``time.process_time`` and the garbage collector off, as the CLI has it during start-up. The
pack and regex caches are warmed first, as ``speed.py``'s cold-start row has them.

    python benchmarks/cold_stages.py --runs 10
    python benchmarks/cold_stages.py --runs 10 /tmp/before/src src    # trees by turns

Prints the median and the smallest CPU milliseconds of each stage (of each tree, runs
interleaved, when source trees are named; a tree without rule screens prepares every rule).
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
from sociable.document import Document
doc = Document.from_text(open("short.md", encoding="utf-8").read(), "short.md")
plan = rules.plan(None) if hasattr(rules, "plan") else [(s, False, None) for s in rules.active(None)]
running = [  # as engine.lint_document chooses them: the draft's words pass the rule's screen
    spec for spec, corpus, screen in plan
    if corpus or (doc.scopes.get(spec.scope) and (screen is None or screen.passes(doc, rules.settings)))
]
mark("screen the rules (document, analysis, screens)")
for spec in running:
    rules.kinds[spec.kind]
mark("import the kinds that run")
for spec in running:
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
    parser.add_argument("trees", nargs="*", type=Path, help="sociable source folders (default: the installed one)")
    args = parser.parse_args(argv)
    base_env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    with tempfile.TemporaryDirectory(prefix="sociable-stages-") as tmp:
        folder = Path(tmp)
        (folder / "short.md").write_text(SHORT, encoding="utf-8")
        envs: dict[str, dict[str, str]] = {}
        for number, tree in enumerate(args.trees or [None]):
            env = {**base_env, "SOCIABLE_CACHE_DIR": str(folder / f"cache-{number}")}
            if tree is not None:
                env["PYTHONPATH"] = str(tree.resolve())
            envs[str(tree or "installed")] = env
            for _ in range(2):  # pack and regex caches, bytecode
                subprocess.run([sys.executable, "-m", "sociable", *ARGS], cwd=folder, env=env,
                               capture_output=True)
        runs: dict[str, list[dict[str, str]]] = {name: [] for name in envs}
        for _ in range(args.runs):
            for name, env in envs.items():
                done = subprocess.run([sys.executable, "-c", PROGRAM, *ARGS], cwd=folder, env=env,
                                      capture_output=True, text=True, check=True)
                runs[name].append(dict(line.split("\t") for line in done.stdout.splitlines()))
    for name, tree_runs in runs.items():
        if len(runs) > 1:
            print(f"{name}:")
        for stage in tree_runs[0]:
            values = [float(run[stage]) for run in tree_runs]
            print(f"{stage:48s} median {statistics.median(values):6.1f} ms   min {min(values):6.1f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
