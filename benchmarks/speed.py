"""Start-up and throughput figures for ``sociable check``.

* cold start: one short draft checked by a fresh ``sociable`` process (median of N runs),
  next to bare ``python -c pass`` for reference;
* throughput: drafts per second over a folder of generated drafts, with 1 and 2 workers.

    python benchmarks/speed.py [--runs 20] [--drafts 4000]

Figures are printed, not asserted: they depend on the machine.
"""

from __future__ import annotations

import argparse
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SHORT = "Hi Ana,\n\nLoved your talk on onboarding churn. How did you measure activation?\n\nBest,\nSam\n"
OPENERS = ["Hi {n},", "Hello {n},", "Hey {n} -", "Dear {n},", "{n},"]
SENTENCES = [
    "Your post on {t} made me rethink how we run {t} reviews at {c}.",
    "I hope this email finds you well. We help companies like {c} with {t}.",
    "Like if you agree: {t} is the most underrated skill in {f}.",
    "Quick note after your {t} talk in {p}: the part on {u} was the clearest I have heard.",
    "We moved {c} from {u} to {t} in {k} weeks and cut costs by {k}%.",
    "Did the {t} change at {c} affect how your {f} team plans {u}?",
    "I am thrilled to announce that our {t} product is now live in {p}.",
    "My team in {p} tried your {u} checklist; step {k} saved us a week.",
    "Would a {k}-minute call next week work to talk about {t}?",
    "The chart on {u} in your newsletter matched what we see in {f}.",
    "Thanks for the intro to {n2}; we are meeting in {p} about {t}.",
    "Share this with your network if {t} matters to you. #{t} #{f} #{u}",
]
TOPICS = ["churn", "pricing", "onboarding", "hiring", "forecasting", "retention", "security",
          "billing", "analytics", "support", "compliance", "logistics", "design", "search"]
FIELDS = ["sales", "finance", "health", "retail", "education", "media", "energy", "travel"]
PLACES = ["Berlin", "Austin", "Lagos", "Pune", "Lyon", "Osaka", "Leeds", "Quito", "Perth"]
COMPANIES = ["Northwind", "Ledgerly", "Acme", "Harbor Foods", "Brightline", "Kestrel", "Umbra"]
NAMES = ["Ana", "Ben", "Chloe", "Dev", "Eli", "Farah", "Goran", "Hana", "Ivo", "Jia", "Kofi"]


def timed(command: list[str], runs: int, cwd: Path) -> float:
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, cwd=cwd, capture_output=True, check=False)
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def make_drafts(folder: Path, count: int) -> None:
    """Varied drafts: sentences drawn from a pool with random slots, so most drafts differ
    (as a real folder's do) and the run measures linting, not one giant duplicate cluster."""
    rng = random.Random(7)
    for index in range(count):
        def fill(template: str) -> str:
            return template.format(
                t=rng.choice(TOPICS), f=rng.choice(FIELDS), p=rng.choice(PLACES),
                c=rng.choice(COMPANIES), u=rng.choice(TOPICS), n2=rng.choice(NAMES),
                k=rng.randint(2, 40),
            )
        body = " ".join(fill(s) for s in rng.sample(SENTENCES, rng.randint(2, 5)))
        text = "\n\n".join([rng.choice(OPENERS).format(n=rng.choice(NAMES)), body,
                             f"Best,\n{rng.choice(NAMES)}"])
        (folder / f"draft-{index:05}.md").write_text(text + "\n", encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--drafts", type=int, default=4000)
    args = parser.parse_args()
    script = Path(sys.executable).with_name("sociable")  # the console script users run
    sociable = [str(script)] if script.is_file() else [sys.executable, "-m", "sociable"]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / "short.md").write_text(SHORT, encoding="utf-8")
        subprocess.run([*sociable, "check", "short.md"], cwd=folder, capture_output=True)  # warm pack cache
        bare = timed([sys.executable, "-c", "pass"], args.runs, folder)
        cold = timed([*sociable, "check", "short.md"], args.runs, folder)
        print(f"bare python start-up        {bare * 1000:7.1f} ms (median of {args.runs})")
        print(f"one short draft, cold       {cold * 1000:7.1f} ms (median of {args.runs})")
        drafts = folder / "many"
        drafts.mkdir()
        make_drafts(drafts, args.drafts)
        for jobs in (1, 2):
            start = time.perf_counter()
            subprocess.run([*sociable, "check", "--no-cache", "--jobs", str(jobs), "--exit-zero",
                            "--quiet", "many"], cwd=folder, capture_output=True, check=True)
            seconds = time.perf_counter() - start
            print(f"{args.drafts} drafts, {jobs} worker(s)  {seconds:7.2f} s  "
                  f"= {args.drafts / seconds:7.0f} drafts/s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
