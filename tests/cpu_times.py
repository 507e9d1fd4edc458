"""A pytest plugin that reports each test's CPU time next to its wall time.

The suite often runs on a machine shared with other jobs, where wall time says more about the
neighbours than about the tests. CPU seconds (this process plus the child processes it waited
for: ``sociable`` runs, pip, pre-commit, language servers) move far less. Use it with::

    PYTHONPATH=tests .venv/bin/pytest -q -p no:cacheprovider -p cpu_times tests

It prints the CPU total, the files that cost most and the slowest tests; with
``CPU_TIMES_JSON=path`` it also writes every test's figures there. Setup and teardown count
towards the test that ran them, so a session fixture is charged to its first user.
"""

from __future__ import annotations

import json
import os
import resource
import time
from collections import defaultdict
from collections.abc import Iterator
from typing import Any

import pytest

_rows: list[dict[str, Any]] = []


def _cpu() -> tuple[float, float]:
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime, children.ru_utime + children.ru_stime


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_protocol(item: pytest.Item, nextitem: pytest.Item | None) -> Iterator[None]:
    own, children = _cpu()
    started = time.perf_counter()
    yield
    own_after, children_after = _cpu()
    _rows.append({"id": item.nodeid, "self": own_after - own, "child": children_after - children,
                  "wall": time.perf_counter() - started})


def pytest_terminal_summary(terminalreporter: Any) -> None:
    if not _rows:
        return
    write = terminalreporter.write_line
    cpu = sum(r["self"] + r["child"] for r in _rows)
    children = sum(r["child"] for r in _rows)
    wall = sum(r["wall"] for r in _rows)
    write(f"cpu_times: {len(_rows)} tests, {cpu:.1f} s CPU ({children:.1f} s in child "
          f"processes), {wall:.1f} s wall")
    by_file: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0])
    for row in _rows:
        totals = by_file[row["id"].split("::")[0]]
        totals[0] += row["self"] + row["child"]
        totals[1] += row["wall"]
    write("cpu_times: files by CPU (s CPU, s wall):")
    for name, (file_cpu, file_wall) in sorted(by_file.items(), key=lambda kv: -kv[1][0])[:15]:
        write(f"  {file_cpu:7.1f} {file_wall:7.1f}  {name}")
    write("cpu_times: tests by CPU (s CPU, s wall):")
    for row in sorted(_rows, key=lambda r: -(r["self"] + r["child"]))[:20]:
        write(f"  {row['self'] + row['child']:7.1f} {row['wall']:7.1f}  {row['id']}")
    out = os.environ.get("CPU_TIMES_JSON")
    if out:
        with open(out, "w", encoding="utf-8") as handle:
            json.dump(_rows, handle, indent=0)
