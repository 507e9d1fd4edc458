"""The results cache in a content repo of thousands of drafts: cold run, re-run, one edit.

Generates a repo of varied drafts (Markdown with frontmatter, plain text, e-mails) in a
temporary folder, then times the real ``sociable check`` command (a fresh process each time,
as pre-commit runs it) in these situations and prints the figures:

* cold: empty cache, every draft linted (and stored);
* warm: nothing changed, every draft from the cache;
* one edit: one draft changed, the whole repo checked again;
* commit: the pre-commit call, one changed draft compared with every draft in the repo
  (``--compare-with .``, when this sociable has that flag);
* one draft alone, and the whole repo with ``--no-cache``, for comparison;
* the commit with repetition rules off (``--ignore RP``), with and without the cache: the
  cross-draft comparison runs on every run after the cache, so these rows show what the
  cache itself saves.

    python benchmarks/cache.py [--drafts 3000] [--repeat 3] [--jobs N] [--keep]

The target: a commit touching one draft in a repo of thousands takes well under a second.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

FIRST = ["Sam", "Priya", "Jonas", "Mei", "Carlos", "Aisha", "Tom", "Lena", "Omar", "Zoe"]
COMPANIES = ["Acme", "Globex", "Initech", "Umbrella", "Hooli", "Vandelay", "Stark", "Wayne"]
WORDS = (
    "pricing", "churn", "onboarding", "rollout", "warehouse", "slotting", "backlog", "hiring",
    "audit", "migration", "roadmap", "quota", "pipeline", "renewal", "forecast", "latency",
    "outage", "runbook", "dashboard", "cohort", "survey", "interview", "launch", "webinar",
    "podcast", "workshop", "meetup", "keynote", "panel", "thread", "article", "report",
    "spreadsheet", "budget", "vendor", "contract", "invoice", "retention", "referral", "pilot",
    "trial", "integration", "checkout", "search", "mobile", "desktop", "tablet", "region", "market",
    "segment", "persona", "journey", "funnel", "quarter", "month", "week", "sprint", "review",
    "retro", "standup", "offsite", "handbook", "policy", "template", "guide"
)
VERBS = ["read", "tried", "shared", "measured", "rebuilt", "tested", "compared", "cut", "planned"]
#: A few drafts reuse these, as teams reuse templates: what repetition rules look for.
TEMPLATES = [
    "I noticed your company is growing fast and wanted to reach out. We help teams like yours "
    "save hours every week. Would you be open to a quick call next week?",
    "Like this if you agree that Mondays are the worst!",
    "Please share this with your network: our new guide is out.",
]
CHANNELS = ["linkedin-post", "linkedin-dm", "cold-email", "x-post", "linkedin-connect"]


def sentence(rng: random.Random) -> str:
    """A specific-sounding sentence of random words: drafts rarely share long runs of words."""
    words = rng.sample(WORDS, 6)
    return (f"We {rng.choice(VERBS)} the {words[0]} {words[1]} you described after the "
            f"{words[2]} {words[3]}, and the {words[4]} {words[5]} moved {rng.randint(2, 60)}%.")


def draft(rng: random.Random, index: int) -> tuple[str, str]:
    """One draft's file name and text; most are specific, one in twenty reuses a template."""
    name, company = rng.choice(FIRST), rng.choice(COMPANIES)
    if index % 20 == 0:
        body = rng.choice(TEMPLATES)
    else:
        body = " ".join(sentence(rng) for _ in range(rng.randint(1, 3)))
        body += f" How did {company} handle the {rng.choice(WORDS)} part?"
    kind = index % 10
    if kind == 9:
        text = (f"From: me@example.com\nTo: {name.lower()}@{company.lower()}.com\n"
                f"Subject: {rng.choice(WORDS)} at {company}\n\nHi {name},\n\n{body}\n\nBest,\nAlex\n")
        return f"emails/{index:05d}.eml", text
    if kind == 8:
        return f"notes/{index:05d}.txt", f"Hi {name},\n\n{body}\n"
    channel = CHANNELS[index % len(CHANNELS)]
    text = (f"---\nchannel: {channel}\nto: {{name: {name}, company: {company}}}\n---\n\n"
            f"Hi {name},\n\n{body}\n")
    return f"drafts/{channel}/{index:05d}.md", text


def make_repo(root: Path, count: int, seed: int = 7) -> list[Path]:
    rng = random.Random(seed)
    files = []
    for index in range(count):
        relative, text = draft(rng, index)
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        files.append(path)
    (root / "sociable.toml").write_text('cache-dir = ".sociable_cache"\n', encoding="utf-8")
    return files


def sociable(root: Path, *args: str, env: dict[str, str]) -> tuple[float, subprocess.CompletedProcess[str]]:
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "sociable", "check", "--quiet", *args],
        cwd=root, capture_output=True, text=True, env=env,
    )
    elapsed = time.perf_counter() - start
    if done.returncode not in (0, 1):
        raise SystemExit(f"sociable check {' '.join(args)} failed ({done.returncode}):\n{done.stderr}")
    return elapsed, done


def has_flag(flag: str, env: dict[str, str]) -> bool:
    done = subprocess.run([sys.executable, "-m", "sociable", "check", "--help"],
                          capture_output=True, text=True, env=env)
    return flag in done.stdout


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--drafts", type=int, default=3000, help="drafts in the repo (default 3000)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per warm measurement (median)")
    parser.add_argument("--jobs", "-j", type=int, help="worker processes (default: all cores)")
    parser.add_argument("--keep", action="store_true", help="keep the generated repo and print it")
    args = parser.parse_args(argv)

    env = {k: v for k, v in os.environ.items() if k not in ("SOCIABLE_CACHE_DIR", "CI")}
    env["SOCIABLE_CACHE_STATS"] = "1"
    src = str(Path(__file__).resolve().parents[1] / "src")
    env["PYTHONPATH"] = src + os.pathsep + env.get("PYTHONPATH", "")
    jobs = ["--jobs", str(args.jobs)] if args.jobs else []
    root = Path(tempfile.mkdtemp(prefix="sociable-cache-bench-"))
    try:
        files = make_repo(root, args.drafts)
        print(f"repo: {args.drafts} drafts in {root} ({os.cpu_count()} cores)")

        def report(label: str, seconds: float, done: subprocess.CompletedProcess[str]) -> None:
            stats = [line for line in done.stderr.splitlines() if "cache:" in line]
            print(f"{label:<44} {seconds * 1000:8.0f} ms   {stats[-1][10:] if stats else ''}")

        def median(*run_args: str) -> tuple[float, subprocess.CompletedProcess[str]]:
            runs = [sociable(root, *run_args, env=env) for _ in range(args.repeat)]
            return statistics.median(r[0] for r in runs), runs[-1][1]

        report("one draft, alone (start-up cost)", *median(*jobs, str(files[0].relative_to(root))))
        report("whole repo, --no-cache", *sociable(root, *jobs, "--no-cache", ".", env=env))
        report("whole repo, cold cache", *sociable(root, *jobs, ".", env=env))
        report("whole repo, warm cache (nothing changed)", *median(*jobs, "."))
        edited = files[len(files) // 2]
        edited.write_text(edited.read_text(encoding="utf-8") + "\nOne more line.\n", encoding="utf-8")
        report("whole repo, one draft edited", *sociable(root, *jobs, ".", env=env))
        if has_flag("--compare-with", env):
            edited.write_text(edited.read_text(encoding="utf-8") + "And another.\n", encoding="utf-8")
            target = str(edited.relative_to(root))
            report("commit: edited draft --compare-with .", *sociable(root, *jobs, "--compare-with", ".", target, env=env))
            report("commit again (all cached)", *median(*jobs, "--compare-with", ".", target))
            # Cross-draft comparison runs after the cache, on every run: this row leaves it out.
            report("commit again, --ignore RP (no corpus step)",
                   *median(*jobs, "--ignore", "RP", "--compare-with", ".", target))
            report("commit, --ignore RP --no-cache",
                   *sociable(root, *jobs, "--ignore", "RP", "--no-cache", "--compare-with", ".", target, env=env))
        else:
            print("(this sociable has no --compare-with yet: the commit case is not measured)")
    finally:
        if args.keep:
            print(f"kept: {root}")
        else:
            shutil.rmtree(root, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
