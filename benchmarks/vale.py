"""How long sociable takes to run a Vale style over 1,000 generated Markdown drafts.

The style comes from ``../shared/vale-styles`` (``--style Microsoft`` by default, every rule via
``BasedOnStyles``); the drafts mix headings, paragraphs, lists, inline and fenced code. Each
configuration is timed as a fresh ``sociable check`` process with the results cache off, so
the figure includes start-up, reading the style and parsing every draft. CPU seconds are
printed next to wall seconds because a shared machine inflates the latter:

    python benchmarks/vale.py [--style Microsoft] [--drafts 1000] [--runs 3] [--jobs 1,2]

Only Vale's rules run (``--select <style>``), so the time is the Vale plugin's. Figures are
printed, not asserted: they depend on the machine. With ``vale`` on PATH the same folder is
timed with it too, for comparison.
"""

from __future__ import annotations

import argparse
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

STYLES = Path(__file__).resolve().parents[2] / "shared" / "vale-styles"
HEADINGS = ["Getting Started with {t}", "How we fixed {t}", "Why {t} matters", "Notes: {t} in {p}"]
SENTENCES = [
    "We are not sure the {t} change at {c} is ready, but it is very close.",
    "It is important to utilize the {t} dashboard in order to see the numbers.",
    "The report was written by the {f} team and it was reviewed twice.",
    "Please don't hesitate to reach out if there is anything we can do.",
    "Our {t} work in {p} cut costs by {k}% and saved {k} hours a week.",
    "There are a number of ways to run {t}; the simplest is the one we use.",
    "I think the {u} checklist is, frankly, the best thing we shipped this year.",
    "Click the button to enable the setting, then restart the {t} service.",
    "The the meeting in {p} is at 10am on the 3rd of March.",
    "He said, \"{t} is hard\". She said it is easy e.g. with the right tools.",
]
TOPICS = ["churn", "pricing", "onboarding", "hiring", "forecasting", "retention", "security"]
FIELDS = ["sales", "finance", "health", "retail", "education", "media"]
PLACES = ["Berlin", "Austin", "Lagos", "Pune", "Lyon", "Osaka"]
COMPANIES = ["Northwind", "Ledgerly", "Acme", "Brightline", "Kestrel"]


def fill(template: str, rng: random.Random) -> str:
    return template.format(
        t=rng.choice(TOPICS), f=rng.choice(FIELDS), p=rng.choice(PLACES),
        c=rng.choice(COMPANIES), u=rng.choice(TOPICS), k=rng.randint(2, 40),
    )


def make_drafts(folder: Path, count: int) -> int:
    """Write ``count`` drafts; return their total size in characters."""
    rng = random.Random(13)
    total = 0
    for index in range(count):
        parts = [f"# {fill(rng.choice(HEADINGS), rng)}", ""]
        for _ in range(rng.randint(2, 4)):
            parts.append(" ".join(fill(rng.choice(SENTENCES), rng) for _ in range(rng.randint(2, 4))))
            parts.append("")
        parts += [f"- {fill(rng.choice(SENTENCES), rng)}" for _ in range(rng.randint(1, 3))]
        parts += ["", f"Run `make {rng.choice(TOPICS)}` first:", "", "```", "it is not linted", "```", ""]
        text = "\n".join(parts)
        total += len(text)
        (folder / f"draft-{index:04d}.md").write_text(text, encoding="utf-8")
    return total


def timed(command: list[str], cwd: Path, runs: int) -> tuple[float, float, str]:
    """Median wall seconds, median CPU seconds (user + system, all processes) and output."""
    import resource

    samples = []
    cpu = []
    output = ""
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        done = subprocess.run(command, cwd=cwd, capture_output=True, text=True, check=False)
        samples.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
        output = done.stdout
        if done.returncode not in (0, 1):
            sys.exit(f"{' '.join(command)} failed ({done.returncode}):\n{done.stderr}")
    return statistics.median(samples), statistics.median(cpu), output


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--style", default="Microsoft")
    parser.add_argument("--drafts", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--jobs", default="1,2")
    args = parser.parse_args()
    if not (STYLES / args.style / args.style).is_dir():
        sys.exit(f"style {args.style!r} not found under {STYLES}")
    sociable = shutil.which("sociable", path=str(Path(sys.executable).parent)) or "sociable"
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        chars = make_drafts(folder, args.drafts)
        (folder / ".vale.ini").write_text(
            f"StylesPath = {STYLES / args.style}\nMinAlertLevel = suggestion\n\n"
            f"[*.md]\nBasedOnStyles = {args.style}\n", encoding="utf-8")
        rules = len(list((STYLES / args.style / args.style).glob("*.yml")))
        print(f"{args.drafts} drafts ({chars:,} characters), style {args.style} ({rules} rules), "
              f"median of {args.runs} runs")
        for jobs in args.jobs.split(","):
            command = [sociable, "check", "--vale-config", ".vale.ini", "--select", args.style,
                       "--output-format", "vale-line", "--no-cache", "--cache-dir",
                       str(folder / ".cache"), "--jobs", jobs, "."]
            seconds, cpu, output = timed(command, folder, args.runs)
            found = len(output.splitlines())
            print(f"sociable, {jobs} worker(s): {seconds:.2f} s wall, {cpu:.2f} s CPU "
                  f"({args.drafts / seconds:.0f} drafts/s, {found} findings)")
        vale = shutil.which("vale")
        if vale:
            seconds, cpu, output = timed([vale, "--output=line", "--sort", "--relative", "."],
                                         folder, args.runs)
            print(f"vale: {seconds:.2f} s wall, {cpu:.2f} s CPU ({len(output.splitlines())} findings)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
