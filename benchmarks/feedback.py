"""What the terminal feedback (progress bar, closing summary) costs.

* import: ``python -X importtime`` self time of :mod:`sociable.faces.cli.feedback`, and whether
  any third-party progress library (rich, tqdm) is imported by a one-draft run;
* long run: wall time of ``sociable check`` over N generated drafts with stderr on a
  pseudo-terminal, with the bar drawn and with ``--quiet`` (no bar), and with stderr piped;
  interleaved, median of R runs. Bar against ``--quiet`` is the bar's own cost.

    python benchmarks/feedback.py [--drafts 600] [--runs 8]

Linux only (pseudo-terminals). Figures are printed, not asserted: they depend on the machine.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SOCIABLE = [sys.executable, "-m", "sociable"]


def import_cost(draft: Path) -> tuple[int, list[str]]:
    done = subprocess.run([*SOCIABLE, "check", "--no-cache", str(draft)], capture_output=True,
                          text=True, env={**os.environ, "PYTHONPROFILEIMPORTTIME": "1"})
    found = re.search(r"import time:\s+(\d+) \|.*sociable\.faces\.cli\.feedback", done.stderr)
    heavy = sorted(set(re.findall(r"\|\s+(rich|tqdm)\b", done.stderr)))
    return (int(found.group(1)) if found else -1), heavy


def on_terminal(command: list[str], cwd: Path, env: dict[str, str]) -> float:
    import pty

    master, slave = pty.openpty()
    start = time.perf_counter()
    proc = subprocess.Popen(command, cwd=cwd, stdout=subprocess.PIPE, stderr=slave, env=env)
    os.close(slave)
    while True:
        try:
            if not os.read(master, 65536):
                break
        except OSError:
            break
    proc.communicate()
    os.close(master)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--drafts", type=int, default=600)
    parser.add_argument("--runs", type=int, default=8)
    args = parser.parse_args()
    env = {k: v for k, v in os.environ.items() if k != "CI"}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for index in range(args.drafts):
            (folder / f"d{index:05}.md").write_text(
                f"Hi Ana,\n\nYour talk number {index} on caching changed how we size queues.\n",
                encoding="utf-8",
            )
        micros, heavy = import_cost(folder / "d00000.md")
        print(f"feedback module import: {micros} us self time; third-party progress imports: {heavy or 'none'}")
        command = [*SOCIABLE, "check", "--no-cache", "--select", "EB", "-j", "1", "."]
        times: dict[str, list[float]] = {
            "terminal (bar)": [], "terminal --quiet (no bar)": [], "piped (no bar)": [],
        }
        for _ in range(args.runs):
            times["terminal (bar)"].append(on_terminal(command, folder, env))
            times["terminal --quiet (no bar)"].append(on_terminal([*command, "--quiet"], folder, env))
            start = time.perf_counter()
            subprocess.run(command, cwd=folder, capture_output=True, env=env)
            times["piped (no bar)"].append(time.perf_counter() - start)
        for name, values in times.items():
            print(f"{args.drafts} drafts, stderr {name}: median {statistics.median(values):.2f} s, "
                  f"min {min(values):.2f} s over {len(values)} runs")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
