"""Mutation testing of one module at a time with mutmut 3, and its survival rate.

mutmut rewrites the tree it runs in, so this copies the checkout (the files git knows, and
new ones not ignored) to a work folder, adds a ``[tool.mutmut]`` table naming one module
and the tests that should guard it, runs ``mutmut run`` there and prints how many mutants
the tests killed and how many survived. The checkout itself is never touched.

    pip install mutmut
    python scripts/mutation.py src/sociable/fixer.py tests/test_fix.py tests/test_properties.py
    python scripts/mutation.py --list-survivors src/sociable/fixer.py tests/test_fix.py
    python scripts/mutation.py --diffs 'src/sociable/faces/formatters/*' tests/test_formats.py

The module may be a glob (mutmut's ``only_mutate``); the counts are then given per module as
well as in total. Survival is ``(survived + no tests) / mutants``: a mutant no test even runs
survives too. ``--diffs`` prints each survivor's one-line change (``mutmut show NAME`` in the
work folder, printed at the end, shows one); ``--work`` on a finished folder only reports.
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


def link_shared(work: Path) -> None:
    """Tests that read ``../shared`` (the dev corpus, Vale's styles) find it from
    ``work/mutants/tests`` too: ``work/shared`` points at the checkout's neighbour."""
    shared = REPO.parent / "shared"
    if shared.is_dir() and not (work / "shared").exists():
        (work / "shared").symlink_to(shared)


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


def results(work: Path) -> dict[str, Counter[str]]:
    """Status counts of the mutants of each module, from ``mutmut results --all true``."""
    out = subprocess.run(
        [sys.executable, "-m", "mutmut", "results", "--all", "true"], cwd=work,
        capture_output=True, text=True, check=True,
    ).stdout
    by_module: dict[str, Counter[str]] = {}
    for line in out.splitlines():
        found = re.match(r"\s*(\S+)\.x\S*__mutmut_\d+: (.+)$", line)
        if found:
            by_module.setdefault(found.group(1), Counter())[found.group(2).strip()] += 1
    return by_module


def summary(name: str, statuses: Counter[str]) -> str:
    """One line of counts, as docs/mutation.md tabulates them."""
    total = sum(statuses.values())
    alive = statuses.get("survived", 0) + statuses.get("no tests", 0)
    rate = alive / total if total else 0.0
    return (f"{name}: {total} mutants, {statuses.get('killed', 0)} killed, "
            f"{statuses.get('survived', 0)} survived, {statuses.get('no tests', 0)} without a test, "
            f"{statuses.get('timeout', 0)} timed out; survival {rate:.0%}")


def change_of(work: Path, name: str) -> str:
    """A mutant's change in a few lines: the removed and added lines of ``mutmut show``."""
    shown = subprocess.run(
        [sys.executable, "-m", "mutmut", "show", name], cwd=work, capture_output=True, text=True,
        check=False,
    ).stdout
    changed = [line for line in shown.splitlines()
               if line[:1] in "-+" and not line.startswith(("---", "+++"))]
    return "\n".join(f"      {line.strip()[:1]} {line[1:].strip()}" for line in changed)


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
    parser.add_argument("--diffs", action="store_true", help="name every survivor and its change")
    args = parser.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="sociable-mutation-"))
    if not (work / "mutants").exists():
        copy_checkout(work)
        configure(work, args.module, args.tests)
        link_shared(work)
    run = subprocess.run(
        [sys.executable, "-m", "mutmut", "run", "--max-children", str(args.max_children)],
        cwd=work, check=False, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )
    by_module = results(work)
    unchecked = sum(statuses.get("not checked", 0) for statuses in by_module.values())
    if run.returncode != 0 or unchecked:
        # A test that fails before any mutant (a missing fixture folder, say) leaves every
        # mutant "not checked": a 0% survival that means nothing, so say so and fail.
        print(run.stderr[-3000:], file=sys.stderr)
        print(f"mutmut run exited {run.returncode}; {unchecked} mutants not checked "
              f"(work folder: {work})", file=sys.stderr)
        return 1
    if len(by_module) > 1:
        for module, statuses in sorted(by_module.items()):
            print("  " + summary(module, statuses))
    print(summary(args.module, sum(by_module.values(), Counter())))
    if args.list_survivors or args.diffs:
        for name in survivors(work):
            print(f"  {name}")
            if args.diffs:
                print(change_of(work, name))
    print(f"work folder: {work}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
