"""Mutation testing of one module at a time with mutmut 3, and its survival rate.

mutmut rewrites the tree it runs in, so this copies the checkout (the files git knows, and
new ones not ignored) to a work folder, adds a ``[tool.mutmut]`` table naming one module
and the tests that should guard it, runs ``mutmut run`` there and prints how many mutants
the tests killed and how many survived. The checkout itself is never touched.

    pip install mutmut
    python scripts/mutation.py src/sociable/fixer.py tests/test_fix.py tests/test_properties.py
    python scripts/mutation.py --list-survivors src/sociable/fixer.py tests/test_fix.py

Survival is ``(survived + no tests) / mutants``: a mutant no test even runs survives too.
``mutmut show NAME`` in the work folder (printed at the end) shows a survivor's change.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def copy_checkout(target: Path) -> None:
    """The checkout's files (tracked, and new ones git does not ignore) under ``target``."""
    listed = subprocess.run(
        ["git", "ls-files", "-co", "--exclude-standard"], cwd=REPO, check=True,
        capture_output=True, text=True,
    ).stdout.splitlines()
    for name in listed:
        source = REPO / name
        if source.is_symlink():  # src/sociable/rules -> ../../rules: keep it a link
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            (target / name).symlink_to(source.readlink())
        elif source.is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)


def configure(target: Path, module: str, tests: list[str]) -> None:
    """Append the ``[tool.mutmut]`` table for one module to the copy's pyproject.toml."""
    def toml_list(items: list[str]) -> str:
        return "[" + ", ".join(f'"{item}"' for item in items) + "]"

    table = (
        "\n[tool.mutmut]\n"
        'source_paths = ["src"]\n'
        f"only_mutate = {toml_list([module])}\n"
        f"pytest_add_cli_args_test_selection = {toml_list(tests)}\n"
        'pytest_add_cli_args = ["-p", "no:cacheprovider", "-x", "-q"]\n'
        'also_copy = ["README.md", "docs", "examples", "scripts", "benchmarks", "rules", "src/sociable/rules"]\n'
    )
    with open(target / "pyproject.toml", "a", encoding="utf-8") as stream:
        stream.write(table)


def results(work: Path) -> Counter[str]:
    """Status of every mutant, from ``mutmut results --all true``."""
    out = subprocess.run(
        [sys.executable, "-m", "mutmut", "results", "--all", "true"], cwd=work,
        capture_output=True, text=True, check=True,
    ).stdout
    statuses: Counter[str] = Counter()
    for line in out.splitlines():
        found = re.match(r"\s*(\S+__mutmut_\d+): (.+)$", line)
        if found:
            statuses[found.group(2).strip()] += 1
    return statuses


def survivors(work: Path) -> list[str]:
    out = subprocess.run(
        [sys.executable, "-m", "mutmut", "results"], cwd=work, capture_output=True, text=True,
        check=True,
    ).stdout
    return [m.group(1) for m in re.finditer(r"(\S+__mutmut_\d+): (?:survived|no tests)", out)]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("module", help="the one module to mutate, e.g. src/sociable/fixer.py")
    parser.add_argument("tests", nargs="+", help="test files that should kill its mutants")
    parser.add_argument("--work", type=Path, help="work folder (default: a new temporary one)")
    parser.add_argument("--max-children", type=int, default=1, help="parallel test runs")
    parser.add_argument("--list-survivors", action="store_true", help="name every survivor")
    args = parser.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="sociable-mutation-"))
    if not (work / "mutants").exists():
        copy_checkout(work)
        configure(work, args.module, args.tests)
    subprocess.run(
        [sys.executable, "-m", "mutmut", "run", "--max-children", str(args.max_children)],
        cwd=work, check=False, stdout=subprocess.DEVNULL,
    )
    statuses = results(work)
    total = sum(statuses.values())
    killed = statuses.get("killed", 0)
    alive = statuses.get("survived", 0) + statuses.get("no tests", 0)
    rate = alive / total if total else 0.0
    print(f"{args.module}: {total} mutants, {killed} killed, {statuses.get('survived', 0)} survived, "
          f"{statuses.get('no tests', 0)} without a test, {statuses.get('timeout', 0)} timed out; "
          f"survival {rate:.0%}")
    if args.list_survivors:
        for name in survivors(work):
            print(f"  {name}")
    print(f"work folder: {work}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
